//! Loading in stages that can stream: files are read, cleaned and scanned
//! in parallel a chunk at a time; then extracted a chunk at a time, each
//! chunk becoming a [`Batch`] the caller appends to its corpus at once
//! (quotes carry provisional speakers: one per name as written). The
//! corpus-wide steps come last and are computed apart from the corpus, so
//! the reader can run them in the background and apply their results:
//! [`Builder::resolve`] merges speakers across articles, and
//! [`crate::relate::compute`] finds statements and stories.
//!
//! The CLI runs the same stages one after the other ([`crate::load_corpus`]),
//! so the reader and the scripts see the same corpus.

use crate::extract::{self, people, Extraction, Scan};
use crate::load::{self, LoadOptions};
use crate::model::{Article, Corpus, Diagnostic, Quote, Speaker, SpeakerId, SpeakerKind};
use crate::resolve::speakers::{self, Registry, Sighting};
use rayon::prelude::*;
use std::collections::HashMap;

/// Files read per step of the first pass, and articles extracted per batch:
/// big enough to keep both cores busy, small enough to report often.
const FILES_PER_STEP: usize = 512;
const ARTICLES_PER_BATCH: usize = 1024;

/// Where a load is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// Reading, decoding, cleaning and scanning files (`done` counts files).
    #[default]
    Reading,
    /// Finding quotes and speakers (`done` counts articles).
    Extracting,
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
            Stage::Extracting => "extracting",
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
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// Articles and quotes ready to append, with the provisional speakers
/// first seen in them and the problems met on the way.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Batch {
    /// Appends to the corpus the batches before it were appended to.
    pub fn append_to(self, corpus: &mut Corpus) {
        corpus.diagnostics.extend(self.diagnostics);
        corpus.speakers.extend(self.speakers);
        let first = corpus.quotes.len();
        for (i, q) in self.quotes.iter().enumerate() {
            if let Some(s) = q.speaker {
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

/// Keeps what the corpus-wide speaker merge needs while batches go out:
/// every sighting of a person, and the provisional speaker of each name.
#[derive(Debug, Default)]
pub struct Builder {
    sightings: Vec<Sighting>,
    provisional: HashMap<(SpeakerKind, String), SpeakerId>,
    keys: Vec<(SpeakerKind, String)>,
    articles: usize,
    quotes: usize,
}

impl Builder {
    /// Turns extracted articles into a batch numbered after the previous ones.
    pub fn batch(&mut self, processed: Vec<(Article, Extraction)>, diagnostics: Vec<Diagnostic>) -> Batch {
        let mut batch = Batch {
            diagnostics,
            ..Batch::default()
        };
        for (mut article, ex) in processed {
            let aid = self.articles;
            self.articles += 1;
            for q in ex.quotes {
                let speaker = q.speaker.as_ref().map(|s| {
                    let alias = q
                        .mention
                        .as_ref()
                        .filter(|m| extract::mentions::pronoun(&m.text).is_none())
                        .map(|m| m.text.clone());
                    self.sightings.push(Sighting {
                        speaker: s.clone(),
                        alias,
                        quoted: true,
                    });
                    let key = speakers::key_of(s);
                    *self.provisional.entry(key.clone()).or_insert_with(|| {
                        self.keys.push(key);
                        batch.speakers.push(Speaker {
                            name: s.name.clone(),
                            kind: s.kind,
                            aliases: Vec::new(),
                            roles: s.roles.clone(),
                            quotes: Vec::new(),
                        });
                        self.keys.len() - 1
                    })
                });
                article.quotes.push(self.quotes);
                self.quotes += 1;
                batch.quotes.push(Quote {
                    article: aid,
                    span: q.span,
                    text: q.text,
                    kind: q.kind,
                    cue: q.cue,
                    mention: q.mention,
                    speaker,
                    sieve: q.sieve,
                    when: crate::resolve::when::statement_date(q.time.as_ref(), article.date),
                    time: q.time,
                    statement: None,
                    starred: false,
                    note: None,
                });
            }
            self.sightings.extend(ex.people.into_iter().map(|p| Sighting {
                speaker: p,
                alias: None,
                quoted: false,
            }));
            batch.articles.push(article);
        }
        batch
    }

    /// Merges speakers across every batch (the costly, corpus-wide step).
    pub fn resolve(&self) -> Resolution {
        let registry = Registry::build(&self.sightings);
        let mut mentioned_only = vec![true; registry.entities.len()];
        for s in self.sightings.iter().filter(|s| s.quoted) {
            if let Some(e) = registry.lookup(&s.speaker) {
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
            q.speaker = q.speaker.and_then(|p| self.map[p]);
            if let Some(s) = q.speaker {
                corpus.speakers[s].quotes.push(qid);
            }
        }
        crate::sort_speaker_quotes(corpus);
    }
}

/// Reads and extracts every article under `paths`, sending progress and
/// batches to `emit` in file order; returns the builder for the
/// corpus-wide steps.
pub fn run(paths: &[String], opts: &LoadOptions, mut emit: impl FnMut(Event)) -> Builder {
    let (files, diags) = load::discover::discover(paths);
    let sizes: Vec<u64> = files
        .par_iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    let mut progress = Progress {
        stage: Stage::Reading,
        done: 0,
        total: files.len(),
        bytes_done: 0,
        bytes_total: sizes.iter().sum(),
    };
    emit(Event::Progress(progress));
    // Pass 1: read, clean, scan. Genders learnt from full names anywhere
    // help resolve "he" and "she" in articles that give only a surname, so
    // extraction waits for every article's names.
    let mut scanned: Vec<(Article, Scan)> = Vec::new();
    let mut hints = people::HintCounter::default();
    let mut diagnostics = diags;
    for (chunk, chunk_sizes) in files.chunks(FILES_PER_STEP).zip(sizes.chunks(FILES_PER_STEP)) {
        type Read = (Vec<(Article, Scan, Vec<people::Person>)>, Vec<Diagnostic>);
        let read: Vec<Read> = chunk
            .par_iter()
            .map(|file| {
                let (sources, diags) = load::read_file_diagnosed(file, opts);
                let articles = sources
                    .iter()
                    .map(|s| {
                        let article = crate::clean::clean(s);
                        let (scan, persons) = extract::scan(&article);
                        (article, scan, persons)
                    })
                    .collect();
                (articles, diags)
            })
            .collect();
        for (articles, diags) in read {
            diagnostics.extend(diags);
            for (article, scan, persons) in articles {
                hints.add(&persons);
                scanned.push((article, scan));
            }
        }
        progress.done += chunk.len();
        progress.bytes_done += chunk_sizes.iter().sum::<u64>();
        emit(Event::Progress(progress));
    }
    // Pass 2: extract, a batch at a time.
    let hints = hints.finish();
    let mut builder = Builder::default();
    progress = Progress {
        stage: Stage::Extracting,
        done: 0,
        total: scanned.len(),
        ..progress
    };
    emit(Event::Progress(progress));
    let mut scanned = scanned.into_iter();
    loop {
        let chunk: Vec<(Article, Scan)> = scanned.by_ref().take(ARTICLES_PER_BATCH).collect();
        if chunk.is_empty() && progress.done > 0 {
            break;
        }
        let last = chunk.len() < ARTICLES_PER_BATCH;
        progress.done += chunk.len();
        let processed: Vec<(Article, Extraction)> = chunk
            .into_par_iter()
            .map(|(article, scan)| {
                let found = extract::extract(&article, scan, &hints);
                (article, found)
            })
            .collect();
        let batch = builder.batch(processed, std::mem::take(&mut diagnostics));
        emit(Event::Batch(batch));
        emit(Event::Progress(progress));
        if last {
            break;
        }
    }
    builder
}
