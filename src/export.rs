//! Records for the CLI's machine-readable output (the contract in
//! DESIGN.md): one per quote, article or speaker.

use crate::model::{Corpus, QuoteId, SpeakerKind};
use serde::Serialize;

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
    pub date: Option<String>,
    pub date_source: Option<crate::model::DateSource>,
    pub quotes: usize,
    pub body: String,
    pub removed: Vec<RemovedRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RemovedRecord<'a> {
    pub reason: &'static str,
    pub text: &'a str,
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
fn one_line(s: &str) -> String {
    if s.contains('\n') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}

pub fn quote_records(c: &Corpus) -> impl Iterator<Item = QuoteRecord<'_>> {
    (0..c.quotes.len()).map(move |qi| {
        let q = &c.quotes[qi];
        QuoteRecord {
            quote: quote_ref(c, qi),
            speaker_kind: q.speaker.map(|s| c.speakers[s].kind),
            mention: q.mention.as_ref().map(|m| &*m.text),
            cue: q.cue.as_deref(),
            kind: q.kind.as_str(),
            date_precision: q.when.as_ref().map(|w| w.precision.as_str()),
            date_source: q.when.as_ref().map(|w| w.origin.as_str()),
            date_evidence: q.date_evidence(),
            article: c.articles[q.article].title.as_deref(),
            sieve: q.sieve.map(crate::model::SieveName::as_str),
            statement: q.statement,
            starred: q.starred,
            note: c.note(qi),
        }
    })
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
        date: a.date.map(|d| d.to_string()),
        date_source: a.date_source,
        quotes: a.quotes.len(),
        body: a.body(),
        removed: a
            .removed
            .iter()
            .map(|r| RemovedRecord {
                reason: r.reason,
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
    pub date: Option<String>,
    pub date_precision: Option<&'static str>,
    /// How the date reads: "2025-04-08", "Aug 2025", "2023".
    pub date_label: Option<String>,
    pub outlets: Vec<&'a str>,
    pub quotes: Vec<StatementQuote<'a>>,
}

pub fn statement_records(c: &Corpus) -> impl Iterator<Item = StatementRecord<'_>> {
    c.statements.iter().enumerate().map(move |(id, st)| StatementRecord {
        id,
        speaker: &c.speakers[st.speaker].name,
        date: st.when.as_ref().map(|w| w.date.to_string()),
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
    pub text: String,
    pub speaker: Option<&'a str>,
    /// When it was said: a day, or the first day of a period.
    pub date: Option<String>,
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
        start: quote.span.start,
        end: quote.span.end,
        text: one_line(c.quote_text(quote)),
        speaker: c.speaker_name(quote),
        date: quote.date().map(|d| d.to_string()),
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
