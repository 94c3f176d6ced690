//! The command line as scripts use it: output formats, errors on stderr,
//! exit codes, hostile files.

use std::process::Command;

fn quoteline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(args)
        // Never the developer's own stars and corrections.
        .env("QUOTELINE_STATE", "/nonexistent/quoteline-test/state.toml")
        .output()
        .expect("runs")
}

fn demo_file() -> String {
    format!(
        "{}/assets/demo/2026-03-03-varkonyi-rules-out-water-price-rise.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn extract_jsonl_follows_the_contract() {
    let out = quoteline(&["extract", "--format", "jsonl", &demo_file()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    for key in [
        "file", "start", "end", "text", "speaker", "mention", "cue", "kind", "date", "article",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    // Offsets index the decoded text of the file.
    let source = std::fs::read_to_string(demo_file()).unwrap();
    for line in text.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[s..e], r["text"].as_str().unwrap());
    }
}

#[test]
fn csv_has_a_header_and_one_row_per_quote() {
    // A plain article, and a news API's records (each with its item).
    let api = format!("{}/tests/fixtures/formats/news-api.json", env!("CARGO_MANIFEST_DIR"));
    // With a star and a note (a comma and a quote mark in it) on the
    // article's first quote, so those columns hold something.
    let plain = quoteline(&["extract", &demo_file()]);
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(plain.stdout).unwrap().lines().next().unwrap()).unwrap();
    let words = first["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let file = std::fs::canonicalize(demo_file()).unwrap();
    let key = format!("file = {:?}\nquote = {words:?}\n", file.to_string_lossy());
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.toml");
    std::fs::write(
        &state,
        format!("version = 1\n[[star]]\n{key}\n[[note]]\n{key}note = 'check \"this\", later'\n"),
    )
    .unwrap();
    let with_state = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_quoteline"))
            .args(args)
            .env("QUOTELINE_STATE", &state)
            .output()
            .expect("runs")
    };
    let jsonl = with_state(&["extract", &demo_file(), &api]);
    let csv = with_state(&["extract", "--format", "csv", &demo_file(), &api]);
    let stderr = String::from_utf8_lossy(&csv.stderr);
    assert!(!stderr.contains("state"), "the state file is read: {stderr}");
    let mut reader = csv::Reader::from_reader(&csv.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let records: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), records.len());
    // Every field of the JSON lines, as text (an empty cell for null or
    // false), and no column of its own.
    for (row, record) in rows.iter().zip(&records) {
        let fields = record.as_object().unwrap();
        for (column, cell) in header.iter().zip(row) {
            let value = match fields.get(column) {
                None | Some(serde_json::Value::Null) | Some(serde_json::Value::Bool(false)) => String::new(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
            };
            assert_eq!(cell, value, "{column}");
        }
        for key in fields.keys() {
            assert!(header.iter().any(|c| c == key), "{key} has no column");
        }
    }
    assert!(
        records.iter().any(|r| r.get("item").is_some()),
        "no record with an item"
    );
    let column = |name: &str| header.iter().position(|c| c == name).unwrap();
    assert_eq!(&rows[0][column("starred")], "true");
    assert_eq!(&rows[0][column("note")], "check \"this\", later");
}

#[test]
fn output_into_a_pipe_closed_early_ends_quietly_in_either_format() {
    // Enough quotes to fill the pipe: the demo's articles forty times.
    let dir = tempfile::tempdir().unwrap();
    let demo = format!("{}/assets/demo", env!("CARGO_MANIFEST_DIR"));
    for i in 0..40 {
        let copy = dir.path().join(i.to_string());
        std::fs::create_dir(&copy).unwrap();
        for f in std::fs::read_dir(&demo).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, copy.join(f.file_name().unwrap())).unwrap();
        }
    }
    for format in ["jsonl", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quoteline"))
            .args(["extract", "--format", format, &dir.path().to_string_lossy()])
            .env("QUOTELINE_STATE", "/nonexistent/quoteline-test/state.toml")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // One read, as `| head -1` does, then the pipe is closed.
        let mut first = [0u8; 256];
        std::io::Read::read(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Warnings into a closed stderr (`2>&1 >/dev/null | head -1`) end
/// neither the output nor the exit code: `eprintln!` panicked there.
#[test]
fn warnings_into_a_closed_stderr_leave_the_output_whole() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(["articles", "/no/such/file.txt", "/no/such/other.txt", &demo_file()])
        .env("QUOTELINE_STATE", "/nonexistent/quoteline-test/state.toml")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn a_missing_path_is_one_line_and_the_rest_still_loads() {
    let out = quoteline(&["articles", "/no/such/file.txt", &demo_file()]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/file.txt") && err.contains("no such file"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn nothing_loadable_is_a_failure() {
    let out = quoteline(&["extract", "/no/such/file.txt"]);
    assert!(!out.status.success());
}

#[test]
fn empty_binary_and_bad_utf8_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00garbage").unwrap();
    std::fs::write(
        p("latin.txt"),
        b"Headline here\n\nThe caf\xE9 owner said: \"We stay open.\"\n",
    )
    .unwrap();
    let out = quoteline(&["extract", &dir.path().to_string_lossy()]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("latin.txt: not UTF-8; decoded as windows-1252"), "{err}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("We stay open."));
    assert!(!stdout.contains('\u{FFFD}'));
}

#[test]
fn speakers_lists_canonical_names_with_counts() {
    let out = quoteline(&["speakers", &format!("{}/assets", env!("CARGO_MANIFEST_DIR"))]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let names: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let v = names
        .iter()
        .find(|s| s["name"] == "Ilona Várkonyi")
        .expect("the minister");
    assert!(v["quotes"].as_u64().unwrap() >= 4);
    assert!(names.iter().all(|s| s["quotes"].as_u64().unwrap() > 0));
}

#[test]
fn help_describes_the_subcommands() {
    let out = quoteline(&["--help"]);
    let text = String::from_utf8(out.stdout).unwrap();
    for sub in ["extract", "articles", "speakers", "statements", "related"] {
        assert!(text.contains(sub));
    }
}

#[test]
fn statements_and_related_follow_the_contract() {
    let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
    let out = quoteline(&["statements", "--format", "jsonl", &assets]);
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for r in &records {
        for key in ["speaker", "date", "date_precision", "quotes"] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
        for q in r["quotes"].as_array().unwrap() {
            for key in ["file", "text", "date", "date_source"] {
                assert!(q.get(key).is_some(), "missing quotes[].{key}");
            }
        }
    }
    // The minister's pledge, as two outlets reported it, is one statement.
    let pledge = records
        .iter()
        .find(|r| {
            r["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q["text"].as_str().unwrap().starts_with("Prices will not go up"))
        })
        .unwrap();
    assert_eq!(pledge["speaker"], "Ilona Várkonyi");
    assert_eq!(pledge["date"], "2026-03-03");
    assert!(pledge["outlets"].as_array().unwrap().len() >= 2, "{pledge}");

    let out = quoteline(&["related", "--format", "jsonl", &assets]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    for key in ["file", "start", "end", "text", "speaker", "related"] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let ranked = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["related"].as_array().unwrap().len() > 1)
        .unwrap();
    let scores: Vec<f64> = ranked["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
    assert!(ranked["related"][0]["reason"].is_string());
}

#[test]
fn the_reader_given_no_path_that_is_there_says_so_at_once() {
    // No terminal here: the reader would fail for want of one, so the
    // message and status come from the check before it opens.
    let out = quoteline(&["extrct", "/nonexistent/quoteline-test/a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.contains("extrct: no such file or folder (did you mean `quoteline extract …`?)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/nonexistent/quoteline-test/a.txt: no such file or folder\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("terminal"), "{stderr}");
    // Before a path that is there, a mistyped command is said too, before
    // the reader opens on the rest.
    let out = quoteline(&["extrct", &demo_file()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "quoteline: error: extrct: no such file or folder (did you mean `quoteline extract …`?)\n"
    );
}

#[test]
fn a_size_limit_of_nothing_is_refused_and_a_file_over_the_limit_says_its_size() {
    let out = quoteline(&["extract", "--max-size", "0", &demo_file()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--max-size"));
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "word ".repeat(300_000)).unwrap();
    let out = quoteline(&["extract", "--max-size", "1", big.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("file is 1.5 MiB, over the 1 MiB limit"), "{stderr}");
}

/// Runs `quoteline args` with `input` piped in.
fn quoteline_fed(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(args)
        .env("QUOTELINE_STATE", "/nonexistent/quoteline-test/state.toml")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    // A reader that refuses early may close its end first.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

#[test]
fn a_dash_reads_an_article_from_standard_input_once_and_the_reader_refuses_it() {
    let article = std::fs::read(demo_file()).unwrap();
    let from_file = quoteline(&["extract", &demo_file()]);
    let piped = quoteline_fed(&["extract", "-"], &article);
    assert!(piped.status.success(), "{}", String::from_utf8_lossy(&piped.stderr));
    let rows = |out: &[u8]| -> Vec<serde_json::Value> {
        String::from_utf8(out.to_vec())
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (piped_rows, file_rows) = (rows(&piped.stdout), rows(&from_file.stdout));
    assert!(!piped_rows.is_empty());
    assert_eq!(piped_rows.len(), file_rows.len());
    for (p, f) in piped_rows.iter().zip(&file_rows) {
        assert_eq!(p["file"], "-");
        assert_eq!(
            (&p["text"], &p["speaker"], &p["start"]),
            (&f["text"], &f["speaker"], &f["start"])
        );
    }
    // Named twice, it is read once.
    let twice = quoteline_fed(&["extract", "-", "-"], &article);
    assert_eq!(rows(&twice.stdout).len(), file_rows.len());
    // Over the limit, it says so.
    let big = quoteline_fed(&["articles", "--max-size", "1", "-"], &vec![b'a'; 2 << 20]);
    assert_eq!(big.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&big.stderr).contains("-: standard input is over the 1 MiB limit"));
    // The reader takes its keys from the terminal: it refuses, before it opens.
    let reader = quoteline_fed(&["-"], &article);
    assert_eq!(reader.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&reader.stderr).contains("cannot read articles from standard input"));
}
