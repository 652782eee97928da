//! Whole zones with several faults, or none: each file in `fixtures/zones/` says in its header
//! which codes it must report (`; expect: ZG205 ZG206`, or `; expect: none`) and the verdict it
//! must get (`; verdict: accepted`), and may pass arguments (`; args: --origin example.jp`). The
//! set of codes must match exactly, so a rule that starts firing on a clean zone fails here.

mod common;

use common::{codes, fixtures, run};
use std::collections::BTreeSet;

struct Header {
    expect: BTreeSet<String>,
    verdict: String,
    args: Vec<String>,
}

fn header(text: &str) -> Header {
    let mut h = Header {
        expect: BTreeSet::new(),
        verdict: String::new(),
        args: Vec::new(),
    };
    for line in text.lines().take_while(|l| l.starts_with(';')) {
        let line = line.trim_start_matches(';').trim();
        if let Some(rest) = line.strip_prefix("expect:") {
            h.expect = rest
                .split_whitespace()
                .filter(|c| *c != "none")
                .map(String::from)
                .collect();
        } else if let Some(rest) = line.strip_prefix("verdict:") {
            h.verdict = rest.trim().to_owned();
        } else if let Some(rest) = line.strip_prefix("args:") {
            h.args = rest.split_whitespace().map(String::from).collect();
        }
    }
    h
}

#[test]
fn every_zone_reports_exactly_the_codes_it_expects() {
    let dir = fixtures().join("zones");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "zone"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "zone fixtures missing");
    let mut problems = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let h = header(&std::fs::read_to_string(&path).unwrap());
        assert!(!h.verdict.is_empty(), "{name}: no `; verdict:` line");
        let mut args = vec!["check", "--format", "json", "--max-diagnostics", "1000"];
        args.extend(h.args.iter().map(String::as_str));
        args.push(&name);
        let out = run(&dir, &args);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let found: BTreeSet<String> = codes(&json).into_iter().collect();
        if found != h.expect {
            problems.push(format!(
                "{name}: expected {:?}, found {:?}",
                h.expect, found
            ));
        }
        let verdict = json["files"][0]["verdict"].as_str().unwrap_or_default();
        if verdict != h.verdict {
            problems.push(format!("{name}: verdict {verdict}, expected {}", h.verdict));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
