//! Writes a generated corpus of N plain-text articles for benchmarks and
//! scale tests (see `quoteline::gen`).
//!
//! `quoteline-gen 100000 /tmp/corpus-100k [--seed 1]`

use clap::Parser;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "quoteline-gen",
    version,
    about = "Write N generated news articles (deterministic from a seed)."
)]
struct Args {
    /// How many articles.
    articles: usize,
    /// The folder to write them to (created; files are overwritten).
    dir: std::path::PathBuf,
    /// The same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let started = std::time::Instant::now();
    match quoteline::gen::write_corpus(&args.dir, args.articles, args.seed) {
        Ok(w) => {
            eprintln!(
                "quoteline-gen: wrote {} articles, {:.1} MB, to {} in {:.1} s",
                w.files,
                w.bytes as f64 / 1e6,
                args.dir.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quoteline-gen: cannot write to {}: {e}", args.dir.display());
            ExitCode::FAILURE
        }
    }
}
