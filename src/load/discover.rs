//! Discovery: turn the user's paths into a sorted list of article files.

use crate::model::Diagnostic;
use std::path::Path;

/// Extensions read when walking a folder. A file named explicitly is read
/// whatever its extension.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "json", "jsonl", "ndjson", "xml", "rss", "atom",
];

pub fn is_article_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_str().is_some_and(|n| n.starts_with('.'))
}

/// Expands folders recursively (following symlinks, reporting loops) and
/// keeps files as given. The result is sorted within each given path.
pub fn discover(paths: &[String]) -> (Vec<String>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for given in paths {
        let path = Path::new(given);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                diags.push(error(given, &io_reason(&e)));
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(given.clone());
            continue;
        }
        let mut found = Vec::new();
        let walker = walkdir::WalkDir::new(path).follow_links(true).into_iter();
        for entry in walker.filter_entry(|e| !is_hidden(e)) {
            match entry {
                Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                    found.push(e.path().to_string_lossy().into_owned());
                }
                Ok(_) => {}
                Err(e) => {
                    let at = e.path().map(|p| p.to_string_lossy().into_owned());
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, skipped".to_string()
                    } else if let Some(io) = e.io_error() {
                        io_reason(io)
                    } else {
                        e.to_string()
                    };
                    diags.push(error(at.as_deref().unwrap_or(given), &reason));
                }
            }
        }
        if found.is_empty() {
            diags.push(Diagnostic {
                file: given.clone(),
                message: "no article files (.txt, .md, .html, .json, .jsonl, .xml, .rss, .atom) in this folder".into(),
                is_error: false,
            });
        }
        found.sort();
        files.extend(found);
    }
    (files, diags)
}

fn error(file: &str, message: &str) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        message: message.to_string(),
        is_error: true,
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
