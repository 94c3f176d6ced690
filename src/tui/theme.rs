//! Styles, with and without colour (`NO_COLOR` turns colour off).

use quoteline::model::SpeakerId;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub title: Style,
    pub body: Style,
    pub dim: Style,
    pub removed: Style,
    pub focused_border: Style,
    pub border: Style,
    pub selected: Style,
    pub matched: Style,
    /// Words another outlet added / left out, in a wording comparison.
    pub added: Style,
    pub dropped: Style,
}

const PALETTE: &[Color] = &[
    Color::Cyan,
    Color::Yellow,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightBlue,
    Color::LightRed,
    Color::Green,
    Color::Magenta,
];

impl Theme {
    pub fn current() -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme::new(color)
    }

    pub fn new(color: bool) -> Theme {
        let dim = Style::new().add_modifier(Modifier::DIM);
        Theme {
            color,
            title: Style::new().add_modifier(Modifier::BOLD),
            body: Style::new(),
            dim,
            removed: dim.add_modifier(Modifier::ITALIC),
            focused_border: if color {
                Style::new().fg(Color::Cyan)
            } else {
                Style::new().add_modifier(Modifier::BOLD)
            },
            border: dim,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: if color {
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            },
            // Without colour the marks still tell the two apart.
            added: if color {
                Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            },
            dropped: if color {
                Style::new().fg(Color::Red).add_modifier(Modifier::CROSSED_OUT)
            } else {
                Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM)
            },
        }
    }

    /// A speaker's quote colour; the selected quote is reversed as well.
    pub fn speaker(&self, speaker: Option<SpeakerId>, selected: bool) -> Style {
        let base = match (self.color, speaker) {
            (true, Some(s)) => Style::new().fg(PALETTE[s % PALETTE.len()]),
            (true, None) => Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            (false, _) => Style::new().add_modifier(Modifier::UNDERLINED),
        };
        if selected {
            base.add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            base
        }
    }
}
