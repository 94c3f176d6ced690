//! Where the panes go for a given terminal size. Drawing, clicks and paging
//! all ask this one function, so they always agree.

use ratatui::layout::{Constraint, Layout, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Articles,
    Quote,
    Timeline,
}

impl Pane {
    pub fn next(self) -> Pane {
        match self {
            Pane::Articles => Pane::Quote,
            Pane::Quote => Pane::Timeline,
            Pane::Timeline => Pane::Articles,
        }
    }
    pub fn prev(self) -> Pane {
        self.next().next()
    }
    pub fn title(self) -> &'static str {
        match self {
            Pane::Articles => "Articles",
            Pane::Quote => "Quote",
            Pane::Timeline => "Timeline",
        }
    }
}

/// Wide enough for three panes side by side.
pub const WIDE: u16 = 100;

#[derive(Debug, Clone, Copy, Default)]
pub struct PaneRects {
    pub articles: Option<Rect>,
    pub quote: Option<Rect>,
    pub timeline: Option<Rect>,
    /// On narrow terminals: the tab bar naming the panes.
    pub tabs: Option<Rect>,
    pub status: Option<Rect>,
}

pub fn pane_rects(area: Rect, focus: Pane) -> PaneRects {
    let mut r = PaneRects::default();
    if area.height == 0 || area.width == 0 {
        return r;
    }
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    r.status = Some(status);
    if body.height == 0 {
        return r;
    }
    if area.width >= WIDE {
        let [a, q, t] = Layout::horizontal([
            Constraint::Percentage(28),
            Constraint::Percentage(44),
            Constraint::Percentage(28),
        ])
        .areas(body);
        r.articles = Some(a);
        r.quote = Some(q);
        r.timeline = Some(t);
    } else {
        // Narrow: one pane at a time under a tab bar.
        let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
        r.tabs = Some(tabs);
        match focus {
            Pane::Articles => r.articles = Some(pane),
            Pane::Quote => r.quote = Some(pane),
            Pane::Timeline => r.timeline = Some(pane),
        }
    }
    r
}
