//! Decoding: bytes to text. UTF-8 with or without BOM; invalid bytes are
//! replaced with a warning; binary, empty and oversized files are refused.

use super::discover::io_reason;
use std::io::Read;

/// Reads `file` and decodes it; `Err` carries the one-line reason.
pub fn read_text(file: &str, max_bytes: u64) -> Result<(String, Vec<String>), String> {
    let f = std::fs::File::open(file).map_err(|e| io_reason(&e))?;
    let len = f.metadata().map_err(|e| io_reason(&e))?.len();
    if len > max_bytes {
        return Err(format!(
            "file is {} MiB, over the {} MiB limit (raise it with --max-size)",
            len / (1024 * 1024),
            max_bytes / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    decode_bytes(&bytes)
}

/// Decodes bytes already in memory (see [`read_text`]).
pub fn decode_bytes(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if looks_binary(bytes) {
        return Err("binary file, not text".into());
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let bad = s.chars().filter(|&c| c == '\u{FFFD}').count();
            warnings.push(format!("not valid UTF-8: {bad} invalid byte sequence(s) replaced"));
            s
        }
    };
    let (text, removed) = strip_controls(&normalize_newlines(text));
    if removed > 0 {
        warnings.push(format!("{removed} control or escape sequence(s) removed"));
    }
    Ok((text, warnings))
}

/// Removes what could drive a terminal or reorder text: ANSI/OSC escape
/// sequences, C0 controls other than newline and tab, C1 controls and bidi
/// overrides. Returns the clean text and how many were removed.
pub fn strip_controls(text: &str) -> (String, usize) {
    let is_bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(is_bad) {
        return (text.to_string(), 0);
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
        } else if is_bad(c) {
            removed += 1;
        } else {
            out.push(c);
        }
    }
    (out, removed)
}

/// NUL bytes, or many control bytes, in the first 8 KiB mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    controls * 10 > head.len()
}

/// CRLF and lone CR become LF, so offsets and paragraphs agree everywhere.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_crlf_normalised() {
        let (t, w) = decode_bytes(b"\xEF\xBB\xBFHello\r\nworld").unwrap();
        assert_eq!(t, "Hello\nworld");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let (t, w) = decode_bytes(b"caf\xE9 ok").unwrap();
        assert_eq!(t, "caf\u{FFFD} ok");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn escapes_and_controls_are_removed() {
        let (t, w) = decode_bytes(b"\x1b[2J\x1b]0;evil\x07Hello\x1b[31m red\x1b[0m \xe2\x80\xae!\x08").unwrap();
        assert_eq!(t, "Hello red !");
        assert_eq!(w, vec!["6 control or escape sequence(s) removed".to_string()]);
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert_eq!(decode_bytes(b"  \n").unwrap_err(), "empty file");
        assert!(decode_bytes(b"\x7fELF\x00\x01\x02").unwrap_err().contains("binary"));
    }
}
