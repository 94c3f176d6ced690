//! Loading: find the files under the given paths, decode them to text and
//! read each format (plain text, Markdown, HTML, JSON, JSON Lines, RSS and
//! Atom, Quotebank quote dumps) into [`Source`]s for cleaning. Every problem
//! becomes a [`Diagnostic`] naming the file; nothing panics and one bad file
//! never stops the others.

pub mod decode;
pub mod discover;
pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mojibake;

use crate::model::Diagnostic;

/// Inputs larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Metadata stated outside the article text (front matter, record fields).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// The dek a record states apart (JSON's `description`, `dek`), put
    /// before its body as the text's first paragraph: that paragraph is
    /// read as the article's dek.
    pub dek: Option<String>,
}

/// A quote a record states outright (Quotebank): its speaker is taken as
/// given rather than found by the sieves.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GivenQuote {
    pub speaker: Option<String>,
}

/// One decoded input, ready for cleaning.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub file: String,
    /// Which record of a file holding several (JSON, feeds): its id, URL or
    /// a checksum of its words. `None` for a file that is one article.
    pub item: Option<String>,
    pub text: String,
    pub meta: SourceMeta,
    /// Byte length of a leading metadata block (front matter) in `text`,
    /// which cleaning keeps aside rather than showing.
    pub meta_len: usize,
    /// The whole text is this one quote (see [`GivenQuote`]).
    pub given: Option<GivenQuote>,
}

/// The formats quoteline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Json,
    JsonLines,
    Feed,
}

/// The format of a file: its content decides when it is clear (a page that
/// starts with `<html`, a feed root, a JSON value); else its extension.
pub fn detect(file: &str, bytes: &[u8]) -> Format {
    let by_ext = format_by_extension(file);
    // Markup and JSON begin with one of three bytes after any blank or BOM;
    // plain text, most files, is told without decoding a head (profiled).
    let mut lead = bytes;
    loop {
        if let Some(rest) = lead.strip_prefix("\u{FEFF}".as_bytes()) {
            lead = rest;
        } else if let [b' ' | b'\t' | b'\r' | b'\n', rest @ ..] = lead {
            lead = rest;
        } else {
            break;
        }
    }
    if !matches!(lead.first(), Some(b'<' | b'{' | b'[')) {
        return by_ext.unwrap_or(Format::Text);
    }
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)])
        .trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let after_decl = head
        .strip_prefix("<?xml")
        .and_then(|r| r.split_once("?>"))
        .map_or(head.as_str(), |(_, r)| r.trim_start());
    if after_decl.starts_with("<rss") || after_decl.starts_with("<feed") || after_decl.starts_with("<rdf:rdf") {
        return Format::Feed;
    }
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<!--") && head.contains("<html")
    {
        return Format::Html;
    }
    if head.starts_with('{') || head.starts_with('[') {
        if by_ext == Some(Format::JsonLines) {
            return Format::JsonLines;
        }
        // Several lines each holding an object: JSON Lines whatever the name.
        let first = head.lines().next().unwrap_or("");
        let is_lines = head.starts_with('{')
            && first.trim_end().ends_with('}')
            && head.lines().nth(1).is_some_and(|l| l.trim_start().starts_with('{'));
        return if is_lines { Format::JsonLines } else { Format::Json };
    }
    by_ext.unwrap_or(Format::Text)
}

/// The format a file's extension names, if any.
fn format_by_extension(file: &str) -> Option<Format> {
    let ext = std::path::Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "rss" | "atom" | "xml" => Some(Format::Feed),
        _ => None,
    }
}

/// The name of a record with neither link nor id: a checksum of its title
/// and text, the same at every read and wherever the record moves in its
/// file (a place would shift as records are added at the top).
fn words_id(title: &str, text: &str) -> String {
    let mut h = crc32fast::Hasher::new();
    h.update(title.as_bytes());
    h.update(&[0]);
    h.update(text.as_bytes());
    format!("text-{:08x}", h.finalize())
}

/// Records of one file that share a name get `~2`, `~3`, … after it, in
/// file order, so that a star or a date set on one is not also the
/// other's.
fn name_repeats_apart(records: &mut [json::Record]) {
    // As they will be shown (two that differ by a control character are
    // one name), and never one another record has ("x", "x~2", "x").
    for r in records.iter_mut() {
        if let (std::borrow::Cow::Owned(clean), _) = decode::strip_controls(&r.item) {
            r.item = clean;
        }
    }
    let mut taken: std::collections::HashSet<String> = records.iter().map(|r| r.item.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    for r in records.iter_mut() {
        if seen.insert(r.item.clone()) {
            continue;
        }
        let name = (2..)
            .map(|n| format!("{}~{n}", r.item))
            .find(|name| !taken.contains(name))
            .expect("a free name");
        taken.insert(name.clone());
        r.item = name;
    }
}

/// Runs a format parser so that a panic inside it (fuzzing found one in
/// feed-rs's author parsing) becomes an error for this file, not a crash
/// of the whole load.
fn guarded<T>(format: &str, parse: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    crate::guard::guarded(parse).unwrap_or_else(|| Err(format!("malformed {format}: the {format} parser failed on it")))
}

/// What reading one file gave: its sources, or the reason it gave none,
/// and notes (warnings) either way.
type FileResult = (Result<Vec<Source>, String>, Vec<String>);

/// Reads one file in whatever format it is.
pub fn read_file(file: &str, opts: &LoadOptions) -> FileResult {
    let bytes = match decode::read_bytes(file, opts.max_bytes) {
        Ok(b) => b,
        Err(e) => return (Err(e), Vec::new()),
    };
    parse(file, std::borrow::Cow::Owned(bytes))
}

/// Reads one file's bytes (see [`read_file`]).
pub fn parse_bytes(file: &str, bytes: &[u8]) -> FileResult {
    parse(file, std::borrow::Cow::Borrowed(bytes))
}

/// [`parse_bytes`], decoding bytes read for it without copying them.
fn parse(file: &str, bytes: std::borrow::Cow<'_, [u8]>) -> FileResult {
    let format = detect(file, &bytes);
    let declared = match format {
        Format::Html | Format::Feed => decode::declared_encoding(&bytes),
        _ => None,
    };
    let (text, mut notes, mut controls) = match decode::decode_counting_controls(bytes.into_owned(), declared) {
        Ok(t) => t,
        Err(e) => return (Err(e), Vec::new()),
    };
    // Said once all are counted, after decoding's other warnings: parsing
    // may unescape more (see below).
    let controls_note_at = notes.len();
    let whole = |text: String, meta: SourceMeta, meta_len: usize| Source {
        file: file.to_string(),
        text,
        meta,
        meta_len,
        ..Source::default()
    };
    let records = match format {
        Format::Text | Format::Html => None,
        // A `.json` file of one record a line, as `articles` writes.
        Format::Json => Some(json::parse_json(&text).or_else(|e| {
            json::parse_json_lines(&text)
                .ok()
                .filter(|(records, notes)| !records.is_empty() && !notes.iter().any(|n| n.contains("malformed")))
                .ok_or(e)
        })),
        Format::JsonLines => Some(json::parse_json_lines(&text)),
        // feed-rs may panic on an author string; without the person
        // fields the items still load.
        Format::Feed => Some(
            guarded("feed", || feed::parse(&text))
                .or_else(|e| guarded("feed", || feed::parse(&feed::without_people(&text))).map_err(|_| e)),
        ),
    };
    // Text that opens with "[" or "{" ("[Updated 3pm] …", "[Home](/)") in a
    // file not named as JSON is read as text when it is no JSON.
    let named_json = matches!(format_by_extension(file), Some(Format::Json | Format::JsonLines));
    let (format, records) = match records {
        Some(Err(_)) if matches!(format, Format::Json | Format::JsonLines) && !named_json => {
            // As its name says, when it names a format ("[an error …]" atop an
            // .html page).
            let by_name = match format_by_extension(file) {
                Some(Format::Html) => Format::Html,
                _ => Format::Text,
            };
            (by_name, None)
        }
        records => (format, records),
    };
    let parsed = match (format, records) {
        (_, Some(records)) => records.and_then(|(mut records, record_notes)| {
            notes.extend(record_notes);
            if records.is_empty() {
                return Err("no articles or quotes in this file".into());
            }
            name_repeats_apart(&mut records);
            Ok(records
                .into_iter()
                .map(|r| Source {
                    file: file.to_string(),
                    item: Some(r.item),
                    text: r.text,
                    meta: r.meta,
                    meta_len: 0,
                    given: r.given,
                })
                .collect())
        }),
        (Format::Html, None) => guarded("HTML", || html::parse(&text)).map(|(body, meta)| vec![whole(body, meta, 0)]),
        (_, None) => {
            let (meta, meta_len) = markdown::front_matter(&text);
            if markdown::is_markdown(file) {
                guarded("Markdown", || Ok(markdown::plain_text(&text[meta_len..]))).map(|body| {
                    // Character references ("&#27;") may bring back what
                    // decoding removed.
                    let (body, removed) = decode::strip_controls(&body);
                    controls += removed;
                    let rendered = format!("{}{body}", &text[..meta_len]);
                    vec![whole(rendered, meta, meta_len)]
                })
            } else {
                Ok(vec![whole(text, meta, meta_len)])
            }
        }
    };
    // Parsing may have unescaped what decoding had cleaned (JSON "\u001b",
    // HTML "&#27;"): their strings are cleaned again. Plain text is as
    // decoding left it.
    let parsed = match format {
        Format::Text => parsed,
        _ => parsed.map(|sources| sources.into_iter().map(|s| sanitized(s, &mut controls)).collect()),
    };
    if controls > 0 {
        notes.insert(controls_note_at, decode::controls_removed(controls));
    }
    // A date the metadata gives that reads as no date is said, not
    // dropped unseen: the article then has the date its file name or a
    // date line gives, or none.
    if let Ok(sources) = &parsed {
        let mut unread = sources
            .iter()
            .filter_map(|s| s.meta.date.as_deref())
            .filter(|d| !d.trim().is_empty() && crate::resolve::dates::parse_date(d).is_none());
        if let Some(first) = unread.next() {
            notes.push(match unread.count() {
                0 => format!("date {first:?} is not a date: ignored"),
                n => format!("date {first:?} and {n} more are not dates: ignored"),
            });
        }
    }
    // Spans into an article's text keep 32-bit offsets. Checked on the
    // text as parsed, which rendering Markdown or joining HTML paragraphs
    // can make longer than the file.
    let parsed = parsed.and_then(|sources| {
        if sources.iter().any(|s| s.text.len() > crate::model::MAX_TEXT) {
            Err("text over 4 GiB once read, more than quoteline can hold".into())
        } else {
            Ok(sources)
        }
    });
    (parsed, notes)
}

/// The source with control and escape sequences removed from every field
/// (its `item` already was, by [`name_repeats_apart`]).
fn sanitized(mut s: Source, removed: &mut usize) -> Source {
    let mut clean = |t: &mut String| {
        if let (std::borrow::Cow::Owned(c), n) = decode::strip_controls(t) {
            *t = c;
            *removed += n;
        }
    };
    if s.meta_len == 0 {
        clean(&mut s.text);
    }
    for t in [
        &mut s.meta.title,
        &mut s.meta.date,
        &mut s.meta.outlet,
        &mut s.meta.byline,
        &mut s.meta.dek,
    ]
    .into_iter()
    .flatten()
    {
        clean(t);
    }
    if let Some(sp) = s.given.as_mut().and_then(|g| g.speaker.as_mut()) {
        clean(sp);
    }
    s
}

/// Reads one file ([`read_file`]); its notes and any error become
/// diagnostics naming it.
pub fn read_file_diagnosed(file: &str, opts: &LoadOptions) -> (Vec<Source>, Vec<Diagnostic>) {
    let (parsed, notes) = read_file(file, opts);
    let diagnostic = |message: String, is_error: bool| Diagnostic {
        file: file.to_string(),
        message,
        is_error,
    };
    let mut diags: Vec<Diagnostic> = notes.into_iter().map(|m| diagnostic(m, false)).collect();
    let sources = parsed.unwrap_or_else(|message| {
        diags.push(diagnostic(message, true));
        Vec::new()
    });
    (sources, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_metadata_date_that_is_no_date_is_a_note() {
        let md = |date: &str| format!("---\ntitle: T\ndate: {date}\n---\n\nBody.\n");
        let (sources, notes) = parse_bytes("a.md", md("2026-13-45").as_bytes());
        assert_eq!(sources.unwrap().len(), 1);
        assert_eq!(notes, ["date \"2026-13-45\" is not a date: ignored"]);
        assert!(parse_bytes("a.md", md("2026-03-01").as_bytes()).1.is_empty());
        let feed = r#"[{"title": "A", "text": "x", "date": "soon"}, {"title": "B", "text": "y", "date": "later"}, {"title": "C", "text": "z", "date": "2026-03-01"}]"#;
        let (_, notes) = parse_bytes("a.json", feed.as_bytes());
        assert_eq!(notes, ["date \"soon\" and 1 more are not dates: ignored"]);
    }

    #[test]
    fn markdown_is_read_without_markup_or_escapes_and_keeps_its_front_matter() {
        let bytes = "---\ntitle: A title\n---\nBack on the *Merrow Star* &#27;[2J said &#x202E;it.\n".as_bytes();
        let (parsed, _) = parse_bytes("story.md", bytes);
        let source = &parsed.unwrap()[0];
        assert_eq!(source.meta.title.as_deref(), Some("A title"));
        assert_eq!(&source.text[source.meta_len..], "Back on the Merrow Star  said it.\n");
        // The same text named .txt is plain text, kept as written.
        let (parsed, _) = parse_bytes("story.txt", b"*Merrow Star*");
        assert_eq!(parsed.unwrap()[0].text, "*Merrow Star*");
    }

    /// A text file that opens with "[" or "{" and is no JSON is read as
    /// text; a file named `.json` stays an error; a `.json` file of one
    /// record a line is read as JSON Lines.
    #[test]
    fn text_opening_like_json_is_text_and_json_named_lines_are_read() {
        let body = "[Updated 3pm] “We will build it,” Mayor Varga said.\n";
        let (parsed, _) = parse_bytes("story.txt", body.as_bytes());
        assert_eq!(parsed.unwrap()[0].text, body);
        let (parsed, _) = parse_bytes("home.md", b"[Home](/) [News](/news)\n\n\"Yes,\" she said.\n");
        assert_eq!(parsed.unwrap()[0].text, "Home News\n\n\"Yes,\" she said.\n");
        assert!(parse_bytes("story.json", body.as_bytes()).0.is_err());
        let page =
            "[an error occurred while processing this directive]<html><body><p>“Yes,” she said.</p></body></html>";
        let (parsed, _) = parse_bytes("page.html", page.as_bytes());
        assert!(parsed.unwrap()[0].text.ends_with("“Yes,” she said."));
        let lines = "{\"title\": \"A\", \"body\": \"One.\"}\n{\"title\": \"B\", \"body\": \"Two.\"}\n";
        let (parsed, _) = parse_bytes("all.json", lines.as_bytes());
        assert_eq!(parsed.unwrap().len(), 2);
    }

    /// Records with no id are named by their words, so a record added at
    /// the top leaves the others' names; two alike are told apart.
    #[test]
    fn json_records_are_named_by_their_words_and_repeats_told_apart() {
        let items = |json: &str| -> Vec<String> {
            parse_bytes("a.json", json.as_bytes())
                .0
                .unwrap()
                .into_iter()
                .map(|s| s.item.unwrap())
                .collect()
        };
        let read = items(
            r#"[{"title": "A", "body": "One."}, {"title": "B", "body": "Two."}, {"title": "B", "body": "Two."}]"#,
        );
        assert!(read[0].starts_with("text-"), "{read:?}");
        let ids = items(
            r#"[{"id": "x", "body": "1"}, {"id": "x~2", "body": "2"}, {"id": "x", "body": "3"}, {"id": "x\u0007", "body": "4"}]"#,
        );
        assert_eq!(ids, ["x", "x~2", "x~3", "x~4"]);
        assert_eq!(read[2], format!("{}~2", read[1]));
        let grown = items(
            r#"[{"body": "New."}, {"title": "A", "body": "One."}, {"title": "B", "body": "Two."}, {"title": "B", "body": "Two."}]"#,
        );
        assert_eq!(grown[1..], read[..]);
    }

    #[test]
    fn formats_are_detected_by_content_then_extension() {
        assert_eq!(detect("a.txt", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            detect("a", b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            detect("a.xml", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
        assert_eq!(detect("a.dat", b"[{\"title\": 1}]"), Format::Json);
        assert_eq!(detect("a.json", b"{\"a\":1}\n{\"a\":2}\n"), Format::JsonLines);
        assert_eq!(detect("a.jsonl", b"{\"a\":\n1}"), Format::JsonLines);
        assert_eq!(detect("a.html", b"<div>fragment</div>"), Format::Html);
        assert_eq!(detect("a.md", b"---\ntitle: x\n---\n"), Format::Text);
        assert_eq!(detect("a.txt", b"Plain words."), Format::Text);
    }

    #[test]
    fn a_feed_parser_panic_is_caught_and_the_items_still_load() {
        // Found by fuzzing: feed-rs slices inside the "€" after an email.
        let rss = "<rss version=\"2.0\"><channel><title>Courier</title><item><title>Vote</title>\
            <author>news@courier.example€Mira Lund</author>\
            <description>“Yes,” Mayor Ilse Varga said.</description></item></channel></rss>";
        let (parsed, _) = parse_bytes("feed.rss", rss.as_bytes());
        let sources = parsed.unwrap();
        assert_eq!(sources[0].text, "“Yes,” Mayor Ilse Varga said.");
        assert_eq!(sources[0].meta.byline, None);
    }

    #[test]
    fn escapes_inside_json_strings_are_removed() {
        let (parsed, notes) = parse_bytes(
            "a.json",
            br#"{"title":"\u001b[31mRed\u001b[0m","body":"Hi\u0007 there \u202e."}"#,
        );
        let s = &parsed.unwrap()[0];
        assert_eq!(s.meta.title.as_deref(), Some("Red"));
        assert_eq!(s.text, "Hi there .");
        // Said, as for a text file's; one warning with decoding's.
        assert_eq!(notes, ["4 control or escape sequence(s) removed"]);
        let (_, notes) = parse_bytes("a.md", b"Title\n\nRaw \x1b[2J and &#27;[2J referenced.\n");
        assert_eq!(notes, ["2 control or escape sequence(s) removed"]);
    }
}
