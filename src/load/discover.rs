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

/// The path that names standard input, as for `cat`: the subcommands read a
/// piped article ([`super::decode::read_bytes`]).
pub const STDIN: &str = "-";

/// Expands folders recursively (following symlinks, reporting loops) and
/// keeps files as given. The result is sorted within each given path.
/// [`STDIN`] is kept once, as a file.
pub fn discover(paths: &[String]) -> (Vec<String>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    // A file reached twice (a folder and a file in it, a folder twice, a
    // link to a file or folder beside it) is read once, where it is first
    // reached: its quotes would be counted twice, and a statement would
    // list one article twice. Known by its real path: a folder's file by
    // the folder's real path and the rest of its own, so that only the
    // given paths and the files reached through a link are resolved (a
    // stat of each file was 2% of a large `extract`); a folder given alone
    // and holding no link cannot reach a file twice.
    let dedupe = paths.len() > 1;
    let mut seen = std::collections::HashSet::<std::path::PathBuf>::new();
    let resolved = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut stdin_taken = false;
    for given in paths {
        if given == STDIN {
            // Read once: a second read would find it at its end.
            if !std::mem::replace(&mut stdin_taken, true) {
                files.push(given.clone());
            }
            continue;
        }
        let path = Path::new(given);
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                diags.push(error(given, &io_reason(&e)));
                continue;
            }
        };
        // Opening a FIFO to read waits for a writer; a device may never end.
        if !meta.is_dir() && !meta.is_file() {
            diags.push(error(given, "not a regular file"));
            continue;
        }
        if !meta.is_dir() {
            if !dedupe || seen.insert(resolved(path)) {
                files.push(given.clone());
            }
            continue;
        }
        let mut found = Vec::new();
        // Folders reached through a link: what lies under them is resolved.
        let mut linked_folders: Vec<std::path::PathBuf> = Vec::new();
        let walker = walkdir::WalkDir::new(path).follow_links(true).into_iter();
        for entry in walker.filter_entry(|e| !is_hidden(e)) {
            match entry {
                // Named here by a String: such a name could not be opened
                // again (it read "no such file", a misleading reason).
                Ok(e) if is_article_file(e.path()) && e.path().to_str().is_none() => {
                    diags.push(error(
                        &e.path().to_string_lossy(),
                        "file name is not UTF-8, skipped (rename it to read it)",
                    ));
                }
                Ok(e) if e.file_type().is_file() && is_article_file(e.path()) => {
                    let via_link = e.path_is_symlink() || linked_folders.iter().any(|d| e.path().starts_with(d));
                    found.push((e.path().to_string_lossy().into_owned(), via_link));
                }
                Ok(e) if e.file_type().is_dir() && e.depth() > 0 && e.path_is_symlink() => {
                    linked_folders.push(e.path().to_path_buf());
                }
                // A FIFO, socket or device named like an article.
                Ok(e) if !e.file_type().is_dir() && is_article_file(e.path()) => {
                    diags.push(error(&e.path().to_string_lossy(), "not a regular file, skipped"));
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
        if !dedupe && !found.iter().any(|(_, via_link)| *via_link) {
            files.extend(found.into_iter().map(|(f, _)| f));
            continue;
        }
        let real = resolved(path);
        files.extend(found.into_iter().filter_map(|(f, via_link)| {
            let at = Path::new(&f);
            let key = if via_link {
                resolved(at)
            } else {
                real.join(at.strip_prefix(path).unwrap_or(at))
            };
            seen.insert(key).then_some(f)
        }));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reached_through_two_paths_given_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("news");
        std::fs::create_dir(&folder).unwrap();
        for name in ["a.txt", "b.txt"] {
            std::fs::write(folder.join(name), "text").unwrap();
        }
        let folder = folder.to_str().unwrap().to_string();
        let a = format!("{folder}/a.txt");
        let b = format!("{folder}/b.txt");
        let found = |paths: &[&str]| discover(&paths.iter().map(|p| p.to_string()).collect::<Vec<_>>()).0;
        assert_eq!(found(&[&folder]), [a.clone(), b.clone()]);
        assert_eq!(found(&[&folder, &folder]), [a.clone(), b.clone()]);
        assert_eq!(found(&[&folder, &a]), [a.clone(), b.clone()]);
        // Where it is first reached, as it was given.
        let dotted = format!("{folder}/./a.txt");
        assert_eq!(found(&[&dotted, &folder]), [dotted.clone(), b.clone()]);
        assert_eq!(found(&[&a, &a, &b]), [a.clone(), b.clone()]);
        let parent = dir.path().to_str().unwrap().to_string();
        assert_eq!(found(&[&folder, &parent]), [a.clone(), b.clone()]);
        // A link is the file it leads to, read once where first reached:
        // given, or beside it in a folder, or a link to a folder.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(format!("{folder}/a.txt"), format!("{folder}/link.txt")).unwrap();
            let link = format!("{folder}/link.txt");
            assert_eq!(found(&[&link, &folder]), [link.clone(), b.clone()]);
            assert_eq!(found(&[&folder, &link]), [a.clone(), b.clone()]);
            assert_eq!(found(&[&folder]), [a.clone(), b.clone()]);
            assert_eq!(found(&[&a, &link]), std::slice::from_ref(&a));
            std::fs::remove_file(&link).unwrap();
            // A name that is not UTF-8 is said, not taken for a missing file.
            use std::os::unix::ffi::OsStrExt;
            let latin1 = Path::new(&folder).join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
            std::fs::write(&latin1, "text").unwrap();
            let (files, diags) = discover(std::slice::from_ref(&folder));
            assert_eq!(files, [a.clone(), b.clone()]);
            assert_eq!(diags.len(), 1);
            assert!(diags[0].message.contains("not UTF-8"), "{:?}", diags[0]);
            std::fs::remove_file(&latin1).unwrap();
            std::os::unix::fs::symlink(&folder, format!("{parent}/latest")).unwrap();
            assert_eq!(
                found(&[&parent]),
                [format!("{parent}/latest/a.txt"), format!("{parent}/latest/b.txt")]
            );
        }
    }
}
