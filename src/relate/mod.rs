//! Relations between quotes and articles: the same statement as several
//! outlets reported it, stories (articles about one event), and each
//! quote's ranked related quotes (same statement, same subject, replies,
//! the same speaker at other times).

pub mod related;
pub mod statements;
pub mod stories;
pub mod terms;

use crate::model::Corpus;
use terms::TermVec;

/// What the relations are computed from, kept so the reader can rank a
/// quote's related quotes on demand.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Each quote's wording as weighted terms.
    pub quote_terms: Vec<TermVec>,
}

/// Computes statements and stories for a corpus whose quotes are dated.
/// Run again after dates change (a date set by hand).
pub fn relate(corpus: &mut Corpus) {
    if corpus.index.quote_terms.len() != corpus.quotes.len() {
        corpus.index.quote_terms = terms::vectors(corpus.quotes.iter().map(|q| q.text.as_str()));
    }
    stories::group(corpus);
    statements::group(corpus);
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
