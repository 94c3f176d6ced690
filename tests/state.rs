//! The user's own work (stars, notes, dates, corrections) is applied on
//! every load and shows in the CLI's output; the state file survives being
//! killed in the middle of a save.

mod common;

use quoteline::state::{apply, ArticleKey, Correction, QuoteKey, StateFile, UserState};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn demo_file(name: &str) -> String {
    let p = format!("{}/assets/demo/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(p).unwrap().to_string_lossy().into_owned()
}

fn key(file: &str, quote: &str) -> QuoteKey {
    QuoteKey {
        article: ArticleKey {
            file: demo_file(file),
            item: None,
        },
        quote: quote.into(),
        occurrence: 1,
    }
}

const BRANDT: &str = "2026-03-06-brandt-promises-measured-reply.txt";
const DOOR: &str = "Our door remains open, but our patience has limits,";

fn corrections() -> UserState {
    let mut s = UserState::new();
    s.toggle_star(key(BRANDT, DOOR));
    s.set_note(key(BRANDT, DOOR), "compare with the Courier's wording");
    s.set_date(
        ArticleKey {
            file: demo_file("explainer-what-went-wrong-at-kessel.txt"),
            item: None,
        },
        chrono::NaiveDate::from_ymd_opt(2026, 3, 20),
    );
    s.corrections.push(Correction::Rename {
        from: "Brandt".into(),
        to: "Minister Brandt".into(),
    });
    s.corrections.push(Correction::Merge {
        from: "the authority".into(),
        into: "Hallin Water Authority".into(),
    });
    s.corrections.push(Correction::Split {
        alias: "the statement".into(),
        from: "Ministry of Water".into(),
    });
    s.corrections.push(Correction::Reattribute {
        key: key(BRANDT, "sleepwalked"),
        speaker: "Nadia Kettering".into(),
    });
    // An article that is not loaded: kept, not an error.
    s.toggle_star(QuoteKey {
        article: ArticleKey {
            file: "/elsewhere/other.txt".into(),
            item: None,
        },
        quote: "x".into(),
        occurrence: 1,
    });
    s
}

#[test]
fn corrections_apply_to_a_loaded_corpus() {
    let (mut corpus, _) = common::demo();
    let before_speakers = corpus.speakers.len();
    // The dates the reader links stories by before it applies the state.
    let dates_ahead = quoteline::state::dates_with(&corpus, &corrections());
    assert_ne!(dates_ahead, corpus.articles.iter().map(|a| a.date).collect::<Vec<_>>());
    let warnings = apply(&mut corpus, &corrections());
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(dates_ahead, corpus.articles.iter().map(|a| a.date).collect::<Vec<_>>());
    let find = |text: &str| corpus.quotes.iter().position(|q| corpus.quote_text(q) == text).unwrap();
    assert_eq!(corpus.note(find(DOOR)), Some("compare with the Courier's wording"));
    let door = &corpus.quotes[find(DOOR)];
    assert!(door.starred);
    assert_eq!(corpus.speaker_name(door), Some("Minister Brandt"));
    let brandt = quoteline::state::speaker_by_name(&corpus, "Brandt").unwrap();
    assert_eq!(
        corpus.speakers[brandt].name, "Minister Brandt",
        "the old name is an alias"
    );
    assert_eq!(
        corpus.speaker_name(&corpus.quotes[find("sleepwalked")]),
        Some("Nadia Kettering")
    );
    assert!(quoteline::state::speaker_by_name(&corpus, "the authority")
        .is_some_and(|s| corpus.speakers[s].name == "Hallin Water Authority"));
    let split = quoteline::state::speaker_by_name(&corpus, "the statement").unwrap();
    assert_eq!(corpus.speakers[split].name, "the statement");
    assert!(!corpus.speakers[split].quotes.is_empty());
    assert_eq!(corpus.speakers.len(), before_speakers + 1);
    let explainer = corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with("explainer-what-went-wrong-at-kessel.txt"))
        .unwrap();
    assert_eq!(explainer.date.map(|d| d.to_string()).as_deref(), Some("2026-03-20"));
    // Every speaker's timeline still lists exactly its own quotes.
    for (s, sp) in corpus.speakers.iter().enumerate() {
        assert!(sp.quotes.iter().all(|&q| corpus.quotes[q].speaker == Some(s)));
    }
    let attributed = corpus.quotes.iter().filter(|q| q.speaker.is_some()).count();
    assert_eq!(
        attributed,
        corpus.speakers.iter().map(|s| s.quotes.len()).sum::<usize>()
    );
}

#[test]
fn cli_output_reflects_the_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.toml");
    StateFile::new(&path).write(&corrections()).unwrap();
    let run = |cmd: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
            .args([
                cmd,
                "--state",
                &path.to_string_lossy(),
                &format!("{}/assets", env!("CARGO_MANIFEST_DIR")),
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let extract = run("extract");
    let door = extract.lines().find(|l| l.contains(DOOR)).unwrap();
    let door: serde_json::Value = serde_json::from_str(door).unwrap();
    assert_eq!(door["starred"], true);
    assert_eq!(door["note"], "compare with the Courier's wording");
    assert_eq!(door["speaker"], "Minister Brandt");
    let speakers = run("speakers");
    assert!(speakers.contains("\"name\":\"Minister Brandt\""));
    assert!(!speakers.contains("\"name\":\"the authority\""));
    assert!(!speakers.contains("\"name\":\"\""));
    // Reading never rewrites the file; the entry for another folder stays.
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("/elsewhere/other.txt"));
}

/// The child side of the kill test: saves stars one by one, saying each
/// one on stdout only once it is saved.
#[test]
fn state_kill_child() {
    let Ok(path) = std::env::var("QUOTELINE_KILL_TEST_STATE") else {
        return;
    };
    let file = StateFile::new(path);
    let start: usize = std::env::var("QUOTELINE_KILL_TEST_FROM").unwrap().parse().unwrap();
    for i in start.. {
        let key = QuoteKey {
            article: ArticleKey {
                file: "/kill/test.txt".into(),
                item: None,
            },
            quote: format!("quote {i}"),
            occurrence: 1,
        };
        // Idempotent: a save that landed but was never reported is redone.
        file.update(|s| {
            if !s.is_starred(&key) {
                s.toggle_star(key);
            }
        })
        .unwrap();
        println!("saved {i}");
    }
}

#[test]
fn killing_a_save_never_tears_the_file_or_loses_a_saved_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.toml");
    let me = std::env::current_exe().unwrap();
    let mut reported = 0usize;
    let rounds = 200;
    for round in 0..rounds {
        let mut child = Command::new(&me)
            .args(["--exact", "state_kill_child", "--nocapture", "--test-threads=1"])
            .env("QUOTELINE_KILL_TEST_STATE", &path)
            .env("QUOTELINE_KILL_TEST_FROM", reported.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let it save a varying number of times, then kill it mid-flight.
        let wanted = 1 + round % 7;
        let mut seen = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("saved ") {
                reported = n.parse::<usize>().unwrap() + 1;
                seen += 1;
                if seen >= wanted {
                    break;
                }
            }
        }
        // SIGKILL: no destructor, no flush, at whatever point the next
        // save reached (a varying pause moves that point around).
        std::thread::sleep(std::time::Duration::from_micros((round as u64 * 37) % 400));
        child.kill().unwrap();
        child.wait().unwrap();
        let text = std::fs::read_to_string(&path).expect("the file is there");
        let state = UserState::from_toml(&text).unwrap_or_else(|e| panic!("round {round}: torn file ({e}):\n{text}"));
        for i in 0..reported {
            let want = format!("quote {i}");
            assert!(
                state.stars.iter().any(|k| k.quote == want),
                "round {round}: {want} was reported saved and is lost"
            );
        }
    }
    assert!(reported >= rounds, "{reported}");
    // No temporary files pile up beyond the one a kill may leave.
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert!(leftovers <= rounds + 1, "{leftovers}");
}
