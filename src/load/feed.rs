//! RSS and Atom feeds (feed-rs): each item an article, the feed's title its
//! outlet, the item's HTML content (or summary) its text.

use super::json::{host, Record};
use super::{html, SourceMeta};

/// Parses a feed from its decoded text.
pub fn parse(text: &str) -> Result<(Vec<Record>, Vec<String>), String> {
    // The text is already decoded; an encoding declaration would make the
    // XML reader decode it a second time.
    let body = match text.trim_start().strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, after)| after),
        None => text,
    };
    // An item with neither link nor id is named by its words below:
    // feed-rs's own last resort is a random id, a new one each read,
    // which would change `item` in every export and lose stars and notes.
    let feed = feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(body.as_bytes())
        .map_err(|e| format!("malformed feed: {e}"))?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let local_dates = item_dates(body);
    let aligned = local_dates.len() == feed.entries.len();
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let html_body = entry
            .content
            .and_then(|c| c.body)
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html::to_text(&html_body);
        if text.trim().is_empty() {
            notes.push(format!("item {}: no text, skipped", i + 1));
            continue;
        }
        let link = entry.links.first().map(|l| l.href.clone());
        let authors: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|a| a.name.as_deref().map(str::trim).filter(|n| !n.is_empty()))
            .map(str::to_string)
            .collect();
        out.push(Record {
            item: link
                .clone()
                .or((!entry.id.is_empty()).then_some(entry.id))
                .unwrap_or_else(|| super::words_id(entry.title.as_ref().map_or("", |t| t.content.as_str()), &text)),
            text,
            meta: SourceMeta {
                title: entry.title.map(|t| html::to_text(&t.content)).filter(|t| !t.is_empty()),
                date: local_dates
                    .get(i)
                    .filter(|_| aligned)
                    .cloned()
                    .flatten()
                    .or_else(|| entry.published.or(entry.updated).map(|d| d.date_naive().to_string())),
                outlet: outlet.clone().or_else(|| link.as_deref().and_then(host)),
                dek: None,
                byline: (!authors.is_empty()).then(|| authors.join(", ")),
            },
            given: None,
        });
    }
    Ok((out, notes))
}

/// Each item's date as the feed wrote it, in its own time zone (feed-rs
/// gives UTC: "Mon, 02 Mar 2026 21:00:00 -0500" was the 3rd), for the items
/// in the order they come; the caller uses them only when there are as
/// many as feed-rs found.
fn item_dates(body: &str) -> Vec<Option<String>> {
    // The closing tag of the item a tag opens, if it opens one.
    let opens_item = |rest: &str| {
        [("item", "</item>"), ("entry", "</entry>")]
            .into_iter()
            .find_map(|(t, close)| {
                rest.strip_prefix(t)
                    .is_some_and(|r| r.starts_with(['>', ' ', '\t', '\r', '\n', '/']))
                    .then_some(close)
            })
    };
    let mut dates = Vec::new();
    let mut at = 0;
    while let Some(lt) = body[at..].find('<') {
        at += lt + 1;
        let Some(close) = opens_item(&body[at..]) else {
            continue;
        };
        // Its own kind's close only: looking for the other kind's would read
        // the rest of the feed at each item.
        let end = body[at..].find(close).map_or(body.len(), |e| at + e);
        let item = &body[at..end];
        let field = |tag: &str| {
            let open = format!("<{tag}>");
            let from = item.find(&open)? + open.len();
            let to = from + item[from..].find("</")?;
            Some(item[from..to].trim())
        };
        let date = ["pubDate", "published", "dc:date", "updated"]
            .iter()
            .find_map(|t| field(t))
            .and_then(|d| {
                chrono::DateTime::parse_from_rfc2822(d)
                    .or_else(|_| chrono::DateTime::parse_from_rfc3339(d))
                    .ok()
            })
            .map(|d| d.date_naive().to_string());
        dates.push(date);
        at = end;
    }
    dates
}

/// The feed without its person fields (`author`, `managingEditor`,
/// `webMaster`, `dc:creator`): feed-rs can panic on odd author strings,
/// and the articles are worth more than their bylines.
pub fn without_people(text: &str) -> String {
    const TAGS: [&str; 4] = ["author", "managingEditor", "webMaster", "dc:creator"];
    // One pass, copying what is kept: removing each in place and searching
    // again from the start was quadratic in a feed of many bylines.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Tags whose end tag is nowhere after some point: not looked for again
    // (each look would read the rest of the feed).
    let mut unclosed = [false; TAGS.len()];
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt + 1..];
        // `<author>`, `<author …>` or `<author/>`, not `<authority>`.
        let tag = TAGS.iter().position(|t| {
            tail.strip_prefix(*t)
                .is_some_and(|r| r.starts_with(['>', ' ', '/', '\t', '\r', '\n']))
        });
        let Some(tag) = tag else {
            out.push('<');
            rest = tail;
            continue;
        };
        let open_end = tail.find('>').map_or(tail.len(), |e| e + 1);
        rest = if tail[..open_end].ends_with("/>") || unclosed[tag] {
            &tail[open_end..]
        } else {
            let close = format!("</{}>", TAGS[tag]);
            match tail[open_end..].find(&close) {
                Some(e) => &tail[open_end + e + close.len()..],
                None => {
                    unclosed[tag] = true;
                    &tail[open_end..]
                }
            }
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_articles() {
        let rss = r#"<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0"><channel><title>The Ledger</title><link>https://ledger.example</link><description>News</description>
<item><title>Harbour plan approved</title><link>https://ledger.example/a</link>
<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate>
<description><![CDATA[<p>“We will build it,” Mayor Ilse Varga said.</p><p>Second paragraph.</p>]]></description></item>
<item><title>Empty</title></item>
</channel></rss>"#;
        let (recs, notes) = parse(rss).unwrap();
        assert_eq!(recs.len(), 1);
        assert_eq!(
            recs[0].text,
            "“We will build it,” Mayor Ilse Varga said.\n\nSecond paragraph."
        );
        assert_eq!(recs[0].meta.title.as_deref(), Some("Harbour plan approved"));
        assert_eq!(recs[0].meta.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(recs[0].meta.date.as_deref(), Some("2026-03-02"));
        assert_eq!(notes, vec!["item 2: no text, skipped".to_string()]);
    }

    #[test]
    fn an_item_is_named_by_its_link_its_id_or_its_words_and_the_same_each_read() {
        let rss = "<rss version=\"2.0\"><channel><title>T</title>\
            <item><link>https://t.example/a</link><guid>g1</guid><description>One.</description></item>\
            <item><guid>g2</guid><description>Two.</description></item>\
            <item><title>No link, no guid</title><description>Three.</description></item>\
            </channel></rss>";
        let items = |rss: &str| parse(rss).unwrap().0.into_iter().map(|r| r.item).collect::<Vec<_>>();
        let read = items(rss);
        assert_eq!(read[..2], ["https://t.example/a", "g2"]);
        assert!(read[2].starts_with("text-"), "{read:?}");
        assert_eq!(items(rss), read, "the same each read");
        // An item added at the top leaves the others' names as they were.
        let grown = rss.replace(
            "<channel><title>T</title>",
            "<channel><title>T</title><item><description>New.</description></item>",
        );
        assert_eq!(items(&grown)[1..], read[..]);
    }

    /// An evening item west of Greenwich is dated the day the feed says,
    /// not the next day in UTC.
    #[test]
    fn item_dates_keep_their_own_time_zone() {
        let rss = "<rss version=\"2.0\"><channel><title>T</title>\
            <item><guid>a</guid><pubDate>Mon, 02 Mar 2026 21:00:00 -0500</pubDate><description>One.</description></item>\
            <item><guid>b</guid><description>No date.</description></item>\
            </channel></rss>";
        let dates: Vec<_> = parse(rss).unwrap().0.into_iter().map(|r| r.meta.date).collect();
        assert_eq!(dates, [Some("2026-03-02".to_string()), None]);
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>C</title><id>c</id><updated>2026-03-03T00:00:00Z</updated>
<entry><title>V</title><id>e1</id><published>2026-03-02T21:00:00-05:00</published><updated>2026-03-03T10:00:00Z</updated><content>“No,” he said.</content></entry></feed>"#;
        assert_eq!(parse(atom).unwrap().0[0].meta.date.as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn atom_entries_become_articles() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title><id>c</id><updated>2026-03-03T00:00:00Z</updated>
<entry><title>Vote</title><id>e1</id><updated>2026-03-03T10:00:00Z</updated><author><name>Ana Ruiz</name></author>
<content type="html">&lt;p&gt;“No,” he said.&lt;/p&gt;</content></entry></feed>"#;
        let (recs, _) = parse(atom).unwrap();
        assert_eq!(recs[0].text, "“No,” he said.");
        assert_eq!(recs[0].meta.byline.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn person_fields_can_be_dropped() {
        let rss = "<rss><channel><title>T</title><item><author>a@b.co€x</author><dc:creator>Z</dc:creator><description>Text.</description></item></channel></rss>";
        assert_eq!(
            without_people(rss),
            "<rss><channel><title>T</title><item><description>Text.</description></item></channel></rss>"
        );
        // A closed empty tag takes nothing after it; `<authority>` stays.
        let rss = "<item><author/><description>One.</description></item><authority>x</authority><item><author>b</author><description>Two.</description></item>";
        assert_eq!(
            without_people(rss),
            "<item><description>One.</description></item><authority>x</authority><item><description>Two.</description></item>"
        );
    }

    #[test]
    fn malformed_feed_is_an_error() {
        assert!(parse("<rss><channel><item>").is_err() || parse("<rss><channel><item>").unwrap().0.is_empty());
        assert!(parse("<html>not a feed</html>").is_err());
    }
}
