//! Stories: articles about one event, found by text similarity and dates.
//! The further apart two articles are in time, the more alike they must be.
//! Each article proposes candidates through its most telling words only, so
//! the work stays near linear in the number of articles.

use super::terms::{stem_id, terms_of_tokens, Key, Keyed, PackedKeys, Term, TermVec, Weigher};
use super::UnionFind;
use crate::model::{Article, ArticleId, BlockRole, Corpus, Story};
use crate::text::{tokenize, Token};
use chrono::NaiveDate;

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
    pub(crate) fn of_corpus(c: &Corpus) -> ArticleTerms {
        let mut out = PackedKeys::default();
        // An article's terms are a few kilobytes; two chunks are alive at once.
        super::terms::terms_in_chunks(&c.articles, 256, article_terms_of, |t| out.add(&t));
        ArticleTerms(out)
    }
}

/// Each article's words as a TF-IDF vector, whose cosine
/// ([`super::terms::similarity_cosine`]) stories link by (for tuning:
/// `examples/similarity.rs`). `prepared` is used when it holds every
/// article's terms, else they are taken from the text.
pub fn article_vectors(c: &Corpus, prepared: ArticleTerms) -> Vec<TermVec> {
    let terms = every_article(c, prepared);
    let weigher = terms.0.vocab().weigher();
    terms.0.into_each(|keys| weigher.weigh(keys, true)).1
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

/// Each article's words as stories are linked by, and its proposers: its
/// weightiest words that some other article uses too.
fn weigh_articles(terms: ArticleTerms) -> ((Vec<Linkable>, Vec<Vec<Key>>), Weigher) {
    let weigher = terms.0.vocab().weigher();
    let shared = terms.0.vocab().shared();
    let (_, made) = terms.0.into_each(|keys| {
        let packed = Linkable::pack(&keys);
        let v = weigher.weigh(keys, true);
        let t = &v.terms;
        let mut idx: Vec<usize> = (0..t.len())
            .filter(|&i| shared.get(stem_id(t[i].key) as usize) == Some(&true))
            .collect();
        idx.sort_by(|&a, &b| t[b].weight.total_cmp(&t[a].weight));
        idx.truncate(PROPOSERS);
        let proposers: Vec<Key> = idx.into_iter().map(|i| t[i].key).collect();
        (Linkable::new(packed, v), proposers)
    });
    (made.into_iter().unzip(), weigher)
}

/// An article's words as stories are linked by, in half the memory of its
/// weighed vector ([`TermVec`]): each word's stem id and count in one
/// `u32`, its weight worked out only when two articles share the word, as
/// the same product, so that similarities come out the same to the bit.
/// Every article's is made at once while speakers merge, where a 100k
/// load peaked with weighed vectors (680 MB, against 630 MB with these).
/// An article with a stem id or a count too large for that keeps its
/// weighed vector.
enum Linkable {
    Packed {
        /// `stem id << 8 | count`, in key order.
        terms: Box<[u32]>,
        mass: f32,
    },
    Weighed(TermVec),
}

impl Linkable {
    /// Packed when its keys fit ([`Linkable::pack`]), else weighed.
    fn new(packed: Option<Box<[u32]>>, weighed: TermVec) -> Linkable {
        match packed {
            Some(terms) => Linkable::Packed {
                terms,
                mass: weighed.mass,
            },
            None => Linkable::Weighed(weighed),
        }
    }

    /// `keys` as [`Linkable::Packed`] terms, if they fit.
    fn pack(keys: &[Keyed]) -> Option<Box<[u32]>> {
        let fits = |k: &Keyed| k.key & 3 == 0 && stem_id(k.key) < 1 << 24 && k.count < 1 << 8;
        keys.iter()
            .all(fits)
            .then(|| keys.iter().map(|k| stem_id(k.key) << 8 | k.count).collect())
    }

    fn len(&self) -> usize {
        match self {
            Linkable::Packed { terms, .. } => terms.len(),
            Linkable::Weighed(v) => v.terms.len(),
        }
    }

    fn mass(&self) -> f32 {
        match self {
            Linkable::Packed { mass, .. } => *mass,
            Linkable::Weighed(v) => v.mass,
        }
    }

    fn key(&self, i: usize) -> Key {
        match self {
            Linkable::Packed { terms, .. } => (terms[i] >> 8) << 2,
            Linkable::Weighed(v) => v.terms[i].key,
        }
    }

    /// The `i`th word's weight, as [`Weigher::weigh`] gave it.
    fn weight(&self, i: usize, weigher: &Weigher) -> f32 {
        match self {
            Linkable::Packed { terms, .. } => {
                let (key, count) = ((terms[i] >> 8) << 2, terms[i] & 0xff);
                weigher.weight(Keyed { key, count }, true).weight
            }
            Linkable::Weighed(v) => v.terms[i].weight,
        }
    }

    fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        (0..self.len()).map(|i| self.key(i))
    }
}

/// Cosine of two articles' words ([`super::terms::similarity_cosine`] of
/// their weighed vectors, to the bit).
fn similarity(a: &Linkable, b: &Linkable, weigher: &Weigher) -> f32 {
    if a.len() == 0 || b.len() == 0 {
        return 0.0;
    }
    let mass = a.mass() * b.mass();
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a.key(i).cmp(&b.key(j)) {
            std::cmp::Ordering::Equal => {
                dot += a.weight(i, weigher) * b.weight(j, weigher);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    dot / mass.sqrt()
}

/// The stems of an article's keys that propose candidates.
fn proposed<'a>(v: &'a Linkable, proposing: &'a [bool]) -> impl Iterator<Item = u32> + 'a {
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
    let ((vecs, proposers), weigher) = weigh_articles(terms);
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
            if need.is_finite() && similarity(&vecs[a], &vecs[b], &weigher) >= need {
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
    fn articles_packed_for_linking_compare_as_their_weighed_vectors_to_the_bit() {
        let texts = [
            "The council voted on water prices after the minister spoke in Halden.".to_string(),
            "Water prices: the council in Halden voted, the minister spoke.".to_string(),
            "Nothing to do with it: a football match in Vessby ended 2-1.".to_string(),
            "water ".repeat(300),
            "Prices of water in Halden, the council said, will not rise.".to_string(),
            // Counts past the table of 1 + ln(count), packed.
            format!("{} {}", "prices ".repeat(100), "council ".repeat(255)),
        ];
        let mut keys = PackedKeys::default();
        for t in &texts {
            keys.add(&super::super::terms::terms(t));
        }
        let weigher = keys.vocab().weigher();
        let (_, each) = keys.into_each(|k| k);
        let weighed: Vec<TermVec> = each.iter().map(|k| weigher.weigh(k.clone(), true)).collect();
        let linkable: Vec<Linkable> = each
            .iter()
            .map(|k| Linkable::new(Linkable::pack(k), weigher.weigh(k.clone(), true)))
            .collect();
        // A count of 300 does not fit, nor do numbers and negated words
        // (which articles' terms leave out): those keep their vectors.
        let packed: Vec<bool> = linkable.iter().map(|l| matches!(l, Linkable::Packed { .. })).collect();
        assert_eq!(packed, [true, true, false, false, false, true]);
        for a in 0..texts.len() {
            assert!(linkable[a].keys().eq(weighed[a].keys()));
            for b in 0..texts.len() {
                let cosine = super::super::terms::similarity_cosine(&weighed[a], &weighed[b]);
                assert_eq!(
                    similarity(&linkable[a], &linkable[b], &weigher).to_bits(),
                    cosine.to_bits(),
                    "{a} {b}"
                );
            }
        }
        assert!(similarity(&linkable[0], &linkable[1], &weigher) > similarity(&linkable[0], &linkable[2], &weigher));
    }

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
