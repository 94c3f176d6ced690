//! The command line as scripts use it: output formats, errors on stderr,
//! exit codes, hostile files.

use std::process::Command;

fn quoteline(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(args)
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
    let jsonl = quoteline(&["extract", &demo_file()]);
    let csv = quoteline(&["extract", "--format", "csv", &demo_file()]);
    let rows = csv::Reader::from_reader(&csv.stdout[..]).records().count();
    assert_eq!(rows, String::from_utf8(jsonl.stdout).unwrap().lines().count());
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
    assert!(err.contains("latin.txt") && err.contains("not valid UTF-8"), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().contains("We stay open."));
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
    for sub in ["extract", "articles", "speakers"] {
        assert!(text.contains(sub));
    }
}
