//! Loading: find the files under the given paths and decode them to text.
//! Every problem becomes a [`Diagnostic`] naming the file; nothing panics and
//! one bad file never stops the others.

pub mod decode;
pub mod discover;
pub mod markdown;

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
}

/// One decoded input, ready for cleaning.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub text: String,
    pub meta: SourceMeta,
    /// Byte length of a leading metadata block (front matter) in `text`,
    /// which cleaning keeps aside rather than showing.
    pub meta_len: usize,
}

/// Reads every file under `paths`; returns the decoded sources in a stable
/// order and one diagnostic per problem.
pub fn load_sources(paths: &[String], opts: &LoadOptions) -> (Vec<Source>, Vec<Diagnostic>) {
    let (files, mut diags) = discover::discover(paths);
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        match decode::read_text(&file, opts.max_bytes) {
            Ok((text, warnings)) => {
                diags.extend(warnings.into_iter().map(|message| Diagnostic {
                    file: file.clone(),
                    message,
                    is_error: false,
                }));
                let (meta, meta_len) = markdown::front_matter(&text);
                sources.push(Source {
                    file,
                    text,
                    meta,
                    meta_len,
                });
            }
            Err(message) => diags.push(Diagnostic {
                file,
                message,
                is_error: true,
            }),
        }
    }
    (sources, diags)
}
