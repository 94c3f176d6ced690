//! Markdown: front matter (`---` / `key: value` lines / `---` at the top)
//! and the body as plain text, without its markup.

use super::SourceMeta;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The body as text: "*Merrow Star*" as "Merrow Star", "[the report](url)"
/// as "the report", each paragraph, heading and list item a paragraph of
/// its own; images, raw HTML and link targets are left out.
pub fn plain_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_image = 0usize;
    let end_block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for event in Parser::new(body) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            // Lines stay lines, as in plain text: a site's link lists
            // ("Popular" then a headline a line) are told apart by them.
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            )
            | Event::Rule => end_block(&mut out),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Whether `file` is named as Markdown.
pub fn is_markdown(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    [".md", ".markdown", ".mdown", ".mkd"]
        .iter()
        .any(|e| lower.ends_with(e))
}

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
    fn markup_is_left_out_and_blocks_stay_paragraphs() {
        let body = "# A heading\n\nBack on the *Merrow Star*, **Salo** read [the report](http://x.y).\nIt ran on.\n\n![a photo](p.jpg)\n\n- one item\n- “Quoted,” he said.\n\n> A block quote\n";
        assert_eq!(
            plain_text(body),
            "A heading\n\nBack on the Merrow Star, Salo read the report.\nIt ran on.\n\none item\n\n“Quoted,” he said.\n\nA block quote\n"
        );
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        assert_eq!(front_matter("---\ntitle: x\nbody").1, 0);
    }
}
