//! Cleaning: split the decoded text into paragraphs, take the site chrome
//! out (keeping it aside with a reason), and read the title, dek, outlet,
//! byline and publication date.

pub mod boilerplate;
pub mod meta;

use crate::load::Source;
use crate::model::{Article, Block, BlockRole, Clutter, DateSource, Removed, Span};
use crate::resolve::dates;
use crate::text::{is_space, Lower};
use boilerplate::{self as bp, Line};

/// `s.split_inclusive('\n')`, found by the memchr crate's SIMD search:
/// the standard one read every article a word at a time (profiled).
fn lines_inclusive(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', s.as_bytes())
        .map(|nl| nl + 1)
        .chain([s.len()]);
    ends.filter_map(move |end| {
        let line = (start < end).then(|| &s[start..end]);
        start = end;
        line
    })
}

/// Splits text into paragraphs: each non-empty line, except that hard-wrapped
/// lines (a long line that does not end a sentence, followed by one starting
/// in lowercase) are joined. Spans are trimmed.
pub fn paragraphs(text: &str, from: usize) -> Vec<Span> {
    // A paragraph a line at most: room made once, not grown line by line.
    let mut out: Vec<Span> = Vec::with_capacity(memchr::memchr_iter(b'\n', &text.as_bytes()[from..]).count() + 1);
    let mut pos = from;
    let mut prev_blank = true;
    for line in lines_inclusive(&text[from..]) {
        let start = pos;
        pos += line.len();
        let rest = line.trim_start_matches(is_space);
        let trimmed = rest.trim_end_matches(is_space);
        if trimmed.is_empty() {
            prev_blank = true;
            continue;
        }
        let lead = line.len() - rest.len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        if let Some(last) = out.last_mut() {
            let prev = &text[last.start..last.end];
            let wrapped = !prev_blank
                && prev.len() >= 50
                && !prev.ends_with(['.', '!', '?', ':', '"', '”'])
                && trimmed.starts_with(|c: char| c.is_lowercase());
            if wrapped {
                last.end = span.end;
                prev_blank = false;
                continue;
            }
        }
        out.push(span);
        prev_blank = false;
    }
    out
}

/// What cleaning decided about one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Keep(BlockRole),
    Remove(Clutter),
}

/// A per-line clutter rule: a named test on one trimmed line, and maybe a
/// quick test of the whole lowercased article that holds wherever the line
/// test can (so an article without a social platform's name is not read
/// line by line for invitations to one).
struct LineRule {
    reason: Clutter,
    is: fn(&Line) -> bool,
    in_article: Option<fn(&str) -> bool>,
}

const fn rule(reason: Clutter, is: fn(&Line) -> bool) -> LineRule {
    LineRule {
        reason,
        is,
        in_article: None,
    }
}

/// The per-line clutter rules, applied anywhere in the text, in this order.
const LINE_RULES: &[LineRule] = &[
    rule(Clutter::SiteDateHeader, bp::is_today_header),
    rule(Clutter::ReadMoreLink, bp::is_read_more),
    rule(Clutter::ListWidget, bp::is_list_widget),
    rule(Clutter::CommentForm, bp::is_comment_form),
    rule(Clutter::ReadingTime, bp::is_read_time),
    rule(Clutter::ImagePlaceholder, bp::is_image_placeholder),
    rule(Clutter::ImageCredit, bp::is_image_credit),
    LineRule {
        in_article: Some(bp::may_hold_paywall_notice),
        ..rule(Clutter::PaywallNotice, bp::is_paywall_notice)
    },
    LineRule {
        in_article: Some(bp::names_a_platform),
        ..rule(Clutter::SocialPromo, bp::is_social_promo)
    },
    rule(Clutter::ShareWidget, bp::is_share_widget),
    rule(Clutter::CategoryLine, bp::is_category_line),
    rule(Clutter::AgencyCredit, bp::is_agency_credit),
    rule(Clutter::Separator, bp::is_separator),
];

/// Reasons after which the rest of the page is related links, not article.
const TAIL_MARKERS: &[Clutter] = &[
    Clutter::ShareWidget,
    Clutter::CategoryLine,
    Clutter::AgencyCredit,
    Clutter::CommentForm,
];

/// Cleans one decoded source into an article (quotes are found later).
pub fn clean(source: &Source) -> Article {
    clean_lowered(source).0
}

/// [`clean`], with the article's text lowercased byte for byte when its
/// offsets allow ([`crate::text::lowercase_in_place_of`]): extraction
/// needs it too, and lowering it twice cost 2% of a load (profiled).
pub fn clean_lowered(source: &Source) -> (Article, Option<String>) {
    let text = &source.text;
    // A given quote is all body: there is no page around it to clean.
    let spans = if source.given.is_some() {
        vec![Span::new(0, text.len())]
    } else {
        paragraphs(text, source.meta_len)
    };
    // The article lowered once, when its offsets allow (nearly always).
    let lower_text = crate::text::lowercase_in_place_of(text);
    // A given quote's text is one block, untrimmed, that no rule reads:
    // its verdicts are all set below, so no line is asked for.
    let lines: Vec<Line> = match source.given {
        Some(_) => Vec::new(),
        None => spans
            .iter()
            .map(|s| match &lower_text {
                Some(lower) => Line::with_lower(&text[s.start..s.end], Lower::Same(&lower[s.start..s.end])),
                None => Line::new(&text[s.start..s.end]),
            })
            .collect(),
    };
    let mut verdicts: Vec<Option<Verdict>> = vec![None; spans.len()];
    let mut header = Header::default();
    if source.given.is_some() {
        verdicts = vec![Some(Verdict::Keep(BlockRole::Body)); spans.len()];
    } else {
        let mut rules: Vec<&LineRule> = Vec::with_capacity(LINE_RULES.len());
        rules.extend(LINE_RULES.iter().filter(|r| match (r.in_article, &lower_text) {
            (Some(may), Some(lower)) => may(lower),
            _ => true,
        }));
        for (i, line) in lines.iter().enumerate() {
            if let Some(rule) = rules.iter().find(|r| (r.is)(line)) {
                verdicts[i] = Some(Verdict::Remove(rule.reason));
            }
        }
        mark_list_items(&lines, &mut verdicts);
        mark_tail(&lines, &mut verdicts);

        read_header(&lines, &mut verdicts, &mut header, source.meta.title.as_deref());
        // A record's dek, put before its body: its first paragraph kept.
        if let Some(dek) = &source.meta.dek {
            let first = (0..lines.len()).find(|&i| !matches!(verdicts[i], Some(Verdict::Remove(_))));
            if let Some(i) = first.filter(|&i| lines[i].text.split_whitespace().eq(dek.split_whitespace())) {
                verdicts[i] = Some(Verdict::Keep(BlockRole::Dek));
            }
        }

        // A headline printed twice in a row is one headline (or one related link).
        for i in 1..lines.len() {
            if verdicts[i].is_none() && lines[i].text == lines[i - 1].text {
                verdicts[i] = Some(Verdict::Remove(Clutter::RepeatedLine));
            }
        }
    }

    let mut blocks = Vec::with_capacity(spans.len());
    let mut removed = Vec::new();
    if source.meta_len > 0 {
        removed.push(Removed {
            span: Span::new(0, source.meta_len).into(),
            reason: Clutter::FrontMatter,
        });
    }
    for (i, span) in spans.iter().enumerate() {
        match verdicts[i].unwrap_or_else(|| Verdict::Keep(body_role(&lines[i]))) {
            Verdict::Keep(role) => blocks.push(Block {
                span: (*span).into(),
                role,
            }),
            Verdict::Remove(reason) => removed.push(Removed {
                span: (*span).into(),
                reason,
            }),
        }
    }
    // Kept as long as the article: their slack was 30 MB of a 100k load.
    blocks.shrink_to_fit();
    removed.shrink_to_fit();

    let title_line = blocks
        .iter()
        .find(|b| b.role == BlockRole::Title)
        .map(|b| clean_title(&text[b.span.range()]));
    let lede = blocks
        .iter()
        .find(|b| b.role == BlockRole::Body)
        .map(|b| &text[b.span.range()]);
    let (title, title_derived) = match (&source.meta.title, title_line) {
        (Some(t), _) => (Some(t.clone()), false),
        (None, Some(t)) => (Some(t), false),
        (None, None) => (lede.map(meta::derive_title), lede.is_some()),
    };
    let outlet = source
        .meta
        .outlet
        .clone()
        .or_else(|| lede.and_then(meta::dateline_outlet))
        .or(header.agency)
        .or(header.masthead);
    let (date, date_source) = if let Some(d) = dates::date_in_file_name(&source.file) {
        (Some(d), Some(DateSource::FileName))
    } else if let Some(d) = source.meta.date.as_deref().and_then(dates::parse_date) {
        (Some(d), Some(DateSource::Metadata))
    } else if let Some(d) = header.date {
        (Some(d), Some(DateSource::DateLine))
    } else {
        (None, None)
    };
    let dek = blocks
        .iter()
        .find(|b| b.role == BlockRole::Dek)
        .map(|b| text[b.span.range()].to_string());

    let article = Article {
        file: source.file.clone(),
        item: source.item.clone(),
        given: source.given.clone(),
        text: text.clone().into(),
        title,
        title_derived,
        dek,
        outlet,
        byline: source.meta.byline.clone().or(header.byline),
        date,
        date_source,
        blocks,
        removed,
        quotes: Default::default(),
        story: None,
    };
    (article, lower_text)
}

/// Markdown heading marks are not part of the title.
fn clean_title(line: &str) -> String {
    line.trim_start_matches('#').trim().to_string()
}

/// Inside the body, a short line without a sentence end is a subheading.
fn body_role(line: &Line) -> BlockRole {
    let ends = line.text.ends_with(['.', '!', ':', ',', ';', '"', '”', '’', '\'']);
    if !ends && line.words_at_most(10) {
        BlockRole::Heading
    } else {
        BlockRole::Body
    }
}

/// "list of 3 items" … "end of list": the headlines between belong to the
/// widget.
fn mark_list_items(lines: &[Line], verdicts: &mut [Option<Verdict>]) {
    for i in 0..lines.len() {
        if !lines[i].lower.starts_with("list of ") || lines[i].lower.contains("end of list") {
            continue;
        }
        let mut j = i + 1;
        while j < lines.len() && j <= i + 12 && verdicts[j].is_none() && meta::is_headline_like(&lines[j]) {
            verdicts[j] = Some(Verdict::Remove(Clutter::ListWidget));
            j += 1;
        }
    }
}

/// After a tail marker (share widget, category line, credit line, comment
/// form) the page lists other stories: headline-shaped lines go too.
fn mark_tail(lines: &[Line], verdicts: &mut [Option<Verdict>]) {
    // Only once the article has begun: a share bar under the headline is
    // not the end of the page.
    let mut paragraph_seen = false;
    let mut first = None;
    for (i, v) in verdicts.iter().enumerate() {
        match v {
            Some(Verdict::Remove(r)) if TAIL_MARKERS.contains(r) && paragraph_seen => {
                first = Some(i);
                break;
            }
            None if !paragraph_seen => paragraph_seen = meta::is_paragraph_like(&lines[i]),
            _ => {}
        }
    }
    let Some(first) = first else {
        return;
    };
    for i in first + 1..lines.len() {
        if verdicts[i].is_some() {
            continue;
        }
        let line = &lines[i];
        if bp::is_lone_section(line) || meta::is_headline_like(line) {
            verdicts[i] = Some(Verdict::Remove(Clutter::RelatedHeadline));
        }
    }
}

#[derive(Default)]
struct Header {
    date: Option<chrono::NaiveDate>,
    masthead: Option<String>,
    agency: Option<String>,
    byline: Option<String>,
}

/// Reads the lines before the lede: masthead, menu, title, repeated title,
/// dek, caption, date line, byline. Stops at the first body paragraph.
/// `title`: the one the page's metadata gives.
fn read_header(lines: &[Line], verdicts: &mut [Option<Verdict>], header: &mut Header, title: Option<&str>) {
    let mut title_at: Option<usize> = None;
    let mut kicker_seen = false;
    let mut last_kept: Option<usize> = None;
    for i in 0..lines.len().min(40) {
        let line = &lines[i];
        if let Some(Verdict::Remove(reason)) = verdicts[i] {
            if reason == Clutter::AgencyCredit {
                header.agency = header
                    .agency
                    .take()
                    .or(bp::agency_repeat(line.text).map(str::to_string));
            }
            continue;
        }
        let verdict = if bp::is_menu_bar(line) {
            Verdict::Remove(Clutter::MenuBar)
        } else if title_at.is_none() && is_masthead(lines, i) {
            header.masthead = Some(line.text.to_string());
            Verdict::Remove(Clutter::Masthead)
        } else if let Some(by) = bp::byline(line.text) {
            // Before date lines: "By Jane Doe, March 3, 2026" is a byline
            // and a date, not a dateline's place and date.
            let (by, date) = byline_and_date(by);
            let reason = if by.is_some() {
                Clutter::Byline
            } else {
                Clutter::DateLine
            };
            header.byline = header.byline.take().or(by);
            header.date = header.date.or(date);
            Verdict::Remove(reason)
        } else if let Some(d) = date_line(
            line,
            title_at.is_some() || title.is_some_and(|t| !meta::is_repeated_title(t, line)),
        ) {
            header.date = header.date.or(Some(d));
            Verdict::Remove(Clutter::DateLine)
        } else if title_at.is_some() && bp::is_caption(line) {
            Verdict::Remove(Clutter::PhotoCaption)
        } else if title_at.is_none() && meta::is_headline_like(line) {
            match title {
                // Not the title the page or record gives (a kicker, a
                // short dek, a site's "Estimated reading time"): shown as
                // text where it was hidden as a second title. The header
                // is read on past one such short line (its byline, its
                // date line), not past a paragraph or a second one.
                Some(t) if !meta::is_repeated_title(t, line) => {
                    if kicker_seen || meta::is_paragraph_like(line) {
                        break;
                    }
                    kicker_seen = true;
                    Verdict::Keep(body_role(line))
                }
                _ => {
                    title_at = Some(i);
                    Verdict::Keep(BlockRole::Title)
                }
            }
        } else if let Some(t) = title_at.filter(|_| meta::is_headline_like(line)) {
            if meta::is_repeated_title(lines[t].text, line) {
                Verdict::Remove(Clutter::RepeatedTitle)
            } else {
                break;
            }
        } else if title_at.is_some() && last_kept == title_at && followed_by_chrome(verdicts, lines, i) {
            Verdict::Keep(BlockRole::Dek)
        } else {
            break;
        };
        if matches!(verdict, Verdict::Keep(_)) {
            last_kept = Some(i);
        }
        verdicts[i] = Some(verdict);
    }
}

/// A dek is followed by chrome (separator, caption, date, byline) before the
/// article proper starts.
fn followed_by_chrome(verdicts: &[Option<Verdict>], lines: &[Line], i: usize) -> bool {
    match lines.get(i + 1) {
        None => false,
        Some(next) => {
            matches!(verdicts[i + 1], Some(Verdict::Remove(_)))
                || bp::is_caption(next)
                || date_line(next, true).is_some()
                || bp::byline(next.text).is_some()
        }
    }
}

/// The site's name at the very top: a short title-case line next to a menu
/// bar or a site date header.
/// The site's name over its page: a few capitalised words beside chrome
/// (a menu, today's date, a section), or over a longer headline and its
/// byline ("Riverside Gazette", "Parents say …", "By Sam Ferris").
fn is_masthead(lines: &[Line], i: usize) -> bool {
    let (line, next, prev) = (&lines[i], lines.get(i + 1), i.checked_sub(1).map(|j| &lines[j]));
    let words: Vec<&str> = line.text.split_whitespace().collect();
    let title_case = words
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()));
    let chrome = |l: &Line| bp::is_menu_bar(l) || bp::is_today_header(l) || bp::is_category_line(l);
    let over_headline = || {
        words.len() <= 4
            && next.is_some_and(|n| meta::is_headline_like(n) && n.text.split_whitespace().count() > words.len() + 2)
            && lines.get(i + 2).is_some_and(|l| bp::byline(l.text).is_some())
    };
    (1..=5).contains(&words.len())
        && title_case
        && (next.is_some_and(chrome) || prev.is_some_and(chrome) || over_headline())
}

/// A byline that ends in its article's date ("Jane Doe, Staff Writer
/// March 3, 2026", "Jane Doe | Updated March 3, 2026"): the names before
/// its last words when they are all [`date_word`]s and make a date, and
/// the date; no names when the date is all there is ("By March 3, 2026").
/// A date inside ("who covered the March 3, 2020 vote") is not the
/// article's.
fn byline_and_date(by: String) -> (Option<String>, Option<chrono::NaiveDate>) {
    // A date has digits; most bylines none (asked of every article's).
    if !by.bytes().any(|b| b.is_ascii_digit()) {
        return (Some(by), None);
    }
    let is_separator = |c: char| c.is_whitespace() || c == ',' || c == '|';
    // Each word's start and end.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (at, c) in by.char_indices().chain([(by.len(), ' ')]) {
        match (start, is_separator(c)) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                words.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    let mut first = words
        .iter()
        .rposition(|&(a, b)| !date_word(&by[a..b].to_lowercase()))
        .map_or(0, |last_other| last_other + 1);
    let Some(date) = words.get(first).and_then(|&(from, _)| dates::parse_date(&by[from..])) else {
        return (Some(by), None);
    };
    // A surname that is a month or a day, right after a name ("Theresa
    // May, March 3", "Lena Sun, March 3"), stays with the names.
    while first > 0
        && first + 1 < words.len()
        && month_or_day(crate::text::trim_non_alnum(
            &by[words[first].0..words[first].1].to_lowercase(),
        ))
        && by[words[first - 1].1..words[first].0].chars().all(char::is_whitespace)
        && dates::parse_date(&by[words[first + 1].0..]) == Some(date)
    {
        first += 1;
    }
    let names = by[..words[first].0].trim_end_matches(|c: char| is_separator(c) || matches!(c, '-' | '–' | '—' | '·'));
    ((!names.is_empty()).then(|| names.to_string()), Some(date))
}

/// Whether a word (lowercase, bare) names a month or a day of the week.
fn month_or_day(w: &str) -> bool {
    dates::month_number(w).is_some() || dates::is_weekday(w)
}

/// Whether a word (lowercase) is one a date line may hold: a month,
/// weekday, number, time, day's ordinal or a word like "Published".
fn date_word(w: &str) -> bool {
    let l = crate::text::trim_non_alnum(w);
    l.is_empty()
        || l.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '-' || c == '/' || c == 't' || c == 'z')
        || month_or_day(l)
        || matches!(
            l,
            "published"
                | "updated"
                | "update"
                | "originally"
                | "first"
                | "modified"
                | "created"
                | "edited"
                | "revised"
                | "released"
                | "issued"
                | "reviewed"
                | "posted"
                | "on"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "at"
                | "est"
                | "edt"
                | "et"
                | "gmt"
                | "utc"
                | "cet"
                | "pt"
                | "pst"
                | "pdt"
                | "cst"
                | "cdt"
                | "last"
                | "date"
                | "th"
                | "st"
                | "nd"
                | "rd"
        )
        || dates::ordinal_digits(l).is_some()
}

/// A line that is only a date (with words like "Published" or "Updated").
/// Once the title is known (`after_title`: found, or given by the page's
/// metadata and not this line), also a dateline's place and date; before
/// it, "Fed Holds Rates, March 3, 2026" is a headline.
fn date_line(line: &Line, after_title: bool) -> Option<chrono::NaiveDate> {
    if !line.words_at_most(10) || bp::is_today_header(line) {
        return None;
    }
    let date = dates::parse_date(line.text)?;
    // A dateline's place before a comma ("Hamburg, 2. November 2021",
    // "WASHINGTON, March 3, 2026"): up to three capitalised words.
    let place_words = line
        .text
        .split_once(',')
        .filter(|_| after_title)
        .map(|(place, _)| place.split_whitespace())
        .filter(|words| {
            let n = words.clone().count();
            (1..=3).contains(&n) && words.clone().all(|w| w.starts_with(char::is_uppercase))
        })
        .map_or(0, |words| words.count());
    // Every other word must be date-ish: month, weekday, number, time,
    // "Published".
    let dateish = line
        .lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .skip(place_words)
        .all(date_word);
    dateish.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceMeta;

    #[test]
    fn lines_split_as_the_standard_split_inclusive() {
        for s in ["", "\n", "a", "a\n", "a\nb", "\n\nx\n\n", "é\n“q”\r\nend"] {
            let ours: Vec<&str> = lines_inclusive(s).collect();
            let std: Vec<&str> = s.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    fn source(file: &str, text: &str) -> Source {
        Source {
            file: file.into(),
            text: text.into(),
            meta: SourceMeta::default(),
            ..Source::default()
        }
    }

    const PAGE: &str = "The Harbor Ledger\nHome World Business Opinion Sport\nToday: June 1, 2026\n\n\
        Port Velin water prices to stay flat, minister says\n\n\
        The minister speaks to reporters at the ministry, in Port Velin\nMarch 10, 2026\n\n\
        PORT VELIN (Valdoria Wire Service) - Water Minister Elena Marović said on Tuesday that prices would not rise this year.\n\n\
        “We will not raise prices,” Marović said.\n\n\
        Read more: Ferry strike enters second week\n\n\
        (Reporting by Ana Ruiz; Editing by Tom Hale)\n\nShare This\n\nWorld|Politics\n\n\
        Ferry strike enters second week\nFerry strike enters second week\n";

    /// `text` cleaned as a record's or page's whose metadata gives `title`.
    fn clean_titled(text: &str, title: &str) -> Article {
        let mut s = source("api.json", text);
        s.meta.title = Some(title.into());
        clean(&s)
    }

    #[test]
    fn a_first_line_that_is_not_the_given_title_is_kept() {
        // A record's title given apart: a short first line that is not it
        // (a dek, a kicker) is shown, not a second title hidden from view.
        let a = clean_titled(
            "Dek it\n\n“We will see,” said Ann Lee.\n\nMore text here.\n",
            "Harbour plan approved",
        );
        assert_eq!(a.title.as_deref(), Some("Harbour plan approved"));
        assert!(a.body().starts_with("Dek it\n\n“We will see,”"), "{}", a.body());
        // The header is read on after it: its byline and date line.
        let a = clean_titled(
            "Council votes on harbour\n\nBy Jane Doe\n\nMarch 3, 2026\n\n“We will see,” said Ann Lee.\n",
            "Harbour plan approved",
        );
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 3));
        assert_eq!(a.body(), "Council votes on harbour\n\n“We will see,” said Ann Lee.");
        // Reading stops at a paragraph: a headline-like one (a quote) is
        // the article's first, and what follows it is text.
        let a = clean_titled(
            "“We will not go back to the old tariffs, not this year and not next”\n\n\
             Minister talks to reporters\n\n“Fine,” she said later.\n",
            "Harbour plan approved",
        );
        assert!(a.body().contains("Minister talks to reporters"), "{}", a.body());
        assert!(a.removed.is_empty());
        // The given title repeated as the first line is still the title.
        let a = clean_titled(
            "Harbour plan approved\n\n“We will see,” said Ann Lee.\n",
            "Harbour plan approved | The Ledger",
        );
        assert!(a.body().starts_with("“We will see,”"), "{}", a.body());
    }

    /// A site's name over a longer headline and its byline is the
    /// masthead, and "Skip to content" above it is chrome (audit: the
    /// site's name was every article's title).
    #[test]
    fn a_masthead_over_a_headline_and_byline_is_the_outlet() {
        let text = "Skip to content\n\nRiverside Gazette\n\nParents say bridge closure puts children at risk\n\n\
                    By Sam Ferris\n\nParents said on Monday that the closure was dangerous.\n";
        let a = clean(&source("page.txt", text));
        assert_eq!(
            a.title.as_deref(),
            Some("Parents say bridge closure puts children at risk")
        );
        assert_eq!(a.byline.as_deref(), Some("Sam Ferris"));
        assert_eq!(a.body(), "Parents said on Monday that the closure was dangerous.");
        // A short headline over a byline is the title still.
        let a = clean(&source(
            "page.txt",
            "Harbour vote\n\nBy Sam Ferris\n\nThe vote was close.\n",
        ));
        assert_eq!(a.title.as_deref(), Some("Harbour vote"));
    }

    #[test]
    fn header_chrome_is_removed_and_metadata_read() {
        let a = clean(&source("page.txt", PAGE));
        assert_eq!(
            a.title.as_deref(),
            Some("Port Velin water prices to stay flat, minister says")
        );
        assert!(!a.title_derived);
        assert_eq!(a.outlet.as_deref(), Some("Valdoria Wire Service"));
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 10));
        assert_eq!(a.date_source, Some(DateSource::DateLine));
        let body = a.body();
        for clutter in [
            "Home World",
            "Today:",
            "speaks to reporters",
            "Read more",
            "Reporting by",
            "Share This",
            "World|Politics",
            "Ferry strike",
        ] {
            assert!(!body.contains(clutter), "{clutter} left in body:\n{body}");
        }
        assert!(body.contains("“We will not raise prices,” Marović said."));
        let reasons: Vec<&str> = a.removed.iter().map(|r| r.reason.as_str()).collect();
        for r in [
            "masthead",
            "menu bar",
            "site date header",
            "photo caption",
            "date line",
            "read more link",
            "agency credit",
            "share widget",
            "category line",
            "related headline",
        ] {
            assert!(reasons.contains(&r), "no {r} in {reasons:?}");
        }
    }

    #[test]
    fn file_name_date_wins_and_today_header_never_counts() {
        let a = clean(&source("2026-02-01-x.txt", "Today: June 1, 2026\nHeadline here for the day\nMarch 10, 2026\nBody text that is long enough to be a paragraph of its own.\n"));
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2026, 2, 1));
        let b = clean(&source("x.txt", "Today: June 1, 2026\nHeadline here for the day\nBody text that is long enough to be a paragraph of its own.\n"));
        assert_eq!(b.date, None);
    }

    #[test]
    fn a_dated_headline_is_a_title_and_only_date_words_make_a_date_line() {
        let body = "Body text that is long enough to be a paragraph of its own, and then some.\n";
        // `line` between a title and the body.
        let under_title = |line: &str| clean(&source("x.txt", &format!("Ferry strike ends\n{line}\n{body}")));
        // `lines` then the body, on a page whose metadata gives `title`.
        let titled_page = |title: &str, lines: &str| {
            let mut page = source("x.html", &format!("{lines}\n{body}"));
            page.meta.title = Some(title.into());
            clean(&page)
        };
        let a = clean(&source("x.txt", &format!("Velin vote set for March 3, 2026\n{body}")));
        assert_eq!(a.title.as_deref(), Some("Velin vote set for March 3, 2026"));
        assert_eq!(a.date_source, None);
        let b = clean(&source(
            "x.txt",
            &format!("Ferry strike ends\nPublished Monday, March 2nd, 2026 at 9:30 am EST\n{body}"),
        ));
        assert_eq!(b.title.as_deref(), Some("Ferry strike ends"));
        assert_eq!(b.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(b.date_source, Some(DateSource::DateLine));
        assert!(!b.body().contains("Published"));
        // Lines of a date and the words sites put with one.
        for line in [
            "Originally published March 3, 2026",
            "Last modified: March 3rd, 2026 at 10:00 am",
        ] {
            let c = under_title(line);
            assert_eq!(c.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 3), "{line}");
            assert_eq!(c.date_source, Some(DateSource::DateLine), "{line}");
            assert!(!c.body().contains("2026"), "{line}");
        }
        // A dateline's place and date.
        for line in ["Hamburg, 2. November 2021", "PORT VELIN, March 3, 2026"] {
            let c = under_title(line);
            assert_eq!(c.date_source, Some(DateSource::DateLine), "{line}");
            assert!(!c.body().contains(line), "{line}");
        }
        // The page's title line with a place and date stays its title.
        let c = titled_page("Fed Holds Rates, March 3, 2026", "Fed Holds Rates, March 3, 2026");
        assert_eq!(c.date, None);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        // A dateline first, when the page's metadata gives the title.
        let c = titled_page("Ferry strike ends", "Hamburg, 2. November 2021\nFerry strike ends");
        assert_eq!(c.date, chrono::NaiveDate::from_ymd_opt(2021, 11, 2));
        assert!(!c.body().contains("Hamburg"));
        // A byline that ends in the date gives both.
        for (line, by, dated) in [
            (
                "By Jane Doe, Staff Writer March 3, 2026",
                "Jane Doe, Staff Writer",
                true,
            ),
            ("By Jane Doe, March 3, 2026", "Jane Doe", true),
            ("BY JANE DOE | Updated March 3rd, 2026 10:32 AM", "JANE DOE", true),
            ("By Jane Doe, Tom Hale March 3, 2026", "Jane Doe, Tom Hale", true),
            ("By Jane Doe", "Jane Doe", false),
            // A date inside a byline is not the article's.
            (
                "By Jane Doe, who covered the March 3, 2026 vote",
                "Jane Doe, who covered the March 3, 2026 vote",
                false,
            ),
            // Date words alone, no date: the byline as it is.
            ("By Jane Doe, Published Monday", "Jane Doe, Published Monday", false),
            // Surnames that are a month or a day.
            ("By Theresa May, March 3, 2026", "Theresa May", true),
            ("By Lena Sun — March 3, 2026", "Lena Sun", true),
            ("By Jane Doe | Tue, March 3, 2026", "Jane Doe", true),
            ("By Jane Doe Updated March 3, 2026", "Jane Doe", true),
            ("By March 3, 2026", "", true),
        ] {
            let c = under_title(line);
            assert_eq!(c.byline.as_deref(), Some(by).filter(|b| !b.is_empty()), "{line}");
            assert_eq!(
                c.date,
                chrono::NaiveDate::from_ymd_opt(2026, 3, 3).filter(|_| dated),
                "{line}"
            );
        }
        // Before the title, a place and a date is a headline; a day is a
        // number and st, nd, rd or th.
        for first in ["Fed Holds Rates, March 3, 2026", "Published March 3xy, 2026"] {
            let c = clean(&source("x.txt", &format!("{first}\n{body}")));
            assert_eq!(c.title.as_deref(), Some(first), "{first}");
            assert_eq!(c.date, None, "{first}");
        }
    }

    #[test]
    fn repeated_titles_merge() {
        let a = clean(&source(
            "x.txt",
            "Port closes for a week
Port closes for a week
Port Velin Harbor Closes for One Week After Storm
The harbor closed on Monday after the storm damaged two piers, officials said.
",
        ));
        assert_eq!(a.title.as_deref(), Some("Port closes for a week"));
        let reasons: Vec<&str> = a.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, vec!["repeated title", "repeated title"]);
    }

    #[test]
    fn dek_after_title_and_derived_title() {
        let a = clean(&source("x.txt", "A headline about the port\nThe dek says what happened, insisting it “won’t happen”.\n-\nThe lede paragraph begins here and goes on for a while longer.\n"));
        assert_eq!(
            a.dek.as_deref(),
            Some("The dek says what happened, insisting it “won’t happen”.")
        );
        let b = clean(&source(
            "x.txt",
            "The council voted on Tuesday to close the harbor for a week. More follows.\n",
        ));
        assert!(b.title_derived);
        assert_eq!(
            b.title.as_deref(),
            Some("The council voted on Tuesday to close the harbor for a week")
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "This is a long line of hard wrapped text that goes on and\non to the next line.\nNew paragraph.";
        let p = paragraphs(text, 0);
        assert_eq!(p.len(), 2);
        assert_eq!(
            &text[p[0].start..p[0].end],
            "This is a long line of hard wrapped text that goes on and\non to the next line."
        );
    }
}
