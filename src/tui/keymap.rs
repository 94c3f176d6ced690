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

/// A key with or without Ctrl (Shift is in the character or `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
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
    /// The defaults with the user's keys.toml applied. A broken file is
    /// reported and ignored; the defaults stay.
    pub fn load() -> (Keymap, Option<String>) {
        let mut map = Keymap::default();
        let path = std::env::var_os("QUOTELINE_KEYS")
            .map(std::path::PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("quoteline/keys.toml")));
        let Some(path) = path.filter(|p| p.is_file()) else {
            return (map, None);
        };
        let problem = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| map.apply(&text))
            .err()
            .map(|e| format!("{}: {e}; using the default keys", path.display()));
        if problem.is_some() {
            map = Keymap::default();
        }
        (map, problem)
    }

    /// Applies `action = ["key", …]` lines from TOML text.
    pub fn apply(&mut self, toml_text: &str) -> Result<(), String> {
        let table: toml::Table = toml_text
            .parse()
            .map_err(|e: toml::de::Error| quoteline::state::toml_error(toml_text, &e))?;
        for (name, value) in table {
            let (action, ..) = DEFAULTS
                .iter()
                .find(|(_, n, ..)| *n == name)
                .ok_or_else(|| format!("unknown action `{name}`"))?;
            let list = value
                .as_array()
                .ok_or_else(|| format!("`{name}` needs a list of keys"))?;
            let keys = list
                .iter()
                .map(|v| {
                    v.as_str()
                        .ok_or_else(|| format!("`{name}`: keys are strings"))
                        .and_then(parse_key)
                })
                .collect::<Result<Vec<Key>, String>>()?;
            // A key moves: it leaves whatever action had it.
            for (_, ks) in &mut self.bindings {
                ks.retain(|k| !keys.contains(k));
            }
            if let Some((_, ks)) = self.bindings.iter_mut().find(|(a, _)| a == action) {
                *ks = keys;
            }
        }
        Ok(())
    }

    /// The action bound to a key press, if any. Ctrl-C always quits.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Interrupt);
        }
        let pressed = Key { code: key.code, ctrl };
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
    let (ctrl, name) = match s.strip_prefix("ctrl-") {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let code = match name.to_lowercase().as_str() {
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
        "space" => KeyCode::Char(' '),
        _ => {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => return Err(format!("unknown key `{s}`")),
            }
        }
    };
    Ok(Key { code, ctrl })
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
        other => format!("{other:?}"),
    };
    if k.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
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
        map.apply("down = [\"j\", \"ctrl-n\"]\nquit = [\"x\", \"s\"]").unwrap();
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
        assert!(map
            .apply("jump = [\"j\"]")
            .unwrap_err()
            .contains("unknown action `jump`"));
        assert!(map
            .apply("down = [\"hyperspace\"]")
            .unwrap_err()
            .contains("unknown key"));
        assert!(map.apply("down = \"j\"").unwrap_err().contains("list of keys"));
        assert!(map.apply("down = [").is_err());
    }
}
