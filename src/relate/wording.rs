//! How two outlets' wordings of one statement differ, word by word.

use similar::DiffOp;

/// A run of words in a word-level comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// In both wordings.
    Same(String),
    /// Only in the first (the one compared against).
    Dropped(String),
    /// Only in the second.
    Added(String),
}

/// A word as compared: lowercase, without surrounding punctuation, curly
/// apostrophes made straight ("Open," and "open." are the same word).
fn key(word: &str) -> String {
    crate::text::normalize_word(crate::text::trim_non_alnum(word))
}

/// The word-level difference from wording `a` to wording `b`, adjacent
/// pieces of one kind merged, words joined by single spaces. Words are
/// aligned on their letters, so punctuation and case do not break a match
/// (the shown word is the second wording's).
pub fn compare(a: &str, b: &str) -> Vec<Piece> {
    let aw: Vec<&str> = a.split_whitespace().collect();
    let bw: Vec<&str> = b.split_whitespace().collect();
    let ak: Vec<String> = aw.iter().map(|w| key(w)).collect();
    let bk: Vec<String> = bw.iter().map(|w| key(w)).collect();
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |piece: Piece| {
        let (Piece::Same(y) | Piece::Dropped(y) | Piece::Added(y)) = &piece;
        match (out.last_mut(), &piece) {
            (Some(Piece::Same(x)), Piece::Same(_))
            | (Some(Piece::Dropped(x)), Piece::Dropped(_))
            | (Some(Piece::Added(x)), Piece::Added(_)) => {
                x.push(' ');
                x.push_str(y);
            }
            _ => out.push(piece),
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ak, &bk) {
        match op {
            DiffOp::Equal { new_index, len, .. } => push(Piece::Same(bw[new_index..new_index + len].join(" "))),
            DiffOp::Delete { old_index, old_len, .. } => {
                push(Piece::Dropped(aw[old_index..old_index + old_len].join(" ")))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                push(Piece::Added(bw[new_index..new_index + new_len].join(" ")))
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Piece::Dropped(aw[old_index..old_index + old_len].join(" ")));
                push(Piece::Added(bw[new_index..new_index + new_len].join(" ")));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_words_outlets_changed() {
        let pieces = compare(
            "Our door is open. Our patience is not endless",
            "Our door remains open, but our patience has limits",
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Same("Our door".into()),
                Piece::Dropped("is".into()),
                Piece::Added("remains".into()),
                Piece::Same("open,".into()),
                Piece::Added("but".into()),
                Piece::Same("our patience".into()),
                Piece::Dropped("is not endless".into()),
                Piece::Added("has limits".into()),
            ]
        );
        let same = compare("It won’t happen.", "It won't happen");
        assert_eq!(same, vec![Piece::Same("It won't happen".into())]);
    }
}
