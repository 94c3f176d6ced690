//! The data model shared by every stage: articles, quotes, speakers and the
//! corpus that owns them. Everything refers to everything else by index, so
//! the model is plain data that the CLI serialises and the reader browses.

use chrono::NaiveDate;
use serde::Serialize;

pub type ArticleId = usize;
pub type QuoteId = usize;
pub type SpeakerId = usize;
pub type StatementId = usize;
pub type StoryId = usize;

/// A byte range into an article's decoded source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The longest text an article can have: [`StoredSpan`]s index it with
/// 32 bits (longer ones are refused when read, `load::parse_bytes`).
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A [`Span`] as the model keeps it: two 32-bit offsets, half the room of
/// a `Span` (a 100k-article corpus keeps about four million: its blocks,
/// chrome, quotes and mentions). Texts over [`MAX_TEXT`] are refused when
/// read, so every offset fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct StoredSpan {
    start: u32,
    end: u32,
}

impl StoredSpan {
    pub fn start(self) -> usize {
        self.start as usize
    }
    pub fn end(self) -> usize {
        self.end as usize
    }
    pub fn get(self) -> Span {
        Span::new(self.start(), self.end())
    }
    /// The byte range, to slice the text with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

impl From<StoredSpan> for Span {
    fn from(s: StoredSpan) -> Self {
        s.get()
    }
}

impl From<Span> for StoredSpan {
    fn from(s: Span) -> Self {
        // Offsets past 4 GiB cannot occur (see above); clamped, not wrapped,
        // if they ever did.
        let fit = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        StoredSpan {
            start: fit(s.start),
            end: fit(s.end),
        }
    }
}

/// Where an article's publication date came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Set by the user in the reader.
    User,
    /// `YYYY-MM-DD` in the file name.
    FileName,
    /// `date:` in Markdown front matter or a record field.
    Metadata,
    /// A date line next to the title or in the dateline.
    DateLine,
}

/// The role a kept paragraph plays in the cleaned article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockRole {
    Title,
    Dek,
    Heading,
    Body,
}

/// A paragraph that survived cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub span: StoredSpan,
    pub role: BlockRole,
}

/// The block containing byte offset `pos` (its ends included).
pub fn block_at(blocks: &[Block], pos: usize) -> Option<usize> {
    blocks.iter().position(|b| b.span.start() <= pos && pos <= b.span.end())
}

/// A piece of site chrome that cleaning took out, kept for the raw view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// Where it was in the article's text (which keeps it: [`Article::removed_text`]).
    pub span: StoredSpan,
    pub reason: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The path as the user gave it (or as discovered under a given folder).
    pub file: String,
    /// Which record of a file holding several (JSON, feeds): id, URL or
    /// position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The decoded text; every span in the article indexes into it.
    #[serde(skip)]
    pub text: String,
    pub title: Option<String>,
    /// True when no headline was found and the title was made from the lede.
    pub title_derived: bool,
    pub dek: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub date: Option<NaiveDate>,
    pub date_source: Option<DateSource>,
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
    pub quotes: Vec<QuoteId>,
    /// The story (articles about one event) it belongs to.
    pub story: Option<StoryId>,
    /// The text is one quote given with its speaker (a Quotebank record).
    #[serde(skip)]
    pub given: Option<crate::load::GivenQuote>,
}

impl Article {
    /// A source kept as it is, all body, when cleaning it failed: its text
    /// is still there to read.
    pub fn uncleaned(source: &crate::load::Source) -> Article {
        Article {
            file: source.file.clone(),
            item: source.item.clone(),
            text: source.text.clone(),
            title: None,
            title_derived: false,
            dek: None,
            outlet: None,
            byline: None,
            date: None,
            date_source: None,
            blocks: vec![Block {
                span: Span::new(0, source.text.len()).into(),
                role: BlockRole::Body,
            }],
            removed: Vec::new(),
            quotes: Vec::new(),
            story: None,
            given: None,
        }
    }

    /// The words of a piece of chrome taken out.
    pub fn removed_text(&self, removed: &Removed) -> &str {
        self.text.get(removed.span.range()).unwrap_or_default()
    }

    /// Who published it: the outlet, else the file's name.
    pub fn source(&self) -> &str {
        self.outlet.as_deref().unwrap_or_else(|| {
            std::path::Path::new(&self.file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(&self.file)
        })
    }

    pub fn slice(&self, span: impl Into<Span>) -> &str {
        let span = span.into();
        &self.text[span.start..span.end]
    }

    /// The cleaned text shown in the reader: dek, headings and body
    /// paragraphs, separated by blank lines (the title is kept apart).
    pub fn body(&self) -> String {
        let mut out = String::new();
        for b in self.blocks.iter().filter(|b| b.role != BlockRole::Title) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(self.slice(b.span));
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole statement in the speaker's words.
    Full,
    /// A fragment quoted inside reported speech.
    Partial,
    /// A scare quote or a label ("enemy combatants").
    Term,
    /// A quotation inside another quotation.
    Nested,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Term => "term",
            QuoteKind::Nested => "nested",
        }
    }
}

/// Which sieve attributed a quote ([`crate::extract::sieves`]): a byte
/// in each of a million quotes, where its name took sixteen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SieveName {
    QuestionByOther,
    QuoteCueMention,
    MentionCueQuote,
    ColonLeadIn,
    DashCredit,
    Continuation,
    ReportedSpeech,
    TrailingClause,
    Headline,
    PreviousSentence,
    SentenceSubject,
    NestedCue,
    Nested,
    Definite,
    Given,
}

impl SieveName {
    pub fn as_str(self) -> &'static str {
        match self {
            SieveName::QuestionByOther => "question_by_other",
            SieveName::QuoteCueMention => "quote_cue_mention",
            SieveName::MentionCueQuote => "mention_cue_quote",
            SieveName::ColonLeadIn => "colon_lead_in",
            SieveName::DashCredit => "dash_credit",
            SieveName::Continuation => "continuation",
            SieveName::ReportedSpeech => "reported_speech",
            SieveName::TrailingClause => "trailing_clause",
            SieveName::Headline => "headline",
            SieveName::PreviousSentence => "previous_sentence",
            SieveName::SentenceSubject => "sentence_subject",
            SieveName::NestedCue => "nested_cue",
            SieveName::Nested => "nested",
            SieveName::Definite => "definite",
            SieveName::Given => "given",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Anonymous,
}

impl SpeakerKind {
    /// As serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// The words in the text that name (or stand for) the speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Shared by every quote with the same words (see [`crate::pipeline`]).
    pub text: std::sync::Arc<str>,
    pub span: StoredSpan,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub article: ArticleId,
    /// The quoted words, without the outer marks, in the article's text
    /// (which holds them once: [`Corpus::quote_text`]).
    pub span: StoredSpan,
    pub kind: QuoteKind,
    /// The speech verb, shared by every quote with the same one.
    pub cue: Option<std::sync::Arc<str>>,
    pub mention: Option<Mention>,
    pub speaker: Option<SpeakerId>,
    /// The sieve that attributed the quote.
    pub sieve: Option<SieveName>,
    /// The words around the quote that say when it was said ("on Tuesday",
    /// "in August"), kept so the date follows when the article date changes.
    /// Boxed: most quotes have none, and a million quotes each kept room
    /// for one.
    #[serde(skip)]
    pub time: Option<Box<TimeMention>>,
    /// When the words were said, as far as known.
    pub when: Option<StatementDate>,
    /// The statement (same words reported by several outlets) it belongs to.
    pub statement: Option<StatementId>,
    /// Starred by the user (see [`crate::state`]); notes are the corpus's
    /// ([`Corpus::note`]).
    pub starred: bool,
}

impl Quote {
    /// The day the statement was said, or the first day of its period.
    pub fn date(&self) -> Option<NaiveDate> {
        self.when.as_ref().map(|w| w.date)
    }

    /// The words its date was read from, when it came from the text (not
    /// from the article's date): those of its time mention, kept there
    /// only, not in each quote's date too.
    pub fn date_evidence(&self) -> Option<&str> {
        let from_text = self.when.as_ref().is_some_and(|w| w.origin != DateOrigin::Article);
        self.time.as_ref().filter(|_| from_text).map(|t| &*t.evidence)
    }

    /// Sort key for time order: dated first by date, undated last, then
    /// article and position.
    pub fn time_order(&self) -> (bool, Option<NaiveDate>, ArticleId, usize) {
        let date = self.date();
        (date.is_none(), date, self.article, self.span.start())
    }
}

/// How exactly a statement date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Weekend,
    Week,
    EarlyMonth,
    MidMonth,
    LateMonth,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Weekend => "weekend",
            DatePrecision::Week => "week",
            DatePrecision::EarlyMonth => "early_month",
            DatePrecision::MidMonth => "mid_month",
            DatePrecision::LateMonth => "late_month",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// Where a statement date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// Words next to the quote: "said on Tuesday", "in late October".
    Text,
    /// "at the time": the date of the event just mentioned.
    AtTheTime,
    /// The same speaker's previous quote in the article ("she added").
    Context,
    /// Nothing said: the article's publication date.
    Article,
}

impl DateOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::Text => "text",
            DateOrigin::AtTheTime => "at_the_time",
            DateOrigin::Context => "context",
            DateOrigin::Article => "article",
        }
    }
}

/// A time expression as written, before it is placed on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeRef {
    /// "today", "this morning": 0; "yesterday": 1; "three days ago": 3.
    DaysAgo(u32),
    Weekday(chrono::Weekday),
    /// "over the weekend", "last weekend".
    Weekend,
    /// "this week": 0, "last week": 1.
    WeeksAgo(u32),
    /// "earlier this month": 0, "last month": 1.
    MonthsAgo(u32),
    /// "last year": 1.
    YearsAgo(u32),
    /// "on October 2", "Oct. 2, 2025".
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// "in August", "in late October 2024".
    Month {
        year: Option<i32>,
        month: u32,
        part: DatePrecision,
    },
    /// "in 2023".
    Year(i32),
}

/// A time expression found for a quote, with how it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    pub time_ref: TimeRef,
    pub origin: DateOrigin,
    /// Shared with the quote's [`StatementDate`] and with quotes that
    /// carry it over.
    pub evidence: std::sync::Arc<str>,
    pub confidence: f32,
}

/// When a quote was said: a day or a period starting at `date`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementDate {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub origin: DateOrigin,
    /// How sure the date is, from 0 to 1.
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Speaker {
    pub name: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub quotes: Vec<QuoteId>,
}

/// A problem with one input: the file and the reason, for one stderr line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub message: String,
    /// Errors mean the file was not loaded; warnings mean it was.
    pub is_error: bool,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.is_error { "error" } else { "warning" };
        write!(f, "quoteline: {level}: {}: {}", self.file, self.message)
    }
}

/// One statement of one speaker as one or more outlets reported it.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub speaker: SpeakerId,
    /// Its quotes, earliest first (a box, not a vector: half a million
    /// statements kept no room to grow).
    pub quotes: Box<[QuoteId]>,
    /// The best-known date among its quotes.
    pub when: Option<StatementDate>,
}

/// Articles about one event.
#[derive(Debug, Clone, Serialize)]
pub struct Story {
    /// Earliest first (undated last).
    pub articles: Vec<ArticleId>,
    /// The title of its first article.
    pub title: String,
}

#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub statements: Vec<Statement>,
    pub stories: Vec<Story>,
    pub diagnostics: Vec<Diagnostic>,
    /// Wordings as term vectors, for ranking related quotes.
    pub index: crate::relate::Index,
    /// The user's notes on quotes (see [`crate::state`]): kept here for
    /// the few quotes that have one, not as room in each of a million.
    notes: std::collections::HashMap<QuoteId, Box<str>>,
}

impl Corpus {
    /// The quoted words.
    pub fn quote_text(&self, quote: &Quote) -> &str {
        self.articles[quote.article]
            .text
            .get(quote.span.range())
            .unwrap_or_default()
    }

    /// The user's note on a quote.
    pub fn note(&self, quote: QuoteId) -> Option<&str> {
        self.notes.get(&quote).map(|n| &**n)
    }

    /// Sets the user's note on a quote; an empty one takes it away.
    pub fn set_note(&mut self, quote: QuoteId, note: &str) {
        if note.is_empty() {
            self.notes.remove(&quote);
        } else {
            self.notes.insert(quote, note.into());
        }
    }

    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote.speaker.map(|s| self.speakers[s].name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn stored_spans_keep_their_offsets_and_clamp_what_cannot_fit() {
        for (start, end) in [(0, 0), (3, 17), (MAX_TEXT - 1, MAX_TEXT)] {
            let span = Span::new(start, end);
            let stored = StoredSpan::from(span);
            assert_eq!((stored.start(), stored.end()), (start, end));
            assert_eq!(Span::from(stored), span);
        }
        // Never wrapped round to a small offset that would slice elsewhere.
        let past = StoredSpan::from(Span::new(MAX_TEXT + 5, MAX_TEXT + 9));
        assert_eq!((past.start(), past.end()), (MAX_TEXT, MAX_TEXT));
        // Ordered as spans are: by start, then end.
        assert!(StoredSpan::from(Span::new(2, 9)) < StoredSpan::from(Span::new(3, 4)));
        assert_eq!(std::mem::size_of::<StoredSpan>(), 8);
    }
}
