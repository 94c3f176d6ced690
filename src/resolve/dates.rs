//! Dates: parsing the ways articles write a publication date, and finding a
//! date in a file name.

use chrono::NaiveDate;

/// The month an English month name or its abbreviation names, in any case,
/// with or without a final period ("Sept.", "OCTOBER").
pub fn month_number(word: &str) -> Option<u32> {
    // Lowered on the stack and matched at once: this is asked of every
    // word near every quote, and a search of a list cost 2% of extraction
    // (profiled).
    let w = word.trim_end_matches('.').as_bytes();
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    let mut buf = [0u8; 9];
    for (b, c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        _ => return None,
    })
}

/// A date typed alone, as the reader's date prompt takes one:
/// "2026-03-01", "3/1/2026", "03/01/2026", "1 March 2026", "March 1st,
/// 2026", after a weekday or not (the date's own). Anything else typed
/// with it makes it no date ("2026-03-0131", "2026-03-05 garbage"), where
/// [`parse_date`] finds the first date in a line.
pub fn parse_date_alone(s: &str) -> Option<NaiveDate> {
    let mut words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let weekday = words
        .first()
        .map(|w| w.trim_end_matches('.'))
        .and_then(weekday_of)
        .inspect(|_| {
            words.remove(0);
        });
    // Digits alone where a number goes (`parse` would take "+3").
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let date = match words.as_slice() {
        [w] if w.len() == 10 && w.as_bytes()[4] == b'-' && w.split('-').all(digits) => iso_date(w),
        // Month and day of one or two digits ("03/01/2026", not "0003/…").
        [w] if w.split('/').all(digits) && w.split('/').take(2).all(|p| p.len() <= 2) => us_slash_date(w),
        [_, _, _] => {
            // A month, a day (an ordinal or not) and a year: nothing else.
            let day = |w: &str| match ordinal_digits(w) {
                Some(n) => n.len() <= 2,
                None => w.len() <= 2 && digits(w),
            };
            let year = |w: &str| w.len() == 4 && digits(w);
            let months = words.iter().filter(|w| month_number(w).is_some()).count();
            let days = words.iter().filter(|w| day(w)).count();
            let years = words.iter().filter(|w| year(w)).count();
            (months == 1 && days == 1 && years == 1).then(|| parse_date(&words.join(" ")))?
        }
        _ => None,
    }?;
    match weekday {
        Some(w) if w != chrono::Datelike::weekday(&date) => None,
        _ => Some(date),
    }
}

/// The digits of a day's number with its suffix ("4th", "21st"); none for
/// a word of letters alone or a bare number.
pub fn ordinal_digits(word: &str) -> Option<&str> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (!digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th"))
    .then_some(digits)
}

/// Whether a lowercase word names a day of the week ("tuesday", "tue").
pub fn is_weekday(w: &str) -> bool {
    weekday_of(w).is_some()
}

/// The day of the week a lowercase word names.
fn weekday_of(w: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    Some(match w {
        "monday" | "mon" => Mon,
        "tuesday" | "tue" | "tues" => Tue,
        "wednesday" | "wed" | "weds" => Wed,
        "thursday" | "thu" | "thur" | "thurs" => Thu,
        "friday" | "fri" => Fri,
        "saturday" | "sat" => Sat,
        "sunday" | "sun" => Sun,
        _ => return None,
    })
}

/// `YYYY-MM-DD` (or `YYYY_MM_DD`, `YYYYMMDD` between separators) anywhere in
/// a file name.
pub fn date_in_file_name(path: &str) -> Option<NaiveDate> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    let b = name.as_bytes();
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        for &(len, sep) in &[(10usize, true), (8usize, false)] {
            if i + len > b.len() {
                continue;
            }
            // Byte positions may fall inside a non-ASCII character.
            let Some(s) = name.get(i..i + len) else { continue };
            if b.get(i + len).is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            let parsed = if sep {
                let seps = [s.as_bytes()[4], s.as_bytes()[7]];
                if seps[0] != seps[1] || !matches!(seps[0], b'-' | b'_' | b'.') {
                    continue;
                }
                ymd(&s[0..4], &s[5..7], &s[8..10])
            } else if s.bytes().all(|c| c.is_ascii_digit()) {
                ymd(&s[0..4], &s[4..6], &s[6..8])
            } else {
                None
            };
            if parsed.is_some() {
                return parsed;
            }
        }
    }
    None
}

/// The years a date in the text may have: outside them a number is no year.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !YEARS.contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

/// Parses the first full date (day, month and year) in `s`: "April 08, 2025",
/// "Tue 8 Apr 2025", "2025-04-08", "Nov. 18, 2025 10:32 AM", "11/18/2025".
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    // Every form has a year in YEARS, four ASCII digits (`parse` allows a
    // sign, but then three digits are at most 999), so a 1 or a 2: a quick
    // no for most lines and sentences it is asked of (callgrind).
    memchr::memchr2(b'1', b'2', s.as_bytes())?;
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = iso_date(w) {
            return Some(d);
        }
        if let Some(m) = month_number(w) {
            // Month Day Year
            if let (Some(d), Some(y)) = (words.get(i + 1), words.get(i + 2)) {
                if let Some(date) = day_year(d, y).and_then(|(d, y)| NaiveDate::from_ymd_opt(y, m, d)) {
                    return Some(date);
                }
            }
            // Day Month Year
            if let (Some(d), Some(y)) = (i.checked_sub(1).and_then(|j| words.get(j)), words.get(i + 1)) {
                if let Some(date) = day_year(d, y).and_then(|(d, y)| NaiveDate::from_ymd_opt(y, m, d)) {
                    return Some(date);
                }
            }
        }
        if let Some(d) = us_slash_date(w) {
            return Some(d);
        }
    }
    None
}

fn day_year(d: &str, y: &str) -> Option<(u32, i32)> {
    let d = d.trim_end_matches(|c: char| c.is_alphabetic() || c == '.'); // 8th, 1st
    let y = y.trim_end_matches(|c: char| !c.is_ascii_digit());
    if d.is_empty() || d.len() > 2 || y.len() != 4 {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    YEARS.contains(&y).then_some(())?;
    Some((d.parse().ok()?, y))
}

fn iso_date(w: &str) -> Option<NaiveDate> {
    let w = w.get(..10)?;
    let b = w.as_bytes();
    (b[4] == b'-' && b[7] == b'-').then(|| ymd(&w[0..4], &w[5..7], &w[8..10]))?
}

fn us_slash_date(w: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = w.split('/').collect();
    if parts.len() != 3 || parts[2].len() != 4 {
        return None;
    }
    ymd(parts[2], parts[0], parts[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn month_names() {
        for (w, n) in [
            ("October", Some(10)),
            ("SEPT.", Some(9)),
            ("sep", Some(9)),
            ("may", Some(5)),
            ("Dec.", Some(12)),
        ] {
            assert_eq!(month_number(w), n, "{w}");
        }
        for w in ["mayor", "ma", "decade", "marching", "", "déc", "januaryy"] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }

    #[test]
    fn file_names() {
        assert_eq!(date_in_file_name("a/2025-04-08-mexico.txt"), d(2025, 4, 8));
        assert_eq!(date_in_file_name("nyt_2015-11-11_x.txt"), d(2015, 11, 11));
        assert_eq!(date_in_file_name("20260301_story.md"), d(2026, 3, 1));
        assert_eq!(date_in_file_name("000_a1b4fc5388eeeea4.txt"), None);
        assert_eq!(date_in_file_name("Feuerlöschtechnik-2025-04-08.html"), d(2025, 4, 8));
        assert_eq!(date_in_file_name("jugend-forscht.de-Feuerlöschtechnik.html"), None);
    }

    #[test]
    fn written_dates() {
        assert_eq!(parse_date("April 08, 2025"), d(2025, 4, 8));
        assert_eq!(parse_date("Published: Tue 8 Apr 2025"), d(2025, 4, 8));
        assert_eq!(parse_date("Nov. 18, 2025 10:32 AM"), d(2025, 11, 18));
        assert_eq!(parse_date("2025-04-08T10:00:00Z"), d(2025, 4, 8));
        // Years at both ends of the range, which the quick test for a 1 or
        // a 2 must let through, and a year it refuses by itself.
        assert_eq!(parse_date("4/8/1900"), d(1900, 4, 8));
        assert_eq!(parse_date("1/1/2100"), d(2100, 1, 1));
        assert_eq!(parse_date("April 08, 0999"), None);
        assert_eq!(parse_date("11/18/2025"), d(2025, 11, 18));
        assert_eq!(parse_date("on Tuesday"), None);
        assert_eq!(parse_date("May the best win 2025"), None);
    }

    #[test]
    fn a_date_typed_alone_is_a_date_and_nothing_else_typed_with_it() {
        for typed in [
            "2026-03-01",
            "3/1/2026",
            "1 March 2026",
            "March 1, 2026",
            "March 1st, 2026",
            "Sun 1 Mar. 2026",
            "  2026-03-01 ",
            "03/01/2026",
            "Sunday, March 1, 2026",
        ] {
            assert_eq!(parse_date_alone(typed), d(2026, 3, 1), "{typed:?}");
        }
        for typed in [
            "2026-03-0131 Feb 2026",
            "2026-03-05 garbage",
            "2026-03-0499",
            "2026-03-01 2027",
            "1 March 2026 or so",
            "March 2026",
            "1 March 2026garbage",
            "31 Feb 2026",
            "",
            "2026-+3-+1",
            "+3/+1/2026",
            "2026-03-01 mon tue",
            "Monday 1 March 2026",
            "2026-03-01T10:00",
            "0003/0001/2026",
        ] {
            assert_eq!(parse_date_alone(typed), None, "{typed:?}");
        }
    }
}
