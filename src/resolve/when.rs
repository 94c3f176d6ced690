//! Statement dates: reading time expressions ("said on Tuesday", "in late
//! October", "at the time") and placing them on the calendar relative to the
//! article's publication date.

use super::dates::month_number;
use crate::model::{DateOrigin, DatePrecision, StatementDate, TimeMention, TimeRef};
use crate::text::{Lower, Token};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A time expression found in a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    Ref(TimeRef),
    /// "at the time": the date of the event mentioned just before.
    AtTheTime,
}

/// One expression: token range `[start, end)` and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
}

/// Words before a date that make it a bound or a plan, not the time
/// something was said ("since 2017", "until Friday", "next week").
const NOT_WHEN: &[&str] = &[
    "since",
    "until",
    "till",
    "by",
    "before",
    "after",
    "from",
    "through",
    "next",
    "starting",
    "beginning",
    "ending",
    "coming",
    "every",
    "each",
    "to",
];

/// Words that make what follows a plan rather than a past moment.
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "going",
    "next",
    "planned",
    "scheduled",
    "expected",
];

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w.strip_suffix("'s").unwrap_or(w) {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn count(w: &str) -> Option<u32> {
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" | "few" => return None,
        _ => return w.parse().ok().filter(|&n: &u32| (1..=60).contains(&n)),
    })
}

fn day_of_month(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4).then_some(())?;
    w.parse().ok().filter(|y| crate::resolve::dates::YEARS.contains(y))
}

fn part_of_month(w: &str) -> Option<DatePrecision> {
    match w {
        "early" => Some(DatePrecision::EarlyMonth),
        "mid" | "middle" => Some(DatePrecision::MidMonth),
        "late" => Some(DatePrecision::LateMonth),
        _ => None,
    }
}

/// Finds the time expressions among `tokens[from..to]`, skipping tokens for
/// which `skip` is true (the quoted words: dates inside a quote are what the
/// speaker talks about, not when they spoke).
pub fn find(tokens: &[Token], from: usize, to: usize, skip: impl Fn(usize) -> bool) -> Vec<Found> {
    let to = to.min(tokens.len());
    let idx: Vec<usize> = (from..to).filter(|&i| !skip(i) && tokens[i].is_word).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < idx.len() {
        if !may_start(&tokens[idx[k]].lower()) {
            k += 1;
            continue;
        }
        // Only the words an expression at k is read from are lowered and
        // kept: lowering every word of the span was 1.5% of extraction
        // (profiled), and few words start an expression.
        let lo = k.saturating_sub(LOOK_BEHIND);
        let hi = (k + LOOK_AHEAD).min(idx.len());
        let words: Vec<Lower> = idx[lo..hi].iter().map(|&i| tokens[i].lower()).collect();
        let at = k - lo;
        let Some((len, expr)) = match_at(&words, &idx[lo..hi], tokens, at) else {
            k += 1;
            continue;
        };
        let before = |n: usize| at.checked_sub(n).map_or("", |j| words[j].as_str());
        // "until Friday", "from May"; "will meet on Friday", "would go in June".
        let bounded = NOT_WHEN.contains(&before(1))
            || (matches!(before(1), "on" | "in") && NOT_WHEN.contains(&before(2)))
            || (1..=3).any(|n| FUTURE.contains(&before(n)))
            || in_other_clause(&tokens[from..idx[k]]);
        if !bounded {
            out.push(Found {
                start: idx[k],
                end: idx[k + len - 1] + 1,
                expr,
            });
        }
        k += len;
    }
    out
}

/// Words before an expression that [`find`] reads (the bounds: "would go
/// in June").
const LOOK_BEHIND: usize = 3;
/// Words from an expression's first on that [`match_at`] may read: four at
/// most ("2 of October 2025"), and room to spare. A reading that looks
/// further must raise it.
const LOOK_AHEAD: usize = 6;

/// Whether a date after `before` sits in a relative clause ("Várkonyi, who
/// was appointed in November, said"): it dates another event.
fn in_other_clause(before: &[Token]) -> bool {
    before
        .iter()
        .rev()
        .take_while(|t| !t.is_punct(",;:(—–"))
        .any(|t| t.is_word && matches!(t.lower().as_str(), "who" | "which" | "whose" | "whom" | "where"))
}

/// Whether an expression can start with lowercase word `w`: a quick no
/// for most words, before [`match_at`] tries them all (profiled: the
/// matches one after the other were 1.2% of extraction). It must say yes
/// to every word `match_at` starts an expression with.
fn may_start(w: &str) -> bool {
    match w.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_digit() => true,
        Some(_) => {
            w.starts_with("mid-")
                || crate::lexicon::TIME_START.has(w)
                // A month's abbreviation with its dot: "Sept.".
                || (w.ends_with('.') && month_number(w).is_some())
        }
    }
}

/// Tries to read an expression starting at word `k`; returns its length in
/// words.
fn match_at(words: &[Lower], idx: &[usize], tokens: &[Token], k: usize) -> Option<(usize, Expr)> {
    let w = |j: usize| words.get(k + j).map(Lower::as_str).unwrap_or("");
    let r = |len: usize, t: TimeRef| Some((len, Expr::Ref(t)));
    match w(0) {
        "today" | "tonight" => return r(1, TimeRef::DaysAgo(0)),
        "yesterday" => return r(1, TimeRef::DaysAgo(1)),
        "at" if w(1) == "the" && w(2) == "time" => return Some((3, Expr::AtTheTime)),
        "this" if matches!(w(1), "morning" | "afternoon" | "evening") => return r(2, TimeRef::DaysAgo(0)),
        "last" | "this" | "earlier" => {
            let (skip, this) = match (w(0), w(1)) {
                ("earlier", "this") => (2, true),
                ("this", _) => (1, true),
                _ => (1, false),
            };
            let ago = u32::from(!this);
            match w(skip) {
                "week" => return r(skip + 1, TimeRef::WeeksAgo(ago)),
                "month" => return r(skip + 1, TimeRef::MonthsAgo(ago)),
                // "this year" alone is usually a plan; "earlier this year" is not.
                "year" if !this || skip == 2 => return r(skip + 1, TimeRef::YearsAgo(ago)),
                "weekend" if !this => return r(skip + 1, TimeRef::Weekend),
                "night" if w(0) == "last" => return r(2, TimeRef::DaysAgo(1)),
                _ => {}
            }
        }
        "over" | "during" if w(1) == "the" && w(2) == "weekend" => return r(3, TimeRef::Weekend),
        _ => {}
    }
    if let Some(n) = count(w(0)) {
        let unit = w(1).trim_end_matches('s');
        if w(2) == "ago" {
            let t = match unit {
                "day" => TimeRef::DaysAgo(n),
                "week" => TimeRef::WeeksAgo(n),
                "month" => TimeRef::MonthsAgo(n),
                "year" => TimeRef::YearsAgo(n),
                _ => return None,
            };
            return r(3, t);
        }
    }
    if let Some(d) = weekday(w(0)) {
        return r(1, TimeRef::Weekday(d));
    }
    // Months: "in (early|mid|late) October (2025)", "October 2(, 2025)",
    // "2 October (2025)", "mid-October".
    let (part, skip) = if let Some(p) = part_of_month(w(0)) {
        (Some(p), 1)
    } else if w(0).starts_with("mid-") {
        (Some(DatePrecision::MidMonth), 0)
    } else {
        (None, 0)
    };
    let month_word = w(skip).strip_prefix("mid-").unwrap_or(w(skip));
    let is_month = |j: usize, word: &str| {
        let written = tokens[idx[j]].text;
        let written = written.strip_prefix("mid-").unwrap_or(written);
        // "May" the verb and "march" the noun are months only when written
        // as names; abbreviations need their dot.
        written.starts_with(|c: char| c.is_uppercase())
            && month_number(word).is_some()
            && (word.len() > 3 || word == "may" || tokens.get(idx[j] + 1).is_some_and(|t| t.text == "."))
    };
    if k + skip < words.len() && is_month(k + skip, month_word) {
        let month = month_number(month_word)?;
        let after = skip + 1;
        if part.is_none() {
            if let Some(day) = day_of_month(w(after)) {
                let y = year(w(after + 1));
                return r(
                    after + 1 + usize::from(y.is_some()),
                    TimeRef::Date { year: y, month, day },
                );
            }
        }
        let y = year(w(after));
        let prev = k.checked_sub(1).map(|j| words[j].as_str()).unwrap_or("");
        let introduced = matches!(prev, "in" | "during" | "last" | "of") || part.is_some() || y.is_some();
        if introduced && month_word != "may" || (month_word == "may" && (prev == "in" || y.is_some())) {
            let part = part.unwrap_or(DatePrecision::Month);
            return r(
                after + usize::from(y.is_some()),
                TimeRef::Month { year: y, month, part },
            );
        }
        return None;
    }
    if part.is_none() {
        if let Some(day) = day_of_month(w(0)) {
            let of = usize::from(w(1) == "of");
            if k + 1 + of < words.len() && is_month(k + 1 + of, w(1 + of)) {
                let month = month_number(w(1 + of))?;
                let y = year(w(2 + of));
                return r(2 + of + usize::from(y.is_some()), TimeRef::Date { year: y, month, day });
            }
        }
    }
    // Years: "in 2023", "in early 2024".
    let prev = k.checked_sub(1).map(|j| words[j].as_str()).unwrap_or("");
    if let Some(y) = year(w(skip)) {
        if part.is_some() || matches!(prev, "in" | "during") {
            return r(skip + 1, TimeRef::Year(y));
        }
    }
    None
}

/// Places a time expression on the calendar. Relative expressions need the
/// article date; a month or day without a year is the latest one not after
/// it.
pub fn place(t: TimeRef, anchor: Option<NaiveDate>) -> Option<(NaiveDate, DatePrecision)> {
    use DatePrecision::*;
    let day = |d: NaiveDate| Some((d, Day));
    match t {
        TimeRef::Year(y) => return Some((NaiveDate::from_ymd_opt(y, 1, 1)?, Year)),
        TimeRef::Date {
            year: Some(y),
            month,
            day: d,
        } => return day(NaiveDate::from_ymd_opt(y, month, d)?),
        TimeRef::Month {
            year: Some(y),
            month,
            part,
        } => return month_part(y, month, part),
        _ => {}
    }
    let a = anchor?;
    match t {
        TimeRef::DaysAgo(n) => day(a - Duration::days(n.into())),
        TimeRef::Weekday(w) => {
            let back = (7 + a.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
            day(a - Duration::days(back.into()))
        }
        TimeRef::Weekend => {
            // The latest Saturday strictly before the article's day.
            let back = (a.weekday().num_days_from_monday() + 7 - 5) % 7;
            let back = if back == 0 { 7 } else { back };
            Some((a - Duration::days(back.into()), Weekend))
        }
        TimeRef::WeeksAgo(n) => {
            let monday = a - Duration::days(a.weekday().num_days_from_monday().into());
            Some((monday - Duration::weeks(n.into()), Week))
        }
        TimeRef::MonthsAgo(n) => {
            let months = a.year() * 12 + a.month0() as i32 - n as i32;
            Some((
                NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1)?,
                Month,
            ))
        }
        TimeRef::YearsAgo(n) => Some((NaiveDate::from_ymd_opt(a.year() - n as i32, 1, 1)?, Year)),
        TimeRef::Date { month, day: d, .. } => {
            let this = NaiveDate::from_ymd_opt(a.year(), month, d);
            match this {
                Some(x) if x <= a => day(x),
                _ => day(NaiveDate::from_ymd_opt(a.year() - 1, month, d)?),
            }
        }
        TimeRef::Month { month, part, .. } => {
            let y = if month <= a.month() { a.year() } else { a.year() - 1 };
            month_part(y, month, part)
        }
        TimeRef::Year(_) => None,
    }
}

fn month_part(y: i32, month: u32, part: DatePrecision) -> Option<(NaiveDate, DatePrecision)> {
    let first = match part {
        DatePrecision::MidMonth => 11,
        DatePrecision::LateMonth => 21,
        _ => 1,
    };
    Some((NaiveDate::from_ymd_opt(y, month, first)?, part))
}

/// The first and last day a date of this precision may mean.
pub fn period(date: NaiveDate, precision: DatePrecision) -> (NaiveDate, NaiveDate) {
    use DatePrecision::*;
    let end_of_month = || {
        let (y, m) = if date.month() == 12 {
            (date.year() + 1, 1)
        } else {
            (date.year(), date.month() + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1).map_or(date, |d| d - Duration::days(1))
    };
    let end = match precision {
        Day => date,
        Weekend => date + Duration::days(1),
        Week => date + Duration::days(6),
        EarlyMonth | MidMonth => date + Duration::days(9),
        LateMonth | Month => end_of_month(),
        Year => NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(date),
    };
    (date, end)
}

/// How a statement date reads in the timeline: "2025-04-08",
/// "late Oct 2025", "Aug 2025", "2023".
pub fn label(date: NaiveDate, precision: DatePrecision) -> String {
    use DatePrecision::*;
    match precision {
        Day => date.to_string(),
        Weekend => format!("weekend {}", date.format("%b %-d %Y")),
        Week => format!("week of {}", date.format("%b %-d %Y")),
        EarlyMonth => format!("early {}", date.format("%b %Y")),
        MidMonth => format!("mid {}", date.format("%b %Y")),
        LateMonth => format!("late {}", date.format("%b %Y")),
        Month => date.format("%b %Y").to_string(),
        Year => date.format("%Y").to_string(),
    }
}

impl StatementDate {
    pub fn label(&self) -> String {
        label(self.date, self.precision)
    }
}

/// The date a quote was said: what its time expression says, placed
/// relative to the article date; else the article date itself; else none.
pub fn statement_date(time: Option<&TimeMention>, article_date: Option<NaiveDate>) -> Option<StatementDate> {
    if let Some(t) = time {
        if let Some((date, precision)) = place(t.time_ref, article_date) {
            return Some(StatementDate {
                date,
                precision,
                origin: t.origin,
                confidence: t.confidence,
            });
        }
    }
    article_date.map(|date| StatementDate {
        date,
        precision: DatePrecision::Day,
        origin: DateOrigin::Article,
        confidence: 0.5,
    })
}

/// Whether two statement dates can be the same moment: their periods
/// overlap, allowing `slack` days (a statement reported the next day).
pub fn compatible(a: &StatementDate, b: &StatementDate, slack: i32) -> bool {
    DaySpan::of(a).within(DaySpan::of(b), slack)
}

/// The days a statement date may mean ([`period`]), counted from the
/// common era: comparing two is two integer tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DaySpan {
    first: i32,
    last: i32,
}

impl DaySpan {
    pub fn of(d: &StatementDate) -> DaySpan {
        let (first, last) = period(d.date, d.precision);
        DaySpan {
            first: first.num_days_from_ce(),
            last: last.num_days_from_ce(),
        }
    }

    /// Whether the two overlap, allowing `slack` days.
    pub fn within(self, other: DaySpan, slack: i32) -> bool {
        self.first - slack <= other.last && other.first - slack <= self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn refs(s: &str) -> Vec<Expr> {
        let toks = tokenize(s, 0);
        find(&toks, 0, toks.len(), |_| false)
            .into_iter()
            .map(|f| f.expr)
            .collect()
    }

    #[test]
    fn may_start_says_yes_to_every_word_an_expression_starts_with() {
        // What match_at's own readers take, and its fixed openings.
        let starts = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || w.starts_with("mid-")
                || matches!(
                    w,
                    "today" | "tonight" | "yesterday" | "at" | "this" | "last" | "earlier" | "over" | "during"
                )
                || count(w).is_some()
                || weekday(w).is_some()
                || part_of_month(w).is_some()
                || month_number(w).is_some()
        };
        // The lexicon's lists, and the names written out apart from them
        // (a name missing from both lists would go unseen).
        let written = "january february march april may june july august september october november \
                       december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday \
                       thursday friday saturday sunday";
        use crate::lexicon::{MONTHS, SMALL_COUNTS, STOP_WORDS, TIME_NOUNS, TIME_STARTS, WEEKDAYS};
        let lists = [TIME_STARTS, SMALL_COUNTS, MONTHS, WEEKDAYS, STOP_WORDS, TIME_NOUNS];
        let mut words: Vec<String> = Vec::new();
        for w in lists.into_iter().flatten().copied().chain(written.split_whitespace()) {
            words.extend([
                w.to_string(),
                format!("{w}."),
                format!("{w}.."),
                format!("{w}'s"),
                format!("mid-{w}"),
                format!("{w}s"),
            ]);
        }
        words.extend(["", "2025", "3rd", "several", "few", "mid", "mid-", "."].map(String::from));
        for w in &words {
            assert_eq!(may_start(w), starts(w), "{w:?}");
        }
    }

    fn one(s: &str) -> TimeRef {
        match refs(s).as_slice() {
            [Expr::Ref(t)] => *t,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn the_quick_filter_keeps_every_word_an_expression_starts_with() {
        // Lowercase, as `find` asks it.
        let starts = "today tonight yesterday at this last earlier over during a an one two three four five \
                      six seven eight nine ten early mid middle late mid-june monday friday's sunday january \
                      feb sept. dec october 2024 5th";
        for w in starts.split(' ') {
            assert!(may_start(w), "{w}");
        }
        for w in [
            "", "in", "he", "was", "the", "said", "could", "é", "tomorrow", "octopus", "mayor",
        ] {
            assert!(!may_start(w), "{w}");
        }
    }

    #[test]
    fn reads_expressions() {
        assert_eq!(one("Sheinbaum said on Tuesday that"), TimeRef::Weekday(Weekday::Tue));
        assert_eq!(one("she told reporters yesterday"), TimeRef::DaysAgo(1));
        assert_eq!(one("he said last week"), TimeRef::WeeksAgo(1));
        assert_eq!(one("earlier this month, she said"), TimeRef::MonthsAgo(0));
        assert_eq!(one("he said over the weekend"), TimeRef::Weekend);
        assert_eq!(one("three days ago"), TimeRef::DaysAgo(3));
        assert_eq!(
            one("on October 2, President Trump"),
            TimeRef::Date {
                year: None,
                month: 10,
                day: 2
            }
        );
        assert_eq!(
            one("on Oct. 2, 2025, he said"),
            TimeRef::Date {
                year: Some(2025),
                month: 10,
                day: 2
            }
        );
        assert_eq!(
            one("on 2 October 2025"),
            TimeRef::Date {
                year: Some(2025),
                month: 10,
                day: 2
            }
        );
        assert_eq!(
            one("in late October"),
            TimeRef::Month {
                year: None,
                month: 10,
                part: DatePrecision::LateMonth
            }
        );
        assert_eq!(
            one("But in August, President Trump"),
            TimeRef::Month {
                year: None,
                month: 8,
                part: DatePrecision::Month
            }
        );
        assert_eq!(one("For example, in 2023, DeSantis said"), TimeRef::Year(2023));
        assert_eq!(refs("told Fox News at the time"), vec![Expr::AtTheTime]);
    }

    #[test]
    fn bounds_plans_and_words_are_not_dates() {
        assert!(refs("since 2017 he has said").is_empty());
        assert!(refs("the talks resume next Tuesday").is_empty());
        assert!(refs("the vote will be on Friday").is_empty());
        assert!(refs("prices may rise in march of the markets").is_empty());
        assert!(refs("the 2023 law").is_empty());
        assert!(refs("this year").is_empty());
        assert!(refs("Várkonyi, who was appointed minister in November, said").is_empty());
    }

    #[test]
    fn places_relative_to_the_article_date() {
        let tue = Some(d(2025, 4, 8)); // a Tuesday
        let day = DatePrecision::Day;
        assert_eq!(place(TimeRef::Weekday(Weekday::Tue), tue), Some((d(2025, 4, 8), day)));
        assert_eq!(place(TimeRef::Weekday(Weekday::Mon), tue), Some((d(2025, 4, 7), day)));
        assert_eq!(place(TimeRef::Weekday(Weekday::Wed), tue), Some((d(2025, 4, 2), day)));
        assert_eq!(place(TimeRef::DaysAgo(1), tue), Some((d(2025, 4, 7), day)));
        assert_eq!(
            place(TimeRef::Weekend, tue),
            Some((d(2025, 4, 5), DatePrecision::Weekend))
        );
        assert_eq!(
            place(TimeRef::WeeksAgo(1), tue),
            Some((d(2025, 3, 31), DatePrecision::Week))
        );
        assert_eq!(
            place(TimeRef::MonthsAgo(4), tue),
            Some((d(2024, 12, 1), DatePrecision::Month))
        );
        let nov = Some(d(2025, 11, 18));
        let august = TimeRef::Month {
            year: None,
            month: 8,
            part: DatePrecision::Month,
        };
        assert_eq!(place(august, nov), Some((d(2025, 8, 1), DatePrecision::Month)));
        assert_eq!(place(august, tue), Some((d(2024, 8, 1), DatePrecision::Month)));
        let dec2 = TimeRef::Date {
            year: None,
            month: 12,
            day: 2,
        };
        assert_eq!(place(dec2, nov), Some((d(2024, 12, 2), day)));
        // Without an article date only absolute expressions place.
        assert_eq!(place(TimeRef::Weekday(Weekday::Tue), None), None);
        assert_eq!(place(dec2, None), None);
        assert_eq!(
            place(TimeRef::Year(2023), None),
            Some((d(2023, 1, 1), DatePrecision::Year))
        );
    }

    #[test]
    fn labels_and_periods() {
        assert_eq!(label(d(2025, 10, 21), DatePrecision::LateMonth), "late Oct 2025");
        assert_eq!(label(d(2023, 1, 1), DatePrecision::Year), "2023");
        assert_eq!(label(d(2025, 8, 1), DatePrecision::Month), "Aug 2025");
        assert_eq!(
            period(d(2024, 2, 1), DatePrecision::Month),
            (d(2024, 2, 1), d(2024, 2, 29))
        );
        assert_eq!(
            period(d(2025, 12, 21), DatePrecision::LateMonth),
            (d(2025, 12, 21), d(2025, 12, 31))
        );
    }

    #[test]
    fn compatibility_allows_slack_and_periods() {
        let sd = |date, precision| StatementDate {
            date,
            precision,
            origin: DateOrigin::Text,
            confidence: 1.0,
        };
        let tue = sd(d(2025, 4, 8), DatePrecision::Day);
        assert!(compatible(&tue, &sd(d(2025, 4, 9), DatePrecision::Day), 1));
        assert!(!compatible(&tue, &sd(d(2025, 4, 11), DatePrecision::Day), 1));
        assert!(compatible(&tue, &sd(d(2025, 4, 1), DatePrecision::Month), 0));
        assert!(!compatible(&tue, &sd(d(2025, 8, 1), DatePrecision::Month), 1));
    }
}
