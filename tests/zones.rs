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

/// Rows of a record table cannot be lexed again as zone lines; the zone rules still point at
/// the cell at fault (the value, the type, the host), not at the row.
#[test]
fn zone_rules_point_at_table_cells() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("records.csv"),
        "host,type,ttl,priority,value\n@,MX,3600,10,mail\nwww,CNAME,,,web.example.net\n\
         www,A,,,192.0.2.2\nmail_x,A,,,192.0.2.1\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--origin",
            "example.jp",
            "records.csv",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cells: Vec<(String, String)> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["cell"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expect = [("ZG403", "E2"), ("ZG308", "B3"), ("ZG409", "A5")];
    assert_eq!(
        cells,
        expect.map(|(c, e)| (c.to_owned(), e.to_owned())),
        "a table has no SOA or NS to report, and each finding names its cell"
    );
}
