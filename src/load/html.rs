//! HTML pages saved from a browser: the main text by dom_smoothie (a port of
//! Mozilla's Readability), metadata from `<title>`, OpenGraph and JSON-LD
//! (which dom_smoothie reads too). Fragments of HTML inside feeds and JSON
//! records go through [`to_text`] instead: they are already the article.

use super::SourceMeta;
use dom_smoothie::{Config, Readability, TextMode};

/// The readable text of a page (paragraphs separated by blank lines) and
/// what it says about itself.
pub fn parse(html: &str) -> Result<(String, SourceMeta), String> {
    if nested_too_deep(html) {
        return Err(format!("HTML nested more than {MAX_DEPTH} elements deep: not read"));
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let doc = dom_query::Document::from(html);
    if tree_depth(&doc) > MAX_DEPTH + 10 {
        return Err(format!("HTML nested more than {MAX_DEPTH} elements deep: not read"));
    }
    prune(&doc);
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|e| format!("HTML not readable: {e}"))?;
    match reader.parse() {
        Ok(article) => {
            let meta = SourceMeta {
                title: non_empty(article.title.trim()),
                date: article.published_time.as_deref().and_then(|d| non_empty(d.trim())),
                outlet: article.site_name.as_deref().and_then(|s| non_empty(s.trim())),
                byline: article.byline.as_deref().and_then(|s| non_empty(s.trim())),
                dek: None,
            };
            let text = tidy(&article.text_content);
            if text.trim().is_empty() {
                return Err("HTML page has no readable text".into());
            }
            Ok((text, meta))
        }
        // No main block found: the page's visible text, without its
        // furniture, is better than nothing (not its head: the <title> ran
        // into the first line).
        Err(_) => {
            let doc = dom_query::Document::from(html);
            prune(&doc);
            // The JSON-LD prune keeps for Readability is no text to read.
            doc.select("script").remove();
            let text = tidy(&doc.select("body").formatted_text());
            if text.trim().is_empty() {
                return Err("HTML page has no readable text".into());
            }
            Ok((text, SourceMeta::default()))
        }
    }
}

/// Elements that hold page furniture, never the article.
const FURNITURE_TAGS: &str = "figure, figcaption, aside, nav, footer, form, button, iframe, noscript, dialog";

/// Class or id words that mark furniture: share bars, newsletter boxes,
/// paywall notices, captions and credits, related links, comments, ads.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "paywall",
    "related",
    "comments",
    "comment",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "cookie",
    "cookies",
    "consent",
    "popup",
    "modal",
    "widget",
    "sidebar",
    "disclaimer",
    "caption",
    "credit",
    "credits",
    "footer",
    "nav",
    "navigation",
    "menu",
    "recommended",
    "signup",
    "login",
    "outbrain",
    "taboola",
    "toolbar",
    "banner",
    "addtoany",
    "a2a",
    "teaser",
    "author-box",
    "authorbox",
    "bio",
];

/// Takes the furniture out before Readability scores the page: its own
/// heuristics keep captions, disclaimers and share text that sit inside the
/// article block. A class or id names furniture when it is one of
/// [`FURNITURE_WORDS`] or starts or ends with one (`share-zone`,
/// `post-comments`). Layout wrappers are named that way too
/// (`layout-right-sidebar` around the article), so an element holding a
/// quarter of the page's text or more is never taken out.
fn prune(doc: &dom_query::Document) {
    doc.select(FURNITURE_TAGS).remove();
    // JSON-LD stays: it carries the metadata.
    doc.select("script:not([type='application/ld+json']), style, template")
        .remove();
    let page_len = doc.select("body").text().len().max(1);
    for node in doc.select("body [class], body [id]").nodes().to_vec() {
        if node.is("article, main, body") {
            continue;
        }
        let class = node.attr("class").unwrap_or_default();
        let id = node.attr("id").unwrap_or_default();
        let furniture = class
            .split_whitespace()
            .chain(id.split_whitespace())
            .any(names_furniture);
        if furniture && node.text().len() * 4 < page_len {
            node.remove_from_parent();
        }
    }
}

fn names_furniture(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let first = name.split(['-', '_']).find(|p| !p.is_empty()).unwrap_or("");
    let last = name.rsplit(['-', '_']).find(|p| !p.is_empty()).unwrap_or("");
    FURNITURE_WORDS.contains(&name.as_str()) || FURNITURE_WORDS.contains(&first) || FURNITURE_WORDS.contains(&last)
}

/// The visible text of an HTML fragment, one paragraph per block element.
pub fn to_text(html: &str) -> String {
    if nested_too_deep(html) {
        return tidy(&without_tags(html));
    }
    let doc = dom_query::Document::fragment(html);
    if tree_depth(&doc) > MAX_DEPTH + 10 {
        return tidy(&without_tags(html));
    }
    doc.select("script, style, noscript, template").remove();
    tidy(&doc.formatted_text())
}

/// Deeper than any page is built: the HTML parsers walk the tree by
/// recursion, and a page of 100 000 nested `<div>`s overflowed the stack
/// (after minutes of work that grows with the square of the depth).
const MAX_DEPTH: usize = 500;

/// Whether elements open more than [`MAX_DEPTH`] deep, by a scan of the
/// tags that keeps the open elements as the parser does, near enough: an
/// end tag closes what opened after its element (a stray one closes
/// nothing); a cell, row, list item, paragraph or option closes the one of
/// its kind still open; void elements open nothing, and so does `/>` on an
/// element HTML does not know (SVG's `<path/>`), though not on one it does
/// (`<div/>` opens a div). A "<" not followed by a letter is text, and
/// scripts, styles and comments are passed over whole. [`tree_depth`]
/// checks the parsed tree too, as this scan cannot be the parser exactly.
fn nested_too_deep(html: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    // Elements a new one of the same group closes when still open.
    const SELF_CLOSING_GROUPS: &[&[&str]] = &[&["td", "th", "tr"], &["li"], &["p"], &["dt", "dd"], &["option"]];
    const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];
    let lower = html.to_ascii_lowercase();
    let mut open: Vec<&str> = Vec::new();
    let mut at = 0;
    while let Some(lt) = lower[at..].find('<') {
        let tag = &lower[at + lt + 1..];
        at += lt + 1;
        if let Some(comment) = tag.strip_prefix("!--") {
            // Up to "-->", or "--!>", which parsers take too.
            let mut end = comment.len();
            let mut from = 0;
            while let Some(dashes) = comment[from..].find("--") {
                let after = &comment[from + dashes + 2..];
                if let Some(close) = [">", "!>"].iter().find(|c| after.starts_with(**c)) {
                    end = from + dashes + 2 + close.len();
                    break;
                }
                from += dashes + 1;
            }
            at += 3 + end;
            continue;
        }
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(t) => (true, t),
            None => (false, tag),
        };
        if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = tag
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != ':')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        if closing {
            if let Some(k) = open.iter().rposition(|o| *o == name) {
                open.truncate(k);
            }
            continue;
        }
        if VOID.contains(&name) {
            continue;
        }
        // Up to its '>', or the next '<' where it has none (so that "<a<a<a…"
        // is not read to its end at each).
        let open_tag = &tag[..tag.find(['<', '>']).unwrap_or(tag.len())];
        if open_tag.ends_with('/') && !KNOWN_ELEMENTS.contains(&name) {
            continue;
        }
        if RAW_TEXT.contains(&name) {
            let close = format!("</{name}");
            at += tag.find(&close).map_or(tag.len(), |e| e + close.len());
            continue;
        }
        if let Some(group) = SELF_CLOSING_GROUPS.iter().find(|g| g.contains(&name)) {
            if let Some(k) = open.iter().rposition(|o| group.contains(o)) {
                open.truncate(k);
            }
        }
        open.push(name);
        if open.len() > MAX_DEPTH {
            return true;
        }
    }
    false
}

/// HTML's own elements that hold content: `/>` on one of these is
/// ignored by parsers, so it opens the element all the same.
const KNOWN_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "html",
    "i",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "main",
    "map",
    "mark",
    "menu",
    "meter",
    "nav",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "select",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "template",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "video",
];

/// The depth of the parsed tree, walked without recursion: what the later
/// steps, which recurse, would meet.
fn tree_depth(doc: &dom_query::Document) -> usize {
    let mut deepest = 0;
    let mut depth = 0usize;
    let mut node = Some(doc.root());
    while let Some(n) = node {
        deepest = deepest.max(depth);
        if let Some(child) = n.first_child() {
            depth += 1;
            node = Some(child);
            continue;
        }
        // Up to the nearest ancestor with a next sibling.
        let mut up = Some(n);
        node = None;
        while let Some(u) = up {
            if let Some(next) = u.next_sibling() {
                node = Some(next);
                break;
            }
            up = u.parent();
            depth = depth.saturating_sub(1);
        }
    }
    deepest
}

/// The text of `html` with every tag taken out, for fragments too deep to
/// parse.
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// One paragraph per line with a blank line between, trimmed; runs of
/// spaces collapsed (Readability keeps the page's indentation).
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_nothing_but_furniture_has_no_text() {
        let page = r#"<html><head><title>Menu page</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <script type="application/ld+json">{"@type":"WebPage","name":"Menu page"}</script></body></html>"#;
        assert_eq!(parse(page).unwrap_err(), "HTML page has no readable text");
        // Its title no longer runs into the text found beside the menu.
        let page = r#"<html><head><title>Menu page</title></head><body><nav><a href="/">Home</a></nav><div>“Fine,” she said.</div></body></html>"#;
        let (text, _) = parse(page).unwrap();
        assert_eq!(text, "“Fine,” she said.");
    }

    #[test]
    fn main_text_and_metadata_are_read() {
        let page = r#"<html><head><title>Harbour plan | The Ledger</title>
<meta property="og:title" content="Harbour plan approved">
<meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plan approved</h1>
<p>“We will build it this year,” Mayor Ilse Varga said on Monday, after a long debate in the council.</p>
<p>The opposition leader, Tomas Brandt, said the plan “costs too much” and promised to fight it in the courts.</p>
<p>The council voted nine to four in favour of the plan, which includes a new ferry terminal and a sea wall.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"#;
        let (text, meta) = parse(page).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Harbour plan approved"));
        assert_eq!(meta.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(meta.date.as_deref(), Some("2026-03-02T09:00:00Z"));
        assert!(
            text.contains("“We will build it this year,” Mayor Ilse Varga said on Monday"),
            "{text}"
        );
        assert!(text.contains("\n\nThe opposition leader"));
        assert!(!text.contains("Subscribe") && !text.contains("Home"), "{text}");
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert_eq!(
            to_text("<p>One <b>two</b></p><script>x()</script><p>Three</p>"),
            "One two\n\nThree"
        );
    }

    /// A page nested deeper than any is built is refused at once (it
    /// overflowed the stack); a fragment that deep is read without its tags;
    /// paragraphs left open, however many, are no nesting.
    #[test]
    fn html_nested_too_deep_is_refused_at_once() {
        let deep = |n: usize| {
            format!(
                "<html><body>{}<p>“Deep,” said Dee Per.</p>{}</body></html>",
                "<div>".repeat(n),
                "</div>".repeat(n)
            )
        };
        assert!(parse(&deep(200)).unwrap().0.contains("“Deep,” said Dee Per."));
        assert_eq!(
            parse(&deep(100_000)).unwrap_err(),
            "HTML nested more than 500 elements deep: not read"
        );
        assert_eq!(to_text(&deep(100_000)), "“Deep,” said Dee Per.");
        // Not fooled into refusing: cells and list items closed by the
        // next, spans closed by their div's end tag.
        let table = format!(
            "<html><body><table>{}</table></body></html>",
            "<tr><td><font size=2>“Fine,” she said.".repeat(600)
        );
        assert!(parse(&table).is_ok());
        let spans = format!(
            "<html><body>{}</body></html>",
            "<div><span>“Fine,” she said.</div>".repeat(600)
        );
        assert!(parse(&spans).is_ok());
        // Nor into parsing what is that deep: a div "closed" by "/>", a stray
        // end tag, a comment closed by "--!>".
        for deep in [
            "<div/>".repeat(100_000),
            "<div></b>".repeat(100_000),
            format!("<!-- x --!>{}", "<div>".repeat(100_000)),
        ] {
            assert!(parse(&deep).is_err());
        }
        // The parsed tree is measured too.
        let depth = tree_depth(&dom_query::Document::fragment("<b>".repeat(50)));
        assert!((50..55).contains(&depth), "{depth}");
        let open_paragraphs = format!(
            "<html><body><article>{}</article></body></html>",
            "<p>“Fine,” she said, and left the hall. ".repeat(2_000)
        );
        assert!(parse(&open_paragraphs).is_ok());
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for page in [
            "<html><body><p>unclosed <b>tags <i>everywhere",
            "<<<>>>",
            "<p>",
            "</div></div>",
        ] {
            let _ = parse(page);
            let _ = to_text(page);
        }
    }
}
