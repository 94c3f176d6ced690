//! Quote spans: pair quotation marks paragraph by paragraph.
//!
//! Double marks (“ ” „ « » " and '' used as a double mark) delimit quotes;
//! single marks (‘ ’ ') delimit quotes nested inside them, or quotes in a
//! paragraph that has no double marks at all (headline style). A paragraph
//! that opens a quote without closing it continues into the next paragraph
//! when that one opens with a quotation mark; otherwise the quote ends with
//! its paragraph, so an unbalanced mark spoils at most its own paragraph.

use crate::model::{Block, Span};
use crate::text::{is_alnum, is_double_close, is_double_open, is_space, next_notable};

/// A quotation found in the text (one paragraph's piece of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Offset of the opening mark.
    pub open: usize,
    /// The quoted words without the marks, trimmed.
    pub inner: Span,
    /// Offset just past the closing mark (or the paragraph end if unclosed).
    pub close: usize,
    /// Index of the block the quote is in.
    pub block: usize,
    pub closed: bool,
    /// For a quote running over several paragraphs: the index of its piece
    /// in the previous paragraph.
    pub continues: Option<usize>,
    /// Index (in the returned list) of the quote this one is nested in.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Neutral,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    dir: Dir,
    curly: bool,
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Where a neutral mark at `i..i+len` would open: after a space or opening
/// punctuation and before a non-space.
fn opens_here(s: &str, i: usize, len: usize) -> bool {
    let before_ok = char_before(s, i).is_none_or(|c| is_space(c) || "([{—–-/‘“".contains(c));
    let after_ok = char_at(s, i + len).is_some_and(|c| !is_space(c));
    before_ok && after_ok
}

fn closes_here(s: &str, i: usize, len: usize) -> bool {
    let before_ok = char_before(s, i).is_some_and(|c| !is_space(c));
    let after_ok = char_at(s, i + len).is_none_or(|c| !is_alnum(c));
    before_ok && after_ok
}

/// A mark that can close where it stands and cannot open: against the word
/// before it, not before a word.
fn only_closes_here(s: &str, i: usize, len: usize) -> bool {
    closes_here(s, i, len) && !opens_here(s, i, len)
}

fn double_marks(s: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        // Most bytes are ASCII that no mark starts with (profiled).
        i = next_notable(b, i, b"'`\"");
        if i >= b.len() {
            break;
        }
        let c = char_at(s, i).unwrap();
        let len = c.len_utf8();
        // A single mark closing a nested quote right before a double mark
        // of two apostrophes: the last two are the double mark.
        if s[i..].starts_with("'''") {
            marks.push(Mark {
                pos: i + 1,
                len: 2,
                dir: Dir::Neutral,
                curly: false,
            });
            i += 3;
            continue;
        }
        if c == '\'' && b.get(i + 1) == Some(&b'\'') {
            marks.push(Mark {
                pos: i,
                len: 2,
                dir: Dir::Neutral,
                curly: false,
            });
            i += 2;
            continue;
        }
        if c == '`' && b.get(i + 1) == Some(&b'`') {
            marks.push(Mark {
                pos: i,
                len: 2,
                dir: Dir::Open,
                curly: true,
            });
            i += 2;
            continue;
        }
        // "he’s like 6’2”": inches, not the end of a quote.
        if matches!(c, '\u{201D}' | '"') && is_inch_mark(s, i) {
            i += len;
            continue;
        }
        // A “ against the word before it and followed by a space or a
        // stop closes ("… for her here,“ said Jim Clyburn"; German „…“).
        let misused_close = c == '\u{201C}' && only_closes_here(s, i, len);
        let dir = if misused_close {
            Some(Dir::Close)
        } else if is_double_open(c) {
            Some(Dir::Open)
        } else if is_double_close(c) {
            Some(Dir::Close)
        } else if c == '"' || c == '\u{FF02}' {
            Some(Dir::Neutral)
        } else {
            None
        };
        if let Some(dir) = dir {
            marks.push(Mark {
                pos: i,
                len,
                dir,
                curly: dir != Dir::Neutral,
            });
        }
        i += len;
    }
    marks
}

/// Whether the mark at `i` follows a height in feet and inches ("6’2",
/// "5'10"): one or two digits after an apostrophe after a digit.
fn is_inch_mark(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let inches = before.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = before.len() - inches.len();
    (1..=2).contains(&digits)
        && inches
            .strip_suffix(['’', '\''])
            .is_some_and(|feet| feet.ends_with(|c: char| c.is_ascii_digit()))
}

/// Single marks that look like quotation marks rather than apostrophes.
fn single_marks(s: &str, from: usize, to: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let b = &s.as_bytes()[..to];
    let mut i = from;
    loop {
        // Only apostrophes and non-ASCII characters can be single marks.
        i = next_notable(b, i, b"'");
        let Some(c) = s[i..to].chars().next() else { break };
        i += c.len_utf8();
        if !matches!(c, '\u{2018}' | '\u{2019}' | '\'') {
            continue;
        }
        let i = i - c.len_utf8();
        if s[i..].starts_with("''") || (i > 0 && s[..i].ends_with('\'') && c == '\'') {
            continue; // part of a '' double mark
        }
        let prev = char_before(s, i);
        let next = char_at(s, i + c.len_utf8());
        let letter_both = prev.is_some_and(is_alnum) && next.is_some_and(is_alnum);
        if letter_both {
            continue; // apostrophe: don’t, O’Brien
        }
        let opener = c != '\u{2019}'
            && prev.is_none_or(|p| is_space(p) || "([{—–-/\"“".contains(p))
            && next.is_some_and(is_alnum);
        let closer = c != '\u{2018}' && prev.is_some_and(|p| !is_space(p)) && next.is_none_or(|n| !is_alnum(n));
        let dir = match (opener, closer) {
            (true, _) => Dir::Open,
            (false, true) => Dir::Close,
            _ => continue,
        };
        marks.push(Mark {
            pos: i,
            len: c.len_utf8(),
            dir,
            curly: c != '\'',
        });
    }
    marks
}

/// An opening mark (position, length) and its closing mark's position.
type Pair = (usize, usize, Option<usize>);

/// Pairs marks within `s` (one paragraph). `carry` is an open quote from the
/// previous paragraph. Returns (open mark, open mark len, close mark pos or
/// None when still open at the end) triples.
fn pair(
    s: &str,
    marks: &[Mark],
    mut open: Option<(usize, usize)>,
    singles: bool,
) -> (Vec<Pair>, Option<(usize, usize)>) {
    let mut out = Vec::new();
    // Whether the open quote opened with a curly mark of this paragraph
    // (one carried over did not); looked for among the marks at each
    // straight one, a paragraph of thousands of quotes took minutes.
    let mut opened_curly = false;
    let mut k = 0;
    while k < marks.len() {
        let m = marks[k];
        match open {
            None => {
                let starts = match m.dir {
                    Dir::Open => true,
                    Dir::Neutral => opens_here(s, m.pos, m.len) || !closes_here(s, m.pos, m.len),
                    // A closing mark before a word after a space is an opener
                    // typed the wrong way round.
                    Dir::Close => {
                        !singles && opens_here(s, m.pos, m.len) && char_at(s, m.pos + m.len).is_some_and(is_alnum)
                    }
                };
                if starts {
                    open = Some((m.pos, m.len));
                    opened_curly = m.curly;
                }
            }
            Some((at, len)) => match m.dir {
                Dir::Close => {
                    out.push((at, len, Some(m.pos)));
                    open = None;
                }
                // German style: „ … “ closes with the mark that opens in English.
                Dir::Open if s[at..].starts_with('\u{201E}') && s[m.pos..].starts_with('\u{201C}') => {
                    out.push((at, len, Some(m.pos)));
                    open = None;
                }
                Dir::Open if m.curly => {} // continuation or nesting: stays open
                Dir::Open | Dir::Neutral => {
                    // Inside a curly quote, an even run of straight marks
                    // before the next curly mark is a nested quote.
                    // Unless the first of them closes where it stands
                    // ("“I heard his speech," Trump said. "He wants …”":
                    // two quotes typed with mixed marks).
                    if opened_curly && m.dir == Dir::Neutral {
                        let run = marks[k..].iter().take_while(|x| x.dir == Dir::Neutral).count();
                        if run % 2 == 0 && !only_closes_here(s, m.pos, m.len) {
                            k += run;
                            continue;
                        }
                    }
                    out.push((at, len, Some(m.pos)));
                    open = None;
                }
            },
        }
        k += 1;
    }
    (out, open)
}

fn trim_span(text: &str, mut a: usize, mut b: usize) -> Span {
    while a < b {
        let c = char_at(text, a).unwrap();
        if !is_space(c) {
            break;
        }
        a += c.len_utf8();
    }
    while b > a {
        let c = char_before(text, b).unwrap();
        if !is_space(c) {
            break;
        }
        b -= c.len_utf8();
    }
    Span::new(a, b)
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(is_alnum)
}

/// Finds every quotation in the kept blocks of `text`: top-level quotes in
/// text order, then the nested ones.
pub fn find_quotes(text: &str, blocks: &[Block]) -> Vec<RawQuote> {
    let mut quotes: Vec<RawQuote> = Vec::new();
    // The piece left open at the end of the previous paragraph.
    let mut carried: Option<usize> = None;
    for (bi, block) in blocks.iter().enumerate() {
        let bs = block.span.start();
        let para = &text[bs..block.span.end()];
        let mut marks = double_marks(para);
        let singles_primary = marks.is_empty();
        if singles_primary {
            marks = single_marks(para, 0, para.len());
        }
        // The quote goes on only when this paragraph opens with a mark.
        let mut start_open = None;
        let mut continues = None;
        if let (Some(prev), Some(m)) = (carried.take(), marks.first().copied()) {
            if m.pos == 0 && m.dir != Dir::Close && !singles_primary {
                start_open = Some((0, m.len));
                continues = Some(prev);
                marks.remove(0);
            }
        }
        let (pairs, still_open) = pair(para, &marks, start_open, singles_primary);
        for (at, len, close) in pairs {
            let close = close.expect("pairs are closed");
            let close_len = if para[close..].starts_with("''") {
                2
            } else {
                char_at(para, close).map_or(1, char::len_utf8)
            };
            let cont = if at == 0 { continues.take() } else { None };
            push_quote(
                text,
                &mut quotes,
                bs + at,
                len,
                bs + close,
                bs + close + close_len,
                bi,
                true,
                cont,
            );
        }
        if let Some((at, len)) = still_open {
            let cont = if at == 0 { continues.take() } else { None };
            let end = block.span.end();
            if push_quote(text, &mut quotes, bs + at, len, end, end, bi, false, cont) {
                carried = Some(quotes.len() - 1);
            }
        }
    }
    add_nested(text, &mut quotes);
    quotes
}

#[allow(clippy::too_many_arguments)]
fn push_quote(
    text: &str,
    quotes: &mut Vec<RawQuote>,
    open: usize,
    open_len: usize,
    inner_end: usize,
    close: usize,
    block: usize,
    closed: bool,
    continues: Option<usize>,
) -> bool {
    let inner = trim_span(text, open + open_len, inner_end);
    if inner.is_empty() || !has_alnum(&text[inner.start..inner.end]) {
        return false;
    }
    quotes.push(RawQuote {
        open,
        inner,
        close,
        block,
        closed,
        continues,
        parent: None,
    });
    true
}

/// Single-mark quotes inside double-mark quotes, and straight doubles inside
/// curly ones, become nested quotes.
fn add_nested(text: &str, quotes: &mut Vec<RawQuote>) {
    let outer_count = quotes.len();
    let mut nested = Vec::new();
    for (qi, q) in quotes.iter().enumerate().take(outer_count) {
        let inner = &text[q.inner.start..q.inner.end];
        let is_curly_outer = char_at(text, q.open).is_some_and(|c| c != '"');
        let mut marks = single_marks(text, q.inner.start, q.inner.end);
        if is_curly_outer {
            marks.extend(
                double_marks(inner)
                    .into_iter()
                    .filter(|m| m.dir == Dir::Neutral && m.len == 1)
                    .map(|m| Mark {
                        pos: m.pos + q.inner.start,
                        ..m
                    }),
            );
            marks.sort_by_key(|m| m.pos);
        }
        let mut open: Option<Mark> = None;
        for m in marks {
            match (open, m.dir) {
                (None, Dir::Open) => open = Some(m),
                (None, Dir::Neutral) if opens_here(text, m.pos, m.len) => open = Some(m),
                (Some(o), Dir::Close) | (Some(o), Dir::Neutral) => {
                    // A closing mark right at the end of the outer quote
                    // (“… groups,'”) still closes the nested one.
                    let inner_span = trim_span(text, o.pos + o.len, m.pos);
                    if !inner_span.is_empty() && has_alnum(&text[inner_span.start..inner_span.end]) {
                        nested.push(RawQuote {
                            open: o.pos,
                            inner: inner_span,
                            close: m.pos + m.len,
                            block: q.block,
                            closed: true,
                            continues: None,
                            parent: Some(qi),
                        });
                    }
                    open = None;
                }
                _ => {}
            }
        }
    }
    quotes.extend(nested);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockRole;

    fn blocks_of(text: &str) -> Vec<Block> {
        crate::clean::paragraphs(text, 0)
            .into_iter()
            .map(|span| Block {
                span: span.into(),
                role: BlockRole::Body,
            })
            .collect()
    }

    fn found(text: &str) -> Vec<String> {
        find_quotes(text, &blocks_of(text))
            .iter()
            .map(|q| text[q.inner.start..q.inner.end].to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            found("“One,” she said. \"Two.\" «Trois» „Vier“"),
            vec!["One,", "Two.", "Trois", "Vier"]
        );
    }

    #[test]
    fn double_apostrophes_as_a_double_mark() {
        assert_eq!(found("The code is ''unfair,'' he said."), vec!["unfair,"]);
    }

    #[test]
    fn heights_in_feet_and_inches_close_no_quote() {
        assert_eq!(
            found("“I admit, he’s taller than me; he’s like 6’2”,” Holm said. “He is 5'10\" at most.”"),
            vec!["I admit, he’s taller than me; he’s like 6’2”,", "He is 5'10\" at most."]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(found("Clinton’s voters’ views weren't clear").is_empty());
    }

    #[test]
    fn headline_single_quotes_when_no_doubles() {
        assert_eq!(found("Trump Was ‘Mocking’ Clinton’s Camp"), vec!["Mocking"]);
    }

    #[test]
    fn nested_single_quote_closed_by_straight_mark() {
        let text = "“He said several times, ‘We’ll help these groups,'” she explained.";
        let qs = find_quotes(text, &blocks_of(text));
        assert_eq!(qs.len(), 2);
        assert_eq!(&text[qs[1].inner.start..qs[1].inner.end], "We’ll help these groups,");
        assert_eq!(qs[1].parent, Some(0));
    }

    #[test]
    fn multi_paragraph_quote() {
        let text = "“First paragraph of the speech.\n\n“Second paragraph,” she said.\n\nAfter.";
        let qs = find_quotes(text, &blocks_of(text));
        assert_eq!(qs.len(), 2);
        assert_eq!(
            &text[qs[0].inner.start..qs[0].inner.end],
            "First paragraph of the speech."
        );
        assert!(!qs[0].closed);
        assert_eq!(&text[qs[1].inner.start..qs[1].inner.end], "Second paragraph,");
        assert_eq!(qs[1].continues, Some(0));
    }

    #[test]
    fn unbalanced_mark_spoils_only_its_paragraph() {
        let text = "He said “this never closes\n\nThen “a fine quote” here.";
        assert_eq!(found(text), vec!["this never closes", "a fine quote"]);
    }

    #[test]
    fn an_opening_mark_in_closing_position_closes() {
        let text = "“It could create problems for her here,“ said Jim Clyburn, a congressman.";
        assert_eq!(found(text), vec!["It could create problems for her here,"]);
    }

    #[test]
    fn mixed_marks_close_where_they_stand() {
        // A straight mark closing a curly-opened quote, and the next quote
        // opened straight and closed curly.
        let text = "“I heard his speech,\" Trump said. \"He wants to give it away.”";
        assert_eq!(found(text), vec!["I heard his speech,", "He wants to give it away."]);
    }

    #[test]
    fn nested_straight_inside_curly() {
        let text = "“I was struck by \"Losing the Best,\" but it was about that,” he said";
        let qs = find_quotes(text, &blocks_of(text));
        assert_eq!(
            &text[qs[0].inner.start..qs[0].inner.end],
            "I was struck by \"Losing the Best,\" but it was about that,"
        );
        assert_eq!(qs.len(), 2);
    }
}
