//! The one keymap table. Help is generated from it, so a key and its
//! description live in one place.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// (keys as shown in help, matching key codes, action, what it does)
pub struct Binding {
    pub keys: &'static str,
    pub codes: &'static [KeyCode],
    pub action: Action,
    pub help: &'static str,
}

pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: "j ↓",
        codes: &[KeyCode::Char('j'), KeyCode::Down],
        action: Action::Down,
        help: "next item / scroll down",
    },
    Binding {
        keys: "k ↑",
        codes: &[KeyCode::Char('k'), KeyCode::Up],
        action: Action::Up,
        help: "previous item / scroll up",
    },
    Binding {
        keys: "g Home",
        codes: &[KeyCode::Char('g'), KeyCode::Home],
        action: Action::Top,
        help: "first item",
    },
    Binding {
        keys: "G End",
        codes: &[KeyCode::Char('G'), KeyCode::End],
        action: Action::Bottom,
        help: "last item",
    },
    Binding {
        keys: "PgUp",
        codes: &[KeyCode::PageUp],
        action: Action::PageUp,
        help: "page up",
    },
    Binding {
        keys: "PgDn",
        codes: &[KeyCode::PageDown],
        action: Action::PageDown,
        help: "page down",
    },
    Binding {
        keys: "Tab",
        codes: &[KeyCode::Tab],
        action: Action::NextPane,
        help: "next pane",
    },
    Binding {
        keys: "Shift-Tab",
        codes: &[KeyCode::BackTab],
        action: Action::PrevPane,
        help: "previous pane",
    },
    Binding {
        keys: "Enter",
        codes: &[KeyCode::Enter],
        action: Action::Open,
        help: "open article / jump to quote",
    },
    Binding {
        keys: "Esc",
        codes: &[KeyCode::Esc],
        action: Action::Back,
        help: "back; clears the speaker filter in the list",
    },
    Binding {
        keys: "n",
        codes: &[KeyCode::Char('n')],
        action: Action::NextQuote,
        help: "next quote in the article",
    },
    Binding {
        keys: "N",
        codes: &[KeyCode::Char('N')],
        action: Action::PrevQuote,
        help: "previous quote in the article",
    },
    Binding {
        keys: "s",
        codes: &[KeyCode::Char('s')],
        action: Action::SpeakerPicker,
        help: "pick a speaker (fuzzy)",
    },
    Binding {
        keys: "/",
        codes: &[KeyCode::Char('/')],
        action: Action::Search,
        help: "search quote text in all articles",
    },
    Binding {
        keys: "]",
        codes: &[KeyCode::Char(']')],
        action: Action::NextRelated,
        help: "next related quote",
    },
    Binding {
        keys: "[",
        codes: &[KeyCode::Char('[')],
        action: Action::PrevRelated,
        help: "previous related quote",
    },
    Binding {
        keys: "r",
        codes: &[KeyCode::Char('r')],
        action: Action::RawView,
        help: "raw view: removed clutter shown dimmed",
    },
    Binding {
        keys: "?",
        codes: &[KeyCode::Char('?')],
        action: Action::Help,
        help: "this help",
    },
    Binding {
        keys: "q",
        codes: &[KeyCode::Char('q')],
        action: Action::Quit,
        help: "quit",
    },
];

/// The action bound to a key press, if any. Ctrl-C always quits.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    KEYMAP.iter().find(|b| b.codes.contains(&key.code)).map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_binding_and_keys_are_unique() {
        let mut seen = Vec::new();
        for b in KEYMAP {
            for c in b.codes {
                assert!(!seen.contains(c), "{c:?} bound twice");
                seen.push(*c);
            }
        }
        assert_eq!(action_for(KeyEvent::from(KeyCode::Char('q'))), Some(Action::Quit));
        assert_eq!(
            action_for(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }
}
