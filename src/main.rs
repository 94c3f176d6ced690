//! The `quoteline` command: the reader by default, and `extract`,
//! `articles`, `speakers`, `statements` and `related` for scripts.

mod tui;

use clap::{Parser, Subcommand, ValueEnum};
use quoteline::{export, load_corpus_with, state, LoadOptions};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// `eprintln!` without its panic when stderr is closed (`2>&1 | head -1`,
/// a hangup): the output and the exit code matter more than a message no
/// one can read.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Loading makes and drops millions of small strings and vectors; the
/// system allocator spent a tenth of the load in malloc and free (profiled).
#[global_allocator]
static ALLOC: quoteline::alloc::Allocator = quoteline::alloc::Allocator;

#[derive(Parser)]
#[command(
    name = "quoteline",
    version,
    about = "Read news quotes: who said what, when, and how each outlet worded it."
)]
#[command(after_help = "With no subcommand, opens the reader on PATHs (default: the demo corpus in assets/).")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders to open in the reader.
    paths: Vec<String>,
    /// Refuse input files larger than this many MiB.
    #[arg(long, global = true, default_value_t = 64, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..))]
    max_size: u64,
    /// Your stars, notes, corrections and dates [default: the user data
    /// folder, e.g. ~/.local/share/quoteline/state.toml, or $QUOTELINE_STATE].
    #[arg(long, global = true, value_name = "FILE")]
    state: Option<std::path::PathBuf>,
    /// Ignore the state file: show what the machine found (and the reader
    /// saves nothing to it).
    #[arg(long, global = true)]
    no_state: bool,
    /// Read every file afresh, neither using nor writing the reader's cache
    /// of read articles [default: kept in the user cache folder, e.g.
    /// ~/.cache/quoteline, or $QUOTELINE_CACHE].
    #[arg(long)]
    no_cache: bool,
}

#[derive(Subcommand)]
enum Command {
    /// One record per quote: text, speaker, mention, cue, kind, date.
    Extract {
        /// One JSON object a line, or CSV with a header row.
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Files or folders to read (folders recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// One record per article: title, outlet, byline, date, cleaned body and the clutter removed.
    Articles {
        /// One JSON object a line (the only format of this command).
        #[arg(long, value_enum, default_value_t = JsonOnly::Jsonl)]
        format: JsonOnly,
        /// Files or folders to read (folders recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// One record per speaker: canonical name, aliases, roles, quote count.
    Speakers {
        /// One JSON object a line (the only format of this command).
        #[arg(long, value_enum, default_value_t = JsonOnly::Jsonl)]
        format: JsonOnly,
        /// Include people who are named but never quoted.
        #[arg(long)]
        all: bool,
        /// Files or folders to read (folders recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// One record per statement: a speaker's words as one or more outlets reported them, with the date.
    Statements {
        /// One JSON object a line (the only format of this command).
        #[arg(long, value_enum, default_value_t = JsonOnly::Jsonl)]
        format: JsonOnly,
        /// Files or folders to read (folders recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// For each attributed quote, its related quotes with the reason and a score, best first.
    Related {
        /// One JSON object a line (the only format of this command).
        #[arg(long, value_enum, default_value_t = JsonOnly::Jsonl)]
        format: JsonOnly,
        /// Files or folders to read (folders recursively); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum JsonOnly {
    Jsonl,
}

/// Why `path` cannot be read, if it cannot, and the command meant when it
/// looks like one mistyped ("extrct").
fn missing(path: &str) -> Option<(String, Option<String>)> {
    let e = std::fs::metadata(path).err()?;
    let reason = quoteline::load::discover::io_reason(&e);
    let meant = <Cli as clap::CommandFactory>::command()
        .get_subcommands()
        .map(|c| c.get_name())
        .find(|c| !path.contains('/') && strsim::damerau_levenshtein(c, path) <= 2)
        .map(str::to_string);
    let hint = meant
        .as_ref()
        .map(|c| format!(" (did you mean `quoteline {c} …`?)"))
        .unwrap_or_default();
    Some((format!("quoteline: error: {path}: {reason}{hint}"), meant))
}

/// Each path's reason when none of `paths` can be read, with the command
/// meant when one looks like a command mistyped.
fn all_missing(paths: &[String]) -> Option<Vec<String>> {
    paths.iter().map(|p| missing(p).map(|(reason, _)| reason)).collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let opts = LoadOptions {
        max_bytes: cli.max_size.saturating_mul(1024 * 1024),
    };
    let paths = match &cli.command {
        Some(
            Command::Extract { paths, .. }
            | Command::Articles { paths, .. }
            | Command::Speakers { paths, .. }
            | Command::Statements { paths, .. }
            | Command::Related { paths, .. },
        ) => paths.clone(),
        None if cli.paths.is_empty() => vec![default_corpus()],
        None => cli.paths.clone(),
    };
    let state_file = if cli.no_state {
        None
    } else {
        cli.state
            .clone()
            .or_else(state::default_path)
            .map(state::StateFile::new)
    };
    let Some(command) = cli.command else {
        // Its keys come through the terminal, and a live reload would find
        // a pipe read out: the subcommands take piped articles.
        if paths.iter().any(|p| p == quoteline::load::discover::STDIN) {
            say!("quoteline: error: -: the reader cannot read articles from standard input; save them to a file, or pipe them to a command (`quoteline extract -`)");
            return ExitCode::from(2);
        }
        // With none of its paths there, the reader would open on nothing
        // and say why only on exit: said now (a mistyped command,
        // "extrct", is taken for a path).
        if let Some(reasons) = all_missing(&paths) {
            if cli.paths.is_empty() {
                say!(
                    "quoteline: error: no demo corpus in {}: give the reader a file or folder (quoteline PATH...)",
                    paths[0]
                );
            } else {
                reasons.iter().for_each(|r| say!("{r}"));
            }
            return ExitCode::from(2);
        }
        // A mistyped command before paths that are there ("extrct
        // assets") would open the reader on them, and say so only on exit.
        if let Some((reason, Some(_))) = paths.first().and_then(|p| missing(p)) {
            say!("{reason}");
            return ExitCode::from(2);
        }
        // The reader loads behind its first frame.
        let (user_state, state_warning) = match &state_file {
            Some(f) => f.load(),
            None => (state::UserState::new(), None),
        };
        let reload = tui::live::Reload {
            paths,
            opts,
            store: state_file,
            cache: if cli.no_cache {
                None
            } else {
                quoteline::cache::default_dir()
            },
        };
        return match tui::run(user_state, state_warning, reload) {
            Ok(ended) => {
                // After a hangup stderr may be the terminal that is gone.
                for p in ended.problems {
                    say!("{p}");
                }
                // 128 + the signal's number, as a shell reports a process
                // a signal ended (143 for SIGTERM); 2 when nothing could
                // be loaded, as the commands exit.
                match ended.signal {
                    Some(s) => ExitCode::from(u8::try_from(128 + s).unwrap_or(1)),
                    None if ended.nothing_loaded => ExitCode::from(2),
                    None => ExitCode::SUCCESS,
                }
            }
            Err(e) => {
                say!("quoteline: the reader needs a terminal: {e}");
                ExitCode::FAILURE
            }
        };
    };
    // Only the related quotes need stories.
    let with_stories = matches!(command, Command::Related { .. });
    let mut corpus = load_corpus_with(&paths, &opts, with_stories);
    for d in &corpus.diagnostics {
        say!("{d}");
    }
    if let Some(f) = &state_file {
        // The exports write no state: a damaged file is left for the
        // reader to set aside.
        for w in f.peek_into(&mut corpus).1 {
            say!("quoteline: warning: {w}");
        }
    }
    if corpus.articles.is_empty() {
        say!("quoteline: nothing could be loaded");
        return ExitCode::from(2);
    }
    let out = std::io::stdout().lock();
    let mut out = BufWriter::new(out);
    let result = match command {
        Command::Extract {
            format: Format::Jsonl, ..
        } => write_indexed(&mut out, corpus.quotes.len(), |buf, q| {
            export::write_quote_line(buf, &export::quote_record(&corpus, q));
            Ok(())
        }),
        Command::Extract {
            format: Format::Csv, ..
        } => write_csv(&mut out, &corpus),
        Command::Articles { .. } => write_jsonl(&mut out, export::article_records(&corpus)),
        Command::Speakers { all, .. } => write_jsonl(&mut out, export::speaker_records(&corpus, all)),
        Command::Statements { .. } => write_jsonl(&mut out, export::statement_records(&corpus)),
        Command::Related { .. } => write_jsonl(&mut out, export::related_records(&corpus)),
    };
    let result = result.and_then(|_| out.flush());
    // The process is about to end and the system takes its memory back at
    // once: freeing a million quotes one by one took 0.1 s of a 6 s run.
    std::mem::forget(corpus);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!("quoteline: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `assets/` next to the working directory, or the one the binary was
/// built from.
fn default_corpus() -> String {
    if std::path::Path::new("assets").is_dir() {
        "assets".into()
    } else {
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets").into()
    }
}

/// One record per line, in order, serialised on all cores. The records
/// are plain fields, so serialising cannot fail in practice; should it,
/// the batches before the failing record's are written, and nothing after.
fn write_jsonl<T: serde::Serialize + Sync>(
    out: &mut impl Write,
    mut items: impl Iterator<Item = T>,
) -> std::io::Result<()> {
    loop {
        let batch: Vec<T> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return Ok(());
        }
        write_indexed(out, batch.len(), |buf, i| serde_json::to_writer(buf, &batch[i]))?;
    }
}

/// Records made and written a batch at a time: only one batch's records
/// and lines are held at once.
const BATCH: usize = 16_384;

/// Records `0..n`, each written by `write` on all cores, a line each, in
/// order. A million quote lines took 1.3 s on one core (of a 9.7 s
/// `extract` at 100k articles); the quotes' records are made there too
/// (made one by one while the other core waited, they held half the
/// writing to one core; profiled).
fn write_indexed(
    out: &mut impl Write,
    n: usize,
    write: impl Fn(&mut Vec<u8>, usize) -> Result<(), serde_json::Error> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 512;
    // A quote's line is about 450 bytes: room for most at once.
    const LINE_BYTES: usize = 512;
    for batch in (0..n).step_by(BATCH) {
        let end = n.min(batch + BATCH);
        let chunks: Vec<Vec<u8>> = (batch..end)
            .into_par_iter()
            .step_by(CHUNK)
            .map(|from| {
                let to = end.min(from + CHUNK);
                let mut buf = Vec::with_capacity((to - from) * LINE_BYTES);
                for i in from..to {
                    write(&mut buf, i)?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect::<Result<_, serde_json::Error>>()?;
        for buf in chunks {
            out.write_all(&buf)?;
        }
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, corpus: &quoteline::model::Corpus) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "file",
        "start",
        "end",
        "text",
        "speaker",
        "mention",
        "cue",
        "kind",
        "date",
        "date_precision",
        "date_source",
        "article",
        // After the first columns, which scripts may read by position.
        "item",
        "speaker_kind",
        "date_evidence",
        "sieve",
        "statement",
        "starred",
        "note",
    ])
    .map_err(csv_io)?;
    use quoteline::load::decode::strip_controls;
    for r in export::quote_records(corpus) {
        // CSV has no escape for a control character, which JSON Lines
        // writes as \u001b: a file's name, and a note or a speaker's name
        // from the state file, are the fields that may hold one, and go
        // without it to a terminal or spreadsheet.
        let file = strip_controls(r.quote.file).0.into_owned();
        let speaker = strip_controls(r.quote.speaker.unwrap_or("")).0.into_owned();
        let note = strip_controls(r.note.unwrap_or("")).0.into_owned();
        w.write_record([
            file.as_str(),
            &r.quote.start.to_string(),
            &r.quote.end.to_string(),
            &r.quote.text,
            speaker.as_str(),
            r.mention.unwrap_or(""),
            r.cue.unwrap_or(""),
            r.kind,
            &r.quote.date.map(|d| d.to_string()).unwrap_or_default(),
            r.date_precision.unwrap_or(""),
            r.date_source.unwrap_or(""),
            r.article.unwrap_or(""),
            r.quote.item.unwrap_or(""),
            r.speaker_kind.map_or("", |k| k.as_str()),
            r.date_evidence.unwrap_or(""),
            r.sieve.unwrap_or(""),
            &r.statement.map(|s| s.to_string()).unwrap_or_default(),
            if r.starred { "true" } else { "" },
            note.as_str(),
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}

/// The writer's own error, unwrapped: a closed pipe stays a closed pipe,
/// which `main` lets end the output quietly, as for JSON Lines.
fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}
