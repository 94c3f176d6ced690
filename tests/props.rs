//! Property tests over generated article-like text: quote spans lie inside
//! the text on character boundaries, quotes never overlap unless one nests
//! in another, and every export record is valid JSON without controls.

mod common;

use proptest::prelude::*;
use quoteline::load::Source;

/// Text made of the pieces that trouble quote pairing: all the quote
/// marks, apostrophes, names, cues, accents, newlines and stray controls.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("''".to_string()),
        Just(" said ".to_string()),
        Just("Ilse Varga".to_string()),
        Just(" she ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Müller’s ".to_string()),
        Just("\u{1b}[31m".to_string()),
        "[a-zA-Zé ]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let source = Source {
        file: "prop.txt".into(),
        text: text.to_string(),
        ..Source::default()
    };
    let article = quoteline::clean::clean(&source);
    let found = quoteline::extract::extract_alone(&article);
    let problem = found.span_problem(&article.text.get());
    prop_assert!(problem.is_none(), "{:?} in {:?}", problem, article.text);
    Ok(())
}

fn no_controls(s: &str) -> bool {
    !s.chars().any(quoteline::load::decode::is_unsafe_char)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn quote_spans_are_sound(text in article_text()) {
        check(&text)?;
    }

    #[test]
    fn exports_are_valid_json_without_controls(text in article_text()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, &text).unwrap();
        let corpus = quoteline::load_corpus(&[path.to_string_lossy().into_owned()], &quoteline::LoadOptions::default());
        let lines: Vec<String> = quoteline::export::quote_records(&corpus)
            .map(|r| serde_json::to_string(&r).unwrap())
            .chain(quoteline::export::article_records(&corpus).map(|r| serde_json::to_string(&r).unwrap()))
            .chain(quoteline::export::speaker_records(&corpus, true).map(|r| serde_json::to_string(&r).unwrap()))
            .collect();
        for line in lines {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            for s in common::json_strings(&v) {
                prop_assert!(no_controls(s), "{:?} in {}", s, line);
            }
        }
    }

    #[test]
    fn decoding_any_bytes_never_panics_and_leaves_no_controls(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok((text, _)) = quoteline::load::decode::decode_bytes(&bytes, None) {
            prop_assert!(no_controls(&text));
        }
    }
}
