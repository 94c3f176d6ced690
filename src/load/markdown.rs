//! Markdown front matter: `---` / `key: value` lines / `---` at the top.

use super::SourceMeta;

/// Parses front matter at the start of `text`; returns the metadata and the
/// byte length of the block (0 when there is none).
pub fn front_matter(text: &str) -> (SourceMeta, usize) {
    let mut meta = SourceMeta::default();
    let Some(rest) = text.strip_prefix("---\n") else {
        return (meta, 0);
    };
    let mut offset = 4;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim();
        if line == "---" || line == "..." {
            return (meta, offset);
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => &mut meta.title,
            "date" | "published" | "pubdate" | "publishedat" => &mut meta.date,
            "outlet" | "source" | "publisher" | "site" => &mut meta.outlet,
            "author" | "byline" | "by" => &mut meta.byline,
            _ => continue,
        };
        *slot = Some(value.to_string());
    }
    // No closing fence: not front matter after all.
    (SourceMeta::default(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_keys_and_block_length() {
        let text = "---\ntitle: \"A title\"\ndate: 2026-03-01\noutlet: The Ledger\n---\nBody";
        let (m, n) = front_matter(text);
        assert_eq!(m.title.as_deref(), Some("A title"));
        assert_eq!(m.date.as_deref(), Some("2026-03-01"));
        assert_eq!(m.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(&text[n..], "Body");
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        assert_eq!(front_matter("---\ntitle: x\nbody").1, 0);
    }
}
