//! A quote's related quotes, ranked: the same statement in other outlets,
//! the same speaker on the same subject, replies (other speakers in the
//! same story answering it), then the same speaker at other times.

use super::statements::eligible;
use super::terms::similarity;
use crate::lexicon::REPLY_CUE;
use crate::model::{Corpus, Interned, QuoteId, SpeakerKind};
use crate::resolve::when::compatible;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// Wordings this alike by one speaker are on the same subject.
pub const SAME_SUBJECT: f32 = 0.3;
/// Replies score at least this.
const REPLY_FLOOR: f32 = 0.5;
/// At most this many replies and this many other-time quotes each side.
const MAX_REPLIES: usize = 6;
const OTHER_TIMES: usize = 3;
/// What a reply's score gains when the articles name both speakers
/// together, and when either quote speaks of the other speaker.
const NAMED_TOGETHER: f32 = 0.1;
const ADDRESSED: f32 = 0.15;
/// Replies come within this many days of what they answer.
const REPLY_DAYS: i32 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The same statement as another outlet reported it.
    SameStatement,
    /// The same speaker, a similar wording at another time.
    SameSubject,
    /// Another speaker in the same story answering it (or answered by it).
    Reply,
    /// The same speaker at another time.
    SameSpeaker,
}

impl Reason {
    pub fn describe(self) -> &'static str {
        match self {
            Reason::SameStatement => "same statement",
            Reason::SameSubject => "same subject",
            Reason::Reply => "reply",
            Reason::SameSpeaker => "same speaker",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Related {
    pub quote: QuoteId,
    pub reason: Reason,
    pub score: f32,
}

/// The related quotes of `q`, best first; none while the corpus is not
/// related yet (still loading).
pub fn related(c: &Corpus, q: QuoteId) -> Vec<Related> {
    let quote = &c.quotes[q];
    let Some(speaker) = quote.speaker.get() else {
        return Vec::new();
    };
    if c.index.quote_terms.len() != c.quotes.len() {
        return Vec::new();
    }
    let terms = &c.index.quote_terms;
    let sim = |p: QuoteId| similarity(terms.get(q), terms.get(p));
    let mut out: Vec<Related> = Vec::new();
    let same_statement = |p: QuoteId| quote.statement.is_some() && c.quotes[p].statement == quote.statement;
    if let Some(st) = quote.statement.get() {
        for &p in &c.statements[st].quotes {
            if c.quotes[p].article != quote.article {
                out.push(Related {
                    quote: p,
                    reason: Reason::SameStatement,
                    score: 0.9 + 0.1 * sim(p),
                });
            }
        }
    }
    // The same speaker elsewhere: similar wordings first; the rest by time.
    let own = &c.speakers[speaker].quotes;
    let here = own.iter().position(|&p| p == q);
    let mut other_times: Vec<(usize, QuoteId)> = Vec::new();
    for (i, &p) in own.iter().enumerate() {
        let pq = &c.quotes[p];
        if pq.article == quote.article || same_statement(p) || !eligible(pq) {
            continue;
        }
        let s = sim(p);
        if s >= SAME_SUBJECT {
            out.push(Related {
                quote: p,
                reason: Reason::SameSubject,
                score: 0.5 + 0.4 * s,
            });
        } else {
            other_times.push((i, p));
        }
    }
    if let Some(h) = here {
        let before = other_times.iter().filter(|(i, _)| *i < h).rev().take(OTHER_TIMES);
        let after = other_times.iter().filter(|(i, _)| *i > h).take(OTHER_TIMES);
        for &(i, p) in before.chain(after) {
            out.push(Related {
                quote: p,
                reason: Reason::SameSpeaker,
                score: 0.3 - 0.01 * (i.abs_diff(h) as f32).min(20.0),
            });
        }
    }
    out.extend(replies(c, q));
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.quote.cmp(&b.quote)));
    out
}

/// Quotes by other speakers in the same story, near in time, that answer
/// `q` or that `q` answers: in the same article, with a reply cue, on the
/// same words, or by speakers the articles name together ("Sheinbaum was
/// asked about President Trump's comments").
fn replies(c: &Corpus, q: QuoteId) -> Vec<Related> {
    let quote = &c.quotes[q];
    let article = &c.articles[quote.article];
    let Some(story) = article.story else {
        return Vec::new();
    };
    if !eligible(quote) {
        return Vec::new();
    }
    let Some(speaker) = quote.speaker.get() else {
        return Vec::new();
    };
    let terms = &c.index.quote_terms;
    let is_reply_cue = |cue: Option<&str>| cue.is_some_and(|v| REPLY_CUE.has(&crate::text::Lower::of(v)));
    let replying = is_reply_cue(quote.cue.map(Interned::as_str));
    let mut out: Vec<Related> = Vec::new();
    // Sentences naming this speaker, per article: a candidate named there
    // too is talked about together with them.
    let mine = quote.speaker.get().map_or("", |s| surname(c, s)).to_string();
    let mut near: HashMap<usize, String> = HashMap::new();
    let home = named_with(c, quote.article, &mine, &mut near).to_string();
    let quote_text = c.quote_text(quote);
    let quote_lower = quote_text.to_lowercase();
    let my_offices = offices(c, speaker);
    let mut their_offices: HashMap<usize, Vec<String>> = HashMap::new();
    for &a in &c.stories[story].articles {
        let other = &c.articles[a];
        if let (Some(x), Some(y)) = (article.date, other.date) {
            if (x - y).num_days().abs() > i64::from(REPLY_DAYS) {
                continue;
            }
        }
        // Unpacked once, for the first candidate that reaches the search.
        let mut other_text = None;
        for p in other.quotes {
            let pq = &c.quotes[p];
            let Some(ps) = pq.speaker.get() else { continue };
            if pq.speaker == quote.speaker || !eligible(pq) || c.speakers[ps].kind == SpeakerKind::Anonymous {
                continue;
            }
            if let (Some(x), Some(y)) = (&quote.when, &pq.when) {
                if !compatible(x, y, REPLY_DAYS) {
                    continue;
                }
            }
            let mut score = if a == quote.article { 0.35 } else { 0.2 };
            score += 0.3 * similarity(terms.get(q), terms.get(p));
            if replying || is_reply_cue(pq.cue.map(Interned::as_str)) {
                score += 0.15;
            }
            // The text searches below are the costly part, and most
            // candidates cannot reach the floor whatever they find: they
            // are skipped (each was searched, which made `related` over a
            // story of thousands of quotes take minutes).
            if score + NAMED_TOGETHER + ADDRESSED < REPLY_FLOOR {
                continue;
            }
            let other = surname(c, ps);
            if !other.is_empty() && (home.contains(other) || named_with(c, a, &mine, &mut near).contains(other)) {
                score += NAMED_TOGETHER;
            }
            if score + ADDRESSED < REPLY_FLOOR {
                continue;
            }
            let theirs = their_offices.entry(ps).or_insert_with(|| offices(c, ps));
            let text = other_text.get_or_insert_with(|| c.articles[a].text.get());
            if addresses(c, pq.span.of(text), speaker, None, &my_offices)
                || addresses(c, &quote_text, ps, Some(&quote_lower), theirs)
            {
                score += ADDRESSED;
            }
            if score >= REPLY_FLOOR {
                out.push(Related {
                    quote: p,
                    reason: Reason::Reply,
                    score: score.min(0.85),
                });
            }
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out.truncate(MAX_REPLIES);
    out
}

/// "the minister" for each of a speaker's roles ("Mexican foreign
/// minister"), lowercased: asked of every candidate reply, so made once.
fn offices(c: &Corpus, speaker: usize) -> Vec<String> {
    c.speakers[speaker]
        .roles
        .iter()
        .flat_map(|r| crate::extract::people::role_heads(r))
        .filter_map(|head| head.split_whitespace().last())
        .map(|office| format!("the {}", office.trim_end_matches('.').to_lowercase()))
        .collect()
}

/// Whether quoted words speak of `speaker`: their surname, or "the" and
/// their office ("The minister says not one cent"; `offices` from
/// [`offices`]). `lower` is the words lowercased, when the caller has them.
fn addresses(c: &Corpus, text: &str, speaker: usize, lower: Option<&str>, offices: &[String]) -> bool {
    let sp = &c.speakers[speaker];
    let name = surname(c, speaker);
    if sp.kind == SpeakerKind::Person && !name.is_empty() && text.contains(name) {
        return true;
    }
    if offices.is_empty() {
        return false;
    }
    let lower = lower.map_or_else(|| Cow::Owned(text.to_lowercase()), Cow::Borrowed);
    offices.iter().any(|o| lower.contains(o.as_str()))
}

fn surname(c: &Corpus, s: usize) -> &str {
    c.speakers[s].name.split_whitespace().last().unwrap_or("")
}

/// The sentences of article `a` that name `surname`, joined (cached).
fn named_with<'m>(c: &Corpus, a: usize, surname: &str, cache: &'m mut HashMap<usize, String>) -> &'m str {
    cache.entry(a).or_insert_with(|| {
        if surname.is_empty() {
            return String::new();
        }
        let art = &c.articles[a];
        let text = art.text.get();
        let mut out = String::new();
        // Most paragraphs do not name them: only those that do are split.
        for b in art.blocks.iter().filter(|b| b.span.of(&text).contains(surname)) {
            for sentence in b.span.of(&text).split_inclusive(['.', '?', '!']) {
                if sentence.contains(surname) {
                    out.push_str(sentence);
                }
            }
        }
        out
    })
}
