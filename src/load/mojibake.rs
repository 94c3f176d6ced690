//! Mojibake repair: UTF-8 text that was once decoded as Windows-1252 (or
//! Windows-874, as seed-like copies show: `โ€˜` for `‘`) and saved again.
//! Each suspicious run of characters is mapped back to the bytes it came
//! from and decoded as UTF-8; a sequence is replaced only when those bytes
//! are valid UTF-8 for a plausible character, so real accented or Thai text
//! is left alone.

use std::borrow::Cow;

use encoding_rs::{WINDOWS_1252, WINDOWS_874};

/// The byte a character had under Windows-1252 or Windows-874, when it is
/// one of the high bytes (0x80..=0xFF) that UTF-8 sequences are made of.
fn high_byte(c: char, thai: bool) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    // Bytes with no mapping survive as the C1 control of the same value.
    if ('\u{80}'..='\u{9F}').contains(&c) {
        return Some(c as u32 as u8);
    }
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    let encodings = if thai {
        &[WINDOWS_1252, WINDOWS_874][..]
    } else {
        &[WINDOWS_1252][..]
    };
    for enc in encodings {
        let (bytes, _, unmappable) = enc.encode(s);
        if !unmappable && bytes.len() == 1 && bytes[0] >= 0x80 {
            return Some(bytes[0]);
        }
    }
    None
}

/// Characters that a mis-decoded UTF-8 sequence plausibly stood for, by
/// its lead byte: what English news garbles is Latin-1 letters and signs
/// (`Ã©`, `Â»`), Latin, Greek and Cyrillic names (`Å‚`, `È™`, `á»…`,
/// `Î±`, `Ð¸`),
/// punctuation and signs (`â€™`) and emoji (`ðŸ˜€`). Real text has other
/// leads before such characters: "é" then a no-break space and "»" spell a
/// CJK character, "É" then "”" an IPA letter; those are left as written.
fn plausible(c: char, lead: u8, lead_was_thai: bool) -> bool {
    if c.is_control() {
        return false;
    }
    if lead_was_thai {
        // A Thai lead letter is also real Thai text; only accept what
        // such copies actually garble: punctuation, currency and Latin
        // letters.
        return matches!(c as u32, 0xA0..=0x24F | 0x2010..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x214F);
    }
    match lead {
        0xC2..=0xC5 | 0xCE..=0xD1 | 0xE2 | 0xF0 => true,
        // Latin Extended-B ("È™" for ș), not the IPA letters after it.
        0xC6..=0xC9 => (c as u32) <= 0x24F,
        // Latin Extended Additional ("á»…" for ễ).
        0xE1 => ('\u{1E00}'..='\u{1EFF}').contains(&c),
        // A byte-order mark or replacement character garbled ("ï»¿", "ï¿½").
        0xEF => matches!(c, '\u{FEFF}' | '\u{FFFD}'),
        _ => false,
    }
}

/// True when the text shows the tell-tale signs worth a repair pass.
fn suspicious(text: &str) -> bool {
    // Each of these begins with byte C3 or E0: most texts have neither,
    // and bytes are looked at much faster than characters (profiled). Only
    // the bytes after each such lead are read: "á" (C3 A1) in a name had
    // every character of the article decoded.
    let b = text.as_bytes();
    memchr::memchr2_iter(0xC3, 0xE0, b).any(|i| match (b[i], b.get(i + 1), b.get(i + 2)) {
        // Ã Â â Å Ä Î Ð Ñ
        (0xC3, Some(0x83 | 0x82 | 0xA2 | 0x85 | 0x84 | 0x8E | 0x90 | 0x91), _) => true,
        // U+0E42
        (0xE0, Some(0xB9), Some(0x82)) => true,
        _ => false,
    })
}

/// Repairs mojibake in `text`; returns the repaired text and the number of
/// sequences fixed (0 means `text` is returned unchanged).
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    if !suspicious(text) {
        return (Cow::Borrowed(text), 0);
    }
    // Windows-874 mapping only when its signature (โ€ = E2 80, the start of
    // typographic punctuation) is present: Thai letters are real text otherwise.
    let thai = text.contains("\u{E42}\u{20AC}");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut fixed = 0;
    let mut i = 0;
    while i < chars.len() {
        if let Some((c, used)) = decode_at(&chars[i..], thai) {
            out.push(c);
            fixed += 1;
            i += used;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if fixed == 0 {
        return (Cow::Borrowed(text), 0);
    }
    (Cow::Owned(out), fixed)
}

/// Decodes one UTF-8 sequence spelled by the characters at the start of
/// `chars`, if they spell one.
fn decode_at(chars: &[char], thai: bool) -> Option<(char, usize)> {
    // Lead bytes 0xC2..=0xF4 read as "Â".."ô" in Windows-1252 (the same
    // code points) or as Thai letters: anything else is passed over
    // without asking the encoders.
    let c = chars[0];
    if !(('\u{C2}'..='\u{F4}').contains(&c) || thai && ('\u{E00}'..='\u{E7F}').contains(&c)) {
        return None;
    }
    let lead = high_byte(c, thai)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    if chars.len() < len {
        return None;
    }
    let mut bytes = [0u8; 4];
    bytes[0] = lead;
    for k in 1..len {
        let b = high_byte(chars[k], thai)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes[k] = b;
    }
    let s = std::str::from_utf8(&bytes[..len]).ok()?;
    let c = s.chars().next()?;
    let lead_was_thai = ('\u{E00}'..='\u{E7F}').contains(&chars[0]);
    plausible(c, lead, lead_was_thai).then_some((c, len))
}

#[cfg(test)]
mod tests {
    use super::{repair, suspicious};

    #[test]
    fn suspicious_reads_bytes_as_the_characters_it_looks_for() {
        let by_chars = |t: &str| t.contains(['Ã', 'Â', 'â', 'Å', 'Ä', 'Î', 'Ð', 'Ñ', '\u{E42}']);
        for t in [
            "",
            "plain",
            "Várkonyi “said”",
            "Ã",
            "xÂy",
            "â€™",
            "Å",
            "Ä",
            "Î",
            "Ð",
            "Ñ",
            "\u{E42}",
            "\u{E41}",
            "á é í ó ú à ç",
            "ÃÂ",
            "\u{E00}",
        ] {
            assert_eq!(suspicious(t), by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn windows_1252_mojibake_is_repaired() {
        assert_eq!(
            repair("Itâ€™s â€œdoneâ€\u{9D} in SÃ£o Paulo").0,
            "It’s “done” in São Paulo"
        );
        assert_eq!(
            repair("Å‚ódź, Î±, Ð¸, ðŸ˜€, Â£5, IaÈ™i, Nguyá»…n, ï¿½").0,
            "łódź, α, и, 😀, £5, Iași, Nguyễn, \u{FFFD}"
        );
    }

    #[test]
    fn windows_874_mojibake_is_repaired() {
        let (t, n) = repair("is not \u{E42}\u{20AC}\u{2DC}sustainable\u{E42}\u{20AC}\u{2122}");
        assert_eq!(t, "is not ‘sustainable’");
        assert_eq!(n, 2);
    }

    #[test]
    fn real_text_is_left_alone() {
        for s in [
            "Café déjà vu, naïve Ångström",
            "ภาษาไทย โรงเรียน",
            "Ça va? «Oui»",
            "â la carte",
            // Each also has a lead that turns the repair on (â, Ä), and an
            // accented letter before characters that are high bytes in
            // Windows-1252, which spelt valid UTF-8.
            "Le château… « C'est la liberté\u{A0}», a-t-il dit.",
            "â: JOSÉ” he said",
            "Ärzte: „Das ist groß“",
        ] {
            assert_eq!(repair(s), (s.into(), 0), "{s}");
        }
    }
}
