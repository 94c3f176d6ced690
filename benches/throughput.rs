//! Criterion benchmarks of the hot paths, over generated articles: the
//! per-article pipeline (decode, clean, extract) in bytes per second on one
//! thread and on all cores; the corpus-wide relations; quote search from
//! its index. `cargo bench`; the bench binary `quoteline-bench` prints the
//! reader's load, keystroke and render figures.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use quoteline::gen::Generator;
use quoteline::search::WordIndex;
use quoteline::{clean, extract, load};
use rayon::prelude::*;

/// As in the binaries.
#[global_allocator]
static ALLOC: quoteline::alloc::Allocator = quoteline::alloc::Allocator;

fn articles(n: usize) -> Vec<(String, Vec<u8>)> {
    let g = Generator::new(7);
    (0..n)
        .map(|i| {
            let a = g.article(i);
            (a.path, a.text.into_bytes())
        })
        .collect()
}

/// Decodes, cleans and extracts one file; returns its quote count.
fn extract_file(file: &str, bytes: &[u8]) -> usize {
    let (parsed, _) = load::parse_bytes(file, bytes);
    parsed
        .unwrap_or_default()
        .iter()
        .map(|s| extract::extract_alone(&clean::clean(s)).quotes.len())
        .sum()
}

fn extraction(c: &mut Criterion) {
    let docs = articles(500);
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("extraction");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("one thread", |b| {
        b.iter(|| docs.iter().map(|(f, d)| extract_file(f, d)).sum::<usize>())
    });
    group.bench_function("all cores", |b| {
        b.iter(|| docs.par_iter().map(|(f, d)| extract_file(f, d)).sum::<usize>())
    });
    group.finish();
}

fn corpus(n: usize) -> quoteline::model::Corpus {
    let dir = tempfile::tempdir().unwrap();
    quoteline::gen::write_corpus(dir.path(), n, 3).unwrap();
    quoteline::load_corpus(&[dir.path().to_string_lossy().into_owned()], &Default::default())
}

fn relations(c: &mut Criterion) {
    let corpus = corpus(2_000);
    let mut group = c.benchmark_group("relations");
    group.sample_size(10);
    group.bench_function("2k articles", |b| {
        b.iter_batched(
            || {
                let mut fresh = corpus.clone();
                fresh.index = Default::default();
                fresh
            },
            |fresh| quoteline::relate::compute(&fresh),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    // Packed, as the reader keeps the texts.
    let mut corpus = corpus(2_000);
    corpus.pack_texts();
    let index = WordIndex::of_quotes(&corpus);
    let mut group = c.benchmark_group("search");
    group.bench_function("index build, 20k quotes", |b| b.iter(|| WordIndex::of_quotes(&corpus)));
    for query in ["w", "wat", "water pri", "the"] {
        group.bench_function(format!("find {query:?}"), |b| b.iter(|| index.find(query)));
    }
    group.finish();
}

criterion_group!(benches, extraction, relations, search);
criterion_main!(benches);
