//! Statement dates, statements across outlets and related quotes.
//!
//! On copies of ../shared/seeds whose file names carry their publication
//! dates (built at run time, never kept in the project; skipped when
//! ../shared is absent), and on the demo corpus against the statement and
//! reply pairs in tests/fixtures/demo_gold.json.

mod common;

use quoteline::model::{Corpus, DatePrecision, QuoteId};
use quoteline::relate::related::{related, Reason};
use quoteline::{load_corpus, LoadOptions};
use serde_json::Value;
use std::collections::HashSet;

/// Seed copies named by date: 2025-04-08 for 000 and 004, 2025-08-08 for
/// 003, 2025-11-18 for 001 and 002.
fn dated_seeds() -> Option<(tempfile::TempDir, Corpus)> {
    let shared = common::shared()?;
    let dir = tempfile::tempdir().unwrap();
    let dates = [
        ("000", "2025-04-08"),
        ("001", "2025-11-18"),
        ("002", "2025-11-18"),
        ("003", "2025-08-08"),
        ("004", "2025-04-08"),
    ];
    for entry in std::fs::read_dir(shared.join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((num, date)) = dates
            .iter()
            .find(|(n, _)| name.starts_with(n) && name.ends_with(".txt"))
        {
            std::fs::copy(&path, dir.path().join(format!("{date}-{num}.txt"))).unwrap();
        }
    }
    let corpus = load_corpus(&[dir.path().to_string_lossy().into_owned()], &LoadOptions::default());
    assert_eq!(corpus.articles.len(), 5);
    Some((dir, corpus))
}

fn quote(c: &Corpus, file_part: &str, text: &str) -> QuoteId {
    (0..c.quotes.len())
        .find(|&q| {
            c.articles[c.quotes[q].article].file.contains(file_part) && c.quote_text(&c.quotes[q]).contains(text)
        })
        .unwrap_or_else(|| panic!("no quote {text:?} in {file_part}"))
}

fn reason(c: &Corpus, from: QuoteId, to: QuoteId) -> Option<Reason> {
    related(c, from).into_iter().find(|r| r.quote == to).map(|r| r.reason)
}

#[test]
fn seed_statements_are_dated_from_the_text() {
    let Some((_dir, c)) = dated_seeds() else { return };
    // "said on Tuesday" in an article of Tuesday 2025-04-08.
    let tuesday = &c.quotes[quote(&c, "-000", "would not resolve anything")];
    assert_eq!(tuesday.date().unwrap().to_string(), "2025-04-08");
    assert_eq!(tuesday.when.as_ref().unwrap().precision, DatePrecision::Day);
    // "told voters at the time" of the August order, in a November article.
    let invasion = c.quotes[quote(&c, "-002", "There will be no invasion")]
        .when
        .clone()
        .unwrap();
    assert_eq!(invasion.label(), "Aug 2025");
    assert_eq!(invasion.precision, DatePrecision::Month);
    // Trump "told reporters in the Oval Office on Monday": the day before.
    let monday = &c.quotes[quote(&c, "-002", "I can’t answer that question")];
    assert_eq!(monday.date().unwrap().to_string(), "2025-11-17");
    // Sheinbaum's timeline: at least three dates, April before August
    // before November.
    let sheinbaum = c.speakers.iter().find(|s| s.name == "Claudia Sheinbaum").unwrap();
    let dates: Vec<_> = sheinbaum.quotes.iter().filter_map(|&q| c.quotes[q].date()).collect();
    let distinct: HashSet<_> = dates.iter().collect();
    assert!(distinct.len() >= 3, "{dates:?}");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let months: Vec<String> = dates.iter().map(|d| d.format("%Y-%m").to_string()).collect();
    for m in ["2025-04", "2025-08", "2025-11"] {
        assert!(months.iter().any(|x| x == m), "no {m} in {months:?}");
    }
}

#[test]
fn seed_quotes_relate_across_outlets_and_sides() {
    let Some((_dir, c)) = dated_seeds() else { return };
    // Paraphrased translations of one refusal, a few hours apart.
    let wont = quote(&c, "-001", "It won't happen");
    let not_going = quote(&c, "-002", "not going to happen");
    assert_eq!(c.quotes[wont].statement, c.quotes[not_going].statement);
    assert_eq!(reason(&c, not_going, wont), Some(Reason::SameStatement));
    // Coordination without subordination, in April and in November: the
    // same subject, not the same moment.
    let april = quote(&c, "-004", "We coordinate, we collaborate");
    let november = quote(&c, "-002", "There is collaboration and coordination");
    assert!(
        matches!(
            reason(&c, november, april),
            Some(Reason::SameStatement | Reason::SameSubject)
        ),
        "{:?}",
        reason(&c, november, april)
    );
    // Trump's strike talk and Sheinbaum's refusal answer each other.
    let overland = quote(&c, "-002", "Would we do that overland");
    assert_eq!(reason(&c, not_going, overland), Some(Reason::Reply));
    assert_eq!(reason(&c, overland, not_going), Some(Reason::Reply));
    // Setting an article's date by hand moves its quotes' dates.
    let mut c = c;
    let a = c.quotes[wont].article;
    quoteline::set_article_date(&mut c, a, chrono::NaiveDate::from_ymd_opt(2025, 12, 2));
    assert_eq!(c.quotes[wont].date().unwrap().to_string(), "2025-12-02");
    assert_ne!(c.quotes[wont].statement, c.quotes[not_going].statement);
}

/// "file#text" keys of the gold, matched to quotes by file and text start.
fn find_key(c: &Corpus, key: &str) -> QuoteId {
    let (file, text) = key.split_once('#').unwrap();
    quote(c, file, text.trim_end_matches(','))
}

fn pair_scores(c: &Corpus, gold: &[Value], predicted: &HashSet<(QuoteId, QuoteId)>) -> (f64, f64, usize) {
    let gold: HashSet<(QuoteId, QuoteId)> = gold
        .iter()
        .map(|p| {
            let (a, b) = (find_key(c, p[0].as_str().unwrap()), find_key(c, p[1].as_str().unwrap()));
            (a.min(b), a.max(b))
        })
        .collect();
    let hits = predicted.intersection(&gold).count();
    for missed in gold.difference(predicted) {
        eprintln!(
            "  missed: {:.50} ~ {:.50}",
            c.quote_text(&c.quotes[missed.0]),
            c.quote_text(&c.quotes[missed.1])
        );
    }
    for extra in predicted.difference(&gold) {
        eprintln!(
            "  extra:  {:.50} ~ {:.50}",
            c.quote_text(&c.quotes[extra.0]),
            c.quote_text(&c.quotes[extra.1])
        );
    }
    let p = if predicted.is_empty() {
        1.0
    } else {
        hits as f64 / predicted.len() as f64
    };
    (p, hits as f64 / gold.len() as f64, gold.len())
}

#[test]
fn demo_statement_and_reply_pairs_against_the_gold() {
    let (c, gold) = common::demo();
    // Predicted statement pairs: quotes of one statement in different articles.
    let mut statements = HashSet::new();
    for st in &c.statements {
        for (i, &a) in st.quotes.iter().enumerate() {
            for &b in &st.quotes[i + 1..] {
                if c.quotes[a].article != c.quotes[b].article {
                    statements.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    let (p, r, n) = pair_scores(&c, gold["statement_pairs"].as_array().unwrap(), &statements);
    eprintln!("demo statement pairs: {n} gold, precision {p:.3}, recall {r:.3}");
    assert!(p >= 0.99 && r >= 0.59, "statement pairs: precision {p}, recall {r}");
    // Predicted reply pairs: the replies ranked first for each quote.
    let mut replies = HashSet::new();
    for q in 0..c.quotes.len() {
        for rel in related(&c, q).into_iter().filter(|r| r.reason == Reason::Reply) {
            replies.insert((q.min(rel.quote), q.max(rel.quote)));
        }
    }
    let (p, r, n) = pair_scores(&c, gold["reply_pairs"].as_array().unwrap(), &replies);
    eprintln!(
        "demo reply pairs: {n} gold, {} predicted, recall {r:.3} (precision {p:.3})",
        replies.len()
    );
    assert!(r >= 0.99, "reply recall {r}");
}

/// Stories from the terms registered while loading are the stories found
/// from the articles' text afresh (the path a refresh takes).
#[test]
fn stories_from_loading_terms_match_stories_from_text() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut loaded = load_corpus(&[format!("{root}/assets")], &LoadOptions::default());
    assert!(loaded.stories.len() > 1, "the demo corpus tells several stories");
    assert!(
        loaded.stories.iter().any(|s| s.articles.len() > 1),
        "and some story is told by several articles"
    );
    let from_loading: Vec<_> = loaded.articles.iter().map(|a| a.story).collect();
    let titles: Vec<String> = loaded.stories.iter().map(|s| s.title.clone()).collect();
    quoteline::relate::stories::compute(&loaded, Default::default()).apply(&mut loaded);
    let from_text: Vec<_> = loaded.articles.iter().map(|a| a.story).collect();
    assert_eq!(from_loading, from_text);
    let again: Vec<String> = loaded.stories.iter().map(|s| s.title.clone()).collect();
    assert_eq!(titles, again);
}
