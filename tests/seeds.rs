//! The user's five seed articles (read from ../shared/seeds, never copied
//! into the project): every full quote with the right speaker, titles,
//! dates, and no site chrome left in any body.

mod common;

use quoteline::model::{Corpus, QuoteKind};
use quoteline::{load_corpus, LoadOptions};
use serde_json::Value;

fn load() -> Option<(Corpus, Value)> {
    let shared = common::shared()?;
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(shared.join("seeds/gold.json")).unwrap()).unwrap();
    let corpus = load_corpus(
        &[shared.join("seeds").to_string_lossy().into_owned()],
        &LoadOptions::default(),
    );
    Some((corpus, gold))
}

fn article<'a>(corpus: &'a Corpus, file: &str) -> &'a quoteline::model::Article {
    corpus
        .articles
        .iter()
        .find(|a| a.file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} not loaded"))
}

#[test]
fn every_full_quote_is_found_with_its_speaker() {
    let Some((corpus, gold)) = load() else { return };
    let mut checked = 0;
    for ga in gold["articles"].as_array().unwrap() {
        let file = ga["file"].as_str().unwrap();
        let a = article(&corpus, file);
        let preds: Vec<&quoteline::model::Quote> = a.quotes.iter().map(|q| &corpus.quotes[q]).collect();
        for gq in ga["quotes"].as_array().unwrap().iter().filter(|q| q["kind"] == "full") {
            let text = gq["text"].as_str().unwrap();
            let m = common::best_match(text, preds.iter().map(|q| corpus.quote_text(q)).enumerate())
                .unwrap_or_else(|| panic!("{file}: full quote not found: {text}"));
            let speaker = corpus.speaker_name(preds[m]);
            assert!(
                common::same_speaker(speaker, gq["speaker"].as_str().unwrap()),
                "{file}: {text}: speaker {speaker:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 25);
}

#[test]
fn titles_dates_and_outlets() {
    let Some((corpus, gold)) = load() else { return };
    for ga in gold["articles"].as_array().unwrap() {
        let a = article(&corpus, ga["file"].as_str().unwrap());
        if let Some(title) = ga["title"].as_str() {
            assert_eq!(a.title.as_deref(), Some(title));
            assert!(!a.title_derived);
        } else {
            assert!(
                a.title_derived,
                "{}: a title without a headline must be marked derived",
                a.file
            );
        }
        let date = a.date.map(|d| d.to_string());
        match ga["date"].as_str() {
            Some(d) => assert_eq!(date.as_deref(), Some(d), "{}", a.file),
            None => assert_eq!(date, None, "{}: no date is stated, none may be guessed", a.file),
        }
        if let Some(outlet) = ga["outlet"].as_str() {
            assert_eq!(a.outlet.as_deref(), Some(outlet));
        }
    }
}

#[test]
fn no_boilerplate_left_and_body_kept() {
    let Some((corpus, gold)) = load() else { return };
    for ga in gold["articles"].as_array().unwrap() {
        let a = article(&corpus, ga["file"].as_str().unwrap());
        let body = a.body();
        for b in ga["boilerplate"].as_array().unwrap() {
            let b = b.as_str().unwrap();
            assert!(!body.contains(b), "{}: left in body: {b}", a.file);
            assert!(
                a.removed.iter().any(|r| a.removed_text(r).contains(b)),
                "{}: clutter not kept aside: {b}",
                a.file
            );
        }
        for k in ga["body_keeps"].as_array().unwrap() {
            assert!(body.contains(k.as_str().unwrap()), "{}: body lost: {k}", a.file);
        }
    }
}

#[test]
fn speakers_merge_across_articles() {
    let Some((corpus, _)) = load() else { return };
    let sheinbaum: Vec<_> = corpus
        .speakers
        .iter()
        .filter(|s| s.name.contains("Sheinbaum"))
        .collect();
    assert_eq!(sheinbaum.len(), 1, "one Claudia Sheinbaum");
    assert_eq!(sheinbaum[0].name, "Claudia Sheinbaum");
    assert!(sheinbaum[0].aliases.iter().any(|a| a == "Mr. Sheinbaum"));
    let arts: std::collections::BTreeSet<usize> =
        sheinbaum[0].quotes.iter().map(|&q| corpus.quotes[q].article).collect();
    assert_eq!(arts.len(), 5, "quoted in all five seeds");
    let hegseth: Vec<_> = corpus.speakers.iter().filter(|s| s.name.ends_with("egseth")).collect();
    assert_eq!(hegseth.len(), 1, "Pete Gegseth is Pete Hegseth: {hegseth:?}");
    assert_eq!(hegseth[0].name, "Pete Hegseth");
    let wh = corpus
        .speakers
        .iter()
        .find(|s| s.name == "White House")
        .expect("White House speaks");
    assert_eq!(wh.kind, quoteline::model::SpeakerKind::Organisation);
    let reporter = corpus
        .speakers
        .iter()
        .find(|s| s.name == "a reporter")
        .expect("the reporter's question");
    assert_eq!(reporter.kind, quoteline::model::SpeakerKind::Anonymous);
    let flores = corpus.speakers.iter().find(|s| s.name.contains("Flores")).unwrap();
    assert!(flores
        .roles
        .iter()
        .any(|r| r.contains("professor at Cornell University")));
}

#[test]
fn headline_quotes_in_related_links_are_not_extracted() {
    let Some((corpus, _)) = load() else { return };
    assert!(!corpus
        .quotes
        .iter()
        .any(|q| corpus.quote_text(q).contains("sustainable")));
    assert!(corpus
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Term)
        .any(|q| corpus.quote_text(q) == "drug cartels"));
}
