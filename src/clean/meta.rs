//! Article metadata read from the text: headline shape, outlet from the
//! dateline, a title derived from the lede.

use super::boilerplate::Line;
use crate::text::{word_count, word_count_upto};

/// A line shaped like a headline: a few words, no sentence-final period.
pub fn is_headline_like(line: &Line) -> bool {
    let t = line.text;
    !t.ends_with('.') && !t.ends_with(':') && !t.ends_with(',') && (2..=30).contains(&word_count_upto(t, 31))
}

/// A line shaped like a body paragraph: a sentence that ends.
pub fn is_paragraph_like(line: &Line) -> bool {
    let last = line.text.chars().last().unwrap_or(' ');
    ".!?\"”’')…:".contains(last) && !line.words_at_most(7)
}

/// Two headlines that are the same title worded twice (the page's title and
/// its H1): most words of the shorter one appear in the longer one.
pub fn is_repeated_title(title: &str, line: &Line) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !crate::text::is_alnum(c))
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(title), words(line.text));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 3 >= short.len() * 2 && is_headline_like(line)
}

/// The outlet named in a dateline at the start of the lede:
/// "MEXICO CITY (Reuters) -", "WASHINGTON (AP) —", "(AFP) -".
pub fn dateline_outlet(lede: &str) -> Option<String> {
    let open = lede.find('(')?;
    let head = &lede[..open];
    let head_ok = head.trim().is_empty()
        || (head.len() <= 60
            && head
                .chars()
                .all(|c| c.is_uppercase() || c.is_whitespace() || ",.'-’".contains(c) || c.is_ascii_digit())
            && head.chars().any(char::is_uppercase));
    if !head_ok {
        return None;
    }
    let close = open + lede[open..].find(')')?;
    let inside = lede[open + 1..close].trim();
    let after = lede[close + 1..].trim_start();
    let dash = after.starts_with('-') || after.starts_with('—') || after.starts_with('–');
    (dash && (1..=4).contains(&word_count(inside)) && inside.chars().next()?.is_uppercase()).then(|| inside.to_string())
}

/// A title made from the lede when the page had no headline: its first
/// sentence, cut at about twelve words.
pub fn derive_title(lede: &str) -> String {
    let sentence = lede.split_inclusive(['.', '?', '!']).next().unwrap_or(lede).trim();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 14 {
        sentence.trim_end_matches('.').to_string()
    } else {
        format!("{}…", words[..12].join(" ").trim_end_matches(','))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_outlet("MEXICO CITY (Reuters) -Mexican President said").as_deref(),
            Some("Reuters")
        );
        assert_eq!(dateline_outlet("WASHINGTON (AP) — The Senate").as_deref(), Some("AP"));
        assert_eq!(dateline_outlet("The mayor (a Democrat) - said").as_deref(), None);
    }

    #[test]
    fn repeated_titles() {
        assert!(is_repeated_title(
            "Mexico Rejects US Military Action Against Cartels",
            &Line::new("Mexico Rejects Reports of Possible U.S. Military Action Against Drug Cartels")
        ));
        assert!(!is_repeated_title(
            "Mexico Rejects US Military Action",
            &Line::new("What Happened?")
        ));
    }

    #[test]
    fn derived_titles() {
        assert_eq!(derive_title("The port closed. Then more."), "The port closed");
        let long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.";
        assert_eq!(
            derive_title(long),
            "One two three four five six seven eight nine ten eleven twelve…"
        );
    }
}
