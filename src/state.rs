//! The user's own work: stars and notes on quotes, corrections to speakers
//! (re-attribute a quote, merge two speakers, split an alias off, rename)
//! and article dates set by hand.
//!
//! It lives in one small TOML file, applied on every load. Quotes are named
//! by their article's file (made absolute) and their words (and which
//! time, when an article quotes the same words twice), so they are
//! found again after the extraction changes. Entries for articles that are
//! not loaded stay in the file untouched: opening another folder never
//! loses them. Every save re-reads the file, changes it and writes it
//! atomically (temporary file, fsync, rename, fsync of the folder), so a
//! crash at any moment leaves the old or the new version. A file that does
//! not parse is renamed aside with a warning, never overwritten.

use crate::model::{ArticleId, Corpus, QuoteId, Speaker, SpeakerId, SpeakerKind};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// An article, as the state file names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleKey {
    /// The absolute path of the file.
    pub file: String,
    /// The record within a file of several (JSON, feeds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

/// A quote, as the state file names it: its article and its words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuoteKey {
    #[serde(flatten)]
    pub article: ArticleKey,
    pub quote: String,
    /// Which of the article's quotes of these words, the first being 1
    /// (written only when not the first): two people may say the same
    /// words in one article.
    #[serde(default = "first", skip_serializing_if = "is_first")]
    pub occurrence: u32,
}

fn first() -> u32 {
    1
}

fn is_first(n: &u32) -> bool {
    *n == 1
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    #[serde(flatten)]
    pub key: QuoteKey,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFix {
    #[serde(flatten)]
    pub article: ArticleKey,
    /// `YYYY-MM-DD`, or empty for "undated".
    pub date: String,
}

/// A correction to who said what, applied in the order they were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Correction {
    /// The quote was said by `speaker` (empty: by nobody known).
    Reattribute {
        #[serde(flatten)]
        key: QuoteKey,
        speaker: String,
    },
    /// `from` and `into` are one person, called `into`.
    Merge { from: String, into: String },
    /// The quotes attributed through the name `alias` are not `from`'s:
    /// they belong to a speaker of their own.
    Split { alias: String, from: String },
    /// The speaker called `from` is called `to`.
    Rename { from: String, to: String },
}

/// A TOML file's error as one line, with where: "line 2: invalid table
/// header, expected `.`, `]]`" (the parser's own message takes several
/// lines, and it is printed as one warning).
pub fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', ", ");
    match e.span() {
        Some(span) => {
            let line = text.get(..span.start).map_or(0, |t| t.matches('\n').count()) + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

/// Everything the user has said, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserState {
    #[serde(default = "version")]
    pub version: u32,
    #[serde(default, rename = "star", skip_serializing_if = "Vec::is_empty")]
    pub stars: Vec<QuoteKey>,
    #[serde(default, rename = "note", skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, rename = "date", skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateFix>,
    #[serde(default, rename = "correction", skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

fn version() -> u32 {
    1
}

const HEADER: &str = "# quoteline: your stars, notes, corrections and dates set by hand.\n\
# Written by the reader; safe to edit while it is closed.\n\n";

impl UserState {
    pub fn new() -> UserState {
        UserState {
            version: 1,
            ..UserState::default()
        }
    }

    pub fn to_toml(&self) -> String {
        // Serialising plain strings and lists cannot fail.
        format!("{HEADER}{}", toml::to_string(self).unwrap_or_default())
    }

    pub fn from_toml(text: &str) -> Result<UserState, String> {
        toml::from_str(text).map_err(|e| toml_error(text, &e))
    }

    pub fn is_starred(&self, key: &QuoteKey) -> bool {
        self.stars.contains(key)
    }

    /// Stars an unstarred quote and unstars a starred one; returns whether
    /// it is starred now.
    pub fn toggle_star(&mut self, key: QuoteKey) -> bool {
        if let Some(i) = self.stars.iter().position(|k| *k == key) {
            self.stars.remove(i);
            false
        } else {
            self.stars.push(key);
            true
        }
    }

    /// Sets the quote's note; an empty note removes it.
    pub fn set_note(&mut self, key: QuoteKey, note: &str) {
        self.notes.retain(|n| n.key != key);
        let note = note.trim();
        if !note.is_empty() {
            self.notes.push(Note {
                key,
                note: note.to_string(),
            });
        }
    }

    pub fn set_date(&mut self, article: ArticleKey, date: Option<NaiveDate>) {
        self.dates.retain(|d| d.article != article);
        self.dates.push(DateFix {
            article,
            date: date.map(|d| d.to_string()).unwrap_or_default(),
        });
    }
}

/// Where the state lives and how to read and write it safely.
#[derive(Debug, Clone)]
pub struct StateFile {
    pub path: PathBuf,
}

/// The default place: the user's data folder (`~/.local/share/quoteline`
/// on Linux), or `$QUOTELINE_STATE`.
pub fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUOTELINE_STATE") {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join("quoteline").join("state.toml"))
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> StateFile {
        StateFile { path: path.into() }
    }

    /// Reads the state. No file yet is an empty state. A file that does not
    /// parse is renamed aside (`state.toml.corrupt-<time>`) and the warning
    /// says where; the state starts empty.
    pub fn load(&self) -> (UserState, Option<String>) {
        self.read(true)
    }

    /// Reads the state for a command that writes none: a file that does
    /// not parse is left where it is, and ignored with a warning.
    pub fn peek(&self) -> (UserState, Option<String>) {
        self.read(false)
    }

    fn read(&self, set_aside_if_damaged: bool) -> (UserState, Option<String>) {
        let text = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (UserState::new(), None),
            Err(e) => {
                return (
                    UserState::new(),
                    Some(format!("{}: cannot read the state file: {e}", self.path.display())),
                )
            }
        };
        let parsed = std::str::from_utf8(&text)
            .map_err(|_| "not UTF-8".to_string())
            .and_then(UserState::from_toml);
        match parsed {
            Ok(state) => (state, None),
            Err(reason) if !set_aside_if_damaged => (
                UserState::new(),
                Some(format!(
                    "{}: state file is damaged ({reason}); ignored, left as it is",
                    self.path.display()
                )),
            ),
            Err(reason) => {
                let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
                let aside = self.path.with_extension(format!("toml.corrupt-{stamp}"));
                let moved = std::fs::rename(&self.path, &aside);
                let warning = match moved {
                    Ok(()) => format!(
                        "{}: state file is damaged ({reason}); kept aside as {} and starting afresh",
                        self.path.display(),
                        aside.display()
                    ),
                    Err(e) => format!(
                        "{}: state file is damaged ({reason}) and could not be moved aside ({e}); it will not be written",
                        self.path.display()
                    ),
                };
                (UserState::new(), Some(warning))
            }
        }
    }

    /// Reads the state and applies it to a freshly loaded corpus; returns
    /// it with the warnings of both steps (one line each).
    pub fn load_into(&self, corpus: &mut Corpus) -> (UserState, Vec<String>) {
        self.read_into(corpus, true)
    }

    /// [`StateFile::load_into`] for a command that writes no state: a
    /// damaged file is left where it is ([`StateFile::peek`]).
    pub fn peek_into(&self, corpus: &mut Corpus) -> (UserState, Vec<String>) {
        self.read_into(corpus, false)
    }

    fn read_into(&self, corpus: &mut Corpus, set_aside_if_damaged: bool) -> (UserState, Vec<String>) {
        let (state, warning) = self.read(set_aside_if_damaged);
        let mut warnings: Vec<String> = warning.into_iter().collect();
        warnings.extend(apply(corpus, &state));
        (state, warnings)
    }

    /// Re-reads the file, applies `change`, and writes the result
    /// atomically. Re-reading keeps what another reader saved meanwhile.
    pub fn update<T>(&self, change: impl FnOnce(&mut UserState) -> T) -> Result<(UserState, T), String> {
        let (mut state, warning) = self.load();
        if let Some(w) = warning {
            if self.path.exists() {
                return Err(w);
            }
        }
        let out = change(&mut state);
        self.write(&state)?;
        Ok((state, out))
    }

    /// Writes `state` atomically: a temporary file beside the target,
    /// flushed to disk, renamed over it, then the folder flushed.
    pub fn write(&self, state: &UserState) -> Result<(), String> {
        let fail = |what: &str, e: std::io::Error| format!("{}: cannot save ({what}: {e})", self.path.display());
        let dir = self
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| fail("create folder", e))?;
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let mut f = std::fs::File::create(&tmp).map_err(|e| fail("create", e))?;
        f.write_all(state.to_toml().as_bytes()).map_err(|e| fail("write", e))?;
        f.sync_all().map_err(|e| fail("sync", e))?;
        drop(f);
        std::fs::rename(&tmp, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail("rename", e)
        })?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The state's name for article `a`: its file made absolute.
pub fn article_key(corpus: &Corpus, a: ArticleId) -> ArticleKey {
    let art = &corpus.articles[a];
    // Standard input is no file, whatever a file named "-" here holds.
    let file = Some(&art.file)
        .filter(|f| *f != crate::load::discover::STDIN)
        .map_or(Err(()), |f| std::fs::canonicalize(f).map_err(|_| ()))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| art.file.clone());
    ArticleKey {
        file,
        item: art.item.clone(),
    }
}

pub fn quote_key(corpus: &Corpus, q: QuoteId) -> QuoteKey {
    let a = corpus.quotes[q].article;
    let text = corpus.articles[a].text.get();
    let words = normalize(corpus.quotes[q].span.of(&text));
    let earlier = corpus.articles[a]
        .quotes
        .iter()
        .take_while(|&other| other != q)
        .filter(|&other| normalize(corpus.quotes[other].span.of(&text)) == words)
        .count();
    QuoteKey {
        article: article_key(corpus, a),
        quote: words,
        occurrence: u32::try_from(earlier + 1).unwrap_or(u32::MAX),
    }
}

fn normalize(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The speaker called `name`: by canonical name first, then by alias
/// (case does not matter); speakers merged away are skipped. Saved
/// corrections name speakers so: a name that is no speaker's waits in the
/// file for the day it is.
pub fn speaker_by_name(corpus: &Corpus, name: &str) -> Option<SpeakerId> {
    let name = name.trim();
    let live = |s: &&Speaker| !s.name.is_empty();
    corpus
        .speakers
        .iter()
        .position(|s| live(&s) && s.name.eq_ignore_ascii_case(name))
        .or_else(|| {
            corpus
                .speakers
                .iter()
                .position(|s| live(&s) && s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        })
}

/// A speaker other than `except` who has `name` as name or alias, case and
/// accents ignored: renaming `except` to it would make two speakers of one
/// name ("Ilona Varkonyi" beside "Ilona Várkonyi").
pub fn other_speaker_named(corpus: &Corpus, name: &str, except: SpeakerId) -> Option<SpeakerId> {
    let name = name.trim();
    let same = |other: &str| crate::text::same_folded(other, name);
    let live = corpus
        .speakers
        .iter()
        .enumerate()
        .filter(|&(i, s)| i != except && !s.name.is_empty());
    live.clone()
        .find(|(_, s)| same(&s.name))
        .or_else(|| live.clone().find(|(_, s)| s.aliases.iter().any(|a| same(a))))
        .map(|(i, _)| i)
}

/// The speaker a name typed in a prompt means ([`speaker_by_name`]), else
/// as the speaker picker finds them: name or alias with case and accents
/// ignored ("ilona varkonyi" is Ilona Várkonyi), then, for one word, the
/// one speaker whose name ends in it ("varkonyi"), when only one does.
pub fn speaker_typed(corpus: &Corpus, name: &str) -> Option<SpeakerId> {
    let name = name.trim();
    if let Some(found) = speaker_by_name(corpus, name) {
        return Some(found);
    }
    let same = |other: &str| crate::text::same_folded(other, name);
    let live = corpus.speakers.iter().enumerate().filter(|(_, s)| !s.name.is_empty());
    let first = |f: &dyn Fn(&Speaker) -> bool| live.clone().find(|(_, s)| f(s)).map(|(i, _)| i);
    first(&|s| same(&s.name))
        .or_else(|| first(&|s| s.aliases.iter().any(|a| same(a))))
        .or_else(|| {
            if name.is_empty() || name.contains(char::is_whitespace) {
                return None;
            }
            let mut ending = live
                .clone()
                .filter(|(_, s)| s.name.rsplit(' ').next().is_some_and(same));
            match (ending.next(), ending.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        })
}

/// Finds the loaded articles and quotes the state names.
struct Lookup {
    articles: std::collections::HashMap<ArticleKey, ArticleId>,
    /// The records of each file of several. Records without an id were
    /// once named by their place ("3"), now by their words: a quote saved
    /// under a place is found among its file's records by its words.
    records: std::collections::HashMap<String, Vec<ArticleId>>,
}

impl Lookup {
    fn new(corpus: &Corpus) -> Lookup {
        let mut articles = std::collections::HashMap::new();
        let mut records: std::collections::HashMap<String, Vec<ArticleId>> = std::collections::HashMap::new();
        for a in 0..corpus.articles.len() {
            let key = article_key(corpus, a);
            if key.item.is_some() {
                records.entry(key.file.clone()).or_default().push(a);
            }
            articles.insert(key, a);
        }
        Lookup { articles, records }
    }

    /// Whether the quote `key` names is in a loaded article, or may be.
    fn knows(&self, key: &QuoteKey) -> bool {
        self.articles.contains_key(&key.article) || self.placed(key).is_some()
    }

    /// The records of the file `key` names by a place, if it does.
    fn placed(&self, key: &QuoteKey) -> Option<&[ArticleId]> {
        let item = key.article.item.as_deref()?;
        if item.is_empty() || !item.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.records.get(&key.article.file).map(Vec::as_slice)
    }

    fn quote(&self, corpus: &Corpus, key: &QuoteKey) -> Option<QuoteId> {
        match self.articles.get(&key.article) {
            Some(&a) => quote_in(corpus, a, &key.quote, key.occurrence),
            None => self
                .placed(key)?
                .iter()
                .find_map(|&a| quote_in(corpus, a, &key.quote, key.occurrence)),
        }
    }
}

/// Article `a`'s quote of `words` (as a [`QuoteKey`] holds them), the
/// `occurrence`th of those (the first being 1).
pub fn quote_in(corpus: &Corpus, a: ArticleId, words: &str, occurrence: u32) -> Option<QuoteId> {
    let text = corpus.articles[a].text.get();
    corpus.articles[a]
        .quotes
        .iter()
        .filter(|&q| normalize(corpus.quotes[q].span.of(&text)) == words)
        .nth(occurrence.max(1) as usize - 1)
}

/// Applies the whole state to a freshly loaded corpus. Returns one warning
/// per correction that names a loaded article but no longer fits it.
pub fn apply(corpus: &mut Corpus, state: &UserState) -> Vec<String> {
    let (warnings, changed) = apply_parts(corpus, state);
    if changed {
        crate::refresh(corpus);
    }
    warnings
}

/// [`apply`] for a corpus whose relations are still to be computed (the
/// reader computes them in the background next): timelines are put in
/// order, statements and stories are left to the caller.
pub fn apply_before_relations(corpus: &mut Corpus, state: &UserState) -> Vec<String> {
    let (warnings, changed) = apply_parts(corpus, state);
    if changed {
        crate::sort_speaker_quotes(corpus);
    }
    warnings
}

/// The dates the user set, by article, and a warning for each that is
/// not a date.
fn user_dates(state: &UserState, lookup: &Lookup) -> (Vec<(ArticleId, Option<NaiveDate>)>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut dates = Vec::new();
    for fix in &state.dates {
        if let Some(&a) = lookup.articles.get(&fix.article) {
            match fix.date.as_str() {
                "" => dates.push((a, None)),
                d => match d.parse::<NaiveDate>() {
                    Ok(date) => dates.push((a, Some(date))),
                    Err(_) => warnings.push(format!("state: {:?} is not a date (article {})", d, fix.article.file)),
                },
            }
        }
    }
    (dates, warnings)
}

/// Each article's date once the state is applied (as [`apply`] sets it):
/// the reader links stories by these before it applies the state.
pub fn dates_with(corpus: &Corpus, state: &UserState) -> Vec<Option<NaiveDate>> {
    let mut dates: Vec<_> = corpus.articles.iter().map(|a| a.date).collect();
    if !state.dates.is_empty() {
        for (a, date) in user_dates(state, &Lookup::new(corpus)).0 {
            dates[a] = date;
        }
    }
    dates
}

/// Applies the state; returns the warnings and whether dates or speakers
/// changed.
fn apply_parts(corpus: &mut Corpus, state: &UserState) -> (Vec<String>, bool) {
    if state == &UserState::new() || state == &UserState::default() {
        return (Vec::new(), false);
    }
    let lookup = Lookup::new(corpus);
    let (dates, mut warnings) = user_dates(state, &lookup);
    let changed = !dates.is_empty() || !state.corrections.is_empty();
    crate::set_dates(corpus, &dates, false);
    for key in &state.stars {
        if let Some(q) = lookup.quote(corpus, key) {
            corpus.quotes[q].starred = true;
        }
    }
    for note in &state.notes {
        if let Some(q) = lookup.quote(corpus, &note.key) {
            corpus.set_note(q, &note.note);
        }
    }
    for c in &state.corrections {
        if let Err(w) = correct(corpus, &lookup, c) {
            warnings.push(format!("state: {w}"));
        }
    }
    (warnings, changed)
}

/// Applies one correction to a loaded corpus (then [`crate::refresh`] it).
/// A correction about articles not loaded is no error: it waits in the
/// file for the day they are.
pub fn apply_one(corpus: &mut Corpus, c: &Correction) -> Result<(), String> {
    let lookup = Lookup::new(corpus);
    let out = correct(corpus, &lookup, c);
    crate::refresh(corpus);
    out
}

fn correct(corpus: &mut Corpus, lookup: &Lookup, c: &Correction) -> Result<(), String> {
    match c {
        Correction::Reattribute { key, speaker } => {
            if !lookup.knows(key) {
                return Ok(());
            }
            let q = lookup
                .quote(corpus, key)
                .ok_or_else(|| format!("quote {:?} is no longer in {}", key.quote, key.article.file))?;
            let to = if speaker.trim().is_empty() {
                None
            } else {
                Some(speaker_by_name(corpus, speaker).unwrap_or_else(|| new_speaker(corpus, speaker)))
            };
            move_quote(corpus, q, to);
            Ok(())
        }
        Correction::Merge { from, into } => {
            let (Some(f), Some(i)) = (speaker_by_name(corpus, from), speaker_by_name(corpus, into)) else {
                return Ok(());
            };
            if f == i {
                return Ok(());
            }
            for q in std::mem::take(&mut corpus.speakers[f].quotes) {
                corpus.quotes[q].speaker = i.into();
                corpus.speakers[i].quotes.push(q);
            }
            let gone = std::mem::replace(
                &mut corpus.speakers[f],
                Speaker {
                    name: String::new(),
                    kind: SpeakerKind::Person,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    quotes: Vec::new(),
                },
            );
            let into = &mut corpus.speakers[i];
            for alias in std::iter::once(gone.name).chain(gone.aliases) {
                if alias != into.name && !into.aliases.contains(&alias) {
                    into.aliases.push(alias);
                }
            }
            for role in gone.roles {
                if !into.roles.contains(&role) {
                    into.roles.push(role);
                }
            }
            Ok(())
        }
        Correction::Split { alias, from } => {
            let Some(f) = speaker_by_name(corpus, from) else {
                return Ok(());
            };
            let moving: Vec<QuoteId> = corpus.speakers[f]
                .quotes
                .iter()
                .copied()
                .filter(|&q| {
                    corpus.quotes[q]
                        .mention
                        .as_ref()
                        .is_some_and(|m| m.text.as_str().trim().eq_ignore_ascii_case(alias.trim()))
                })
                .collect();
            corpus.speakers[f]
                .aliases
                .retain(|a| !a.eq_ignore_ascii_case(alias.trim()));
            if moving.is_empty() {
                return Ok(());
            }
            let to = new_speaker(corpus, alias);
            for q in moving {
                move_quote(corpus, q, Some(to));
            }
            Ok(())
        }
        Correction::Rename { from, to } => {
            let Some(f) = speaker_by_name(corpus, from) else {
                return Ok(());
            };
            let to = to.trim();
            if to.is_empty() {
                return Err(format!("cannot rename {from:?} to an empty name"));
            }
            // Renaming to a name another speaker has is a merge.
            if let Some(other) = speaker_by_name(corpus, to).filter(|&o| o != f) {
                let into = corpus.speakers[other].name.clone();
                return correct(
                    corpus,
                    lookup,
                    &Correction::Merge {
                        from: corpus.speakers[f].name.clone(),
                        into,
                    },
                );
            }
            let sp = &mut corpus.speakers[f];
            let old = std::mem::replace(&mut sp.name, to.to_string());
            sp.aliases.retain(|a| a != to);
            if !sp.aliases.contains(&old) {
                sp.aliases.push(old);
            }
            Ok(())
        }
    }
}

fn new_speaker(corpus: &mut Corpus, name: &str) -> SpeakerId {
    corpus.speakers.push(Speaker {
        name: name.trim().to_string(),
        kind: SpeakerKind::Person,
        aliases: Vec::new(),
        roles: Vec::new(),
        quotes: Vec::new(),
    });
    corpus.speakers.len() - 1
}

fn move_quote(corpus: &mut Corpus, q: QuoteId, to: Option<SpeakerId>) {
    if let Some(old) = corpus.quotes[q].speaker.get() {
        corpus.speakers[old].quotes.retain(|&x| x != q);
    }
    corpus.quotes[q].speaker = to.into();
    if let Some(s) = to {
        corpus.speakers[s].quotes.push(q);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(quote: &str) -> QuoteKey {
        QuoteKey {
            article: ArticleKey {
                file: "/news/a.txt".into(),
                item: None,
            },
            quote: quote.into(),
            occurrence: 1,
        }
    }

    #[test]
    fn round_trips_through_toml() {
        let mut s = UserState::new();
        s.toggle_star(key("We will build it"));
        s.set_note(key("We will build it"), "check the date");
        s.set_date(
            ArticleKey {
                file: "/news/b.json".into(),
                item: Some("3".into()),
            },
            NaiveDate::from_ymd_opt(2026, 3, 2),
        );
        s.corrections.push(Correction::Merge {
            from: "Brandt".into(),
            into: "Tomas Brandt".into(),
        });
        s.corrections.push(Correction::Reattribute {
            key: key("No"),
            speaker: "Ilse Varga".into(),
        });
        let text = s.to_toml();
        assert!(text.starts_with("# quoteline"), "{text}");
        assert!(text.contains("[[correction]]\nkind = \"merge\""), "{text}");
        assert_eq!(UserState::from_toml(&text).unwrap(), s);
    }

    /// A corpus of the JSON records `json`, read from a file of a folder of
    /// its own (kept while the folder is).
    fn records(json: &str) -> (tempfile::TempDir, std::path::PathBuf, Corpus) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("wire.json");
        std::fs::write(&file, json).unwrap();
        let corpus = crate::load_corpus(&[file.to_string_lossy().into_owned()], &crate::LoadOptions::default());
        (dir, file, corpus)
    }

    /// A speaker typed in a prompt is found by name or alias with case and
    /// accents ignored, or by a surname only one speaker's name ends in; a
    /// saved correction's speaker only by name or alias.
    #[test]
    fn speakers_are_found_as_the_picker_finds_them() {
        let (_dir, _, corpus) = records(
            r#"[{"title": "Harbour", "body": "“We will build it,” Ilse Várga said."},
                {"title": "Vote", "body": "“The vote is close,” Tomas Brandt said. “It is,” Ida Brandt said."}]"#,
        );
        let name = |n: &str| speaker_typed(&corpus, n).map(|s| corpus.speakers[s].name.as_str());
        assert_eq!(name("ILSE VARGA"), Some("Ilse Várga"));
        assert_eq!(name("varga"), Some("Ilse Várga"));
        assert_eq!(name("brandt"), None, "two speakers are called Brandt");
        assert_eq!(name("tomas brandt"), Some("Tomas Brandt"));
        // Saved corrections name speakers exactly: "varga" is no one yet.
        assert_eq!(speaker_by_name(&corpus, "varga"), None);
    }

    /// Stars, notes and re-attributions saved when records without an id
    /// were named by their place ("2") still find their quotes, by words.
    #[test]
    fn quotes_saved_under_a_records_place_are_found_by_their_words() {
        let (_dir, file, mut corpus) = records(
            r#"[{"title": "Harbour", "body": "“We will build it,” Mayor Ilse Varga said."},
                {"title": "Vote", "body": "“The vote is close,” Tomas Brandt said."}]"#,
        );
        let placed = |item: &str, quote: &str| QuoteKey {
            article: ArticleKey {
                file: std::fs::canonicalize(&file).unwrap().to_string_lossy().into_owned(),
                item: Some(item.into()),
            },
            quote: quote.into(),
            occurrence: 1,
        };
        let mut state = UserState::new();
        state.toggle_star(placed("2", "The vote is close,"));
        state.corrections.push(Correction::Reattribute {
            key: placed("2", "The vote is close,"),
            speaker: "Edda Moll".into(),
        });
        assert!(apply(&mut corpus, &state).is_empty());
        let q = (0..corpus.quotes.len())
            .find(|&q| corpus.quote_text(&corpus.quotes[q]).contains("vote is close"))
            .unwrap();
        assert!(corpus.quotes[q].starred);
        assert_eq!(corpus.speaker_name(&corpus.quotes[q]), Some("Edda Moll"));
    }

    #[test]
    fn toggles_and_clears() {
        let mut s = UserState::new();
        assert!(s.toggle_star(key("x")));
        assert!(!s.toggle_star(key("x")));
        s.set_note(key("x"), "a");
        s.set_note(key("x"), "  ");
        assert_eq!(s, UserState::new());
    }

    #[test]
    fn damaged_file_is_kept_aside_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.toml");
        std::fs::write(&path, "version = [[[ broken").unwrap();
        let file = StateFile::new(&path);
        // A command that writes no state leaves it where it is.
        let (state, warning) = file.peek();
        assert_eq!(state, UserState::new());
        let warning = warning.unwrap();
        assert!(
            warning.contains("line 1: ") && warning.contains("left as it is"),
            "{warning}"
        );
        assert!(!warning.contains('\n'), "one line: {warning}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "version = [[[ broken");
        let (state, warning) = file.load();
        assert_eq!(state, UserState::new());
        assert!(warning.unwrap().contains("kept aside"));
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].to_string_lossy().starts_with("state.toml.corrupt-"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&aside[0])).unwrap(),
            "version = [[[ broken"
        );
    }

    #[test]
    fn update_writes_atomically_and_keeps_other_writers_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = StateFile::new(dir.path().join("sub/state.toml"));
        file.update(|s| s.toggle_star(key("one"))).unwrap();
        // Another reader saved meanwhile.
        let other = StateFile::new(dir.path().join("sub/state.toml"));
        other.update(|s| s.toggle_star(key("two"))).unwrap();
        let (state, _) = file.update(|s| s.set_note(key("one"), "n")).unwrap();
        assert_eq!(state.stars, vec![key("one"), key("two")]);
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }
}
