//! The data model shared by every stage: articles, quotes, speakers and the
//! corpus that owns them. Everything refers to everything else by index, so
//! the model is plain data that the CLI serialises and the reader browses.

use chrono::NaiveDate;
use serde::Serialize;

pub type ArticleId = usize;
pub type QuoteId = usize;
pub type SpeakerId = usize;

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
    pub span: Span,
    pub role: BlockRole,
}

/// A piece of site chrome that cleaning took out, kept for the raw view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub span: Span,
    pub reason: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The path as the user gave it (or as discovered under a given folder).
    pub file: String,
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
}

impl Article {
    pub fn slice(&self, span: Span) -> &str {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Anonymous,
}

/// The words in the text that name (or stand for) the speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub article: ArticleId,
    /// The quoted words, without the outer marks.
    pub span: Span,
    pub text: String,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    pub mention: Option<Mention>,
    pub speaker: Option<SpeakerId>,
    /// Name of the sieve that attributed the quote.
    pub sieve: Option<&'static str>,
    /// When the words were said, as far as known (the article date for now).
    pub date: Option<NaiveDate>,
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

#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Corpus {
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        quote.speaker.map(|s| self.speakers[s].name.as_str())
    }
}
