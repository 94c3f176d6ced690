//! HTML pages saved from a browser: the main text by dom_smoothie (a port of
//! Mozilla's Readability), metadata from `<title>`, OpenGraph and JSON-LD
//! (which dom_smoothie reads too). Fragments of HTML inside feeds and JSON
//! records go through [`to_text`] instead: they are already the article.

use super::SourceMeta;
use dom_smoothie::{Config, Readability, TextMode};

/// The readable text of a page (paragraphs separated by blank lines) and
/// what it says about itself.
pub fn parse(html: &str) -> Result<(String, SourceMeta), String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let doc = dom_query::Document::from(html);
    prune(&doc);
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|e| format!("HTML not readable: {e}"))?;
    match reader.parse() {
        Ok(article) => {
            let meta = SourceMeta {
                title: non_empty(article.title.trim()),
                date: article.published_time.as_deref().and_then(|d| non_empty(d.trim())),
                outlet: article.site_name.as_deref().and_then(|s| non_empty(s.trim())),
                byline: article.byline.as_deref().and_then(|s| non_empty(s.trim())),
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
    let doc = dom_query::Document::fragment(html);
    doc.select("script, style, noscript, template").remove();
    tidy(&doc.formatted_text())
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
