//! Quote search from a word index: each word typed must begin a word of
//! the quote (case and accents folded, in any order), so "wat pri" finds
//! "water prices". A query costs what its words' lists of quotes cost,
//! not a pass over every quote.

use crate::model::{Corpus, QuoteId};
use crate::text::fold;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Every folded word of the quotes, sorted, with the quotes using it.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct WordIndex {
    words: Vec<Box<str>>,
    /// For each word, the quotes using it, ascending ([`QuoteList`]).
    postings: Vec<Box<[u8]>>,
    quotes: usize,
}

/// A word's quotes, ascending, each held as its distance from the one
/// before (the first from 0) in LEB128: mostly a byte a quote, where a
/// `u32` took four (a 100k load's index: 42 MB as `u32`s).
#[derive(Debug, Clone, Default)]
struct QuoteList {
    bytes: Vec<u8>,
    /// The last quote added.
    last: Option<u32>,
}

impl QuoteList {
    /// Adds quote `q`, past (or equal to) the last one: a quote using a
    /// word twice is listed once.
    fn push(&mut self, q: u32) {
        match self.last {
            Some(last) if last == q => return,
            Some(last) => crate::varint::push_varint(&mut self.bytes, q - last),
            None => crate::varint::push_varint(&mut self.bytes, q),
        }
        self.last = Some(q);
    }

    /// Adds `other`'s quotes, which come after this one's.
    fn append(&mut self, other: QuoteList) {
        let Some(other_last) = other.last else { return };
        let (first, next) = crate::varint::read_varint(&other.bytes, 0);
        self.push(first);
        self.bytes.extend_from_slice(&other.bytes[next..]);
        self.last = Some(other_last);
    }
}

/// The quotes of a list [`QuoteList`] made.
#[cfg(test)]
fn quotes_of(bytes: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    each_quote(bytes, |q| out.push(q));
    out
}

/// `f` of each quote of a list [`QuoteList`] made, in order. A gap of one
/// byte, most of them, is read without the general decoder: a query's
/// first letter goes through millions (quoteline-bench's search typing).
fn each_quote(bytes: &[u8], mut f: impl FnMut(u32)) {
    let (mut at, mut q) = (0, 0u32);
    while let Some(&b) = bytes.get(at) {
        let gap = if b < 0x80 {
            at += 1;
            u32::from(b)
        } else {
            let (gap, next) = crate::varint::read_varint(bytes, at);
            at = next;
            gap
        };
        q = q.wrapping_add(gap);
        f(q);
    }
}

/// Whether `bytes` are a list [`QuoteList`] makes of quotes under `quotes`:
/// not empty, each number whole, in as few bytes as it takes and within
/// 32 bits, the quotes ascending and none past the end. One list, one
/// way to write it.
fn valid_quote_list(bytes: &[u8], quotes: usize) -> bool {
    let (mut at, mut last) = (0, None::<u64>);
    while at < bytes.len() {
        let (gap, next) = crate::varint::read_varint(bytes, at);
        let (len, end) = (next - at, bytes[next - 1]);
        let whole = end < 0x80 && (len == 1 || end != 0) && (len < 5 || (len == 5 && end <= 0x0f));
        if !whole || (last.is_some() && gap == 0) {
            return false;
        }
        // Under 2^32 a gap, under `quotes` before it: no overflow.
        let q = last.unwrap_or(0) + u64::from(gap);
        if q >= quotes as u64 {
            return false;
        }
        last = Some(q);
        at = next;
    }
    last.is_some()
}

impl WordIndex {
    /// The bytes its words and lists hold (for the memory figures of
    /// `quoteline-bench`).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let words: usize = self.words.iter().map(|w| w.len()).sum();
        let lists: usize = self.postings.iter().map(|p| p.len()).sum();
        words
            + lists
            + self.words.capacity() * size_of::<Box<str>>()
            + self.postings.capacity() * size_of::<Box<[u8]>>()
    }

    /// Writes it to a words file ([`crate::words_cache`]): the quotes
    /// indexed, then each word and its list.
    pub(crate) fn write_to(&self, out: &mut crate::words_cache::Output) -> std::io::Result<()> {
        out.count(self.quotes)?;
        out.count(self.words.len())?;
        for (word, list) in self.words.iter().zip(&self.postings) {
            out.count(word.len())?;
            out.bytes(word.as_bytes())?;
            out.count(list.len())?;
            out.bytes(list)?;
        }
        Ok(())
    }

    /// Reads what [`WordIndex::write_to`] wrote, refusing words out of
    /// order and lists out of order or past the quotes (which searching
    /// relies on).
    pub(crate) fn read_from(input: &mut crate::words_cache::Input) -> std::io::Result<WordIndex> {
        use crate::words_cache::invalid;
        // Bounded by the corpus's quotes, which the reader compares.
        let quotes = usize::try_from(input.u64()?).map_err(|_| invalid("too many quotes"))?;
        let n = input.count(16)?;
        let mut words: Vec<Box<str>> = Vec::with_capacity(n);
        let mut postings = Vec::with_capacity(n);
        for _ in 0..n {
            let mut word = vec![0u8; input.count(1)?];
            input.bytes(&mut word)?;
            let word = String::from_utf8(word).map_err(|_| invalid("a word not in UTF-8"))?;
            let mut list = vec![0u8; input.count(1)?];
            input.bytes(&mut list)?;
            if words.last().is_some_and(|w| **w >= *word) || !valid_quote_list(&list, quotes) {
                return Err(invalid("words out of order, or a list of quotes malformed"));
            }
            words.push(word.into_boxed_str());
            postings.push(list.into_boxed_slice());
        }
        Ok(WordIndex {
            words,
            postings,
            quotes,
        })
    }
}

/// The words of `text` as the index keeps them: runs of letters and
/// digits, lowercased, accents taken off.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text).map(|w| {
        let mut word = String::new();
        index_form(w, &mut word);
        word
    })
}

/// The runs of letters and digits of `text`, as written.
fn raw_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !crate::text::is_alnum(c))
        .filter(|w| !w.is_empty())
}

/// A run of letters and digits as the index keeps it, written into `out`
/// (which is cleared first): lowercased, accents taken off.
fn index_form(w: &str, out: &mut String) {
    out.clear();
    push_index_form(w, out);
}

/// [`index_form`] added to the end of `out`. An ASCII word is lowered
/// where it lands, as every lowercasing lowers it.
fn push_index_form(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&fold(w).to_lowercase());
    }
}

/// The words of a query, each once.
pub fn query_words(query: &str) -> Vec<String> {
    let mut prefixes: Vec<String> = words(query).collect();
    prefixes.sort();
    prefixes.dedup();
    prefixes
}

/// Whether every one of `prefixes` ([`query_words`]) begins a word of
/// `text`: the index's answer for one quote, for when there is no index.
pub fn matches(text: &str, prefixes: &[String]) -> bool {
    if prefixes.is_empty() {
        return false;
    }
    if prefixes.len() > 64 {
        return prefixes.iter().all(|p| matches(text, std::slice::from_ref(p)));
    }
    // Each word formed in one buffer, and the prefixes it begins marked
    // off, until none is left: a list of the quote's words, made for
    // every quote, was most of a scan's time (650 ms for a million).
    let all = u64::MAX >> (64 - prefixes.len());
    // The prefixes' first letters, when all are ASCII: a word that starts
    // with another ASCII letter begins none of them (folding keeps an
    // ASCII letter, lowercased), and is not formed at all.
    let firsts = prefixes.iter().try_fold(0u128, |set, p| {
        let b = *p.as_bytes().first()?;
        b.is_ascii().then(|| set | 1 << b)
    });
    let mut found = 0u64;
    let mut word = String::new();
    for w in raw_words(text) {
        if let (Some(firsts), Some(&b)) = (firsts, w.as_bytes().first()) {
            if b.is_ascii() && firsts & 1 << b.to_ascii_lowercase() == 0 {
                continue;
            }
        }
        index_form(w, &mut word);
        for (i, p) in prefixes.iter().enumerate() {
            if word.starts_with(p.as_str()) {
                found |= 1 << i;
            }
        }
        if found == all {
            return true;
        }
    }
    false
}

/// The quotes of `corpus` (ascending) whose words `query` finds, each one
/// looked at: [`WordIndex::find`] for while there is no index.
pub fn scan(corpus: &Corpus, query: &str) -> Vec<QuoteId> {
    let prefixes = query_words(query);
    if prefixes.is_empty() {
        return Vec::new();
    }
    corpus
        .quote_runs(CHUNK)
        .into_par_iter()
        .flat_map_iter(|run| {
            let mut found = Vec::new();
            corpus.with_quote_texts(run, |q, quote, text| {
                if matches(quote.span.of(text), &prefixes) {
                    found.push(q);
                }
            });
            found
        })
        .collect()
}

/// A [`WordIndex`] made one quote at a time, in quote order: from each
/// quote's text ([`WordIndexBuilder::add`]), or from its words formed
/// where its article was read ([`QuoteWords`]; the reader's load).
#[derive(Debug, Default)]
pub struct WordIndexBuilder {
    lists: FxHashMap<String, QuoteList>,
    /// The quote [`WordIndexBuilder::add`] (or [`WordIndexBuilder::add_formed`])
    /// indexes next.
    next: u32,
    /// Each word is formed here and copied only when new: a string per
    /// word was most of building the index.
    word: String,
}

impl WordIndexBuilder {
    /// A builder whose first quote is quote `first`.
    fn starting_at(first: usize) -> WordIndexBuilder {
        WordIndexBuilder {
            next: first as u32,
            ..WordIndexBuilder::default()
        }
    }

    /// Indexes the next quote, whose words are `text`.
    pub fn add(&mut self, text: &str) {
        let mut word = std::mem::take(&mut self.word);
        for w in raw_words(text) {
            index_form(w, &mut word);
            self.list_word(&word);
        }
        self.word = word;
        self.next += 1;
    }

    /// Indexes the next quotes, those of `words`.
    pub fn add_formed(&mut self, words: &QuoteWords) {
        let first = self.next;
        for quote in words.quotes() {
            quote
                .split(' ')
                .filter(|w| !w.is_empty())
                .for_each(|w| self.list_word(w));
            self.next += 1;
        }
        // A formed word holds no line break: a line a quote.
        debug_assert_eq!((self.next - first) as usize, words.len());
    }

    /// Lists the quote being indexed under `word`, in its index form.
    fn list_word(&mut self, word: &str) {
        match self.lists.get_mut(word) {
            Some(list) => list.push(self.next),
            None => {
                let mut list = QuoteList::default();
                list.push(self.next);
                self.lists.insert(word.to_string(), list);
            }
        }
    }

    /// How many quotes it has indexed.
    pub fn len(&self) -> usize {
        self.next as usize
    }

    pub fn is_empty(&self) -> bool {
        self.next == 0
    }

    /// The index of the quotes added.
    pub fn finish(self) -> WordIndex {
        WordIndex::of_lists(self.lists, self.next as usize)
    }
}

/// The words the index keeps of each quote of one article, formed (folded,
/// lowercased) where the article is read, on every core, and indexed in
/// quote order afterwards ([`WordIndexBuilder::add_formed`]): the reader
/// then indexes the quotes while it reads, not by unpacking every text
/// again once read (most of a 100k load's last second; perf).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuoteWords {
    /// Each quote's words, a space between two, a line a quote.
    text: String,
    quotes: usize,
}

impl QuoteWords {
    /// Adds the next quote, whose words are `text`.
    pub fn push(&mut self, text: &str) {
        for (i, w) in raw_words(text).enumerate() {
            if i > 0 {
                self.text.push(' ');
            }
            push_index_form(w, &mut self.text);
        }
        self.text.push('\n');
        self.quotes += 1;
    }

    /// How many quotes it holds.
    pub fn len(&self) -> usize {
        self.quotes
    }

    pub fn is_empty(&self) -> bool {
        self.quotes == 0
    }

    /// Each quote's words, a space between two.
    fn quotes(&self) -> impl Iterator<Item = &str> + '_ {
        self.text.split_terminator('\n')
    }
}

/// Quotes whose words are found on one core at a time while building.
const CHUNK: usize = 16_384;

impl WordIndex {
    /// Indexes `texts`, quote `i` being `texts[i]`.
    pub fn build<T: AsRef<str> + Sync>(texts: &[T]) -> WordIndex {
        Self::build_with(texts.len(), |run, each| {
            texts[run].iter().for_each(|t| each(t.as_ref()))
        })
    }

    /// Indexes every quote of `corpus`.
    pub fn of_quotes(corpus: &Corpus) -> WordIndex {
        Self::build_with(corpus.quotes.len(), |run, each| {
            corpus.with_quote_texts(run, |_, q, text| each(q.span.of(text)))
        })
    }

    /// Indexes `quotes` quotes, whose words `texts(run, each)` gives
    /// to `each` for a run of them, in order.
    fn build_with(quotes: usize, texts: impl Fn(Range<usize>, &mut dyn FnMut(&str)) + Sync) -> WordIndex {
        // Each chunk's words in parallel, merged in quote order so that
        // every list comes out ascending.
        let parts: Vec<WordIndexBuilder> = crate::model::runs(quotes, CHUNK)
            .into_par_iter()
            .map(|run| {
                let mut part = WordIndexBuilder::starting_at(run.start);
                texts(run, &mut |t| part.add(t));
                part
            })
            .collect();
        let mut all: FxHashMap<String, QuoteList> = FxHashMap::default();
        for part in parts {
            for (w, list) in part.lists {
                all.entry(w).or_default().append(list);
            }
        }
        WordIndex::of_lists(all, quotes)
    }

    /// The index whose quotes use the words of `lists` (each list
    /// ascending), of `quotes` quotes.
    fn of_lists(lists: FxHashMap<String, QuoteList>, quotes: usize) -> WordIndex {
        let mut entries: Vec<(String, QuoteList)> = lists.into_iter().collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries
            .into_iter()
            .map(|(w, list)| (w.into_boxed_str(), list.bytes.into_boxed_slice()))
            .unzip();
        WordIndex {
            words,
            postings,
            quotes,
        }
    }

    /// How many quotes it indexes.
    pub fn len(&self) -> usize {
        self.quotes
    }

    pub fn is_empty(&self) -> bool {
        self.quotes == 0
    }

    /// The quotes (ascending) where every word of `query` begins a word.
    /// A query without words finds nothing.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let prefixes = query_words(query);
        if prefixes.is_empty() || self.quotes == 0 {
            return Vec::new();
        }
        // One bit per quote, for each prefix in turn: the union of its
        // words' lists, and-ed into what the prefixes before left.
        let blocks = self.quotes.div_ceil(64);
        let mut found: Option<Vec<u64>> = None;
        for p in &prefixes {
            let from = self.words.partition_point(|w| **w < **p);
            let to = from + self.words[from..].partition_point(|w| w.starts_with(p.as_str()));
            if from == to {
                return Vec::new();
            }
            let mut bits = vec![0u64; blocks];
            for list in &self.postings[from..to] {
                each_quote(list, |q| bits[q as usize / 64] |= 1 << (q % 64));
            }
            found = Some(match found {
                None => bits,
                Some(mut f) => {
                    f.iter_mut().zip(&bits).for_each(|(a, b)| *a &= b);
                    f
                }
            });
        }
        let mut out = Vec::new();
        for (i, &block) in found.unwrap_or_default().iter().enumerate() {
            let mut b = block;
            while b != 0 {
                out.push(i * 64 + b.trailing_zeros() as usize);
                b &= b - 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_begin_quote_words_in_any_order() {
        let quotes = [
            "Water prices will not rise, the minister said.",
            "We will never raise the price of water.",
            "Várkonyi: “Prices are a matter for the council.”",
            "",
        ];
        let index = WordIndex::build(&quotes);
        assert_eq!(index.find("water pri"), vec![0, 1]);
        assert_eq!(index.find("PRICES"), vec![0, 2]);
        assert_eq!(index.find("varkonyi"), vec![2]);
        assert_eq!(index.find("Várk"), vec![2]);
        assert_eq!(index.find("ater"), Vec::<usize>::new());
        assert_eq!(index.find("water zebra"), Vec::<usize>::new());
        assert_eq!(index.find("  ,. "), Vec::<usize>::new());
        assert_eq!(index.find("w"), vec![0, 1]);
        for query in ["water pri", "PRICES", "Várk", "ater", "w", ""] {
            let prefixes = query_words(query);
            let scanned: Vec<usize> = (0..quotes.len()).filter(|&q| matches(quotes[q], &prefixes)).collect();
            assert_eq!(scanned, index.find(query), "{query}");
        }
    }

    #[test]
    fn an_index_made_a_quote_at_a_time_is_the_one_made_at_once() {
        let quotes = [
            "Water, water: prices!",
            "",
            "Várkonyi said water",
            "prices PRICES Prices",
            "water",
        ];
        let mut builder = WordIndexBuilder::default();
        quotes.iter().for_each(|q| builder.add(q));
        let index = builder.finish();
        assert_eq!(index, WordIndex::build(&quotes));
        assert_eq!(index.len(), quotes.len());
        assert_eq!(index.find("water"), vec![0, 2, 4]);
        assert_eq!(index.find("prices"), vec![0, 3]);
    }

    /// Words formed where each article is read, indexed afterwards,
    /// make the index the quotes' texts make.
    #[test]
    fn an_index_of_words_formed_apart_is_the_one_made_from_the_texts() {
        let articles = [
            vec!["Water, water: prices!", ""],
            vec!["Várkonyi said ÉLAN", "prices PRICES Prices"],
            vec![],
            vec!["water 25,000"],
        ];
        let mut builder = WordIndexBuilder::default();
        for quotes in &articles {
            let mut words = QuoteWords::default();
            quotes.iter().for_each(|q| words.push(q));
            assert_eq!(words.len(), quotes.len());
            builder.add_formed(&words);
        }
        let texts: Vec<&str> = articles.concat();
        assert_eq!(builder.len(), texts.len());
        let index = builder.finish();
        assert_eq!(index, WordIndex::build(&texts));
        assert_eq!(index.find("elan"), vec![2]);
        assert_eq!(index.find("000"), vec![4]);
    }

    /// Lists held as gaps read back as the quotes listed, also when joined
    /// from parts (as the parallel build joins them); a list the index
    /// could not trust is told apart.
    #[test]
    fn quote_lists_held_as_gaps_read_back_whole() {
        let quotes = [0u32, 1, 2, 127, 128, 300, 16_384, 2_000_000, u32::MAX - 1];
        let mut list = QuoteList::default();
        for &q in &quotes {
            list.push(q);
            list.push(q);
        }
        assert_eq!(quotes_of(&list.bytes), quotes);
        assert!(valid_quote_list(&list.bytes, u32::MAX as usize));
        assert!(
            !valid_quote_list(&list.bytes, (u32::MAX - 1) as usize),
            "a quote past the end"
        );
        let (mut first, mut second) = (QuoteList::default(), QuoteList::default());
        quotes[..4].iter().for_each(|&q| first.push(q));
        quotes[4..].iter().for_each(|&q| second.push(q));
        first.append(second);
        first.append(QuoteList::default());
        assert_eq!(first.bytes, list.bytes);
        assert!(
            !valid_quote_list(&list.bytes[..list.bytes.len() - 1], usize::MAX),
            "cut short"
        );
        assert!(!valid_quote_list(&[5, 0], 10), "a quote twice");
        assert!(
            !valid_quote_list(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], usize::MAX),
            "six bytes"
        );
        assert!(!valid_quote_list(&[0x85, 0x00], 10), "five in two bytes");
        assert!(
            !valid_quote_list(&[0xff, 0xff, 0xff, 0xff, 0x1f], usize::MAX),
            "past 32 bits"
        );
        assert!(!valid_quote_list(&[], 10), "no quote");
        assert!(valid_quote_list(&[5, 1], 7));
    }

    #[test]
    fn a_quote_matches_when_each_query_word_begins_one_of_its_words() {
        // As the list of the quote's words said, for a list too.
        let listed = |text: &str, prefixes: &[String]| {
            let words: Vec<String> = words(text).collect();
            !prefixes.is_empty() && prefixes.iter().all(|p| words.iter().any(|w| w.starts_with(p.as_str())))
        };
        let texts = [
            "Water prices will not rise, the minister said.",
            "Várkonyi: “Prices are a matter for the council.”",
            "a b",
            "Élan vital, über alles; 2026 Ærø",
            "",
        ];
        let many: String = (0..70).map(|i| format!("w{i} ")).collect();
        for query in [
            "water pri",
            "prices prices",
            "var the",
            "b a",
            "a b c",
            "rise zzz",
            "ela vit",
            "uber 20",
            "ærø",
            "",
            many.as_str(),
        ] {
            let prefixes = query_words(query);
            for text in texts.iter().copied().chain([many.as_str()]) {
                assert_eq!(
                    matches(text, &prefixes),
                    listed(text, &prefixes),
                    "{query:?} in {text:?}"
                );
            }
        }
        assert!(matches(&many, &query_words(&many)), "70 words, past one mask");
        assert!(!matches("w1 w2", &query_words(&many)));
    }

    #[test]
    fn a_word_said_twice_lists_its_quote_once() {
        let quotes = ["Water, water everywhere.", "WATER and Wáter", "no"];
        let index = WordIndex::build(&quotes);
        assert_eq!(index.find("water"), vec![0, 1]);
        let listed: usize = index.postings.iter().map(|p| quotes_of(p).len()).sum();
        assert_eq!(listed, 5);
    }

    #[test]
    fn quotes_past_one_block_of_bits() {
        let quotes: Vec<String> = (0..200).map(|i| format!("quote number {i}")).collect();
        let index = WordIndex::build(&quotes);
        assert_eq!(
            index.find("number 19"),
            vec![19, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199]
        );
        assert_eq!(index.find("quote").len(), 200);
    }

    /// Quotes in every chunk of the build (their words found in parallel)
    /// are found, each as its own number.
    #[test]
    fn quotes_in_every_chunk_of_the_build_are_found() {
        let n = 4 * CHUNK + CHUNK / 4;
        let quotes: Vec<String> = (0..n)
            .map(|i| format!("{} {}", if i % 7 == 0 { "seventh" } else { "other" }, i % 1000))
            .collect();
        let index = WordIndex::build(&quotes);
        let sevenths: Vec<usize> = (0..n).step_by(7).collect();
        assert_eq!(index.find("seventh"), sevenths);
        // As the index-less answer finds them.
        for query in ["42", "seventh 42", "oth 99"] {
            let words = query_words(query);
            let expected: Vec<usize> = (0..n).filter(|&i| matches(&quotes[i], &words)).collect();
            assert!(expected.len() > 10, "{query}");
            assert_eq!(index.find(query), expected, "{query}");
        }
    }
}
