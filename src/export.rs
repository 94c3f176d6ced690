//! Records for the CLI's machine-readable output (the contract in
//! DESIGN.md): one per quote, article or speaker.

use crate::model::{Corpus, Interned, QuoteId, SpeakerKind};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::borrow::Cow;

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// File, offsets, words, speaker and date.
    #[serde(flatten)]
    pub quote: QuoteRef<'a>,
    pub speaker_kind: Option<SpeakerKind>,
    pub mention: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub kind: &'static str,
    pub date_precision: Option<&'static str>,
    pub date_source: Option<&'static str>,
    /// The words the date was read from ("on Tuesday").
    pub date_evidence: Option<&'a str>,
    pub article: Option<&'a str>,
    pub sieve: Option<&'static str>,
    /// Quotes sharing this number report the same statement.
    pub statement: Option<usize>,
    /// Starred by the user.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
    /// The user's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub file: &'a str,
    /// The record within a file of several (JSON, feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<&'a str>,
    pub title: Option<&'a str>,
    pub title_derived: bool,
    pub dek: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<IsoDate>,
    pub date_source: Option<crate::model::DateSource>,
    pub quotes: usize,
    pub body: String,
    pub removed: Vec<RemovedRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RemovedRecord<'a> {
    pub reason: &'static str,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    pub name: &'a str,
    pub kind: SpeakerKind,
    pub aliases: &'a [String],
    pub roles: &'a [String],
    pub quotes: usize,
    pub articles: usize,
}

/// Quote text on one line: paragraph breaks inside a quote become spaces.
fn one_line(s: Cow<'_, str>) -> Cow<'_, str> {
    if s.contains('\n') {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        s
    }
}

pub fn quote_records(c: &Corpus) -> impl Iterator<Item = QuoteRecord<'_>> {
    (0..c.quotes.len()).map(move |qi| quote_record(c, qi))
}

/// The record of quote `qi`, on its own: the CLI builds them on all cores.
pub fn quote_record(c: &Corpus, qi: usize) -> QuoteRecord<'_> {
    let q = &c.quotes[qi];
    QuoteRecord {
        quote: quote_ref(c, qi),
        speaker_kind: q.speaker.get().map(|s| c.speakers[s].kind),
        mention: q.mention.map(|m| m.text.as_str()),
        cue: q.cue.map(Interned::as_str),
        kind: q.kind.as_str(),
        date_precision: q.when.as_ref().map(|w| w.precision.as_str()),
        date_source: q.when.as_ref().map(|w| w.origin.as_str()),
        date_evidence: q.date_evidence(),
        article: c.articles[q.article].title.as_deref(),
        sieve: q.sieve.map(crate::model::SieveName::as_str),
        statement: q.statement.get(),
        starred: q.starred,
        note: c.note(qi),
    }
}

pub fn article_records(c: &Corpus) -> impl Iterator<Item = ArticleRecord<'_>> {
    c.articles.iter().map(|a| ArticleRecord {
        file: &a.file,
        item: a.item.as_deref(),
        title: a.title.as_deref(),
        title_derived: a.title_derived,
        dek: a.dek.as_deref(),
        outlet: a.outlet.as_deref(),
        byline: a.byline.as_deref(),
        date: a.date.map(IsoDate),
        date_source: a.date_source,
        quotes: a.quotes.len(),
        body: a.body(),
        removed: a
            .removed
            .iter()
            .map(|r| RemovedRecord {
                reason: r.reason.as_str(),
                text: a.removed_text(r),
            })
            .collect(),
    })
}

/// Speakers with quotes (all named people too when `all`).
pub fn speaker_records(c: &Corpus, all: bool) -> impl Iterator<Item = SpeakerRecord<'_>> {
    c.speakers
        .iter()
        // A speaker merged into another keeps its place with no name.
        .filter(move |s| !s.name.is_empty() && (all || !s.quotes.is_empty()))
        .map(move |s| {
            let mut arts: Vec<usize> = s.quotes.iter().map(|&q| c.quotes[q].article).collect();
            arts.sort_unstable();
            arts.dedup();
            SpeakerRecord {
                name: &s.name,
                kind: s.kind,
                aliases: &s.aliases,
                roles: &s.roles,
                quotes: s.quotes.len(),
                articles: arts.len(),
            }
        })
}

/// One quote of a statement, as one outlet reported it.
#[derive(Debug, Serialize)]
pub struct StatementQuote<'a> {
    #[serde(flatten)]
    pub quote: QuoteRef<'a>,
    pub outlet: Option<&'a str>,
    pub date_source: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct StatementRecord<'a> {
    pub id: usize,
    pub speaker: &'a str,
    pub date: Option<IsoDate>,
    pub date_precision: Option<&'static str>,
    /// How the date reads: "2025-04-08", "Aug 2025", "2023".
    pub date_label: Option<String>,
    pub outlets: Vec<std::borrow::Cow<'a, str>>,
    pub quotes: Vec<StatementQuote<'a>>,
}

pub fn statement_records(c: &Corpus) -> impl Iterator<Item = StatementRecord<'_>> {
    c.statements.iter().enumerate().map(move |(id, st)| StatementRecord {
        id,
        speaker: &c.speakers[st.speaker()].name,
        date: st.when.as_ref().map(|w| IsoDate(w.date)),
        date_precision: st.when.as_ref().map(|w| w.precision.as_str()),
        date_label: st.when.as_ref().map(|w| w.label()),
        outlets: crate::relate::statements::reporters(c, id),
        quotes: st
            .quotes
            .iter()
            .map(|&q| StatementQuote {
                quote: quote_ref(c, q),
                outlet: c.articles[c.quotes[q].article].outlet.as_deref(),
                date_source: c.quotes[q].when.as_ref().map(|w| w.origin.as_str()),
            })
            .collect(),
    })
}

/// A quote named by file and offsets, with its words and speaker.
#[derive(Debug, Serialize)]
pub struct QuoteRef<'a> {
    pub file: &'a str,
    /// The record within a file of several (JSON, feeds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    /// Its words on one line (borrowed unless they spanned lines).
    pub text: Cow<'a, str>,
    pub speaker: Option<&'a str>,
    /// When it was said: a day, or the first day of a period.
    pub date: Option<IsoDate>,
}

/// A date in every record, written `YYYY-MM-DD` (chrono's form) without a
/// string made for it: a million quote lines formatted theirs through
/// `to_string`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub NaiveDate);

impl IsoDate {
    /// Adds the date's characters to `out`.
    pub fn write_to(self, out: &mut Vec<u8>) {
        let d = self.0;
        match u16::try_from(d.year()) {
            Ok(year @ 0..=9999) => {
                let digit = |n: u32| b'0' + (n % 10) as u8;
                let (y, m, day) = (u32::from(year), d.month(), d.day());
                out.extend_from_slice(&[
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    b'-',
                    digit(m / 10),
                    digit(m),
                    b'-',
                    digit(day / 10),
                    digit(day),
                ]);
            }
            // Years chrono writes with a sign.
            _ => out.extend_from_slice(d.to_string().as_bytes()),
        }
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Serialize)]
pub struct RelatedEntry<'a> {
    #[serde(flatten)]
    pub quote: QuoteRef<'a>,
    pub reason: crate::relate::related::Reason,
    pub score: f32,
}

#[derive(Debug, Serialize)]
pub struct RelatedRecord<'a> {
    #[serde(flatten)]
    pub quote: QuoteRef<'a>,
    pub related: Vec<RelatedEntry<'a>>,
}

fn quote_ref(c: &Corpus, q: usize) -> QuoteRef<'_> {
    let quote = &c.quotes[q];
    QuoteRef {
        file: &c.articles[quote.article].file,
        item: c.articles[quote.article].item.as_deref(),
        start: quote.span.start(),
        end: quote.span.end(),
        text: one_line(c.quote_text(quote)),
        speaker: c.speaker_name(quote),
        date: quote.date().map(IsoDate),
    }
}

/// For each attributed quote, its related quotes, best first. Ranked a
/// few thousand quotes at a time on every core (each quote's ranking reads
/// its story), and handed out in order.
pub fn related_records(c: &Corpus) -> impl Iterator<Item = RelatedRecord<'_>> {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    let attributed: Vec<QuoteId> = (0..c.quotes.len()).filter(|&q| c.quotes[q].speaker.is_some()).collect();
    (0..attributed.len()).step_by(CHUNK).flat_map(move |from| {
        attributed[from..(from + CHUNK).min(attributed.len())]
            .par_iter()
            .map(|&q| RelatedRecord {
                quote: quote_ref(c, q),
                related: crate::relate::related::related(c, q)
                    .into_iter()
                    .map(|r| RelatedEntry {
                        quote: quote_ref(c, r.quote),
                        reason: r.reason,
                        score: (r.score * 1000.0).round() / 1000.0,
                    })
                    .collect(),
            })
            .collect::<Vec<_>>()
    })
}

/// A quote's JSON line exactly as serde_json writes its [`QuoteRecord`]
/// (a test holds the two equal), into `out`. `extract` writes a million of
/// these at 100k articles, and serde_json's byte-at-a-time escaping of
/// every key and value was 5% of the whole run (callgrind).
pub fn write_quote_line(out: &mut Vec<u8>, r: &QuoteRecord) {
    let q = &r.quote;
    out.extend_from_slice(b"{\"file\":");
    json_str(out, q.file);
    if let Some(item) = q.item {
        out.extend_from_slice(b",\"item\":");
        json_str(out, item);
    }
    out.extend_from_slice(b",\"start\":");
    json_uint(out, q.start);
    out.extend_from_slice(b",\"end\":");
    json_uint(out, q.end);
    out.extend_from_slice(b",\"text\":");
    json_str(out, &q.text);
    json_str_field(out, b",\"speaker\":", q.speaker);
    out.extend_from_slice(b",\"date\":");
    match q.date {
        Some(d) => {
            out.push(b'"');
            d.write_to(out);
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
    // The fields that are a string or null, in the derive's order.
    let strings: [(&[u8], Option<&str>); 9] = [
        (b",\"speaker_kind\":", r.speaker_kind.map(SpeakerKind::as_str)),
        (b",\"mention\":", r.mention),
        (b",\"cue\":", r.cue),
        (b",\"kind\":", Some(r.kind)),
        (b",\"date_precision\":", r.date_precision),
        (b",\"date_source\":", r.date_source),
        (b",\"date_evidence\":", r.date_evidence),
        (b",\"article\":", r.article),
        (b",\"sieve\":", r.sieve),
    ];
    for (key, value) in strings {
        json_str_field(out, key, value);
    }
    out.extend_from_slice(b",\"statement\":");
    match r.statement {
        Some(s) => json_uint(out, s),
        None => out.extend_from_slice(b"null"),
    }
    if r.starred {
        out.extend_from_slice(b",\"starred\":true");
    }
    if let Some(note) = r.note {
        out.extend_from_slice(b",\"note\":");
        json_str(out, note);
    }
    out.push(b'}');
}

/// `key` (with its comma and colon), then a string or null.
fn json_str_field(out: &mut Vec<u8>, key: &[u8], value: Option<&str>) {
    out.extend_from_slice(key);
    match value {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A JSON string as serde_json escapes it: `"`, `\` and the controls below
/// a space; the short forms where JSON has them, else `\u00XX`.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time while none needs escaping, nearly all text.
        if let Some(word) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let x = b[i];
        let escape: &[u8] = match x {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..=0x1F => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[from..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(x >> 4)],
                HEX[usize::from(x & 0xF)],
            ]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        from = i;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// Whether any of the eight bytes in `w` is `"`, `\` or below a space.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    (below_space | zero_byte(w ^ (ONES * u64::from(b'"'))) | zero_byte(w ^ (ONES * u64::from(b'\\')))) != 0
}

#[cfg(test)]
mod quote_line_tests {
    use super::*;

    fn record<'a>(text: &'a str, file: &'a str, note: Option<&'a str>, starred: bool) -> QuoteRecord<'a> {
        QuoteRecord {
            quote: QuoteRef {
                file,
                item: Some("item \"7\""),
                start: 0,
                end: 18_446_744_073_709_551_615,
                text: text.into(),
                speaker: Some("Ana Brook"),
                date: None,
            },
            speaker_kind: Some(SpeakerKind::Organisation),
            mention: None,
            cue: Some("said"),
            kind: "full",
            date_precision: None,
            date_source: Some("text"),
            date_evidence: Some("on Tuesday"),
            article: None,
            sieve: Some("quote_cue_mention"),
            statement: Some(0),
            starred,
            note,
        }
    }

    #[test]
    fn a_date_is_written_as_chrono_writes_it() {
        for (y, m, d) in [
            (2025, 4, 8),
            (1999, 12, 31),
            (5, 1, 2),
            (999, 10, 1),
            (10_000, 1, 1),
            (-1, 6, 30),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut ours = Vec::new();
            IsoDate(date).write_to(&mut ours);
            assert_eq!(String::from_utf8(ours).unwrap(), date.to_string());
            assert_eq!(serde_json::to_string(&IsoDate(date)).unwrap(), format!("\"{date}\""));
            // And in a quote line.
            let mut r = record("words", "a.txt", None, false);
            r.quote.date = Some(IsoDate(date));
            let mut line = Vec::new();
            write_quote_line(&mut line, &r);
            assert_eq!(String::from_utf8(line).unwrap(), serde_json::to_string(&r).unwrap());
        }
    }

    #[test]
    fn a_speaker_kind_is_written_as_serde_names_it() {
        for kind in [SpeakerKind::Person, SpeakerKind::Organisation, SpeakerKind::Anonymous] {
            assert_eq!(format!("\"{}\"", kind.as_str()), serde_json::to_string(&kind).unwrap());
        }
    }

    #[test]
    fn a_quote_line_is_what_serde_json_writes() {
        let mut awkward: String = (0u8..0x20).map(char::from).collect();
        awkward.push_str("\"\\/\u{7f}é “curly” \u{2028} 😀 plain text of some length");
        for text in [
            "",
            "a",
            "plain words, eight+",
            awkward.as_str(),
            "ends with \\",
            "\"",
            "1234567\"",
        ] {
            for (note, starred) in [(None, false), (Some("a \"note\"\n"), true)] {
                let r = record(text, "dir/a \\ b.txt", note, starred);
                let mut ours = Vec::new();
                write_quote_line(&mut ours, &r);
                assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&r).unwrap());
            }
        }
        // And every quote of the demo corpus.
        let corpus = crate::load_corpus(
            &[concat!(env!("CARGO_MANIFEST_DIR"), "/assets").to_string()],
            &crate::LoadOptions::default(),
        );
        assert!(corpus.quotes.len() > 100);
        for r in quote_records(&corpus) {
            let mut ours = Vec::new();
            write_quote_line(&mut ours, &r);
            assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&r).unwrap());
        }
    }
}
