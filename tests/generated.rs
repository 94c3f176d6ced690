//! Generated news (src/gen.rs) loaded as a corpus, against the truth the
//! generator keeps: every quote found, and who said it. Its invented names
//! have no gender in the name lists, so pronouns ("she said") depend on
//! what the article itself tells; its towns share words with surnames.

use quoteline::gen::Generator;
use quoteline::load::LoadOptions;

/// "the Central Bank" and "Central Bank" are one speaker.
fn normal(name: &str) -> String {
    let lower = name.to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

#[test]
fn generated_quotes_are_found_and_attributed() {
    let dir = tempfile::tempdir().unwrap();
    let generator = Generator::new(7);
    let articles: Vec<_> = (0..400).map(|i| generator.article(i)).collect();
    for a in &articles {
        let path = dir.path().join(&a.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &a.text).unwrap();
    }
    let corpus = quoteline::load_corpus_with(
        &[dir.path().to_string_lossy().into_owned()],
        &LoadOptions::default(),
        false,
    );
    let (mut gold, mut found, mut right) = (0, 0, 0);
    let mut wrong: Vec<String> = Vec::new();
    for a in &articles {
        let article = corpus.articles.iter().find(|x| x.file.ends_with(&a.path)).unwrap();
        let mut unused: Vec<usize> = article.quotes.iter().collect();
        for g in &a.quotes {
            gold += 1;
            let Some(k) = unused
                .iter()
                .position(|&q| corpus.quote_text(&corpus.quotes[q]).starts_with(&g.opening))
            else {
                wrong.push(format!("{}: missed {}", a.path, g.opening));
                continue;
            };
            let q = &corpus.quotes[unused.remove(k)];
            found += 1;
            let speaker = corpus.speaker_name(q);
            if speaker.map(normal) == Some(normal(&g.speaker)) {
                right += 1;
            } else {
                wrong.push(format!("{}: {} → {speaker:?}, truth {}", a.path, g.opening, g.speaker));
            }
        }
    }
    for w in wrong.iter().take(30) {
        eprintln!("{w}");
    }
    let recall = found as f64 / gold as f64;
    let accuracy = right as f64 / found as f64;
    eprintln!("generated: {gold} quotes, recall {recall:.3}, speaker accuracy {accuracy:.3}");
    assert!(recall >= 0.99, "recall {recall}");
    assert!(accuracy >= 0.95, "speaker accuracy {accuracy}");
}
