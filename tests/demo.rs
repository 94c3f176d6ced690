//! The bundled demo corpus against its hand-made gold
//! (tests/fixtures/demo_gold.json): quote recall, speaker accuracy, titles,
//! dates and clutter.

mod common;

#[test]
fn demo_corpus_matches_its_gold() {
    let (corpus, gold) = common::demo();
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let (mut gold_n, mut found, mut right) = (0, 0, 0);
    for ga in gold["articles"].as_array().unwrap() {
        let file = ga["file"].as_str().unwrap();
        let a = corpus.articles.iter().find(|a| a.file.ends_with(file)).unwrap();
        assert_eq!(a.title.as_deref(), ga["title"].as_str(), "{file}");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), ga["date"].as_str(), "{file}");
        let body = a.body();
        for b in ga["boilerplate"].as_array().unwrap() {
            assert!(!body.contains(b.as_str().unwrap()), "{file}: clutter left: {b}");
        }
        let preds: Vec<&quoteline::model::Quote> = a.quotes.iter().map(|q| &corpus.quotes[q]).collect();
        for gq in ga["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] != "term") {
            gold_n += 1;
            let text = gq["text"].as_str().unwrap();
            if let Some(m) = common::best_match(text, preds.iter().map(|q| corpus.quote_text(q)).enumerate()) {
                found += 1;
                if common::same_speaker(corpus.speaker_name(preds[m]), gq["speaker"].as_str().unwrap()) {
                    right += 1;
                } else {
                    eprintln!(
                        "{file}: {text:.50} → {:?}, gold {}",
                        corpus.speaker_name(preds[m]),
                        gq["speaker"]
                    );
                }
            } else {
                eprintln!("{file}: missed {text:.60}");
            }
        }
    }
    let recall = found as f64 / gold_n as f64;
    let accuracy = right as f64 / found as f64;
    eprintln!("demo: {gold_n} gold quotes, recall {recall:.3}, speaker accuracy {accuracy:.3}");
    assert!(recall >= 0.95, "recall {recall}");
    assert!(accuracy >= 0.70, "speaker accuracy {accuracy}");
}
