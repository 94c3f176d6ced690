//! quoteline: find who said what in news articles.
//!
//! The core is a pipeline of pure stages over plain data:
//! `load` (files → decoded text) → `clean` (chrome out, title, outlet, date)
//! → `extract` (quote spans, attribution sieves, in-article resolution)
//! → `resolve` (speakers across articles) → [`model::Corpus`].
//! No terminal code lives here; the reader and the CLI sit on top.

pub mod alloc;
pub mod cache;
pub mod clean;
pub mod export;
pub mod extract;
pub mod gen;
pub mod guard;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod relate;
pub mod resolve;
pub mod search;
pub mod state;
pub mod text;
mod varint;
pub mod words_cache;

use model::Corpus;

pub use load::LoadOptions;

/// Loads, cleans and extracts every article under `paths`, then merges
/// speakers across them. Problems with single files are in
/// `corpus.diagnostics`; they never stop the others.
pub fn load_corpus(paths: &[String], opts: &LoadOptions) -> Corpus {
    load_corpus_with(paths, opts, true)
}

/// [`load_corpus`], with or without stories: the `extract`, `articles`,
/// `speakers` and `statements` exports show none, and finding them keeps
/// every article's terms while reading.
pub fn load_corpus_with(paths: &[String], opts: &LoadOptions, with_stories: bool) -> Corpus {
    load(paths, opts, with_stories, pipeline::Texts::Plain, None)
}

/// [`load_corpus`] with the texts packed as the reader keeps them (its
/// loads of a watched folder that changed), and with the reader's cache of
/// read articles in `cache_dir` if given: only the files that changed are
/// read again.
pub fn load_corpus_packed(paths: &[String], opts: &LoadOptions, cache_dir: Option<&std::path::Path>) -> Corpus {
    load(paths, opts, true, pipeline::Texts::Packed, cache_dir)
}

fn load(
    paths: &[String],
    opts: &LoadOptions,
    with_stories: bool,
    texts: pipeline::Texts,
    cache_dir: Option<&std::path::Path>,
) -> Corpus {
    let mut corpus = Corpus::default();
    // The quotes' terms taken as extraction splits the words: splitting
    // each quote again after reading was 3% of a 10k-article `extract`'s
    // instructions (callgrind). Not with a cache (the reader's reload of
    // a watched folder), which holds none: the unchanged files, most of
    // them, come from it, so every quote's terms are made from the texts
    // anyway. The reader's own load asks for them with its cache too: a
    // first open reads every file afresh.
    let terms = extract::TermsWanted {
        article: with_stories,
        quotes: cache_dir.is_none(),
        search: false,
    };
    let mut builder = pipeline::run(paths, opts, terms, pipeline::Weigh::Skip, texts, cache_dir, |event| {
        if let pipeline::Event::Batch(batch) = event {
            batch.append_to(&mut corpus);
        }
    });
    builder.revise(&corpus).apply(&mut corpus);
    let quote_terms = builder.take_quote_wordings();
    // Weighed (or, should they not fit the quotes, made from the text: they
    // need no speakers) on the second core while speakers are merged on
    // the first.
    let (resolution, quote_terms) = rayon::join(
        || builder.resolve(),
        || match quote_terms {
            Some(wordings) => wordings.finish(),
            None => relate::quote_vectors(&corpus),
        },
    );
    resolution.apply(&mut corpus);
    let stories = with_stories.then(|| builder.take_article_terms());
    drop(builder);
    relate::compute_with(&corpus, stories, Some(quote_terms)).apply(&mut corpus);
    corpus
}

/// After speakers or dates changed: each speaker's timeline in time order
/// again, then statements and stories anew.
pub fn refresh(corpus: &mut Corpus) {
    sort_speaker_quotes(corpus);
    relate::relate(corpus);
}

/// Each speaker's quotes in time order (undated last), then text order.
pub(crate) fn sort_speaker_quotes(corpus: &mut Corpus) {
    use rayon::prelude::*;
    // On all cores, each quote's key worked out once: a million quotes
    // sorted one speaker after another, their dates read at every
    // comparison, held the second core idle for about 0.05 s.
    let quotes = &corpus.quotes;
    corpus
        .speakers
        .par_iter_mut()
        .for_each(|sp| sp.quotes.sort_by_cached_key(|&q| quotes[q].time_order()));
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
        for q in art.quotes {
            let quote = &mut corpus.quotes[q];
            quote.when = resolve::when::statement_date(quote.time.as_deref(), date);
        }
    }
    if and_refresh && !dates.is_empty() {
        refresh(corpus);
    }
}
