//! Statements: the quotes that report the same words of one speaker, said at
//! one time, across outlets ("That's not going to happen" in one, "It won't
//! happen" in another). Pieces of one sentence split by the attribution are
//! one statement too.
//!
//! Candidates come from a per-speaker inverted index over terms, so the cost
//! grows with the pairs that share a word, not with all pairs.

use super::terms::{similarity, Wording, Wordings};
use super::UnionFind;
use crate::model::{block_at, Corpus, DateOrigin, Quote, QuoteKind, Speaker, Statement, StatementDate};
use crate::resolve::when::DaySpan;
use rayon::prelude::*;

/// Wordings at least this alike, by a speaker at compatible dates, report
/// the same statement.
pub const SAME_STATEMENT: f32 = 0.45;

/// A term used in more of one speaker's quotes than this (counting the
/// quotes of one wording and days once: [`join_same_wordings`]) is a stock
/// word of theirs: it does not propose candidates (it still counts in
/// scores).
const MAX_POSTING: usize = 256;

/// Quotes that can be statements: attributed words of the speaker, not
/// labels and not words the speaker quotes from someone else.
pub fn eligible(q: &Quote) -> bool {
    q.speaker.is_some() && matches!(q.kind, QuoteKind::Full | QuoteKind::Partial)
}

/// Whether two statement dates allow the same moment. Dates read from the
/// text may be a day apart (time zones, late reports); an article date
/// stands in for a statement up to two days earlier. Undated agrees with
/// anything.
pub fn dates_agree(a: Option<&StatementDate>, b: Option<&StatementDate>) -> bool {
    spans_agree(a.map(DatedSpan::of), b.map(DatedSpan::of))
}

/// A statement date as the days it may mean, and whether it is the
/// article's: worked out once per quote, as a speaker's pairs compare
/// dates millions of times (chrono arithmetic there was a third of
/// finding statements; profiled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct DatedSpan {
    days: DaySpan,
    from_article: bool,
}

impl DatedSpan {
    fn of(d: &StatementDate) -> DatedSpan {
        DatedSpan {
            days: DaySpan::of(d),
            from_article: d.origin == DateOrigin::Article,
        }
    }
}

/// [`dates_agree`] of dates worked out before.
fn spans_agree(a: Option<DatedSpan>, b: Option<DatedSpan>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let slack = if a.from_article || b.from_article { 2 } else { 1 };
            a.days.within(b.days, slack)
        }
        _ => true,
    }
}

/// Whether every term of `small` is in `big` (and `small` has some).
fn contains(big: Wording, small: Wording) -> bool {
    !small.is_empty() && small.keys().all(|k| big.has(k))
}

/// Each quote's statement, and the statements.
#[derive(Debug, Default)]
pub struct Statements {
    statement_of: Vec<Option<crate::model::StatementId>>,
    statements: Vec<Statement>,
    reporters: Vec<(crate::model::StatementId, Box<[crate::model::ArticleId]>)>,
}

impl Statements {
    /// Sets `quote.statement` and the corpus's statements.
    pub fn apply(self, c: &mut Corpus) {
        for (q, s) in c.quotes.iter_mut().zip(self.statement_of) {
            q.statement = s.into();
        }
        c.statements = self.statements;
        c.statement_reporters = self.reporters;
    }
}

/// Statements of more quotes than this have their outlets listed when
/// they are made, not at each frame that shows one of their quotes: one
/// a thousand outlets ran took 16 ms a frame to list (quoteline-bench).
const LISTED_REPORTERS_FROM: usize = 64;

/// An article of each outlet among `quotes`' articles, in their order.
fn reporter_articles(c: &Corpus, quotes: &[crate::model::QuoteId]) -> Vec<crate::model::ArticleId> {
    // By a set: an outlet unknown is the file's name, one per article.
    let mut seen: rustc_hash::FxHashSet<std::borrow::Cow<'_, str>> = Default::default();
    let mut out: Vec<crate::model::ArticleId> = Vec::new();
    for &q in quotes {
        let a = c.quotes[q].article;
        if seen.insert(c.articles[a].source()) {
            out.push(a);
        }
    }
    out
}

/// Groups the corpus's quotes into statements, comparing their wordings
/// by `terms` (one per quote).
pub fn compute(c: &Corpus, terms: &Wordings) -> Statements {
    let n = c.quotes.len();
    // The pairs are found on all cores, each article's and each speaker's
    // apart; the statements do not depend on the order they are joined in.
    // (Article by article on one core, they left the other idle for about
    // 0.1 s of a 100k-article `extract`; profiled.)
    let (in_articles, across) = rayon::join(
        || {
            c.articles
                .par_iter()
                .map(|a| article_pairs(c, terms, a))
                .collect::<Vec<_>>()
        },
        || {
            c.speakers
                .par_iter()
                .map(|sp| same_statement_pairs(c, terms, sp, QUOTES_PER_TASK))
                .collect::<Vec<_>>()
        },
    );
    let mut uf = UnionFind::new(n);
    for (q, p) in in_articles.into_iter().chain(across).flatten() {
        uf.union(q, p);
    }
    let groups = uf.groups((0..n).filter(|&q| eligible(&c.quotes[q])));
    let statements: Vec<Statement> = groups.into_par_iter().map(|members| statement(c, members)).collect();
    let mut statement_of = vec![None; n];
    for (id, s) in statements.iter().enumerate() {
        for &q in &s.quotes {
            statement_of[q] = Some(id);
        }
    }
    let reporters = statements
        .par_iter()
        .enumerate()
        .filter(|(_, s)| s.quotes.len() > LISTED_REPORTERS_FROM)
        .map(|(id, s)| (id, reporter_articles(c, &s.quotes).into_boxed_slice()))
        .collect();
    Statements {
        statement_of,
        statements,
        reporters,
    }
}

/// The pairs of one article's quotes that report one statement: pieces
/// of one utterance (same speaker, same paragraph), and a fragment whose
/// words all recur in a longer quote of the same speaker (a headline or
/// dek quoting the body).
fn article_pairs(c: &Corpus, terms: &Wordings, a: &crate::model::Article) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let own: Vec<usize> = a.quotes.iter().filter(|&q| eligible(&c.quotes[q])).collect();
    let mut last: Option<(usize, Option<usize>)> = None;
    for &q in &own {
        let block = block_at(&a.blocks, c.quotes[q].span.start());
        if let Some((p, pb)) = last {
            if c.quotes[p].speaker == c.quotes[q].speaker && pb == block {
                pairs.push((p, q));
            }
        }
        last = Some((q, block));
    }
    if own.len() <= CONTAINED_BY_INDEX {
        for (i, &x) in own.iter().enumerate() {
            for &y in &own[i + 1..] {
                if c.quotes[x].speaker == c.quotes[y].speaker
                    && (contains(terms.get(x), terms.get(y)) || contains(terms.get(y), terms.get(x)))
                {
                    pairs.push((x, y));
                }
            }
        }
    } else {
        pairs.extend(contained_pairs(c, terms, &own));
    }
    pairs
}

/// Quotes in an article past which [`contained_pairs`] finds the pairs of
/// a fragment and a longer quote, instead of trying every pair.
const CONTAINED_BY_INDEX: usize = 64;

/// Pairs of `own` (an article's quotes) that join the quotes of one
/// speaker where one's words all recur in the other's into the groups
/// trying every pair would: a pair only where it joins two groups, so at
/// most one fewer than the quotes. Quotes of the same words are one group
/// at once, and only the first of them is compared further: a quote
/// reprinted thousands of times in one file made millions of pairs (6 GB).
/// A quote that holds all of another's words holds its rarest in the
/// article, so only the quotes holding that word are tried: trying every
/// pair made an article of thousands of quotes take minutes.
fn contained_pairs(c: &Corpus, terms: &Wordings, own: &[usize]) -> Vec<(usize, usize)> {
    type Speaker = crate::model::MaybeIndex;
    let mut joined = UnionFind::new(own.len());
    let mut found = Vec::new();
    let mut first_of: rustc_hash::FxHashMap<(Speaker, Vec<super::terms::Key>), usize> = Default::default();
    let mut distinct = Vec::new();
    for (i, &q) in own.iter().enumerate() {
        // A quote of no terms holds none of another's, and is held by none.
        if terms.get(q).is_empty() {
            continue;
        }
        // Sorted by key already ([`Wording`]).
        let words = (c.quotes[q].speaker, terms.get(q).keys().collect());
        match first_of.entry(words) {
            std::collections::hash_map::Entry::Occupied(first) => {
                joined.union(*first.get(), i);
                found.push((own[*first.get()], q));
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
                distinct.push(i);
            }
        }
    }
    let mut holding: rustc_hash::FxHashMap<(Speaker, super::terms::Key), Vec<usize>> = Default::default();
    for &i in &distinct {
        let q = own[i];
        for k in terms.get(q).keys() {
            holding.entry((c.quotes[q].speaker, k)).or_default().push(i);
        }
    }
    for &j in &distinct {
        let small = own[j];
        let speaker = c.quotes[small].speaker;
        let rarest = terms
            .get(small)
            .keys()
            .filter_map(|k| holding.get(&(speaker, k)))
            .min_by_key(|h| h.len());
        for &i in rarest.into_iter().flatten() {
            if i != j && joined.find(i) != joined.find(j) && contains(terms.get(own[i]), terms.get(small)) {
                joined.union(i, j);
                found.push((own[i.min(j)], own[i.max(j)]));
            }
        }
    }
    found
}

/// A statement of `members`, earliest first.
fn statement(c: &Corpus, mut members: Vec<usize>) -> Statement {
    // Made with room for exactly its set (UnionFind::groups): boxed as is.
    debug_assert_eq!(members.len(), members.capacity());
    let quotes = &c.quotes;
    members.sort_by_key(|&q| quotes[q].time_order());
    // The date read from the text beats the article's; then the surest.
    let when = members
        .iter()
        .filter_map(|&q| quotes[q].when.as_ref())
        .max_by(|a, b| {
            (a.origin != DateOrigin::Article)
                .cmp(&(b.origin != DateOrigin::Article))
                .then(a.confidence.total_cmp(&b.confidence))
                .then(b.precision.cmp(&a.precision))
                .then(b.date.cmp(&a.date))
        })
        .cloned();
    Statement::new(
        quotes[members[0]].speaker.get().unwrap_or_default(),
        members.into_boxed_slice(),
        when,
    )
}

/// One speaker's quotes that report the same statement, found through the
/// terms they share, `per_task` quotes or more to a task.
fn same_statement_pairs(c: &Corpus, terms: &Wordings, sp: &Speaker, per_task: usize) -> Vec<(usize, usize)> {
    let mut qs: Vec<usize> = sp.quotes.iter().copied().filter(|&q| eligible(&c.quotes[q])).collect();
    // In corpus order, not the speaker's time order: the quotes and their
    // term vectors are then read nearly in the order they lie in memory
    // (in time order, a cache miss each; profiled). The pairs found are
    // the same, since similarity and dates agree both ways.
    qs.sort_unstable();
    let mut days: Vec<Option<DatedSpan>> = qs
        .iter()
        .map(|&q| c.quotes[q].when.as_ref().map(DatedSpan::of))
        .collect();
    let same_wordings = join_same_wordings(terms, &mut qs, &mut days);
    let postings = Postings::of(qs.iter().map(|&q| terms.get(q)));
    // The quotes after one that share a term with it, and among them the
    // same statement: each list holds its quotes in order, so the ones
    // after this one are its tail (walking all of it took a tenth of
    // `extract`'s relating, profiled). `seen` is scratch, one per task.
    let pairs_of = |li: usize, seen: &mut [usize], pairs: &mut Vec<(usize, usize)>| {
        let q = qs[li];
        let wording = terms.get(q);
        for entry in postings.entries_of(li) {
            let (list, after) = postings.rest(entry);
            if list.len() > MAX_POSTING {
                continue;
            }
            for &lj in &list[after..] {
                let lj = lj as usize;
                if seen[lj] == li {
                    continue;
                }
                seen[lj] = li;
                let p = qs[lj];
                if spans_agree(days[li], days[lj]) && similarity(wording, terms.get(p)) >= SAME_STATEMENT {
                    pairs.push((q, p));
                }
            }
        }
    };
    // A speaker of thousands of quotes on all cores too: one such speaker,
    // left to one core, kept the other idle at the end of the step (perf
    // of a 100k-article `extract`, whose largest speakers have 17 000).
    let mut pairs = (0..qs.len())
        .into_par_iter()
        .with_min_len(per_task)
        .fold(
            || (Vec::new(), vec![usize::MAX; qs.len()]),
            |(mut pairs, mut seen), li| {
                pairs_of(li, &mut seen, &mut pairs);
                (pairs, seen)
            },
        )
        .map(|(pairs, _)| pairs)
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            a
        });
    pairs.extend(same_wordings);
    pairs
}

/// Takes out of `qs` (and `days`, beside it) each quote whose wording and
/// days are those of one before it, returning the pairs that join it to
/// that one: one statement, as comparing them would find, and the rest
/// compares only the first. A wire story's quote run by hundreds of
/// outlets otherwise made each of its terms a stock word (in more than
/// [`MAX_POSTING`] of the speaker's quotes) that proposed no pair, and the
/// most widely reported statement went ungrouped.
fn join_same_wordings(terms: &Wordings, qs: &mut Vec<usize>, days: &mut Vec<Option<DatedSpan>>) -> Vec<(usize, usize)> {
    use std::hash::{Hash, Hasher};
    let mut first_of: rustc_hash::FxHashMap<(u64, Option<DatedSpan>), usize> = Default::default();
    let mut pairs = Vec::new();
    let mut kept = 0;
    for li in 0..qs.len() {
        let (q, day) = (qs[li], days[li]);
        let wording = terms.get(q);
        // An empty wording, or one too thin to be like itself, joins nothing.
        if !wording.is_empty() && similarity(wording, wording) >= SAME_STATEMENT {
            let mut h = rustc_hash::FxHasher::default();
            wording
                .terms
                .iter()
                .for_each(|t| (t.key, t.weight.to_bits()).hash(&mut h));
            match first_of.entry((h.finish(), day)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let first = *first.get();
                    // Another wording of the same hash stays apart.
                    if terms.get(first).terms == wording.terms {
                        pairs.push((first, q));
                        continue;
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(q);
                }
            }
        }
        qs[kept] = q;
        days[kept] = day;
        kept += 1;
    }
    qs.truncate(kept);
    days.truncate(kept);
    pairs
}

/// At least this many of one speaker's quotes to a task.
const QUOTES_PER_TASK: usize = 512;

thread_local! {
    /// For each term key, its list among the current speaker's, valid
    /// only when that list's key is this one (a sparse set: nothing
    /// to clear between speakers, and nothing left wrong should a
    /// speaker's pass stop half way). Four entries a word of the
    /// vocabulary (a key is a word and two flags), kept while the
    /// thread lives.
    static SLOTS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// One speaker's inverted index: for each term key, the speaker's quotes
/// (by position, ascending) using it, all lists in one buffer. Built
/// through a dense table instead of a hash map of vectors, which was most
/// of finding statements (hashing and growing a list per term of every
/// quote, profiled on a 100k-article `extract`).
struct Postings {
    /// Every list, one after another.
    members: Vec<u32>,
    /// For each (quote, term) in the order the quotes' terms were given:
    /// its list's start and end in `members`, and its own place there.
    entries: Vec<(u32, u32, u32)>,
    /// Where each quote's entries begin, and where the last ends.
    first_entry: Vec<u32>,
}

impl Postings {
    fn of<'t>(wordings: impl Iterator<Item = Wording<'t>> + Clone) -> Postings {
        // Each entry's list, each list's length and key.
        let mut list_of_entry = Vec::new();
        let mut lengths: Vec<u32> = Vec::new();
        let mut keys: Vec<usize> = Vec::new();
        SLOTS.with_borrow_mut(|slots| {
            for wording in wordings.clone() {
                for k in wording.keys() {
                    let k = k as usize;
                    if slots.len() <= k {
                        slots.resize(k + 1, 0);
                    }
                    let list = slots[k] as usize;
                    let list = if keys.get(list) == Some(&k) {
                        list
                    } else {
                        slots[k] = keys.len() as u32;
                        keys.push(k);
                        lengths.push(0);
                        keys.len() - 1
                    };
                    lengths[list] += 1;
                    list_of_entry.push(list as u32);
                }
            }
        });
        let mut starts = Vec::with_capacity(lengths.len());
        let mut total = 0;
        for &len in &lengths {
            starts.push(total);
            total += len;
        }
        let mut next = starts.clone();
        let mut members = vec![0; total as usize];
        let mut entries = Vec::with_capacity(list_of_entry.len());
        let mut first_entry = Vec::new();
        let mut entry = 0;
        for (position, wording) in wordings.enumerate() {
            first_entry.push(entry as u32);
            for _ in wording.keys() {
                let list = list_of_entry[entry] as usize;
                entry += 1;
                let place = next[list];
                members[place as usize] = position as u32;
                next[list] += 1;
                entries.push((starts[list], starts[list] + lengths[list], place));
            }
        }
        first_entry.push(entry as u32);
        Postings {
            members,
            entries,
            first_entry,
        }
    }

    /// The entries of the quote at `position`, one a term.
    fn entries_of(&self, position: usize) -> std::ops::Range<usize> {
        self.first_entry[position] as usize..self.first_entry[position + 1] as usize
    }

    /// The list of an entry's term, and where in it the quotes after the
    /// entry's own begin.
    fn rest(&self, entry: usize) -> (&[u32], usize) {
        let (start, end, place) = self.entries[entry];
        (
            &self.members[start as usize..end as usize],
            (place + 1 - start) as usize,
        )
    }
}

/// The outlets (or files, when the outlet is unknown) that reported a
/// statement, in order of first report.
pub fn reporters(c: &Corpus, statement: usize) -> Vec<std::borrow::Cow<'_, str>> {
    let (_, names) = reporters_first(c, statement, usize::MAX);
    names
}

/// How many outlets reported a statement, and the first `limit` of them
/// ([`reporters`]): a frame shows a few of thousands.
pub fn reporters_first(c: &Corpus, statement: usize, limit: usize) -> (usize, Vec<std::borrow::Cow<'_, str>>) {
    let listed = c.statement_reporters.binary_search_by_key(&statement, |(id, _)| *id);
    let articles = match listed {
        Ok(i) => std::borrow::Cow::Borrowed(&c.statement_reporters[i].1[..]),
        Err(_) => std::borrow::Cow::Owned(reporter_articles(c, &c.statements[statement].quotes)),
    };
    let names = articles.iter().take(limit).map(|&a| c.articles[a].source()).collect();
    (articles.len(), names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePrecision;
    use chrono::NaiveDate;

    fn date(day: u32, precision: DatePrecision, origin: DateOrigin) -> StatementDate {
        StatementDate {
            date: NaiveDate::from_ymd_opt(2025, 4, day).unwrap(),
            precision,
            origin,
            confidence: 1.0,
        }
    }

    /// In an article of many quotes, the pairs of a fragment and a longer
    /// quote of the same speaker found through their words join the
    /// quotes as trying every pair does, with a pair fewer than the quotes
    /// at most.
    #[test]
    fn contained_pairs_join_as_trying_every_pair_does() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("Ferry plan\n\n");
        let speakers = ["Councillor Tom Reyes", "Mayor Ana Brook", "Ida Holm"];
        let sayings = [
            "The ferry will run all winter and the boats are ready",
            "all winter",
            "The boats are ready",
            "We will count every vote in the harbour wards",
            "every vote",
            "the harbour wards",
        ];
        for i in 0..150 {
            let saying = sayings[i * 7 % sayings.len()];
            let speaker = speakers[i * 5 % speakers.len()];
            text.push_str(&format!("“{saying},” said {speaker} on day {i}.\n\n"));
        }
        std::fs::write(dir.path().join("long.txt"), text).unwrap();
        let c = crate::load_corpus_with(&[dir.path().to_string_lossy().into_owned()], &Default::default(), false);
        let terms = &c.index.quote_terms;
        let a = &c.articles[0];
        let own: Vec<usize> = a.quotes.iter().filter(|&q| eligible(&c.quotes[q])).collect();
        assert!(own.len() > CONTAINED_BY_INDEX, "{} quotes", own.len());
        let mut every = Vec::new();
        for (i, &x) in own.iter().enumerate() {
            for &y in &own[i + 1..] {
                if c.quotes[x].speaker == c.quotes[y].speaker
                    && (contains(terms.get(x), terms.get(y)) || contains(terms.get(y), terms.get(x)))
                {
                    every.push((x, y));
                }
            }
        }
        assert!(every.len() > 100, "{} pairs", every.len());
        let found = contained_pairs(&c, terms, &own);
        assert!(found.len() < own.len(), "{} pairs", found.len());
        let groups = |pairs: &[(usize, usize)]| {
            let mut uf = UnionFind::new(c.quotes.len());
            pairs.iter().for_each(|&(x, y)| uf.union(x, y));
            uf.groups(own.iter().copied())
        };
        assert_eq!(groups(&found), groups(&every));
    }

    /// The pairs the inverted index finds join a speaker's quotes as
    /// comparing every two does, when quotes of the same wording and days
    /// are one and the others share a term few of them use; also when a
    /// speaker's quotes are split across tasks.
    #[test]
    fn the_index_joins_the_quotes_that_comparing_all_pairs_joins() {
        let dir = tempfile::tempdir().unwrap();
        crate::gen::write_corpus(dir.path(), 2000, 3).unwrap();
        let c = crate::load_corpus_with(&[dir.path().to_string_lossy().into_owned()], &Default::default(), false);
        let terms = &c.index.quote_terms;
        assert_eq!(terms.len(), c.quotes.len());
        let (mut compared, mut same_wordings) = (0, 0);
        let day = |q: usize| c.quotes[q].when.as_ref().map(DatedSpan::of);
        let groups = |qs: &[usize], pairs: &[(usize, usize)]| {
            let mut uf = UnionFind::new(c.quotes.len());
            pairs.iter().for_each(|&(x, y)| uf.union(x, y));
            uf.groups(qs.iter().copied())
        };
        for sp in &c.speakers {
            let mut qs: Vec<usize> = sp.quotes.iter().copied().filter(|&q| eligible(&c.quotes[q])).collect();
            qs.sort_unstable();
            // The same wording on the same days: one statement.
            let mut expected = Vec::new();
            let mut firsts: Vec<usize> = Vec::new();
            for &q in &qs {
                let w = terms.get(q);
                let same = (!w.is_empty() && similarity(w, w) >= SAME_STATEMENT)
                    .then(|| {
                        firsts
                            .iter()
                            .find(|&&f| terms.get(f).terms == w.terms && day(f) == day(q))
                    })
                    .flatten();
                match same {
                    Some(&f) => expected.push((f, q)),
                    None => firsts.push(q),
                }
            }
            same_wordings += expected.len();
            let mut users = std::collections::HashMap::new();
            for &q in &firsts {
                for k in terms.get(q).keys() {
                    *users.entry(k).or_insert(0) += 1;
                }
            }
            for (i, &x) in firsts.iter().enumerate() {
                for &y in &firsts[i + 1..] {
                    let shared = terms
                        .get(x)
                        .keys()
                        .any(|k| terms.get(y).has(k) && users[&k] <= MAX_POSTING);
                    if shared
                        && dates_agree(c.quotes[x].when.as_ref(), c.quotes[y].when.as_ref())
                        && similarity(terms.get(x), terms.get(y)) >= SAME_STATEMENT
                    {
                        expected.push((x, y));
                    }
                }
            }
            for per_task in [QUOTES_PER_TASK, 7] {
                let found = same_statement_pairs(&c, terms, sp, per_task);
                assert_eq!(groups(&qs, &found), groups(&qs, &expected), "{}", sp.name);
            }
            compared += expected.len();
        }
        assert!(compared > 100, "only {compared} pairs: the test compares too little");
        assert!(
            same_wordings > 100,
            "only {same_wordings} quotes of a wording already met"
        );
    }

    /// Whatever the thread's key table holds (a pass that stopped half
    /// way), the lists are those of a clean table.
    #[test]
    fn postings_do_not_depend_on_what_the_key_table_held() {
        use super::super::terms::Weighted;
        let weighted =
            |keys: &[u32]| -> Vec<Weighted> { keys.iter().map(|&key| Weighted { key, weight: 1.0 }).collect() };
        let terms = [
            weighted(&[1, 5, 9]),
            weighted(&[5, 9, 12]),
            weighted(&[1, 12]),
            weighted(&[9]),
        ];
        let wordings: Vec<Wording> = terms
            .iter()
            .map(|t| Wording {
                terms: t,
                mass: t.len() as f32,
            })
            .collect();
        let lists = |p: &Postings| -> Vec<Vec<u32>> { (0..p.entries.len()).map(|e| p.rest(e).0.to_vec()).collect() };
        SLOTS.with_borrow_mut(Vec::clear);
        let clean = Postings::of(wordings.iter().copied());
        assert_eq!(lists(&clean)[1], [0, 1], "key 5: the first two wordings");
        assert_eq!(clean.rest(1).1, 1, "after the first wording's own place");
        for garbage in [0, 1, 2, 3, u32::MAX] {
            SLOTS.with_borrow_mut(|slots| {
                slots.clear();
                slots.resize(16, garbage);
            });
            let dirty = Postings::of(wordings.iter().copied());
            assert_eq!(lists(&dirty), lists(&clean), "a table of {garbage}");
            assert_eq!(
                dirty.entries.iter().map(|e| e.2 - e.0).collect::<Vec<_>>(),
                clean.entries.iter().map(|e| e.2 - e.0).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn dates_agree_within_a_day_or_two_for_an_article_date() {
        let text = |d| date(d, DatePrecision::Day, DateOrigin::Text);
        let article = |d| date(d, DatePrecision::Day, DateOrigin::Article);
        assert!(dates_agree(Some(&text(8)), Some(&text(9))));
        assert!(!dates_agree(Some(&text(8)), Some(&text(10))));
        // A story published two days after the statement.
        assert!(dates_agree(Some(&text(8)), Some(&article(10))));
        assert!(!dates_agree(Some(&text(8)), Some(&article(11))));
        // A week holds its seven days, the 7th to the 13th, and a day's slack.
        let week = date(7, DatePrecision::Week, DateOrigin::Text);
        assert!(dates_agree(Some(&week), Some(&text(13))));
        assert!(dates_agree(Some(&week), Some(&text(14))));
        assert!(!dates_agree(Some(&week), Some(&text(15))));
        assert!(dates_agree(Some(&week), Some(&text(6))));
        assert!(!dates_agree(Some(&week), Some(&text(5))));
        assert!(dates_agree(None, Some(&text(8))));
    }
}
