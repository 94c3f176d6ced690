//! Small text helpers shared by cleaning and extraction: a word tokenizer with
//! byte offsets and character classes for quotation marks.

/// A word or a punctuation character, with its byte range in the text it was
/// cut from (plus the base offset given to [`tokenize`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub is_word: bool,
    /// Its lowercase, when a lowercase of the whole text was at hand and
    /// the token has no curly apostrophe to straighten ([`tokenize_lowered`]).
    lower: Option<&'a str>,
}

impl<'a> Token<'a> {
    pub fn is_cap(&self) -> bool {
        // An ASCII first byte answers without decoding a char: the name
        // rules ask this of every word (profiled).
        self.is_word
            && match self.text.as_bytes().first() {
                Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(|c| c.is_uppercase()),
            }
    }
    pub fn is_punct(&self, set: &str) -> bool {
        !self.is_word && self.text.chars().next().is_some_and(|c| set.contains(c))
    }
    /// Lowercase with curly apostrophes made straight.
    pub fn lower(&self) -> Lower<'a> {
        match self.lower {
            Some(l) => Lower::Same(l),
            None => Lower::word(self.text),
        }
    }
}

/// `s` lowercased, when every character lowercases to one of the same
/// byte length (`None` otherwise): then any slice of the result is the
/// lowercase of the same slice of `s`, and a whole article is lowered at
/// once instead of line by line.
pub fn lowercase_in_place_of(s: &str) -> Option<String> {
    // Only capital sigma lowers by its context. memmem's search, built
    // once: `contains` read every article a word at a time (callgrind).
    static SIGMA: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Σ"));
    if SIGMA.find(s.as_bytes()).is_some() {
        return None;
    }
    let mut out = s.to_ascii_lowercase().into_bytes();
    let b = s.as_bytes();
    let mut i = next_notable(b, 0, b"");
    while i < b.len() {
        let c = s[i..].chars().next().expect("at a char boundary");
        let len = c.len_utf8();
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == len => {
                l.encode_utf8(&mut out[i..i + len]);
            }
            _ => return None,
        }
        i = next_notable(b, i + len, b"");
    }
    // SAFETY: ASCII bytes were lowered to ASCII bytes, and every other
    // character was overwritten in place by the UTF-8 of a character of
    // its own length, so `out` is UTF-8. Checking it again cost 1% of a
    // load (profiled).
    Some(unsafe { String::from_utf8_unchecked(out) })
}

/// Lowercase with curly apostrophes made straight.
pub fn normalize_word(w: &str) -> String {
    w.chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A lowercased word that allocates only when it must: words already in
/// lowercase are borrowed, short ASCII words are lowered on the stack.
/// The rules lower every token they look at, so this is their hot path.
#[derive(Clone)]
pub enum Lower<'a> {
    Same(&'a str),
    Inline { buf: [u8; 30], len: u8 },
    Owned(String),
}

impl<'a> Lower<'a> {
    /// As [`normalize_word`].
    pub fn word(w: &'a str) -> Self {
        Self::ascii(w).unwrap_or_else(|| Lower::Owned(normalize_word(w)))
    }

    /// As `str::to_lowercase`.
    pub fn of(s: &'a str) -> Self {
        Self::ascii(s).unwrap_or_else(|| Lower::Owned(lowercase_in_place_of(s).unwrap_or_else(|| s.to_lowercase())))
    }

    /// The ASCII cases, where every lowercasing agrees.
    fn ascii(w: &'a str) -> Option<Self> {
        let bytes = w.as_bytes();
        if !bytes.is_ascii() {
            return None;
        }
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Some(Lower::Same(w));
        }
        if bytes.len() > 30 {
            return None;
        }
        let mut buf = [0u8; 30];
        for (b, c) in buf.iter_mut().zip(bytes) {
            *b = c.to_ascii_lowercase();
        }
        Some(Lower::Inline {
            buf,
            len: bytes.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            // SAFETY: `buf[..len]` holds ASCII bytes lowered (see
            // `ascii`), which are ASCII, so UTF-8. Checking it each time
            // cost 3% of extraction (profiled).
            Lower::Inline { buf, len } => unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) },
            Lower::Owned(s) => s,
        }
    }
}

impl<'a> From<Lower<'a>> for std::borrow::Cow<'a, str> {
    /// Borrowed when the word was already lowercase, else owned (an
    /// inline word is copied out, an owned one handed on).
    fn from(l: Lower<'a>) -> Self {
        match l {
            Lower::Same(s) => std::borrow::Cow::Borrowed(s),
            Lower::Owned(s) => std::borrow::Cow::Owned(s),
            inline => std::borrow::Cow::Owned(inline.as_str().to_owned()),
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// Characters that may join two word parts: "Flores-Macías", "don’t", "U.S.".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '.' | '&')
}

/// Which bytes are ASCII letters or digits.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 128 {
        t[x] = (x as u8).is_ascii_alphanumeric();
        x += 1;
    }
    t
};

/// Splits `s` into words and punctuation marks; whitespace is dropped.
/// Offsets are `base + byte offset in s`.
pub fn tokenize(s: &str, base: usize) -> Vec<Token<'_>> {
    tokenize_lowered(s, None, base)
}

/// [`tokenize`], with `lower` the lowercase of `s` byte for byte (as
/// [`lowercase_in_place_of`] gives it): each token then borrows its
/// lowercase from it instead of lowering itself each time a rule asks,
/// which the rules do dozens of times per word (profiled).
pub fn tokenize_lowered<'a>(s: &'a str, lower: Option<&'a str>, base: usize) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    tokenize_lowered_into(s, lower, base, &mut out);
    out
}

/// Room for the tokens of `bytes` bytes of text. Prose has about a token
/// per four bytes: room for one per three, so that few paragraphs grow the
/// vector (one per five left 28% growing it). The vector lives only while
/// its article is extracted.
pub fn token_room(bytes: usize) -> usize {
    bytes / 3 + 2
}

/// [`tokenize_lowered`], appending to `out`: an article's blocks go into
/// one vector (one each was two dozen allocations an article; profiled).
pub fn tokenize_lowered_into<'a>(s: &'a str, lower: Option<&'a str>, base: usize, out: &mut Vec<Token<'a>>) {
    let lower = lower.filter(|l| same_char_bounds(s, l));
    // A token's bounds, `from..to`, are char boundaries of `s` (the loop
    // below steps over whole characters), and so of `lower`. Slicing
    // without checking them again: four checks a token were a fifth of
    // the tokenizer's instructions (callgrind).
    let slice = |text: &'a str, from: usize, to: usize| {
        debug_assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
        // SAFETY: `from <= to <= text.len()`, both char boundaries of `s`,
        // and `text` is `s` or a string of the same char boundaries.
        unsafe { text.get_unchecked(from..to) }
    };
    // A token with a curly apostrophe is straightened by `Token::lower`.
    let lower_of = |i: usize, end: usize, curly: bool| lower.filter(|_| !curly).map(|l| slice(l, i, end));
    // Read by bytes, decoding a char only where a byte is not ASCII: every
    // article's text goes through here (profiled).
    let b = s.as_bytes();
    let char_at = |i: usize| s[i..].chars().next().expect("in bounds");
    out.reserve(token_room(s.len()));
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let len = if ASCII_ALNUM[usize::from(x)] {
            1
        } else {
            let (c, len) = if x < 0x80 {
                (char::from(x), 1)
            } else {
                let c = char_at(i);
                (c, c.len_utf8())
            };
            if is_space(c) {
                i += len;
                continue;
            }
            if !is_alnum(c) {
                out.push(Token {
                    text: slice(s, i, i + len),
                    start: base + i,
                    end: base + i + len,
                    is_word: false,
                    lower: lower_of(i, i + len, c == '\u{2019}'),
                });
                i += len;
                continue;
            }
            len
        };
        let mut end = i + len;
        let mut curly = false;
        while end < b.len() {
            // Letters and digits, most of a word, by table.
            if ASCII_ALNUM[usize::from(b[end])] {
                end += 1;
                continue;
            }
            let d = if b[end] < 0x80 {
                char::from(b[end])
            } else {
                char_at(end)
            };
            let dlen = d.len_utf8();
            // An ASCII byte the table did not take is no letter or digit.
            if dlen > 1 && is_alnum(d) {
                end += dlen;
            } else if is_joiner(d) {
                // Join only when a word character follows ("U.S" then ".").
                let next = s[end + dlen..].chars().next();
                if next.is_some_and(is_alnum) && !(d == '.' && glued_sentences(b, end)) {
                    end += dlen;
                    curly |= d == '\u{2019}';
                } else {
                    if d == '.' && is_initialism(&s[i..end]) {
                        // "U.S." keeps its final period.
                        end += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Token {
            text: slice(s, i, end),
            start: base + i,
            end: base + end,
            is_word: true,
            lower: lower_of(i, end, curly),
        });
        i = end;
    }
}

/// Whether `lower` has the byte length and char boundaries of `s`, as
/// [`lowercase_in_place_of`] makes it: a byte opens a character in one
/// where it does in the other.
fn same_char_bounds(s: &str, lower: &str) -> bool {
    let opens = |x: u8| (x as i8) >= -0x40;
    // Folded without an early exit, so that it runs on whole vectors.
    s.len() == lower.len()
        && !s
            .bytes()
            .zip(lower.bytes())
            .fold(false, |differ, (x, y)| differ | (opens(x) != opens(y)))
}

/// Whether the period at `dot` ends one sentence glued to the next by a
/// lost space ("Trump said.Trump claimed"): two lowercase ASCII letters
/// before it, a capital and a lowercase letter after. "Ph.D", "U.S" and
/// "example.com" do not look so; "Sen.Warren" does, and its title still
/// binds (the period follows "Sen" at once).
fn glued_sentences(b: &[u8], dot: usize) -> bool {
    let at = |k: usize| b.get(k).copied().unwrap_or(b' ');
    dot >= 2
        && at(dot - 1).is_ascii_lowercase()
        && at(dot - 2).is_ascii_lowercase()
        && at(dot + 1).is_ascii_uppercase()
        && at(dot + 2).is_ascii_lowercase()
}

/// "U.S", "D.C", "U.N": single letters joined by periods.
fn is_initialism(w: &str) -> bool {
    let mut chars = w.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || (w.contains('.') && w.split('.').all(|p| p.chars().count() == 1))
}

/// Abbreviations whose period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    const ABBR: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st", "jr", "sr",
        "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "rev", "adm", "cmdr", "gop", "ft", "mt", "ave", "blvd", "dept", "est", "approx", "fig",
        "vol", "pp", "al", "sens", "reps", "govs", "messrs", "cllr", "det", "insp", "supt",
    ];
    let w = Lower::word(word.trim_end_matches('.'));
    ABBR.contains(&w.as_str()) || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// Opening double quotation marks.
pub fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}')
}

/// Closing double quotation marks.
pub fn is_double_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}')
}

/// A byte of 0x01 in each lane, and the high bit of each lane, for tests
/// on eight bytes at once.
pub const ONES: u64 = 0x0101_0101_0101_0101;
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit set in each lane of `v` that holds a zero byte (and
/// possibly in lanes above one: callers only ask whether any is set).
pub fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGH
}

/// The first index from `i` on whose byte is not ASCII or is one of the
/// ASCII bytes `wanted` (`b.len()` when none is), read eight bytes at a
/// time: scanners that care only about quote marks skip plain prose fast.
pub fn next_notable(b: &[u8], mut i: usize, wanted: &[u8]) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let notable = wanted
            .iter()
            .fold(w & HIGH, |acc, &x| acc | zero_bytes(w ^ (ONES * u64::from(x))));
        if notable != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 && !wanted.contains(&b[i]) {
        i += 1;
    }
    i
}

/// Whether `c` is a letter or digit, as `char::is_alphanumeric` has it,
/// answering for general punctuation (curly quotes, dashes) without the
/// Unicode table search: paragraphs open and close with curly quotes, and
/// the search was most of what trimming a line cost (callgrind).
pub fn is_alnum(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Whether `c` is white space, as `char::is_whitespace` has it,
/// answering for ASCII and for the punctuation of U+2010..U+205E that is
/// not space (curly quotes, dashes) without the Unicode table search:
/// lines open and close with curly quotes (callgrind).
pub fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t'..='\r' => true,
        '\0'..='\x7f' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => false,
        _ => c.is_whitespace(),
    }
}

/// `s.trim()`, faster: see [`is_space`].
pub fn trim_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// `s` without the characters that are not letters or digits at either
/// end: `s.trim_matches(|c: char| !c.is_alphanumeric())`, faster.
pub fn trim_non_alnum(s: &str) -> &str {
    s.trim_matches(|c: char| !is_alnum(c))
}

/// [`trim_non_alnum`] at the start only.
pub fn trim_start_non_alnum(s: &str) -> &str {
    s.trim_start_matches(|c: char| !is_alnum(c))
}

/// Count of words in `s`: runs of letters, digits and apostrophes that
/// hold at least one letter or digit.
pub fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// [`word_count`], but counting stops at `cap`: the line rules only ask
/// whether a line is short, and body paragraphs are long (profiled).
pub fn word_count_upto(s: &str, cap: usize) -> usize {
    // A gap, then a word, in turn, each skipped by a tight loop with a
    // table look-up per ASCII byte; the cap is checked once per word. This
    // runs over lines and quotes of every article (profiled).
    let b = s.as_bytes();
    let char_at = |i: usize| s[i..].chars().next().unwrap_or(' ');
    let mut count = 0;
    let mut i = 0;
    loop {
        // The gap: up to a letter or digit.
        loop {
            match b.get(i) {
                None => return count,
                Some(&x) if x < 0x80 => {
                    if ASCII_ALNUM[usize::from(x)] {
                        break;
                    }
                    i += 1;
                }
                Some(_) => {
                    let c = char_at(i);
                    if is_alnum(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
        }
        count += 1;
        if count >= cap {
            return cap;
        }
        // The word: letters, digits and apostrophes ("don't", "don’t").
        loop {
            match b.get(i) {
                None => return count,
                Some(&x) if x < 0x80 => {
                    if !(ASCII_ALNUM[usize::from(x)] || x == b'\'') {
                        break;
                    }
                    i += 1;
                }
                Some(_) => {
                    let c = char_at(i);
                    if !(is_alnum(c) || c == '\u{2019}') {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
        }
    }
}

/// Whether `a` and `b` are the same words with case and accents ignored
/// ([`fold`]), compared without making either.
pub fn same_folded(a: &str, b: &str) -> bool {
    let key = |c: char| fold_char(c).to_lowercase().next().unwrap_or(c);
    a.chars().map(key).eq(b.chars().map(key))
}

/// Latin letters without their accents, one char for one char, so match
/// positions still index the original name.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => return c,
    };
    if c.is_uppercase() {
        base.to_ascii_uppercase()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0).iter().map(|t| t.text).collect()
    }

    #[test]
    fn no_general_punctuation_is_a_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_fast_space_test_agrees_with_the_standard_one() {
        for c in ('\0'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}']) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
        for s in ["", " \u{201C}We will,\u{201D} ", "\u{2003}x\u{2029}", "\u{A0}\u{2014}"] {
            assert_eq!(trim_space(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn trimming_non_alphanumerics_agrees_with_the_generic_trim() {
        for s in [
            "",
            "...",
            "  [Photo]  ",
            "«Bild»",
            "— Várkonyi —",
            "¿Qué?",
            "éé",
            "(a)",
            "x",
            "… ½ …",
            "\u{2019}tis\u{2019}",
            "--3--",
            "\u{201C}We will,\u{201D} she said.",
        ] {
            assert_eq!(
                trim_non_alnum(s),
                s.trim_matches(|c: char| !c.is_alphanumeric()),
                "{s:?}"
            );
            assert_eq!(
                trim_start_non_alnum(s),
                s.trim_start_matches(|c: char| !c.is_alphanumeric()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn tokenizer_keeps_names_and_initialisms_whole() {
        assert_eq!(
            words("Gustavo A. Flores-Macías, U.S. don’t"),
            vec!["Gustavo", "A.", "Flores-Macías", ",", "U.S.", "don’t"]
        );
        assert_eq!(words("said: “No.”"), vec!["said", ":", "“", "No", ".", "”"]);
        // A lost space between sentences, but not a degree or a domain.
        assert_eq!(words("Trump said.Trump"), vec!["Trump", "said", ".", "Trump"]);
        assert_eq!(
            words("a Ph.D from example.com"),
            vec!["a", "Ph.D", "from", "example.com"]
        );
    }

    /// The tokenizer as first written, a char at a time: the byte-wise one
    /// must agree with it.
    fn tokenize_by_chars(s: &str) -> Vec<(String, usize, usize, bool)> {
        let mut out = Vec::new();
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !c.is_alphanumeric() {
                out.push((c.to_string(), i, i + c.len_utf8(), false));
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                } else if is_joiner(d) {
                    let glued = d == '.' && glued_sentences(s.as_bytes(), j);
                    if s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric) && !glued {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        if d == '.' && is_initialism(&s[i..j]) {
                            end = j + 1;
                            chars.next();
                        }
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push((s[i..end].to_string(), i, end, true));
        }
        out
    }

    #[test]
    fn byte_tokenizer_agrees_with_char_tokenizer() {
        let alphabet: Vec<char> = "aZ9 .-'’&,“”\u{A0}\u{2009}éΣ\n\t\u{B}\u{1F}U.S".chars().collect();
        let mut seed = 7u64;
        let mut texts: Vec<String> = vec![
            "Gustavo A. Flores-Macías, U.S. don’t".into(),
            "U.S. and D.C. rock-n-roll... A. B.".into(),
            "end with joiner- and 'quote' & co.".into(),
            "aa.Za said.Trump".into(),
        ];
        for _ in 0..2000 {
            let n = (seed % 24) as usize;
            let mut t = String::new();
            for _ in 0..n {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for t in &texts {
            let fast: Vec<_> = tokenize(t, 0)
                .iter()
                .map(|k| (k.text.to_string(), k.start, k.end, k.is_word))
                .collect();
            assert_eq!(fast, tokenize_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn offsets_are_bytes_plus_base() {
        let t = tokenize("é x", 10);
        assert_eq!((t[1].start, t[1].end), (13, 14));
    }

    #[test]
    fn lower_agrees_with_lowercasing() {
        for w in [
            "said",
            "Said",
            "U.S.",
            "DON’T",
            "Ölkrise",
            "ΟΔΟΣ",
            "",
            "A-very-long-hyphenated-word-indeed-yes",
            "“We Will NOT pay,” Said İlker Ärtz in ΑΘΉΝΑ and KΣ.",
            "“We Will NOT pay,” Said İlker Ärtz in ΑΘΉΝΑ.",
        ] {
            assert_eq!(Lower::word(w).as_str(), normalize_word(w), "{w}");
            assert_eq!(Lower::of(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert!(matches!(Lower::word("said"), Lower::Same(_)));
    }

    #[test]
    fn tokens_lowered_from_the_text_agree_with_lowering_each() {
        for s in [
            "“We Will NOT pay,” Said Ölkrise Ärtz in ΑΘΉΝΑ.",
            "DON’T ’tis O’Brien’s U.S. Flores-Macías — 3½ ’",
            "plain words, nothing else",
        ] {
            let lower = lowercase_in_place_of(s).expect("lowers in place");
            let by_text = tokenize_lowered(s, Some(&lower), 0);
            let alone = tokenize(s, 0);
            assert_eq!(by_text.len(), alone.len(), "{s}");
            for (t, u) in by_text.iter().zip(&alone) {
                assert_eq!(
                    (t.text, t.lower().as_str()),
                    (u.text, normalize_word(u.text).as_str()),
                    "{s}"
                );
            }
            // Most are borrowed from the lowered text, not lowered again.
            assert!(by_text.iter().any(|t| matches!(t.lower(), Lower::Same(_))));
        }
    }

    #[test]
    fn a_lowercase_of_other_char_boundaries_is_not_sliced() {
        // Same length, but "é" is two bytes where "bc" is two characters:
        // a token's bounds are no bounds of this lowercase.
        let tokens = tokenize_lowered("Aé Bé", Some("abc dbc"), 0);
        let lowered: Vec<String> = tokens.iter().map(|t| t.lower().as_str().to_owned()).collect();
        assert_eq!(lowered, ["aé", "bé"]);
        // Nor one where a token's bounds would cut a character in two.
        let tokens = tokenize_lowered("a,b", Some("éb"), 0);
        let lowered: Vec<String> = tokens.iter().map(|t| t.lower().as_str().to_owned()).collect();
        assert_eq!(lowered, ["a", ",", "b"]);
        // One of the same boundaries is used.
        let tokens = tokenize_lowered("Aé Bé", Some("xé yé"), 0);
        let lowered: Vec<String> = tokens.iter().map(|t| t.lower().as_str().to_owned()).collect();
        assert_eq!(lowered, ["xé", "yé"]);
    }

    #[test]
    fn word_counts() {
        for (s, n) in [
            ("", 0),
            ("don't stop", 2),
            ("' - '", 0),
            ("a1 b2, c3!", 3),
            ("’tis ’", 1),
            ("Café au lait, s'il vous plaît — 3½ × déjà-vu", 9),
            ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one", 22),
        ] {
            assert_eq!(word_count(s), n, "{s}");
        }
        // Capped counts stop at the cap, however long the line.
        let long = "word ".repeat(100);
        for cap in [0, 1, 5, 31, 32, 33, 41, 100, 200] {
            assert_eq!(word_count_upto(&long, cap), cap.min(100), "cap {cap}");
        }
        // Every cap agrees with the full count, over mixed scripts.
        for (s, n) in [
            ("Café au lait, s'il vous plaît — 3½ × déjà-vu", 9),
            ("’tis ’ ok", 2),
            ("a’b 'c' d'' e", 4),
        ] {
            assert_eq!(word_count(s), n, "{s}");
            for cap in 0..n + 2 {
                assert_eq!(word_count_upto(s, cap), n.min(cap), "{s} cap {cap}");
            }
        }
    }

    #[test]
    fn notable_bytes_are_found_wherever_they_are() {
        let text = "plain prose, then a “curly” mark and a 'straight' one";
        let b = text.as_bytes();
        let slow = |i: usize| (i..b.len()).find(|&j| b[j] >= 0x80 || b[j] == b'\'').unwrap_or(b.len());
        for i in 0..=b.len() {
            assert_eq!(next_notable(b, i, b"'"), slow(i), "from {i}");
        }
        assert_eq!(next_notable(b"no marks at all here", 0, b"\"'"), 20);
    }

    #[test]
    fn whole_text_lowercase_slices_as_each_slice_lowercased() {
        let text = "“We Will NOT pay,” Said Ärtz in ÖLKRISE — ça va, François?\nNext LINE é";
        let lower = lowercase_in_place_of(text).expect("same lengths");
        assert_eq!(lower, text.to_lowercase());
        for (a, _) in text.char_indices() {
            for (z, _) in text[a..].char_indices() {
                assert_eq!(&lower[a..a + z], text[a..a + z].to_lowercase());
            }
        }
        assert_eq!(lowercase_in_place_of("İstanbul"), None);
        assert_eq!(lowercase_in_place_of("ΟΔΟΣ"), None);
    }

    #[test]
    fn abbreviations() {
        assert!(is_abbreviation("Mr."));
        assert!(is_abbreviation("A."));
        assert!(!is_abbreviation("happen."));
    }
}
