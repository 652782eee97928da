//! Every rule in the catalogue is documented in both languages and has a fixture that triggers
//! it (with a snapshot of the rendered finding) and one that does not.
//!
//! Fixtures live in `fixtures/rules/`: `ZG032.zone` must report ZG032, `ZG032.ok.zone` must not.
//! A fixture's first line may hold extra arguments: `; zonegate-test: --allow-include include`.
//! Rules about record tables use `CODE.csv`, `CODE.tsv` or `CODE.xlsx` instead; the workbooks
//! are written by `common::generate_workbook_fixtures` with rust_xlsxwriter, not committed from
//! elsewhere.
//! Rules of the plan phase (ZG9xx) are about the cutover spec: their fixtures are `CODE.yaml`
//! and `CODE.ok.yaml`, run as `zonegate plan --spec CODE.yaml ZONE`, where ZONE is
//! `CODE.plan.zone` if there is one, else `plan.zone`; the findings come from standard error.
//! Rules of the live phase are exercised against real servers in `tests/live.rs` instead.

mod common;

use common::{codes, fixture_args, fixtures, run, stdout};
use zonegate::rules::{Check, Phase, registry::RULES};

/// The zone a spec fixture is planned against.
fn plan_zone(file: &str) -> String {
    let code = &file[..5];
    let own = format!("{code}.plan.zone");
    if fixtures().join("rules").join(&own).exists() {
        own
    } else {
        "plan.zone".into()
    }
}

/// `zonegate plan` on a spec fixture, findings in `format` on standard error.
fn plan_findings(file: &str, format: &str) -> std::process::Output {
    let dir = fixtures().join("rules");
    let mut args: Vec<String> = vec![
        "plan".into(),
        "--findings-format".into(),
        format.into(),
        "--spec".into(),
        file.into(),
    ];
    args.extend(spec_fixture_args(&dir.join(file)));
    args.push(plan_zone(file));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&dir, &args)
}

/// Arguments a spec fixture asks for on its first line: `# zonegate-test: --force`.
fn spec_fixture_args(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("# zonegate-test:"))
        .map(|a| a.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}

fn check_json(file: &str) -> (serde_json::Value, std::process::Output) {
    let dir = fixtures().join("rules");
    if file.ends_with(".yaml") {
        let out = plan_findings(file, "json");
        // The findings document comes first; a `zonegate: no plan` line may follow.
        let json = serde_json::Deserializer::from_slice(&out.stderr)
            .into_iter::<serde_json::Value>()
            .next()
            .and_then(Result::ok)
            .unwrap_or_else(|| {
                panic!(
                    "{file}: JSON findings on standard error:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                )
            });
        return (json, out);
    }
    let mut args: Vec<String> = vec![
        "check".into(),
        "--format".into(),
        "json".into(),
        "--max-diagnostics".into(),
        "1000".into(),
    ];
    args.extend(fixture_args(&dir.join(file)));
    args.push(file.into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&dir, &args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{file}: JSON output: {e}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out)
}

/// The fixture of a rule that triggers it (`ok` false) or must not (`ok` true), whatever its
/// format.
fn fixture_file(code: &str, ok: bool) -> String {
    common::generate_workbook_fixtures();
    let dir = fixtures().join("rules");
    let name = |ext: &str| {
        if ok {
            format!("{code}.ok.{ext}")
        } else {
            format!("{code}.{ext}")
        }
    };
    ["zone", "csv", "tsv", "xlsx", "yaml"]
        .into_iter()
        .map(name)
        .find(|f| dir.join(f).exists())
        .unwrap_or_else(|| name("zone"))
}

fn fixture_rules() -> impl Iterator<Item = &'static zonegate::rules::Rule> {
    RULES
        .iter()
        .copied()
        .filter(|r| r.phase != Phase::Live && !matches!(r.check, Check::Removed))
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it_and_one_that_does_not() {
    let mut problems = Vec::new();
    for rule in fixture_rules() {
        let code = rule.code;
        for (file, should) in [
            (fixture_file(code, false), true),
            (fixture_file(code, true), false),
        ] {
            if !fixtures().join("rules").join(&file).exists() {
                problems.push(format!("{file}: missing"));
                continue;
            }
            let (json, _) = check_json(&file);
            let found = codes(&json).iter().any(|c| c == code);
            if found != should {
                problems.push(format!(
                    "{file}: {code} {} (found {:?})",
                    if should { "not reported" } else { "reported" },
                    codes(&json)
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "rule fixtures:\n{}",
        problems.join("\n")
    );
}

#[test]
fn rendered_findings_match_snapshots() {
    let dir = fixtures().join("rules");
    for rule in fixture_rules() {
        let file = fixture_file(rule.code, false);
        let root = dir.canonicalize().unwrap().display().to_string();
        let pattern = regex_escape(&root);
        if file.ends_with(".yaml") {
            let out = plan_findings(&file, "full");
            let text = String::from_utf8(out.stderr).expect("UTF-8");
            let filters = vec![(pattern.as_str(), "[FIXTURES]")];
            insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, description => file.as_str(), filters => filters }, {
                insta::assert_snapshot!(rule.code, text);
            });
            continue;
        }
        let mut args: Vec<String> = vec![
            "check".into(),
            "--format".into(),
            "full".into(),
            "--color".into(),
            "never".into(),
        ];
        args.extend(fixture_args(&dir.join(&file)));
        args.push(file.clone());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&dir, &args);
        // Absolute paths differ from machine to machine; snapshots name the fixture folder.
        let filters = vec![(pattern.as_str(), "[FIXTURES]")];
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, description => file.as_str(), filters => filters }, {
            insta::assert_snapshot!(rule.code, stdout(&out));
        });
    }
}

fn regex_escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '/' || c == '_' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

#[test]
fn every_rule_is_documented_in_english_and_japanese() {
    let en = [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## How to fix",
    ];
    let ja = ["## 内容", "## 問題点", "## 例", "## 修正方法"];
    let mut problems = Vec::new();
    for rule in RULES {
        for section in en {
            if !rule.docs.en.contains(section) {
                problems.push(format!("{}: English docs lack `{section}`", rule.code));
            }
        }
        for section in ja {
            if !rule.docs.ja.contains(section) {
                problems.push(format!("{}: Japanese docs lack `{section}`", rule.code));
            }
        }
        if rule.summary.en.is_empty() || rule.summary.ja.is_empty() {
            problems.push(format!("{}: summary missing", rule.code));
        }
        if !rule.docs.ja.chars().any(|c| {
            ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        }) {
            problems.push(format!("{}: Japanese docs are not in Japanese", rule.code));
        }
        // Messages are lowercase without a trailing period, like rustc's.
        if rule.summary.en.ends_with('.')
            || rule
                .summary
                .en
                .starts_with(|c: char| c.is_ascii_uppercase())
        {
            problems.push(format!(
                "{}: summary should be lowercase without a trailing period",
                rule.code
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `docs/rules.md` is generated; rerun with `ZONEGATE_BLESS=1 cargo test` after changing a rule.
#[test]
fn generated_rule_docs_are_current() {
    for (lang, file) in [
        (zonegate::diag::Lang::En, "docs/rules.md"),
        (zonegate::diag::Lang::Ja, "docs/rules.ja.md"),
    ] {
        let expected = zonegate::rules::docs::markdown(lang);
        let path = common::root().join(file);
        if std::env::var_os("ZONEGATE_BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "{file} is stale: run `ZONEGATE_BLESS=1 cargo test --test rules`"
        );
    }
}

#[test]
fn explain_prints_every_rule_in_both_languages() {
    for rule in RULES {
        for lang in ["en", "ja"] {
            let out = common::zonegate()
                .args(["explain", rule.code, "--lang", lang])
                .output()
                .unwrap();
            assert!(out.status.success(), "{} {lang}", rule.code);
            let text = stdout(&out);
            assert!(
                text.starts_with(&format!("# {} {}", rule.code, rule.name)),
                "{text}"
            );
        }
    }
    let out = common::zonegate()
        .args(["explain", "ZG999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
