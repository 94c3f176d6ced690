//! Stories: articles about one event, found by text similarity and dates.
//! The further apart two articles are in time, the more alike they must be.
//! Each article proposes candidates through its most telling words only, so
//! the work stays near linear in the number of articles.

use super::terms::{similarity_cosine, stem_id, terms_of_tokens, Key, PackedKeys, Term, TermVec};
use super::UnionFind;
use crate::model::{Article, ArticleId, BlockRole, Corpus, Story};
use crate::text::{tokenize, Token};
use chrono::NaiveDate;
use rayon::prelude::*;

/// Words per article that propose candidates.
const PROPOSERS: usize = 12;
/// A word in more articles than this proposes nothing.
const MAX_POSTING: usize = 400;

/// How alike two articles `days` apart must be to tell one story
/// (`None`: one of them is undated).
fn needed(days: Option<i64>) -> f32 {
    match days {
        Some(d) if d <= 3 => 0.18,
        Some(d) if d <= 14 => 0.24,
        Some(d) if d <= 45 => 0.3,
        Some(_) => f32::INFINITY,
        None => 0.3,
    }
}

/// What an article is about as terms: its title's and its body's words
/// (numbers and negation left out: they say little about what an article
/// is about). `block_tokens` gives the tokens of each of its blocks, in
/// order.
pub fn article_terms<'t>(a: &Article, block_tokens: impl IntoIterator<Item = &'t [Token<'t>]>) -> Vec<Term> {
    let mut out = Vec::new();
    if let Some(title) = &a.title {
        terms_of_tokens(&tokenize(title, 0), &mut out);
    }
    for (_, toks) in (a.blocks.iter().zip(block_tokens)).filter(|(b, _)| b.role != BlockRole::Title) {
        terms_of_tokens(toks, &mut out);
    }
    out.retain(|t| !t.number);
    for t in &mut out {
        t.negated = false;
    }
    out
}

/// [`article_terms`] of an article whose blocks are not split yet.
fn article_terms_of(a: &Article) -> Vec<Term> {
    let text = a.text.get();
    let block_tokens: Vec<Vec<Token>> = a
        .blocks
        .iter()
        .map(|b| tokenize(b.span.of(&text), b.span.start()))
        .collect();
    article_terms(a, block_tokens.iter().map(Vec::as_slice))
}

/// Articles' terms registered in corpus order: the loader registers each
/// article's as it is read (the words are split for extraction anyway, and
/// the work runs beside reading instead of after it).
#[derive(Debug, Default)]
pub struct ArticleTerms(PackedKeys);

impl ArticleTerms {
    /// Registers the next article's terms.
    pub fn register(&mut self, terms: Vec<Term>) {
        self.0.add(&terms);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every article of `c`'s terms, from its text.
    fn of_corpus(c: &Corpus) -> ArticleTerms {
        let mut out = PackedKeys::default();
        // An article's terms are a few kilobytes; two chunks are alive at once.
        super::terms::terms_in_chunks(&c.articles, 256, article_terms_of, |t| out.add(&t));
        ArticleTerms(out)
    }
}

/// Each article's words as a TF-IDF vector, and its proposers: its
/// weightiest words that some other article uses too. `prepared` is used
/// when it holds every article's terms, else they are taken from the text.
pub fn article_vectors(c: &Corpus, prepared: ArticleTerms) -> (Vec<TermVec>, Vec<Vec<Key>>) {
    weigh_articles(every_article(c, prepared))
}

/// `prepared` when it holds every article of `c`'s terms, else their terms
/// taken from the text.
fn every_article(c: &Corpus, prepared: ArticleTerms) -> ArticleTerms {
    if prepared.len() == c.articles.len() {
        prepared
    } else {
        ArticleTerms::of_corpus(c)
    }
}

/// [`article_vectors`] from every article's terms.
fn weigh_articles(terms: ArticleTerms) -> (Vec<TermVec>, Vec<Vec<Key>>) {
    let weigher = terms.0.vocab().weigher();
    let (vocab, vecs) = terms.0.into_each(|keys| weigher.weigh(keys, true));
    let proposers = vecs
        .par_iter()
        .map(|v| {
            let t = &v.terms;
            let mut idx: Vec<usize> = (0..t.len()).filter(|&i| vocab.df(t[i].key) >= 2).collect();
            idx.sort_by(|&a, &b| t[b].weight.total_cmp(&t[a].weight));
            idx.truncate(PROPOSERS);
            idx.into_iter().map(|i| t[i].key).collect()
        })
        .collect();
    (vecs, proposers)
}

/// The stems of an article's keys that propose candidates.
fn proposed<'a>(v: &'a TermVec, proposing: &'a [bool]) -> impl Iterator<Item = u32> + 'a {
    v.keys().map(stem_id).filter(|&s| proposing[s as usize])
}

/// Each article's story, and the stories.
#[derive(Debug, Default)]
pub struct Stories {
    story_of: Vec<Option<crate::model::StoryId>>,
    stories: Vec<Story>,
}

impl Stories {
    /// Sets `article.story` and the corpus's stories.
    pub fn apply(self, c: &mut Corpus) {
        for (a, s) in c.articles.iter_mut().zip(self.story_of) {
            a.story = s;
        }
        c.stories = self.stories;
    }
}

/// Groups the corpus's articles into stories, from their terms as
/// registered while loading when `prepared` holds them all, else from
/// their text.
pub fn compute(c: &Corpus, prepared: ArticleTerms) -> Stories {
    let dates: Vec<_> = c.articles.iter().map(|a| a.date).collect();
    let groups = link(&dates, every_article(c, prepared));
    name(c, groups)
}

/// Which articles tell one story, found from their terms and dates alone
/// (the reader finds them while speakers merge, holding no corpus), still
/// to be put in order and named ([`Linked::stories`]).
#[derive(Debug)]
pub struct Linked {
    groups: Vec<Vec<ArticleId>>,
    /// The article dates they were linked by.
    dates: Vec<Option<NaiveDate>>,
}

impl Linked {
    /// Links the articles whose dates are `dates` and whose terms,
    /// registered while loading, are `terms`; `None` unless `terms` holds
    /// every article's.
    pub fn find(dates: Vec<Option<NaiveDate>>, terms: ArticleTerms) -> Option<Linked> {
        (terms.len() == dates.len()).then(|| Linked {
            groups: link(&dates, terms),
            dates,
        })
    }

    /// The stories of `c`, whose articles these are; `None` when their
    /// dates changed since (dates the user set), which can link them
    /// otherwise.
    pub fn stories(self, c: &Corpus) -> Option<Stories> {
        let same_dates = c.articles.iter().map(|a| a.date).eq(self.dates.iter().copied());
        same_dates.then(|| name(c, self.groups))
    }
}

/// The groups of articles alike enough for their distance in time, each
/// in article order.
fn link(dates: &[Option<NaiveDate>], terms: ArticleTerms) -> Vec<Vec<ArticleId>> {
    let n = dates.len();
    let (vecs, proposers) = weigh_articles(terms);
    // Words index their articles; only proposers are ever looked up, so
    // only they are indexed, and each article meets at most PROPOSERS lists.
    // (Article keys are plain stems, neither numbers nor negated: a stem id
    // stands for its key.)
    let stems = vecs
        .iter()
        .flat_map(|v| v.keys())
        .max()
        .map_or(0, |k| stem_id(k) as usize + 1);
    let mut proposing = vec![false; stems];
    for &k in proposers.iter().flatten() {
        proposing[stem_id(k) as usize] = true;
    }
    // The lists in one array, each in article order: no slack from growing
    // a list per word.
    let mut starts = vec![0usize; stems + 1];
    for v in &vecs {
        for s in proposed(v, &proposing) {
            starts[s as usize + 1] += 1;
        }
    }
    // A word in more articles than MAX_POSTING proposes nothing, so its
    // list is not kept: such lists held most of the postings (36 MB at
    // 100k generated articles).
    for (s, count) in starts[1..].iter_mut().enumerate() {
        if *count > MAX_POSTING {
            *count = 0;
            proposing[s] = false;
        }
    }
    for s in 1..starts.len() {
        starts[s] += starts[s - 1];
    }
    let mut posted = vec![0u32; starts[stems]];
    let mut filled = starts.clone();
    for (a, v) in vecs.iter().enumerate() {
        for s in proposed(v, &proposing) {
            posted[filled[s as usize]] = a as u32;
            filled[s as usize] += 1;
        }
    }
    drop(filled);
    let postings = |s: u32| &posted[starts[s as usize]..starts[s as usize + 1]];
    let mut uf = UnionFind::new(n);
    // How many of `a`'s proposers each other article uses: one shared word
    // is chance, two make a candidate.
    let mut hits = vec![0u16; n];
    let mut touched: Vec<usize> = Vec::new();
    for a in 0..n {
        touched.clear();
        // (A word too common to propose has an empty list.)
        for k in &proposers[a] {
            let list = postings(stem_id(*k));
            for b in list.iter().map(|&b| b as usize).filter(|&b| b != a) {
                if hits[b] == 0 {
                    touched.push(b);
                }
                hits[b] += 1;
            }
        }
        for &b in &touched {
            let shared = std::mem::take(&mut hits[b]);
            if shared < 2 || uf.find(a) == uf.find(b) {
                continue;
            }
            let days = match (dates[a], dates[b]) {
                (Some(x), Some(y)) => Some((x - y).num_days().abs()),
                _ => None,
            };
            let need = needed(days);
            if need.is_finite() && similarity_cosine(&vecs[a], &vecs[b]) >= need {
                uf.union(a, b);
            }
        }
    }
    uf.groups(0..n)
}

/// Each group of articles as a story: its articles earliest first, named
/// after the first.
fn name(c: &Corpus, groups: Vec<Vec<ArticleId>>) -> Stories {
    let n = c.articles.len();
    let mut stories: Vec<Story> = Vec::new();
    let mut story_of = vec![None; n];
    for (id, mut articles) in groups.into_iter().enumerate() {
        let arts = &c.articles;
        for &a in &articles {
            story_of[a] = Some(id);
        }
        articles.sort_by(|&a, &b| {
            let (x, y) = (&arts[a], &arts[b]);
            (x.date.is_none(), x.date, &x.file).cmp(&(y.date.is_none(), y.date, &y.file))
        });
        let first = &arts[articles[0]];
        stories.push(Story {
            title: first.title.clone().unwrap_or_else(|| first.file.clone()),
            articles,
        });
    }
    Stories { story_of, stories }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_linked_apart_hold_while_the_article_dates_do() {
        let assets = format!("{}/assets", env!("CARGO_MANIFEST_DIR"));
        let c = crate::load_corpus(&[assets], &Default::default());
        let dates: Vec<_> = c.articles.iter().map(|a| a.date).collect();
        let linked = || Linked::find(dates.clone(), ArticleTerms::of_corpus(&c)).expect("every article's terms");
        let apart = linked().stories(&c).expect("the dates they were linked by");
        let at_once = compute(&c, ArticleTerms::default());
        assert!(at_once.stories.iter().any(|s| s.articles.len() > 1));
        assert_eq!(format!("{apart:?}"), format!("{at_once:?}"));
        // A date changed since: they are not the corpus's stories.
        let mut moved = c.clone();
        moved.articles[0].date = "1990-01-01".parse().ok();
        assert!(linked().stories(&moved).is_none());
        // Terms of fewer articles than there are link nothing.
        let mut less = c.clone();
        less.articles.pop();
        assert!(Linked::find(dates.clone(), ArticleTerms::of_corpus(&less)).is_none());
    }
}
