//! The keymap: one table from keys to actions, with a description per
//! action. Help is generated from it, and a TOML file in the user's config
//! directory (`~/.config/quoteline/keys.toml`, or `$QUOTELINE_KEYS`) can
//! rebind any action:
//!
//! ```toml
//! down = ["j", "down", "ctrl-n"]
//! quit = ["q", "x"]
//! ```

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with or without Ctrl and Alt (Shift is in the character or
/// `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}

/// Every action: its name in keys.toml, default keys and description.
const DEFAULTS: &[(Action, &str, &[Key], &str)] = &[
    (
        Action::Down,
        "down",
        &[k(KeyCode::Char('j')), k(KeyCode::Down)],
        "next item / scroll down",
    ),
    (
        Action::Up,
        "up",
        &[k(KeyCode::Char('k')), k(KeyCode::Up)],
        "previous item / scroll up",
    ),
    (
        Action::Top,
        "top",
        &[k(KeyCode::Char('g')), k(KeyCode::Home)],
        "first item",
    ),
    (
        Action::Bottom,
        "bottom",
        &[k(KeyCode::Char('G')), k(KeyCode::End)],
        "last item",
    ),
    (Action::PageUp, "page_up", &[k(KeyCode::PageUp)], "page up"),
    (Action::PageDown, "page_down", &[k(KeyCode::PageDown)], "page down"),
    (Action::NextPane, "next_pane", &[k(KeyCode::Tab)], "next pane"),
    (Action::PrevPane, "prev_pane", &[k(KeyCode::BackTab)], "previous pane"),
    (
        Action::Open,
        "open",
        &[k(KeyCode::Enter)],
        "open article / go to timeline / jump to quote",
    ),
    (
        Action::Back,
        "back",
        &[k(KeyCode::Esc)],
        "back; clears the speaker filter in the list",
    ),
    (
        Action::NextQuote,
        "next_quote",
        &[k(KeyCode::Char('n'))],
        "next quote in the article",
    ),
    (
        Action::PrevQuote,
        "prev_quote",
        &[k(KeyCode::Char('N'))],
        "previous quote in the article",
    ),
    (
        Action::SpeakerPicker,
        "speaker_picker",
        &[k(KeyCode::Char('s'))],
        "pick a speaker (fuzzy)",
    ),
    (
        Action::Search,
        "search",
        &[k(KeyCode::Char('/'))],
        "search quotes by the words they hold, or their beginnings",
    ),
    (
        Action::NextRelated,
        "next_related",
        &[k(KeyCode::Char(']'))],
        "next related quote",
    ),
    (
        Action::PrevRelated,
        "prev_related",
        &[k(KeyCode::Char('['))],
        "previous related quote",
    ),
    (
        Action::RelatedList,
        "related_list",
        &[k(KeyCode::Char('R'))],
        "related quotes as a list, with the reason for each",
    ),
    (
        Action::CompareWordings,
        "compare",
        &[k(KeyCode::Char('c'))],
        "compare how outlets worded this statement",
    ),
    (
        Action::SetDate,
        "set_date",
        &[k(KeyCode::Char('d'))],
        "set the article's date by hand (saved)",
    ),
    (
        Action::Star,
        "star",
        &[k(KeyCode::Char('*'))],
        "star or unstar the quote (saved)",
    ),
    (
        Action::Note,
        "note",
        &[k(KeyCode::Char('m'))],
        "write a note on the quote (saved)",
    ),
    (
        Action::Reattribute,
        "reattribute",
        &[k(KeyCode::Char('A'))],
        "correct who said the quote (saved)",
    ),
    (
        Action::MergeSpeaker,
        "merge_speaker",
        &[k(KeyCode::Char('M'))],
        "merge the quote's speaker into another (saved)",
    ),
    (
        Action::SplitAlias,
        "split_alias",
        &[k(KeyCode::Char('X'))],
        "give the name this quote uses a speaker of its own (saved)",
    ),
    (
        Action::RenameSpeaker,
        "rename_speaker",
        &[k(KeyCode::Char('E'))],
        "rename the quote's speaker (saved)",
    ),
    (
        Action::GroupByStory,
        "group_by_story",
        &[k(KeyCode::Char('t'))],
        "group the article list by story",
    ),
    (
        Action::RawView,
        "raw_view",
        &[k(KeyCode::Char('r'))],
        "raw view: removed clutter shown dimmed",
    ),
    (Action::Help, "help", &[k(KeyCode::Char('?'))], "this help"),
    (
        Action::Quit,
        "quit",
        &[k(KeyCode::Char('q'))],
        "quit (Ctrl-C always quits)",
    ),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULTS.iter().map(|(a, _, keys, _)| (*a, keys.to_vec())).collect(),
        }
    }
}

impl Keymap {
    /// The default keys with the keys file's applied, and what was wrong
    /// with it, if anything. `$QUOTELINE_KEYS` names the file; set empty,
    /// none is read.
    pub fn load() -> (Keymap, Option<String>) {
        let mut map = Keymap::default();
        let named = std::env::var_os("QUOTELINE_KEYS");
        if named.as_ref().is_some_and(|n| n.is_empty()) {
            return (map, None);
        }
        let path = match named {
            Some(n) => std::path::PathBuf::from(n),
            None => match dirs::config_dir() {
                // The default file may well not be there; one named on
                // purpose should be.
                Some(d) => match d.join("quoteline/keys.toml") {
                    p if p.exists() => p,
                    _ => return (map, None),
                },
                None => return (map, None),
            },
        };
        let problems = match std::fs::read_to_string(&path) {
            Ok(text) => map.apply(&text),
            Err(e) => vec![format!(
                "{}; using the default keys",
                quoteline::load::discover::io_reason(&e)
            )],
        };
        let problem = (!problems.is_empty()).then(|| format!("{}: {}", path.display(), problems.join("; ")));
        (map, problem)
    }

    /// Applies `action = ["key", …]` lines from TOML text, entry by entry:
    /// a wrong one is left out and said, and the rest apply. Text that is no
    /// TOML applies nothing. Returns what was wrong.
    pub fn apply(&mut self, toml_text: &str) -> Vec<String> {
        let table: toml::Table = match toml_text.parse() {
            Ok(t) => t,
            Err(e) => {
                return vec![format!(
                    "{}; using the default keys",
                    quoteline::state::toml_error(toml_text, &e)
                )]
            }
        };
        let mut problems = Vec::new();
        // Which action the file gave each key to, to tell a key given twice.
        let mut given: Vec<(Key, &str)> = Vec::new();
        for (name, value) in &table {
            let Some((action, ..)) = DEFAULTS.iter().find(|(_, n, ..)| n == name) else {
                problems.push(format!("unknown action `{name}`, left out"));
                continue;
            };
            let Some(list) = value.as_array() else {
                problems.push(format!("`{name}` needs a list of keys, left out"));
                continue;
            };
            let keys = list
                .iter()
                .map(|v| {
                    v.as_str()
                        .ok_or_else(|| format!("`{name}`: keys are strings"))
                        .and_then(parse_key)
                })
                .collect::<Result<Vec<Key>, String>>();
            let keys = match keys {
                Ok(keys) => keys,
                Err(e) => {
                    problems.push(format!("{e}, `{name}` left out"));
                    continue;
                }
            };
            for &key in &keys {
                if let Some((_, other)) = given.iter().find(|(k, other)| *k == key && other != name) {
                    problems.push(format!(
                        "`{}` is given to `{other}` and `{name}`: `{name}` has it",
                        key_name(key)
                    ));
                }
                given.retain(|(k, _)| *k != key);
                given.push((key, name));
            }
            // A key moves: it leaves whatever action had it.
            for (_, ks) in &mut self.bindings {
                ks.retain(|k| !keys.contains(k));
            }
            if let Some((_, ks)) = self.bindings.iter_mut().find(|(a, _)| a == action) {
                *ks = keys;
            }
        }
        problems
    }

    /// The action bound to a key press, if any. Ctrl-C always quits.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Interrupt);
        }
        let pressed = Key {
            code: key.code,
            ctrl,
            alt: key.modifiers.contains(KeyModifiers::ALT),
        };
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&pressed))
            .map(|(a, _)| *a)
    }

    /// The first key bound to `action`, as shown; none when it is unbound.
    pub fn first_key(&self, action: Action) -> Option<String> {
        let (_, keys) = self.bindings.iter().find(|(a, _)| *a == action)?;
        keys.first().map(|k| key_name(*k))
    }

    /// (keys as shown, description) for every action, for the help screen.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .map(|(a, keys)| {
                let help = DEFAULTS.iter().find(|(d, ..)| d == a).map_or("", |d| d.3);
                let shown = keys.iter().map(|k| key_name(*k)).collect::<Vec<_>>().join(" ");
                (if shown.is_empty() { "(unbound)".into() } else { shown }, help)
            })
            .collect()
    }
}

fn parse_key(s: &str) -> Result<Key, String> {
    // "ctrl-", "alt-", either order, any case.
    let (mut ctrl, mut alt, mut name) = (false, false, s);
    loop {
        let lower = name.to_ascii_lowercase();
        if lower.starts_with("ctrl-") && name.len() > 5 {
            (ctrl, name) = (true, &name[5..]);
        } else if lower.starts_with("alt-") && name.len() > 4 {
            (alt, name) = (true, &name[4..]);
        } else {
            break;
        }
    }
    let lower = name.to_lowercase();
    let function_key = lower
        .strip_prefix('f')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=12).contains(n));
    let code = match lower.as_str() {
        _ if function_key.is_some() => KeyCode::F(function_key.unwrap_or(1)),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        _ => {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return Err(format!("unknown key `{s}`")),
            }
        }
    };
    Ok(Key { code, ctrl, alt })
}

fn key_name(k: Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Delete".into(),
        KeyCode::Insert => "Insert".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    let alt = if k.alt { "Alt-" } else { "" };
    let ctrl = if k.ctrl { "Ctrl-" } else { "" };
    format!("{ctrl}{alt}{base}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: char) -> KeyEvent {
        KeyEvent::from(KeyCode::Char(c))
    }

    #[test]
    fn defaults_are_unique_and_ctrl_c_quits() {
        let map = Keymap::default();
        let mut seen = Vec::new();
        for (_, keys) in &map.bindings {
            for k in keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
        assert_eq!(map.action_for(press('q')), Some(Action::Quit));
        assert_eq!(
            map.action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Interrupt)
        );
        assert_eq!(map.help_rows().len(), DEFAULTS.len());
    }

    #[test]
    fn toml_rebinds_and_moves_keys() {
        let mut map = Keymap::default();
        assert!(map
            .apply("down = [\"j\", \"ctrl-n\"]\nquit = [\"x\", \"s\"]")
            .is_empty());
        assert_eq!(
            map.action_for(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        assert_eq!(map.action_for(press('x')), Some(Action::Quit));
        assert_eq!(map.action_for(press('q')), None, "q was replaced");
        assert_eq!(
            map.action_for(press('s')),
            Some(Action::Quit),
            "s moved from the picker"
        );
        assert!(map
            .help_rows()
            .iter()
            .any(|(keys, help)| keys == "(unbound)" && help.contains("speaker")));
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let mut map = Keymap::default();
        assert_eq!(map.apply("jump = [\"j\"]"), ["unknown action `jump`, left out"]);
        assert_eq!(
            map.apply("down = [\"hyperspace\"]"),
            ["unknown key `hyperspace`, `down` left out"]
        );
        assert_eq!(map.apply("down = \"j\""), ["`down` needs a list of keys, left out"]);
        let broken = map.apply("down = [");
        assert!(
            broken.len() == 1 && broken[0].ends_with("using the default keys"),
            "{broken:?}"
        );
        assert_eq!(map.action_for(press('j')), Some(Action::Down), "nothing applied");
    }

    #[test]
    fn a_wrong_entry_is_left_out_and_the_rest_apply() {
        let mut map = Keymap::default();
        let problems = map.apply("jump = [\"j\"]\nquit = [\"x\"]\nstar = [\"f13\"]");
        assert_eq!(
            problems,
            ["unknown action `jump`, left out", "unknown key `f13`, `star` left out"]
        );
        assert_eq!(map.action_for(press('x')), Some(Action::Quit));
        assert_eq!(map.action_for(press('j')), Some(Action::Down));
    }

    #[test]
    fn a_key_given_to_two_actions_is_said_and_the_later_one_has_it() {
        let mut map = Keymap::default();
        // Table order: the actions in name order.
        let problems = map.apply("quit = [\"x\"]\ndown = [\"x\", \"j\"]");
        assert_eq!(problems, ["`x` is given to `down` and `quit`: `quit` has it"]);
        assert_eq!(map.action_for(press('x')), Some(Action::Quit));
    }

    #[test]
    fn function_keys_delete_insert_and_alt_can_be_bound() {
        let mut map = Keymap::default();
        let problems = map
            .apply("help = [\"F1\"]\nstar = [\"delete\"]\nnote = [\"Insert\"]\nsearch = [\"alt-s\", \"ctrl-alt-f\"]");
        assert!(problems.is_empty(), "{problems:?}");
        let with = |code, modifiers| map.action_for(KeyEvent::new(code, modifiers));
        assert_eq!(with(KeyCode::F(1), KeyModifiers::NONE), Some(Action::Help));
        assert_eq!(with(KeyCode::Delete, KeyModifiers::NONE), Some(Action::Star));
        assert_eq!(with(KeyCode::Insert, KeyModifiers::NONE), Some(Action::Note));
        assert_eq!(with(KeyCode::Char('s'), KeyModifiers::ALT), Some(Action::Search));
        assert_eq!(
            with(KeyCode::Char('f'), KeyModifiers::ALT | KeyModifiers::CONTROL),
            Some(Action::Search)
        );
        // Alt-s is not s.
        assert_ne!(with(KeyCode::Char('s'), KeyModifiers::NONE), Some(Action::Search));
        assert_eq!(map.first_key(Action::Search).as_deref(), Some("Alt-s"));
        assert_eq!(map.first_key(Action::Help).as_deref(), Some("F1"));
    }
}
