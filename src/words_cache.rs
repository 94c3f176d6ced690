//! The reader's cache of what relating makes from the quotes' words: their
//! term vectors and the search index. Made from every quote's text, each
//! article unpacked again, they were 30% of the CPU of opening a 100k
//! folder again from the cache of read articles (perf); when the texts and
//! quotes are those they were made from, they are read back instead.
//!
//! One file beside each cache of read articles ([`crate::cache`]), for the
//! corpus its paths last loaded: its header names this build and holds a
//! fingerprint of all the vectors and the index are made from (each
//! article's text as held, each quote's article, place and kind, in
//! order). A file of another build or corpus, or damaged (a checksum
//! covers it), is not used, and is written again; it is never an error.
//!
//! Layout: the magic line, the build's name, the fingerprint, the vectors
//! ([`Wordings`]), the index ([`WordIndex`]), then the checksum of all
//! before it. Counts are u64 and numbers u32 or f32, little-endian; the
//! index's lists of quotes are bytes, as it holds them (LEB128 gaps).

use crate::cache::build_name;
use crate::model::Corpus;
use crate::relate::terms::Wordings;
use crate::search::WordIndex;
use rayon::prelude::*;
use std::hash::Hasher;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// The first bytes of a words file; a new layout gets a new number.
pub(crate) const MAGIC: &[u8; 16] = b"quoteline wds 2\n";

/// A hash of everything the quotes' vectors and the search index are made
/// from: each article's text as held (packed texts are not unpacked) and
/// each quote's article, span and kind, in order. Hashed on all cores, a
/// run of articles or quotes to a task.
pub fn fingerprint(corpus: &Corpus) -> u64 {
    let texts: Vec<u64> = corpus
        .articles
        .par_chunks(1024)
        .map(|articles| {
            let mut h = rustc_hash::FxHasher::default();
            articles.iter().for_each(|a| a.text.hash_held(&mut h));
            h.finish()
        })
        .collect();
    let quotes: Vec<u64> = corpus
        .quotes
        .par_chunks(1 << 16)
        .map(|quotes| {
            let mut h = rustc_hash::FxHasher::default();
            for q in quotes {
                h.write_usize(q.article);
                h.write_usize(q.span.start());
                h.write_usize(q.span.end());
                h.write_u8(q.kind as u8);
            }
            h.finish()
        })
        .collect();
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(corpus.articles.len());
    h.write_usize(corpus.quotes.len());
    texts.iter().chain(&quotes).for_each(|&x| h.write_u64(x));
    h.finish()
}

/// The words file of the cache of read articles at `cache_file`.
pub fn beside(cache_file: &Path) -> PathBuf {
    cache_file.with_extension("words")
}

/// The vectors and index in the words file at `path`, when it was written
/// for this build and a corpus of this `fingerprint` with `quotes` quotes,
/// and reads back whole and intact; else `None`.
pub fn read(path: &Path, fingerprint: u64, quotes: usize) -> Option<(Wordings, WordIndex)> {
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    let mut input = Input {
        from: BufReader::with_capacity(1 << 16, file),
        left: size,
        crc: crc32fast::Hasher::new(),
    };
    let mut magic = [0u8; 16];
    input.bytes(&mut magic).ok()?;
    let build_len = input.count(1).ok()?;
    let mut built_by = vec![0u8; build_len];
    input.bytes(&mut built_by).ok()?;
    if &magic != MAGIC || built_by != build_name().as_bytes() || input.u64().ok()? != fingerprint {
        return None;
    }
    let vectors = Wordings::read_from(&mut input).ok()?;
    let index = WordIndex::read_from(&mut input).ok()?;
    let sum = input.crc.clone().finalize();
    let mut stored = [0u8; 4];
    input.from.read_exact(&mut stored).ok()?;
    let whole = u32::from_le_bytes(stored) == sum && input.left == 4;
    (whole && vectors.len() == quotes && index.len() == quotes).then_some((vectors, index))
}

/// Writes `vectors` and `index`, made from a corpus of this `fingerprint`,
/// to the words file at `path` (beside it first, then renamed over it).
pub fn write(path: &Path, fingerprint: u64, vectors: &Wordings, index: &WordIndex) -> io::Result<()> {
    let (file, tmp) = crate::cache::new_file_beside(path, "words-")?;
    let written = (|| {
        let mut out = Output {
            to: BufWriter::with_capacity(1 << 16, file),
            crc: crc32fast::Hasher::new(),
            numbers: Vec::with_capacity(1 << 14),
        };
        // On disk at once: a writer that dies leaves a file pruning knows.
        out.bytes(MAGIC)?;
        out.to.flush()?;
        let build = build_name();
        out.count(build.len())?;
        out.bytes(build.as_bytes())?;
        out.u64(fingerprint)?;
        vectors.write_to(&mut out)?;
        index.write_to(&mut out)?;
        let sum = out.crc.clone().finalize();
        out.to.write_all(&sum.to_le_bytes())?;
        out.to.flush()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Where a words file is written, checksummed as it goes.
pub(crate) struct Output {
    to: BufWriter<std::fs::File>,
    crc: crc32fast::Hasher,
    /// Numbers on their way out, a buffer at a time.
    numbers: Vec<u8>,
}

impl Output {
    pub(crate) fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.crc.update(b);
        self.to.write_all(b)
    }

    pub(crate) fn u64(&mut self, n: u64) -> io::Result<()> {
        self.bytes(&n.to_le_bytes())
    }

    pub(crate) fn count(&mut self, n: usize) -> io::Result<()> {
        self.u64(n as u64)
    }

    /// Numbers, a buffer of them at a time.
    pub(crate) fn u32s(&mut self, numbers: impl IntoIterator<Item = u32>) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.numbers);
        buf.clear();
        let mut written = Ok(());
        for n in numbers {
            buf.extend_from_slice(&n.to_le_bytes());
            if buf.len() >= 1 << 14 {
                written = written.and_then(|()| self.bytes(&buf));
                buf.clear();
            }
        }
        written = written.and_then(|()| self.bytes(&buf));
        self.numbers = buf;
        written
    }
}

/// Where a words file is read from, checksummed as it goes; `left` bytes
/// remain, which bounds every count read (a damaged count cannot ask for
/// more memory than the file could fill).
pub(crate) struct Input {
    from: BufReader<std::fs::File>,
    left: u64,
    crc: crc32fast::Hasher,
}

impl Input {
    pub(crate) fn bytes(&mut self, out: &mut [u8]) -> io::Result<()> {
        if out.len() as u64 > self.left {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        self.from.read_exact(out)?;
        self.left -= out.len() as u64;
        self.crc.update(out);
        Ok(())
    }

    pub(crate) fn u64(&mut self) -> io::Result<u64> {
        let mut b = [0u8; 8];
        self.bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// A count of things of at least `each` bytes each, which the rest of
    /// the file must hold.
    pub(crate) fn count(&mut self, each: u64) -> io::Result<usize> {
        let n = self.u64()?;
        if n.saturating_mul(each.max(1)) > self.left {
            return Err(invalid("a count past the file's end"));
        }
        Ok(n as usize)
    }

    /// `n` numbers, appended to `out`, a buffer of them at a time.
    pub(crate) fn u32s(&mut self, n: usize, out: &mut Vec<u32>) -> io::Result<()> {
        if (n as u64).saturating_mul(4) > self.left {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        out.reserve(n);
        let mut buf = [0u8; 1 << 14];
        let mut left = n;
        while left > 0 {
            let take = left.min(buf.len() / 4);
            let bytes = &mut buf[..take * 4];
            self.bytes(bytes)?;
            out.extend(
                bytes
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes(b.try_into().expect("four bytes"))),
            );
            left -= take;
        }
        Ok(())
    }
}

/// An invalid file's error.
pub(crate) fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo corpus as the command line loads it, its quotes' vectors
    /// and their search index.
    fn demo() -> (Corpus, Wordings, WordIndex) {
        let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::load_corpus(&[assets], &Default::default());
        let vectors = crate::relate::quote_vectors(&corpus);
        let index = WordIndex::of_quotes(&corpus);
        (corpus, vectors, index)
    }

    #[test]
    fn the_words_read_back_are_those_written_for_that_corpus_only() {
        let (corpus, vectors, index) = demo();
        assert!(vectors.len() > 100 && !index.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let file = beside(&dir.path().join("0000000000000001.cache"));
        let fingerprint = fingerprint(&corpus);
        write(&file, fingerprint, &vectors, &index).unwrap();
        let (v, i) = read(&file, fingerprint, corpus.quotes.len()).expect("read back");
        assert!(v == vectors && i == index);
        assert!(
            read(&file, fingerprint ^ 1, corpus.quotes.len()).is_none(),
            "another corpus"
        );
        assert!(
            read(&file, fingerprint, corpus.quotes.len() + 1).is_none(),
            "another number of quotes"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, [file.file_name().unwrap()], "nothing else left in the folder");
    }

    #[test]
    fn a_corpus_changed_in_any_text_or_quote_has_another_fingerprint() {
        let (corpus, _, _) = demo();
        let before = fingerprint(&corpus);
        assert_eq!(fingerprint(&corpus.clone()), before);
        let mut text = corpus.clone();
        let a = text.quotes[0].article;
        let changed = text.articles[a].text.get().replacen(' ', "  ", 1);
        text.articles[a].text = crate::model::Text::from(changed);
        assert_ne!(fingerprint(&text), before);
        let mut kind = corpus.clone();
        kind.quotes[3].kind = match kind.quotes[3].kind {
            crate::model::QuoteKind::Term => crate::model::QuoteKind::Full,
            _ => crate::model::QuoteKind::Term,
        };
        assert_ne!(fingerprint(&kind), before);
        let mut fewer = corpus.clone();
        fewer.quotes.pop();
        assert_ne!(fingerprint(&fewer), before);
        let mut span = corpus.clone();
        let s = span.quotes[0].span;
        span.quotes[0].span = crate::model::Span::new(s.start() + 1, s.end()).into();
        assert_ne!(fingerprint(&span), before);
        let mut article = corpus.clone();
        article.quotes[0].article += 1;
        assert_ne!(fingerprint(&article), before);
    }

    #[test]
    fn a_damaged_or_foreign_words_file_is_not_used_and_does_not_panic() {
        let (corpus, vectors, index) = demo();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("0000000000000001.words");
        let fingerprint = fingerprint(&corpus);
        write(&file, fingerprint, &vectors, &index).unwrap();
        let whole = std::fs::read(&file).unwrap();
        let n = corpus.quotes.len();
        // Every byte flipped in turn, over a stretch of the header and of
        // the vectors, and a few further on; every length cut short.
        let flips = (0..200).chain((200..whole.len()).step_by(997));
        for at in flips {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x41;
            std::fs::write(&file, &damaged).unwrap();
            assert!(read(&file, fingerprint, n).is_none(), "byte {at} flipped");
        }
        for len in (0..whole.len()).step_by(4099) {
            std::fs::write(&file, &whole[..len]).unwrap();
            assert!(read(&file, fingerprint, n).is_none(), "cut at {len}");
        }
        // Damaged with its checksum made again (as a file of a foreign
        // writer could be): refused, or words that relate and search.
        let mut checked = 0;
        for at in (40..whole.len() - 4).step_by(whole.len() / 150) {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x41;
            let (body, sum) = damaged.split_at_mut(whole.len() - 4);
            sum.copy_from_slice(&crc32fast::hash(body).to_le_bytes());
            std::fs::write(&file, &damaged).unwrap();
            if let Some((vectors, index)) = read(&file, fingerprint, n) {
                crate::relate::compute_with(&corpus, None, Some(vectors));
                for q in 0..n {
                    let words: Vec<String> = crate::search::words(&corpus.quote_text(&corpus.quotes[q])).collect();
                    index.find(&words.join(" "));
                }
                checked += 1;
            }
        }
        assert!(checked > 0, "some damage only changes weights or words");
        // A key past any vocabulary's numbering, still in order in its run
        // (statements would size a table by it): refused.
        let first_run = vectors.get(0).terms.len();
        let runs_in_first_buffer = vectors.len().min(4096);
        let items_at = 16 + 8 + build_name().len() + 8 + 8 + 4 * vectors.len() + 8 + 8 + 4 * runs_in_first_buffer + 8;
        let last_key = items_at + 8 * (first_run - 1);
        let mut crafted = whole.clone();
        crafted[last_key..last_key + 4].copy_from_slice(&0x7fff_fffcu32.to_le_bytes());
        let (body, sum) = crafted.split_at_mut(whole.len() - 4);
        sum.copy_from_slice(&crc32fast::hash(body).to_le_bytes());
        std::fs::write(&file, &crafted).unwrap();
        assert!(read(&file, fingerprint, n).is_none(), "a key no vocabulary numbers");
        // The same file with the key as it was reads back.
        let (body, sum) = crafted.split_at_mut(whole.len() - 4);
        body[last_key..last_key + 4].copy_from_slice(&whole[last_key..last_key + 4]);
        sum.copy_from_slice(&crc32fast::hash(body).to_le_bytes());
        std::fs::write(&file, &crafted).unwrap();
        assert!(read(&file, fingerprint, n).is_some());
        std::fs::write(&file, [whole.clone(), vec![0]].concat()).unwrap();
        assert!(read(&file, fingerprint, n).is_none(), "a byte too many");
        std::fs::write(&file, b"not a words file at all").unwrap();
        assert!(read(&file, fingerprint, n).is_none());
        assert!(read(&dir.path().join("missing.words"), fingerprint, n).is_none());
    }
}
