//! Statements: the quotes that report the same words of one speaker, said at
//! one time, across outlets ("That's not going to happen" in one, "It won't
//! happen" in another). Pieces of one sentence split by the attribution are
//! one statement too.
//!
//! Candidates come from a per-speaker inverted index over terms, so the cost
//! grows with the pairs that share a word, not with all pairs.

use super::terms::similarity;
use super::UnionFind;
use crate::model::{block_at, Corpus, DateOrigin, Quote, QuoteKind, Speaker, Statement, StatementDate};
use crate::resolve::when::DaySpan;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Wordings at least this alike, by a speaker at compatible dates, report
/// the same statement.
pub const SAME_STATEMENT: f32 = 0.45;

/// A term used in more of one speaker's quotes than this is a stock word
/// of theirs: it does not propose candidates (it still counts in scores).
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
#[derive(Debug, Clone, Copy)]
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
fn contains(big: &super::terms::TermVec, small: &super::terms::TermVec) -> bool {
    !small.is_empty() && small.keys().all(|k| big.has(k))
}

/// Each quote's statement, and the statements.
#[derive(Debug, Default)]
pub struct Statements {
    statement_of: Vec<Option<crate::model::StatementId>>,
    statements: Vec<Statement>,
}

impl Statements {
    /// Sets `quote.statement` and the corpus's statements.
    pub fn apply(self, c: &mut Corpus) {
        for (q, s) in c.quotes.iter_mut().zip(self.statement_of) {
            q.statement = s;
        }
        c.statements = self.statements;
    }
}

/// Groups the corpus's quotes into statements, comparing their wordings
/// by `terms` (one per quote).
pub fn compute(c: &Corpus, terms: &[super::terms::TermVec]) -> Statements {
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
                .map(|sp| same_statement_pairs(c, terms, sp))
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
    Statements {
        statement_of,
        statements,
    }
}

/// The pairs of one article's quotes that report one statement: pieces
/// of one utterance (same speaker, same paragraph), and a fragment whose
/// words all recur in a longer quote of the same speaker (a headline or
/// dek quoting the body).
fn article_pairs(c: &Corpus, terms: &[super::terms::TermVec], a: &crate::model::Article) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let own: Vec<usize> = a.quotes.iter().copied().filter(|&q| eligible(&c.quotes[q])).collect();
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
    for (i, &x) in own.iter().enumerate() {
        for &y in &own[i + 1..] {
            if c.quotes[x].speaker == c.quotes[y].speaker
                && (contains(&terms[x], &terms[y]) || contains(&terms[y], &terms[x]))
            {
                pairs.push((x, y));
            }
        }
    }
    pairs
}

/// A statement of `members`, earliest first.
fn statement(c: &Corpus, mut members: Vec<usize>) -> Statement {
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
    Statement {
        speaker: quotes[members[0]].speaker.unwrap_or_default(),
        quotes: members,
        when,
    }
}

/// One speaker's quotes that report the same statement, found through the
/// terms they share.
fn same_statement_pairs(c: &Corpus, terms: &[super::terms::TermVec], sp: &Speaker) -> Vec<(usize, usize)> {
    let qs: Vec<usize> = sp.quotes.iter().copied().filter(|&q| eligible(&c.quotes[q])).collect();
    let days: Vec<Option<DatedSpan>> = qs
        .iter()
        .map(|&q| c.quotes[q].when.as_ref().map(DatedSpan::of))
        .collect();
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (li, &q) in qs.iter().enumerate() {
        for k in terms[q].keys() {
            postings.entry(k).or_default().push(li);
        }
    }
    let mut pairs = Vec::new();
    let mut seen = vec![usize::MAX; qs.len()];
    for (li, &q) in qs.iter().enumerate() {
        for k in terms[q].keys() {
            let list = &postings[&k];
            if list.len() > MAX_POSTING {
                continue;
            }
            // Each list holds its quotes in order: the ones after this one
            // are its tail (walking all of it took a tenth of `extract`'s
            // relating, profiled).
            let after = list.partition_point(|&lj| lj <= li);
            for &lj in &list[after..] {
                if seen[lj] == li {
                    continue;
                }
                seen[lj] = li;
                let p = qs[lj];
                if spans_agree(days[li], days[lj]) && similarity(&terms[q], &terms[p]) >= SAME_STATEMENT {
                    pairs.push((q, p));
                }
            }
        }
    }
    pairs
}

/// The outlets (or files, when the outlet is unknown) that reported a
/// statement, in order of first report.
pub fn reporters(c: &Corpus, statement: usize) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for &q in &c.statements[statement].quotes {
        let who = c.articles[c.quotes[q].article].source();
        if !out.contains(&who) {
            out.push(who);
        }
    }
    out
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
