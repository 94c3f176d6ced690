//! Drawing: a pure function of the app state.

use super::app::{list_offset, App, Overlay};
use super::layout::{pane_rects, Pane};
use super::theme::Theme;
use super::wrap::article_lines;
use quoteline::model::{DatePrecision, QuoteId};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App) {
    let theme = Theme::current();
    let rects = pane_rects(frame.area(), app.focus);
    if let Some(r) = rects.tabs {
        let tabs: Vec<Span> = [Pane::Articles, Pane::Quote, Pane::Timeline]
            .iter()
            .flat_map(|&p| {
                let st = if p == app.focus { theme.selected } else { theme.dim };
                [Span::styled(format!(" {} ", p.title()), st), Span::raw(" ")]
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(tabs)), r);
    }
    if let Some(r) = rects.articles {
        draw_articles(frame, app, r, &theme);
    }
    if let Some(r) = rects.quote {
        draw_quote(frame, app, r, &theme);
    }
    if let Some(r) = rects.timeline {
        draw_timeline(frame, app, r, &theme);
    }
    if let Some(r) = rects.status {
        frame.render_widget(Paragraph::new(status_line(app, &theme)), r);
    }
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => draw_help(frame, app, &theme),
        Overlay::Picker {
            input,
            matches,
            selected,
        } => {
            let rows: Vec<Line> = matches
                .iter()
                .map(|(s, idx)| {
                    let sp = &app.corpus.speakers[*s];
                    let mut spans: Vec<Span> = sp
                        .name
                        .chars()
                        .enumerate()
                        .map(|(i, c)| {
                            Span::styled(
                                c.to_string(),
                                if idx.contains(&i) { theme.matched } else { Style::new() },
                            )
                        })
                        .collect();
                    spans.push(Span::styled(format!("  {} quotes", sp.quotes.len()), theme.dim));
                    Line::from(spans)
                })
                .collect();
            draw_chooser(
                frame,
                &theme,
                "Speaker (type to filter, Enter to choose, Esc to cancel)",
                input,
                rows,
                *selected,
            );
        }
        Overlay::Search {
            input,
            matches,
            selected,
        } => {
            let rows: Vec<Line> = matches
                .iter()
                .map(|&q| {
                    let quote = &app.corpus.quotes[q];
                    let who = app.corpus.speaker_name(quote).unwrap_or("?");
                    Line::from(vec![
                        Span::styled(format!("{who}: "), theme.dim),
                        Span::raw(quote.text.replace('\n', " ")),
                    ])
                })
                .collect();
            draw_chooser(
                frame,
                &theme,
                "Search quotes (Enter to jump, Esc to cancel)",
                input,
                rows,
                *selected,
            );
        }
    }
}

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.focused_border } else { theme.border })
        .title(Span::styled(title, if focused { theme.title } else { Style::new() }))
}

/// Cuts `s` to at most `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn draw_articles(frame: &mut Frame, app: &App, r: Rect, theme: &Theme) {
    let inner_w = r.width.saturating_sub(2) as usize;
    let visible = (r.height.saturating_sub(2) / 2) as usize;
    let offset = list_offset(app.list_selected, visible);
    let c = &app.corpus;
    let mut lines = Vec::new();
    for (i, &a) in app.list.iter().enumerate().skip(offset).take(visible) {
        let art = &c.articles[a];
        let marker = if app.read[a] { "  " } else { "• " };
        let title = fit(art.title.as_deref().unwrap_or("(untitled)"), inner_w.saturating_sub(2));
        let date = art.date.map_or("undated".to_string(), |d| d.to_string());
        let meta = format!(
            "  {} · {} · {} quotes",
            art.outlet.as_deref().unwrap_or("?"),
            date,
            art.quotes.len()
        );
        let st = if i == app.list_selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(marker, st),
            Span::styled(title, st.patch(theme.title)),
        ]));
        lines.push(Line::from(Span::styled(fit(&meta, inner_w), theme.dim)));
    }
    let title = match app.filter {
        Some(s) => format!(" Articles quoting {} ({}) ", c.speakers[s].name, app.list.len()),
        None => format!(" Articles ({}) ", app.list.len()),
    };
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(title, app.focus == Pane::Articles, theme)),
        r,
    );
}

fn draw_quote(frame: &mut Frame, app: &App, r: Rect, theme: &Theme) {
    let block = pane_block(" Quote ".into(), app.focus == Pane::Quote, theme);
    let Some(a) = app.article else {
        frame.render_widget(Paragraph::new("No article.").block(block), r);
        return;
    };
    let inner = block.inner(r);
    frame.render_widget(block, r);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let head_text = match app.quote {
        Some(q) => quote_header(app, q),
        None => "This article has no quotes.".into(),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&head_text, head.width as usize), theme.title)),
        head,
    );
    let lines = article_lines(&app.corpus, a, app.quote, app.raw, body.width as usize);
    let visible: Vec<Line> = lines
        .lines
        .into_iter()
        .skip(app.scroll)
        .take(body.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(visible), body);
}

/// "Claudia Sheinbaum · said · full" above the article.
fn quote_header(app: &App, q: QuoteId) -> String {
    let quote = &app.corpus.quotes[q];
    let who = app.corpus.speaker_name(quote).unwrap_or("unattributed");
    let related = app.related(q).len().saturating_sub(1);
    let mut parts = vec![who.to_string()];
    if let Some(cue) = &quote.cue {
        parts.push(cue.clone());
    }
    parts.push(quote.kind.as_str().to_string());
    if related > 0 {
        parts.push(format!("{related} related (] [)"));
    }
    parts.join(" · ")
}

fn draw_timeline(frame: &mut Frame, app: &App, r: Rect, theme: &Theme) {
    let c = &app.corpus;
    let title = match app.timeline_speaker() {
        Some(s) => format!(" {} ", c.speakers[s].name),
        None => " Timeline ".into(),
    };
    let inner_w = r.width.saturating_sub(2) as usize;
    // Day headers, then one line per quote; undated ones last.
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    let mut last_day: Option<String> = None;
    for (i, &q) in app.timeline().iter().enumerate() {
        let quote = &c.quotes[q];
        let day = quote.when.as_ref().map_or("undated".into(), |w| match w.precision {
            DatePrecision::Day => w.date.format("%a %d %b %Y").to_string(),
            // Approximate dates read as such: "~ late Oct 2025", "~ 2023".
            _ => format!("~ {}", w.label()),
        });
        if last_day.as_ref() != Some(&day) {
            lines.push(Line::from(Span::styled(day.clone(), theme.title)));
            last_day = Some(day);
        }
        if i == app.timeline_selected {
            selected_line = lines.len();
        }
        let outlet = c.articles[quote.article].outlet.as_deref().unwrap_or("?");
        let current = Some(q) == app.quote;
        let st = if i == app.timeline_selected && app.focus == Pane::Timeline {
            theme.selected
        } else if current {
            theme.title
        } else {
            Style::new()
        };
        let text = format!("  {}  “{}”", outlet, quote.text.replace('\n', " "));
        lines.push(Line::from(Span::styled(fit(&text, inner_w), st)));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("Pick a quote or a speaker (s).", theme.dim)));
    }
    let visible = r.height.saturating_sub(2) as usize;
    let offset = list_offset(selected_line, visible);
    let shown: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(
        Paragraph::new(shown).block(pane_block(title, app.focus == Pane::Timeline, theme)),
        r,
    );
}

fn status_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let c = &app.corpus;
    let mut parts = vec![format!(
        "article {}/{}",
        (app.list_selected + 1).min(app.list.len()),
        app.list.len()
    )];
    if let (Some(a), Some(q)) = (app.article, app.quote) {
        let quotes = &c.articles[a].quotes;
        let i = quotes.iter().position(|&x| x == q).map_or(0, |i| i + 1);
        parts.push(format!("quote {i}/{}", quotes.len()));
    }
    if let Some(s) = app.filter {
        parts.push(format!("filter: {} (Esc in list clears)", c.speakers[s].name));
    }
    if app.raw {
        parts.push("raw view".into());
    }
    parts.push("? help  q quit".into());
    Line::from(Span::styled(format!(" {}", parts.join(" │ ")), theme.dim))
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

fn draw_help(frame: &mut Frame, app: &App, theme: &Theme) {
    let mut lines: Vec<Line> = app
        .keymap
        .help_rows()
        .into_iter()
        .map(|(keys, help)| {
            Line::from(vec![
                Span::styled(format!("{keys:>10}  "), theme.title),
                Span::raw(help),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Mouse: click selects and focuses, wheel scrolls.",
        theme.dim,
    )));
    lines.push(Line::from(Span::styled("Press ? or Esc to close.", theme.dim)));
    let area = centered(frame.area(), 64, lines.len() as u16 + 2);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys ")
        .border_style(theme.focused_border);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}

fn draw_chooser(frame: &mut Frame, theme: &Theme, title: &str, input: &str, rows: Vec<Line>, selected: usize) {
    let area = centered(frame.area(), 70, 18);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {title} "))
        .border_style(theme.focused_border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let [input_r, list_r] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", theme.dim),
            Span::raw(input.to_string()),
        ])),
        input_r,
    );
    let visible = list_r.height as usize;
    let offset = list_offset(selected, visible);
    let n = rows.len();
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, l)| {
            if i == selected {
                l.patch_style(theme.selected)
            } else {
                l
            }
        })
        .collect();
    if n == 0 && !input.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled("no match", theme.dim)), list_r);
    } else {
        frame.render_widget(Paragraph::new(lines), list_r);
    }
}
