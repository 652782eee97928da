//! `cargo deny`-style checks that need no network: every crate in Cargo.lock (all targets,
//! dev-dependencies included) is under a permissive licence, and no crate comes in at two
//! incompatible versions unless the allow-list below says why. Also the build settings that the
//! hardening relies on: unsafe code forbidden in every crate root, overflow checks in release.
//!
//! Security advisories are not checked here: the RustSec database needs the network.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Licences a closed-source host may ship in a binary without obligations beyond notices.
const PERMISSIVE: &[&str] = &[
    "MIT",
    "MIT-0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "Zlib",
    "Unicode-3.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "BSL-1.0",
    "CC0-1.0",
    "0BSD",
];

/// Crates allowed at two incompatible versions, and why. Each entry should go when the reason
/// does; the test fails on an entry that no longer applies, so the list stays true.
const DUPLICATES: &[(&str, &str)] = &[
    (
        "getrandom",
        "0.2 for ring (hickory-proto), 0.3 for ahash and rand 0.9 (jsonschema, proptest: dev-only), 0.4 for rand 0.10 (hickory), tempfile and zip",
    ),
    (
        "r-efi",
        "UEFI-only dependency of getrandom 0.3 and 0.4; never built here",
    ),
    ("rand", "0.9 for proptest (dev-only), 0.10 for hickory"),
    (
        "rand_core",
        "follows rand: 0.9 for proptest (dev-only), 0.10 for hickory",
    ),
    ("similar", "3 for our diffs, 2 inside insta (dev-only)"),
    (
        "syn",
        "2 for most derive macros, 3 for async-trait (hickory); proc-macros, build time only",
    ),
    (
        "windows-sys",
        "Windows-only (0.52 for ring on Windows on ARM); never built on Linux",
    ),
];

fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON")
}

/// Whether an SPDX expression (or the old `A/B` form) can be satisfied with permissive licences
/// alone. `WITH` binds tighter than `AND`, which binds tighter than `OR` (SPDX annex D).
fn permissive(expression: &str) -> bool {
    let spaced = expression
        .replace('/', " OR ")
        .replace('(', " ( ")
        .replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let mut at = 0;
    let ok = or(&tokens, &mut at);
    ok == Some(true) && at == tokens.len()
}

fn or(t: &[&str], at: &mut usize) -> Option<bool> {
    let mut any = and(t, at)?;
    while t.get(*at) == Some(&"OR") {
        *at += 1;
        any |= and(t, at)?;
    }
    Some(any)
}

fn and(t: &[&str], at: &mut usize) -> Option<bool> {
    let mut all = term(t, at)?;
    while t.get(*at) == Some(&"AND") {
        *at += 1;
        all &= term(t, at)?;
    }
    Some(all)
}

fn term(t: &[&str], at: &mut usize) -> Option<bool> {
    let token = *t.get(*at)?;
    *at += 1;
    let value = if token == "(" {
        let inner = or(t, at)?;
        (t.get(*at) == Some(&")")).then_some(())?;
        *at += 1;
        inner
    } else {
        PERMISSIVE.contains(&token)
    };
    // An exception (`WITH LLVM-exception`) only adds permissions.
    if t.get(*at) == Some(&"WITH") {
        *at += 2;
    }
    Some(value)
}

#[test]
fn spdx_expressions_are_read_as_cargo_deny_reads_them() {
    assert!(permissive("MIT OR Apache-2.0"));
    assert!(permissive("MIT/Apache-2.0"));
    assert!(permissive("(MIT OR Apache-2.0) AND Unicode-3.0"));
    assert!(permissive(
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"
    ));
    assert!(permissive("MIT OR Apache-2.0 OR LGPL-2.1-or-later"));
    assert!(!permissive("GPL-3.0-only"));
    assert!(!permissive("MIT AND GPL-2.0-only"));
    assert!(!permissive("(MIT OR Apache-2.0) AND MPL-2.0"));
    assert!(!permissive(""));
    assert!(!permissive("(MIT"));
}

#[test]
fn every_dependency_has_a_permissive_licence() {
    let meta = metadata();
    let mut bad = Vec::new();
    for p in meta["packages"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        if name == "zonegate" {
            continue;
        }
        match p["license"].as_str() {
            Some(l) if permissive(l) => {}
            other => bad.push(format!("{name} {}: {other:?}", p["version"])),
        }
    }
    assert!(bad.is_empty(), "not permissive (or no licence): {bad:#?}");
}

/// The compatibility series of a version, as Cargo sees it: `1.x`, `0.3`, `0.0.4`.
fn series(version: &str) -> String {
    let parts: Vec<&str> = version.split(['.', '-', '+']).collect();
    match parts.as_slice() {
        ["0", "0", patch, ..] => format!("0.0.{patch}"),
        ["0", minor, ..] => format!("0.{minor}"),
        [major, ..] => (*major).to_owned(),
        [] => String::new(),
    }
}

#[test]
fn no_unexpected_duplicate_versions() {
    let meta = metadata();
    let mut versions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in meta["packages"].as_array().unwrap() {
        versions
            .entry(p["name"].as_str().unwrap().to_owned())
            .or_default()
            .insert(series(p["version"].as_str().unwrap()));
    }
    let duplicated: BTreeSet<&str> = versions
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(n, _)| n.as_str())
        .collect();
    let allowed: BTreeSet<&str> = DUPLICATES.iter().map(|(n, _)| *n).collect();
    let unexpected: Vec<_> = duplicated
        .difference(&allowed)
        .map(|n| format!("{n}: {:?}", versions[*n]))
        .collect();
    assert!(
        unexpected.is_empty(),
        "crates at two incompatible versions; unify them or add them to DUPLICATES with a reason: {unexpected:#?}"
    );
    let stale: Vec<_> = allowed.difference(&duplicated).collect();
    assert!(
        stale.is_empty(),
        "no longer duplicated, remove from DUPLICATES: {stale:?}"
    );
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The lines of one `[section]` of a TOML file, comments and blanks dropped.
fn section(toml: &str, name: &str) -> Vec<String> {
    toml.lines()
        .skip_while(|l| l.trim() != format!("[{name}]"))
        .skip(1)
        .take_while(|l| !l.trim_start().starts_with('['))
        .map(|l| l.split('#').next().unwrap().replace(' ', ""))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn unsafe_code_is_forbidden_and_release_builds_check_overflow() {
    let manifest = read("Cargo.toml");
    // The lints table covers every target of the package: the library, the binary, the tests,
    // the examples.
    assert!(
        section(&manifest, "lints.rust").contains(&"unsafe_code=\"forbid\"".to_owned()),
        "Cargo.toml [lints.rust] must forbid unsafe_code"
    );
    assert!(
        section(&manifest, "profile.release").contains(&"overflow-checks=true".to_owned()),
        "Cargo.toml [profile.release] must keep overflow-checks = true"
    );
    // And in the roots themselves, so that the attribute survives a change of manifest.
    for root in ["src/lib.rs", "src/main.rs", "fuzz/src/lib.rs"] {
        assert!(
            read(root).contains("#![forbid(unsafe_code)]"),
            "{root} must forbid unsafe code"
        );
    }
    // The fuzz crate's own build keeps overflow checks on as well.
    assert!(
        section(&read("fuzz/Cargo.toml"), "profile.release")
            .contains(&"overflow-checks=true".to_owned())
    );
}

/// Overflow checks are on in the profile this test binary was built with when that profile is
/// the test or dev profile (always on there); a `cargo test --release` run checks the release
/// profile for real.
#[test]
#[allow(arithmetic_overflow)]
fn arithmetic_overflow_panics_in_this_build() {
    let max = std::hint::black_box(u32::MAX);
    let one = std::hint::black_box(1u32);
    assert!(std::panic::catch_unwind(|| max + one).is_err());
}
