//! Live folders: when the reader was opened on folders, new and changed
//! article files are noticed (notify) and the corpus is loaded again in the
//! background, so the screen never freezes; the reader then swaps it in
//! keeping the selection.

use notify::{RecursiveMode, Watcher};
use quoteline::cache::Stamp;
use quoteline::model::Corpus;
use quoteline::state::{StateFile, UserState};
use quoteline::LoadOptions;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime};

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

/// A folder loaded again: the corpus, the user's state applied to it, and
/// what applying it warned of.
pub type Reloaded = (Corpus, UserState, Vec<String>);

pub struct Live {
    // Kept alive for as long as the reader runs.
    watcher: notify::RecommendedWatcher,
    folders: Vec<Watched>,
    /// Paths changed, and whether each was made, removed or renamed.
    events: Receiver<(PathBuf, bool)>,
    /// For changes found otherwise than by the watches ([`Live::catch_up`]).
    events_tx: Sender<(PathBuf, bool)>,
    /// The state file, as the events name it: none of the articles'.
    state: Option<PathBuf>,
    loaded: Receiver<Reloaded>,
    loaded_tx: Sender<Reloaded>,
    reload: Reload,
    pending_since: Option<Instant>,
    loading: bool,
    /// Changes that arrived while a load was running.
    again: bool,
}

/// A watched folder, and what it was when its watch was set: a folder
/// removed and made again (a sync, a checkout) is another folder, which
/// the old watch does not see.
struct Watched {
    path: PathBuf,
    identity: Option<(u64, u64)>,
}

/// A folder's device and inode, while it exists.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
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
        // Absolute, so that the events of a folder's parent name it as
        // it is named here.
        let folders: Vec<PathBuf> = reload
            .paths
            .iter()
            .filter(|p| Path::new(p).is_dir())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        if folders.is_empty() {
            return None;
        }
        let (tx, events) = channel();
        // As events name it: through its folder's real path.
        let state = reload.store.as_ref().map(|s| {
            let real = |p: &Path| std::fs::canonicalize(p).ok();
            // A bare file name's parent is "", the working folder.
            let parent = s
                .path
                .parent()
                .map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
            match (parent.and_then(real), s.path.file_name()) {
                (Some(folder), Some(name)) => folder.join(name),
                _ => s.path.clone(),
            }
        });
        let named = folders.clone();
        let events_tx = tx.clone();
        let state_path = state.clone();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if let Ok(ev) = res {
                if matches!(ev.kind, notify::EventKind::Access(_)) {
                    return;
                }
                // Made, removed or renamed: for a watched folder itself,
                // what may call for watching it again (not a change of its
                // times, which rsync and tar make).
                let made_or_gone = matches!(
                    ev.kind,
                    notify::EventKind::Create(_)
                        | notify::EventKind::Remove(_)
                        | notify::EventKind::Modify(notify::event::ModifyKind::Name(_))
                );
                for p in ev.paths {
                    // The parents' other files are none of the reader's.
                    let inside = named.iter().any(|f| p.starts_with(f));
                    if inside && (relevant(&p, state.as_deref()) || named.contains(&p)) {
                        let _ = tx.send((p, made_or_gone));
                    }
                }
            }
        })
        .ok()?;
        for f in &folders {
            watcher.watch(f, RecursiveMode::Recursive).ok()?;
        }
        // Each folder's parent too, to see the folder made again once
        // removed (not possible for the root, or in a parent not readable).
        // Not a parent inside a watched folder: its watch would replace
        // that folder's recursive one.
        for parent in folders.iter().filter_map(|f| f.parent()) {
            if !folders.iter().any(|f| parent.starts_with(f)) {
                let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
            }
        }
        let folders = folders
            .into_iter()
            .map(|path| Watched {
                identity: identity(&path),
                path,
            })
            .collect();
        let (loaded_tx, loaded) = channel();
        Some(Live {
            watcher,
            folders,
            events,
            events_tx,
            state: state_path,
            loaded,
            loaded_tx,
            reload,
            pending_since: None,
            loading: false,
            again: false,
        })
    }

    /// Looks on a thread of its own for an article file made or changed
    /// since `since` (when the first load began; the folders are watched
    /// once it ended, as watching them while it reads costs an event for
    /// each file opened, 8% of a 100k load): one found is loaded as the
    /// watches' changes are. A change in the same tick of the file
    /// system's clock as `since` counts ([`Stamp::settled`]).
    /// Returns the looking thread (the tests wait for it).
    pub fn catch_up(&self, since: SystemTime) -> std::thread::JoinHandle<()> {
        let paths = self.reload.paths.clone();
        let tx = self.events_tx.clone();
        let state = self.state.clone();
        std::thread::spawn(move || {
            let (files, _) = quoteline::load::discover::discover(&paths);
            // The state file by its real path, as the events name it;
            // resolved only for a file of its name (not 100k times).
            let is_state = |file: &Path| {
                state.as_deref().is_some_and(|st| {
                    st.file_name() == file.file_name() && std::fs::canonicalize(file).is_ok_and(|real| real == st)
                })
            };
            let changed = files.into_iter().map(PathBuf::from).find(|file| {
                relevant(file, None)
                    && !is_state(file)
                    && std::fs::metadata(file).is_ok_and(|meta| !Stamp::of(&meta).settled(since))
            });
            if let Some(file) = changed {
                let _ = tx.send((file, false));
            }
        })
    }

    /// Called from the event loop: notes file events, starts a background
    /// load once they settle, and returns a freshly loaded corpus (with the
    /// user's state applied) when one is ready.
    pub fn poll(&mut self) -> Option<Reloaded> {
        let mut changed = false;
        let mut folders_touched: Vec<PathBuf> = Vec::new();
        while let Ok((path, made_or_gone)) = self.events.try_recv() {
            changed = true;
            if made_or_gone && self.folders.iter().any(|f| f.path == path) {
                folders_touched.push(path);
            }
        }
        if changed {
            self.pending_since = Some(Instant::now());
            self.watch_folders_made_again(&folders_touched);
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
                    let (user, warnings) = match &reload.store {
                        Some(store) => store.load_into(&mut corpus),
                        None => (UserState::new(), Vec::new()),
                    };
                    let _ = tx.send((corpus, user, warnings));
                });
            }
        }
        None
    }

    /// Sets a watch on each folder that was removed and made again since
    /// its watch was set (the old watch ended with the old folder): one an
    /// event named (`touched`), as a folder made again can have the old
    /// one's inode number, or one that is another inode now. What was
    /// written into it before this is read by the load that follows.
    fn watch_folders_made_again(&mut self, touched: &[PathBuf]) {
        for f in &mut self.folders {
            let now = identity(&f.path);
            if now == f.identity && !touched.contains(&f.path) {
                continue;
            }
            let _ = self.watcher.unwatch(&f.path);
            f.identity = match now {
                Some(_) if self.watcher.watch(&f.path, RecursiveMode::Recursive).is_ok() => now,
                _ => None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Polls until a load arrives, for at most `secs` seconds.
    fn load_within(live: &mut Live, secs: u64) -> Option<Corpus> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(secs) {
            if let Some((corpus, _, _)) = live.poll() {
                return Some(corpus);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    fn next_load(live: &mut Live) -> Option<Corpus> {
        load_within(live, 10)
    }

    fn write_article(folder: &Path, name: &str) {
        std::fs::write(
            folder.join(name),
            format!("{name}\n\n\"We are here,\" said Ada Lind.\n"),
        )
        .unwrap();
    }

    fn watch(folder: &Path) -> Live {
        Live::start(Reload {
            paths: vec![folder.to_string_lossy().into_owned()],
            opts: LoadOptions::default(),
            store: None,
            cache: None,
        })
        .expect("a folder to watch")
    }

    /// A file written while the first load ran, before the watches were
    /// set, is loaded when it ends; a file older than that load is not
    /// cause to load again.
    #[test]
    fn a_file_written_during_the_first_load_is_caught_up_with() {
        let folder = tempfile::tempdir().unwrap();
        write_article(folder.path(), "one.txt");
        // Past the file system's clock tick.
        std::thread::sleep(Duration::from_millis(30));
        let began = SystemTime::now();
        let mut live = watch(folder.path());
        live.catch_up(began).join().unwrap();
        std::thread::sleep(SETTLE * 2);
        assert!(live.poll().is_none() && live.pending_since.is_none(), "nothing new");

        let began = SystemTime::now();
        write_article(folder.path(), "two.txt");
        let mut live = watch(folder.path());
        live.catch_up(began);
        let loaded = next_load(&mut live).expect("the file written since is loaded");
        assert_eq!(loaded.articles.len(), 2);
    }

    #[test]
    fn a_folder_removed_and_made_again_is_still_watched() {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("news");
        std::fs::create_dir(&folder).unwrap();
        write_article(&folder, "one.txt");
        let mut live = Live::start(Reload {
            paths: vec![folder.to_string_lossy().into_owned()],
            opts: LoadOptions::default(),
            store: None,
            cache: None,
        })
        .expect("a folder to watch");
        std::fs::remove_dir_all(&folder).unwrap();
        let gone = next_load(&mut live).expect("the removal is seen");
        assert_eq!(gone.articles.len(), 0);
        std::fs::create_dir(&folder).unwrap();
        write_article(&folder, "two.txt");
        let mut loaded = next_load(&mut live).expect("the folder made again is seen");
        // A load may have started between the folder and its file.
        if loaded.articles.is_empty() {
            loaded = next_load(&mut live).expect("its file is seen");
        }
        assert_eq!(loaded.articles.len(), 1);
        // A file beside the folder is none of its business.
        write_article(root.path(), "beside.txt");
        std::thread::sleep(SETTLE * 2);
        assert!(
            live.poll().is_none() && live.pending_since.is_none(),
            "no load for a file beside"
        );
        // And a file written into it later still is.
        write_article(&folder, "three.txt");
        let later = next_load(&mut live).expect("a later file is seen");
        assert_eq!(later.articles.len(), 2);

        // Removed and made again at once, as a checkout does: the new
        // folder may have the old one's inode number (ext4 gives it back).
        std::fs::remove_dir_all(&folder).unwrap();
        std::fs::create_dir(&folder).unwrap();
        write_article(&folder, "four.txt");
        let mut again = next_load(&mut live).expect("the change is seen");
        while again.articles.len() != 1 {
            again = next_load(&mut live).expect("the folder's one file is read");
        }
        write_article(&folder, "five.txt");
        let last = next_load(&mut live).expect("a file written after is still seen");
        assert_eq!(last.articles.len(), 2);
    }

    #[test]
    fn a_folder_inside_another_watched_leaves_the_outer_watch_recursive() {
        let root = tempfile::tempdir().unwrap();
        let outer = root.path().join("news");
        let inner = outer.join("wire");
        std::fs::create_dir_all(&inner).unwrap();
        write_article(&inner, "one.txt");
        let paths = [&outer, &inner].map(|p| p.to_string_lossy().into_owned()).to_vec();
        let mut live = Live::start(Reload {
            paths,
            opts: LoadOptions::default(),
            store: None,
            cache: None,
        })
        .expect("folders to watch");
        // A new subfolder of the outer folder, then a file in it.
        let new = outer.join("local");
        std::fs::create_dir(&new).unwrap();
        // Written again until seen: the watcher watches the new folder
        // when it sees it made (a folder is no event of ours), on its own
        // thread, which a busy machine may hold up.
        let seen = (0..5).find_map(|_| {
            write_article(&new, "two.txt");
            load_within(&mut live, 2)
        });
        assert_eq!(seen.expect("a file in a new subfolder is seen").articles.len(), 2);
    }
}
