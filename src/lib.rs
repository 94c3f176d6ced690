//! quoteline: find who said what in news articles.
//!
//! The core is a pipeline of pure stages over plain data:
//! `load` (files → decoded text) → `clean` (chrome out, title, outlet, date)
//! → `extract` (quote spans, attribution sieves, in-article resolution)
//! → `resolve` (speakers across articles) → [`model::Corpus`].
//! No terminal code lives here; the reader and the CLI sit on top.

pub mod clean;
pub mod export;
pub mod extract;
pub mod gen;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod relate;
pub mod resolve;
pub mod state;
pub mod text;

use model::{Article, Corpus, Quote, Speaker};
use rayon::prelude::*;
use resolve::speakers::{Registry, Sighting};

pub use load::LoadOptions;

/// Loads, cleans and extracts every article under `paths`, then merges
/// speakers across them. Problems with single files are in
/// `corpus.diagnostics`; they never stop the others.
pub fn load_corpus(paths: &[String], opts: &LoadOptions) -> Corpus {
    let (sources, diagnostics) = load::load_sources(paths, opts);
    let articles: Vec<Article> = sources.par_iter().map(clean::clean).collect();
    // Genders learnt from full names anywhere help resolve "he" and "she"
    // in articles that give only a surname.
    let (scans, named): (Vec<extract::Scan>, Vec<Vec<extract::people::Person>>) =
        articles.par_iter().map(extract::scan).unzip();
    let hints = extract::people::gender_hints(named.iter().flatten());
    let processed: Vec<(Article, extract::Extraction)> = articles
        .into_par_iter()
        .zip(scans)
        .map(|(article, scan)| {
            let found = extract::extract(&article, scan, &hints);
            (article, found)
        })
        .collect();
    build_corpus(processed, diagnostics)
}

/// Merges per-article extractions into a corpus with shared speakers.
pub fn build_corpus(processed: Vec<(Article, extract::Extraction)>, diagnostics: Vec<model::Diagnostic>) -> Corpus {
    let mut sightings = Vec::new();
    for (_, ex) in &processed {
        for q in &ex.quotes {
            if let Some(s) = &q.speaker {
                let alias = q
                    .mention
                    .as_ref()
                    .filter(|m| extract::mentions::pronoun(&m.text).is_none())
                    .map(|m| m.text.clone());
                sightings.push(Sighting {
                    speaker: s.clone(),
                    alias,
                    quoted: true,
                });
            }
        }
        for p in &ex.people {
            sightings.push(Sighting {
                speaker: p.clone(),
                alias: None,
                quoted: false,
            });
        }
    }
    let registry = Registry::build(&sightings);
    let mut corpus = Corpus {
        diagnostics,
        ..Corpus::default()
    };
    let mut speaker_of_entity: Vec<Option<usize>> = vec![None; registry.entities.len()];
    let mut mentioned_only = vec![true; registry.entities.len()];
    for s in sightings.iter().filter(|s| s.quoted) {
        if let Some(e) = registry.lookup(&s.speaker) {
            mentioned_only[e] = false;
        }
    }
    // Quoted speakers first, then people only mentioned.
    let mut order: Vec<usize> = (0..registry.entities.len()).collect();
    order.sort_by_key(|&e| mentioned_only[e]);
    for e in order.into_iter().filter(|&e| !registry.entities[e].merged) {
        let ent = &registry.entities[e];
        speaker_of_entity[e] = Some(corpus.speakers.len());
        corpus.speakers.push(Speaker {
            name: ent.name.clone(),
            kind: ent.kind,
            aliases: ent.aliases.iter().filter(|a| **a != ent.name).cloned().collect(),
            roles: ent.roles.clone(),
            quotes: Vec::new(),
        });
    }
    for (article, ex) in processed {
        let aid = corpus.articles.len();
        let mut article = article;
        for q in ex.quotes {
            let qid = corpus.quotes.len();
            let speaker = q
                .speaker
                .as_ref()
                .and_then(|s| registry.lookup(s))
                .and_then(|e| speaker_of_entity[e]);
            if let Some(s) = speaker {
                corpus.speakers[s].quotes.push(qid);
            }
            article.quotes.push(qid);
            corpus.quotes.push(Quote {
                article: aid,
                span: q.span,
                text: q.text,
                kind: q.kind,
                cue: q.cue,
                mention: q.mention,
                speaker,
                sieve: q.sieve,
                when: resolve::when::statement_date(q.time.as_ref(), article.date),
                time: q.time,
                statement: None,
                starred: false,
                note: None,
            });
        }
        corpus.articles.push(article);
    }
    refresh(&mut corpus);
    corpus
}

/// After speakers or dates changed: each speaker's timeline in time order
/// again, then statements and stories anew.
pub fn refresh(corpus: &mut Corpus) {
    sort_speaker_quotes(corpus);
    relate::relate(corpus);
}

/// Each speaker's quotes in time order (undated last), then text order.
fn sort_speaker_quotes(corpus: &mut Corpus) {
    for sp in &mut corpus.speakers {
        let quotes = &corpus.quotes;
        sp.quotes.sort_by_key(|&q| quotes[q].time_order());
    }
}

/// Sets an article's publication date by hand (`None`: undated). Its quotes
/// are dated again from their own time expressions, and timelines,
/// statements and stories follow.
pub fn set_article_date(corpus: &mut Corpus, article: model::ArticleId, date: Option<chrono::NaiveDate>) {
    set_dates(corpus, &[(article, date)], true);
}

/// Sets several articles' dates by hand; with `and_refresh`, timelines,
/// statements and stories follow at once (else the caller [`refresh`]es).
pub fn set_dates(corpus: &mut Corpus, dates: &[(model::ArticleId, Option<chrono::NaiveDate>)], and_refresh: bool) {
    for &(article, date) in dates {
        let art = &mut corpus.articles[article];
        art.date = date;
        art.date_source = date.map(|_| model::DateSource::User);
        for &q in &art.quotes {
            let quote = &mut corpus.quotes[q];
            quote.when = resolve::when::statement_date(quote.time.as_ref(), date);
        }
    }
    if and_refresh && !dates.is_empty() {
        refresh(corpus);
    }
}
