//! Speed and scale figures, printed: extraction throughput (one thread and
//! all cores), loading a generated corpus (first frame, first articles,
//! fully loaded and related, peak memory), and with that corpus loaded,
//! keystroke-to-frame latency for the speaker picker, quote search and
//! timeline scrolling, and frame render time, at 200x60.
//!
//! `quoteline-bench [--articles 100000] [--dir /tmp/quoteline-bench-100000]`
//! (the corpus is generated into the folder when it is missing).

#[allow(dead_code)]
#[path = "../tui/mod.rs"]
mod tui;

use clap::Parser;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use quoteline::gen::Generator;
use quoteline::pipeline::Stage;
use quoteline::{extract, load};
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::Terminal;
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Loading makes and drops millions of small strings and vectors; the
/// system allocator spent a tenth of the load in malloc and free (profiled).
#[global_allocator]
static ALLOC: quoteline::alloc::Allocator = quoteline::alloc::Allocator;

#[derive(Parser)]
#[command(name = "quoteline-bench", about = "Print quoteline's speed and scale figures.")]
struct Args {
    /// Articles in the corpus loaded (generated when the folder is missing).
    #[arg(long, default_value_t = 100_000)]
    articles: usize,
    /// Where the corpus is [default: /tmp/quoteline-bench-N].
    #[arg(long)]
    dir: Option<std::path::PathBuf>,
    /// Articles for the in-memory extraction throughput figure.
    #[arg(long, default_value_t = 20_000)]
    extract_articles: usize,
    /// Run only the extraction figure (for profiling it alone).
    #[arg(long)]
    extraction_only: bool,
    /// Run only the load figures (for profiling its time and memory alone).
    #[arg(long)]
    load_only: bool,
    /// Load with the reader's cache of read articles in this folder, as
    /// the reader does by default: a first run writes it, a second run
    /// with the same folder opens the corpus again from it. Without it,
    /// every file is read afresh (`quoteline --no-cache`).
    #[arg(long, value_name = "DIR")]
    cache: Option<std::path::PathBuf>,
}

fn main() {
    let args = Args::parse();
    // Frames without colour codes, as in the snapshot tests.
    std::env::set_var("NO_COLOR", "1");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if args.extraction_only {
        bench_extraction(args.extract_articles, cores);
        return;
    }
    // This thread draws the frames, as tui::run's does.
    quoteline::model::Text::remember_recent_on_this_thread(tui::app::RECENT_TEXTS);
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("quoteline-bench-{}", args.articles)));
    if !dir.exists() {
        let w = quoteline::gen::write_corpus(&dir, args.articles, 1).expect("cannot write the corpus");
        println!(
            "generated {} articles, {:.1} MB, in {}",
            w.files,
            w.bytes as f64 / 1e6,
            dir.display()
        );
    }
    println!("machine: {cores} cores");
    warm_page_cache(&dir, corpus_files(&dir));
    if let Some(cache) = &args.cache {
        // The two files this load reads there, not the other sets'.
        let file = quoteline::cache::file_for(cache, &[dir.to_string_lossy().into_owned()]);
        let words = quoteline::words_cache::beside(&file);
        warm_page_cache(cache, [file, words].into_iter().filter(|f| f.is_file()).collect());
    }

    // Loading first, so the peak memory figure is the load's own.
    let app = bench_load(&dir, args.cache.clone());
    if args.load_only {
        return;
    }
    bench_keys(app);
    bench_extraction(args.extract_articles, cores);
}

/// Reads `files` (of `dir`) once, before the load is timed, and says
/// how fast that went. This machine's host takes the page cache back at
/// times: a 100k load that then read its files from disk took 37 s to
/// read them instead of 6 (2026-12-07), a figure of the disk's, not
/// quoteline's. The rate printed shows which it was (about a GB/s from the
/// page cache here, tens of MB/s from the disk, between for a part).
/// Copied to nowhere through a small buffer, so that the peak memory
/// figure stays the load's (the cache file is hundreds of MB).
fn warm_page_cache(dir: &std::path::Path, files: Vec<std::path::PathBuf>) {
    if files.is_empty() {
        return;
    }
    let started = Instant::now();
    let read = |f: &std::path::PathBuf| {
        std::fs::File::open(f).and_then(|mut file| std::io::copy(&mut file, &mut std::io::sink()))
    };
    let bytes: u64 = files.par_iter().map(|f| read(f).unwrap_or(0)).sum();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "read once beforehand: {} ({} files, {:.0} MB) in {secs:.2} s, {:.0} MB/s",
        dir.display(),
        files.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}

/// The files a load of `dir` reads, found as the load finds them.
fn corpus_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let (files, _) = load::discover::discover(&[dir.to_string_lossy().into_owned()]);
    files.into_iter().map(std::path::PathBuf::from).collect()
}

/// Peak resident memory so far (Linux), in MB.
fn peak_mb() -> f64 {
    status_mb("VmHWM:")
}

/// A memory figure of `/proc/self/status` (given in KiB), in MB (10^6
/// bytes, as the corpus on disk is counted: the figures before stop 37
/// were MiB, which understated the peak's ratio to the corpus by about 5%).
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

fn disk_mb(dir: &std::path::Path) -> f64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len() as f64)
        .sum::<f64>()
        / 1e6
}

/// Loads the folder as the reader does, through its own loop: the first
/// frame, then the loader's messages taken a turn at a time (a frame drawn
/// each turn, 15 ms between turns), until relations and the search index
/// are in. Returns the reader.
fn bench_load(dir: &std::path::Path, cache: Option<std::path::PathBuf>) -> tui::app::App {
    let paths = vec![dir.to_string_lossy().into_owned()];
    let started = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut app = tui::app::App::new(Default::default(), Rect::new(0, 0, 200, 60));
    terminal.draw(|f| tui::view::draw(f, &app)).unwrap();
    let first_frame = started.elapsed();
    let cache_before = cache.as_deref().map_or(0.0, disk_mb);
    let loader = tui::loading::Loading::start(paths, Default::default(), Default::default(), cache.clone());
    app.loading = Some((Default::default(), loader.started));
    let mut problems = Vec::new();
    // When each stage was first seen, and the peak memory by then.
    let (mut first_articles, mut revising, mut relating) = (None, None, None);
    let (mut turns, mut frames) = (0usize, tui::loading::FrameClock::default());
    loop {
        let going = tui::take_loaded(&mut app, &loader, &mut problems);
        // As the reader does: no key is pressed while loading here.
        if frames.due(app.loading.is_some(), false) {
            terminal.draw(|f| tui::view::draw(f, &app)).unwrap();
        }
        turns += 1;
        if !app.list.is_empty() {
            first_articles.get_or_insert(started.elapsed());
        }
        match app.loading.map(|(p, _)| p.stage) {
            Some(Stage::Revising) | Some(Stage::Speakers) => {
                revising.get_or_insert_with(|| (started.elapsed(), peak_mb()));
            }
            Some(Stage::Relations) => {
                revising.get_or_insert_with(|| (started.elapsed(), peak_mb()));
                relating.get_or_insert_with(|| (started.elapsed(), peak_mb()));
            }
            _ => {}
        }
        if !going {
            break;
        }
        std::thread::sleep(Duration::from_millis(15));
    }
    let loaded = started.elapsed();
    let disk = disk_mb(dir);
    let c = &app.corpus;
    println!(
        "load {} articles ({disk:.0} MB on disk) in the reader's loop: {} quotes, {} speakers, {turns} turns",
        c.articles.len(),
        c.quotes.len(),
        c.speakers.len()
    );
    let at = |t: Option<Duration>| ms(t.unwrap_or_default());
    let (revising, peak_read) = revising.unwrap_or_default();
    let (relating, peak_merged) = relating.unwrap_or_default();
    println!("  first frame                  {:>8.1} ms", ms(first_frame));
    println!("  first articles in the list   {:>8.1} ms", at(first_articles));
    println!(
        "  all read and extracted       {:>8.1} ms   (peak memory by then {peak_read:.0} MB)",
        ms(revising)
    );
    println!(
        "  speakers merged (relating)   {:>8.1} ms   (peak memory by then {peak_merged:.0} MB)",
        ms(relating)
    );
    println!("  fully loaded and indexed     {:>8.1} ms", ms(loaded));
    let peak = peak_mb();
    println!(
        "  peak memory                  {peak:>8.0} MB ({:.2}x the corpus on disk)",
        peak / disk
    );
    memory_by_part(&app);
    if let Some(cache) = &cache {
        println!(
            "  cache of read articles       {:>8.0} MB in {} ({cache_before:.0} MB before this load)",
            disk_mb(cache),
            cache.display()
        );
    }
    app
}

/// What the loaded reader holds, by part, counted from lengths and
/// capacities (the allocator's rounding and free pages not included),
/// beside the memory resident now: where a leaner model would save.
fn memory_by_part(app: &tui::app::App) {
    use quoteline::model::QuoteId;
    use std::mem::size_of;
    let c = &app.corpus;
    let mb = |b: usize| b as f64 / 1e6;
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
    let text: usize = c.articles.iter().map(|a| a.text.held()).sum();
    let article_rest: usize = c.articles.capacity() * size_of::<quoteline::model::Article>()
        + c.articles
            .iter()
            .map(|a| {
                a.file.capacity()
                    + opt(&a.item)
                    + opt(&a.title)
                    + opt(&a.dek)
                    + opt(&a.outlet)
                    + opt(&a.byline)
                    + a.blocks.capacity() * size_of::<quoteline::model::Block>()
                    + a.removed.capacity() * size_of::<quoteline::model::Removed>()
            })
            .sum::<usize>();
    let quotes = c.quotes.capacity() * size_of::<quoteline::model::Quote>()
        + c.quotes.iter().filter(|q| q.time.is_some()).count() * size_of::<quoteline::model::TimeMention>();
    let terms = c.index.quote_terms.heap_bytes();
    let statements = c.statements.capacity() * size_of::<quoteline::model::Statement>()
        + c.statements
            .iter()
            .map(|s| s.quotes.len() * size_of::<QuoteId>())
            .sum::<usize>();
    let speakers = c
        .speakers
        .iter()
        .map(|s| s.quotes.capacity() * size_of::<QuoteId>())
        .sum::<usize>();
    let search = app.search_index.as_ref().map_or(0, |i| i.heap_bytes());
    let resident = status_mb("VmRSS:");
    println!(
        "  held, by part (MB)           texts {:.0}, rest of articles {:.0}, quotes {:.0}, term vectors {:.0}, \
         statements {:.0}, speakers' quote lists {:.0}, search index {:.0}; resident now {resident:.0} MB",
        mb(text),
        mb(article_rest),
        mb(quotes),
        mb(terms),
        mb(statements),
        mb(speakers),
        mb(search),
    );
    // Besides: the strings quotes share (cues, speakers' words, dating
    // words).
    let (interned, bytes) = quoteline::model::Interned::held();
    println!(
        "  interned strings             {interned} ({:.2} MB with their slots and map)",
        mb(bytes)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn key(c: char) -> Event {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\t' => KeyCode::Tab,
        '\x1b' => KeyCode::Esc,
        'J' => KeyCode::Down,
        c => KeyCode::Char(c),
    };
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Median and 99th percentile, in ms.
fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    println!(
        "  {what:<28} median {:>7.2} ms   p99 {:>7.2} ms   ({} samples)",
        at(0.5),
        at(0.99),
        times.len()
    );
}

/// Keystroke to frame: the key handled, then the frame drawn, at 200x60.
fn bench_keys(mut app: tui::app::App) {
    let corpus = std::sync::Arc::clone(&app.corpus);
    println!("keystroke to frame at 200x60, {} quotes loaded", corpus.quotes.len());
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let top = (0..corpus.speakers.len())
        .max_by_key(|&s| corpus.speakers[s].quotes.len())
        .map(|s| corpus.speakers[s].name.clone())
        .unwrap_or_default();
    drop(corpus);
    let mut press = |app: &mut tui::app::App, keys: &str, times: &mut Vec<Duration>| {
        for c in keys.chars() {
            let t = Instant::now();
            tui::handle(app, key(c));
            terminal.draw(|f| tui::view::draw(f, app)).unwrap();
            times.push(t.elapsed());
        }
    };
    // The speaker picker: typed a letter at a time, then cleared, 5 times.
    let mut picker = Vec::new();
    let surname = top.rsplit(' ').next().unwrap_or("a").to_lowercase();
    for _ in 0..5 {
        press(&mut app, "s", &mut picker);
        press(&mut app, &surname, &mut picker);
        press(&mut app, "\x1b", &mut picker);
    }
    report("speaker picker typing", picker);
    let mut search = Vec::new();
    for _ in 0..5 {
        press(&mut app, "/", &mut search);
        press(&mut app, "water prices", &mut search);
        press(&mut app, "\x1b", &mut search);
    }
    report("quote search typing", search);
    // The timeline of the most quoted speaker, scrolled.
    let mut ignore = Vec::new();
    press(&mut app, "s", &mut ignore);
    press(&mut app, &surname, &mut ignore);
    press(&mut app, "\n", &mut ignore);
    while app.focus != tui::layout::Pane::Timeline {
        press(&mut app, "\t", &mut ignore);
    }
    let mut scroll = Vec::new();
    press(&mut app, &"J".repeat(500), &mut scroll);
    report(&format!("timeline scrolling ({top})"), scroll);
    let mut render = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        terminal.draw(|f| tui::view::draw(f, &app)).unwrap();
        render.push(t.elapsed());
    }
    report("frame render", render);
}

/// The per-article pipeline (decode, clean, scan, extract) over generated
/// articles held in memory, on one thread and on all cores.
fn bench_extraction(n: usize, cores: usize) {
    let g = Generator::new(7);
    let docs: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let a = g.article(i);
            (a.path, a.text.into_bytes())
        })
        .collect();
    let mb = docs.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!("extraction throughput over {n} generated articles ({mb:.1} MB in memory)");
    // Three runs each, best and median: this machine's other load moves a
    // single run by a tenth or more.
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let mut runs: Vec<(f64, usize)> = (0..3)
            .map(|_| {
                let t = Instant::now();
                let quotes: usize = pool.install(|| {
                    docs.par_iter()
                        .map(|(file, bytes)| {
                            let (parsed, _) = load::parse_bytes(file, bytes);
                            parsed
                                .unwrap_or_default()
                                .iter()
                                .map(|s| {
                                    let (article, lower) = quoteline::clean::clean_lowered(s);
                                    extract::extract_first(&article, lower.as_deref(), Default::default())
                                        .extraction
                                        .quotes
                                        .len()
                                })
                                .sum::<usize>()
                        })
                        .sum()
                });
                (t.elapsed().as_secs_f64(), quotes)
            })
            .collect();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let ((best, quotes), (median, _)) = (runs[0], runs[1]);
        println!(
            "  {threads} thread(s): {:>7.1} MB/s best of 3, {:.1} median  ({quotes} quotes, {best:.2} s)",
            mb / best,
            mb / median,
        );
    }
}
