//! Markdown: front matter (`---` / `key: value` lines / `---` at the top)
//! and the body as plain text, without its markup.

use super::SourceMeta;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::fmt::Write;

/// The body as text: "*Merrow Star*" as "Merrow Star", "[the report](url)"
/// as "the report", each paragraph, heading and list item a paragraph of
/// its own, ordered items with their numbers ("1999. That was …" parses
/// as one); images and link targets are left out, and raw HTML keeps its
/// text without its tags.
pub fn plain_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_image = 0usize;
    // The next number of each open list (None: bulleted).
    let mut lists: Vec<Option<u64>> = Vec::new();
    for event in Parser::new_ext(body, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) => push_html_text(&mut out, &t),
            // Lines stay lines, as in plain text: a site's link lists
            // ("Popular" then a headline a line) are told apart by them.
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(first)) => {
                end_block(&mut out);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                end_block(&mut out);
            }
            Event::Start(Tag::Item) => {
                end_block(&mut out);
                if let Some(Some(n)) = lists.last_mut() {
                    let _ = write!(out, "{n}. ");
                    *n += 1;
                }
            }
            // A block starts and ends a paragraph: in a tight list an
            // item's text and a list nested in it have no paragraph of
            // their own.
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Table(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
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

/// Ends the paragraph being written, if any, with a blank line.
fn end_block(out: &mut String) {
    out.truncate(out.trim_end_matches([' ', '\n']).len());
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

/// Raw HTML in Markdown ("<p>“We will fight,” she said.</p>") keeps its
/// text: tags are dropped, a line break or a block tag breaks the text,
/// and a "<" that opens no tag ("<3", "a < b") is text.
fn push_html_text(out: &mut String, html: &str) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| is_tag) {
            Some(close) => {
                let name: String = after[..close]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                match name.as_str() {
                    "br" => out.push('\n'),
                    "p" | "div" | "li" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => end_block(out),
                    _ => {}
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Whether `file` is named as Markdown (the extensions folders are
/// searched for, [`super::discover`]).
pub fn is_markdown(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
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
        if line.trim() == "---" || line.trim() == "..." {
            return (meta, offset);
        }
        // YAML's lines: "key: value", a list item or continuation under
        // one, a comment. Anything else is text after a rule ("---" then
        // "“We will build it,” she said."), not front matter.
        // A key is a few words, plain or in straight quotes ("Published
        // at", "og:title"), then a colon and a space or the line's end.
        let yaml_line = line.trim().is_empty()
            || line.starts_with([' ', '\t', '-', '#'])
            || line
                .split_once(": ")
                .or_else(|| line.trim_end().strip_suffix(':').map(|k| (k, "")))
                .is_some_and(|(key, _)| {
                    let key = key.trim_matches(['"', '\'']);
                    !key.is_empty()
                        && key.len() <= 40
                        && key.split(' ').count() <= 4
                        && key
                            .chars()
                            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | ':' | '.'))
                });
        if !yaml_line {
            return (SourceMeta::default(), 0);
        }
        let line = line.trim();
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

    /// Text between two rules is no front matter, nor is it dropped.
    #[test]
    fn only_yaml_lines_make_front_matter() {
        let text = "---\n“We will build it,” Mayor Varga said.\n...\nMore text";
        assert_eq!(front_matter(text).1, 0);
        let text =
            "---\ntitle: A title\ntags:\n  - water\n# a comment\nPublished at: 2024-05-01\n\"og:title\": x\n---\nBody";
        let (m, n) = front_matter(text);
        assert_eq!((m.title.as_deref(), &text[n..]), (Some("A title"), "Body"));
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
    fn nested_lists_numbers_html_and_tables_keep_their_words_apart() {
        let body = "- Popular\n  - [Story one](u)\n  - Story two\n\n1999. That was the year.\n\n<p>“We will fight,” she said.</p>\n\nline one<br>line two, 3 <4\n\n| a | b |\n|---|---|\n| c | d |\n";
        assert_eq!(
            plain_text(body),
            "Popular\n\nStory one\n\nStory two\n\n1999. That was the year.\n\n“We will fight,” she said.\n\nline one\nline two, 3 <4\n\na b\n\nc d\n"
        );
        assert_eq!(plain_text(""), "\n");
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        assert_eq!(front_matter("---\ntitle: x\nbody").1, 0);
    }
}
