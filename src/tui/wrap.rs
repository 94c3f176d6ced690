//! The quote view's text: the article wrapped to a width, every quote in its
//! speaker's colour, the selected one stressed; in raw view the removed
//! clutter is shown dimmed with its reason.

use super::theme::Theme;
use quoteline::model::{ArticleId, Corpus, QuoteId, QuoteKind, Span};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthChar;

pub struct ArticleLines {
    pub lines: Vec<Line<'static>>,
    /// The line where the selected quote starts.
    pub quote_line: Option<usize>,
}

/// Lays out article `a` for a pane `width` columns wide.
pub fn article_lines(
    corpus: &Corpus,
    a: ArticleId,
    selected: Option<QuoteId>,
    raw: bool,
    width: usize,
) -> ArticleLines {
    let theme = Theme::current();
    let width = width.max(1);
    let art = &corpus.articles[a];
    let mut out = ArticleLines {
        lines: Vec::new(),
        quote_line: None,
    };
    // Highlights: top-level quotes (nested ones share their outer colour).
    let marks: Vec<(Span, Style, bool)> = art
        .quotes
        .iter()
        .map(|id| (&corpus.quotes[id], id))
        .filter(|(q, _)| q.kind != QuoteKind::Nested)
        .map(|(q, id)| {
            let style = theme.speaker(q.speaker.get(), Some(id) == selected);
            (q.span.get(), style, Some(id) == selected)
        })
        .collect();
    let title = art.title.clone().unwrap_or_else(|| "(untitled)".into());
    push_wrapped(&mut out, &title, 0, &[], theme.title, width);
    let meta = [
        art.outlet.clone(),
        art.date.map(|d| d.to_string()),
        art.byline.clone().map(|b| format!("by {b}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    if !meta.is_empty() {
        push_wrapped(&mut out, &meta, 0, &[], theme.dim, width);
    }
    let full = art.text.get();
    // Paragraphs in text order; removed ones only in raw view.
    let mut blocks: Vec<(Span, Option<&str>)> = art
        .blocks
        .iter()
        .filter(|b| b.role != quoteline::model::BlockRole::Title || raw)
        .map(|b| (b.span.get(), None))
        .collect();
    if raw {
        blocks.extend(art.removed.iter().map(|r| (r.span.get(), Some(r.reason.as_str()))));
    }
    blocks.sort_by_key(|(s, _)| s.start);
    for (span, removed) in blocks {
        out.lines.push(Line::default());
        let text = full.get(span.start..span.end).unwrap_or_default();
        match removed {
            Some(reason) => {
                let shown = format!("[{reason}] {text}");
                push_wrapped(&mut out, &shown, 0, &[], theme.removed, width);
            }
            None => push_wrapped(&mut out, text, span.start, &marks, theme.body, width),
        }
    }
    out
}

/// Word-wraps `text` (which starts at byte `base` of the article) and
/// styles the bytes inside `marks`.
fn push_wrapped(
    out: &mut ArticleLines,
    text: &str,
    base: usize,
    marks: &[(Span, Style, bool)],
    plain: Style,
    width: usize,
) {
    // Each quote's range, widened to take in its quotation marks.
    let end = base + text.len();
    let ranges: Vec<(usize, usize, Style, bool)> = marks
        .iter()
        .filter(|(s, _, _)| s.start < end && s.end > base)
        .map(|(s, st, sel)| {
            let (a, b) = widen_to_marks(text, base, s.start.max(base), s.end.min(end));
            (a, b, *st, *sel)
        })
        .collect();
    let style_at = |pos: usize| -> (Style, bool) {
        ranges
            .iter()
            .find(|(a, b, _, _)| *a <= pos && pos < *b)
            .map_or((plain, false), |&(_, _, st, sel)| (st, sel))
    };
    let mut line: Vec<TextSpan<'static>> = Vec::new();
    let mut line_width = 0;
    let mut run = String::new();
    let mut run_style = plain;
    let flush_run = |line: &mut Vec<TextSpan<'static>>, run: &mut String, style: Style| {
        if !run.is_empty() {
            line.push(TextSpan::styled(std::mem::take(run), style));
        }
    };
    for (word_start, word) in words(text) {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if line_width > 0 && line_width + 1 + w > width {
            flush_run(&mut line, &mut run, run_style);
            out.lines.push(Line::from(std::mem::take(&mut line)));
            line_width = 0;
        }
        if line_width > 0 {
            // The space takes the style of what it sits inside.
            let (st, _) = style_at(base + word_start - 1);
            if st != run_style {
                flush_run(&mut line, &mut run, run_style);
                run_style = st;
            }
            run.push(' ');
            line_width += 1;
        }
        for (k, c) in word.char_indices() {
            let (st, selected) = style_at(base + word_start + k);
            if selected && out.quote_line.is_none() {
                out.quote_line = Some(out.lines.len());
            }
            let cw = c.width().unwrap_or(0);
            if line_width + cw > width && line_width > 0 {
                flush_run(&mut line, &mut run, run_style);
                out.lines.push(Line::from(std::mem::take(&mut line)));
                line_width = 0;
            }
            if st != run_style {
                flush_run(&mut line, &mut run, run_style);
                run_style = st;
            }
            run.push(c);
            line_width += cw;
        }
    }
    flush_run(&mut line, &mut run, run_style);
    out.lines.push(Line::from(line));
}

fn is_quote_mark(c: char) -> bool {
    "“”\"‘’'«»„".contains(c)
}

/// Extends [a, b) over one quotation mark on each side, if there is one.
fn widen_to_marks(text: &str, base: usize, a: usize, b: usize) -> (usize, usize) {
    let before = text[..a - base]
        .chars()
        .next_back()
        .filter(|&c| is_quote_mark(c))
        .map_or(0, char::len_utf8);
    let after = text[b - base..]
        .chars()
        .next()
        .filter(|&c| is_quote_mark(c))
        .map_or(0, char::len_utf8);
    (a - before, b + after)
}

/// Words with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}
