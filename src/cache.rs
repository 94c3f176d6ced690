//! The reader's cache of read articles: each file's articles as cleaning
//! and extraction left them (texts packed), so that a folder opened again
//! is read from one file instead of being cleaned and extracted anew.
//!
//! One cache file per set of paths opened, under the user's cache folder
//! ([`default_dir`]). A file's articles are taken from it only while the
//! file has the size, times and inode it had ([`Stamp`]), and the whole
//! cache only for the same build of quoteline (`build.rs`) and the same
//! load options. Unix only.
//! Anything wrong with it (missing, from another build, damaged) means the
//! files are read afresh and the cache written again: it is never an
//! error, and it holds nothing that is not in the files.
//!
//! Layout: a line naming the format, the key (build and options), each
//! file's record (postcard, [`FileRecord`]), then the [`Tail`] (where each
//! file's record is, and the stems its terms are numbered by), its offset,
//! length and checksum in the last 20 bytes.

use crate::extract::{FirstPass, TermsWanted};
use crate::load::LoadOptions;
use crate::model::{Article, Diagnostic};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The first bytes of a cache file; a new layout gets a new number.
const MAGIC: &[u8; 16] = b"quoteline cac 1\n";

/// Cache files kept in the folder: the sets of paths opened most recently.
const KEEP: usize = 4;

/// The folder caches go to: `$QUOTELINE_CACHE`, else the user's cache
/// folder (`~/.cache/quoteline` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    match std::env::var_os("QUOTELINE_CACHE") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::cache_dir().map(|d| d.join("quoteline")),
    }
}

/// What a file was when its record was written: a record is used only
/// for a file still the same. With the inode and the change time, a file
/// put in place with its old time kept (`cp -p`, an archive unpacked) is
/// not taken for the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (0 if before or unknown;
    /// 64 bits reach 2554).
    pub modified: u64,
    pub inode: u64,
    /// Status change time, nanoseconds since 1970.
    pub changed: i64,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ino(),
                meta.ctime()
                    .saturating_mul(1_000_000_000)
                    .saturating_add(meta.ctime_nsec()),
            )
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, 0);
        Stamp {
            size: meta.len(),
            modified: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)),
            inode,
            changed,
        }
    }

    /// Whether the file was last changed long enough before `stamped_at`
    /// (a moment before its stamp was taken) that any later change gives
    /// it another stamp. A file changed in the same tick of the file
    /// system's clock as it was read, and rewritten in that tick with its
    /// size kept, keeps its stamp ("racily clean", as git calls it): its
    /// record is not kept, and the next load reads it afresh. The change
    /// time tells, which every change sets from the system's clock (the
    /// modification time can be set to anything, `touch -d`); the tick is
    /// a few milliseconds on Linux's file systems, two seconds where the
    /// times are whole seconds. A change time ahead of the clock (a network
    /// share's server) never settles: such files are read afresh each time.
    pub fn settled(&self, stamped_at: SystemTime) -> bool {
        const SECOND: u64 = 1_000_000_000;
        let changed = u64::try_from(self.changed).unwrap_or(0);
        let tick = if changed.is_multiple_of(SECOND) {
            2 * SECOND
        } else {
            SECOND / 50
        };
        let now = stamped_at
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        changed.saturating_add(tick) <= now
    }
}

/// Where one file's record is, as the tail lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    file: String,
    held: Held,
}

/// What the cache knows of a file, as held while loading: by the hash of
/// its name ([`name_key`]), without the name (at 100k files the names
/// were 10 MB of the load's peak).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Held {
    stamp: Stamp,
    /// The file gave an error then (unreadable, not an article, malformed)
    /// or its record could not be made: it has none and is read again at
    /// every load (the reason may have gone: a permission changed), but
    /// it does not make the cache be written again.
    failed: bool,
    offset: u64,
    len: u64,
    crc: u32,
}

/// The end of a cache file.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Tail {
    entries: Vec<Entry>,
    /// The stems its terms are numbered by ([`crate::relate::terms::numbered_stems`]).
    stems: Vec<String>,
}

/// One article as cleaning and extraction left it: an [`Article`] before
/// it joins a corpus (no quote ids, no story), and its [`FirstPass`]
/// without the quotes' terms and search words (a load that reads every file
/// afresh keeps its own; one that takes any file from the cache has none,
/// and makes every quote's from the texts or reads them back from beside
/// it: [`crate::words_cache`]).
#[derive(Serialize, Deserialize)]
struct ArticleRecord {
    file: String,
    item: Option<String>,
    text: crate::model::Text,
    title: Option<String>,
    title_derived: bool,
    dek: Option<String>,
    outlet: Option<String>,
    byline: Option<String>,
    date: Option<chrono::NaiveDate>,
    date_source: Option<crate::model::DateSource>,
    blocks: Vec<crate::model::Block>,
    removed: Vec<crate::model::Removed>,
    given: Option<crate::load::GivenQuote>,
    quotes: Vec<crate::extract::ExtractedQuote>,
    people: Vec<crate::extract::SpeakerRef>,
    persons: Vec<crate::extract::people::Person>,
    gender_guesses: Vec<(String, crate::extract::mentions::Gender)>,
    article_terms: Option<Vec<crate::relate::terms::Term>>,
}

impl ArticleRecord {
    fn new((a, f): (Article, FirstPass)) -> ArticleRecord {
        ArticleRecord {
            file: a.file,
            item: a.item,
            text: a.text,
            title: a.title,
            title_derived: a.title_derived,
            dek: a.dek,
            outlet: a.outlet,
            byline: a.byline,
            date: a.date,
            date_source: a.date_source,
            blocks: a.blocks,
            removed: a.removed,
            given: a.given,
            quotes: f.extraction.quotes,
            people: f.extraction.people,
            persons: f.persons,
            gender_guesses: f.gender_guesses,
            article_terms: f.article_terms,
        }
    }

    fn into_parts(self) -> (Article, FirstPass) {
        let article = Article {
            file: self.file,
            item: self.item,
            text: self.text,
            title: self.title,
            title_derived: self.title_derived,
            dek: self.dek,
            outlet: self.outlet,
            byline: self.byline,
            date: self.date,
            date_source: self.date_source,
            blocks: self.blocks,
            removed: self.removed,
            quotes: Default::default(),
            story: None,
            given: self.given,
        };
        let first = FirstPass {
            extraction: crate::extract::Extraction {
                quotes: self.quotes,
                people: self.people,
            },
            persons: self.persons,
            gender_guesses: self.gender_guesses,
            article_terms: self.article_terms,
            quote_terms: None,
            quote_words: None,
        };
        (article, first)
    }

    /// Whether every span is within the text: a record that decodes but
    /// says otherwise is not used.
    fn spans_fit(&self) -> bool {
        let len = self.text.len();
        let fits = |s: crate::model::Span| s.start <= s.end && s.end <= len;
        self.blocks.iter().all(|b| fits(b.span.get()))
            && self.removed.iter().all(|r| fits(r.span.get()))
            && self
                .quotes
                .iter()
                .all(|q| fits(q.span) && q.mention.as_ref().is_none_or(|m| fits(m.span.get())))
    }
}

/// One file's record: its articles and the notes reading it gave.
#[derive(Serialize, Deserialize)]
struct FileRecord {
    articles: Vec<ArticleRecord>,
    diagnostics: Vec<Diagnostic>,
}

/// A file's articles and notes, as a load hands them on.
pub type FileRead = (Vec<(Article, FirstPass)>, Vec<Diagnostic>);

/// A cache file for one set of paths, opened to read what it holds and,
/// when anything differs, to be written again.
pub struct Cache {
    path: PathBuf,
    key: String,
    old: Option<Old>,
}

/// What a cache file held when opened.
struct Old {
    file: File,
    /// Where the records end (and the tail begins).
    records_end: u64,
    entries: HashMap<u64, Held>,
    /// This process's number for each stem the records use.
    stems: Vec<u32>,
    /// Whether those numbers are the records' own (so a record can be
    /// copied as it is into the next cache file).
    stems_same: bool,
}

impl Cache {
    /// The cache for loading `paths` under `dir`, with what it holds if it
    /// is for this build and these options. `None` when no cache can be
    /// kept: a system other than Unix. The texts it holds are packed: it is
    /// for loads that pack them ([`crate::pipeline::Texts::Packed`]). It
    /// holds no quotes' terms or search words: a load that wants them has
    /// them for the files it reads afresh, not for those taken from it.
    pub fn open(dir: &Path, paths: &[String], opts: &LoadOptions, terms: TermsWanted) -> Option<Cache> {
        // Not where records cannot be read back.
        if cfg!(not(unix)) {
            return None;
        }
        // Another build's cleaning or extraction may differ.
        let key = format!(
            "{} max_bytes={} article_terms={}",
            build_name(),
            opts.max_bytes,
            terms.article
        );
        let path = file_for(dir, paths);
        let old = read_old(&path, &key);
        Some(Cache { path, key, old })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What it knows of the file named by `key` ([`name_key`]) as `stamp`
    /// says it is now.
    fn entry(&self, key: u64, stamp: Stamp) -> Option<&Held> {
        let entry = self.old.as_ref()?.entries.get(&key)?;
        (entry.stamp == stamp).then_some(entry)
    }

    /// Whether loading `files` (with their stamps) needs the cache written
    /// again: a file not in it or changed, or one it holds that is gone.
    /// (A file whose metadata could not be read has no entry: reading it
    /// will fail too.)
    pub fn needs_writing(&self, files: &[String], stamps: &[Option<Stamp>]) -> bool {
        let held = self.old.as_ref().map_or(0, |o| o.entries.len());
        let mut seen = std::collections::HashSet::new();
        for (f, s) in files.iter().zip(stamps) {
            let Some(s) = s else { continue };
            let key = name_key(f);
            if self.entry(key, *s).is_none() {
                return true;
            }
            seen.insert(key);
        }
        held != seen.len()
    }

    /// The articles and notes of the record it holds for `file` as `stamp`
    /// says it is now, with the record's bytes: `None` if it holds none,
    /// `Some(None)` if the record is damaged or does not decode.
    pub fn read(&self, file: &str, stamp: Stamp) -> Option<Option<(FileRead, Vec<u8>)>> {
        let entry = self.entry(name_key(file), stamp).filter(|e| !e.failed)?;
        Some(self.read_record(entry))
    }

    fn read_record(&self, entry: &Held) -> Option<(FileRead, Vec<u8>)> {
        let old = self.old.as_ref()?;
        // Checked: whole, before the tail, and as written.
        if entry.offset.checked_add(entry.len)? > old.records_end {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(entry.len).ok()?];
        read_at(&old.file, &mut bytes, entry.offset).ok()?;
        if crc32fast::hash(&bytes) != entry.crc {
            return None;
        }
        let record: FileRecord = postcard::from_bytes(&bytes).ok()?;
        // Decoding makes at most a few bytes of text from each byte of
        // the file (a Windows-1252 byte is up to three in UTF-8): a record
        // saying more is not this file's, and its texts are not unpacked.
        let texts: u64 = record.articles.iter().map(|a| a.text.len() as u64).sum();
        if texts > entry.stamp.size.saturating_mul(4).saturating_add(4096) {
            return None;
        }
        let mut articles = Vec::with_capacity(record.articles.len());
        for mut a in record.articles {
            if !a.spans_fit() {
                return None;
            }
            if let Some(terms) = &mut a.article_terms {
                for t in terms.iter_mut() {
                    t.stem = *old.stems.get(t.stem as usize)?;
                }
            }
            articles.push(a.into_parts());
        }
        Some(((articles, record.diagnostics), bytes))
    }

    /// Whether a record read from it can be written into the next cache
    /// file as it is (its stems are numbered as this process numbers them).
    pub fn records_reusable(&self) -> bool {
        self.old.as_ref().is_some_and(|o| o.stems_same)
    }

    /// A writer for the next cache file (beside this one, renamed over it
    /// when finished).
    pub fn writer(&self) -> std::io::Result<Writer> {
        let (file, tmp) = new_file_beside(&self.path, "")?;
        let mut out = BufWriter::new(file);
        // On disk at once: a writer that dies leaves a file pruning knows.
        out.write_all(MAGIC)?;
        out.flush()?;
        out.write_all(&(self.key.len() as u32).to_le_bytes())?;
        out.write_all(self.key.as_bytes())?;
        Ok(Writer {
            offset: (MAGIC.len() + 4 + self.key.len()) as u64,
            out,
            tmp,
            path: self.path.clone(),
            entries: Vec::new(),
        })
    }

    /// Removes the cache file (one found damaged: the next load writes it
    /// again whole).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
    }

    /// Marks the cache file used now, when it was read and not written
    /// again: the folder keeps the caches used last ([`KEEP`]).
    pub fn touch(&self) {
        if let Some(old) = &self.old {
            let _ = old.file.set_modified(SystemTime::now());
        }
    }
}

/// One file's record, to be written: its articles and notes, which are
/// handed back as they were.
pub fn encode(read: FileRead) -> (FileRead, Option<Vec<u8>>) {
    let (articles, diagnostics) = read;
    // The quotes' terms and words stay with this load (records hold none).
    let mut quotes_own = Vec::with_capacity(articles.len());
    let record = FileRecord {
        articles: articles
            .into_iter()
            .map(|(article, mut first)| {
                quotes_own.push((first.quote_terms.take(), first.quote_words.take()));
                ArticleRecord::new((article, first))
            })
            .collect(),
        diagnostics,
    };
    let bytes = postcard::to_stdvec(&record).ok();
    let articles = record
        .articles
        .into_iter()
        .zip(quotes_own)
        .map(|(record, (terms, words))| {
            let (article, mut first) = record.into_parts();
            first.quote_terms = terms;
            first.quote_words = words;
            (article, first)
        })
        .collect();
    ((articles, record.diagnostics), bytes)
}

/// Writes the next cache file, one file's record after another.
pub struct Writer {
    out: BufWriter<File>,
    offset: u64,
    tmp: PathBuf,
    path: PathBuf,
    entries: Vec<Entry>,
}

impl Writer {
    /// Adds `file`'s record; `None` for a file that could not be read.
    pub fn add(&mut self, file: &str, stamp: Stamp, record: Option<&[u8]>) -> std::io::Result<()> {
        let bytes = record.unwrap_or_default();
        self.out.write_all(bytes)?;
        self.entries.push(Entry {
            file: file.to_string(),
            held: Held {
                stamp,
                failed: record.is_none(),
                offset: self.offset,
                len: bytes.len() as u64,
                crc: crc32fast::hash(bytes),
            },
        });
        self.offset += bytes.len() as u64;
        Ok(())
    }

    /// Writes the tail and puts the file in place of the old one; then
    /// removes the folder's least recently written caches past [`KEEP`].
    pub fn finish(mut self) -> std::io::Result<()> {
        let tail = Tail {
            entries: std::mem::take(&mut self.entries),
            stems: crate::relate::terms::numbered_stems(),
        };
        let bytes = postcard::to_stdvec(&tail).map_err(std::io::Error::other)?;
        self.out.write_all(&bytes)?;
        self.out.write_all(&self.offset.to_le_bytes())?;
        self.out.write_all(&(bytes.len() as u64).to_le_bytes())?;
        self.out.write_all(&crc32fast::hash(&bytes).to_le_bytes())?;
        self.out.flush()?;
        std::fs::rename(&self.tmp, &self.path)?;
        if let Some(dir) = self.path.parent() {
            prune(dir);
        }
        Ok(())
    }
}

impl Drop for Writer {
    /// A writer dropped unfinished leaves no partial file.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// The cache file's old content, if it is for this key and whole.
fn read_old(path: &Path, key: &str) -> Option<Old> {
    let mut file = File::open(path).ok()?;
    let mut head = vec![0; MAGIC.len() + 4];
    file.read_exact(&mut head).ok()?;
    if &head[..MAGIC.len()] != MAGIC {
        return None;
    }
    let key_len = u32::from_le_bytes(head[MAGIC.len()..].try_into().ok()?) as usize;
    if key_len != key.len() {
        return None;
    }
    let mut stored_key = vec![0; key_len];
    file.read_exact(&mut stored_key).ok()?;
    if stored_key != key.as_bytes() {
        return None;
    }
    let end = file.seek(SeekFrom::End(0)).ok()?;
    let mut footer = [0u8; 20];
    read_at(&file, &mut footer, end.checked_sub(20)?).ok()?;
    let offset = u64::from_le_bytes(footer[..8].try_into().ok()?);
    let len = u64::from_le_bytes(footer[8..16].try_into().ok()?);
    let crc = u32::from_le_bytes(footer[16..].try_into().ok()?);
    if offset.checked_add(len)? != end - 20 {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    read_at(&file, &mut bytes, offset).ok()?;
    if crc32fast::hash(&bytes) != crc {
        return None;
    }
    let tail: Tail = postcard::from_bytes(&bytes).ok()?;
    let stems = crate::relate::terms::number_stems(&tail.stems);
    let stems_same = stems.iter().enumerate().all(|(i, &n)| n as usize == i);
    let entries = tail.entries.into_iter().map(|e| (name_key(&e.file), e.held)).collect();
    Some(Old {
        file,
        records_end: offset,
        entries,
        stems,
        stems_same,
    })
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::Error::other("the cache is read on Unix only"))
}

/// The key a file's name is held by: 64 bits of its hash. Two names of
/// one hash among a corpus's files are unlikely (about 1 in 10^9 at a
/// million files), and even then a record is used only for a file of its
/// inode, size and times.
fn name_key(file: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(file.as_bytes());
    h.finish()
}

/// This build, as the files of the reader's caches name it (build.rs: its
/// source, compiler and profile): another's files are not used.
pub(crate) fn build_name() -> String {
    format!(
        "{} build={} debug={}",
        env!("CARGO_PKG_VERSION"),
        env!("QUOTELINE_SOURCE_HASH"),
        cfg!(debug_assertions)
    )
}

/// A new file to write `path` through, renamed over it once written: in
/// its folder (made if need be), readable by the user alone (the user's
/// articles), under a name of its own, `STEM.{kind}PID-N.tmp`, which
/// pruning knows: two writers never share one, nor follow a link left
/// there.
pub(crate) fn new_file_beside(path: &Path, kind: &str) -> std::io::Result<(File, PathBuf)> {
    let mut folder = std::fs::DirBuilder::new();
    folder.recursive(true);
    let mut options = File::options();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        folder.mode(0o700);
        options.mode(0o600);
    }
    if let Some(dir) = path.parent() {
        folder.create(dir)?;
    }
    static WRITERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("{kind}{}-{n}.tmp", std::process::id()));
    Ok((options.open(&tmp)?, tmp))
}

/// The cache file for loading `paths` under `dir` (its words file is
/// beside it: [`crate::words_cache::beside`]).
pub fn file_for(dir: &Path, paths: &[String]) -> PathBuf {
    dir.join(format!("{:016x}.cache", hash_of_paths(paths)))
}

/// A stable hash of the paths as opened (made absolute where they exist).
fn hash_of_paths(paths: &[String]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for p in paths {
        let full = std::fs::canonicalize(p).unwrap_or_else(|_| PathBuf::from(p));
        h.write(full.as_os_str().as_encoded_bytes());
        h.write_u8(0);
    }
    h.finish()
}

/// Whether `s` is "PID-N", as writers name the files they write before
/// renaming them.
fn names_a_writer(s: &str) -> bool {
    s.split_once('-').is_some_and(|(pid, n)| {
        [pid, n]
            .iter()
            .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Whether the file begins with `magic`.
fn begins_with(path: &Path, magic: &[u8; 16]) -> bool {
    let mut head = [0u8; 16];
    File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == magic
}

/// Keeps the [`KEEP`] most recently written caches in `dir` and the words
/// files of those ([`crate::words_cache`]), and removes unfinished ones
/// over an hour old (a writer that did not finish). Only files named as
/// these modules name them and beginning as their files do are touched
/// (the folder may be the user's own, `$QUOTELINE_CACHE`).
fn prune(dir: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else { return };
    let mut caches = Vec::new();
    let mut words = Vec::new();
    for entry in listing.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some((hash, rest)) = name.split_once('.') else {
            continue;
        };
        if hash.len() != 16 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let unfinished = rest.strip_suffix(".tmp").is_some_and(names_a_writer);
        // A words file, or one its writer left (`words-PID-N.tmp`).
        let words_unfinished = rest
            .strip_prefix("words-")
            .and_then(|r| r.strip_suffix(".tmp"))
            .is_some_and(names_a_writer);
        if rest == "words" || words_unfinished {
            if begins_with(&path, crate::words_cache::MAGIC) {
                if rest == "words" {
                    words.push(path);
                } else if modified.elapsed().is_ok_and(|age| age.as_secs() > 3600) {
                    let _ = std::fs::remove_file(&path);
                }
            }
            continue;
        }
        if (rest == "cache" || unfinished) && !begins_with(&path, MAGIC) {
            continue;
        }
        if rest == "cache" {
            caches.push((modified, path));
        } else if unfinished && modified.elapsed().is_ok_and(|age| age.as_secs() > 3600) {
            let _ = std::fs::remove_file(&path);
        }
    }
    caches.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, path) in caches.split_off(KEEP.min(caches.len())) {
        let _ = std::fs::remove_file(path);
    }
    // A words file goes with its cache.
    let kept: std::collections::HashSet<PathBuf> = caches.into_iter().map(|(_, p)| p).collect();
    for path in words {
        if !kept.contains(&path.with_extension("cache")) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Corpus;
    use crate::pipeline;
    use std::time::Duration;

    /// The reader's terms: the articles' (for stories), the quotes' and
    /// their words for searching.
    const READER: TermsWanted = TermsWanted {
        article: true,
        quotes: true,
        search: true,
    };

    /// Loads `paths` as the reader does (texts packed, the reader's
    /// terms), with the cache in `dir` if given, through every corpus-wide
    /// step.
    fn load(paths: &[String], dir: Option<&Path>) -> Corpus {
        load_counting(paths, dir).0
    }

    /// [`load`], and how many files came from the cache.
    fn load_counting(paths: &[String], dir: Option<&Path>) -> (Corpus, usize) {
        let opts = LoadOptions::default();
        let mut corpus = Corpus::default();
        let mut from_cache = 0;
        let mut builder = pipeline::run(
            paths,
            &opts,
            READER,
            pipeline::Weigh::Sizes,
            pipeline::Texts::Packed,
            dir,
            |event| match event {
                pipeline::Event::Batch(batch) => batch.append_to(&mut corpus),
                pipeline::Event::Progress(p) => from_cache = p.from_cache,
            },
        );
        builder.revise(&corpus).apply(&mut corpus);
        builder.resolve().apply(&mut corpus);
        let stories = builder.take_article_terms();
        crate::relate::compute_with(&corpus, Some(stories), None).apply(&mut corpus);
        (corpus, from_cache)
    }

    fn set_modified(path: &Path, time: SystemTime) {
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(time)
            .unwrap();
    }

    /// A file's inode: a cache written again is a new file renamed over
    /// the old one.
    fn inode(path: &Path) -> u64 {
        std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(path).unwrap())
    }

    /// Everything the command line exports of a corpus, and its problems.
    fn dump(c: &Corpus) -> String {
        let mut out = String::new();
        let mut add = |v: serde_json::Result<String>| {
            out.push_str(&v.unwrap());
            out.push('\n');
        };
        crate::export::quote_records(c).for_each(|r| add(serde_json::to_string(&r)));
        crate::export::article_records(c).for_each(|r| add(serde_json::to_string(&r)));
        crate::export::speaker_records(c, true).for_each(|r| add(serde_json::to_string(&r)));
        crate::export::statement_records(c).for_each(|r| add(serde_json::to_string(&r)));
        crate::export::related_records(c).for_each(|r| add(serde_json::to_string(&r)));
        for d in &c.diagnostics {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        out
    }

    /// A folder of `articles`, the paths that name it, and an empty
    /// folder for its cache.
    fn folder_and_cache(articles: &[(&str, &str)]) -> (tempfile::TempDir, Vec<String>, tempfile::TempDir) {
        let folder = folder_of(articles);
        let paths = vec![folder.path().to_string_lossy().into_owned()];
        (folder, paths, tempfile::tempdir().unwrap())
    }

    fn folder_of(articles: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in articles {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        settle();
        dir
    }

    /// Lets files written just now age past the file system's tick: a
    /// file changed in the tick it was read in is not kept
    /// ([`Stamp::settled`]).
    fn settle() {
        std::thread::sleep(Duration::from_millis(30));
    }

    const ONE: &str = "Harbor council approves ferry plan\n\nBy Ana Ruiz\n\n\
        \"We will run the ferry all winter,\" Mayor Tomas Ekdahl said on Monday. \
        He added that \"nobody will be left on the pier.\"\n";
    const TWO: &str = "Ferry plan draws fire\n\n\"The plan is a fantasy,\" said council member \
        Ines Varga. Ekdahl said the ferry would \"run all winter.\"\n";

    fn cache_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|l| l.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }

    #[test]
    fn a_folder_opened_again_from_the_cache_is_the_folder_read_afresh() {
        let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
        let extra = folder_of(&[
            ("one.txt", ONE),
            ("two.md", TWO),
            ("empty.txt", ""),
            ("binary.txt", "\u{0}\u{1}\u{2}garbage\u{0}"),
            ("broken.json", "{\"title\": \"unfinished"),
        ]);
        let paths = vec![assets, extra.path().to_string_lossy().into_owned()];
        let cache = tempfile::tempdir().unwrap();
        let fresh = dump(&load(&paths, None));
        let writing = dump(&load(&paths, Some(cache.path())));
        assert_eq!(writing, fresh, "a load that writes the cache differs");
        let files = cache_files(cache.path());
        assert_eq!(files.len(), 1, "one cache file: {files:?}");
        let written = inode(&files[0]);
        let (reading, from_cache) = load_counting(&paths, Some(cache.path()));
        assert_eq!(dump(&reading), fresh, "a load from the cache differs");
        // Every file but the three that give errors (binary, broken, empty).
        let files_read = reading
            .articles
            .iter()
            .map(|a| &a.file)
            .collect::<std::collections::HashSet<_>>();
        assert_eq!(from_cache, files_read.len());
        // Nothing changed: the cache was read, not written again.
        assert_eq!(inode(&files[0]), written);
    }

    #[test]
    fn a_file_is_taken_from_the_cache_only_while_it_is_unchanged() {
        let (folder, paths, cache) = folder_and_cache(&[("one.txt", ONE), ("two.txt", TWO)]);
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 0);
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 2);
        let quotes = |c: &Corpus| -> Vec<String> { c.quotes.iter().map(|q| c.quote_text(q).to_string()).collect() };
        // Other words of the same length, with the old modification time
        // put back (`cp -p`): its change time tells.
        let one = folder.path().join("one.txt");
        let modified = std::fs::metadata(&one).unwrap().modified().unwrap();
        let same_size = ONE.replace("ferry all winter", "barge all summer");
        assert_eq!(same_size.len(), ONE.len());
        std::fs::write(&one, &same_size).unwrap();
        set_modified(&one, modified);
        settle();
        let (changed, from_cache) = load_counting(&paths, Some(cache.path()));
        assert_eq!(from_cache, 1, "two.txt only");
        assert!(quotes(&changed).iter().any(|q| q.contains("barge all summer")));
        assert!(!quotes(&changed).iter().any(|q| q.contains("ferry all winter")));
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 2, "written again");
        // A file added and one removed.
        std::fs::remove_file(folder.path().join("two.txt")).unwrap();
        std::fs::write(folder.path().join("three.txt"), TWO.replace("fantasy", "disaster")).unwrap();
        settle();
        let (moved, from_cache) = load_counting(&paths, Some(cache.path()));
        assert_eq!(from_cache, 1, "one.txt only");
        assert_eq!(dump(&moved), dump(&load(&paths, None)));
        assert!(quotes(&moved).iter().any(|q| q.contains("disaster")));
        assert!(!quotes(&moved).iter().any(|q| q.contains("fantasy")));
        // And opened again, from the cache as written then.
        let (again, from_cache) = load_counting(&paths, Some(cache.path()));
        assert_eq!(from_cache, 2);
        assert_eq!(dump(&again), dump(&moved));
    }

    /// A file changed in the tick of the file system's clock it is read in
    /// could be changed again in that tick, its size kept, without its
    /// stamp changing: it is read afresh until it has settled.
    #[test]
    fn a_file_changed_as_it_is_read_is_not_kept() {
        let at = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let stamp = |ago: Duration, whole_seconds: bool| {
            let mut t = (at - ago).duration_since(SystemTime::UNIX_EPOCH).unwrap().as_nanos() as u64;
            if whole_seconds {
                t -= t % 1_000_000_000;
            } else {
                t |= 1;
            }
            Stamp {
                size: 10,
                modified: t,
                inode: 1,
                changed: t as i64,
            }
        };
        let ms = Duration::from_millis;
        assert!(!stamp(ms(5), false).settled(at));
        assert!(stamp(ms(100), false).settled(at));
        assert!(!stamp(ms(500), true).settled(at), "whole seconds: a tick of two");
        assert!(stamp(ms(3000), true).settled(at));
        let ahead = Stamp {
            changed: stamp(ms(0), false).changed + 3_600_000_000_000,
            ..stamp(ms(0), false)
        };
        assert!(!ahead.settled(at), "changed after the clock's now");
        // Only the change time tells: one modified "in the future" by
        // `touch -d` settles and is kept.
        let modified_ahead = Stamp {
            modified: stamp(ms(0), false).modified + 3_600_000_000_000,
            ..stamp(ms(100), false)
        };
        assert!(modified_ahead.settled(at));
        // Through a load: a file changed just before it is read is read
        // afresh the next time, then kept. Its change time is the clock's
        // at the write, give or take a tick, so this is seen only when the
        // load begins within 10 ms of the write.
        let (folder, paths, cache) = folder_and_cache(&[("one.txt", ONE), ("two.txt", TWO)]);
        load(&paths, Some(cache.path()));
        let written = std::time::Instant::now();
        std::fs::write(folder.path().join("one.txt"), ONE.replace("ferry", "barge")).unwrap();
        let from_cache = load_counting(&paths, Some(cache.path())).1;
        if written.elapsed() > Duration::from_millis(10) {
            eprintln!("the load began too long after the write to tell");
            return;
        }
        assert_eq!(from_cache, 1, "two.txt only");
        settle();
        assert_eq!(
            load_counting(&paths, Some(cache.path())).1,
            1,
            "one.txt changed as it was read"
        );
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 2, "and kept since");
    }

    #[test]
    fn a_changed_folder_loaded_again_with_the_cache_is_the_folder_read_afresh() {
        // The reader's loads of a watched folder that changed.
        let (folder, paths, cache) = folder_and_cache(&[("one.txt", ONE), ("two.txt", TWO)]);
        let opts = LoadOptions::default();
        let fresh = dump(&crate::load_corpus_packed(&paths, &opts, None));
        assert_eq!(
            dump(&crate::load_corpus_packed(&paths, &opts, Some(cache.path()))),
            fresh
        );
        let written = inode(&cache_files(cache.path())[0]);
        assert_eq!(
            dump(&crate::load_corpus_packed(&paths, &opts, Some(cache.path()))),
            fresh
        );
        assert_eq!(inode(&cache_files(cache.path())[0]), written, "read, not written again");
        // The reader's first load and these share the cache.
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 2);
        // One file changed and one added: read afresh, the other from the
        // cache, the cache written again.
        std::fs::write(folder.path().join("one.txt"), ONE.replace("ferry", "barge")).unwrap();
        std::fs::write(folder.path().join("three.txt"), TWO.replace("fantasy", "disaster")).unwrap();
        settle();
        let changed = dump(&crate::load_corpus_packed(&paths, &opts, None));
        assert_eq!(
            dump(&crate::load_corpus_packed(&paths, &opts, Some(cache.path()))),
            changed
        );
        assert_ne!(inode(&cache_files(cache.path())[0]), written, "written again");
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 3);
    }

    #[test]
    fn a_cache_read_is_marked_used_for_the_folder_to_keep() {
        let (_folder, paths, cache) = folder_and_cache(&[("one.txt", ONE)]);
        load(&paths, Some(cache.path()));
        let file = cache_files(cache.path()).remove(0);
        let long_ago = SystemTime::now() - Duration::from_secs(30 * 86_400);
        set_modified(&file, long_ago);
        assert_eq!(load_counting(&paths, Some(cache.path())).1, 1);
        let used = std::fs::metadata(&file).unwrap().modified().unwrap();
        assert!(used > long_ago + Duration::from_secs(86_400), "{used:?}");
    }

    #[test]
    fn a_file_named_twice_does_not_make_the_cache_be_written_at_every_open() {
        let folder = folder_of(&[("one.txt", ONE), ("two.txt", TWO)]);
        let dir = folder.path().to_string_lossy().into_owned();
        let paths = vec![dir.clone(), format!("{dir}/one.txt")];
        let cache = tempfile::tempdir().unwrap();
        let files = load(&paths, Some(cache.path())).articles.len();
        let written = inode(&cache_files(cache.path())[0]);
        let (again, from_cache) = load_counting(&paths, Some(cache.path()));
        assert_eq!((again.articles.len(), from_cache), (files, files));
        assert_eq!(inode(&cache_files(cache.path())[0]), written, "read, not written again");
    }

    #[test]
    fn a_damaged_cache_is_read_around_and_written_again() {
        let (_folder, paths, cache) = folder_and_cache(&[("one.txt", ONE), ("two.txt", TWO)]);
        let fresh = dump(&load(&paths, None));
        load(&paths, Some(cache.path()));
        let file = cache_files(cache.path()).remove(0);
        let whole = std::fs::read(&file).unwrap();
        // A record's bytes changed: its checksum fails, that file is read
        // afresh, and the damaged cache is removed for the next load to
        // write whole.
        let mut bytes = whole.clone();
        let key = Cache::open(cache.path(), &paths, &LoadOptions::default(), READER)
            .unwrap()
            .key;
        let in_first_record = MAGIC.len() + 4 + key.len() + 100;
        bytes[in_first_record] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
        assert_eq!(dump(&load(&paths, Some(cache.path()))), fresh);
        assert!(!file.exists(), "a damaged cache is removed");
        load(&paths, Some(cache.path()));
        assert!(file.exists(), "written again");
        assert_eq!(dump(&load(&paths, Some(cache.path()))), fresh);
        // Cut short, emptied, or another program's file: not used.
        for damaged in [&whole[..whole.len() / 2], &[][..], b"not a cache at all"] {
            std::fs::write(&file, damaged).unwrap();
            assert_eq!(dump(&load(&paths, Some(cache.path()))), fresh);
        }
    }

    #[test]
    fn a_cache_that_cannot_be_written_is_said_once_and_the_load_goes_on() {
        let folder = folder_of(&[("one.txt", ONE), ("two.txt", TWO)]);
        let paths = vec![folder.path().to_string_lossy().into_owned()];
        let fresh = load(&paths, None);
        // The cache folder is a file.
        let blocked = tempfile::NamedTempFile::new().unwrap();
        let loaded = load(&paths, Some(blocked.path()));
        let problems: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(problems.len(), fresh.diagnostics.len() + 1, "{problems:?}");
        assert!(problems
            .iter()
            .any(|p| p.contains("could not write the cache of read articles")));
        assert!(loaded.diagnostics.iter().all(|d| !d.is_error));
        let mut without = loaded;
        without
            .diagnostics
            .retain(|d| !d.message.contains("cache of read articles"));
        assert_eq!(dump(&without), dump(&fresh));
    }

    #[test]
    fn a_cache_is_used_only_by_the_load_it_was_written_for() {
        let (folder, paths, cache) = folder_and_cache(&[("one.txt", ONE)]);
        load(&paths, Some(cache.path()));
        let file = folder.path().join("one.txt").to_string_lossy().into_owned();
        let stamp = Stamp::of(&std::fs::metadata(&file).unwrap());
        let opts = LoadOptions::default();
        assert!(Cache::open(cache.path(), &paths, &opts, READER)
            .unwrap()
            .read(&file, stamp)
            .is_some());
        let smaller = LoadOptions { max_bytes: 1024 };
        assert!(Cache::open(cache.path(), &paths, &smaller, READER)
            .unwrap()
            .read(&file, stamp)
            .is_none());
        let no_stories = TermsWanted::default();
        assert!(Cache::open(cache.path(), &paths, &opts, no_stories)
            .unwrap()
            .read(&file, stamp)
            .is_none());
        // A load that does not want the quotes' terms or words shares it
        // (it holds none).
        let no_quotes = TermsWanted {
            article: true,
            ..TermsWanted::default()
        };
        assert!(Cache::open(cache.path(), &paths, &opts, no_quotes)
            .unwrap()
            .read(&file, stamp)
            .is_some());
        // Another set of paths has its own.
        let other = vec![paths[0].clone(), paths[0].clone() + "/one.txt"];
        assert!(Cache::open(cache.path(), &other, &opts, READER)
            .unwrap()
            .read(&file, stamp)
            .is_none());
    }

    #[test]
    fn the_folder_keeps_the_latest_caches_and_nobody_elses_files() {
        let dir = tempfile::tempdir().unwrap();
        let mine = |i: usize| dir.path().join(format!("{i:016x}.cache"));
        let foreign = [
            "notes.txt",
            "0123.cache",
            "report.cache",
            "0000000000000000.1.tmpx",
            // Named as ours, but not a cache.
            "00000000000000aa.cache",
        ];
        for f in foreign {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let old = std::time::SystemTime::now() - Duration::from_secs(7200);
        for i in 0..KEEP + 2 {
            std::fs::write(mine(i), MAGIC).unwrap();
            set_modified(&mine(i), old + Duration::from_secs(i as u64));
        }
        let stale = dir.path().join("00000000000000ff.4242-0.tmp");
        std::fs::write(&stale, MAGIC).unwrap();
        set_modified(&stale, old);
        let running = dir.path().join("00000000000000fe.4343-1.tmp");
        std::fs::write(&running, MAGIC).unwrap();
        // Words files go with their caches.
        let words = |i: usize| crate::words_cache::beside(&mine(i));
        for i in [0, KEEP + 1] {
            std::fs::write(words(i), crate::words_cache::MAGIC).unwrap();
        }
        let lone_words = dir.path().join("00000000000000dd.words");
        std::fs::write(&lone_words, crate::words_cache::MAGIC).unwrap();
        let stale_words = dir.path().join("00000000000000dd.words-4242-0.tmp");
        std::fs::write(&stale_words, crate::words_cache::MAGIC).unwrap();
        set_modified(&stale_words, old);
        let writing_words = dir.path().join("00000000000000dd.words-4343-1.tmp");
        std::fs::write(&writing_words, crate::words_cache::MAGIC).unwrap();
        let foreign_words = dir.path().join("00000000000000cc.words");
        std::fs::write(&foreign_words, "x").unwrap();
        prune(dir.path());
        assert!(!words(0).exists(), "a removed cache's words file goes");
        assert!(words(KEEP + 1).exists(), "a kept cache's words file stays");
        assert!(!lone_words.exists(), "a words file without its cache goes");
        assert!(!stale_words.exists(), "an unfinished words file an hour old goes");
        assert!(writing_words.exists(), "one being written stays");
        assert!(foreign_words.exists(), "a file named as ours but not ours stays");
        for i in 0..2 {
            assert!(!mine(i).exists(), "the oldest caches go");
        }
        for i in 2..KEEP + 2 {
            assert!(mine(i).exists(), "the latest {KEEP} stay");
        }
        assert!(!stale.exists(), "an unfinished cache an hour old goes");
        assert!(running.exists(), "one being written stays");
        for f in foreign {
            assert!(dir.path().join(f).exists(), "{f} is not ours");
        }
    }

    #[test]
    fn every_kind_of_clutter_is_listed_once() {
        use crate::model::Clutter;
        // Exhaustive: a new kind fails to compile here until it is given
        // a place, which the list must then hold.
        fn place(c: Clutter) -> usize {
            match c {
                Clutter::AgencyCredit => 0,
                Clutter::Byline => 1,
                Clutter::CategoryLine => 2,
                Clutter::CommentForm => 3,
                Clutter::DateLine => 4,
                Clutter::FrontMatter => 5,
                Clutter::ImageCredit => 6,
                Clutter::ImagePlaceholder => 7,
                Clutter::ListWidget => 8,
                Clutter::Masthead => 9,
                Clutter::MenuBar => 10,
                Clutter::PaywallNotice => 11,
                Clutter::PhotoCaption => 12,
                Clutter::ReadMoreLink => 13,
                Clutter::ReadingTime => 14,
                Clutter::RelatedHeadline => 15,
                Clutter::RepeatedLine => 16,
                Clutter::RepeatedTitle => 17,
                Clutter::Separator => 18,
                Clutter::ShareWidget => 19,
                Clutter::SiteDateHeader => 20,
                Clutter::SocialPromo => 21,
            }
        }
        let places: Vec<usize> = Clutter::ALL.iter().map(|&c| place(c)).collect();
        assert_eq!(places, (0..22).collect::<Vec<_>>());
    }

    #[test]
    fn every_kind_of_clutter_and_an_interned_string_read_back() {
        for c in crate::model::Clutter::ALL {
            let bytes = postcard::to_stdvec(&c).unwrap();
            assert_eq!(postcard::from_bytes::<crate::model::Clutter>(&bytes).unwrap(), c);
        }
        assert!(postcard::from_bytes::<crate::model::Clutter>(&postcard::to_stdvec("menu").unwrap()).is_err());
        let words = crate::model::Interned::new("earlier this month");
        let bytes = postcard::to_stdvec(&words).unwrap();
        assert_eq!(postcard::from_bytes::<crate::model::Interned>(&bytes).unwrap(), words);
    }
}
