//! Quote search from a word index: each word typed must begin a word of
//! the quote (case and accents folded, in any order), so "wat pri" finds
//! "water prices". A query costs what its words' lists of quotes cost,
//! not a pass over every quote.

use crate::model::{Corpus, QuoteId};
use crate::text::{fold, Lower};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Every folded word of the quotes, sorted, with the quotes using it.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct WordIndex {
    words: Vec<Box<str>>,
    /// For each word, the quotes using it, ascending.
    postings: Vec<Vec<u32>>,
    quotes: usize,
}

impl WordIndex {
    /// The bytes its words and lists hold (for the memory figures of
    /// `quoteline-bench`).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        let words: usize = self.words.iter().map(|w| w.len()).sum();
        let lists: usize = self.postings.iter().map(|p| p.capacity() * size_of::<u32>()).sum();
        words + lists + self.words.capacity() * size_of::<Box<str>>() + self.postings.capacity() * size_of::<Vec<u32>>()
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
            out.u32s(list.iter().copied())?;
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
            let len = input.count(4)?;
            let mut list = Vec::new();
            input.u32s(len, &mut list)?;
            let ascending = list.windows(2).all(|w| w[0] < w[1]) && list.last().is_none_or(|&q| (q as usize) < quotes);
            if words.last().is_some_and(|w| **w >= *word) || !ascending {
                return Err(invalid("words or lists out of order"));
            }
            words.push(word.into_boxed_str());
            postings.push(list);
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
    if w.is_ascii() {
        out.push_str(&Lower::of(w));
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

/// A [`WordIndex`] made one quote at a time, in quote order: for a pass
/// over the quotes' texts that has them unpacked for something else too
/// (the reader's, with the quotes' vectors: [`crate::relate::quote_vectors_seeing`]).
#[derive(Default)]
pub struct WordIndexBuilder {
    lists: FxHashMap<String, Vec<u32>>,
    /// The quote [`WordIndexBuilder::add`] indexes next.
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
        let q = self.next;
        for w in raw_words(text) {
            index_form(w, &mut self.word);
            match self.lists.get_mut(self.word.as_str()) {
                Some(list) if list.last() == Some(&q) => {}
                Some(list) => list.push(q),
                None => {
                    self.lists.insert(self.word.clone(), vec![q]);
                }
            }
        }
        self.next += 1;
    }

    /// The index of the quotes added.
    pub fn finish(self) -> WordIndex {
        WordIndex::of_lists(self.lists, self.next as usize)
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
        let mut all: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for part in parts {
            for (w, list) in part.lists {
                all.entry(w).or_default().extend(list);
            }
        }
        WordIndex::of_lists(all, quotes)
    }

    /// The index whose quotes use the words of `lists` (each list
    /// ascending), of `quotes` quotes.
    fn of_lists(lists: FxHashMap<String, Vec<u32>>, quotes: usize) -> WordIndex {
        let mut entries: Vec<(String, Vec<u32>)> = lists.into_iter().collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries
            .into_iter()
            .map(|(w, mut list)| {
                list.shrink_to_fit();
                (w.into_boxed_str(), list)
            })
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
                for &q in list {
                    bits[q as usize / 64] |= 1 << (q % 64);
                }
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
        assert_eq!(index.postings.iter().map(Vec::len).sum::<usize>(), 5);
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
