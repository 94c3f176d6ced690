//! Drives the real binary in tmux: open the demo corpus, pick a speaker by
//! typing part of the name, jump to a related quote, open help, quit, and
//! check the screen at each step and that the shell works afterwards.
//! Skipped (saying so) when tmux is not installed.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
    /// The reader's cache folder when the test gave none (removed after).
    _cache: Option<tempfile::TempDir>,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.run(&args);
    }
    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }
    /// Waits until the screen shows `text` (or fails with the screen).
    /// Half a minute: the tests run side by side on two cores, one of them
    /// reading 30 MB, and a fresh CI machine once took over 10 s to show a
    /// session's first screen.
    fn wait_for(&self, text: &str) -> String {
        self.wait_for_within(text, Duration::from_secs(30))
    }
    /// The same, for at most `limit`.
    fn wait_for_within(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > limit {
                panic!("timed out waiting for {text:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    /// Waits until the screen no longer shows `text` (or fails with the screen).
    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if !s.contains(text) {
                return;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {text:?} to go; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Tmux {
    /// A tmux session with a plain shell running the reader on the demo
    /// corpus; None (skipped, saying so) without tmux.
    fn start_reader(name: &str, width: u16, height: u16) -> Option<Tmux> {
        Tmux::start_reader_on(name, width, height, &format!("{}/assets", env!("CARGO_MANIFEST_DIR")))
    }

    /// The same on the folder `corpus`.
    fn start_reader_on(name: &str, width: u16, height: u16, corpus: &str) -> Option<Tmux> {
        let cache = tempfile::tempdir().unwrap();
        let mut t = Tmux::start_reader_cached(name, (width, height), corpus, cache.path(), None)?;
        t._cache = Some(cache);
        Some(t)
    }

    /// The same with the reader's cache of read articles in `cache` (so
    /// that tests leave the user's own alone), and its state file holding
    /// `state` (else none).
    fn start_reader_cached(
        name: &str,
        (width, height): (u16, u16),
        corpus: &str,
        cache: &std::path::Path,
        state: Option<&str>,
    ) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let t = Tmux {
            session: format!("quoteline-{name}-{}", std::process::id()),
            _cache: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        t.run(&[
            "new-session",
            "-d",
            "-s",
            &t.session,
            "-x",
            &w,
            "-y",
            &h,
            "bash",
            "--norc",
            "--noprofile",
        ]);
        let bin = env!("CARGO_BIN_EXE_quoteline");
        let assets = corpus;
        let state_file = t.state_file();
        match state {
            Some(text) => std::fs::write(&state_file, text).unwrap(),
            None => {
                let _ = std::fs::remove_file(&state_file);
            }
        }
        let state = state_file;
        t.send(&[
            &format!(
                "PS1='$ '; QUOTELINE_KEYS= QUOTELINE_CACHE={} {bin} --state {state} {assets}; echo EXITED=$?",
                cache.display()
            ),
            "Enter",
        ]);
        Some(t)
    }

    /// The state file the session's reader saves to (fresh per session).
    fn state_file(&self) -> String {
        std::env::temp_dir()
            .join(format!("quoteline-{}-state.toml", self.session))
            .to_string_lossy()
            .into_owned()
    }

    /// The pid of the reader started in the session's shell.
    fn reader_pid(&self) -> String {
        let shell = self.run(&["display-message", "-p", "-t", &self.session, "#{pane_pid}"]);
        let reader = Command::new("pgrep")
            .args(["-P", shell.trim()])
            .output()
            .expect("pgrep");
        let pid = String::from_utf8_lossy(&reader.stdout).trim().to_string();
        assert!(!pid.is_empty(), "reader process not found");
        pid
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-session", "-t", &self.session]);
    }
}

#[test]
fn reader_in_a_real_terminal() {
    let Some(t) = Tmux::start_reader("e2e", 130, 40) else {
        return;
    };
    t.wait_for("Articles (18)");
    t.wait_for("? help");

    t.send(&["s"]);
    t.wait_for("Speaker (type to filter");
    t.send(&["-l", "vark"]);
    t.wait_for("Ilona Várkonyi  ");
    t.send(&["Enter"]);
    t.wait_for("Articles quoting Ilona Várkonyi");
    // The status line may be drawn a moment later than the list.
    let s = t.wait_for("filter: Ilona Várkonyi");
    let before = status(&s);

    t.send(&["]"]);
    let start = Instant::now();
    loop {
        let s = t.screen();
        if status(&s) != before {
            assert!(s.contains("Ilona Várkonyi ·"), "still on her quotes:\n{s}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "] did not move:\n{s}");
        std::thread::sleep(Duration::from_millis(100));
    }

    // A star and a note are saved at once, and shown.
    t.send(&["*"]);
    t.wait_for("saved to");
    t.send(&["m"]);
    t.wait_for("Note on this quote");
    t.send(&["-l", "check with the ministry"]);
    t.send(&["Enter"]);
    t.wait_for("note: check with the ministry");
    let saved = std::fs::read_to_string(t.state_file()).expect("state file written");
    assert!(
        saved.contains("[[star]]") && saved.contains("note = \"check with the ministry\""),
        "{saved}"
    );

    t.send(&["?"]);
    t.wait_for("next related quote");
    t.send(&["Escape"]);
    // An Escape and a key read together are Alt+key, so the q waits for
    // the help to close.
    t.wait_gone("next related quote");
    t.send(&["q"]);
    t.wait_for("EXITED=0");
    // The shell is usable: typed text echoes and commands run.
    t.send(&["echo shell-$((40+2))", "Enter"]);
    let s = t.wait_for("shell-42");
    assert!(!s.contains("Articles quoting"), "the alternate screen is gone:\n{s}");
}

/// A paste goes into the prompt as text: its line break does not submit
/// it and what follows is not read as keys; a paste of kilobytes arrives
/// whole, without waiting for another key.
#[test]
fn a_paste_goes_into_the_prompt_whole() {
    let Some(t) = Tmux::start_reader("paste", 130, 40) else {
        return;
    };
    t.wait_for("loaded 18 articles");
    t.send(&["m"]);
    t.wait_for("Note on this quote");
    // Bracketed by tmux (-p) as the reader asked; "r", "s" and "t" would
    // open the raw view, the speaker picker and the story grouping.
    t.run(&[
        "set-buffer",
        "-b",
        "quoteline-paste",
        "Call back Tuesday\nre: Osgood rst",
    ]);
    t.run(&["paste-buffer", "-p", "-b", "quoteline-paste", "-t", &t.session]);
    t.send(&["Enter"]);
    let s = t.wait_for("note: Call back Tuesday re: Osgood rst");
    assert!(!s.contains("Speaker (type to filter"), "{s}");
    // Some 4 KB at once.
    let long: String = (0..700).map(|i| format!("x{i:04} ")).collect();
    // On the next quote, which has no note to edit.
    t.send(&["n"]);
    t.wait_gone("note: Call back Tuesday");
    t.send(&["m"]);
    t.wait_for("Note on this quote");
    t.run(&["set-buffer", "-b", "quoteline-paste", &long]);
    t.run(&["paste-buffer", "-p", "-b", "quoteline-paste", "-t", &t.session]);
    t.send(&["Enter"]);
    t.wait_for("note: x0000 x0001");
    let start = Instant::now();
    loop {
        let saved = std::fs::read_to_string(t.state_file()).unwrap_or_default();
        if saved.contains("x0699") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the paste's end was not saved: {saved}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The same typed as fast as a terminal sends it, not bracketed:
    // crossterm's default reader stopped after a kilobyte of it until
    // another key came.
    let typed: String = (0..700).map(|i| format!("y{i:04} ")).collect();
    t.send(&["n"]);
    t.wait_gone("note: x0000");
    t.send(&["m"]);
    t.wait_for("Note on this quote");
    t.send(&["-l", &typed]);
    t.send(&["Enter"]);
    t.wait_for("note: y0000 y0001");
    t.send(&["q"]);
    t.wait_for("EXITED=0");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start_reader("term", 100, 30) else {
        return;
    };
    t.wait_for("? help");
    let pid = t.reader_pid();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    // 128 + 15, as a shell reports a process SIGTERM ended.
    t.wait_for("EXITED=143");
    // Cooked mode and echo are back.
    t.send(&[
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | sort | tr '\\n' ' '; echo MODE-$((1+1))",
        "Enter",
    ]);
    let s = t.wait_for("MODE-2");
    assert!(s.contains("echo icanon"), "terminal left raw:\n{s}");
}

/// The reader opened on nothing it can read says so, and exits with 2 as
/// the commands do.
#[test]
fn a_reader_that_loaded_nothing_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let Some(t) = Tmux::start_reader_on("nothing", 100, 30, &dir.path().to_string_lossy()) else {
        return;
    };
    t.wait_for("nothing could be loaded");
    t.send(&["q"]);
    let s = t.wait_for("EXITED=2");
    assert!(s.contains("empty.txt: empty file"), "{s}");
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    let Some(t) = Tmux::start_reader("hangup", 100, 30) else {
        return;
    };
    t.wait_for("? help");
    let pid = t.reader_pid();
    // Closing the window hangs the terminal up under the reader.
    t.run(&["kill-session", "-t", &t.session]);
    let gone = (0..40).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
    if !gone {
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(gone, "the reader kept running after its terminal closed");
}

/// A folder of its own holding the demo corpus's articles.
fn copy_of_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(format!("{}/assets/demo", env!("CARGO_MANIFEST_DIR"))).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    // Files changed in the moment they are read are not kept in the cache
    // of read articles: these are let settle first.
    std::thread::sleep(std::time::Duration::from_millis(30));
    dir
}

/// The status line (last non-empty line).
fn status(screen: &str) -> String {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_new_file_in_the_folder_appears_without_a_restart() {
    let dir = copy_of_demo();
    let Some(t) = Tmux::start_reader_on("live", 130, 40, &dir.path().to_string_lossy()) else {
        return;
    };
    t.wait_for("Articles (18)");
    let s = t.wait_for("loaded 18 articles");
    assert!(status(&s).contains("article 1/18"), "{s}");
    std::fs::write(
        dir.path().join("2026-04-20-ferry-strike-ends.txt"),
        "Ferry strike ends after nine days\n\nPORT HALLIN – The ferry strike ended on Monday.\n\n\
         “We have an agreement that our members can live with,” Rasmus Koll said.\n",
    )
    .unwrap();
    let start = Instant::now();
    let s = t.wait_for("Articles (19)");
    assert!(start.elapsed() < Duration::from_secs(3), "took {:?}", start.elapsed());
    assert!(s.contains("Ferry strike ends after"), "{s}");
    assert!(s.contains("folder changed: 19 articles (1 new)"), "{s}");
    // The same article is still selected: the new one is the newest, so
    // the selection moved down a row with its article.
    assert!(status(&s).contains("article 2/19"), "{s}");
    t.send(&["q"]);
    t.wait_for("EXITED=0");
}

/// A file written while the folder is still being read (after its files
/// were listed, before the folder is watched) is loaded once the rest
/// are.
#[test]
fn a_file_written_while_the_folder_loads_appears_after_it() {
    let dir = copy_of_demo();
    // Some thirty megabytes of quotes: seconds to read, so that the file
    // below is written after the folder's files were listed.
    let mut slow = String::from("Ferry plan\n\n");
    for i in 0..200_000 {
        slow.push_str(&format!(
            "“The ferry will run for {i} more days,” said Councillor Tom Reyes, who chairs the \
             transport committee. Reyes said the boats were ready.\n\n"
        ));
    }
    std::fs::write(dir.path().join("0000-ferry-plan.txt"), slow).unwrap();
    std::thread::sleep(Duration::from_millis(30));
    let Some(t) = Tmux::start_reader_on("live-loading", 130, 40, &dir.path().to_string_lossy()) else {
        return;
    };
    let s = t.wait_for("reading ");
    std::fs::write(
        dir.path().join("2026-04-20-ferry-strike-ends.txt"),
        "Ferry strike ends after nine days\n\nPORT HALLIN – The ferry strike ended on Monday.\n\n\
         “We have an agreement that our members can live with,” Rasmus Koll said.\n",
    )
    .unwrap();
    let still_reading = t.screen().contains("reading ");
    // The demo's 18 articles and the slow one, then the new one.
    t.wait_for_within("loaded 19 articles", Duration::from_secs(60));
    let loaded = t.wait_for("folder changed: 20 articles (1 new)");
    assert!(loaded.contains("Ferry strike ends after"), "{s}\n{loaded}");
    // Else the watch, set once loading ended, would have seen it anyway.
    assert!(still_reading, "the folder was read before the file was written:\n{s}");
    t.send(&["q"]);
    t.wait_for("EXITED=0");
}

#[test]
fn a_folder_opened_again_is_read_from_the_cache() {
    let dir = copy_of_demo();
    let cache = tempfile::tempdir().unwrap();
    let corpus = dir.path().to_string_lossy().into_owned();
    // A cache written again is a new file renamed over the old one.
    let cached = || -> Vec<(std::path::PathBuf, u64)> {
        std::fs::read_dir(cache.path())
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.path(), std::os::unix::fs::MetadataExt::ino(&e.metadata().unwrap()))
            })
            .collect()
    };
    let open = |run: &str| -> Option<String> {
        let t = Tmux::start_reader_cached(run, (130, 40), &corpus, cache.path(), None)?;
        let s = t.wait_for("loaded 18 articles");
        t.send(&["q"]);
        t.wait_for("EXITED=0");
        Some(s)
    };
    let Some(first) = open("cache-first") else {
        return;
    };
    let mut written = cached();
    written.sort();
    // The articles read, and the quotes' words (vectors, search index).
    let names: Vec<_> = written.iter().filter_map(|(p, _)| p.extension()).collect();
    assert_eq!(names, ["cache", "words"], "one cache file and its words: {written:?}");
    assert!(!status(&first).contains("from the cache"), "{first}");
    let again = open("cache-again").unwrap();
    assert!(status(&again).contains("(18 files from the cache)"), "{again}");
    // All but the status line, which says how long loading took.
    let panes = |s: &str| s.replace(&status(s), "");
    assert_eq!(panes(&again), panes(&first), "the same screen from the cache");
    let mut read = cached();
    read.sort();
    assert_eq!(read, written, "read, not written again");
}

#[test]
fn a_damaged_state_file_is_counted_on_screen_and_set_aside() {
    let cache = tempfile::tempdir().unwrap();
    let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
    let damaged = "version = 1\n[[star]\nfile = \"x\"\n";
    let Some(t) = Tmux::start_reader_cached("damaged", (130, 30), &assets, cache.path(), Some(damaged)) else {
        return;
    };
    // Stars and notes are gone from view: the status line says so while
    // the reader runs, not only the lines printed when it ends.
    let s = t.wait_for("1 warning (listed when you quit)");
    assert!(status(&s).contains("1 warning"), "{s}");
    t.send(&["q"]);
    let s = t.wait_for("EXITED=0");
    assert!(s.contains("state file is damaged (line 2:"), "{s}");
    let state = std::path::PathBuf::from(t.state_file());
    let folder = state.parent().unwrap();
    let prefix = format!("{}.corrupt-", state.file_name().unwrap().to_string_lossy());
    let aside: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .collect();
    assert_eq!(aside.len(), 1, "kept aside once");
    assert_eq!(std::fs::read_to_string(aside[0].path()).unwrap(), damaged);
    let _ = std::fs::remove_file(aside[0].path());
}
