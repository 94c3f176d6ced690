//! JSON and JSON Lines records: the common news-API article shape, quoteline's
//! own `articles` output, and Quotebank-style quote records. Fields may be
//! missing; a record without any text is skipped with a note, and one
//! malformed line of a JSON Lines file does not stop the others.

use super::{html, GivenQuote, SourceMeta};
use serde_json::{Map, Value};

/// One record read from a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Which record of the file: its id or URL when it has one, else a
    /// checksum of its title and words (`text-1a2b3c4d`).
    pub item: String,
    pub text: String,
    pub meta: SourceMeta,
    pub given: Option<GivenQuote>,
}

/// Parses a whole JSON document: an array of records, one record, or an
/// object holding the array (`articles`, `items`, `data`, `results`...).
pub fn parse_json(text: &str) -> Result<(Vec<Record>, Vec<String>), String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))?;
    let list = match value {
        Value::Array(items) => items,
        Value::Object(ref obj) => match ["articles", "items", "data", "results", "records", "quotes"]
            .iter()
            .find_map(|k| obj.get(*k).and_then(Value::as_array))
        {
            Some(items) => items.clone(),
            None => vec![value],
        },
        _ => return Err("JSON holds no records (expected an object or an array)".into()),
    };
    Ok(records(list.into_iter().enumerate().map(|(i, v)| (i + 1, Ok(v)))))
}

/// Parses JSON Lines: one record per non-empty line.
pub fn parse_json_lines(text: &str) -> Result<(Vec<Record>, Vec<String>), String> {
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            (
                i + 1,
                serde_json::from_str::<Value>(l).map_err(|e| format!("line {}: malformed JSON: {e}", i + 1)),
            )
        });
    let (recs, notes) = records(lines);
    if recs.is_empty() && !notes.is_empty() && notes.iter().all(|n| n.contains("malformed")) {
        return Err(notes[0].clone());
    }
    Ok((recs, notes))
}

fn records(items: impl Iterator<Item = (usize, Result<Value, String>)>) -> (Vec<Record>, Vec<String>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for (n, item) in items {
        match item {
            Ok(Value::Object(obj)) => match record(&obj) {
                Some(r) => out.push(r),
                None => notes.push(format!(
                    "record {n}: no text (content, body, text or quotation), skipped"
                )),
            },
            Ok(_) => notes.push(format!("record {n}: not an object, skipped")),
            Err(e) => notes.push(e),
        }
    }
    (out, notes)
}

/// The first string among `keys` (a key may be `a.b` for a nested field).
fn field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let mut v = obj.get(k.split('.').next()?)?;
        for part in k.split('.').skip(1) {
            v = v.get(part)?;
        }
        match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            // Author lists: the names joined.
            Value::Array(a) => {
                let names: Vec<&str> = a
                    .iter()
                    .filter_map(|x| x.as_str().or_else(|| x.get("name").and_then(Value::as_str)))
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        }
    })
}

fn record(obj: &Map<String, Value>) -> Option<Record> {
    let date = field(
        obj,
        &[
            "publishedAt",
            "published_at",
            "published",
            "date",
            "datePublished",
            "pubDate",
        ],
    );
    let url = field(obj, &["url", "link", "urls"]);
    // Quotebank: one quotation with its speaker, no article around it.
    if let Some(quotation) = field(obj, &["quotation"]) {
        let speaker = field(obj, &["speaker"]).filter(|s| !s.eq_ignore_ascii_case("none"));
        let outlet = url.as_deref().and_then(host);
        let item = field(obj, &["quoteID", "id"]).unwrap_or_else(|| super::words_id("", &quotation));
        return Some(Record {
            item,
            text: format!("“{quotation}”"),
            meta: SourceMeta {
                title: None,
                date,
                outlet,
                byline: None,
                dek: None,
            },
            given: Some(GivenQuote { speaker }),
        });
    }
    let body = field(obj, &["content", "body", "text", "article", "full_text", "fullText"])?;
    let body = if looks_like_html(&body) {
        html::to_text(&body)
    } else {
        body
    };
    let dek = field(obj, &["description", "dek", "summary", "subtitle"]).map(|d| {
        if looks_like_html(&d) {
            html::to_text(&d)
        } else {
            d
        }
    });
    // Not twice: the body may open with it. Then it is the dek only when
    // named one (as `articles` writes it): a description that repeats the
    // lede (news APIs) leaves the lede as it is.
    let in_body = dek.as_ref().is_some_and(|d| body.starts_with(d.as_str()));
    let named_dek = field(obj, &["dek", "subtitle"]).is_some();
    let text = match &dek {
        Some(d) if !in_body => format!("{d}\n\n{body}"),
        _ => body,
    };
    let dek = dek.filter(|_| !in_body || named_dek);
    let outlet = field(
        obj,
        &["source.name", "outlet", "source", "publisher", "site_name", "site"],
    )
    .and_then(one_line)
    .or_else(|| url.as_deref().and_then(host));
    let title = field(obj, &["title", "headline"]).and_then(one_line);
    Some(Record {
        item: field(obj, &["id", "guid"])
            .or(url)
            .unwrap_or_else(|| super::words_id(title.as_deref().unwrap_or(""), &text)),
        text,
        meta: SourceMeta {
            title,
            date,
            outlet,
            byline: field(obj, &["author", "authors", "byline", "creator"]).and_then(one_line),
            dek,
        },
        given: None,
    })
}

fn looks_like_html(s: &str) -> bool {
    s.contains("</") || s.contains("<p>") || s.contains("<br")
}

/// A name or title as text on one line: APIs copy them from pages with
/// their tags and entities ("<b>Wire</b> &amp; Co"), and with line breaks;
/// none left is none.
fn one_line(s: String) -> Option<String> {
    let has_markup = s.contains('<') && s.contains('>') || s.contains('&') && s.contains(';');
    let text = if has_markup { html::to_text(&s) } else { s };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The host of a URL, without `www.`: the outlet when nothing names it.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's dek, read as the text's first paragraph, is the
    /// article's dek, not its lede: `articles` writes it apart, and its
    /// JSON Lines read back give it apart again.
    #[test]
    fn a_records_dek_is_the_articles_dek() {
        let dir = tempfile::tempdir().unwrap();
        let record = r#"{"title":"Harbour plan approved","dek":"The council voted late on Monday.","outlet":"The Ledger","body":"Councillors met for six hours.\n\n“We will build it,” Mayor Ana Brook said."}"#;
        std::fs::write(dir.path().join("a.jsonl"), format!("{record}\n")).unwrap();
        let c = crate::load_corpus(&[dir.path().to_string_lossy().into_owned()], &Default::default());
        let a = &c.articles[0];
        assert_eq!(a.dek.as_deref(), Some("The council voted late on Monday."));
        let out = serde_json::to_string(&crate::export::article_records(&c).next().unwrap()).unwrap();
        std::fs::write(dir.path().join("a.jsonl"), format!("{out}\n")).unwrap();
        let again = crate::load_corpus(&[dir.path().to_string_lossy().into_owned()], &Default::default());
        assert_eq!(again.articles[0].dek, a.dek);
        assert_eq!(again.quotes.len(), 1);
    }

    /// A description that repeats the body's first paragraph (news APIs)
    /// leaves it the lede.
    #[test]
    fn a_description_that_repeats_the_lede_leaves_it_the_lede() {
        let dir = tempfile::tempdir().unwrap();
        let record = r#"{"title":"Harbour plan approved","description":"Councillors met for six hours.","body":"Councillors met for six hours.\n\n“We will build it,” Mayor Ana Brook said."}"#;
        std::fs::write(dir.path().join("a.json"), record).unwrap();
        let c = crate::load_corpus(&[dir.path().to_string_lossy().into_owned()], &Default::default());
        assert_eq!(c.articles[0].dek, None);
        assert!(c.articles[0].body().starts_with("Councillors met"));
    }

    #[test]
    fn news_api_shape() {
        let doc = r#"{"status":"ok","articles":[{"source":{"id":null,"name":"The Ledger"},"author":"Ana Ruiz",
            "title":"Harbour plan approved","description":"The council voted.","url":"https://ledger.example/a",
            "publishedAt":"2026-03-02T09:00:00Z","content":"<p>“We will build it,” the mayor said.</p>"},
            {"title":"No text here"}]}"#;
        let (recs, notes) = parse_json(doc).unwrap();
        assert_eq!(recs.len(), 1);
        let r = &recs[0];
        assert_eq!(r.meta.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(r.meta.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(r.meta.date.as_deref(), Some("2026-03-02T09:00:00Z"));
        assert_eq!(r.text, "The council voted.\n\n“We will build it,” the mayor said.");
        assert_eq!(r.item, "https://ledger.example/a");
        assert_eq!(
            notes,
            vec!["record 2: no text (content, body, text or quotation), skipped".to_string()]
        );
    }

    #[test]
    fn names_and_titles_copied_with_their_markup_are_read_as_text() {
        let doc = r#"[{"title":"Title <b>bold</b> &amp; more","author":"<a href=\"x\">Writer Name</a>",
            "source":{"name":"Wire <b>One</b>"},"content":"Text."},
            {"title":"Tom & Jerry; a < b > c","author":"<b> </b>","source":"Wire\n  Two","content":"Text."}]"#;
        let (recs, _) = parse_json(doc).unwrap();
        let meta = &recs[0].meta;
        assert_eq!(meta.title.as_deref(), Some("Title bold & more"));
        assert_eq!(meta.byline.as_deref(), Some("Writer Name"));
        assert_eq!(meta.outlet.as_deref(), Some("Wire One"));
        // Signs that only look like markup stay; markup holding nothing is
        // no byline.
        assert_eq!(recs[1].meta.title.as_deref(), Some("Tom & Jerry; a < b > c"));
        assert_eq!(recs[1].meta.byline, None);
        assert_eq!(recs[1].meta.outlet.as_deref(), Some("Wire Two"));
    }

    #[test]
    fn json_lines_survive_a_bad_line() {
        let doc = "{\"title\":\"A\",\"body\":\"One.\",\"outlet\":\"Ledger\"}\n{broken\n\n{\"text\":\"Two.\",\"source\":\"Courier\"}\n";
        let (recs, notes) = parse_json_lines(doc).unwrap();
        assert_eq!(
            recs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["One.", "Two."]
        );
        assert_eq!(recs[1].meta.outlet.as_deref(), Some("Courier"));
        assert!(notes[0].starts_with("line 2: malformed JSON"), "{notes:?}");
        assert!(parse_json_lines("{nope\n").is_err());
    }

    #[test]
    fn quotebank_records_are_given_quotes() {
        let line = r#"{"quoteID":"2015-08-31-000271","quotation":"we are not going to stop","speaker":"Ilse Varga","qids":["Q1"],"date":"2015-08-31 00:00:00","numOccurrences":2,"probas":[["Ilse Varga","0.9"]],"urls":["http://www.harbourtimes.example/x"],"phase":"E"}"#;
        let (recs, _) = parse_json_lines(line).unwrap();
        assert_eq!(recs[0].text, "“we are not going to stop”");
        assert_eq!(
            recs[0].given,
            Some(GivenQuote {
                speaker: Some("Ilse Varga".into())
            })
        );
        assert_eq!(recs[0].meta.outlet.as_deref(), Some("harbourtimes.example"));
        assert_eq!(recs[0].item, "2015-08-31-000271");
        let none = r#"{"quotation":"hm","speaker":"None","date":"2015-08-31"}"#;
        assert_eq!(
            parse_json_lines(none).unwrap().0[0].given,
            Some(GivenQuote { speaker: None })
        );
    }

    #[test]
    fn malformed_json_is_an_error() {
        assert!(parse_json("{\"a\": [1, 2").unwrap_err().starts_with("malformed JSON"));
        assert!(parse_json("42").is_err());
    }
}
