//! Relations between quotes and articles: the same statement as several
//! outlets reported it, stories (articles about one event), and each
//! quote's ranked related quotes (same statement, same subject, replies,
//! the same speaker at other times).

pub mod related;
pub mod statements;
pub mod stories;
pub mod terms;
pub mod wording;

use crate::model::Corpus;
use rayon::prelude::*;
use terms::Wordings;

/// What the relations are computed from, kept so the reader can rank a
/// quote's related quotes on demand.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Each quote's wording as weighted terms.
    pub quote_terms: Wordings,
}

/// Computes statements and stories for a corpus whose quotes are dated.
/// Run again after dates change (a date set by hand).
pub fn relate(corpus: &mut Corpus) {
    compute(corpus).apply(corpus);
}

/// Statements, stories and the index behind them, computed from a corpus
/// without changing it (the reader does it in the background).
#[derive(Debug, Default)]
pub struct Relations {
    /// New quote term vectors, when the corpus's were missing or stale.
    quote_terms: Option<Wordings>,
    stories: stories::Stories,
    statements: statements::Statements,
}

pub fn compute(corpus: &Corpus) -> Relations {
    compute_with(corpus, Some(stories::ArticleTerms::default()), None)
}

/// [`compute`], with or without stories (which only the reader and the
/// related quotes use, and which need every article's terms):
/// `stories` is `None` for none, or the articles' terms registered while
/// loading (when they are not every article's, they are taken anew from
/// the text). `quote_terms` are the quotes' vectors when the caller has
/// them already; else the corpus's are used, or made anew when stale.
pub fn compute_with(
    corpus: &Corpus,
    stories: Option<stories::ArticleTerms>,
    quote_terms: Option<Wordings>,
) -> Relations {
    // Stories and statements do not depend on each other: each one's
    // sequential steps run while the other keeps the second core busy.
    let (stories, (statements, fresh)) = rayon::join(
        || {
            if let Some(prepared) = stories {
                stories::compute(corpus, prepared)
            } else {
                stories::Stories::default()
            }
        },
        || {
            debug_assert!(quote_terms.as_ref().is_none_or(|t| t.len() == corpus.quotes.len()));
            let fresh = quote_terms
                .filter(|t| t.len() == corpus.quotes.len())
                .or_else(|| (corpus.index.quote_terms.len() != corpus.quotes.len()).then(|| quote_vectors(corpus)));
            let quote_terms = fresh.as_ref().unwrap_or(&corpus.index.quote_terms);
            (statements::compute(corpus, quote_terms), fresh)
        },
    );
    Relations {
        stories,
        statements,
        quote_terms: fresh,
    }
}

/// Each quote's wording as weighted terms ([`Index::quote_terms`]), from
/// the texts (a load that reads every file afresh takes them from
/// extraction instead, [`crate::pipeline::Builder::take_quote_wordings`]).
pub fn quote_vectors(corpus: &Corpus) -> Wordings {
    quote_vectors_seeing(corpus, |_| {})
}

/// Quotes whose articles' texts [`quote_vectors_seeing`] unpacks at once:
/// a few hundred articles.
pub(crate) const VECTOR_CHUNK: usize = 4096;

/// [`quote_vectors`], showing each quote's words to `see` as well, in
/// quote order: when the reader has neither from reading (files taken from
/// its cache) nor from beside its cache, it builds its search index from
/// the texts unpacked for the vectors. Unpacking after reading was 6.5% of
/// a 100k first open's CPU, half of it for the index (perf); fused,
/// vectors, index and statements took 1.45 s instead of 1.65 s (medians
/// of six rounds in turn).
pub fn quote_vectors_seeing(corpus: &Corpus, mut see: impl FnMut(&str) + Send) -> Wordings {
    // Each chunk's quotes' terms are made in runs of 64 on both cores (a
    // quote's are a few hundred bytes) while `see` is shown their words
    // and the chunk before is registered.
    const RUN: usize = 64;
    let mut wordings = terms::WordingsBuilder::default();
    let mut pending: Vec<Vec<Vec<terms::Term>>> = Vec::new();
    for chunk in corpus.quote_runs(VECTOR_CHUNK) {
        let texts = corpus.article_texts_of(chunk.clone());
        let (terms, ((), ())) = rayon::join(
            || {
                crate::model::runs(chunk.len(), RUN)
                    .into_par_iter()
                    .map(|run| {
                        (chunk.start + run.start..chunk.start + run.end)
                            .map(|q| {
                                let (quote, text) = (&corpus.quotes[q], texts.of_quote(q));
                                let mut out = Vec::new();
                                let negated = negated_before(text, quote.kind, quote.span.start());
                                terms::terms_into(quote.span.of(text), negated, &mut out);
                                out
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            },
            || {
                rayon::join(
                    || {
                        chunk
                            .clone()
                            .for_each(|q| see(corpus.quotes[q].span.of(texts.of_quote(q))))
                    },
                    || pending.drain(..).flatten().for_each(|t| wordings.add(&t)),
                )
            },
        );
        pending = terms;
    }
    pending.into_iter().flatten().for_each(|t| wordings.add(&t));
    wordings.finish()
}

impl Relations {
    /// These relations with stories found apart (the reader finds them
    /// while speakers merge, from the same articles).
    pub fn with_stories(self, stories: stories::Stories) -> Relations {
        Relations { stories, ..self }
    }

    /// The quotes' vectors it brings, when it brings new ones.
    pub fn quote_terms(&self) -> Option<&Wordings> {
        self.quote_terms.as_ref()
    }

    pub fn apply(self, corpus: &mut Corpus) {
        if let Some(t) = self.quote_terms {
            corpus.index.quote_terms = t;
        }
        self.stories.apply(corpus);
        self.statements.apply(corpus);
    }
}

/// Whether a quote's wording is negated from before it: a fragment just
/// after a negation ("would not pay “one cent more”" means "not one cent
/// more"). `start` is where its words begin in `text`.
pub fn negated_before(text: &str, kind: crate::model::QuoteKind, start: usize) -> bool {
    if kind != crate::model::QuoteKind::Partial {
        return false;
    }
    let mut from = start.saturating_sub(40);
    while from < start && !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..start).unwrap_or_default();
    before.split_whitespace().rev().take(3).any(|w| {
        terms::is_negator(&crate::text::normalize_word(
            w.trim_matches(|c: char| !crate::text::is_alnum(c) && c != '\''),
        ))
    })
}

/// Disjoint sets with path halving and union by size.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// The sets met among `items`, in order of first appearance, each with
    /// its members in item order.
    pub fn groups(&mut self, items: impl Iterator<Item = usize>) -> Vec<Vec<usize>> {
        // Indexed by root: a million quotes hashed one by one was a
        // noticeable part of grouping statements.
        let mut index_of_root = vec![usize::MAX; self.parent.len()];
        let mut out: Vec<Vec<usize>> = Vec::new();
        for x in items {
            let root = self.find(x);
            if index_of_root[root] == usize::MAX {
                index_of_root[root] = out.len();
                // Room for the whole set, whose members are all items
                // for both callers: a set is then never grown, nor
                // shrunk when boxed (a million statements at 100k
                // articles, most of one quote).
                out.push(Vec::with_capacity(self.size[root]));
            }
            out[index_of_root[root]].push(x);
        }
        out
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn groups_come_in_order_and_each_just_fits_its_set() {
        let mut uf = UnionFind::new(8);
        for (a, b) in [(5, 1), (1, 3), (6, 7)] {
            uf.union(a, b);
        }
        // 0, 2 and 4 are never joined; 2 is not an item.
        let groups = uf.groups([0, 1, 3, 4, 5, 6, 7].into_iter());
        assert_eq!(groups, vec![vec![0], vec![1, 3, 5], vec![4], vec![6, 7]]);
        for g in &groups {
            assert_eq!(g.capacity(), g.len(), "{g:?}");
        }
    }
}
