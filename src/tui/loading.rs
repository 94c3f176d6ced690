//! Loading behind the reader: a worker thread reads and extracts the
//! files and sends batches as they are ready, so the first frame is drawn
//! at once and keys work while the rest arrives. The corpus-wide steps run
//! on the worker too, from what it kept and from shared snapshots of the
//! reader's corpus: articles whose genders the corpus settles are
//! extracted again, speakers are merged, relations computed; each result
//! is handed back to be applied in a moment.

use quoteline::model::Corpus;
use quoteline::pipeline::{self, Batch, Progress, Resolution, Revision, Stage};
use quoteline::relate::stories::{ArticleTerms, Linked};
use quoteline::relate::Relations;
use quoteline::search::{WordIndex, WordIndexBuilder};
use quoteline::state::{self, UserState};
use quoteline::{cache, words_cache, LoadOptions};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What the worker sends.
pub enum Message {
    Progress(Progress),
    Batch(Batch),
    /// Every batch is out: the worker waits for the corpus ([`Loading::give_corpus`]).
    WantCorpus,
    Revision(Revision),
    Speakers(Resolution),
    Relations(Relations, WordIndex),
}

pub struct Loading {
    from_worker: Receiver<Message>,
    /// Snapshots of the reader's corpus, to revise and to relate.
    to_worker: Sender<Arc<Corpus>>,
    pub started: Instant,
    /// Set when the stories linked while speakers merged no longer held
    /// and were found again from the text (a pass over all of it): the
    /// results are the same either way, so only the tests look.
    #[cfg(test)]
    pub stories_found_again: Arc<AtomicBool>,
    /// Set when the quotes' vectors and the search index were read back
    /// from the cache ([`quoteline::words_cache`]), for the tests.
    #[cfg(test)]
    pub words_from_cache: Arc<AtomicBool>,
}

impl Loading {
    /// Loads `paths`; `user` is the state the reader will apply once
    /// speakers merge (its dates decide which articles tell one story).
    /// With `cache_dir`, files read before and unchanged are taken from the
    /// cache there ([`quoteline::cache`]).
    pub fn start(paths: Vec<String>, opts: LoadOptions, user: UserState, cache_dir: Option<PathBuf>) -> Loading {
        let (send, from_worker) = channel();
        let (to_worker, snapshots) = channel::<Arc<Corpus>>();
        let stories_found_again = Arc::new(AtomicBool::new(false));
        let found_again = Arc::clone(&stories_found_again);
        let words_from_cache = Arc::new(AtomicBool::new(false));
        let words_read = Arc::clone(&words_from_cache);
        std::thread::spawn(move || {
            // The quotes' terms and search words are taken as the files
            // are read: made from the texts once all were read, they
            // unpacked every text again (perf: most of the last second of
            // a 100k first open). Files taken from the cache have none, so
            // a load with any of them has none: every quote's are then
            // read back from beside the cache, or made from the texts.
            let terms = quoteline::extract::TermsWanted {
                article: true,
                quotes: true,
                search: true,
            };
            // Files taken from the cache, told with every later stage too
            // (the status line says it once loading ends).
            let mut from_cache = 0;
            let mut builder = pipeline::run(
                &paths,
                &opts,
                terms,
                pipeline::Weigh::Sizes,
                pipeline::Texts::Packed,
                cache_dir.as_deref(),
                |event| {
                    let _ = send.send(match event {
                        pipeline::Event::Progress(p) => {
                            from_cache = p.from_cache;
                            Message::Progress(p)
                        }
                        pipeline::Event::Batch(b) => Message::Batch(b),
                    });
                },
            );
            let stage = |stage| {
                Message::Progress(Progress {
                    stage,
                    from_cache,
                    ..Progress::default()
                })
            };
            // What reading built and the steps after it free is given back
            // at once, until the reader has applied the relations.
            quoteline::alloc::purge_at_once(true);
            let _ = send.send(stage(Stage::Revising));
            let _ = send.send(Message::WantCorpus);
            let Ok(corpus) = snapshots.recv() else { return };
            let revision = builder.revise(&corpus);
            let dates = state::dates_with(&corpus, &user);
            // As below: the reader applies it without a copy.
            drop(corpus);
            let _ = send.send(Message::Revision(revision));
            let _ = send.send(stage(Stage::Speakers));
            // Stories need only the articles' terms and dates (with the
            // dates the user set): linked beside speaker merging, which
            // keeps one core busy, their terms are freed before the
            // relations' peak instead of during it.
            let article_terms = builder.take_article_terms();
            let (linked, merged) = rayon::join(
                || Linked::find(dates, article_terms),
                || send.send(Message::Speakers(builder.resolve())).is_ok(),
            );
            if !merged {
                return;
            }
            // Taken before the builder goes, while the reader applies the
            // speakers: its sightings are freed first.
            let wordings = builder.take_quote_wordings();
            let mut index = builder.take_search_words();
            drop(builder);
            let Ok(corpus) = snapshots.recv() else { return };
            let _ = send.send(stage(Stage::Relations));
            // The quotes' vectors and search index: from what reading took
            // when every file was read afresh. Else read back, when this
            // corpus's were kept beside the cache (`words_cache`), or made
            // from the texts, the index from the texts unpacked for the
            // vectors. This thread reads the file alone: the pool's
            // threads first take back what merging freed, which idle they
            // would keep counted while the file is read.
            quoteline::alloc::collect_on_pool();
            let words_file = cache_dir.as_deref().map(|dir| {
                (
                    words_cache::beside(&cache::file_for(dir, &paths)),
                    words_cache::fingerprint(&corpus),
                )
            });
            let saved = match (&wordings, &index) {
                (Some(_), Some(_)) => None,
                _ => words_file
                    .as_ref()
                    .and_then(|(file, fingerprint)| words_cache::read(file, *fingerprint, corpus.quotes.len())),
            };
            words_read.store(saved.is_some(), Ordering::Relaxed);
            let made = saved.is_none();
            let (vectors, saved_index) = match (saved, wordings) {
                (Some((vectors, index)), _) => (vectors, Some(index)),
                (None, Some(wordings)) => (wordings.finish(), None),
                (None, None) if index.is_some() => (quoteline::relate::quote_vectors(&corpus), None),
                (None, None) => {
                    let mut words = WordIndexBuilder::default();
                    let vectors = quoteline::relate::quote_vectors_seeing(&corpus, |w| words.add(w));
                    index = Some(words);
                    (vectors, None)
                }
            };
            let (relations, search_index) = rayon::join(
                || match linked.and_then(|l| l.stories(&corpus)) {
                    Some(stories) => {
                        quoteline::relate::compute_with(&corpus, None, Some(vectors)).with_stories(stories)
                    }
                    // A date that changed since they were linked (it
                    // should not): found again, from the text.
                    None => {
                        found_again.store(true, Ordering::Relaxed);
                        quoteline::relate::compute_with(&corpus, Some(ArticleTerms::default()), Some(vectors))
                    }
                },
                || match (saved_index, index) {
                    (Some(saved), _) => saved,
                    (None, Some(words)) => words.finish(),
                    (None, None) => WordIndex::of_quotes(&corpus),
                },
            );
            // Kept for the next time this corpus is opened; a file that
            // cannot be written is made again then.
            if let (true, Some((file, fingerprint)), Some(vectors)) = (made, &words_file, relations.quote_terms()) {
                let _ = words_cache::write(file, *fingerprint, vectors, &search_index);
            }
            // Dropped before sending, so the reader holds the only copy
            // and applies the relations without cloning the corpus.
            drop(corpus);
            let _ = send.send(Message::Relations(relations, search_index));
        });
        Loading {
            from_worker,
            to_worker,
            started: Instant::now(),
            #[cfg(test)]
            stories_found_again,
            #[cfg(test)]
            words_from_cache,
        }
    }

    /// The next message, if one is waiting; `Err` when the worker is gone.
    pub fn try_next(&self) -> Result<Option<Message>, ()> {
        match self.from_worker.try_recv() {
            Ok(m) => Ok(Some(m)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(()),
        }
    }

    /// Hands the worker the corpus it waits for (to revise, then to relate).
    pub fn give_corpus(&self, corpus: Arc<Corpus>) {
        let _ = self.to_worker.send(corpus);
    }
}

/// How long one turn of the event loop may spend applying batches before it
/// draws and reads keys again.
pub const APPLY_BUDGET: Duration = Duration::from_millis(8);

/// How often the screen is redrawn while loading when no key asks for it:
/// ten frames a second move the progress bar smoothly, and a frame at
/// 200x60 costs the loading cores a few milliseconds (drawing every turn
/// was a tenth of a 100k-article load; profiled).
pub const LOADING_FRAME: Duration = Duration::from_millis(100);

/// When the event loop draws: at once after a key or once loaded, and at
/// most every [`LOADING_FRAME`] while only the loading moves.
#[derive(Debug, Default)]
pub struct FrameClock {
    last: Option<Instant>,
}

impl FrameClock {
    /// Whether to draw now (and if so, the clock restarts).
    pub fn due(&mut self, loading: bool, key_handled: bool) -> bool {
        let due = !loading || key_handled || self.last.is_none_or(|t| t.elapsed() >= LOADING_FRAME);
        if due {
            self.last = Some(Instant::now());
        }
        due
    }
}

/// "reading 4 512/100 000 files · 120/271 MB · 45 MB/s · 3 s left".
pub fn describe(p: &Progress, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(0.001);
    match p.stage {
        Stage::Reading if p.total == 0 => "finding files".to_string(),
        Stage::Reading => {
            let rate = p.bytes_done as f64 / 1e6 / secs;
            let left = if p.bytes_done > 0 {
                format!(
                    " · {:.0} s left",
                    (p.bytes_total.saturating_sub(p.bytes_done)) as f64 / 1e6 / rate.max(0.001)
                )
            } else {
                String::new()
            };
            format!(
                "reading {}/{} files · {:.0}/{:.0} MB · {rate:.0} MB/s{left}",
                p.done,
                p.total,
                p.bytes_done as f64 / 1e6,
                p.bytes_total as f64 / 1e6
            )
        }
        stage => stage.describe().to_string(),
    }
}

/// How far along, from 0 to 1: reading (and extracting) counts for most
/// of the time.
pub fn fraction(p: &Progress) -> f64 {
    let part = |done: usize, total: usize| if total == 0 { 1.0 } else { done as f64 / total as f64 };
    match p.stage {
        Stage::Reading if p.total == 0 => 0.0,
        Stage::Reading => 0.85 * part(p.done, p.total),
        Stage::Revising => 0.85,
        Stage::Speakers => 0.9,
        Stage::Relations => 0.95,
        Stage::Done => 1.0,
    }
}
