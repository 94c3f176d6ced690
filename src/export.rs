//! Records for the CLI's machine-readable output (the contract in
//! DESIGN.md): one per quote, article or speaker.

use crate::model::{Corpus, SpeakerKind};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    pub file: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<&'a str>,
    pub speaker_kind: Option<SpeakerKind>,
    pub mention: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub kind: &'static str,
    pub date: Option<String>,
    pub article: Option<&'a str>,
    pub sieve: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub file: &'a str,
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
    c.quotes.iter().map(move |q| {
        let a = &c.articles[q.article];
        QuoteRecord {
            file: &a.file,
            start: q.span.start,
            end: q.span.end,
            text: one_line(&q.text),
            speaker: c.speaker_name(q),
            speaker_kind: q.speaker.map(|s| c.speakers[s].kind),
            mention: q.mention.as_ref().map(|m| m.text.as_str()),
            cue: q.cue.as_deref(),
            kind: q.kind.as_str(),
            date: q.date.map(|d| d.to_string()),
            article: a.title.as_deref(),
            sieve: q.sieve,
        }
    })
}

pub fn article_records(c: &Corpus) -> impl Iterator<Item = ArticleRecord<'_>> {
    c.articles.iter().map(|a| ArticleRecord {
        file: &a.file,
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
                text: &r.text,
            })
            .collect(),
    })
}

/// Speakers with quotes (all named people too when `all`).
pub fn speaker_records(c: &Corpus, all: bool) -> impl Iterator<Item = SpeakerRecord<'_>> {
    c.speakers
        .iter()
        .filter(move |s| all || !s.quotes.is_empty())
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
