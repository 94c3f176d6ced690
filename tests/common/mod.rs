//! Helpers shared by the integration tests: locating ../shared, and the
//! same quote matching the project's scorer uses (token overlap ≥ 0.5,
//! speaker right when it shares a name word with the truth).
#![allow(dead_code)]

use std::path::PathBuf;

/// The bundled demo corpus and its hand-made gold
/// (tests/fixtures/demo_gold.json).
pub fn demo() -> (quoteline::model::Corpus, serde_json::Value) {
    let root = env!("CARGO_MANIFEST_DIR");
    let gold = serde_json::from_str(&std::fs::read_to_string(format!("{root}/tests/fixtures/demo_gold.json")).unwrap())
        .unwrap();
    let corpus = quoteline::load_corpus(&[format!("{root}/assets")], &quoteline::LoadOptions::default());
    (corpus, gold)
}

/// Every string inside a JSON value, decoded (an escaped "\u001b" is a
/// control character again here).
pub fn json_strings(v: &serde_json::Value) -> Vec<&str> {
    let mut out = Vec::new();
    let mut values = vec![v];
    while let Some(v) = values.pop() {
        match v {
            serde_json::Value::String(s) => out.push(s.as_str()),
            serde_json::Value::Array(a) => values.extend(a),
            serde_json::Value::Object(o) => values.extend(o.values()),
            _ => {}
        }
    }
    out
}

/// `../shared` beside the project, or None (tests then skip, saying so).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("seeds/gold.json").is_file() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared is not present beside the project");
        None
    }
}

pub fn tokens(s: &str) -> Vec<String> {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if c.is_whitespace() || matches!(c, '-' | '—' | '–' | '/' | '…') {
            out.push(' ');
        }
    }
    out.split_whitespace().map(str::to_string).collect()
}

pub fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut rest: Vec<&String> = b.iter().collect();
    let mut shared = 0;
    for t in a {
        if let Some(i) = rest.iter().position(|x| *x == t) {
            rest.remove(i);
            shared += 1;
        }
    }
    shared as f64 / a.len().max(b.len()) as f64
}

const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "mr",
    "mrs",
    "ms",
    "president",
    "minister",
    "senior",
    "official",
    "said",
];

pub fn same_speaker(pred: Option<&str>, gold: &str) -> bool {
    let Some(pred) = pred else { return false };
    let names = |s: &str| -> Vec<String> {
        tokens(s)
            .into_iter()
            .filter(|t| t.len() >= 2 && !NOT_NAME.contains(&t.as_str()))
            .collect()
    };
    let g = names(gold);
    names(pred).iter().any(|t| g.contains(t))
}

/// Index of the best-matching predicted quote (overlap ≥ 0.5), if any.
pub fn best_match<S: AsRef<str>>(gold: &str, preds: impl Iterator<Item = (usize, S)>) -> Option<usize> {
    let g = tokens(gold);
    preds
        .map(|(i, t)| (i, overlap(&g, &tokens(t.as_ref()))))
        .filter(|&(_, s)| s >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
