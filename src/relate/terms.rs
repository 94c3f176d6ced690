//! Wordings as bags of content terms, for comparing how outlets (and
//! translators) rendered the same words: stemmed, stop words out, negation
//! attached to the word it negates ("not subordinate" and "no
//! subordination" agree; "will happen" and "won't happen" clash), numbers
//! kept as numbers.

use crate::lexicon::{NEGATOR, STOP_WORD};
use crate::text::{tokenize_lowered, Token};
use crate::varint::{push_varint, read_varint};
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::{LazyLock, Mutex};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Every stem seen by this process, numbered: a word's stem is looked up
/// once per thread ([`CLASSES`]) and numbered once here, so terms are
/// plain numbers, with no string hashed or shared again per word.
#[derive(Default)]
struct Stems {
    ids: FxHashMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
}

static STEMS: LazyLock<Mutex<Stems>> = LazyLock::new(Default::default);

/// The number of a stem.
fn stem_number(stem: &str) -> u32 {
    // A poisoned lock only means another thread panicked mid-insert; the
    // map is still whole.
    let mut stems = STEMS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&id) = stems.ids.get(stem) {
        return id;
    }
    let id = stems.texts.len() as u32;
    stems.texts.push(stem.into());
    stems.ids.insert(stem.into(), id);
    id
}

/// Every stem numbered so far, at its number: the reader's cache stores
/// terms by number, and this list beside them ([`crate::cache`]).
pub fn numbered_stems() -> Vec<String> {
    let stems = STEMS.lock().unwrap_or_else(|e| e.into_inner());
    stems.texts.iter().map(|s| s.to_string()).collect()
}

/// This process's number for each of `stems` (another process's
/// [`numbered_stems`]), in their order.
pub fn number_stems(stems: &[String]) -> Vec<u32> {
    stems.iter().map(|s| stem_number(s)).collect()
}

/// The text of a numbered stem.
pub fn stem_text(stem: u32) -> String {
    let stems = STEMS.lock().unwrap_or_else(|e| e.into_inner());
    stems
        .texts
        .get(stem as usize)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// What a word (or a part of a hyphenated word) is to a wording.
#[derive(Clone, Copy)]
enum PartClass {
    Stop,
    Term { stem: u32, number: bool },
}

/// A word's classes, looked up once per word: whether it negates, and what
/// it is as a part.
#[derive(Clone, Copy)]
struct WordClass {
    negator: bool,
    part: PartClass,
}

fn class_of(word: &str) -> WordClass {
    let part = if STOP_WORD.has(word) {
        PartClass::Stop
    } else if word.starts_with(|c: char| c.is_ascii_digit()) {
        PartClass::Term {
            stem: stem_number(word.trim_end_matches('%')),
            number: true,
        }
    } else if let Some(n) = number_word(word) {
        PartClass::Term {
            stem: stem_number(n),
            number: true,
        }
    } else {
        PartClass::Term {
            stem: stem_number(&STEMMER.stem(word)),
            number: false,
        }
    };
    WordClass {
        negator: is_negator(word),
        part,
    }
}

thread_local! {
    /// Words already classed on this thread, with their stems shared: news
    /// reuses its words, and the stemmer, its strings and one set lookup
    /// after another were the costliest steps here (profiled).
    static CLASSES: std::cell::RefCell<ClassCache> = Default::default();
}

/// Classed words: those of up to seven bytes, most of them, keyed by their
/// bytes as one integer ([`crate::lexicon::packed_word`]), the others by
/// their text. Hashing and comparing strings, kept apart from the map's
/// table, was 6% of a reader's load (perf).
#[derive(Default)]
struct ClassCache {
    /// The short words met last, by a hash of their key: the common
    /// words of news answer from here, where each look-up in `short`, a
    /// table of megabytes at 100k articles, missed the processor's caches.
    recent: Option<Box<[(u64, WordClass)]>>,
    short: FxHashMap<u64, WordClass>,
    long: FxHashMap<Box<str>, WordClass>,
}

/// Slots of [`ClassCache::recent`]: 48 KB, a power of two.
const RECENT_CLASSES: usize = 2048;

/// `key`'s slot in [`ClassCache::recent`] (Fibonacci hashing: the top
/// bits of its product with 2^64 / φ).
fn recent_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT_CLASSES.trailing_zeros())) as usize
}

/// Words each of a thread's two maps holds before it starts again: enough
/// for a year of news, and a bound on a pathological input.
const CLASS_CACHE_LIMIT: usize = 200_000;

/// [`class_of`], from a thread's cache.
fn cached_class(cache: &mut ClassCache, word: &str) -> WordClass {
    fn cached<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, WordClass>, key: K, word: &str) -> WordClass {
        if let Some(&c) = map.get(&key) {
            return c;
        }
        if map.len() > CLASS_CACHE_LIMIT {
            map.clear();
        }
        let c = class_of(word);
        map.insert(key, c);
        c
    }
    match crate::lexicon::packed_word(word) {
        Some(key) => {
            // A word's class never changes (stems are numbered once for
            // the process), so a slot is right whenever its key is; no key
            // is 0, an empty slot's.
            let recent = cache.recent.get_or_insert_with(|| {
                let empty = WordClass {
                    negator: false,
                    part: PartClass::Stop,
                };
                vec![(0, empty); RECENT_CLASSES].into_boxed_slice()
            });
            let slot = &mut recent[recent_slot(key)];
            if slot.0 != key {
                *slot = (key, cached(&mut cache.short, key, word));
            }
            slot.1
        }
        // Looked up by the borrowed word first: a hit, most of them, makes
        // no boxed copy of it.
        None => match cache.long.get(word) {
            Some(&c) => c,
            None => cached(&mut cache.long, word.into(), word),
        },
    }
}

/// How many words after a negator it may reach ("not going to happen").
const NEGATION_SCOPE: usize = 4;

/// Whether a word negates what follows: "not", "no", "never", "won't".
pub fn is_negator(word: &str) -> bool {
    NEGATOR.has(word) || word.ends_with("n't")
}

/// A content term as written in a wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Term {
    /// The stem, or the digits of a number ([`stem_text`]).
    pub stem: u32,
    pub negated: bool,
    pub number: bool,
}

fn number_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "one" | "single" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "twenty" => "20",
        "thirty" => "30",
        "forty" => "40",
        "fifty" => "50",
        "hundred" => "100",
        "thousand" => "1000",
        "million" => "1000000",
        "billion" => "1000000000",
        _ => return None,
    })
}

/// Words of a text's tokens, lowercased, with "25,000" as one word;
/// `None` for punctuation that ends a clause. Borrowed from the article's
/// lowercase where the tokens have it (nearly all): handing on a whole
/// [`Lower`](crate::text::Lower), with its inline buffer, stalled on the copies, a third of
/// this step's samples (perf annotate).
fn words<'t, 'a>(toks: &'a [Token<'t>]) -> impl Iterator<Item = Option<Cow<'t, str>>> + 'a {
    // Read as the terms are made, not collected first (a vector of them
    // was a third of this step; perf).
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let t = toks.get(i)?;
        if !t.is_word {
            i += 1;
            if !t.is_punct("'’") {
                return Some(None);
            }
            continue;
        }
        let mut w: Cow<'t, str> = t.lower().into();
        // Thousands separators: "25" "," "000".
        while w.bytes().all(|c| c.is_ascii_digit())
            && toks.get(i + 1).is_some_and(|c| c.text == "," && c.start == toks[i].end)
            && toks.get(i + 2).is_some_and(|n| {
                n.start == toks[i + 1].end && n.text.len() == 3 && n.text.bytes().all(|c| c.is_ascii_digit())
            })
        {
            w = Cow::Owned(format!("{w}{}", toks[i + 2].text));
            i += 2;
        }
        i += 1;
        return Some(Some(w));
    })
}

/// The content terms of `text`, in order.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    terms_into(text, false, &mut out);
    out
}

/// The content terms of a wording's `text`, in order, added to `out`;
/// `negated` when a negator just before it reaches into it
/// ([`crate::relate::negated_before`]).
pub fn terms_into(text: &str, negated: bool, out: &mut Vec<Term>) {
    // Lowered whole first, so that [`words`] borrows every word from it
    // rather than lowering (and boxing) each capitalised one.
    let lower = crate::text::lowercase_in_place_of(text);
    wording_terms(&tokenize_lowered(text, lower.as_deref(), 0), negated, out);
}

/// The content terms of a text's tokens, in order, added to `out`
/// (tokens an extraction already made are not split again).
pub fn terms_of_tokens(toks: &[Token], out: &mut Vec<Term>) {
    wording_terms(toks, false, out)
}

/// [`terms_of_tokens`], negated from the start when `negated`.
fn wording_terms(toks: &[Token], negated: bool, out: &mut Vec<Term>) {
    let negation_left = if negated { NEGATION_SCOPE } else { 0 };
    CLASSES.with(|cache| terms_with(toks, &mut cache.borrow_mut(), negation_left, out))
}

/// Several wordings' terms in one vector: an article's quotes' terms in
/// one allocation, not one a quote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermRuns {
    terms: Vec<Term>,
    /// Where each wording's terms end in `terms`.
    ends: Vec<usize>,
}

impl TermRuns {
    /// The next wording's terms, from its tokens; `negated` when a
    /// negator just before it reaches into it ([`crate::relate::negated_before`]).
    pub fn push_tokens(&mut self, toks: &[Token], negated: bool) {
        wording_terms(toks, negated, &mut self.terms);
        self.ends.push(self.terms.len());
    }

    /// [`TermRuns::push_tokens`] with the wording's words split from `text`.
    pub fn push_text(&mut self, text: &str, negated: bool) {
        terms_into(text, negated, &mut self.terms);
        self.ends.push(self.terms.len());
    }

    /// How many wordings it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each wording's terms, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Term]> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| &self.terms[start..end])
    }
}

/// Terms of `toks`; `negation_left` is how many words a negator before
/// them still reaches.
fn terms_with(toks: &[Token], cache: &mut ClassCache, mut negation_left: usize, out: &mut Vec<Term>) {
    for word in words(toks) {
        let Some(lower) = word else {
            negation_left = 0;
            continue;
        };
        let word = lower.strip_suffix("'s").unwrap_or(&lower);
        let class = cached_class(cache, word);
        if class.negator {
            negation_left = NEGATION_SCOPE;
            continue;
        }
        if word == "but" {
            negation_left = 0;
            continue;
        }
        let mut add = |part: PartClass| match part {
            PartClass::Stop => negation_left = negation_left.saturating_sub(1),
            PartClass::Term { stem, number } => {
                out.push(Term {
                    stem,
                    negated: negation_left > 0,
                    number,
                });
                negation_left = 0;
            }
        };
        if !word.contains('-') {
            if !word.is_empty() {
                add(class.part);
            }
            continue;
        }
        for part in word.split('-').filter(|p| !p.is_empty()) {
            add(cached_class(cache, part).part);
        }
    }
}

/// A term key: `stem id << 2 | number << 1 | negated`. A word and its
/// negation sit side by side in a sorted vector, and whether a stem is a
/// number (the same for every use of it) costs no field of its own.
pub type Key = u32;

/// The stem a key is of.
pub fn stem_id(key: Key) -> u32 {
    key >> 2
}

/// Whether a key is a number.
pub fn is_number(key: Key) -> bool {
    key & 2 != 0
}

/// A term key with its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    pub key: Key,
    pub weight: f32,
}

/// A document's words as weighted term keys, sorted by key: an article's
/// (stories link articles by their cosine, from words packed for linking
/// with the same weights); quotes' are [`Wordings`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVec {
    pub terms: Box<[Weighted]>,
    /// Sum of squared weights.
    pub mass: f32,
}

impl TermVec {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.terms.iter().map(|t| t.key)
    }
}

/// A quote's wording as weighted term keys, sorted by key, borrowed from
/// [`Wordings`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wording<'a> {
    pub terms: &'a [Weighted],
    /// Sum of squared weights.
    pub mass: f32,
}

impl<'a> Wording<'a> {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = Key> + 'a {
        self.terms.iter().map(|t| t.key)
    }

    pub fn has(&self, key: Key) -> bool {
        self.terms.binary_search_by_key(&key, |t| t.key).is_ok()
    }
}

/// Many wordings' weighted terms, a few thousand wordings' to a buffer: a
/// million quotes' vectors in a few hundred allocations, not one each
/// (whose headers and rounding were a third of their memory), grown a
/// buffer at a time, never by copying them all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wordings {
    terms: Chunked<Weighted>,
    masses: Vec<f32>,
}

impl Wordings {
    pub fn len(&self) -> usize {
        self.terms.len
    }

    pub fn is_empty(&self) -> bool {
        self.terms.len == 0
    }

    /// The `i`th wording.
    pub fn get(&self, i: usize) -> Wording<'_> {
        Wording {
            terms: self.terms.get(i),
            mass: self.masses[i],
        }
    }

    /// The bytes it holds (for the memory figures of `quoteline-bench`).
    pub fn heap_bytes(&self) -> usize {
        self.terms.heap_bytes() + self.masses.capacity() * std::mem::size_of::<f32>()
    }

    /// Writes it to a words file ([`crate::words_cache`]): the masses, then
    /// each buffer's runs' ends and terms (key, then weight's bits).
    pub(crate) fn write_to(&self, out: &mut crate::words_cache::Output) -> std::io::Result<()> {
        out.count(self.masses.len())?;
        out.u32s(self.masses.iter().map(|m| m.to_bits()))?;
        out.count(self.terms.chunks.len())?;
        for chunk in &self.terms.chunks {
            out.count(chunk.ends.len())?;
            out.u32s(chunk.ends.iter().copied())?;
            out.count(chunk.items.len())?;
            out.u32s(chunk.items.iter().flat_map(|w| [w.key, w.weight.to_bits()]))?;
        }
        Ok(())
    }

    /// Reads what [`Wordings::write_to`] wrote, refusing runs that do not
    /// fit their buffers (so that [`Wordings::get`] cannot fail), keys out
    /// of order or beyond any vocabulary's numbering, and weights that are
    /// no numbers: what comes back is what a vocabulary could have made.
    pub(crate) fn read_from(input: &mut crate::words_cache::Input) -> std::io::Result<Wordings> {
        use crate::words_cache::invalid;
        let len = input.count(4)?;
        let mut bits = Vec::new();
        input.u32s(len, &mut bits)?;
        let masses: Vec<f32> = bits.into_iter().map(f32::from_bits).collect();
        if !masses.iter().all(|m| m.is_finite()) {
            return Err(invalid("a mass that is no number"));
        }
        // Terms before the run read, all runs: a vocabulary numbers its
        // terms as it first meets them, so none of a run's keys is past
        // the number of terms up to its end.
        let mut terms_before = 0usize;
        let chunks = input.count(16)?;
        if chunks != len.div_ceil(CHUNK) {
            return Err(invalid("runs in other buffers than their number says"));
        }
        let mut terms = Chunked {
            chunks: Vec::with_capacity(chunks),
            len,
        };
        let mut numbers = Vec::new();
        for c in 0..chunks {
            let runs = input.count(4)?;
            let mut ends = Vec::new();
            input.u32s(runs, &mut ends)?;
            let items = input.count(8)?;
            numbers.clear();
            input.u32s(items * 2, &mut numbers)?;
            let full = if c + 1 < chunks { CHUNK } else { len - c * CHUNK };
            let ordered = ends.windows(2).all(|w| w[0] <= w[1]);
            if runs != full || !ordered || ends.last().is_some_and(|&e| e as usize != items) {
                return Err(invalid("runs that do not fit their buffer"));
            }
            let items: Vec<Weighted> = numbers
                .chunks_exact(2)
                .map(|p| Weighted {
                    key: p[0],
                    weight: f32::from_bits(p[1]),
                })
                .collect();
            let mut start = 0;
            for &end in &ends {
                let run = &items[start..end as usize];
                let numbered = run.iter().all(|t| (stem_id(t.key) as usize) < terms_before + run.len());
                let ascending = run.windows(2).all(|w| w[0].key < w[1].key);
                if !numbered || !ascending || !run.iter().all(|t| t.weight.is_finite()) {
                    return Err(invalid("terms no vocabulary could have made"));
                }
                terms_before += run.len();
                start = end as usize;
            }
            terms.chunks.push(Chunk { items, ends });
        }
        Ok(Wordings { terms, masses })
    }
}

/// Runs of items (a wording's terms each), [`CHUNK`] runs to a buffer.
#[derive(Debug, Clone, PartialEq)]
struct Chunked<T> {
    chunks: Vec<Chunk<T>>,
    /// How many runs.
    len: usize,
}

/// Runs to a buffer of [`Chunked`]: a power of two, so that finding a run
/// is a shift and a mask.
const CHUNK: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
struct Chunk<T> {
    items: Vec<T>,
    /// Where each run ends in `items` (a chunk holds under 4 GiB).
    ends: Vec<u32>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    /// Adds a run, its items appended by `fill`.
    fn push_with(&mut self, fill: impl FnOnce(&mut Vec<T>)) {
        if self.len.is_multiple_of(CHUNK) {
            // The full buffer before gives back what doubling left over.
            if let Some(full) = self.chunks.last_mut() {
                full.items.shrink_to_fit();
            }
            self.chunks.push(Chunk {
                items: Vec::new(),
                ends: Vec::with_capacity(CHUNK),
            });
        }
        let chunk = self.chunks.last_mut().expect("pushed above when none");
        fill(&mut chunk.items);
        // A chunk's items stay far under 4 G: CHUNK runs of a document's
        // terms each, from texts of at most the size a file may have.
        chunk.ends.push(chunk.items.len() as u32);
        self.len += 1;
    }

    /// The `i`th run.
    fn get(&self, i: usize) -> &[T] {
        let (chunk, j) = (&self.chunks[i / CHUNK], i % CHUNK);
        let start = if j == 0 { 0 } else { chunk.ends[j - 1] as usize };
        &chunk.items[start..chunk.ends[j] as usize]
    }

    fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.chunks.capacity() * size_of::<Chunk<T>>()
            + self
                .chunks
                .iter()
                .map(|c| c.items.capacity() * size_of::<T>() + c.ends.capacity() * size_of::<u32>())
                .sum::<usize>()
    }
}

/// Documents' keys registered in order, each one's counted in a
/// vocabulary as it comes, and kept packed: each key as the varint
/// (LEB128) of its difference from the key before, then its count. A
/// 100k load's article keys are alive from the first file read until
/// stories are linked, over the load's peak: about 3 bytes a key instead
/// of 8.
#[derive(Debug, Default)]
pub struct PackedKeys {
    vocab: Vocab,
    runs: Chunked<u8>,
    /// One document's keys before they are packed.
    scratch: Vec<Keyed>,
}

impl PackedKeys {
    /// Registers the next document's terms.
    pub fn add(&mut self, terms: &[Term]) {
        let (vocab, scratch) = (&mut self.vocab, &mut self.scratch);
        scratch.clear();
        vocab.add_into(terms, scratch);
        self.runs.push_with(|bytes| {
            let mut last = 0;
            for k in scratch.iter() {
                push_varint(bytes, k.key - last);
                push_varint(bytes, k.count);
                last = k.key;
            }
        });
    }

    /// How many documents it holds.
    pub fn len(&self) -> usize {
        self.runs.len
    }

    pub fn is_empty(&self) -> bool {
        self.runs.len == 0
    }

    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The `i`th document's keys, sorted (the load reads them all at once,
    /// [`PackedKeys::into_each`]).
    #[cfg(test)]
    fn keys(&self, i: usize) -> Vec<Keyed> {
        unpack_keys(self.runs.get(i))
    }

    /// Its vocabulary, and `f` of each document's keys in order; the packed keys are freed a
    /// chunk at a time as they are read, so that they are not kept beside
    /// all that `f` makes of them.
    pub fn into_each<R: Send>(self, f: impl Fn(Vec<Keyed>) -> R + Sync) -> (Vocab, Vec<R>) {
        let parts: Vec<Vec<R>> = self
            .runs
            .chunks
            .into_par_iter()
            .map(|chunk| {
                run_ranges(&chunk.ends)
                    .map(|run| f(unpack_keys(&chunk.items[run])))
                    .collect()
            })
            .collect();
        let mut all = Vec::with_capacity(self.runs.len);
        parts.into_iter().for_each(|part| all.extend(part));
        (self.vocab, all)
    }
}

/// Where each run of a chunk is in its items, from where they end.
fn run_ranges(ends: &[u32]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let starts = std::iter::once(0).chain(ends.iter().map(|&e| e as usize));
    starts.zip(ends).map(|(start, &end)| start..end as usize)
}

/// Keys packed by [`PackedKeys::add`].
fn unpack_keys(bytes: &[u8]) -> Vec<Keyed> {
    // Each varint ends in a byte under 0x80, and a key is two.
    let mut out = Vec::with_capacity(bytes.iter().filter(|&&b| b < 0x80).count() / 2);
    let (mut at, mut key) = (0, 0u32);
    while at < bytes.len() {
        let (delta, next) = read_varint(bytes, at);
        let (count, next) = read_varint(bytes, next);
        key = key.wrapping_add(delta);
        out.push(Keyed { key, count });
        at = next;
    }
    out
}

/// Wordings registered in order, each one's keys counted in a vocabulary
/// as it comes, then all weighed by it at once. The keys are held bare,
/// without the count a [`Keyed`] carries (a quote's weights do not use it):
/// the reader registers them as it reads, and a 100k load's were 48 MB
/// of its peak as counted keys, 24 as bare ones (quoteline-bench).
#[derive(Debug, Default)]
pub struct WordingsBuilder {
    vocab: Vocab,
    keys: Chunked<Key>,
    /// One wording's counted keys before they are kept.
    scratch: Vec<Keyed>,
}

impl WordingsBuilder {
    /// Registers the next wording's terms.
    pub fn add(&mut self, terms: &[Term]) {
        let (vocab, scratch) = (&mut self.vocab, &mut self.scratch);
        scratch.clear();
        vocab.add_into(terms, scratch);
        self.keys.push_with(|keys| keys.extend(scratch.iter().map(|k| k.key)));
    }

    /// How many wordings it holds.
    pub fn len(&self) -> usize {
        self.keys.len
    }

    pub fn is_empty(&self) -> bool {
        self.keys.len == 0
    }

    /// Every wording weighed by IDF over all of them (each term's count
    /// is not used: quotes are short).
    pub fn finish(self) -> Wordings {
        let weigher = self.vocab.weigher();
        let keys = self.keys;
        let weighed: Vec<(Chunk<Weighted>, Vec<f32>)> = keys
            .chunks
            .into_par_iter()
            .map(|chunk| {
                // A chunk's bare keys are freed as its weights are made.
                let items: Vec<Weighted> = chunk
                    .items
                    .iter()
                    .map(|&key| weigher.weight(Keyed { key, count: 1 }, false))
                    .collect();
                let masses = run_ranges(&chunk.ends)
                    .map(|run| items[run].iter().map(|t| t.weight * t.weight).sum())
                    .collect();
                (
                    Chunk {
                        items,
                        ends: chunk.ends,
                    },
                    masses,
                )
            })
            .collect();
        let mut masses = Vec::with_capacity(keys.len);
        let chunks = weighed
            .into_iter()
            .map(|(chunk, m)| {
                masses.extend(m);
                chunk
            })
            .collect();
        Wordings {
            terms: Chunked { chunks, len: keys.len },
            masses,
        }
    }
}

/// Stem ids and how many wordings (documents) use each. Ids are given in
/// the order documents register their stems, so a corpus numbers its
/// terms the same way on every run, whatever order threads met them in.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// For each process-wide stem number, its id here plus one (0: none yet).
    ids: Vec<u32>,
    df: Vec<u32>,
    docs: u32,
}

/// A term key of one document, with how often the document uses it (the
/// size of a [`Weighted`], which it becomes in place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Keyed {
    pub key: Key,
    pub count: u32,
}

impl Vocab {
    /// Registers a document's terms; appends its keys, sorted and unique,
    /// to `out`.
    pub fn add_into(&mut self, terms: &[Term], out: &mut Vec<Keyed>) {
        let from = out.len();
        out.extend(terms.iter().map(|t| {
            let stem = t.stem as usize;
            if self.ids.len() <= stem {
                self.ids.resize(stem + 1, 0);
            }
            if self.ids[stem] == 0 {
                self.df.push(0);
                self.ids[stem] = self.df.len() as u32;
            }
            let id = self.ids[stem] - 1;
            Keyed {
                key: (id << 2) | (u32::from(t.number) << 1) | u32::from(t.negated),
                count: 1,
            }
        }));
        let keys = &mut out[from..];
        // By key alone: every count is 1 here.
        keys.sort_unstable_by_key(|k| k.key);
        // Equal keys made one, counted.
        let mut unique = 0;
        for i in 0..keys.len() {
            if unique > 0 && keys[unique - 1].key == keys[i].key {
                keys[unique - 1].count += 1;
            } else {
                keys[unique] = keys[i];
                unique += 1;
            }
        }
        out.truncate(from + unique);
        self.docs += 1;
        for k in &out[from..] {
            self.df[stem_id(k.key) as usize] += 1;
        }
    }

    /// For each word (by [`stem_id`]), whether several documents use it.
    pub fn shared(&self) -> Vec<bool> {
        self.df.iter().map(|&df| df >= 2).collect()
    }

    /// How many documents use the key's word.
    pub fn df(&self, key: Key) -> u32 {
        self.df.get(stem_id(key) as usize).copied().unwrap_or(0)
    }

    /// What weighs documents against this vocabulary ([`Weigher::weigh`]).
    pub fn weigher(&self) -> Weigher {
        // Inverse document frequency: rare words weigh more. Worked out
        // once a word, not once a use: the logarithms were most of
        // weighing a 100k load's articles (measured).
        let idf = |df: u32| (1.0 + self.docs as f32 / df.max(1) as f32).ln();
        Weigher {
            idf: self.df.iter().map(|&df| idf(df)).collect(),
            unknown_idf: idf(0),
            tf: std::array::from_fn(|count| 1.0 + (count as f32).ln()),
        }
    }
}

/// A vocabulary's word weights, for weighing its documents' keys.
#[derive(Debug, Clone)]
pub struct Weigher {
    /// By stem id.
    idf: Vec<f32>,
    /// For a key the vocabulary never registered.
    unknown_idf: f32,
    /// `1 + ln(count)` for the counts words mostly have.
    tf: [f32; 64],
}

impl Weigher {
    /// Weighs registered keys by IDF, times `1 + ln(count)` when
    /// `by_count` (long texts, where repetition marks the subject).
    pub fn weigh(&self, keys: Vec<Keyed>, by_count: bool) -> TermVec {
        // Same size and alignment: collected in place, no second buffer.
        let terms: Vec<Weighted> = keys.into_iter().map(|k| self.weight(k, by_count)).collect();
        let mass = terms.iter().map(|t| t.weight * t.weight).sum();
        TermVec {
            terms: terms.into_boxed_slice(),
            mass,
        }
    }

    /// One key weighed ([`Weigher::weigh`]).
    pub fn weight(&self, k: Keyed, by_count: bool) -> Weighted {
        let tf = match (by_count, self.tf.get(k.count as usize)) {
            (false, _) => 1.0,
            (true, Some(&tf)) => tf,
            (true, None) => 1.0 + (k.count as f32).ln(),
        };
        let idf = self.idf.get(stem_id(k.key) as usize).copied();
        Weighted {
            key: k.key,
            weight: tf * idf.unwrap_or(self.unknown_idf),
        }
    }
}

/// Documents turned into terms in parallel, a chunk at a time, and
/// registered in order: only one chunk's terms are alive at once,
/// which at a million quotes is the difference of gigabytes. A chunk of
/// `chunk` documents' terms should be a few megabytes (a term is 8 bytes).
pub fn terms_in_chunks<T: Sync, U: Send>(
    docs: &[T],
    chunk: usize,
    to_terms: impl Fn(&T) -> U + Sync,
    mut register: impl FnMut(U) + Send,
) {
    // A chunk is registered (in order, on one core) while the next one is
    // turned into terms.
    let mut pending: Option<Vec<U>> = None;
    for chunk in docs.chunks(chunk.max(1)) {
        let (terms, ()) = rayon::join(
            || chunk.par_iter().map(&to_terms).collect::<Vec<U>>(),
            || pending.take().into_iter().flatten().for_each(&mut register),
        );
        pending = Some(terms);
    }
    pending.into_iter().flatten().for_each(&mut register);
}

/// Plain cosine of two weighted vectors.
pub fn similarity_cosine(a: &TermVec, b: &TermVec) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (a, b, mass) = (&a.terms, &b.terms, a.mass * b.mass);
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].key.cmp(&b[j].key) {
            std::cmp::Ordering::Equal => {
                dot += a[i].weight * b[j].weight;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    dot / mass.sqrt()
}

/// How alike two wordings are, from 0 to 1: the larger of cosine and a
/// damped containment (an outlet quoting part of a statement), cut when a
/// word is negated in one and not the other or the numbers differ.
pub fn similarity(a: Wording, b: Wording) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (ta, tb) = (a.terms, b.terms);
    let (mut i, mut j) = (0, 0);
    let (mut dot, mut clash) = (0.0f32, false);
    let (mut numbers_a, mut numbers_b, mut numbers_shared) = (false, false, false);
    while i < ta.len() && j < tb.len() {
        let (ka, kb) = (ta[i].key, tb[j].key);
        if ka == kb {
            dot += ta[i].weight * tb[j].weight;
            numbers_shared |= is_number(ka);
            numbers_a |= is_number(ka);
            numbers_b |= is_number(kb);
            i += 1;
            j += 1;
        } else {
            // A word negated in one wording only ("will happen" against
            // "won't happen"); a wording holding both polarities is no clash.
            if stem_id(ka) == stem_id(kb) {
                let plain_side_has_both = if ka < kb {
                    ta.get(i + 1).map(|t| t.key) == Some(kb)
                } else {
                    tb.get(j + 1).map(|t| t.key) == Some(ka)
                };
                clash |= !plain_side_has_both;
            }
            if ka < kb {
                numbers_a |= is_number(ka);
                i += 1;
            } else {
                numbers_b |= is_number(kb);
                j += 1;
            }
        }
    }
    numbers_a |= ta[i..].iter().any(|t| is_number(t.key));
    numbers_b |= tb[j..].iter().any(|t| is_number(t.key));
    let cosine = dot / (a.mass * b.mass).sqrt();
    let smaller = a.mass.min(b.mass);
    let fewest = ta.len().min(tb.len());
    // Containment of a one- or two-word fragment says little on its own:
    // "people" is in half of a politician's quotes.
    let damp = match fewest {
        1 => 0.4,
        2 => 0.75,
        _ => 0.9,
    };
    let mut score = cosine.max(damp * dot / smaller);
    if clash {
        score *= 0.5;
    }
    if numbers_a && numbers_b && !numbers_shared {
        score *= 0.7;
    }
    score.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_share_a_recent_slot_keep_their_own_classes() {
        let key = |w: &str| crate::lexicon::packed_word(w).expect("short");
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}x")).collect();
        // More words than slots: two of them share one.
        let (a, b) = words
            .iter()
            .enumerate()
            .find_map(|(i, a)| {
                let b = words[..i].iter().find(|b| recent_slot(key(b)) == recent_slot(key(a)))?;
                Some((a.as_str(), b.as_str()))
            })
            .expect("a shared slot");
        let stem = |c: WordClass| match c.part {
            PartClass::Term { stem, .. } => Some(stem),
            PartClass::Stop => None,
        };
        let mut cache = ClassCache::default();
        for w in [a, b, a, "not", b, a, "the", a] {
            let (got, want) = (cached_class(&mut cache, w), class_of(w));
            assert_eq!((stem(got), got.negator), (stem(want), want.negator), "{w}");
        }
        assert_ne!(stem(class_of(a)), stem(class_of(b)));
    }

    #[test]
    fn packed_keys_read_back_as_the_vocabulary_counted_them() {
        let texts = [
            "Water prices will not rise, the minister said, not this year and not next year.",
            "",
            "Prices, prices, prices: the council talks of nothing else since 2019.",
        ];
        let mut packed = PackedKeys::default();
        let mut vocab = Vocab::default();
        let mut plain = Vec::new();
        // Past one chunk of runs.
        for t in texts.iter().cycle().take(CHUNK + 9) {
            packed.add(&terms(t));
            let mut keys = Vec::new();
            vocab.add_into(&terms(t), &mut keys);
            plain.push(keys);
        }
        assert_eq!(packed.len(), CHUNK + 9);
        for (i, keys) in plain.iter().enumerate() {
            assert_eq!(packed.keys(i), *keys, "{i}");
        }
        assert!(plain[2].iter().any(|k| k.count == 3), "prices, three times");
        assert!(
            plain.iter().all(|keys| keys.windows(2).all(|w| w[0].key < w[1].key)),
            "sorted, each once"
        );
        assert_eq!(packed.vocab().df(plain[0][0].key), vocab.df(plain[0][0].key));
        let (counted, each) = packed.into_each(|keys| keys);
        assert_eq!(each, plain);
        assert_eq!(counted.df(plain[0][0].key), vocab.df(plain[0][0].key));
        // Keys cut short read as what is there, in order.
        let mut bytes = Vec::new();
        for n in [300, 2, 5, 1, 70_000, 9] {
            push_varint(&mut bytes, n);
        }
        let keys = unpack_keys(&bytes[..bytes.len() - 2]);
        assert_eq!(keys[..2], [Keyed { key: 300, count: 2 }, Keyed { key: 305, count: 1 }]);
        assert!(keys.len() <= 3);
    }

    fn sim(a: &str, b: &str) -> f32 {
        // IDF over a small background so common words weigh less.
        let background = [
            "The minister said the plan would work.",
            "We will talk to the people about the plan.",
            "It is time to act.",
            "The government said it would look at the report.",
        ];
        let texts: Vec<&str> = [a, b].into_iter().chain(background).collect();
        let mut wordings = WordingsBuilder::default();
        texts.iter().for_each(|t| wordings.add(&terms(t)));
        let v = wordings.finish();
        similarity(v.get(0), v.get(1))
    }

    fn stems(s: &str) -> Vec<String> {
        terms(s)
            .into_iter()
            .map(|t| format!("{}{}", if t.negated { "!" } else { "" }, stem_text(t.stem)))
            .collect()
    }

    #[test]
    fn negation_attaches_to_the_negated_word() {
        assert_eq!(stems("That's not going to happen"), ["!happen"]);
        assert_eq!(stems("It won't happen."), ["!happen"]);
        assert_eq!(stems("no subordination, but coordination"), ["!subordin", "coordin"]);
        assert_eq!(stems("We are not subordinate"), ["!subordin"]);
    }

    #[test]
    fn numbers_are_kept_whole() {
        assert_eq!(stems("saves 25,000 lives"), ["save", "25000", "live"]);
        assert_eq!(stems("not one cent"), ["!1", "cent"]);
    }

    #[test]
    fn paraphrases_are_close_and_contradictions_are_not() {
        let same = sim("That's not going to happen", "It won't happen");
        assert!(same > 0.9, "{same}");
        let translated = sim(
            "There is collaboration and coordination, but there is no subordination",
            "We coordinate, we collaborate, but we are not subordinate and there is no meddling",
        );
        assert!(translated > 0.6, "{translated}");
        let contradiction = sim("It will happen", "It won't happen");
        assert!(contradiction < 0.6, "{contradiction}");
        let unrelated = sim("Prices will rise next year", "The talks ended without a deal");
        assert!(unrelated < 0.1, "{unrelated}");
        let numbers = sim("Twenty ships were seized", "Thirty ships were seized");
        let same_numbers = sim("20 ships were seized", "Twenty ships were seized");
        assert!(numbers < same_numbers, "{numbers} {same_numbers}");
    }
}
