//! The controls an operator has over a check, end to end through the real binary: inline
//! suppressions, `--select`/`--ignore`, `--fail-on`, the intake policy file, and `--lang ja`.

mod common;

use common::{codes, fixture_args, fixtures, stdout, zonegate};
use std::path::Path;
use zonegate::rules::{Check, Phase, registry::RULES};

const BASE: &str = "$ORIGIN example.jp.
$TTL 3600
@       IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@       IN NS  ns1.example.jp.
@       IN NS  ns2.example.net.
ns1     IN A   192.0.2.53
";

/// A scratch directory holding `zone.zone` (the base zone plus `extra`) and any other files.
fn scratch(extra: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zone.zone"), format!("{BASE}{extra}")).unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs `check --format json` in `dir` and returns the report and the exit code.
fn check(dir: &Path, args: &[&str]) -> (serde_json::Value, i32) {
    let out = zonegate()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .arg("zone.zone")
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON output: {e}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code().unwrap())
}

fn severities(json: &serde_json::Value, code: &str) -> Vec<String> {
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["severity"].as_str().unwrap().to_owned())
        .collect()
}

const PTR: &str = "@       IN TXT \"v=spf1 ptr -all\"\n";

#[test]
fn suppression_on_the_record_line_is_counted() {
    let dir = scratch(
        "@       IN TXT \"v=spf1 ptr -all\" ; zonegate: ignore[ZG510] reviewed\n",
        &[],
    );
    let (json, code) = check(dir.path(), &[]);
    assert!(codes(&json).is_empty(), "{:?}", codes(&json));
    assert_eq!(json["files"][0]["suppressed"], 1);
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(code, 0);
    // The people-facing summary says so too.
    let out = zonegate()
        .current_dir(dir.path())
        .args(["check", "--format", "full", "zone.zone"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("; 1 suppressed"), "{}", stdout(&out));
}

#[test]
fn suppression_on_the_line_above_covers_the_next_record_only() {
    let dir = scratch(
        &format!(
            "; zonegate: ignore[ZG5] legacy, customer informed\n{PTR}www IN TXT \"v=spf1 ptr -all\"\n"
        ),
        &[],
    );
    let (json, _) = check(dir.path(), &[]);
    // The second record is not covered.
    assert_eq!(codes(&json), vec!["ZG510"]);
    assert_eq!(json["files"][0]["diagnostics"][0]["line"], 9);
    assert_eq!(json["files"][0]["suppressed"], 1);
}

#[test]
fn a_suppression_of_another_code_suppresses_nothing_and_is_reported() {
    let dir = scratch(
        "@       IN TXT \"v=spf1 ptr -all\" ; zonegate: ignore[ZG501, ZG999] wrong codes\n",
        &[],
    );
    let (json, code) = check(dir.path(), &[]);
    let mut found = codes(&json);
    found.sort();
    assert_eq!(found, vec!["ZG510", "ZG705", "ZG705"]);
    assert_eq!(json["files"][0]["suppressed"], 0);
    let messages: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "ZG705")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`ZG501`") && m.contains("matched no finding"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`ZG999`") && m.contains("names no rule"))
    );
    assert_eq!(code, 0, "warnings do not reject by default");
}

#[test]
fn unused_suppressions_of_rules_that_did_not_run_are_not_reported() {
    let dir = scratch(
        "@       IN TXT \"v=spf1 a -all\" ; zonegate: ignore[ZG510] kept for later\n",
        &[],
    );
    let (json, _) = check(dir.path(), &["--ignore", "ZG510"]);
    assert!(codes(&json).is_empty(), "{:?}", codes(&json));
    let (json, _) = check(dir.path(), &[]);
    assert_eq!(codes(&json), vec!["ZG705"]);
}

#[test]
fn select_and_ignore_by_code_and_prefix() {
    let dir = scratch(
        &format!("{PTR}@       IN CAA 1 issue \"letsencrypt.org\"\n"),
        &[],
    );
    let run = |args: &[&str]| {
        let (json, _) = check(dir.path(), args);
        let mut c = codes(&json);
        c.sort();
        c
    };
    assert_eq!(run(&[]), vec!["ZG510", "ZG601"]);
    assert_eq!(run(&["--select", "ZG510"]), vec!["ZG510"]);
    assert_eq!(run(&["--select", "ZG6"]), vec!["ZG601"]);
    assert_eq!(run(&["--ignore", "ZG5"]), vec!["ZG601"]);
    assert_eq!(run(&["--ignore", "ZG601,ZG510"]), Vec::<String>::new());
    assert_eq!(
        run(&["--select", "ZG5,ZG6", "--ignore", "ZG60"]),
        vec!["ZG510"]
    );
    // The most specific pattern wins.
    assert_eq!(
        run(&["--ignore", "ZG5", "--select", "ZG510"]),
        vec!["ZG510"]
    );
    let out = zonegate()
        .current_dir(dir.path())
        .args(["check", "--select", "ZG999", "zone.zone"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rule matches `ZG999`"));
}

#[test]
fn fail_on_warning_rejects_a_file_with_warnings() {
    let dir = scratch(PTR, &[]);
    let (json, code) = check(dir.path(), &[]);
    assert_eq!(
        (code, json["files"][0]["verdict"].as_str()),
        (0, Some("accepted"))
    );
    let (json, code) = check(dir.path(), &["--fail-on", "warning"]);
    assert_eq!(
        (code, json["files"][0]["verdict"].as_str()),
        (1, Some("rejected"))
    );
    // Info findings do not reject at warning level, but do at info level.
    let dir = scratch("old._domainkey IN TXT \"v=DKIM1; p=\"\n", &[]);
    assert_eq!(check(dir.path(), &["--fail-on", "warning"]).1, 0);
    assert_eq!(check(dir.path(), &["--fail-on", "info"]).1, 1);
}

#[test]
fn policy_overrides_severities_and_disables_rules() {
    let policy = "rules:\n  ZG510: error\n  caa-invalid-flags: off\n";
    let dir = scratch(
        &format!("{PTR}@       IN CAA 1 issue \"letsencrypt.org\"\n"),
        &[("policy.yaml", policy)],
    );
    let (json, code) = check(dir.path(), &["--policy", "policy.yaml"]);
    assert_eq!(codes(&json), vec!["ZG510"]);
    assert_eq!(severities(&json, "ZG510"), vec!["error"]);
    assert_eq!(code, 1);
    // An explicit --select names the rule the policy turned off, and wins.
    let (json, _) = check(
        dir.path(),
        &["--policy", "policy.yaml", "--select", "ZG601"],
    );
    assert_eq!(codes(&json), vec!["ZG601"]);
    // A prefix in the policy, and a more specific setting inside it.
    let dir = scratch(
        &format!("{PTR}@       IN CAA 1 issue \"letsencrypt.org\"\n"),
        &[("policy.yaml", "rules:\n  ZG6: off\n  ZG5: info\n")],
    );
    let (json, code) = check(
        dir.path(),
        &["--policy", "policy.yaml", "--fail-on", "warning"],
    );
    assert_eq!(codes(&json), vec!["ZG510"]);
    assert_eq!(severities(&json, "ZG510"), vec!["info"]);
    assert_eq!(code, 0);
}

#[test]
fn policy_fail_on_and_limits_are_defaults_that_flags_override() {
    let dir = scratch(
        PTR,
        &[(
            "policy.yaml",
            "fail_on: warning\nlimits:\n  max_file_size: 100\n",
        )],
    );
    // The policy's size limit refuses the file (ZG002); the flag lifts it.
    let (json, code) = check(dir.path(), &["--policy", "policy.yaml"]);
    assert_eq!(codes(&json), vec!["ZG002"]);
    assert_eq!(code, 1);
    let (json, code) = check(
        dir.path(),
        &["--policy", "policy.yaml", "--max-file-size", "100000"],
    );
    assert_eq!(codes(&json), vec!["ZG510"]);
    assert_eq!(code, 1, "the policy's fail_on: warning rejects");
    let (_, code) = check(
        dir.path(),
        &[
            "--policy",
            "policy.yaml",
            "--max-file-size",
            "100000",
            "--fail-on",
            "error",
        ],
    );
    assert_eq!(code, 0, "--fail-on wins over the policy");
}

#[test]
fn policy_include_dir_is_relative_to_the_policy_file() {
    let dir = scratch(
        "$INCLUDE inc/www.zone\n",
        &[
            ("conf/policy.yaml", "include_dir: ../inc\n"),
            ("inc/www.zone", "www IN A 192.0.2.80\n"),
        ],
    );
    let (json, _) = check(dir.path(), &[]);
    assert_eq!(
        codes(&json),
        vec!["ZG023"],
        "includes are refused without a policy"
    );
    let (json, code) = check(dir.path(), &["--policy", "conf/policy.yaml"]);
    assert!(codes(&json).is_empty(), "{:?}", codes(&json));
    assert_eq!(json["files"][0]["records"], 5);
    assert_eq!(code, 0);
}

#[test]
fn policy_allowed_types_and_ttl_are_read() {
    let dir = scratch(
        "www IN HINFO \"PC\" \"Linux\"\n",
        &[("policy.yaml", "allowed_types: [A, AAAA, MX, TXT]\n")],
    );
    let (json, code) = check(dir.path(), &["--policy", "policy.yaml"]);
    assert_eq!(codes(&json), vec!["ZG703"]);
    assert_eq!(code, 1);
}

#[test]
fn policy_errors_are_usage_errors_with_line_and_column() {
    let cases = [
        (
            "rules:\n  ZG510: warning\nruls: {}\n",
            "policy.yaml:3:1: unknown field `ruls`",
        ),
        ("rules:\n  ZG510: loud\n", "policy.yaml:2:"),
        (
            "rules:\n  ZG999: off\n",
            "policy.yaml:2:3: rules: no rule matches `ZG999`",
        ),
        ("allowed_types: [A, AAA]\n", "policy.yaml:1:"),
        (
            "ttl:\n  min: 600\n  max: 60\n",
            "ttl.min (600) is above ttl.max (60)",
        ),
        ("rules: [\n", "policy.yaml:"),
    ];
    for (policy, expected) in cases {
        let dir = scratch("", &[("policy.yaml", policy)]);
        let out = zonegate()
            .current_dir(dir.path())
            .args(["check", "--policy", "policy.yaml", "zone.zone"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{policy}: {stderr}");
        assert!(stderr.starts_with("zonegate: error: "), "{stderr}");
        assert!(stderr.contains(expected), "{policy}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "nothing is checked with a broken policy"
        );
    }
    let out = zonegate()
        .args(["check", "--policy", "/nonexistent/policy.yaml", "x.zone"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn policy_errors_follow_the_language() {
    let dir = scratch("", &[("policy.yaml", "allowed_types: [AAA]\n")]);
    let out = zonegate()
        .current_dir(dir.path())
        .args([
            "check",
            "--lang",
            "ja",
            "--policy",
            "policy.yaml",
            "zone.zone",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("レコードタイプではありません"), "{stderr}");
}

fn has_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        ('\u{3040}'..='\u{30FF}').contains(&c)
            || ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
    })
}

/// Every message and help of every rule fixture, in Japanese: none is left in English. Text
/// inside backticks is zone data or syntax and stays as it is, so each message must have some
/// Japanese outside it.
#[test]
fn lang_ja_leaves_no_message_in_english() {
    common::generate_workbook_fixtures();
    let dir = fixtures().join("rules");
    let mut problems = Vec::new();
    for rule in RULES
        .iter()
        .filter(|r| r.phase != Phase::Live && !matches!(r.check, Check::Removed))
    {
        // Cutover spec rules run through `plan`, their findings on standard error.
        if rule.phase == Phase::Plan {
            let file = format!("{}.yaml", rule.code);
            if !dir.join(&file).exists() {
                problems.push(format!("{}: no fixture", rule.code));
                continue;
            }
            let plan = |format: &str| {
                zonegate()
                    .current_dir(&dir)
                    .args([
                        "plan",
                        "--lang",
                        "ja",
                        "--findings-format",
                        format,
                        "--spec",
                    ])
                    .args([file.as_str(), "plan.zone"])
                    .output()
                    .unwrap()
            };
            let out = plan("json");
            let json: serde_json::Value = serde_json::Deserializer::from_slice(&out.stderr)
                .into_iter()
                .next()
                .and_then(Result::ok)
                .unwrap_or_default();
            let outside = |t: &str| t.split('`').step_by(2).collect::<Vec<_>>().concat();
            for d in json["files"][0]["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
            {
                for field in ["message", "help"] {
                    if let Some(text) = d[field].as_str()
                        && !has_japanese(&outside(text))
                    {
                        problems.push(format!("{file}: {} {field}: {text}", d["code"]));
                    }
                }
            }
            let text = String::from_utf8_lossy(&plan("full").stderr).into_owned();
            for english in ["= help:", "= note:", "error[", "warning[", "info["] {
                if text.contains(english) {
                    problems.push(format!("{file}: full output has `{english}`"));
                }
            }
            for line in text.lines().rev().take(2) {
                if !has_japanese(line) {
                    problems.push(format!("{file}: last lines: {line}"));
                }
            }
            continue;
        }
        // The fixture that triggers the rule, whatever its format (see tests/rules.rs).
        let Some(file) = ["zone", "csv", "tsv", "xlsx"]
            .iter()
            .map(|ext| format!("{}.{ext}", rule.code))
            .find(|f| dir.join(f).exists())
        else {
            problems.push(format!("{}: no fixture", rule.code));
            continue;
        };
        let mut args: Vec<String> = vec![
            "check".into(),
            "--lang".into(),
            "ja".into(),
            "--format".into(),
            "json".into(),
        ];
        args.extend(fixture_args(&dir.join(&file)));
        args.push(file.clone());
        let out = zonegate().current_dir(&dir).args(&args).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for d in json["files"][0]["diagnostics"].as_array().unwrap() {
            let outside = |t: &str| t.split('`').step_by(2).collect::<Vec<_>>().concat();
            for field in ["message", "help"] {
                if let Some(text) = d[field].as_str()
                    && !has_japanese(&outside(text))
                {
                    problems.push(format!("{file}: {} {field}: {text}", d["code"]));
                }
            }
            for label in d["labels"].as_array().into_iter().flatten() {
                let text = label["message"].as_str().unwrap_or_default();
                if !has_japanese(&outside(text)) {
                    problems.push(format!("{file}: {} label: {text}", d["code"]));
                }
            }
        }
        // The verdict and summary lines of the people-facing output.
        let mut args = args.clone();
        let at = args.iter().position(|a| a == "json").unwrap();
        args[at] = "full".into();
        let out = zonegate().current_dir(&dir).args(&args).output().unwrap();
        let text = stdout(&out);
        for english in ["= help:", "= note:", "error[", "warning[", "info["] {
            if text.contains(english) {
                problems.push(format!("{file}: full output has `{english}`"));
            }
        }
        let last: Vec<&str> = text.lines().rev().take(2).collect();
        for line in last {
            if !has_japanese(line) {
                problems.push(format!("{file}: summary: {line}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
