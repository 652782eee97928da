//! Replays, on stable Rust, every input the fuzz targets (`fuzz/`) ever crashed on and their
//! seeds, through the same target bodies (`fuzz/src/lib.rs`, included below). A fix that
//! regresses fails here, in a plain `cargo test`, without libFuzzer or a nightly toolchain.
//!
//! Layout: `fixtures/fuzz/<target>/<name>` are crashes found by the fuzzer (named after what
//! they found), `fuzz/seeds/<target>/` the seed corpus the runs started from.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};

/// A fuzz target's body.
type Body = fn(&[u8]);

const TARGETS: &[(&str, Body)] = &[
    ("zone", harness::zone),
    ("parse", harness::parse),
    ("table", harness::table),
    ("policy", harness::policy),
    ("roundtrip", harness::roundtrip),
    ("xls", harness::xls),
    ("spec", harness::spec),
];

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn replay(root: &str, min: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
    let mut failed = Vec::new();
    let mut count = 0;
    for (target, body) in TARGETS {
        let mut paths = inputs(&root.join(target));
        if *target == "parse" {
            // The parser-only target reads the zone target's inputs too.
            paths.extend(inputs(&root.join("zone")));
        }
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            count += 1;
            if std::panic::catch_unwind(|| body(&data)).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(count >= min, "only {count} inputs under {}", root.display());
    assert!(failed.is_empty(), "these inputs fail again: {failed:#?}");
}

#[test]
fn fuzz_crashes_stay_fixed() {
    replay("fixtures/fuzz", 0);
}

#[test]
fn fuzz_seeds_pass() {
    replay("fuzz/seeds", 5);
}
