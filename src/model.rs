//! The data model shared by every stage: articles, quotes, speakers and the
//! corpus that owns them. Everything refers to everything else by index, so
//! the model is plain data that the CLI serialises and the reader browses.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub type ArticleId = usize;
pub type QuoteId = usize;
pub type SpeakerId = usize;
pub type StatementId = usize;
pub type StoryId = usize;

/// A byte range into an article's decoded source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// Its words in `text` (none should it not fit, which a span made
    /// from that text always does).
    pub fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or_default()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockRole {
    Title,
    Dek,
    Heading,
    Body,
}

/// A paragraph that survived cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub span: StoredSpan,
    pub role: BlockRole,
}

/// The block containing byte offset `pos` (its ends included; the first,
/// where two touch).
pub fn block_at(blocks: &[Block], pos: usize) -> Option<usize> {
    // In text order and apart, as cleaning makes them: only the last two
    // starting at or before `pos` can hold it. (A walk through the blocks,
    // asked of every quote, made an article of thousands take minutes.)
    let k = blocks.partition_point(|b| b.span.start() <= pos);
    (k.saturating_sub(2)..k).find(|&i| pos <= blocks[i].span.end())
}

/// A piece of site chrome that cleaning took out, kept for the raw view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// Where it was in the article's text (which keeps it: [`Article::removed_text`]).
    pub span: StoredSpan,
    pub reason: Clutter,
}

/// An article's quotes, in text order. Their ids follow one another (an
/// article's quotes are numbered together when it joins the corpus), so
/// eight bytes hold them, where a list took 24 and 8 a quote.
/// A corpus of 2^32 quotes or more would not fit in memory: ids from
/// `u32::MAX` on are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuoteIds {
    start: u32,
    end: u32,
}

/// An index in four bytes, `u32::MAX` past them: a corpus's indices fit
/// (a million quotes is 2^20), and one that did not would not wrap round
/// to another item.
fn saturating_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl QuoteIds {
    pub fn new(ids: std::ops::Range<QuoteId>) -> QuoteIds {
        QuoteIds {
            start: saturating_u32(ids.start),
            end: saturating_u32(ids.end).max(saturating_u32(ids.start)),
        }
    }

    pub fn iter(self) -> std::ops::Range<QuoteId> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn first(self) -> Option<QuoteId> {
        self.iter().next()
    }

    pub fn get(self, i: usize) -> Option<QuoteId> {
        self.iter().nth(i)
    }

    /// Where quote `q` is among them.
    pub fn position(self, q: QuoteId) -> Option<usize> {
        self.iter().contains(&q).then(|| q - self.start as usize)
    }
}

impl IntoIterator for QuoteIds {
    type Item = QuoteId;
    type IntoIter = std::ops::Range<QuoteId>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for QuoteIds {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// What a removed line of site clutter was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clutter {
    AgencyCredit,
    Byline,
    CategoryLine,
    CommentForm,
    DateLine,
    FrontMatter,
    ImageCredit,
    ImagePlaceholder,
    ListWidget,
    Masthead,
    MenuBar,
    PaywallNotice,
    PhotoCaption,
    ReadMoreLink,
    ReadingTime,
    RelatedHeadline,
    RepeatedLine,
    RepeatedTitle,
    Separator,
    ShareWidget,
    SiteDateHeader,
    SocialPromo,
}

impl Clutter {
    /// As shown and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Clutter::AgencyCredit => "agency credit",
            Clutter::Byline => "byline",
            Clutter::CategoryLine => "category line",
            Clutter::CommentForm => "comment form",
            Clutter::DateLine => "date line",
            Clutter::FrontMatter => "front matter",
            Clutter::ImageCredit => "image credit",
            Clutter::ImagePlaceholder => "image placeholder",
            Clutter::ListWidget => "list widget",
            Clutter::Masthead => "masthead",
            Clutter::MenuBar => "menu bar",
            Clutter::PaywallNotice => "paywall notice",
            Clutter::PhotoCaption => "photo caption",
            Clutter::ReadMoreLink => "read more link",
            Clutter::ReadingTime => "reading time",
            Clutter::RelatedHeadline => "related headline",
            Clutter::RepeatedLine => "repeated line",
            Clutter::RepeatedTitle => "repeated title",
            Clutter::Separator => "separator",
            Clutter::ShareWidget => "share widget",
            Clutter::SiteDateHeader => "site date header",
            Clutter::SocialPromo => "social promo",
        }
    }
}

impl Serialize for Clutter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Clutter {
    pub(crate) const ALL: [Clutter; 22] = [
        Clutter::AgencyCredit,
        Clutter::Byline,
        Clutter::CategoryLine,
        Clutter::CommentForm,
        Clutter::DateLine,
        Clutter::FrontMatter,
        Clutter::ImageCredit,
        Clutter::ImagePlaceholder,
        Clutter::ListWidget,
        Clutter::Masthead,
        Clutter::MenuBar,
        Clutter::PaywallNotice,
        Clutter::PhotoCaption,
        Clutter::ReadMoreLink,
        Clutter::ReadingTime,
        Clutter::RelatedHeadline,
        Clutter::RepeatedLine,
        Clutter::RepeatedTitle,
        Clutter::Separator,
        Clutter::ShareWidget,
        Clutter::SiteDateHeader,
        Clutter::SocialPromo,
    ];
}

/// A value read from a string by `parse` (`None`: not one of them),
/// borrowing the string where the format allows.
fn from_words<'de, D: serde::Deserializer<'de>, T>(
    d: D,
    expecting: &'static str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, D::Error> {
    struct Words<F>(F, &'static str);
    impl<T, F: FnOnce(&str) -> Option<T>> serde::de::Visitor<'_> for Words<F> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.1)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            let expecting = self.1;
            (self.0)(s).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &expecting))
        }
    }
    d.deserialize_str(Words(parse, expecting))
}

/// From the words it is written as ([`Clutter::as_str`]), as the reader's
/// cache stores it.
impl<'de> Deserialize<'de> for Clutter {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_words(d, "a kind of clutter", |s| {
            Clutter::ALL.into_iter().find(|c| c.as_str() == s)
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The path as the user gave it (or as discovered under a given folder).
    pub file: String,
    /// Which record of a file holding several (JSON, feeds): id, URL or a
    /// checksum of its words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The decoded text; every span in the article indexes into it
    /// (unpacked: [`Text::get`]).
    #[serde(skip)]
    pub text: Text,
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
    pub quotes: QuoteIds,
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
            text: source.text.clone().into(),
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
            quotes: QuoteIds::default(),
            story: None,
            given: None,
        }
    }

    /// The words of a piece of chrome taken out.
    pub fn removed_text(&self, removed: &Removed) -> std::borrow::Cow<'_, str> {
        self.text.slice(removed.span)
    }

    /// Who published it: the outlet, else the file's name, without the
    /// control and escape sequences a file's name may hold (the outlet
    /// was cleaned of them when read).
    pub fn source(&self) -> std::borrow::Cow<'_, str> {
        match &self.outlet {
            Some(outlet) => std::borrow::Cow::Borrowed(outlet),
            None => {
                let name = std::path::Path::new(&self.file)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(&self.file);
                let name = crate::load::decode::strip_controls(name).0;
                // A name is one line: its tabs and newlines are spaces.
                if name.contains(['\n', '\t']) {
                    std::borrow::Cow::Owned(name.replace(['\n', '\t'], " "))
                } else {
                    name
                }
            }
        }
    }

    /// The cleaned text shown in the reader: dek, headings and body
    /// paragraphs, separated by blank lines (the title is kept apart).
    pub fn body(&self) -> String {
        let text = self.text.get();
        let mut out = String::new();
        for b in self.blocks.iter().filter(|b| b.role != BlockRole::Title) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(b.span.of(&text));
        }
        out
    }
}

/// `0..n` cut in runs of `run` (the last one shorter).
pub fn runs(n: usize, run: usize) -> Vec<std::ops::Range<usize>> {
    let run = run.max(1);
    (0..n).step_by(run).map(|s| s..(s + run).min(n)).collect()
}

/// An article's decoded text. It is plain while the article is cleaned
/// and its quotes found; the reader keeps it packed (zstd), as it holds
/// every text for the whole session: at 100k generated articles, 271 MB
/// of text are held in 120 MB. [`Text::get`] unpacks it, a few
/// microseconds for an article.
/// Serialized as it is held, packed or not, for the reader's cache
/// ([`crate::cache`]); exports write the text, not this.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct Text(TextRepr);

#[derive(Clone, Serialize, Deserialize)]
enum TextRepr {
    Plain(String),
    /// A zstd frame of a text `len` bytes long.
    Packed {
        len: usize,
        #[serde(with = "serde_bytes")]
        bytes: Box<[u8]>,
    },
}

impl Default for TextRepr {
    fn default() -> Self {
        TextRepr::Plain(String::new())
    }
}

/// zstd's fastest regular level: on news text it packs about 1.5 times
/// tighter than LZ4 (2.06× against 1.39× on PolNeAR, article by
/// article), and a text still unpacks in microseconds.
const PACK_LEVEL: i32 = 1;

/// The shortest repeat packing looks for, in bytes: seven, the most zstd
/// takes, not level 1's own five for texts this small (zstd caps it at six
/// from level 3 up). Article by article, packing ran 22% faster and
/// unpacking 18% on 2 000 generated articles, for 2–3% more bytes (2.27×
/// against 2.33×), and 25% / 6% faster on PolNeAR (2.02× against 2.09×);
/// packing and unpacking were 13% of a 100k first open's CPU (perf).
const PACK_MIN_MATCH: u32 = 7;

thread_local! {
    // One context a thread, made on first use (and again should making it
    // have failed): making one for each article costs more than packing
    // the article.
    static PACKER: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { std::cell::RefCell::new(None) };
    static UNPACKER: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
    static RECENT: std::cell::RefCell<Option<RecentTexts>> = const { std::cell::RefCell::new(None) };
}

/// `f` with this thread's packing context; none when it cannot be made.
fn with_packer<R>(f: impl FnOnce(&mut zstd::bulk::Compressor<'static>) -> std::io::Result<R>) -> Option<R> {
    PACKER.with_borrow_mut(|packer| {
        if packer.is_none() {
            *packer = zstd::bulk::Compressor::new(PACK_LEVEL).ok().map(|mut c| {
                // Should it be refused, the level's own serves.
                let _ = c.set_parameter(zstd::zstd_safe::CParameter::MinMatch(PACK_MIN_MATCH));
                c
            });
        }
        f(packer.as_mut()?).ok()
    })
}

/// `f` with this thread's unpacking context; none when it cannot be made.
fn with_unpacker<R>(f: impl FnOnce(&mut zstd::bulk::Decompressor<'static>) -> std::io::Result<R>) -> Option<R> {
    UNPACKER.with_borrow_mut(|unpacker| {
        if unpacker.is_none() {
            *unpacker = zstd::bulk::Decompressor::new().ok();
        }
        f(unpacker.as_mut()?).ok()
    })
}

/// The texts a thread unpacked last, by their length and packed bytes
/// (equal bytes unpack to equal texts, so an entry is never another
/// text's): a frame draws the same few articles as the one before, and
/// copying a text is some twenty times quicker than unpacking it.
struct RecentTexts {
    /// Oldest first: a text's length, its packed bytes, and the text.
    entries: std::collections::VecDeque<(usize, Box<[u8]>, String)>,
    room: usize,
    /// Packed and unpacked bytes held, at most [`RECENT_BYTES`].
    bytes: usize,
}

/// What a thread's remembered texts may hold: a frame's articles many
/// times over, and little beside a loaded corpus.
const RECENT_BYTES: usize = 4 << 20;

impl RecentTexts {
    fn find(&self, len: usize, packed: &[u8]) -> Option<&str> {
        self.entries
            .iter()
            .find(|(l, p, _)| *l == len && **p == *packed)
            .map(|(_, _, t)| t.as_str())
    }

    /// Keeps `text`, forgetting the oldest ones it has no room for (a
    /// text over an eighth of the room is not kept).
    fn keep(&mut self, len: usize, packed: &[u8], text: &str) {
        let size = packed.len() + text.len();
        if size > RECENT_BYTES / 8 {
            return;
        }
        while self.entries.len() >= self.room || self.bytes + size > RECENT_BYTES {
            let Some((_, p, t)) = self.entries.pop_front() else {
                break;
            };
            self.bytes -= p.len() + t.len();
        }
        self.entries.push_back((len, packed.into(), text.to_string()));
        self.bytes += size;
    }
}

impl Text {
    /// Keeps the last `room` texts this thread unpacks (up to
    /// [`RECENT_BYTES`]): for the reader's drawing thread, whose frames
    /// unpack the same articles again.
    pub fn remember_recent_on_this_thread(room: usize) {
        RECENT.with_borrow_mut(|recent| {
            *recent = (room > 0).then(|| RecentTexts {
                entries: std::collections::VecDeque::with_capacity(room),
                room,
                bytes: 0,
            })
        });
    }

    /// `f` of the packed text `bytes` if this thread remembers it.
    fn remembered<R>(len: usize, bytes: &[u8], f: impl FnOnce(&str) -> R) -> Option<R> {
        RECENT.with_borrow(|recent| recent.as_ref()?.find(len, bytes).map(f))
    }

    /// Feeds the text as it is held to `h`, without unpacking it: texts
    /// held alike hash alike ([`crate::words_cache::fingerprint`]).
    pub fn hash_held(&self, h: &mut impl std::hash::Hasher) {
        match &self.0 {
            TextRepr::Plain(s) => {
                h.write_u8(0);
                h.write_usize(s.len());
                h.write(s.as_bytes());
            }
            TextRepr::Packed { len, bytes } => {
                h.write_u8(1);
                h.write_usize(*len);
                h.write_usize(bytes.len());
                h.write(bytes);
            }
        }
    }

    /// The text, unpacked if it was packed.
    pub fn get(&self) -> std::borrow::Cow<'_, str> {
        match &self.0 {
            TextRepr::Plain(s) => std::borrow::Cow::Borrowed(s),
            TextRepr::Packed { len, bytes } => {
                let text = Text::remembered(*len, bytes, str::to_string);
                std::borrow::Cow::Owned(text.unwrap_or_else(|| Text::unpack_and_remember(*len, bytes)))
            }
        }
    }

    /// [`Text::unpack`], kept if this thread remembers texts.
    fn unpack_and_remember(len: usize, bytes: &[u8]) -> String {
        let text = Text::unpack(len, bytes);
        RECENT.with_borrow_mut(|recent| {
            if let Some(recent) = recent {
                recent.keep(len, bytes, &text);
            }
        });
        text
    }

    /// Only [`Text::pack`] made these bytes, from a string `len` bytes
    /// long: unpacking them cannot fail, but should it, the text reads as
    /// empty (spans then find no words) rather than as something else.
    fn unpack(len: usize, bytes: &[u8]) -> String {
        let mut out = Vec::with_capacity(len);
        match with_unpacker(|unpacker| unpacker.decompress_to_buffer(bytes, &mut out)) {
            Some(n) if n == len => String::from_utf8(out).unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The words of `span`, unpacking the text if it is packed (and then
    /// keeping only those words).
    pub fn slice(&self, span: StoredSpan) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        let (len, bytes) = match &self.0 {
            TextRepr::Plain(text) => return Cow::Borrowed(span.of(text)),
            TextRepr::Packed { len, bytes } => (*len, bytes),
        };
        if let Some(words) = Text::remembered(len, bytes, |text| span.of(text).to_string()) {
            return Cow::Owned(words);
        }
        let mut text = Text::unpack_and_remember(len, bytes);
        if text.get(span.range()).is_none() {
            return Cow::Borrowed("");
        }
        text.truncate(span.end());
        text.drain(..span.start());
        Cow::Owned(text)
    }

    /// Its length in bytes, unpacked.
    pub fn len(&self) -> usize {
        match &self.0 {
            TextRepr::Plain(s) => s.len(),
            TextRepr::Packed { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Packs it, unless packing would not make it smaller.
    pub fn pack(&mut self) {
        let TextRepr::Plain(s) = &self.0 else { return };
        // No more room than the text: packing that would not fit there
        // fails, and the text stays plain.
        let mut out = Vec::with_capacity(s.len());
        let packed = with_packer(|packer| packer.compress_to_buffer(s.as_bytes(), &mut out));
        if packed.is_some_and(|n| n < s.len()) {
            // Copied into a box of its size.
            self.0 = TextRepr::Packed {
                len: s.len(),
                bytes: out.as_slice().into(),
            };
        }
    }

    /// The bytes it holds in memory (for quoteline-bench).
    pub fn held(&self) -> usize {
        match &self.0 {
            TextRepr::Plain(s) => s.capacity(),
            TextRepr::Packed { bytes, .. } => bytes.len(),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(TextRepr::Plain(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(TextRepr::Plain(s.to_string()))
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.len() == other.len() && self.get() == other.get()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.get(), f)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub text: Interned,
    pub span: StoredSpan,
}

/// A string many quotes share (a speech verb, the words naming a speaker,
/// the words that date a quote; the names, roles and aliases speakers are
/// sighted under while a load merges them), held once for the whole
/// session and named by a number: four bytes in each of a million quotes,
/// where an `Arc<str>` took sixteen. Never freed: a folder read again
/// finds the same strings, and a 100k-generated-article load makes 2 761
/// ([`Interned::held`]); real news, with more names and roles, makes more,
/// as does every extraction (the command line's, fuzzing's) while the
/// process lives.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interned(std::num::NonZeroU32);

/// Every interned string, at its number less one: segment `k` holds 2^k
/// of them, so the table grows without moving what readers hold, and
/// reading takes no lock.
static INTERNED: [std::sync::OnceLock<Box<[std::sync::OnceLock<&'static str>]>>; 32] =
    [const { std::sync::OnceLock::new() }; 32];

/// Each interned string's number, and the bytes they hold, for the writers.
static INTERNED_IDS: std::sync::Mutex<Option<(rustc_hash::FxHashMap<&'static str, Interned>, usize)>> =
    std::sync::Mutex::new(None);

thread_local! {
    // The numbers this thread has seen: most lookups end here, without
    // the lock the loading threads would otherwise queue on.
    static SEEN: std::cell::RefCell<rustc_hash::FxHashMap<&'static str, Interned>> = Default::default();
}

/// As its words: a number is this process's only.
impl Serialize for Interned {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Interned {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_words(d, "a string", |s| Some(Interned::new(s)))
    }
}

/// Segment and place of the string numbered `n` (from 1).
fn interned_slot(n: u32) -> (usize, usize) {
    let segment = n.ilog2();
    (segment as usize, (n - (1 << segment)) as usize)
}

impl Interned {
    /// The number of `s`, given it on first sight.
    pub fn new(s: &str) -> Interned {
        if let Some(id) = SEEN.with_borrow(|seen| seen.get(s).copied()) {
            return id;
        }
        let id = Self::intern(s);
        SEEN.with_borrow_mut(|seen| seen.insert(id.as_str(), id));
        id
    }

    fn intern(s: &str) -> Interned {
        // A poisoned lock still holds a whole table: nothing below panics
        // between changing it and a string being readable.
        let mut guard = INTERNED_IDS.lock().unwrap_or_else(|e| e.into_inner());
        let (ids, bytes) = guard.get_or_insert_with(Default::default);
        if let Some(&id) = ids.get(s) {
            return id;
        }
        // Four billion distinct strings would not fit in memory first.
        let n = u32::try_from(ids.len() + 1)
            .ok()
            .and_then(std::num::NonZeroU32::new)
            .expect("fewer than 2^32 interned strings");
        let (segment, at) = interned_slot(n.get());
        let held: &'static str = Box::leak(s.into());
        let stored = INTERNED[segment]
            .get_or_init(|| (0..1usize << segment).map(|_| std::sync::OnceLock::new()).collect())[at]
            .set(held);
        // Each number is given once, under the lock.
        debug_assert!(stored.is_ok(), "interned slot {n} filled twice");
        ids.insert(held, Interned(n));
        *bytes += held.len();
        Interned(n)
    }

    pub fn as_str(self) -> &'static str {
        let (segment, at) = interned_slot(self.0.get());
        // Only `intern` makes a number, after storing its string.
        INTERNED[segment]
            .get()
            .and_then(|strings| strings.get(at)?.get())
            .copied()
            .unwrap_or_default()
    }

    /// How many strings are interned, and the bytes the table holds for
    /// them (their text, their slots, the writers' map; each thread's
    /// cache of numbers is as large as the map again).
    pub fn held() -> (usize, usize) {
        let guard = INTERNED_IDS.lock().unwrap_or_else(|e| e.into_inner());
        let Some((ids, text)) = guard.as_ref() else {
            return (0, 0);
        };
        let slots: usize = INTERNED
            .iter()
            .filter_map(|segment| segment.get())
            .map(|s| s.len() * std::mem::size_of::<std::sync::OnceLock<&str>>())
            .sum();
        let map = ids.capacity() * (std::mem::size_of::<(&str, Interned)>() + 1);
        (ids.len(), text + slots + map)
    }
}

impl AsRef<str> for Interned {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Interned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// An index that may be missing, in four bytes: an `Option<usize>` took
/// sixteen in each of a million quotes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MaybeIndex(Option<std::num::NonZeroU32>);

impl MaybeIndex {
    pub const NONE: MaybeIndex = MaybeIndex(None);

    pub fn get(self) -> Option<usize> {
        self.0.map(|n| n.get() as usize - 1)
    }

    pub fn is_some(self) -> bool {
        self.0.is_some()
    }

    pub fn is_none(self) -> bool {
        self.0.is_none()
    }
}

impl From<Option<usize>> for MaybeIndex {
    /// An index past `u32::MAX - 1` (no corpus has that many) reads as none.
    fn from(index: Option<usize>) -> MaybeIndex {
        MaybeIndex(
            index
                .and_then(|i| u32::try_from(i).ok()?.checked_add(1))
                .and_then(std::num::NonZeroU32::new),
        )
    }
}

impl From<usize> for MaybeIndex {
    fn from(index: usize) -> MaybeIndex {
        Some(index).into()
    }
}

impl PartialEq<Option<usize>> for MaybeIndex {
    fn eq(&self, other: &Option<usize>) -> bool {
        self.get() == *other
    }
}

impl std::fmt::Debug for MaybeIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.get(), f)
    }
}

/// 64 bytes (a test holds it there): the reader keeps a million.
#[derive(Debug, Clone)]
pub struct Quote {
    pub article: ArticleId,
    /// The quoted words, without the outer marks, in the article's text
    /// (which holds them once: [`Corpus::quote_text`]).
    pub span: StoredSpan,
    pub kind: QuoteKind,
    /// The speech verb.
    pub cue: Option<Interned>,
    pub mention: Option<Mention>,
    pub speaker: MaybeIndex,
    /// The sieve that attributed the quote.
    pub sieve: Option<SieveName>,
    /// The words around the quote that say when it was said ("on Tuesday",
    /// "in August"), kept so the date follows when the article date changes.
    /// Boxed: most quotes have none, and a million quotes each kept room
    /// for one.
    pub time: Option<Box<TimeMention>>,
    /// When the words were said, as far as known.
    pub when: Option<StatementDate>,
    /// The statement (same words reported by several outlets) it belongs to.
    pub statement: MaybeIndex,
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
        self.time.as_ref().filter(|_| from_text).map(|t| t.evidence.as_str())
    }

    /// Sort key for time order: dated first by date, undated last, then
    /// article and position.
    pub fn time_order(&self) -> (bool, Option<NaiveDate>, ArticleId, usize) {
        let date = self.date();
        (date.is_none(), date, self.article, self.span.start())
    }
}

/// How exactly a statement date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeMention {
    pub time_ref: TimeRef,
    pub origin: DateOrigin,
    /// The words it was read from.
    pub evidence: Interned,
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub message: String,
    /// Errors mean the file was not loaded; warnings mean it was.
    pub is_error: bool,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.is_error { "error" } else { "warning" };
        // A file's name may hold escape sequences; this goes to a terminal.
        let file = crate::load::decode::strip_controls(&self.file).0;
        write!(f, "quoteline: {level}: {file}: {}", self.message)
    }
}

/// One statement of one speaker as one or more outlets reported it.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Four bytes (a speaker's index fits), for half a million statements.
    speaker: u32,
    /// Its quotes, earliest first (a box, not a vector: half a million
    /// statements kept no room to grow).
    pub quotes: Box<[QuoteId]>,
    /// The best-known date among its quotes.
    pub when: Option<StatementDate>,
}

impl Statement {
    /// `speaker` is a quote's ([`MaybeIndex`]), so it fits four bytes.
    pub fn new(speaker: SpeakerId, quotes: Box<[QuoteId]>, when: Option<StatementDate>) -> Statement {
        Statement {
            speaker: saturating_u32(speaker),
            quotes,
            when,
        }
    }

    pub fn speaker(&self) -> SpeakerId {
        self.speaker as SpeakerId
    }
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
    /// For each statement of many quotes, by id: an article of each
    /// outlet that reported it, in order ([`crate::relate::statements::reporters`]).
    pub statement_reporters: Vec<(StatementId, Box<[ArticleId]>)>,
    pub stories: Vec<Story>,
    pub diagnostics: Vec<Diagnostic>,
    /// Wordings as term vectors, for ranking related quotes.
    pub index: crate::relate::Index,
    /// The user's notes on quotes (see [`crate::state`]): kept here for
    /// the few quotes that have one, not as room in each of a million.
    notes: std::collections::HashMap<QuoteId, Box<str>>,
}

impl Corpus {
    /// The quoted words (its article's text unpacked, if packed: a pass
    /// over many quotes goes through [`Corpus::with_quote_texts`] or
    /// `Corpus::article_texts_of`).
    pub fn quote_text(&self, quote: &Quote) -> std::borrow::Cow<'_, str> {
        self.articles[quote.article].text.slice(quote.span)
    }

    /// The quotes' ids cut in runs of `run` (the last one shorter), for
    /// passes that go a run at a time ([`Corpus::with_quote_texts`],
    /// `Corpus::article_texts_of`).
    pub fn quote_runs(&self, run: usize) -> Vec<std::ops::Range<QuoteId>> {
        runs(self.quotes.len(), run)
    }

    /// Packs every article's text ([`Text::pack`]), as the reader keeps
    /// them.
    pub fn pack_texts(&mut self) {
        use rayon::prelude::*;
        self.articles.par_iter_mut().for_each(|a| a.text.pack());
    }

    /// `f(id, quote, its article's text)` for the quotes `ids` (those there
    /// are) in order, each article's text unpacked once for its run of
    /// quotes: what a pass over many quotes' words goes through.
    pub fn with_quote_texts(&self, ids: std::ops::Range<QuoteId>, mut f: impl FnMut(QuoteId, &Quote, &str)) {
        for (run, article) in self.article_runs(ids) {
            let text = self.articles[article].text.get();
            for q in run {
                f(q, &self.quotes[q], &text);
            }
        }
    }

    /// The texts of the articles of quotes `ids` (those there are), each
    /// unpacked once, in parallel: for passes that go through those quotes
    /// more than once.
    pub(crate) fn article_texts_of(&self, ids: std::ops::Range<QuoteId>) -> ArticleTexts<'_> {
        use rayon::prelude::*;
        let runs = self.article_runs(ids);
        let texts = runs.par_iter().map(|&(_, a)| self.articles[a].text.get()).collect();
        ArticleTexts {
            ids: runs.first().map_or(0, |(r, _)| r.start)..runs.last().map_or(0, |(r, _)| r.end),
            firsts: runs.into_iter().map(|(run, _)| run.start).collect(),
            texts,
        }
    }

    /// The quotes `ids` (those there are) cut into runs of one article's,
    /// in order, with that article.
    fn article_runs(&self, ids: std::ops::Range<QuoteId>) -> Vec<(std::ops::Range<QuoteId>, ArticleId)> {
        let ids = ids.start.min(self.quotes.len())..ids.end.min(self.quotes.len());
        let mut runs: Vec<(std::ops::Range<QuoteId>, ArticleId)> = Vec::new();
        for (qid, q) in self.quotes.get(ids.clone()).unwrap_or_default().iter().enumerate() {
            let qid = ids.start + qid;
            match runs.last_mut() {
                Some((run, a)) if *a == q.article => run.end = qid + 1,
                _ => runs.push((qid..qid + 1, q.article)),
            }
        }
        runs
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
        quote.speaker.get().map(|s| self.speakers[s].name.as_str())
    }
}

/// The unpacked texts of the articles of a run of quotes
/// ([`Corpus::article_texts_of`]).
pub(crate) struct ArticleTexts<'a> {
    /// The first quote of each article's run, ascending.
    firsts: Vec<QuoteId>,
    /// Each run's article text.
    texts: Vec<std::borrow::Cow<'a, str>>,
    /// The quotes whose articles' texts it holds.
    ids: std::ops::Range<QuoteId>,
}

impl ArticleTexts<'_> {
    /// The text of quote `q`'s article; `q` must be one of the quotes
    /// whose articles' texts it holds (another is a bug, which panics
    /// rather than reading another article's text).
    pub(crate) fn of_quote(&self, q: QuoteId) -> &str {
        assert!(self.ids.contains(&q), "quote {q} outside {:?}", self.ids);
        let run = self.firsts.partition_point(|&first| first <= q).saturating_sub(1);
        &self.texts[run]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block holding an offset, found by halving, is the first holding
    /// it, ends included; none between blocks or past the last.
    #[test]
    fn block_at_finds_the_first_block_holding_an_offset() {
        let block = |start, end| Block {
            span: Span::new(start, end).into(),
            role: BlockRole::Body,
        };
        // Apart, then two touching at 30.
        let blocks = [block(0, 10), block(12, 20), block(25, 30), block(30, 40)];
        let walk = |pos| blocks.iter().position(|b| b.span.start() <= pos && pos <= b.span.end());
        for pos in 0..45 {
            assert_eq!(block_at(&blocks, pos), walk(pos), "at {pos}");
        }
        assert_eq!(block_at(&blocks, 30), Some(2));
        assert_eq!(block_at(&[], 3), None);
    }

    #[test]
    fn a_diagnostic_names_its_file_without_escape_sequences() {
        let d = Diagnostic {
            file: "/tmp/a\u{1b}[31mred\u{1b}]0;title\u{7}.txt".into(),
            message: "empty file".into(),
            is_error: false,
        };
        assert_eq!(d.to_string(), "quoteline: warning: /tmp/ared.txt: empty file");
    }

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

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn what_a_corpus_holds_by_the_million_stays_small() {
        assert_eq!(std::mem::size_of::<Quote>(), 64);
        assert_eq!(std::mem::size_of::<Removed>(), 12);
        assert_eq!(std::mem::size_of::<QuoteIds>(), 8);
        assert_eq!(std::mem::size_of::<Statement>(), 32);
    }

    #[test]
    fn interned_strings_are_numbered_once_and_read_back() {
        let said = Interned::new("said");
        assert_eq!(Interned::new(&String::from("said")), said);
        assert_ne!(Interned::new("warned"), said);
        assert_eq!((said.as_str(), Interned::new("warned").as_str()), ("said", "warned"));
        assert_eq!(format!("{said:?}"), "\"said\"");
        // Numbered on several threads at once (each with its own cache),
        // each string still has one number, readable from every thread.
        let numbers: Vec<Vec<Interned>> = std::thread::scope(|s| {
            let each = || {
                (0..3000)
                    .map(|i| Interned::new(&format!("interned {}", i % 1500)))
                    .collect()
            };
            let threads: Vec<_> = (0..4).map(|_| s.spawn(each)).collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        assert!(numbers.windows(2).all(|w| w[0] == w[1]));
        assert!(numbers[0]
            .iter()
            .enumerate()
            .all(|(i, n)| n.as_str() == format!("interned {}", i % 1500)));
        let (count, bytes) = Interned::held();
        assert!(count >= 1502 && bytes >= 1500 * "interned 0".len(), "{count} {bytes}");
    }

    #[test]
    fn interned_numbers_fill_each_segment_in_turn() {
        assert_eq!(interned_slot(1), (0, 0));
        assert_eq!((interned_slot(2), interned_slot(3)), ((1, 0), (1, 1)));
        assert_eq!(
            (interned_slot(4), interned_slot(7), interned_slot(8)),
            ((2, 0), (2, 3), (3, 0))
        );
        assert_eq!(interned_slot(u32::MAX), (31, (1 << 31) - 1));
    }

    #[test]
    fn maybe_indices_keep_what_fits_four_bytes() {
        for i in [0, 1, 2_288, u32::MAX as usize - 1] {
            assert_eq!(MaybeIndex::from(i).get(), Some(i));
            assert_eq!(MaybeIndex::from(i), Some(i));
        }
        assert_eq!(MaybeIndex::from(None).get(), None);
        assert_eq!(MaybeIndex::NONE, MaybeIndex::default());
        // Past four bytes: none, never another index.
        assert_eq!(MaybeIndex::from(u32::MAX as usize).get(), None);
        assert_eq!(MaybeIndex::from(usize::MAX).get(), None);
        assert_eq!(std::mem::size_of::<MaybeIndex>(), 4);
    }

    #[test]
    fn a_packed_text_reads_back_as_it_was() {
        let prose = "The minister said: “We will not raise the price of water this year.” \
                     Várkonyi answered that the price of water was a matter for the council. "
            .repeat(20);
        for plain in [prose.as_str(), "Şükrü’s “quote” ends — here.\n", "ab", ""] {
            let mut text = Text::from(plain);
            text.pack();
            assert_eq!(text.get(), plain);
            assert_eq!(text.len(), plain.len());
            // Packed when that makes it smaller, else kept plain.
            assert!(text.held() <= plain.len());
            assert!(matches!(text.0, TextRepr::Packed { .. }) == (text.held() < plain.len()));
            text.pack();
            assert_eq!(text.get(), plain, "packed twice");
            let n = plain.len();
            for (start, end) in [(0, n.min(5)), (n / 3, n), (0, 0), (n, n + 3), (n / 2, n + 1)] {
                let span = StoredSpan::from(Span::new(start, end));
                assert_eq!(
                    text.slice(span),
                    plain.get(start..end).unwrap_or_default(),
                    "{start}..{end}"
                );
            }
        }
        let mut text = Text::from(prose.as_str());
        text.pack();
        assert!(text.held() < prose.len() / 4, "{} of {}", text.held(), prose.len());
        assert_eq!(text, Text::from(prose.as_str()));
        // Bytes that do not unpack to the text's length read as no text,
        // never as part of one or as zeros.
        let TextRepr::Packed { len, bytes } = &text.0 else {
            panic!("packed")
        };
        for broken in [&bytes[..bytes.len() / 2], &bytes[1..], &[][..]] {
            let text = Text(TextRepr::Packed {
                len: *len,
                bytes: broken.into(),
            });
            assert_eq!(text.get(), "");
        }
        let longer = Text(TextRepr::Packed {
            len: len + 1,
            bytes: bytes.clone(),
        });
        assert_eq!(longer.get(), "");
    }

    #[test]
    fn a_thread_that_remembers_recent_texts_reads_each_one_right() {
        let texts: Vec<Text> = (0..6)
            .map(|i| {
                let mut t = Text::from(format!("Article {i}: the minister said “we will not wait”. ").repeat(30 + i));
                t.pack();
                t
            })
            .collect();
        let plain: Vec<String> = texts.iter().map(|t| t.get().into_owned()).collect();
        let TextRepr::Packed { len, bytes } = &texts[0].0 else {
            panic!("packed")
        };
        let longer = Text(TextRepr::Packed {
            len: len + 1,
            bytes: bytes.clone(),
        });
        std::thread::spawn(move || {
            // Room for four of six: read round twice, some found and some
            // unpacked again, each the right text.
            Text::remember_recent_on_this_thread(4);
            let held = || RECENT.with_borrow(|r| r.as_ref().map(|r| (r.entries.len(), r.bytes)));
            for _ in 0..2 {
                for (t, p) in texts.iter().zip(&plain).chain(texts.iter().zip(&plain).rev()) {
                    assert_eq!(t.get(), p.as_str());
                }
            }
            let (kept, bytes) = held().unwrap();
            assert_eq!(kept, 4);
            // A span of a remembered text is that text's words.
            let span = StoredSpan::from(Span::new(9, 21));
            assert_eq!(texts[5].slice(span), &plain[5][9..21]);
            // The same bytes said to unpack to another length are not
            // that text.
            assert_eq!(longer.get(), "");
            assert_eq!(texts[0].get(), plain[0].as_str());
            // A text over an eighth of the room is read but not kept, and
            // what is kept stays within the room.
            let mut long = Text::from(
                "No two sentences of this one are alike: ".to_string()
                    + &(0..200_000).map(|i| format!("{i} ")).collect::<String>(),
            );
            long.pack();
            assert!(long.len() > RECENT_BYTES / 8 && matches!(long.0, TextRepr::Packed { .. }));
            assert!(long.get().starts_with("No two"));
            assert_eq!(held().unwrap().0, 4);
            assert!(bytes <= RECENT_BYTES && held().unwrap().1 <= RECENT_BYTES);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn quote_texts_are_read_the_same_from_packed_articles() {
        let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
        let plain = crate::load_corpus(&[assets], &Default::default());
        let mut packed = plain.clone();
        packed.pack_texts();
        let held: usize = packed.articles.iter().map(|a| a.text.held()).sum();
        let len: usize = packed.articles.iter().map(|a| a.text.len()).sum();
        assert!(held * 10 < len * 9, "{held} of {len}");
        let n = plain.quotes.len();
        assert!(n > 100);
        for (q, quote) in plain.quotes.iter().enumerate() {
            assert!(matches!(plain.quote_text(quote), std::borrow::Cow::Borrowed(_)));
            assert_eq!(packed.quote_text(&packed.quotes[q]), plain.quote_text(quote));
        }
        // A run of quotes, from inside one article's to past the end.
        #[allow(clippy::reversed_empty_ranges)]
        for run in [0..n, 7..n / 2, n - 3..n + 5, 4..4, 9..3] {
            let mut seen = Vec::new();
            packed.with_quote_texts(run.clone(), |q, quote, text| {
                assert_eq!(&text[quote.span.range()], plain.quote_text(&plain.quotes[q]));
                seen.push(q);
            });
            assert_eq!(seen, (run.start..run.end.min(n)).collect::<Vec<_>>());
            let texts = packed.article_texts_of(run.clone());
            for q in run.start..run.end.min(n) {
                let text = texts.of_quote(q);
                assert_eq!(&text[packed.quotes[q].span.range()], plain.quote_text(&plain.quotes[q]));
            }
        }
    }

    #[test]
    #[should_panic(expected = "outside")]
    fn no_text_is_given_for_a_quote_whose_article_was_not_unpacked() {
        let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::load_corpus(&[assets], &Default::default());
        let texts = corpus.article_texts_of(0..3);
        texts.of_quote(3);
    }
}
