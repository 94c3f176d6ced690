//! A corpus of hostile and broken files, written at run time: each bad file
//! gets one clear line naming it and the reason, the good ones still load,
//! nothing panics, and no control or escape sequence reaches the output.

mod common;

use std::path::Path;
use std::process::Command;

const GOOD: &str =
    "Harbour plan approved\n\n“We will build the sea wall this year,” Mayor Ilse Varga said on Monday.\n";

/// Writes the hostile corpus into `dir`; returns the files that must be
/// refused, each with a word its message must contain.
fn write_hostile_corpus(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    w("good.txt", GOOD.as_bytes());
    w("empty.txt", b"");
    w("blank.md", b"  \n\n\t\n");
    w(
        "elf.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
    );
    w("png.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    w("big.txt", &vec![b'a'; 2 * 1024 * 1024 + 10]);
    w(
        "broken.json",
        b"{\"articles\": [{\"title\": \"x\", \"content\": \"unterminated",
    );
    w("deep.json", "[".repeat(100_000).as_bytes());
    w("notrecords.json", b"42");
    w("allbad.jsonl", b"{nope\n{also nope\n");
    w(
        "broken.rss",
        b"<?xml version=\"1.0\"?><rss><channel><item><title>x</tit",
    );
    w(
        "emptyfeed.xml",
        b"<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
    );
    w(
        "scripts.html",
        b"<html><body><script>alert(1)</script><style>p{}</style></body></html>",
    );
    // Loaded with warnings, not refused:
    w(
        "escapes.txt",
        "Escapes\n\n\u{1b}[2J\u{1b}]0;owned\u{7}“I am \u{1b}[31mred\u{1b}[0m,” \u{202e}Ilse Varga said.\n".as_bytes(),
    );
    w("escapes.json", br#"[{"title":"\u001b]8;;http://x\u0007T","content":"\u201cHi\u001b[5m there,\u201d said Tomas Brandt.\u0000"}]"#);
    w("latin1.txt", b"Caf\xe9\n\n\x93We stay open,\x94 the owner said.\n");
    w(
        "tagsoup.html",
        b"<html><body><div><p>\xe2\x80\x9cYes,\xe2\x80\x9d <b>she said<i>.<p><<>></div></span></table>",
    );
    w(
        "longline.txt",
        format!("Long\n\n{}\n", "word ".repeat(200_000)).as_bytes(),
    );
    w(
        "manyrecords.jsonl",
        "{\"text\":\"“Fine,” he said.\"}\n".repeat(5_000).as_bytes(),
    );
    std::fs::create_dir(dir.join("folder.txt")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir, dir.join("loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("missing-target.txt"), dir.join("dangling.txt")).unwrap();
    }
    let mut refused = vec![
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("elf.txt", "binary file"),
        ("png.html", "binary file"),
        ("big.txt", "over the 1 MiB limit"),
        ("broken.json", "malformed JSON"),
        ("deep.json", "malformed JSON"),
        ("notrecords.json", "no records"),
        ("allbad.jsonl", "malformed JSON"),
        ("broken.rss", "malformed feed"),
        ("emptyfeed.xml", "no articles"),
        ("scripts.html", "no readable text"),
        ("loop", "symbolic link loop"),
        ("dangling.txt", "no such file"),
    ];
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.join("locked.txt");
        w("locked.txt", GOOD.as_bytes());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            refused.push(("locked.txt", "permission denied"));
        } else {
            // root reads anything: the case cannot be made here.
            eprintln!("note: running as root, the unreadable-file case is not checked");
            std::fs::remove_file(&locked).unwrap();
        }
    }
    refused
}

fn has_controls(s: &str) -> bool {
    s.chars().any(quoteline::load::decode::is_unsafe_char)
}

#[test]
fn hostile_corpus_loads_without_panic_and_names_each_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let refused = write_hostile_corpus(dir.path());
    for command in ["extract", "articles", "speakers", "statements"] {
        let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
            .args([command, "--format", "jsonl", "--max-size", "1", "--no-state"])
            .arg(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        for (file, reason) in &refused {
            let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(&format!("/{file}:"))).collect();
            assert_eq!(lines.len(), 1, "{command}: one line for {file}:\n{stderr}");
            assert!(lines[0].contains(reason), "{command}: {file}: {}", lines[0]);
        }
        for line in stdout.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            assert!(!has_controls(line), "{line}");
            for s in common::json_strings(&v) {
                assert!(!has_controls(s), "{s:?} in {line}");
            }
        }
        assert!(!has_controls(&stderr.replace('\n', "")), "{stderr}");
        if command == "extract" {
            for words in [
                "We will build the sea wall this year",
                "I am red,",
                "Hi there,",
                "We stay open,",
                "Fine,",
            ] {
                assert!(stdout.contains(words), "{words} missing from extract output");
            }
        }
    }
}

/// A file whose name holds an escape sequence: CSV, which has no escape
/// for a control character, writes the name without it, as JSON Lines
/// writes it escaped.
#[test]
fn a_file_name_with_an_escape_sequence_reaches_no_terminal_as_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil\u{1b}[31mred.txt"), GOOD).unwrap();
    let stdout = run(&[
        "extract",
        "--format",
        "csv",
        "--no-state",
        &dir.path().to_string_lossy(),
    ]);
    assert!(stdout.contains("evilred.txt"), "{stdout}");
    assert!(!has_controls(&stdout.replace('\n', "")), "{stdout:?}");
}

/// A FIFO named on the command line is refused at once, beside a good
/// file that still loads: opening it for reading used to wait for a
/// writer that never came.
#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
    }
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(["extract", "--format", "jsonl", "--no-state"])
        .arg(&fifo)
        .arg(&good)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("quoteline waited on the FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("pipe.txt:")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("not a regular file"), "{}", lines[0]);
    assert!(stdout.contains("We will build the sea wall this year"), "{stdout}");
    // In a folder, it is named and skipped.
    let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(["extract", "--format", "jsonl", "--no-state"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("pipe.txt: not a regular file, skipped"), "{stderr}");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("We will build the sea wall this year"));
}

/// Runs `quoteline args` (no saved state) and returns its stdout.
fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_quoteline"))
        .args(args)
        .env("QUOTELINE_STATE", "/nonexistent/quoteline-test/state.toml")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A paragraph of thousands of quotes (a scraped comment thread, a page of
/// one line): each is found and attributed. And thousands of paragraphs of
/// the same words by the same speaker are one statement. Each quote
/// compared with every other took minutes and gigabytes here.
#[test]
fn a_paragraph_of_thousands_of_quotes_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    // Each paragraph its own, or cleaning drops the repeats as clutter.
    let same: String = (0..6000)
        .map(|i| format!("The minister said \"we will not back down on water prices\" at meeting {i}.\n\n"))
        .collect();
    let varied: String = (0..6000)
        .map(|i| format!("The minister said \"harbour levy number {i} stands\" and left. "))
        .collect();
    std::fs::write(dir.path().join("same.txt"), format!("Water prices\n\n{same}\n")).unwrap();
    std::fs::write(dir.path().join("varied.txt"), format!("Harbour levies\n\n{varied}\n")).unwrap();
    let quotes = run(&["extract", &dir.path().to_string_lossy()]);
    assert_eq!(quotes.lines().count(), 12_000);
    assert!(
        quotes.lines().all(|l| l.contains("\"speaker\":\"The minister\"")),
        "{}",
        &quotes[..400]
    );
    let statements = run(&["statements", &dir.path().join("same.txt").to_string_lossy()]);
    assert_eq!(statements.lines().count(), 1, "the repeated words are one statement");
}

/// A statement run word for word by more outlets than any word of a
/// speaker's may propose a match for (a wire story in 300 papers) is
/// still one statement.
#[test]
fn a_statement_in_three_hundred_outlets_is_one_statement() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let article = format!(
            "Water price decision\n\nBy Paper {i}\n\nMinister Ilona Varkonyi said on Tuesday: \"We will not back down on water prices.\"\n"
        );
        std::fs::write(dir.path().join(format!("2026-03-03-paper-{i:03}.txt")), article).unwrap();
    }
    let statements = run(&["statements", &dir.path().to_string_lossy()]);
    assert_eq!(
        statements.lines().count(),
        1,
        "{}",
        &statements[..statements.len().min(600)]
    );
    let statement: serde_json::Value = serde_json::from_str(statements.lines().next().unwrap()).unwrap();
    assert_eq!(statement["quotes"].as_array().unwrap().len(), 300);
}
