//! Scale check for statements, stories and related quotes: writes a
//! synthetic corpus (deterministic; N quotes, default 100 000, ten per
//! article, each statement reported by one to three outlets a day apart),
//! loads it, then times the relation steps on their own.
//!
//! `cargo run --release --example bench_relate [-- QUOTES]`

use std::fmt::Write as _;
use std::time::Instant;

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ren", "mi", "tas", "vor", "el", "dan", "sen", "ri", "mar", "tov", "bel", "os", "une", "hal",
];
const FIRST: &[&str] = &[
    "Anna", "Peter", "Maria", "Jonas", "Elena", "Tomas", "Sofia", "Lukas", "Ingrid", "Karl", "Nora", "Viktor",
];
const OUTLETS: &[&str] = &["Harbour Times", "Valley Courier", "Northern Wire", "Evening Ledger"];

fn word(rng: &mut Rng) -> String {
    (0..2 + rng.below(2))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn main() {
    let quotes: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let dir = std::env::temp_dir().join(format!("quoteline-bench-relate-{quotes}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vocab: Vec<String> = (0..20_000).map(|_| word(&mut rng)).collect();
    let speakers: Vec<String> = (0..quotes / 50)
        .map(|_| {
            let mut last = word(&mut rng);
            last[..1].make_ascii_uppercase();
            format!("{} {last}", FIRST[rng.below(FIRST.len())])
        })
        .collect();
    let started = Instant::now();
    let per_article = 10;
    let mut written = 0;
    let mut article = 0;
    while written < quotes {
        let day = article / 40;
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(day as i64 % 365);
        let outlet = OUTLETS[article % OUTLETS.len()];
        let mut text = format!("Story number {article} of the day\n\nBy Staff Writer\n\n");
        for i in 0..per_article {
            // Every third article repeats the statements of the one before,
            // as another outlet: a few words swapped.
            let seed = if article % 3 == 2 {
                (article - 1) * per_article + i
            } else {
                article * per_article + i
            };
            let mut local = Rng(seed as u64 * 2_654_435_761 + 1);
            let speaker = &speakers[local.below(speakers.len())];
            let mut words: Vec<&str> = (0..12).map(|_| vocab[local.below(vocab.len())].as_str()).collect();
            if article % 3 == 2 {
                words[rng.below(12)] = vocab[rng.below(vocab.len())].as_str();
            }
            let _ = write!(text, "“{},” {speaker} said on Monday.\n\n", words.join(" "));
        }
        let _ = writeln!(text, "{outlet}");
        std::fs::write(dir.join(format!("{date}-{article:06}.txt")), text).unwrap();
        written += per_article;
        article += 1;
    }
    println!(
        "wrote {article} articles, {written} quotes in {:.2?}",
        started.elapsed()
    );

    let started = Instant::now();
    let mut corpus = quoteline::load_corpus(&[dir.to_string_lossy().into_owned()], &Default::default());
    println!(
        "load_corpus: {:.2?} ({} articles, {} quotes, {} speakers)",
        started.elapsed(),
        corpus.articles.len(),
        corpus.quotes.len(),
        corpus.speakers.len()
    );

    corpus.index = Default::default();
    let started = Instant::now();
    quoteline::relate::relate(&mut corpus);
    let whole = started.elapsed();
    // The steps on their own (term vectors are kept from the run above).
    let step = Instant::now();
    quoteline::relate::stories::compute(&corpus, Default::default()).apply(&mut corpus);
    let stories = step.elapsed();
    let step = Instant::now();
    quoteline::relate::statements::compute(&corpus, &corpus.index.quote_terms).apply(&mut corpus);
    println!(
        "  of which stories {stories:.2?}, statements {:.2?}, term vectors the rest",
        step.elapsed()
    );
    let multi = corpus
        .statements
        .iter()
        .filter(|s| {
            let mut arts: Vec<usize> = s.quotes.iter().map(|&q| corpus.quotes[q].article).collect();
            arts.dedup();
            arts.len() > 1
        })
        .count();
    println!(
        "relate (term vectors, stories, statements): {whole:.2?} ({} statements, {multi} reported by several outlets, {} stories)",
        corpus.statements.len(),
        corpus.stories.len()
    );

    let started = Instant::now();
    let sample = 1000.min(corpus.quotes.len());
    let mut found = 0;
    for k in 0..sample {
        found += quoteline::relate::related::related(&corpus, k * corpus.quotes.len() / sample).len();
    }
    println!(
        "related(): {sample} quotes in {:.2?} ({:.2?} each, {found} related in all)",
        started.elapsed(),
        started.elapsed() / sample as u32
    );
    let _ = std::fs::remove_dir_all(&dir);
}
