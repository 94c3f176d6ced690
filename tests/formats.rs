//! The same article as plain text, a saved HTML page, a JSON record, an RSS
//! item and Windows-1252 text must give the same quotes and speakers. The
//! variants are built at run time: from the demo corpus (always) and from
//! ../shared/seeds (skipped, saying so, when absent).

mod common;

use quoteline::{load_corpus, LoadOptions};
use std::collections::BTreeSet;
use std::path::Path;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// A page as a browser saves it: navigation, the article, a footer.
fn as_html(text: &str) -> String {
    let body: String = paragraphs(text)
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Saved page</title></head><body>\n\
         <nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n\
         <article>\n{body}</article>\n<footer>© Example Media</footer></body></html>"
    )
}

fn as_json(text: &str) -> String {
    serde_json::json!({"articles": [{"content": text, "url": "https://example.org/a"}]}).to_string()
}

fn as_rss(text: &str) -> String {
    let body: String = paragraphs(text)
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Example feed</title>\
         <link>https://example.org</link><description>d</description>\
         <item><link>https://example.org/a</link><description><![CDATA[{body}]]></description></item></channel></rss>"
    )
}

/// Windows-1252 bytes; characters it lacks become '?' (none occur in quotes).
fn as_cp1252(text: &str) -> Vec<u8> {
    let mappable: String = text
        .chars()
        .map(|c| {
            let s = c.to_string();
            let (_, _, bad) = encoding_rs::WINDOWS_1252.encode(&s);
            if bad {
                '?'
            } else {
                c
            }
        })
        .collect();
    encoding_rs::WINDOWS_1252.encode(&mappable).0.into_owned()
}

/// (quote words, speaker) for every quote the sieves attribute or not.
fn quotes_of(path: &Path) -> BTreeSet<(String, Option<String>)> {
    let corpus = load_corpus(&[path.to_string_lossy().into_owned()], &LoadOptions::default());
    assert!(
        corpus.diagnostics.iter().all(|d| !d.is_error),
        "{}: {:?}",
        path.display(),
        corpus.diagnostics
    );
    corpus
        .quotes
        .iter()
        .map(|q| {
            let words = corpus.quote_text(q).split_whitespace().collect::<Vec<_>>().join(" ");
            (words, corpus.speaker_name(q).map(str::to_string))
        })
        .collect()
}

/// Writes the four variants of `text` beside each other and checks each
/// against the plain text. `stem` keeps a dated file name dated.
fn check_variants(original: &Path, text: &str, stem: &str, dir: &Path) {
    let plain = quotes_of(original);
    assert!(!plain.is_empty(), "{}: no quotes in the plain text", original.display());
    let variants: [(String, Vec<u8>); 4] = [
        (format!("{stem}.html"), as_html(text).into_bytes()),
        (format!("{stem}.json"), as_json(text).into_bytes()),
        (format!("{stem}.rss"), as_rss(text).into_bytes()),
        (format!("{stem}.cp1252.txt"), as_cp1252(text)),
    ];
    for (name, bytes) in variants {
        let path = dir.join(&name);
        std::fs::write(&path, bytes).unwrap();
        let got = quotes_of(&path);
        let missing: Vec<_> = plain.difference(&got).collect();
        let extra: Vec<_> = got.difference(&plain).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{name} differs from {}:\nmissing {missing:#?}\nextra {extra:#?}",
            original.display()
        );
    }
}

#[test]
fn demo_articles_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let mut checked = 0;
    for entry in std::fs::read_dir(&demo).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            check_variants(&path, &text, &stem, dir.path());
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
}

#[test]
fn seed_articles_in_every_format() {
    let Some(shared) = common::shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<_> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    for path in names {
        // The variants carry the text as the decoder reads it (mojibake
        // repaired), as a page or feed would.
        let (text, _) = quoteline::load::decode::read_text(&path.to_string_lossy(), u64::MAX).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        check_variants(&path, &text, &stem, dir.path());
    }
}

/// The format fixtures in tests/fixtures/formats: each file's quotes with
/// their speakers, and the metadata each format carries.
#[test]
fn format_fixtures() {
    let dir = format!("{}/tests/fixtures/formats", env!("CARGO_MANIFEST_DIR"));
    let corpus = load_corpus(&[dir], &LoadOptions::default());
    let errors: Vec<_> = corpus.diagnostics.iter().filter(|d| d.is_error).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let said = |words: &str| {
        let q = corpus
            .quotes
            .iter()
            .find(|q| corpus.quote_text(q).contains(words))
            .unwrap_or_else(|| panic!("{words}"));
        (corpus.speaker_name(q), &corpus.articles[q.article])
    };
    let (who, art) = said("We have waited thirty years");
    assert_eq!(who, Some("Tomas Reinholt"));
    assert_eq!(
        art.title.as_deref(),
        Some("Council backs sea wall after late-night vote")
    );
    assert_eq!(art.outlet.as_deref(), Some("The Hallin Courier"));
    assert_eq!(art.date.map(|d| d.to_string()).as_deref(), Some("2026-03-11"));
    let body = art.body();
    for clutter in [
        "Share on Facebook",
        "morning briefing",
        "Water prices to stay flat",
        "All rights reserved",
        "© Courier",
    ] {
        assert!(!body.contains(clutter), "{clutter} left in the HTML body:\n{body}");
    }
    assert_eq!(said("Our members work on that quay").0, Some("Rasmus Koll"));

    let (who, art) = said("This is a measured step");
    assert_eq!(who, Some("Vadim Orlek"));
    assert_eq!(art.outlet.as_deref(), Some("Veskaran Press Agency"));
    assert_eq!(art.item.as_deref(), Some("https://vpa.example/dravonia-ship-parts"));
    assert!(corpus
        .diagnostics
        .iter()
        .any(|d| d.message.contains("record 2: no text")));

    let (who, art) = said("We will lift the notice");
    assert_eq!(who, Some("Sanna Vik"));
    assert_eq!(art.outlet.as_deref(), Some("The Hallin Courier"));
    assert_eq!(art.date.map(|d| d.to_string()).as_deref(), Some("2026-03-02"));

    let (who, art) = said("one cent more");
    assert_eq!(who, Some("Ilona Várkonyi"));
    assert_eq!(art.outlet.as_deref(), Some("hallincourier.example"));
    assert_eq!(said("We will see").0, None);

    let (who, art) = said("We have never closed");
    assert_eq!(who, Some("Nadia Kettering"));
    assert_eq!(art.title.as_deref(), Some("Old Quay café stays open"));
}
