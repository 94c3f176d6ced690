//! Decoding: bytes to text. UTF-8 with or without BOM, UTF-16 with BOM,
//! legacy encodings (declared or detected); mojibake repaired; controls and
//! escapes removed; binary, empty and oversized files refused.

use super::discover::io_reason;
use super::mojibake;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;
use std::io::Read;

/// Reads `file` whole, refusing it when it is larger than `max_bytes`;
/// `Err` carries the one-line reason.
pub fn read_bytes(file: &str, max_bytes: u64) -> Result<Vec<u8>, String> {
    if file == super::discover::STDIN {
        return read_stdin(max_bytes);
    }
    // Discovery refuses a FIFO named on the command line, which would wait
    // here for a writer ([`super::discover::discover`]).
    let mut f = std::fs::File::open(file).map_err(|e| io_reason(&e))?;
    let meta = f.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a folder".into());
    }
    // FIFOs, sockets and devices would block or never end.
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let len = meta.len();
    if len > max_bytes {
        return Err(too_big(len, max_bytes));
    }
    let Ok(room) = usize::try_from(len.saturating_add(1)) else {
        return Err(format!("file is {len} bytes, more than this machine can hold"));
    };
    // Room for a byte more than measured, so that one read tells a file
    // still as measured (it fills all but that byte) from one that grew;
    // reading to the end instead asks the kernel a second time for the
    // end of every file.
    let mut bytes = vec![0; room];
    let mut filled = 0;
    while filled < bytes.len() {
        match f.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_reason(&e)),
        }
        if filled as u64 == len {
            break;
        }
    }
    bytes.truncate(filled);
    if filled as u64 > len {
        // It grew since it was measured: the rest, up to the limit.
        (&mut f)
            .take(max_bytes.saturating_add(1).saturating_sub(filled as u64))
            .read_to_end(&mut bytes)
            .map_err(|e| io_reason(&e))?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

/// Standard input, to its end, up to the limit (a byte more tells it went
/// over, without holding the rest).
fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "standard input is over the {} MiB limit (raise it with --max-size)",
            max_bytes / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

fn too_big(len: u64, max_bytes: u64) -> String {
    format!(
        "file is {:.1} MiB, over the {} MiB limit (raise it with --max-size)",
        // Rounded up, so that a file just over the limit is not said to be
        // at it.
        (len as f64 * 10.0 / (1024.0 * 1024.0)).ceil() / 10.0,
        max_bytes / (1024 * 1024)
    )
}

/// Reads `file` and decodes it (see [`decode_bytes`]).
pub fn read_text(file: &str, max_bytes: u64) -> Result<(String, Vec<String>), String> {
    decode_owned(read_bytes(file, max_bytes)?, None)
}

/// Decodes bytes to clean text. A byte-order mark (UTF-8, UTF-16) decides;
/// else valid UTF-8 is UTF-8; else the encoding the document declares
/// (`declared`, e.g. an HTML meta charset); else chardetng's guess, with a
/// warning. Mojibake is repaired and control and escape sequences removed,
/// each with a warning. Empty and binary input is refused.
pub fn decode_bytes(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<(String, Vec<String>), String> {
    decode_owned(bytes.to_vec(), declared)
}

/// [`decode_bytes`] of bytes the caller gives up: valid UTF-8 becomes the
/// text without a copy (copying every file read, and allocating for it,
/// was 0.3% of a 100k-article `extract`'s CPU; perf).
pub fn decode_owned(bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Result<(String, Vec<String>), String> {
    let (text, mut warnings, controls) = decode_counting_controls(bytes, declared)?;
    if controls > 0 {
        warnings.push(controls_removed(controls));
    }
    Ok((text, warnings))
}

/// [`decode_owned`] with the control characters and escape sequences it
/// removed counted apart, not yet said: a caller that removes more after
/// parsing says them all in one warning ([`controls_removed`]).
pub fn decode_counting_controls(
    bytes: Vec<u8>,
    declared: Option<&'static Encoding>,
) -> Result<(String, Vec<String>, usize), String> {
    let mut warnings = Vec::new();
    let text = if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            warnings.push(format!("invalid {} sequences replaced", enc.name()));
        }
        text.into_owned()
    } else if let Some(enc) = utf16_unmarked(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
        warnings.push(format!("no byte-order mark; decoded as {}", enc.name()));
        if had_errors {
            warnings.push(format!("invalid {} sequences replaced", enc.name()));
        }
        text.into_owned()
    } else {
        if looks_binary(&bytes) {
            return Err("binary file, not text".into());
        }
        match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                let bytes = e.into_bytes();
                let enc = declared.unwrap_or_else(|| guess(&bytes));
                let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
                if enc == UTF_8 || had_errors {
                    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
                    warnings.push(format!(
                        "not valid {}: {bad} invalid byte sequence(s) replaced",
                        enc.name()
                    ));
                } else {
                    warnings.push(format!("not UTF-8; decoded as {}", enc.name()));
                }
                text.into_owned()
            }
        }
    };
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    // Each step copies the text only when it changes it.
    let text = changed_by(text, mojibake::repair, &mut warnings, |n| {
        format!("{n} mis-decoded character(s) (mojibake) repaired")
    });
    let text = normalize_newlines(text);
    let (text, controls) = match strip_controls(&text) {
        (Cow::Owned(clean), n) => (clean, n),
        (Cow::Borrowed(_), _) => (text, 0),
    };
    Ok((text, warnings, controls))
}

/// The warning for `n` control characters or escape sequences removed.
pub fn controls_removed(n: usize) -> String {
    format!("{n} control or escape sequence(s) removed")
}

/// `text` after `step`, with a warning saying how much it changed.
fn changed_by(
    text: String,
    step: impl for<'a> FnOnce(&'a str) -> (Cow<'a, str>, usize),
    warnings: &mut Vec<String>,
    warning: impl FnOnce(usize) -> String,
) -> String {
    let changed = match step(&text) {
        (Cow::Owned(new), n) => Some((new, n)),
        (Cow::Borrowed(_), _) => None,
    };
    match changed {
        Some((new, n)) => {
            warnings.push(warning(n));
            new
        }
        None => text,
    }
}

/// chardetng's guess for bytes that are not UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The encoding an HTML or XML document declares in its first kilobytes
/// (`<meta charset=...>`, `content="...; charset=..."`, `<?xml encoding=...?>`).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head
        .find("charset=")
        .map(|i| i + 8)
        .or_else(|| head.find("encoding=").map(|i| i + 9))?;
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// A character no displayed or exported string may hold: C0 controls
/// other than newline and tab, C1 controls, and bidi overrides.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds an [`is_unsafe_char`], read byte by byte: C0
/// controls but newline and tab, DEL, C1 controls (C2 80..9F) and bidi
/// controls (E2 80 AA..AE, E2 81 A6..A9). Curly quotes share the E2 lead
/// byte, so the two after it decide.
fn has_unsafe_char(text: &str) -> bool {
    let b = text.as_bytes();
    // Thirty-two bytes at a time, each with the byte after it, by a test
    // the compiler turns into vector instructions: a control, DEL, C2 then
    // 80..9F, or 80/81 then A6..AE (the last two bytes of a bidi control).
    // Only a block that passes is read char by char, from two bytes back,
    // where a bidi control cut by the block's start begins. Eight
    // printable ASCII bytes at a time stopped at every newline and curly
    // quote, and cost 2.7% of extraction (callgrind).
    const BLOCK: usize = 32;
    let suspect = |x: u8, y: u8| {
        (x < 0x20 && x != b'\n' && x != b'\t')
            | (x == 0x7F)
            | (x == 0xC2 && (0x80..=0x9F).contains(&y))
            | ((x == 0x80 || x == 0x81) && (0xA6..=0xAE).contains(&y))
    };
    let unsafe_from = |from: usize, to: usize| (from.saturating_sub(2)..to).any(|i| unsafe_at(b, i));
    let mut from = 0;
    while from + BLOCK < b.len() {
        let here: &[u8; BLOCK] = b[from..from + BLOCK].try_into().expect("a block");
        let next: &[u8; BLOCK] = b[from + 1..from + 1 + BLOCK].try_into().expect("a block");
        let any = (0..BLOCK).fold(false, |any, k| any | suspect(here[k], next[k]));
        if any && unsafe_from(from, from + BLOCK) {
            return true;
        }
        from += BLOCK;
    }
    unsafe_from(from, b.len())
}

/// Whether an [`is_unsafe_char`] starts at byte `i` of `b` (valid UTF-8).
fn unsafe_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\n' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    }
}

/// Non-zero when a byte of `w` is below a space (an ASCII control), like
/// [`crate::text::zero_bytes`]: a lane may be set above a true one, never
/// when there is none.
fn below_space(w: u64) -> u64 {
    use crate::text::{HIGH, ONES};
    w.wrapping_sub(ONES * 0x20) & !w & HIGH
}

/// Removes what could drive a terminal or reorder text: ANSI/OSC escape
/// sequences, C0 controls other than newline and tab, C1 controls and bidi
/// overrides. Returns the clean text and how many were removed.
pub fn strip_controls(text: &str) -> (Cow<'_, str>, usize) {
    if !has_unsafe_char(text) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1B}' {
            removed += 1;
            match chars.peek() {
                // CSI: parameters then one final byte in @..~
                Some('[') => {
                    chars.next();
                    while let Some(&d) = chars.peek() {
                        chars.next();
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                // OSC: up to BEL or ESC \
                Some(']') => {
                    chars.next();
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' {
                            break;
                        }
                        if d == '\u{1B}' {
                            chars.next_if_eq(&'\\');
                            break;
                        }
                    }
                }
                Some(_) => {
                    chars.next();
                }
                None => {}
            }
        } else if is_unsafe_char(c) {
            removed += 1;
        } else {
            out.push(c);
        }
    }
    (Cow::Owned(out), removed)
}

/// UTF-16 without a byte-order mark (as some Windows tools write it),
/// told by its first 8 KiB: text in a Latin script has a zero in every
/// other byte, the high half of each character, and almost none in the
/// others. Binary data whose zeros fall so is told by what it decodes to.
fn utf16_unmarked(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    memchr::memchr(0, head)?;
    let pairs = head.len() / 2;
    let zeros = |half: usize| head.iter().skip(half).step_by(2).filter(|&&b| b == 0).count();
    let (first, second) = (zeros(0), zeros(1));
    let enc = if second * 2 >= pairs && first * 100 <= pairs {
        encoding_rs::UTF_16LE
    } else if first * 2 >= pairs && second * 100 <= pairs {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, _) = enc.decode_without_bom_handling(head);
    let chars = text.chars().count();
    let controls = text
        .chars()
        .filter(|&c| c < ' ' && !matches!(c, '\n' | '\r' | '\t' | '\u{C}' | '\u{1B}'))
        .count();
    (controls * 10 <= chars).then_some(enc)
}

/// NUL bytes, or many control bytes, in the first 8 KiB mean binary data;
/// but for a stray NUL or two in UTF-8 text (one in a thousand bytes at
/// most), removed with the other control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        let nuls = memchr::memchr_iter(0, head).count();
        // Cut at 8 KiB, the head may end inside a character.
        let utf8 = std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true);
        if !utf8 || nuls * 1000 > head.len().max(1000) {
            return true;
        }
    }
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B);
    // Eight bytes at a time: most words of a text hold no byte below a
    // space, and this looked at every byte of every file (profiled).
    let mut chunks = head.chunks_exact(8);
    let mut controls = 0;
    for chunk in chunks.by_ref() {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if below_space(w) != 0 {
            controls += chunk.iter().filter(|b| is_control(b)).count();
        }
    }
    controls += chunks.remainder().iter().filter(|b| is_control(b)).count();
    controls * 10 > head.len()
}

/// CRLF and lone CR become LF, so offsets and paragraphs agree everywhere.
fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_verdict_by_words_as_by_bytes() {
        let by_bytes = |b: &[u8]| {
            let head = &b[..b.len().min(8192)];
            let controls = head
                .iter()
                .filter(|&&x| x < 0x20 && !matches!(x, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
                .count();
            head.contains(&0) || controls * 10 > head.len()
        };
        // Control bytes at every lane of a word and in the tail, around
        // the one-in-ten threshold, and bytes above 0x80 beside them.
        for len in [1, 7, 8, 9, 15, 16, 33, 80, 8200] {
            for step in [3, 5, 9, 10, 11, 13] {
                let b: Vec<u8> = (0..len)
                    .map(|i| match i % step {
                        0 => 0x01,
                        1 => 0xE2,
                        2 => b'\n',
                        _ => b'a',
                    })
                    .collect();
                assert_eq!(looks_binary(&b), by_bytes(&b), "len {len} step {step}");
            }
        }
    }

    #[test]
    fn unsafe_chars_found_by_bytes_as_by_chars() {
        for s in [
            "plain",
            "“curly” ‘quotes’ — dash… €",
            "tab\tand\nnewline",
            "bell\u{7}",
            "esc\u{1B}[31m",
            "del\u{7F}",
            "c1\u{85}",
            "nbsp\u{A0}é",
            "bidi\u{202E}",
            "isolate\u{2068}",
            "near\u{2069}x\u{206A}",
            "\u{2029}\u{202F}",
            "cr\r",
        ] {
            assert_eq!(has_unsafe_char(s), s.chars().any(is_unsafe_char), "{s:?}");
        }
    }

    #[test]
    fn unsafe_chars_are_found_at_every_offset_of_a_block() {
        // Each kind, at each offset around the 32-byte blocks, the three
        // bytes of a bidi control split between two blocks too.
        for bad in ["\u{7}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}"] {
            for at in 0..70 {
                let text = format!("{}{bad}{}", "a".repeat(at), "“é”\n".repeat(3));
                assert!(has_unsafe_char(&text), "{bad:?} at {at}");
                let fine = format!("{}“é” — ‘x’\t\n\u{A0}\u{2029}{}", "a".repeat(at), "b".repeat(at));
                assert!(!has_unsafe_char(&fine), "{at}");
            }
        }
    }

    #[test]
    fn bom_is_dropped_and_crlf_normalised() {
        let (t, w) = decode_bytes(b"\xEF\xBB\xBFHello\r\nworld", None).unwrap();
        assert_eq!(t, "Hello\nworld");
        assert!(w.is_empty());
    }

    #[test]
    fn broken_utf8_is_replaced_with_a_warning() {
        let (t, w) = decode_bytes(b"ok \xF0\x9F ok", Some(UTF_8)).unwrap();
        assert_eq!(t, "ok \u{FFFD} ok");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (t, w) = decode_bytes(b"\x93I will not resign,\x94 the mayor said in M\xFCnchen.", None).unwrap();
        assert_eq!(t, "“I will not resign,” the mayor said in München.");
        assert_eq!(w, vec!["not UTF-8; decoded as windows-1252".to_string()]);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("“Yes,” she said.".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_bytes(&utf16, None).unwrap().0, "“Yes,” she said.");
        let latin = decode_bytes(
            b"<meta charset=\"iso-8859-1\"><p>Caf\xE9</p>",
            declared_encoding(b"<meta charset=\"iso-8859-1\">"),
        )
        .unwrap();
        assert!(latin.0.ends_with("Café</p>"));
    }

    #[test]
    fn escapes_and_controls_are_removed() {
        let (t, w) = decode_bytes(
            b"\x1b[2J\x1b]0;evil\x07Hello\x1b[31m red\x1b[0m \xe2\x80\xae!\x08",
            None,
        )
        .unwrap();
        assert_eq!(t, "Hello red !");
        assert_eq!(w, vec!["6 control or escape sequence(s) removed".to_string()]);
    }

    #[test]
    fn files_are_read_whole_at_every_size_and_refused_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 2, 4095, 4096, 4097, 65_536, 200_001] {
            let path = dir.path().join(format!("{len}.txt"));
            let bytes: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            std::fs::write(&path, &bytes).unwrap();
            let file = path.to_str().unwrap();
            assert_eq!(read_bytes(file, len as u64).unwrap(), bytes, "{len} bytes");
            assert_eq!(read_bytes(file, u64::MAX).unwrap(), bytes, "{len} bytes");
            if len > 0 {
                assert!(read_bytes(file, len as u64 - 1).unwrap_err().contains("over the"));
            }
        }
        assert_eq!(
            read_bytes(dir.path().to_str().unwrap(), 100).unwrap_err(),
            "is a folder"
        );
        // A byte over the limit is not said to be at it.
        let mib = 1024 * 1024;
        assert!(too_big(64 * mib + 1, 64 * mib).starts_with("file is 64.1 MiB, over the 64 MiB limit"));
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode_bytes(b"  \n", None).unwrap_err(), "empty file");
        assert!(decode_bytes(b"\x7fELF\x00\x01\x02", None)
            .unwrap_err()
            .contains("binary"));
        // Little numbers, two bytes each, low half first: zeros where
        // UTF-16 text would have them, but they decode to controls.
        let shorts: Vec<u8> = (0..4000u16).flat_map(|i| (i % 20).to_le_bytes()).collect();
        assert!(decode_bytes(&shorts, None).unwrap_err().contains("binary"));
        // NULs in every thousand bytes or more, in text: binary still.
        let nuls = "word ".repeat(300).replace("word word", "word\0word");
        assert!(decode_bytes(nuls.as_bytes(), None).unwrap_err().contains("binary"));
    }

    /// UTF-16 written without a byte-order mark is read, high half first
    /// or second, with a warning; a stray NUL in UTF-8 text is removed
    /// with the other controls, not taken for binary data.
    #[test]
    fn unmarked_utf16_and_a_stray_nul_are_read_as_text() {
        let text = "Harbour vote\n\n“We will count every vote,” Mayor Ana Brook said.\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let (read, warnings) = decode_bytes(&bytes, None).unwrap();
            assert_eq!(read, text);
            assert_eq!(warnings, [format!("no byte-order mark; decoded as {name}")]);
        }
        let stray = format!("{}\0{}", "The council met. ".repeat(80), text);
        let (read, warnings) = decode_bytes(stray.as_bytes(), None).unwrap();
        assert_eq!(read, stray.replace('\0', ""));
        assert_eq!(warnings, [controls_removed(1)]);
    }
}
