//! Drawing: a pure function of the app state.

use super::action::Action;
use super::app::{articles_visible, list_offset, App, Overlay, PromptKind};
use super::layout::{pane_rects, Pane};
use super::theme::Theme;
use super::wrap::article_lines;
use quoteline::model::{DatePrecision, QuoteId};
use quoteline::relate::wording::{compare, Piece};
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
        Overlay::Help { scroll } => draw_help(frame, app, *scroll, &theme),
        Overlay::Picker {
            input,
            matches,
            selected,
        } => {
            let row = |i: usize| {
                let (s, idx) = &matches[i];
                {
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
                    spans.push(Span::styled(
                        format!("  {}", count(sp.quotes.len(), "quote")),
                        theme.dim,
                    ));
                    Line::from(spans)
                }
            };
            let rows = |i: usize| vec![row(i)];
            draw_chooser(
                frame,
                &theme,
                "Speaker (type to filter, Enter to choose, Esc to cancel)",
                Some((input, app.input_cursor())),
                (matches.len(), &rows),
                (*selected, app.overlay.lines_per_row()),
            );
        }
        Overlay::Search {
            input,
            matches,
            selected,
        } => {
            let row = |i: usize| {
                let quote = &app.corpus.quotes[matches[i]];
                let who = app.corpus.speaker_name(quote).unwrap_or("?");
                vec![Line::from(vec![
                    Span::styled(format!("{who}: "), theme.dim),
                    Span::raw(app.corpus.quote_text(quote).replace('\n', " ")),
                ])]
            };
            draw_chooser(
                frame,
                &theme,
                "Search quotes (Enter to jump, Esc to cancel)",
                Some((input, app.input_cursor())),
                (matches.len(), &row),
                (*selected, app.overlay.lines_per_row()),
            );
        }
        Overlay::Related { entries, selected } => {
            let c = &app.corpus;
            // Only the rows shown are made: each reads its article's text.
            let row = |i: usize| {
                let r = &entries[i];
                let quote = &c.quotes[r.quote];
                let art = &c.articles[quote.article];
                let when = said_when(quote);
                // Two lines, so the quote's words get the overlay's whole
                // width after who said it, where and when.
                vec![
                    Line::from(vec![
                        Span::styled(format!("{:<15}", r.reason.describe()), theme.title),
                        Span::styled(
                            format!("{} · {} · {when}", c.speaker_name(quote).unwrap_or("?"), art.source()),
                            theme.dim,
                        ),
                    ]),
                    Line::from(format!("  “{}”", c.quote_text(quote).replace('\n', " "))),
                ]
            };
            let title = if entries.is_empty() {
                "Related: none for this quote (Esc)"
            } else {
                "Related quotes, best first (Enter to jump, Esc to close)"
            };
            draw_chooser(
                frame,
                &theme,
                title,
                None,
                (entries.len(), &row),
                (*selected, app.overlay.lines_per_row()),
            );
        }
        Overlay::Compare { scroll } => {
            if let Some(q) = app.quote {
                draw_compare(frame, app, q, *scroll, &theme);
            }
        }
        Overlay::Prompt { kind, input, error } => draw_prompt(frame, app, *kind, input, error.as_deref(), &theme),
    }
    blank_control_cells(frame.buffer_mut());
}

/// The last guard between text and the terminal: a cell holding a
/// control character (an escape, a tab, a bidi override) would move the
/// cursor or reorder the line when written, whatever string it came
/// from, so it is drawn as a space. Texts are cleaned when read; this
/// catches what is not, such as a file's name.
pub fn blank_control_cells(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        if cell
            .symbol()
            .chars()
            .any(|c| c.is_control() || quoteline::load::decode::is_unsafe_char(c))
        {
            cell.set_symbol(" ");
        }
    }
}

/// Every outlet's wording of the statement, each compared word by word
/// with the selected quote's: added words stressed, dropped ones struck.
fn draw_compare(frame: &mut Frame, app: &App, q: QuoteId, scroll: usize, theme: &Theme) {
    let c = &app.corpus;
    let base = &c.quotes[q];
    let who = |id: QuoteId| {
        let quote = &c.quotes[id];
        let art = &c.articles[quote.article];
        let when = said_when(quote);
        format!("{} · {when}", art.source())
    };
    let base_text = c.quote_text(base).replace('\n', " ");
    let mut lines: Vec<Line> = vec![
        Line::from(Span::styled(format!("{} (this quote)", who(q)), theme.title)),
        Line::from(Span::raw(base_text.clone())),
    ];
    let others: Vec<QuoteId> = base
        .statement
        .get()
        .map(|st| {
            c.statements[st]
                .quotes
                .iter()
                .copied()
                .filter(|&x| c.quotes[x].article != base.article)
                .collect()
        })
        .unwrap_or_default();
    if others.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "No other outlet reported this statement.",
            theme.dim,
        )));
    }
    for other in others {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(who(other), theme.title)));
        let pieces = compare(&base_text, &c.quote_text(&c.quotes[other]).replace('\n', " "));
        let mut spans: Vec<Span> = Vec::new();
        for p in pieces {
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            // Marked as in `git diff --word-diff`, so the change reads
            // without colour too.
            spans.push(match p {
                Piece::Same(t) => Span::raw(t),
                Piece::Added(t) => Span::styled(format!("{{+{t}+}}"), theme.added),
                Piece::Dropped(t) => Span::styled(format!("[-{t}-]"), theme.dropped),
            });
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "{+added+}: words the other outlet has; [-dropped-]: words it lacks. j/k scroll, Esc closes.",
        theme.dim,
    )));
    let area = centered(frame.area(), 90, 24);
    let block = overlay_block(frame, area, " Wordings of this statement ", theme);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(u16::MAX as usize) as u16, 0)),
        area,
    );
}

/// A one-line prompt: what it is about, the typed line, the last error or
/// a live hint, and how to use it.
fn draw_prompt(frame: &mut Frame, app: &App, kind: PromptKind, input: &str, error: Option<&str>, theme: &Theme) {
    let c = &app.corpus;
    let speaker = app.quote_speaker().map_or("?", |s| c.speakers[s].name.as_str());
    let about = match kind {
        PromptKind::Date => app
            .article
            .and_then(|a| c.articles[a].title.clone())
            .unwrap_or_default(),
        _ => app.quote.map_or(String::new(), |q| {
            format!("“{}”", c.quote_text(&c.quotes[q]).replace('\n', " "))
        }),
    };
    let (title, usage) = match kind {
        PromptKind::Date => (
            " Article date (quote dates follow) ".to_string(),
            "YYYY-MM-DD or “8 April 2025”; empty = undated. Enter saves, Esc cancels.",
        ),
        PromptKind::Note => (
            " Note on this quote ".to_string(),
            "Enter saves; an empty note removes it. Esc cancels.",
        ),
        PromptKind::Speaker => (
            " Who said this? ".to_string(),
            "A speaker's name or alias, or a new name; empty = unattributed. Enter saves.",
        ),
        PromptKind::MergeInto => (
            format!(" Merge {speaker} into "),
            "The name of the speaker who is the same person. Enter saves, Esc cancels.",
        ),
        PromptKind::Rename => (
            format!(" Rename {speaker} "),
            "The speaker's right name. Enter saves, Esc cancels.",
        ),
        PromptKind::SplitAlias => (
            match app.split_candidate() {
                Ok((alias, name)) => format!(" Split “{alias}” from {name}? "),
                Err(_) => " Split ".to_string(),
            },
            "Quotes naming this speaker so get a speaker of their own. y and Enter splits, Esc cancels.",
        ),
    };
    // Names typed for a speaker say at once whom they find.
    let hint = match (kind, input.trim()) {
        (PromptKind::Speaker | PromptKind::MergeInto | PromptKind::Rename, name) if !name.is_empty() => {
            // As the prompt will take it: E renames unless another has
            // the name (case and accents ignored), A and M find a speaker
            // as typed.
            let found = if kind == PromptKind::Rename {
                app.quote_speaker()
                    .and_then(|own| quoteline::state::other_speaker_named(c, name, own))
            } else {
                quoteline::state::speaker_typed(c, name)
            };
            match found {
                Some(s) => format!(
                    "→ {} ({})",
                    c.speakers[s].name,
                    count(c.speakers[s].quotes.len(), "quote")
                ),
                None if kind == PromptKind::MergeInto => "no speaker by that name yet".into(),
                None if kind == PromptKind::Rename => "a new name".into(),
                None => "→ a new speaker".into(),
            }
        }
        _ => String::new(),
    };
    // The typing's end in view, or where it goes (the prompt is 80 columns
    // at most, less its border and the "> ").
    let (typed, cursor_col) = typed_line(
        input,
        app.input_cursor(),
        usize::from(frame.area().width.min(80)).saturating_sub(4),
    );
    let lines = vec![
        Line::from(Span::styled(fit(&about, 66), theme.dim)),
        Line::from(vec![Span::styled("> ", theme.dim), Span::raw(typed.clone())]),
        match error {
            Some(e) => Line::from(Span::styled(e.to_string(), theme.dropped)),
            None => Line::from(Span::styled(hint, theme.title)),
        },
        Line::from(Span::styled(usage, theme.dim)),
    ];
    let area = centered(frame.area(), 80, lines.len() as u16 + 2);
    let block = overlay_block(frame, area, &title, theme);
    // The typing's row: below what is edited, which a narrow screen wraps.
    let inner = block.inner(area);
    let about_rows = Paragraph::new(lines[0].clone())
        .wrap(Wrap { trim: false })
        .line_count(inner.width);
    let typed_row = inner.y.saturating_add(u16::try_from(about_rows).unwrap_or(u16::MAX));
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
    show_cursor(frame, area.x + 1 + 2 + cursor_col, typed_row, area);
}

/// The terminal's cursor where the typing goes, when that is inside `area`.
fn show_cursor(frame: &mut Frame, x: u16, y: u16, area: Rect) {
    if x < area.right().saturating_sub(1) && y < area.bottom().saturating_sub(1) {
        frame.set_cursor_position((x, y));
    }
}

/// The line being typed as it fits in `width` columns with the cursor (a
/// byte offset) in view, and the cursor's column: all of it when it fits,
/// else cut after the cursor, or before it when the cursor is far along.
fn typed_line(input: &str, cursor: usize, width: usize) -> (String, u16) {
    let cursor = cursor.min(input.len());
    let col = |s: &str| u16::try_from(s.width()).unwrap_or(u16::MAX);
    // A column for the cursor after the last character.
    let room = width.saturating_sub(1);
    if input.width() <= room {
        return (input.to_string(), col(&input[..cursor]));
    }
    let (before, after) = input.split_at(cursor);
    // What follows the cursor stays in view too: up to a third of the line
    // (two columns at least: the character under the cursor, wide or not).
    let keep = after.width().min((room / 3).max(2));
    if before.width() + keep < room {
        return (fit(input, room), col(before));
    }
    let shown_before = fit_end(before, room.saturating_sub(keep).max(1));
    let rest = room.saturating_sub(shown_before.width());
    let shown_after = if rest == 0 { String::new() } else { fit(after, rest) };
    (format!("{shown_before}{shown_after}"), col(&shown_before))
}

/// When a quote was said, as the timeline writes it ("Aug 2025").
fn said_when(quote: &quoteline::model::Quote) -> String {
    quote.when.as_ref().map_or("undated".into(), |w| w.label())
}

/// Clears `area` over the panes and returns the frame of an overlay.
fn overlay_block<'a>(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Block<'a> {
    frame.render_widget(Clear, area);
    Block::default()
        .borders(Borders::ALL)
        .title(title.to_string())
        .border_style(theme.focused_border)
}

fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.focused_border } else { theme.border })
        .title(Span::styled(title, if focused { theme.title } else { Style::new() }))
}

/// `s`'s end in at most `width` columns, after an ellipsis when its
/// beginning is cut: a line being typed shows where the typing is.
pub fn fit_end(s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = 0;
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        if used + g.width() + 1 > width {
            break;
        }
        used += g.width();
        kept += g.len();
    }
    format!("…{}", &s[s.len() - kept..])
}

/// Cuts `s` to at most `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    let graphemes = || unicode_segmentation::UnicodeSegmentation::graphemes(s, true);
    // Measured as the cut below measures it.
    if graphemes().map(|g| g.width()).sum::<usize>() <= width {
        return s.to_string();
    }
    // The width so far kept as a sum, grapheme by grapheme (an emoji with
    // its variation selector is two columns, as the string measures it):
    // measuring the kept part again for each character made long lines
    // cost their width squared (callgrind: 2% of a 2k-article load's
    // instructions, in the frames drawn).
    let mut out = String::new();
    let mut used = 0;
    for g in graphemes() {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

fn draw_articles(frame: &mut Frame, app: &App, r: Rect, theme: &Theme) {
    let inner_w = r.width.saturating_sub(2) as usize;
    let visible = articles_visible(r);
    let offset = list_offset(app.list_selected, visible);
    let c = &app.corpus;
    let mut lines = Vec::new();
    let story = |i: usize| app.list.get(i).and_then(|&a| c.articles[a].story);
    // Grouped by story, a bracket in the first column holds each story's
    // articles together and shows where the next story begins.
    let bracket_w = usize::from(app.by_story);
    let inner_w = inner_w.saturating_sub(bracket_w);
    for (i, &a) in app.list.iter().enumerate().skip(offset).take(visible) {
        let art = &c.articles[a];
        let (top, bottom) = if !app.by_story {
            ("", "")
        } else {
            let first = i == 0 || art.story.is_none() || story(i - 1) != art.story;
            let last = art.story.is_none() || story(i + 1) != art.story;
            match (first, last) {
                (true, true) => (" ", " "),
                (true, false) => ("┌", "│"),
                (false, true) => ("│", "└"),
                (false, false) => ("│", "│"),
            }
        };
        let marker = if app.read[a] { "  " } else { "• " };
        let title = fit(art.title.as_deref().unwrap_or("(untitled)"), inner_w.saturating_sub(2));
        let date = art.date.map_or("undated".to_string(), |d| d.to_string());
        // Outlet and date, then the count where it fits: a long outlet or
        // file name is cut before the date is.
        let quotes = format!(" · {}", count(art.quotes.len(), "quote"));
        let room = inner_w.saturating_sub(2 + 3 + date.width());
        let meta = if art.source().width() + quotes.width() <= room {
            format!("  {} · {date}{quotes}", art.source())
        } else {
            format!("  {} · {date}", fit(&art.source(), room))
        };
        let st = if i == app.list_selected {
            theme.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(top, theme.dim),
            Span::styled(marker, st),
            Span::styled(title, st.patch(theme.title)),
        ]));
        lines.push(Line::from(vec![
            Span::styled(bottom, theme.dim),
            Span::styled(fit(&meta, inner_w), theme.dim),
        ]));
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
    let header_rows = app.quote_header_rows(inner.width);
    let [head, body] = Layout::vertical([Constraint::Length(header_rows), Constraint::Min(0)]).areas(inner);
    let width = head.width as usize;
    let head_lines: Vec<Line> = match app.quote {
        Some(q) => {
            let [first, second] = quote_header(app, q);
            std::iter::once(Line::from(Span::styled(fit(&first, width), theme.title)))
                .chain(
                    note_rows(app, width)
                        .into_iter()
                        .map(|n| Line::from(Span::styled(n, theme.title))),
                )
                .chain([Line::from(Span::styled(fit(&second, width), theme.dim))])
                .collect()
        }
        None => vec![Line::from(Span::styled("This article has no quotes.", theme.title))],
    };
    frame.render_widget(Paragraph::new(head_lines), head);
    let lines = article_lines(&app.corpus, a, app.quote, app.raw, body.width as usize);
    let visible: Vec<Line> = lines
        .lines
        .into_iter()
        .skip(app.scroll)
        .take(body.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(visible), body);
}

/// The most rows the user's note takes in the quote view's header.
const NOTE_ROWS: usize = 3;

/// The selected quote's note as the quote view's header shows it, under
/// its first line: "note: ..." wrapped to `width` columns, at most
/// [`NOTE_ROWS`] rows, the last ending in an ellipsis where more is left.
/// None without a note.
pub fn note_rows(app: &App, width: usize) -> Vec<String> {
    let Some(note) = app.quote.and_then(|q| app.corpus.note(q)) else {
        return Vec::new();
    };
    if width == 0 {
        return Vec::new();
    }
    let mut rows: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in format!("note: {note}").split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            rows.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    rows.push(line);
    let more = rows.len() > NOTE_ROWS;
    rows.truncate(NOTE_ROWS);
    let mut rows: Vec<String> = rows.iter().map(|r| fit(r, width)).collect();
    if let (true, Some(last)) = (more, rows.last_mut()) {
        let mut cut = fit(last, width.saturating_sub(1));
        if !cut.ends_with('…') {
            cut.push('…');
        }
        *last = cut;
    }
    rows
}

/// Two lines above the article: "Claudia Sheinbaum · said · full ·
/// 2025-04-08 (Tuesday)", then who else reported it and how many related
/// quotes there are (the note goes between them: [`note_rows`]).
fn quote_header(app: &App, q: QuoteId) -> [String; 2] {
    let quote = &app.corpus.quotes[q];
    let who = app.corpus.speaker_name(quote).unwrap_or("unattributed");
    let mut first = vec![if quote.starred {
        format!("★ {who}")
    } else {
        who.to_string()
    }];
    if let Some(cue) = &quote.cue {
        first.push(cue.as_str().to_string());
    }
    first.push(quote.kind.as_str().to_string());
    if let Some(w) = &quote.when {
        let approx = if w.precision == DatePrecision::Day { "" } else { "~ " };
        first.push(match quote.date_evidence() {
            Some(e) => format!("{approx}{} ({e})", w.label()),
            None => format!("{approx}{} (article date)", w.label()),
        });
    }
    let mut second: Vec<String> = Vec::new();
    // A line shows a few of them; a statement can have thousands.
    let (reporters, others) = app.also_reported_by(q, 12);
    if reporters > 0 {
        let more = if reporters > others.len() { ", …" } else { "" };
        second.push(format!(
            "also reported by {}: {}{more} (c compares)",
            count(reporters, "outlet"),
            others.join(", ")
        ));
    }
    let related = app.related.len();
    if related > 0 {
        second.push(format!("{related} related (] [ R)"));
    }
    [first.join(" · "), second.join(" · ")]
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
    // Only the quotes that can be on screen are laid out (a speaker may
    // have a hundred thousand); the first one shown always gets its day.
    let visible = r.height.saturating_sub(2) as usize;
    let from = app.timeline_selected.saturating_sub(visible);
    for (i, &q) in app.timeline().iter().enumerate().skip(from).take(2 * visible + 1) {
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
        let outlet = c.articles[quote.article].source();
        let current = Some(q) == app.quote;
        let st = if i == app.timeline_selected && app.focus == Pane::Timeline {
            theme.selected
        } else if current {
            theme.title
        } else {
            Style::new()
        };
        let star = if quote.starred { "★" } else { " " };
        let text = format!("{star} {}  “{}”", outlet, c.quote_text(quote).replace('\n', " "));
        lines.push(Line::from(Span::styled(fit(&text, inner_w), st)));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("Pick a quote or a speaker (s).", theme.dim)));
    }
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
        let quotes = c.articles[a].quotes;
        let i = quotes.position(q).map_or(0, |i| i + 1);
        parts.push(format!("quote {i}/{}", quotes.len()));
    }
    if let Some(s) = app.filter {
        parts.push(format!("filter: {} (Esc in list clears)", c.speakers[s].name));
    }
    if app.raw {
        parts.push("raw view".into());
    }
    if app.by_story {
        parts.push("by story".into());
    }
    if let Some(m) = &app.message {
        parts.push(m.clone());
    }
    if let Some((progress, started)) = &app.loading {
        // A bar of ten cells with eighths, then the figures.
        let eighths = (super::loading::fraction(progress) * 80.0) as usize;
        let bar: String = (0..10)
            .map(|cell| match eighths.saturating_sub(cell * 8).min(8) {
                0 => ' ',
                n => ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][n - 1],
            })
            .collect();
        parts.insert(
            0,
            format!("▕{bar}▏ {}", super::loading::describe(progress, started.elapsed())),
        );
    }
    // The keys as bound (Ctrl-C quits whatever the keymap says), before
    // the count of problems, which a narrow line may cut.
    let key = |a: Action| app.keymap.first_key(a);
    let help = key(Action::Help).map(|k| format!("{k} help  "));
    let quit = key(Action::Quit).unwrap_or_else(|| "Ctrl-C".into());
    parts.push(format!("{}{quit} quit", help.unwrap_or_default()));
    if let Some(problems) = &app.load_problems {
        parts.push(problems.clone());
    }
    Line::from(Span::styled(format!(" {}", parts.join(" │ ")), theme.dim))
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h)
}

/// The help overlay: its text, its area in a frame of `area`, and how far
/// the text scrolls at most (zero when it fits).
fn help_layout(app: &App, area: Rect, theme: &Theme) -> (Paragraph<'static>, Rect, usize) {
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
    lines.push(Line::from(Span::styled(
        "Typing: ← → Ctrl-A/E move; Ctrl-W deletes a word, Ctrl-U all before it.",
        theme.dim,
    )));
    lines.push(Line::from(Span::styled(
        "Pasted text is typed in, never read as keys.",
        theme.dim,
    )));
    let mut close: Vec<String> = [Action::Help, Action::Back]
        .into_iter()
        .filter_map(|a| app.keymap.first_key(a))
        .collect();
    if close.is_empty() {
        // Quit closes the help too.
        close.extend(app.keymap.first_key(Action::Quit));
    }
    if !close.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("Press {} to close.", close.join(" or ")),
            theme.dim,
        )));
    }
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let width = 74.min(area.width);
    let rows = text.line_count(width.saturating_sub(2)) as u16;
    let area = centered(area, width, rows.saturating_add(2));
    let most = usize::from(rows.saturating_sub(area.height.saturating_sub(2)));
    (text, area, most)
}

/// How far a page moves the help overlay's text, and how far it scrolls
/// at most, in the app's frame.
pub fn help_scroll(app: &App) -> (usize, usize) {
    let (_, area, most) = help_layout(app, app.size, &Theme::current());
    (usize::from(area.height.saturating_sub(3)).max(1), most)
}

fn draw_help(frame: &mut Frame, app: &App, scroll: usize, theme: &Theme) {
    let (text, area, most) = help_layout(app, frame.area(), theme);
    let scroll_keys: Vec<String> = [Action::Down, Action::Up]
        .into_iter()
        .filter_map(|a| app.keymap.first_key(a))
        .collect();
    let title = match (most, scroll_keys.is_empty()) {
        (0, _) => " Keys ".to_string(),
        (_, true) => " Keys (more) ".to_string(),
        (_, false) => format!(" Keys ({} to scroll) ", scroll_keys.join("/")),
    };
    let block = overlay_block(frame, area, &title, theme);
    let scroll = u16::try_from(scroll.min(most)).unwrap_or(u16::MAX);
    frame.render_widget(text.block(block).scroll((scroll, 0)), area);
}

/// A list to choose from: `rows` is how many and how to draw row i, as
/// its lines (only the visible rows are drawn, however long the list).
type Rows<'r, 'l> = (usize, &'r dyn Fn(usize) -> Vec<Line<'l>>);

/// Where a list overlay is drawn in a frame of `area`.
fn chooser_area(area: Rect) -> Rect {
    centered(area, 90, 18)
}

/// How many of the open list overlay's rows a frame of the app's size
/// shows (at least one): a page for PgUp and PgDn.
pub fn chooser_page(app: &App) -> usize {
    let inner = chooser_area(app.size).height.saturating_sub(2);
    let list = inner.saturating_sub(u16::from(app.overlay.has_input()));
    (usize::from(list) / app.overlay.lines_per_row()).max(1)
}

/// A list overlay, with a line to type into when `input` is given.
fn draw_chooser(
    frame: &mut Frame,
    theme: &Theme,
    title: &str,
    input: Option<(&str, usize)>,
    rows: Rows,
    (selected, per_row): (usize, usize),
) {
    let area = chooser_area(frame.area());
    let block = overlay_block(frame, area, &format!(" {title} "), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let [input_r, list_r] =
        Layout::vertical([Constraint::Length(u16::from(input.is_some())), Constraint::Min(0)]).areas(inner);
    if let Some((input, cursor)) = input {
        let (typed, cursor_col) = typed_line(input, cursor, usize::from(input_r.width).saturating_sub(2));
        frame.render_widget(
            Paragraph::new(Line::from(vec![Span::styled("> ", theme.dim), Span::raw(typed)])),
            input_r,
        );
        show_cursor(frame, input_r.x + 2 + cursor_col, input_r.y, area);
    }
    let input = input.map_or("", |(input, _)| input);
    let (n, row) = rows;
    let visible = (list_r.height as usize / per_row).max(1);
    let offset = list_offset(selected, visible);
    let lines: Vec<Line> = (offset..n.min(offset + visible))
        .flat_map(|i| {
            let lines = row(i);
            if i == selected {
                lines.into_iter().map(|l| l.patch_style(theme.selected)).collect()
            } else {
                lines
            }
        })
        .collect();
    if n == 0 && !input.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled("no match", theme.dim)), list_r);
    } else {
        frame.render_widget(Paragraph::new(lines), list_r);
    }
}

/// "1 quote", "3 outlets".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
