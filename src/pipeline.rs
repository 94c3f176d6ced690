//! Loading in stages that can stream: files are read, cleaned and
//! extracted in parallel, in runs taken in order, and handed over in file
//! order as [`Batch`]es the caller appends to its corpus at once (quotes
//! carry provisional speakers: one per name as written). The
//! corpus-wide steps come last and are computed apart from the corpus, so
//! the reader can run them in the background and apply their results:
//! [`Builder::resolve`] merges speakers across articles, and
//! [`crate::relate::compute`] finds statements and stories.
//!
//! The CLI runs the same stages one after the other ([`crate::load_corpus`]),
//! so the reader and the scripts see the same corpus.

use crate::cache::{Cache, Stamp};
use crate::extract::{self, people, Extraction, FirstPass, TermsWanted};
use crate::guard;
use crate::load::{self, LoadOptions, Source};
use crate::model::{
    Article, ArticleId, Corpus, Diagnostic, Interned, MaybeIndex, Mention, Quote, QuoteId, QuoteIds, Speaker,
    SpeakerId, SpeakerKind,
};
use crate::resolve::speakers::{self, Registry, Sighting};
use rayon::prelude::*;
use std::collections::hash_map::Entry;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// Files handed over per batch: few enough to report often, enough that
/// the reader's appending them costs little.
const FILES_PER_STEP: usize = 512;

/// How often the progress is told while no batch is handed over.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// How long files read may wait to be handed over when fewer than
/// [`FILES_PER_STEP`] are ready in order (those before a slow file).
const HANDOVER_PATIENCE: std::time::Duration = std::time::Duration::from_millis(200);

/// Where a load is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// Reading, decoding, cleaning and extracting files (`done` counts files).
    #[default]
    Reading,
    /// Extracting again the articles that genders learnt across the corpus
    /// may change.
    Revising,
    /// Merging speakers across articles.
    Speakers,
    /// Statements, stories and search indexes.
    Relations,
    Done,
}

impl Stage {
    pub fn describe(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Revising => "checking genders across articles",
            Stage::Speakers => "merging speakers",
            Stage::Relations => "relating quotes",
            Stage::Done => "loaded",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
    /// Bytes of the files read, and of all: 0 when the load did not weigh
    /// them ([`Weigh::Skip`]).
    pub bytes_done: u64,
    pub bytes_total: u64,
    /// Files taken from the cache of read articles ([`crate::cache`]).
    pub from_cache: usize,
}

/// Articles and quotes ready to append, with the provisional speakers
/// first seen in them and the problems met on the way.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many articles and quotes the whole load will have, judged from
    /// the share of the input read so far.
    pub expected: Expected,
}

/// A load's expected final size.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    pub articles: usize,
    pub quotes: usize,
}

impl Expected {
    /// Input read before the estimate is trusted whole: a few thousand
    /// articles' bytes.
    const TRUSTED_SAMPLE: u64 = 4 << 20;
    /// The same when files were not weighed: a thousand files.
    const TRUSTED_FILES: u64 = 1024;

    /// `articles` and `quotes` so far scaled by the input still to read
    /// (`done` of `total`: bytes when the files were weighed, else files).
    /// Until a trusted share is read, at most four times what is there: a
    /// few small first files must not have a huge folder reserve gigabytes
    /// at once. Past it, at most 64 times (a folder of news beside a huge
    /// file, or many files, that hold none), which a few hundred megabytes
    /// of news never reach: the corpus's vectors move once or twice
    /// instead of at every fourfold (each move copied hundreds of megabytes
    /// into fresh pages and held old and new at once: a tenth of a 100k
    /// load; profiled).
    fn scaled(articles: usize, quotes: usize, done: u64, total: u64, counted: Weigh) -> Expected {
        if done == 0 || total < done {
            return Expected::default();
        }
        let trusted = match counted {
            Weigh::Sizes => done >= Self::TRUSTED_SAMPLE,
            // Files predict articles while each holds one or two: a folder
            // whose first files are archives of many is trusted no more
            // than fourfold.
            Weigh::Skip => done >= Self::TRUSTED_FILES && articles as u64 <= 2 * done,
        };
        let most = if trusted { 64 } else { 4 };
        let scale = |n: usize| {
            let estimate = (n as f64 * total as f64 / done as f64).ceil() as usize;
            estimate.min(n.saturating_mul(most))
        };
        Expected {
            articles: scale(articles),
            quotes: scale(quotes),
        }
    }
}

/// Makes room for `expected` items and a tenth more when they would not
/// fit: a corpus's quotes grow to hundreds of megabytes, and a `Vec`
/// doubling leaves up to half of it unused (and holds old and new while
/// it moves). The tenth keeps a drifting estimate from moving it again.
fn reserve_expected<T>(v: &mut Vec<T>, expected: usize) {
    if expected > v.capacity() {
        // Refused (no memory that large), the Vec grows as it would anyway.
        let _ = v.try_reserve_exact((expected / 10).saturating_add(expected) - v.len());
    }
}

impl Batch {
    /// Appends to the corpus the batches before it were appended to.
    pub fn append_to(self, corpus: &mut Corpus) {
        reserve_expected(&mut corpus.quotes, self.expected.quotes);
        reserve_expected(&mut corpus.articles, self.expected.articles);
        corpus.diagnostics.extend(self.diagnostics);
        corpus.speakers.extend(self.speakers);
        let first = corpus.quotes.len();
        // The articles' quotes are the runs of ids the builder gave them,
        // which follow on from the corpus's.
        debug_assert!(self
            .articles
            .iter()
            .flat_map(|a| a.quotes)
            .eq(first..first + self.quotes.len()));
        for (i, q) in self.quotes.iter().enumerate() {
            if let Some(s) = q.speaker.get() {
                corpus.speakers[s].quotes.push(first + i);
            }
        }
        corpus.quotes.extend(self.quotes);
        corpus.articles.extend(self.articles);
    }
}

pub enum Event {
    Progress(Progress),
    Batch(Batch),
}

/// Keeps what the corpus-wide steps need while batches go out: every
/// sighting of a person (by article), the provisional speaker of each
/// name, and the genders learnt so far (by full name and by surname).
#[derive(Debug, Default)]
pub struct Builder {
    sightings: Vec<Vec<Sighting>>,
    provisional: rustc_hash::FxHashMap<(SpeakerKind, String), SpeakerId>,
    keys: Vec<(SpeakerKind, String)>,
    quotes: usize,
    hints: people::HintCounter,
    /// Articles with people of unknown gender a "he" or "she" depends on,
    /// and the gender a hint must differ from to matter
    /// ([`extract::FirstPass::gender_guesses`]).
    unsure: Vec<(ArticleId, Vec<(String, extract::mentions::Gender)>)>,
    /// Every article's terms for stories, when the run was asked for them.
    article_terms: crate::relate::stories::ArticleTerms,
    /// Every quote's wording, in corpus order, from the terms extraction
    /// took, when the run was asked for them ([`Builder::take_quote_wordings`]).
    quote_wordings: Option<crate::relate::terms::WordingsBuilder>,
    /// Whether a second extraction changed what a quote's terms are taken
    /// from (an article without its quotes' terms ends the gathering at
    /// once).
    quote_wordings_differ: bool,
    /// Every quote's words in the search index, in corpus order, when the
    /// run was asked for them ([`Builder::take_search_words`]).
    search_words: Option<crate::search::WordIndexBuilder>,
    /// Whether a second extraction moved a quote (an article without its
    /// quotes' words ends the gathering at once).
    search_words_differ: bool,
}

impl Builder {
    /// Turns extracted articles into a batch numbered after the previous ones.
    pub fn batch(&mut self, processed: Vec<(Article, FirstPass)>, diagnostics: Vec<Diagnostic>) -> Batch {
        // Sized at once: grown by doubling, a batch's quotes took fresh
        // pages the kernel zeroed for every step (profiled).
        let quotes = processed.iter().map(|(_, f)| f.extraction.quotes.len()).sum();
        let mut batch = Batch {
            diagnostics,
            articles: Vec::with_capacity(processed.len()),
            quotes: Vec::with_capacity(quotes),
            ..Batch::default()
        };
        for (mut article, mut first) in processed {
            article.quotes = QuoteIds::new(self.quotes..self.quotes + first.extraction.quotes.len());
            if let Some(terms) = first.article_terms.take() {
                self.article_terms.register(terms);
            }
            // Once an article comes without them (taken from the cache),
            // those gathered so far are freed: every quote's are then
            // made from the texts, or read back from beside the cache.
            if let Some(wordings) = &mut self.quote_wordings {
                match first.quote_terms.take() {
                    Some(runs) if runs.len() == first.extraction.quotes.len() => {
                        runs.iter().for_each(|terms| wordings.add(terms));
                    }
                    _ => self.quote_wordings = None,
                }
            }
            if let Some(index) = &mut self.search_words {
                match first.quote_words.take() {
                    Some(words) if words.len() == first.extraction.quotes.len() => index.add_formed(&words),
                    _ => self.search_words = None,
                }
            }
            let aid = self.sightings.len();
            self.hints.add(&first.persons);
            if !first.gender_guesses.is_empty() {
                self.unsure.push((aid, first.gender_guesses));
            }
            let mut sightings = Vec::with_capacity(first.extraction.quotes.len() + first.extraction.people.len());
            for q in first.extraction.quotes {
                let quote = self.quote(aid, article.date, q, &mut sightings, &mut batch.speakers);
                self.quotes += 1;
                batch.quotes.push(quote);
            }
            self.sightings.push(sightings);
            self.note_people(aid, first.extraction.people);
            batch.articles.push(article);
        }
        batch
    }

    /// A quote with its provisional speaker (a new one goes to `speakers`);
    /// its speaker is a sighting.
    fn quote(
        &mut self,
        aid: ArticleId,
        date: Option<chrono::NaiveDate>,
        q: extract::ExtractedQuote,
        sightings: &mut Vec<Sighting>,
        speakers: &mut Vec<Speaker>,
    ) -> Quote {
        let mention = q.mention.map(|m| Mention {
            text: Interned::new(&m.text),
            span: m.span,
        });
        let speaker = q.speaker.as_ref().map(|s| {
            let alias = mention
                .filter(|m| extract::mentions::pronoun(m.text.as_str()).is_none())
                .map(|m| m.text);
            sightings.push(Sighting::of(s, alias, true));
            // Cloned only for a new name: most quotes' speakers were seen.
            match self.provisional.entry(speakers::key_of(s)) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    self.keys.push(e.key().clone());
                    speakers.push(Speaker {
                        name: s.name.clone(),
                        kind: s.kind,
                        aliases: Vec::new(),
                        roles: s.roles.clone(),
                        quotes: Vec::new(),
                    });
                    *e.insert(self.keys.len() - 1)
                }
            }
        });
        Quote {
            article: aid,
            span: q.span.into(),
            kind: q.kind,
            cue: q.cue.map(|c| Interned::new(&c)),
            mention,
            speaker: speaker.into(),
            sieve: q.sieve,
            when: crate::resolve::when::statement_date(q.time.as_ref(), date),
            time: q.time.map(Box::new),
            statement: MaybeIndex::NONE,
            starred: false,
        }
    }

    /// The articles' terms for stories, registered as they were read (for
    /// [`crate::relate::compute_with`]).
    pub fn take_article_terms(&mut self) -> crate::relate::stories::ArticleTerms {
        std::mem::take(&mut self.article_terms)
    }

    /// Every quote's wording, from the terms extraction took, when it took
    /// every quote's (else `None`, and [`crate::relate::quote_vectors`]
    /// takes them from the text).
    pub fn take_quote_wordings(&mut self) -> Option<crate::relate::terms::WordingsBuilder> {
        let wordings = self.quote_wordings.take()?;
        (!self.quote_wordings_differ && wordings.len() == self.quotes).then_some(wordings)
    }

    /// The search index's words of every quote, taken as they were read,
    /// when every quote's were (else `None`, and the index is made from
    /// the text).
    pub fn take_search_words(&mut self) -> Option<crate::search::WordIndexBuilder> {
        let index = self.search_words.take()?;
        (!self.search_words_differ && index.len() == self.quotes).then_some(index)
    }

    /// The people an article names, after its quotes' speakers.
    fn note_people(&mut self, aid: ArticleId, persons: Vec<extract::SpeakerRef>) {
        self.sightings[aid].extend(persons.iter().map(|p| Sighting::of(p, None, false)));
    }

    /// Extracts again, with the genders learnt across the whole corpus,
    /// the articles where a hint could change whom a "he" or "she" stands
    /// for ([`extract::FirstPass::gender_guesses`]). Their quotes keep their
    /// places; speakers and sightings follow.
    pub fn revise(&mut self, corpus: &Corpus) -> Revision {
        let hints = std::mem::take(&mut self.hints).finish();
        let unsure = std::mem::take(&mut self.unsure);
        let again: Vec<ArticleId> = unsure
            .into_iter()
            .filter(|(_, guesses)| guesses.iter().any(|(k, g)| hints.get(k).is_some_and(|h| h != g)))
            .map(|(aid, _)| aid)
            .collect();
        let mut revision = Revision::default();
        // A step at a time, as files are read: holding every article's
        // second extraction at once raised a 100k load's peak (measured).
        for step in again.chunks(FILES_PER_STEP) {
            // Should a second extraction panic, the first stands.
            let extracted: Vec<(ArticleId, Extraction)> = step
                .par_iter()
                .filter_map(|&aid| {
                    let article = corpus.articles.get(aid)?;
                    Some((aid, guard::guarded(|| extract::extract(article, &hints))?))
                })
                .collect();
            self.apply_second_pass(corpus, extracted, &mut revision);
        }
        revision
    }

    /// Second extractions in place of the first, into `revision`.
    fn apply_second_pass(&mut self, corpus: &Corpus, extracted: Vec<(ArticleId, Extraction)>, revision: &mut Revision) {
        for (aid, ex) in extracted {
            let article = &corpus.articles[aid];
            // Quote spans do not depend on genders; should they ever
            // differ, the first extraction stands.
            if ex.quotes.len() != article.quotes.len() {
                continue;
            }
            let mut sightings = Vec::with_capacity(ex.quotes.len() + ex.people.len());
            for (q, qid) in ex.quotes.into_iter().zip(article.quotes) {
                let quote = self.quote(aid, article.date, q, &mut sightings, &mut revision.speakers);
                // A quote's terms come from its span and kind.
                let first = &corpus.quotes[qid];
                self.quote_wordings_differ |= quote.span != first.span || quote.kind != first.kind;
                self.search_words_differ |= quote.span != first.span;
                revision.quotes.push((qid, quote));
            }
            self.sightings[aid] = sightings;
            self.note_people(aid, ex.people);
            revision.articles += 1;
        }
    }

    /// Merges speakers across every batch (the costly, corpus-wide step).
    pub fn resolve(&self) -> Resolution {
        let registry = Registry::build(self.sightings.iter().flatten());
        let mut mentioned_only = vec![true; registry.entities.len()];
        for s in self.sightings.iter().flatten().filter(|s| s.quoted) {
            if let Some(e) = registry.lookup_key(&s.key()) {
                mentioned_only[e] = false;
            }
        }
        // Quoted speakers first, then people only mentioned.
        let mut order: Vec<usize> = (0..registry.entities.len()).collect();
        order.sort_by_key(|&e| mentioned_only[e]);
        let mut speaker_of_entity: Vec<Option<usize>> = vec![None; registry.entities.len()];
        let mut speakers = Vec::new();
        for e in order.into_iter().filter(|&e| !registry.entities[e].merged) {
            let ent = &registry.entities[e];
            speaker_of_entity[e] = Some(speakers.len());
            speakers.push(Speaker {
                name: ent.name.clone(),
                kind: ent.kind,
                aliases: ent.aliases.iter().filter(|a| **a != ent.name).cloned().collect(),
                roles: ent.roles.clone(),
                quotes: Vec::new(),
            });
        }
        let map = self
            .keys
            .iter()
            .map(|k| registry.lookup_key(k).and_then(|e| speaker_of_entity[e]))
            .collect();
        Resolution { speakers, map }
    }
}

/// The speakers merged across the corpus, and where each provisional
/// speaker went.
#[derive(Debug, Clone)]
pub struct Resolution {
    speakers: Vec<Speaker>,
    map: Vec<Option<SpeakerId>>,
}

impl Resolution {
    /// Puts the merged speakers in place of the provisional ones, each
    /// speaker's quotes in time order.
    pub fn apply(self, corpus: &mut Corpus) {
        corpus.speakers = self.speakers;
        for (qid, q) in corpus.quotes.iter_mut().enumerate() {
            q.speaker = q.speaker.get().and_then(|p| self.map[p]).into();
            if let Some(s) = q.speaker.get() {
                corpus.speakers[s].quotes.push(qid);
            }
        }
        // Grown by doubling, the lists kept a third more room than they
        // hold (quoteline-bench: 12 MB for 8 at 100k articles).
        for s in &mut corpus.speakers {
            s.quotes.shrink_to_fit();
        }
        crate::sort_speaker_quotes(corpus);
    }
}

/// Quotes extracted again with the corpus's genders, in place of the
/// first ones, and the provisional speakers first seen among them.
#[derive(Debug, Default)]
pub struct Revision {
    quotes: Vec<(QuoteId, Quote)>,
    speakers: Vec<Speaker>,
    /// How many articles were extracted again.
    pub articles: usize,
}

impl Revision {
    pub fn apply(self, corpus: &mut Corpus) {
        if self.quotes.is_empty() {
            return;
        }
        corpus.speakers.extend(self.speakers);
        for (qid, quote) in self.quotes {
            corpus.quotes[qid] = quote;
        }
        // Each provisional speaker's quotes again, in one pass (taking
        // each revised quote out of its old list would be quadratic).
        for s in &mut corpus.speakers {
            s.quotes.clear();
        }
        for (qid, q) in corpus.quotes.iter().enumerate() {
            if let Some(s) = q.speaker.get() {
                corpus.speakers[s].quotes.push(qid);
            }
        }
    }
}

/// Whether a load weighs its files before reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weigh {
    /// Their sizes first, for progress in megabytes and the time left (the
    /// reader's status line).
    Sizes,
    /// Not: progress counts files only (the command line, which shows
    /// none). A stat of every file was about 2% of a 100k-article
    /// `extract` (perf).
    Skip,
}

/// How a load keeps the articles' texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Plain: the command line writes them out once and is done.
    Plain,
    /// Packed once their quotes are found ([`crate::model::Text::pack`]):
    /// the reader holds them all for the session.
    Packed,
}

/// Reads and extracts every article under `paths`, in parallel in runs of
/// files, sending progress and batches to `emit` in file
/// order; returns the builder for the corpus-wide steps
/// ([`Builder::revise`], then [`Builder::resolve`]). The builder also
/// holds the terms and words `terms` asks for ([`Builder::take_article_terms`],
/// [`Builder::take_quote_wordings`], [`Builder::take_search_words`]). With
/// a `cache_dir`, files its cache for `paths` holds as they are now are
/// taken from it instead of cleaned and extracted, and it is written again
/// when any differ ([`crate::cache`]; packed texts only). Files taken from
/// it bring no quotes' terms or words: a load with any of them has none.
pub fn run(
    paths: &[String],
    opts: &LoadOptions,
    terms: TermsWanted,
    weigh: Weigh,
    texts: Texts,
    cache_dir: Option<&std::path::Path>,
    mut emit: impl FnMut(Event) + Send,
) -> Builder {
    // Its texts are packed. Dropped at the end of reading, with its index.
    let cache = cache_dir
        .filter(|_| texts == Texts::Packed)
        .and_then(|dir| Cache::open(dir, paths, opts, terms));
    let cache = cache.as_ref();
    let (files, diags) = load::discover::discover(paths);
    let stamped_at = std::time::SystemTime::now();
    let stamps: Vec<Option<Stamp>> = match (weigh, cache) {
        (Weigh::Skip, None) => vec![None; files.len()],
        _ => files
            .par_iter()
            .map(|f| std::fs::metadata(f).ok().map(|m| Stamp::of(&m)))
            .collect(),
    };
    let sizes: Vec<u64> = match weigh {
        Weigh::Sizes => stamps.iter().map(|s| s.map_or(0, |s| s.size)).collect(),
        Weigh::Skip => vec![0; files.len()],
    };
    let mut progress = Progress {
        stage: Stage::Reading,
        done: 0,
        total: files.len(),
        bytes_done: 0,
        bytes_total: sizes.iter().sum(),
        from_cache: 0,
    };
    emit(Event::Progress(progress));
    let mut builder = Builder {
        quote_wordings: terms.quotes.then(Default::default),
        search_words: terms.search.then(Default::default),
        ..Builder::default()
    };
    let mut diagnostics = diags;
    let cache_problem = |c: &Cache, e: std::io::Error| Diagnostic {
        file: c.path().display().to_string(),
        message: format!(
            "could not write the cache of read articles ({e}): the files read afresh this time will be next \
             time too (--no-cache: keep none)"
        ),
        is_error: false,
    };
    let mut writer = match cache {
        Some(c) if c.needs_writing(&files, &stamps) => match c.writer() {
            Ok(w) => Some(w),
            Err(e) => {
                diagnostics.push(cache_problem(c, e));
                None
            }
        },
        _ => None,
    };
    // Cleared should writing fail: records are then no longer made.
    let writing = std::sync::atomic::AtomicBool::new(writer.is_some());
    let reusable = cache.is_some_and(Cache::records_reusable);
    let from_cache = std::sync::atomic::AtomicUsize::new(0);
    // A record that did not read back: the cache is removed at the end if
    // it is not being written again anyway.
    let damaged = std::sync::atomic::AtomicBool::new(false);
    // A batch is built and handed over by a worker while the other reads
    // on: building is sequential, and done between reading it kept one
    // core idle for a sixth of the load (measured at 100k articles).
    // Files and bytes read, handed over or not: the progress told (a
    // slow file holding back the handing over, the files read past it
    // are still counted, and the time left is not overestimated).
    let (files_read, bytes_read) = (AtomicUsize::new(0), std::sync::atomic::AtomicU64::new(0));
    let (mut handed_files, mut handed_bytes) = (0, 0);
    let mut progress_told = std::time::Instant::now();
    // A batch of the files `chunk`; with none (`chunk` empty, not the
    // load's end), the progress alone, every PROGRESS_EVERY at most.
    let mut flush = |read: Vec<Read>, chunk: std::ops::Range<usize>, chunk_bytes: u64| {
        progress.from_cache = from_cache.load(Relaxed);
        progress.done = files_read.load(Relaxed);
        progress.bytes_done = bytes_read.load(Relaxed);
        if chunk.is_empty() && chunk.end != files.len() {
            if progress_told.elapsed() >= PROGRESS_EVERY {
                progress_told = std::time::Instant::now();
                emit(Event::Progress(progress));
            }
            return;
        }
        let mut processed = Vec::new();
        for (i, ((articles, diags), record)) in chunk.clone().zip(read) {
            if let (Some(w), Some(stamp)) = (&mut writer, stamps[i].filter(|s| s.settled(stamped_at))) {
                if let Err(e) = w.add(&files[i], stamp, record.as_deref()) {
                    diagnostics.extend(cache.map(|c| cache_problem(c, e)));
                    writer = None;
                    writing.store(false, Relaxed);
                }
            }
            diagnostics.extend(diags);
            processed.extend(articles);
        }
        if chunk.end == files.len() {
            if let (Some(w), Some(c)) = (writer.take(), cache) {
                if let Err(e) = w.finish() {
                    diagnostics.push(cache_problem(c, e));
                }
            }
        }
        let mut batch = builder.batch(processed, std::mem::take(&mut diagnostics));
        handed_files += chunk.len();
        handed_bytes += chunk_bytes;
        let (done, total) = match weigh {
            Weigh::Sizes => (handed_bytes, progress.bytes_total),
            Weigh::Skip => (handed_files as u64, progress.total as u64),
        };
        batch.expected = Expected::scaled(builder.sightings.len(), builder.quotes, done, total, weigh);
        emit(Event::Batch(batch));
        progress_told = std::time::Instant::now();
        emit(Event::Progress(progress));
    };
    // Files go through three passes in runs of STAGED_FILES,
    // each pass a run of one kind of work on one core: the run's files are
    // read (`fetch_one`), their articles cleaned and extracted
    // (`extract_one`), then packed and encoded (`finish_one`). One file
    // taken through all three at a time had each step evict the others'
    // working memory: packing between two extractions was 3-5% slower in
    // the extraction benchmark. A large file goes through all three at
    // once, as its texts held plain would cost memory.
    // Each source is dropped once extracted; `pack_now` packs each text as
    // soon as its article is extracted (a large file's, so that its texts
    // are never all held plain beside its sources).
    let extract_all = |sources: Vec<Source>, mut diags: Vec<Diagnostic>, pack_now: bool| -> crate::cache::FileRead {
        let mut articles = Vec::with_capacity(sources.len());
        for s in sources {
            let (mut processed, failure) = clean_and_extract(&s, terms);
            if pack_now && texts == Texts::Packed {
                processed.0.text.pack();
            }
            articles.push(processed);
            diags.extend(failure);
        }
        (articles, diags)
    };
    // Texts already packed are left as they are.
    let pack_and_encode = |(mut articles, diags): crate::cache::FileRead| -> Read {
        if texts == Texts::Packed {
            for (article, _) in &mut articles {
                article.text.pack();
            }
        }
        // A file that could not be read is tried again next time.
        if writing.load(Relaxed) && !diags.iter().any(|d| d.is_error) {
            crate::cache::encode((articles, diags))
        } else {
            ((articles, diags), None)
        }
    };
    let fetch_one = |i: usize| -> Staged {
        let file = &files[i];
        let cached = match (cache, stamps[i]) {
            (Some(c), Some(stamp)) => c.read(file, stamp).and_then(|read| {
                damaged.fetch_or(read.is_none(), Relaxed);
                read
            }),
            _ => None,
        };
        if let Some((read, bytes)) = cached {
            from_cache.fetch_add(1, Relaxed);
            return Staged::Done(match (writing.load(Relaxed), reusable) {
                (false, _) => (read, None),
                (true, true) => (read, Some(bytes)),
                (true, false) => crate::cache::encode(read),
            });
        }
        let (sources, diags) = load::read_file_diagnosed(file, opts);
        if sources.iter().map(|s| s.text.len()).sum::<usize>() > STAGED_BYTES {
            Staged::Done(pack_and_encode(extract_all(sources, diags, true)))
        } else {
            Staged::Fetched(sources, diags)
        }
    };
    let extract_one = |staged: Staged| match staged {
        Staged::Fetched(sources, diags) => Staged::Extracted(extract_all(sources, diags, false)),
        other => other,
    };
    let finish_one = |staged: Staged| match staged {
        Staged::Extracted(read) => pack_and_encode(read),
        Staged::Done(read) => read,
        // Not met (`extract_one` came first): taken through both passes.
        Staged::Fetched(sources, diags) => pack_and_encode(extract_all(sources, diags, false)),
    };
    // One worker a core takes runs of files in order, with no barrier
    // between them, and hands what is read over in file order, a batch at
    // a time, whenever it can: files were read a chunk of 512 at a time,
    // and a chunk waited for its slowest, a core idle and the list empty
    // (23 s behind one pathological page, in an audit). A slow file now
    // holds back the showing of the files after it (and of its run), not
    // their reading, up to READ_AHEAD files past what was handed over; the
    // files before it are handed over after HANDOVER_PATIENCE, and the
    // first run at once. Handing over stays on the pool's threads, as
    // before: their allocator heaps hold the batches.
    let threads = rayon::current_num_threads();
    // Runs shorter for a small load, so that every core has some (the demo
    // corpus is 18 files).
    let runs = runs_apart(&sizes, STAGED_FILES.min(files.len().div_ceil(threads)));
    let next_run = AtomicUsize::new(0);
    // Runs read, and the first file not handed over.
    let (finished, handed_to) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // Set when a worker panics: the others stop reading, and the panic is
    // raised once they have.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let handover = std::sync::Mutex::new(Handover::default());
    // Held by the worker handing over; the others go on reading.
    let handing = std::sync::Mutex::new(&mut flush);
    let hand_over = |handing: &mut dyn FnMut(Vec<Read>, std::ops::Range<usize>, u64), last: bool| loop {
        let due = {
            let mut h = handover.lock().unwrap_or_else(|e| e.into_inner());
            let due = h.due(&sizes, last);
            handed_to.store(h.start, Relaxed);
            due
        };
        match due {
            Some((read, range, bytes)) => handing(read, range, bytes),
            None => break,
        }
    };
    // Handing over what is due, or else telling the progress.
    let try_hand_over = || {
        if let Ok(mut handing) = handing.try_lock() {
            hand_over(&mut **handing, false);
            let at = handed_to.load(Relaxed);
            if at < files.len() {
                (**handing)(Vec::new(), at..at, 0);
            }
        }
    };
    rayon::scope(|scope| {
        scope.spawn_broadcast(|_, _| {
            let _stop_on_panic = StopOnPanic(&stop);
            while !stop.load(Relaxed) {
                let r = next_run.load(Relaxed);
                match runs
                    .get(r)
                    .filter(|run| run.start < handed_to.load(Relaxed) + READ_AHEAD)
                {
                    Some(run) => {
                        if next_run.compare_exchange(r, r + 1, Relaxed, Relaxed).is_err() {
                            continue;
                        }
                        let fetched: Vec<Staged> = run.clone().map(fetch_one).collect();
                        let extracted: Vec<Staged> = fetched.into_iter().map(extract_one).collect();
                        let read = extracted.into_iter().map(finish_one).collect();
                        files_read.fetch_add(run.len(), Relaxed);
                        bytes_read.fetch_add(sizes[run.clone()].iter().sum(), Relaxed);
                        handover
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .ready
                            .insert(run.start, read);
                        finished.fetch_add(1, Relaxed);
                        try_hand_over();
                        // Work given to the pool meanwhile (the reader's
                        // search while loading) runs between runs.
                        rayon::yield_now();
                    }
                    None if finished.load(Relaxed) == runs.len() => break,
                    // Every run taken, or read far enough ahead: this core
                    // waits for the others, handing over what they read.
                    None => {
                        if rayon::yield_now() != Some(rayon::Yield::Executed) {
                            std::thread::sleep(std::time::Duration::from_millis(2));
                        }
                        try_hand_over();
                    }
                }
            }
        });
    });
    hand_over(&mut **handing.lock().unwrap_or_else(|e| e.into_inner()), true);
    if let Some(c) = cache.filter(|_| !writing.into_inner()) {
        if damaged.into_inner() {
            c.discard();
        } else {
            c.touch();
        }
    }
    builder
}

/// One file's articles and notes, with its record for the cache when one
/// is being written.
type Read = (crate::cache::FileRead, Option<Vec<u8>>);

/// Files a worker of [`run`] may read past the first not yet handed over
/// (behind a slow file): what they hold waits in memory, with its cache
/// record when one is being written.
const READ_AHEAD: usize = 4 * FILES_PER_STEP;

/// Runs of `run_files` files in order, but for a file of over
/// [`STAGED_BYTES`] (its size known: [`Weigh::Sizes`]), which is a run of
/// its own: the files read with it would wait for it, unshown.
fn runs_apart(sizes: &[u64], run_files: usize) -> Vec<std::ops::Range<usize>> {
    let run_files = run_files.max(1);
    let mut runs = Vec::with_capacity(sizes.len() / run_files + 1);
    let mut start = 0;
    for (i, &size) in sizes.iter().enumerate() {
        if size > STAGED_BYTES as u64 {
            if start < i {
                runs.push(start..i);
            }
            runs.push(i..i + 1);
            start = i + 1;
        } else if i + 1 - start == run_files {
            runs.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < sizes.len() {
        runs.push(start..sizes.len());
    }
    runs
}

/// Sets its flag if dropped in a panic.
struct StopOnPanic<'a>(&'a std::sync::atomic::AtomicBool);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(true, Relaxed);
        }
    }
}

/// What the workers of [`run`] have read and not yet handed over.
#[derive(Default)]
struct Handover {
    /// Runs read ahead of the batch, by their first file.
    ready: std::collections::BTreeMap<usize, Vec<Read>>,
    /// Files read in order from `start`, to go in the next batch.
    batch: Vec<Read>,
    start: usize,
    /// The batch's files' sizes.
    bytes: u64,
    /// When the last batch was handed over.
    handed: Option<std::time::Instant>,
}

impl Handover {
    /// The next batch, when one is due: [`FILES_PER_STEP`] files in order,
    /// or fewer when none was handed over for [`HANDOVER_PATIENCE`] or
    /// ever, or at the `last` (then once even with no files, for the
    /// load's end to be told).
    fn due(&mut self, sizes: &[u64], last: bool) -> Option<(Vec<Read>, std::ops::Range<usize>, u64)> {
        while self.batch.len() < FILES_PER_STEP {
            let from = self.start + self.batch.len();
            let Some(read) = self.ready.remove(&from) else { break };
            self.bytes += sizes[from..from + read.len()].iter().sum::<u64>();
            self.batch.extend(read);
        }
        let waited = self.handed.is_none_or(|t| t.elapsed() >= HANDOVER_PATIENCE);
        let due = self.batch.len() >= FILES_PER_STEP
            || (!self.batch.is_empty() && (waited || last))
            || (last && self.handed.is_none());
        if !due {
            return None;
        }
        let range = self.start..self.start + self.batch.len();
        self.start = range.end;
        self.handed = Some(std::time::Instant::now());
        Some((std::mem::take(&mut self.batch), range, std::mem::take(&mut self.bytes)))
    }
}

/// A file between its run's passes (see [`run`]).
enum Staged {
    /// Read and decoded, to be cleaned and extracted.
    Fetched(Vec<Source>, Vec<Diagnostic>),
    /// Extracted, its texts to be packed and its record encoded.
    Extracted(crate::cache::FileRead),
    /// Taken from the cache, or a large file taken through every pass at
    /// once.
    Done(Read),
}

/// The most text a file read afresh may have to wait, plain, between its
/// passes (with its records' other fields): a run holds at most
/// [`STAGED_FILES`] of them, where a news article is a few kilobytes.
const STAGED_BYTES: usize = 64 << 10;

/// Files taken through the passes together, on one core: a hundred
/// kilobytes of news, whose texts are still in the core's cache when
/// packed.
const STAGED_FILES: usize = 32;

/// One source cleaned and its quotes found. A bug that panics there costs
/// that article its cleaning or its quotes, with a warning, never the load:
/// the article is kept with its text.
fn clean_and_extract(source: &Source, terms: TermsWanted) -> ((Article, FirstPass), Option<Diagnostic>) {
    clean_and_extract_with(source, terms, extract::extract_first)
}

/// [`clean_and_extract`] with the extraction given (a test gives one that
/// fails).
fn clean_and_extract_with(
    source: &Source,
    terms: TermsWanted,
    extract_first: impl FnOnce(&Article, Option<&str>, TermsWanted) -> FirstPass,
) -> ((Article, FirstPass), Option<Diagnostic>) {
    let failure = |what: &str| Diagnostic {
        file: source.file.clone(),
        message: format!("{what} failed on this article (a bug in quoteline): its text is kept without quotes"),
        is_error: false,
    };
    let Some((article, lower)) = guard::guarded(|| crate::clean::clean_lowered(source)) else {
        return (
            (Article::uncleaned(source), FirstPass::empty(terms)),
            Some(failure("cleaning")),
        );
    };
    match guard::guarded(|| extract_first(&article, lower.as_deref(), terms)) {
        Some(first) => ((article, first), None),
        None => ((article, FirstPass::empty(terms)), Some(failure("quote extraction"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_quote_runs_tile_the_quotes_in_order() {
        let mut paths = vec![format!("{}/assets", env!("CARGO_MANIFEST_DIR"))];
        let seeds = format!("{}/../shared/seeds", env!("CARGO_MANIFEST_DIR"));
        if std::path::Path::new(&seeds).is_dir() {
            paths.push(seeds);
        } else {
            eprintln!("../shared/seeds is absent: the demo corpus alone");
        }
        let corpus = crate::load_corpus_packed(&paths, &LoadOptions::default(), None);
        assert!(corpus.quotes.len() > 100);
        let ids: Vec<QuoteId> = corpus.articles.iter().flat_map(|a| a.quotes).collect();
        assert_eq!(ids, (0..corpus.quotes.len()).collect::<Vec<_>>());
        for (a, article) in corpus.articles.iter().enumerate() {
            assert!(
                article.quotes.iter().all(|q| corpus.quotes[q].article == a),
                "{}",
                article.file
            );
        }
    }

    /// The files of each batch a load of `paths` hands over, with when:
    /// read by two workers, in a pool of their own (the other tests' work
    /// on the global pool would leave one worker to read every run).
    #[allow(clippy::type_complexity)]
    fn batches_read(paths: &[String]) -> (Vec<(std::time::Instant, Vec<String>)>, Vec<(std::time::Instant, usize)>) {
        let (mut batches, mut progress) = (Vec::new(), Vec::new());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        pool.install(|| {
            let opts = LoadOptions::default();
            run(
                paths,
                &opts,
                TermsWanted::default(),
                Weigh::Sizes,
                Texts::Plain,
                None,
                |event| match event {
                    Event::Batch(b) => {
                        let names = b
                            .articles
                            .iter()
                            .map(|a| a.file.rsplit('/').next().unwrap().to_string());
                        batches.push((std::time::Instant::now(), names.collect()));
                    }
                    Event::Progress(p) => progress.push((std::time::Instant::now(), p.done)),
                },
            )
        });
        (batches, progress)
    }

    /// An article of `n` paragraphs, each with a quote (each its own: a
    /// paragraph printed twice in a row is taken for clutter).
    fn paragraphs(n: usize) -> String {
        let mut text = String::from("Ferry plan\n\n");
        for i in 0..n {
            text.push_str(&format!(
                "“The ferry will run for {i} more days,” said Councillor Tom Reyes, who chairs the \
                 transport committee. Reyes said the boats were ready.\n\n"
            ));
        }
        text
    }

    /// A slow file holds back the showing of the files after it, not of
    /// those before it: they are handed over at once, and every file in
    /// file order.
    #[test]
    fn files_before_a_slow_one_are_handed_over_without_waiting_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let short = "Harbour vote\n\n“We will count every vote,” Mayor Ana Brook said on Monday.\n";
        let files = [
            ("a.txt", short.to_string()),
            ("b.txt", short.replace("Ana Brook", "Rob Lane")),
            // A megabyte of paragraphs: tens of milliseconds to extract.
            ("c.txt", paragraphs(7000)),
            ("d.txt", short.replace("Ana Brook", "Ida Holm")),
        ];
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let paths = vec![dir.path().to_string_lossy().into_owned()];
        let batches: Vec<Vec<String>> = batches_read(&paths).0.into_iter().map(|(_, names)| names).collect();
        assert_eq!(batches.concat(), ["a.txt", "b.txt", "c.txt", "d.txt"]);
        // Two runs of two files, one a core: the first is not held back.
        assert_eq!(batches[0], ["a.txt", "b.txt"], "{batches:?}");
    }

    /// A large file is a run of its own; the others go in runs of the
    /// size asked, in order.
    #[test]
    fn a_large_file_is_read_in_a_run_of_its_own() {
        let big = STAGED_BYTES as u64 + 1;
        assert_eq!(runs_apart(&[1, 1, 1, 1, 1], 2), [0..2, 2..4, 4..5]);
        assert_eq!(runs_apart(&[1, big, 1, 1, 1, big], 2), [0..1, 1..2, 2..4, 4..5, 5..6]);
        assert_eq!(runs_apart(&[big, big], 32), [0..1, 1..2]);
        assert_eq!(runs_apart(&[], 32), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(runs_apart(&[0; 5], 0), crate::model::runs(5, 1));
    }

    /// Batches go out in file order, FILES_PER_STEP files at most, fewer
    /// only at first, after HANDOVER_PATIENCE, or at the end.
    #[test]
    fn batches_are_handed_over_in_order_and_when_due() {
        let run = |n: usize| -> Vec<Read> { (0..n).map(|_| ((Vec::new(), Vec::new()), None)).collect() };
        let sizes = vec![1; 2048];
        let mut h = Handover::default();
        for start in (0..1024).step_by(32) {
            h.ready.insert(start, run(32));
        }
        let range =
            |due: Option<(Vec<Read>, std::ops::Range<usize>, u64)>| due.map(|(read, r, bytes)| (read.len(), r, bytes));
        assert_eq!(range(h.due(&sizes, false)), Some((512, 0..512, 512)));
        assert_eq!(range(h.due(&sizes, false)), Some((512, 512..1024, 512)));
        assert_eq!(range(h.due(&sizes, false)), None);
        // A gap (a slow file's run): what is before it waits its turn.
        h.ready.insert(1024, run(32));
        h.ready.insert(1088, run(32));
        assert_eq!(range(h.due(&sizes, false)), None, "handed over just now");
        h.handed = h.handed.map(|t| t - HANDOVER_PATIENCE);
        assert_eq!(range(h.due(&sizes, false)), Some((32, 1024..1056, 32)));
        h.ready.insert(1056, run(32));
        assert_eq!(range(h.due(&sizes, false)), None);
        assert_eq!(range(h.due(&sizes, true)), Some((64, 1056..1120, 64)));
        assert_eq!(range(h.due(&sizes, true)), None);
        // Nothing at all: the end is told once.
        let mut empty = Handover::default();
        assert_eq!(range(empty.due(&sizes, true)), Some((0, 0..0, 0)));
        assert_eq!(range(empty.due(&sizes, true)), None);
    }

    /// Files read while another core reads a slow file are handed over
    /// once HANDOVER_PATIENCE has passed, though no run is left to read.
    #[test]
    fn files_read_beside_a_slow_one_are_handed_over_while_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let short = "Harbour vote\n\n“We will count every vote,” Mayor Ana Brook said on Monday.\n";
        // Three runs of 32 files, one a core; the third starts with a file
        // of ten megabytes.
        for i in 0..96 {
            let text = match i {
                64 => paragraphs(70_000),
                _ => short.to_string(),
            };
            std::fs::write(dir.path().join(format!("{i:03}.txt")), text).unwrap();
        }
        let paths = vec![dir.path().to_string_lossy().into_owned()];
        let (batches, progress) = batches_read(&paths);
        let names: Vec<String> = batches.iter().flat_map(|(_, n)| n.clone()).collect();
        assert_eq!(names, (0..96).map(|i| format!("{i:03}.txt")).collect::<Vec<_>>());
        let slow = batches
            .iter()
            .position(|(_, n)| n.contains(&"064.txt".to_string()))
            .unwrap();
        if batches[slow].0 - batches[0].0 < HANDOVER_PATIENCE * 2 {
            eprintln!("the large file was read within the patience: nothing to see");
            return;
        }
        assert!(
            batches[..slow].iter().any(|(_, n)| n.contains(&"063.txt".to_string())),
            "{:?}",
            batches.iter().map(|(_, n)| (n.first(), n.len())).collect::<Vec<_>>()
        );
        // A file of its own size in a run of its own: the files after it
        // are read beside it, and counted in the progress told meanwhile.
        assert!(
            progress.iter().any(|&(t, done)| t < batches[slow].0 && done == 95),
            "{progress:?}"
        );
    }

    #[test]
    fn the_expected_size_follows_the_share_read_within_four_times() {
        // A quarter read: four times as many.
        assert_eq!(
            Expected::scaled(10, 100, 25, 100, Weigh::Sizes),
            Expected {
                articles: 40,
                quotes: 400
            }
        );
        // A sliver read: no more than four times what is there.
        assert_eq!(
            Expected::scaled(1, 5, 10, 1 << 40, Weigh::Sizes),
            Expected {
                articles: 4,
                quotes: 20
            }
        );
        // A trusted sample read: the whole estimate, up to 64 times.
        let sample = Expected::TRUSTED_SAMPLE;
        assert_eq!(
            Expected::scaled(1000, 10_000, sample, sample * 50, Weigh::Sizes),
            Expected {
                articles: 50_000,
                quotes: 500_000
            }
        );
        assert_eq!(
            Expected::scaled(1000, 10_000, sample, sample * 1000, Weigh::Sizes),
            Expected {
                articles: 64_000,
                quotes: 640_000
            }
        );
        // Files not weighed: by their number, trusted after a thousand.
        assert_eq!(
            Expected::scaled(1000, 10_000, 1024, 10_240, Weigh::Skip),
            Expected {
                articles: 10_000,
                quotes: 100_000
            }
        );
        assert_eq!(
            Expected::scaled(100, 1000, 100, 10_000, Weigh::Skip),
            Expected {
                articles: 400,
                quotes: 4000
            }
        );
        // The first thousand files archives of ten articles each: fourfold.
        assert_eq!(
            Expected::scaled(10_240, 100_000, 1024, 10_240, Weigh::Skip),
            Expected {
                articles: 40_960,
                quotes: 400_000
            }
        );
        // Nothing read, or sizes unknown: no estimate.
        assert_eq!(Expected::scaled(0, 0, 0, 100, Weigh::Sizes), Expected::default());
        assert_eq!(Expected::scaled(3, 3, 200, 100, Weigh::Sizes), Expected::default());
    }

    #[test]
    fn an_article_whose_extraction_panics_is_kept_with_a_warning() {
        let source = Source {
            file: "a.txt".into(),
            text: "A title\n\n“We will stay,” Ana Brook said.".into(),
            ..Source::default()
        };
        let terms = TermsWanted {
            article: true,
            quotes: true,
            search: true,
        };
        let ((article, first), failure) = clean_and_extract_with(&source, terms, |_, _, _| panic!("a bug in a sieve"));
        assert_eq!(article.text.get(), source.text);
        assert!(first.extraction.quotes.is_empty());
        assert_eq!(first.article_terms, Some(Vec::new()));
        assert_eq!(first.quote_terms.map(|t| t.len()), Some(0));
        let failure = failure.expect("a warning");
        assert!(!failure.is_error);
        assert!(
            failure.message.contains("quote extraction failed"),
            "{}",
            failure.message
        );
        // Without a failure, the same article's quote is found.
        let ((_, first), failure) = clean_and_extract(&source, TermsWanted::default());
        assert!(failure.is_none());
        assert_eq!(first.extraction.quotes.len(), 1);
    }

    #[test]
    fn reserving_for_the_expected_size_keeps_what_is_there() {
        let mut v = vec![1u8, 2, 3];
        reserve_expected(&mut v, 100);
        assert!(v.capacity() >= 110);
        assert_eq!(v, [1, 2, 3]);
        let cap = v.capacity();
        reserve_expected(&mut v, 50);
        assert_eq!(v.capacity(), cap, "room enough: nothing moves");
        // More than memory can hold: refused, and nothing lost.
        let mut w = vec![7u64];
        reserve_expected(&mut w, usize::MAX / 2);
        assert_eq!(w, [7]);
    }

    /// Loads `paths` as the command line does, up to the speakers.
    fn load_to_wordings(paths: &[String]) -> (Corpus, Builder) {
        let terms = TermsWanted {
            article: false,
            quotes: true,
            search: false,
        };
        let (mut corpus, mut builder) = read(paths, terms);
        builder.revise(&corpus).apply(&mut corpus);
        (corpus, builder)
    }

    /// Reads `paths` with the terms `terms` asks for, texts plain.
    fn read(paths: &[String], terms: TermsWanted) -> (Corpus, Builder) {
        let mut corpus = Corpus::default();
        let builder = run(
            paths,
            &LoadOptions::default(),
            terms,
            Weigh::Skip,
            Texts::Plain,
            None,
            |event| {
                if let Event::Batch(batch) = event {
                    batch.append_to(&mut corpus);
                }
            },
        );
        (corpus, builder)
    }

    /// The quotes' wordings taken from extraction's tokens are those each
    /// quote's text alone gives: on generated articles, the demo corpus,
    /// and awkward quotes (a fragment after a negation, marks against
    /// apostrophes, a number with a separator, a capital sigma).
    #[test]
    fn quote_wordings_from_extraction_are_those_from_the_text() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(&dir.path().join("gen"), 600, 11).unwrap();
        let edges = "Edges\n\n\
            The mayor would not pay “one cent more” for the bridge, Ana Brook said.\n\n\
            “'Tis the season of the dogs' toys,” said Rob Lane. “We counted 25,000 of them.\n\n\
            “And we will not count them again,” he said.\n\n\
            Lane called it ‘a hard year’ and ‘never a good one.’ “Σίσυφος,” Brook said. “—No,” Lane said.";
        std::fs::write(dir.path().join("edges.txt"), edges).unwrap();
        for paths in [
            vec![dir.path().to_string_lossy().into_owned()],
            vec![concat!(env!("CARGO_MANIFEST_DIR"), "/assets").to_string()],
        ] {
            let (corpus, mut builder) = load_to_wordings(&paths);
            assert!(corpus.quotes.len() > 50, "{paths:?}: {} quotes", corpus.quotes.len());
            let from_tokens = builder.take_quote_wordings().expect("every quote's wording").finish();
            let from_text = crate::relate::quote_vectors(&corpus);
            assert_eq!(from_tokens.len(), from_text.len());
            for q in 0..from_text.len() {
                assert_eq!(
                    from_tokens.get(q),
                    from_text.get(q),
                    "{paths:?}: “{}”",
                    corpus.quote_text(&corpus.quotes[q])
                );
            }
        }
    }

    /// The reader's one pass over the quotes' texts shows each quote's
    /// words once, in order, across chunks of unpacked texts: the index it
    /// builds from them is the one built apart, and the vectors are those
    /// extraction's tokens give.
    #[test]
    fn the_words_shown_beside_the_vectors_are_each_quotes_in_order() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(dir.path(), 600, 12).unwrap();
        let (mut corpus, mut builder) = load_to_wordings(&[dir.path().to_string_lossy().into_owned()]);
        let from_tokens = builder.take_quote_wordings().expect("every quote's wording").finish();
        corpus.pack_texts();
        assert!(
            corpus.quotes.len() > crate::relate::VECTOR_CHUNK + 1000,
            "{} quotes: more than one chunk",
            corpus.quotes.len()
        );
        let mut seen = Vec::new();
        let mut index = crate::search::WordIndexBuilder::default();
        let vectors = crate::relate::quote_vectors_seeing(&corpus, |words| {
            seen.push(words.to_string());
            index.add(words);
        });
        let texts: Vec<String> = corpus.quotes.iter().map(|q| corpus.quote_text(q).to_string()).collect();
        assert_eq!(seen, texts);
        assert_eq!(index.finish(), crate::search::WordIndex::of_quotes(&corpus));
        assert_eq!(vectors.len(), from_tokens.len());
        assert!((0..vectors.len()).all(|q| vectors.get(q) == from_tokens.get(q)));
    }

    /// The reader's load indexes the quotes' words and takes their terms
    /// as it reads them, also while it writes the cache of read articles;
    /// files taken from the cache bring neither, so a load with any of
    /// them has neither (they are then made from the texts).
    #[test]
    fn the_search_words_taken_while_reading_index_every_quote() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(dir.path(), FILES_PER_STEP + 90, 14).unwrap();
        // Files changed in the moment they are read are not kept in the
        // cache: these are let settle first.
        let settle = || std::thread::sleep(std::time::Duration::from_millis(30));
        settle();
        let paths = vec![dir.path().to_string_lossy().into_owned()];
        let cache = tempfile::tempdir().unwrap();
        let terms = TermsWanted {
            article: true,
            quotes: true,
            search: true,
        };
        for (round, read_afresh) in [(0, true), (1, false), (2, false)] {
            if round == 2 {
                // One file changed: read afresh, the others from the cache.
                let file = std::fs::read_dir(dir.path().join("0000"))
                    .unwrap()
                    .next()
                    .unwrap()
                    .unwrap()
                    .path();
                let text = std::fs::read_to_string(&file).unwrap();
                std::fs::write(&file, format!("{text}\n\n“We will see,” Ana Brook said.\n")).unwrap();
                settle();
            }
            let mut corpus = Corpus::default();
            let mut builder = run(
                &paths,
                &LoadOptions::default(),
                terms,
                Weigh::Sizes,
                Texts::Packed,
                Some(cache.path()),
                |event| {
                    if let Event::Batch(batch) = event {
                        batch.append_to(&mut corpus);
                    }
                },
            );
            let words = builder.take_search_words();
            assert_eq!(words.is_some(), read_afresh, "round {round}");
            assert_eq!(builder.take_quote_wordings().is_some(), read_afresh, "round {round}");
            if let Some(words) = words {
                assert!(corpus.quotes.len() > 1000);
                assert_eq!(words.finish(), crate::search::WordIndex::of_quotes(&corpus));
            }
        }
    }

    /// Over two chunks, packed, written to the cache and read back from
    /// it, the articles are those each file gives when read, cleaned and
    /// extracted alone, in order: small files wait between their runs'
    /// passes, a large one (many articles in one JSON Lines file) goes
    /// through them at once.
    #[test]
    fn articles_read_in_passes_or_at_once_are_those_of_each_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(dir.path(), FILES_PER_STEP + 40, 15).unwrap();
        let g = crate::gen::Generator::new(16);
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let a = g.article(i);
                serde_json::json!({ "url": format!("https://example.com/{i}"), "text": a.text }).to_string()
            })
            .collect();
        let big = dir.path().join("many.jsonl");
        std::fs::write(&big, lines.join("\n")).unwrap();
        let (sources, _) = load::read_file_diagnosed(&big.to_string_lossy(), &LoadOptions::default());
        assert!(sources.iter().map(|s| s.text.len()).sum::<usize>() > STAGED_BYTES);
        let paths = vec![dir.path().to_string_lossy().into_owned()];
        let (files, _) = load::discover::discover(&paths);
        assert_eq!(files.len(), FILES_PER_STEP + 41);
        let alone: Vec<_> = files
            .iter()
            .flat_map(|f| load::read_file_diagnosed(f, &LoadOptions::default()).0)
            .map(|s| {
                let ((article, first), _) = clean_and_extract(&s, TermsWanted::default());
                let spans: Vec<_> = first
                    .extraction
                    .quotes
                    .iter()
                    .map(|q| (q.span.start, q.span.end))
                    .collect();
                (article.file, article.item, article.text.get().to_string(), spans)
            })
            .collect();
        assert_eq!(alone.len(), FILES_PER_STEP + 100);
        assert!(
            alone.iter().filter(|a| !a.3.is_empty()).count() > FILES_PER_STEP,
            "quotes found"
        );
        let load = |texts: Texts, cache: Option<&std::path::Path>| {
            let mut corpus = Corpus::default();
            let mut from_cache = 0;
            run(
                &paths,
                &LoadOptions::default(),
                TermsWanted::default(),
                Weigh::Sizes,
                texts,
                cache,
                |event| match event {
                    Event::Batch(batch) => batch.append_to(&mut corpus),
                    Event::Progress(p) => from_cache = p.from_cache,
                },
            );
            let articles: Vec<_> = corpus
                .articles
                .iter()
                .map(|a| {
                    let spans: Vec<_> = a
                        .quotes
                        .iter()
                        .map(|q| corpus.quotes[q].span)
                        .map(|s| (s.start(), s.end()))
                        .collect();
                    (a.file.clone(), a.item.clone(), a.text.get().to_string(), spans)
                })
                .collect();
            (articles, from_cache)
        };
        assert_eq!(load(Texts::Plain, None), (alone.clone(), 0));
        assert_eq!(load(Texts::Packed, None), (alone.clone(), 0));
        let cache = tempfile::tempdir().unwrap();
        assert_eq!(
            load(Texts::Packed, Some(cache.path())),
            (alone.clone(), 0),
            "written to the cache"
        );
        assert_eq!(
            load(Texts::Packed, Some(cache.path())),
            (alone, files.len()),
            "read from the cache"
        );
    }

    /// The articles' terms registered batch after batch are every
    /// article's in order: those taken from the texts afterwards.
    #[test]
    fn the_articles_terms_registered_while_reading_are_those_of_the_texts() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(dir.path(), FILES_PER_STEP + 90, 13).unwrap();
        let terms = TermsWanted {
            article: true,
            quotes: false,
            search: false,
        };
        let (corpus, mut builder) = read(&[dir.path().to_string_lossy().into_owned()], terms);
        let registered = builder.take_article_terms();
        assert_eq!(registered.len(), FILES_PER_STEP + 90);
        let from_texts = crate::relate::stories::ArticleTerms::of_corpus(&corpus);
        assert_eq!(format!("{registered:?}"), format!("{from_texts:?}"));
    }
}
