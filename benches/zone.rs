//! Criterion benchmarks of the pipeline's parts on a generated zone (the same generator as
//! `cargo run --example zonegate-bench` and bench/compare.sh):
//!
//! ```sh
//! cargo bench --bench zone                 # all of them
//! cargo bench --bench zone -- rules        # one group
//! ZONEGATE_BENCH_RECORDS=200000 cargo bench --bench zone
//! ```
//!
//! Each group reports records per second. The machine is shared and noisy: compare runs made
//! one after the other, and prefer `valgrind --tool=callgrind` instruction counts for small
//! differences.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use zonegate::diag::{Emitter, Lang, RuleFilter};
use zonegate::rules::{self, Context};
use zonegate::source::{FileId, SourceFile, Sources};
use zonegate::zone::lexer::{Entry, LexLimits, Lexer};
use zonegate::zone::{NoIncludes, ParseOptions, Zone, ZoneIndex};

/// The benchmark zone generator, shared with the `zonegate-bench` example.
#[path = "../examples/zonegate-bench.rs"]
#[allow(dead_code)]
mod generator;

fn records() -> u64 {
    std::env::var("ZONEGATE_BENCH_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000)
}

fn zone_text(n: u64) -> String {
    let mut out = Vec::new();
    generator::generate(n, false, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the generator writes ASCII")
}

fn parse(text: &str, threads: usize) -> (Sources, FileId, Zone) {
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::from_text("bench.zone", text));
    let filter = RuleFilter::default();
    let mut em = Emitter::new(Lang::En, &filter);
    let zone = zonegate::zone::parse(
        &mut sources,
        file,
        &ParseOptions {
            threads,
            ..ParseOptions::default()
        },
        &mut NoIncludes,
        &mut em,
    );
    assert!(em.is_empty(), "the generated zone should parse cleanly");
    (sources, file, zone)
}

fn lexer(c: &mut Criterion) {
    let n = records();
    let text = zone_text(n);
    let mut g = c.benchmark_group("lexer");
    g.throughput(Throughput::Elements(n));
    g.bench_function("entries", |b| {
        b.iter(|| {
            let mut lexer = Lexer::new(black_box(&text), LexLimits::default());
            let mut entry = Entry::default();
            let mut tokens = 0;
            while lexer.next_entry(&mut entry) {
                tokens += entry.tokens.len();
            }
            tokens
        })
    });
    g.finish();
}

fn parser(c: &mut Criterion) {
    let n = records();
    let text = zone_text(n);
    let mut g = c.benchmark_group("parser");
    g.throughput(Throughput::Elements(n));
    g.sample_size(20);
    // Two threads read the zone in pieces (`zone::parser::pieces`), whatever its size.
    for threads in [1, 2] {
        g.bench_function(format!("zone-{threads}-threads"), |b| {
            b.iter(|| parse(black_box(&text), threads).2.records.len())
        });
    }
    g.finish();
}

/// The zone rules, index and name tree included (a check builds them for the rules).
fn rule_engine(c: &mut Criterion) {
    let n = records();
    let (sources, file, zone) = parse(&zone_text(n), 1);
    let filter = RuleFilter::default();
    let policy = zonegate::policy::Policy::default();
    let mut g = c.benchmark_group("rules");
    g.throughput(Throughput::Elements(n));
    g.sample_size(10);
    for threads in [1, 2] {
        g.bench_function(format!("all-offline-{threads}-threads"), |b| {
            b.iter(|| {
                let index = ZoneIndex::new(&zone);
                let cx = Context::new(&zone, &index, &sources, file, Lang::En, &policy);
                let mut em = Emitter::new(Lang::En, &filter);
                rules::run_zone_rules_on(&cx, &mut em, threads);
                em.len()
            })
        });
    }
    g.finish();
}

fn fmt(c: &mut Criterion) {
    let n = records();
    let (_, _, zone) = parse(&zone_text(n), 1);
    let mut g = c.benchmark_group("fmt");
    g.throughput(Throughput::Elements(n));
    g.sample_size(20);
    g.bench_function("write_zone", |b| {
        b.iter_batched_ref(
            || Vec::with_capacity(64 << 20),
            |out| zonegate::zone::fmt::write_zone(black_box(&zone), out).map(|()| out.len()),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, lexer, parser, rule_engine, fmt);
criterion_main!(benches);
