//! Live folders: when the reader was opened on folders, new and changed
//! article files are noticed (notify) and the corpus is loaded again in the
//! background, so the screen never freezes; the reader then swaps it in
//! keeping the selection.

use notify::{RecursiveMode, Watcher};
use quoteline::model::Corpus;
use quoteline::state::{StateFile, UserState};
use quoteline::LoadOptions;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

/// Quiet time after the last file event before loading again: editors and
/// downloads write a file in several steps.
const SETTLE: Duration = Duration::from_millis(250);

/// What to load again, and how.
#[derive(Clone)]
pub struct Reload {
    pub paths: Vec<String>,
    pub opts: LoadOptions,
    pub store: Option<StateFile>,
    /// Where the cache of read articles is kept (`None`: `--no-cache`).
    pub cache: Option<PathBuf>,
}

pub struct Live {
    // Kept alive for as long as the reader runs.
    _watcher: notify::RecommendedWatcher,
    events: Receiver<PathBuf>,
    loaded: Receiver<(Corpus, UserState)>,
    loaded_tx: Sender<(Corpus, UserState)>,
    reload: Reload,
    pending_since: Option<Instant>,
    loading: bool,
    /// Changes that arrived while a load was running.
    again: bool,
}

/// Whether a changed path can matter: an article file, not hidden, not
/// the state file the reader itself writes.
fn relevant(path: &Path, state: Option<&Path>) -> bool {
    // Only the file's own name: the watched folder may itself sit under a
    // hidden one (~/.cache/news).
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    !hidden && Some(path) != state && quoteline::load::discover::is_article_file(path)
}

impl Live {
    /// Watches the folders among `reload.paths`; `None` when there are
    /// none or the system refuses to watch (the reader then works as
    /// before, without live updates).
    pub fn start(reload: Reload) -> Option<Live> {
        let folders: Vec<&String> = reload.paths.iter().filter(|p| Path::new(p).is_dir()).collect();
        if folders.is_empty() {
            return None;
        }
        let (tx, events) = channel();
        let state = reload.store.as_ref().map(|s| s.path.clone());
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(ev) = res {
                if matches!(ev.kind, notify::EventKind::Access(_)) {
                    return;
                }
                for p in ev.paths {
                    if relevant(&p, state.as_deref()) {
                        let _ = tx.send(p);
                    }
                }
            }
        })
        .ok()?;
        for f in folders {
            watcher.watch(Path::new(f), RecursiveMode::Recursive).ok()?;
        }
        let (loaded_tx, loaded) = channel();
        Some(Live {
            _watcher: watcher,
            events,
            loaded,
            loaded_tx,
            reload,
            pending_since: None,
            loading: false,
            again: false,
        })
    }

    /// Called from the event loop: notes file events, starts a background
    /// load once they settle, and returns a freshly loaded corpus (with the
    /// user's state applied) when one is ready.
    pub fn poll(&mut self) -> Option<(Corpus, UserState)> {
        while self.events.try_recv().is_ok() {
            self.pending_since = Some(Instant::now());
        }
        if let Ok(done) = self.loaded.try_recv() {
            self.loading = false;
            if self.again {
                self.again = false;
                self.pending_since = Some(Instant::now());
            }
            return Some(done);
        }
        if let Some(since) = self.pending_since {
            if self.loading {
                self.again = true;
                self.pending_since = None;
            } else if since.elapsed() >= SETTLE {
                self.pending_since = None;
                self.loading = true;
                let reload = self.reload.clone();
                let tx = self.loaded_tx.clone();
                std::thread::spawn(move || {
                    let mut corpus =
                        quoteline::load_corpus_packed(&reload.paths, &reload.opts, reload.cache.as_deref());
                    // Warnings were printed at start; the screen has no room.
                    let user = match &reload.store {
                        Some(store) => store.load_into(&mut corpus).0,
                        None => UserState::new(),
                    };
                    let _ = tx.send((corpus, user));
                });
            }
        }
        None
    }
}
