//! The ready-made integrations: `action.yml` (a composite GitHub Action) and
//! `.pre-commit-hooks.yaml`. GitHub itself is not here, so the action's own scripts are run as the
//! runner runs them (`bash --noprofile --norc -eo pipefail`, inputs passed through `env:`), with
//! the zonegate just built on PATH; the rest of the file is checked for consistency.

mod common;

use common::root;
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

fn action() -> Value {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    serde_yaml::from_str(&text).expect("action.yml is YAML")
}

fn steps(action: &Value) -> &Vec<Value> {
    action["runs"]["steps"].as_sequence().unwrap()
}

fn step<'a>(action: &'a Value, id: &str) -> &'a Value {
    steps(action)
        .iter()
        .find(|s| s["id"].as_str() == Some(id))
        .unwrap_or_else(|| panic!("no step with id {id}"))
}

/// `${{ inputs.NAME }}` with the input's value: given, else its default.
fn expand(text: &str, action: &Value, given: &BTreeMap<&str, &str>) -> String {
    let mut out = text.to_owned();
    for (name, spec) in action["inputs"].as_mapping().unwrap() {
        let name = name.as_str().unwrap();
        let value = given
            .get(name)
            .map(|v| v.to_string())
            .unwrap_or_else(|| spec["default"].as_str().unwrap_or("").to_owned());
        out = out.replace(&format!("${{{{ inputs.{name} }}}}"), &value);
    }
    out
}

/// Runs a `shell: bash` step in `dir` as the runner would; returns its output and what it
/// wrote to `$GITHUB_OUTPUT`.
fn run_step(
    action: &Value,
    id: &str,
    dir: &Path,
    given: &BTreeMap<&str, &str>,
) -> (Output, String) {
    let step = step(action, id);
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let script = dir.join(format!("{id}.sh"));
    std::fs::write(&script, step["run"].as_str().unwrap()).unwrap();
    let github_output = dir.join(format!("{id}.output"));
    std::fs::write(&github_output, "").unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_zonegate")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
        .arg(&script)
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_OUTPUT", &github_output)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    if let Some(env) = step["env"].as_mapping() {
        for (k, v) in env {
            cmd.env(
                k.as_str().unwrap(),
                expand(v.as_str().unwrap(), action, given),
            );
        }
    }
    let out = cmd.output().unwrap();
    let written = std::fs::read_to_string(&github_output).unwrap();
    (out, written)
}

fn outputs(written: &str) -> BTreeMap<String, String> {
    written
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn zones() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let zones = dir.path().join("zones");
    std::fs::create_dir_all(&zones).unwrap();
    for f in ["example.co.jp.zone", "sample.co.jp.sjis.zone"] {
        std::fs::copy(common::fixtures().join("examples").join(f), zones.join(f)).unwrap();
    }
    dir
}

#[test]
fn the_check_step_writes_sarif_and_annotations_and_records_the_exit_code() {
    let action = action();
    let dir = zones();
    let given = BTreeMap::from([("paths", "zones")]);
    let (out, written) = run_step(&action, "check", dir.path(), &given);
    assert!(
        out.status.success(),
        "the step itself succeeds; failing is a later step's job: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outputs = outputs(&written);
    assert_eq!(outputs["exit-code"], "1");
    assert_eq!(outputs["sarif-file"], "zonegate.sarif");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("zonegate.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 7);
    let log = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        log.lines()
            .filter(|l| l.starts_with("::error file=zones/sample.co.jp.sjis.zone,line="))
            .count(),
        7,
        "{log}"
    );
    assert!(
        log.ends_with("zonegate: at least one file was rejected\n"),
        "{log}"
    );

    // The last step fails the job with zonegate's exit code.
    let fail_step = steps(&action).last().unwrap();
    assert_eq!(
        fail_step["if"].as_str(),
        Some("inputs.fail == 'true' && steps.check.outputs.exit-code != '0'")
    );
    let status = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
        .arg(fail_step["run"].as_str().unwrap())
        .env("ZONEGATE_EXIT", &outputs["exit-code"])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn the_check_step_passes_arguments_and_paths_without_globbing_or_injection() {
    let action = action();
    let dir = zones();
    // Accepted zone only, Japanese messages; a path with a glob character and one with shell
    // syntax in it are passed as they are (and do not exist: exit code 2).
    let given = BTreeMap::from([
        ("paths", "zones/example.co.jp.zone\n*.zone $(touch pwned)"),
        ("args", "--lang ja --fail-on warning"),
        ("annotations", "false"),
    ]);
    let (out, written) = run_step(&action, "check", dir.path(), &given);
    assert!(out.status.success());
    assert!(!dir.path().join("pwned").exists());
    assert_eq!(outputs(&written)["exit-code"], "2");
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("zonegate.sarif")).unwrap()).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["language"], "ja");
    let unread: Vec<&str> = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(unread, ["%2A.zone", "%24%28touch", "pwned%29"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("::error"));
}

#[test]
fn the_action_refers_only_to_inputs_and_steps_it_has() {
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action = action();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = action["inputs"].as_mapping().unwrap();
    let ids: Vec<&str> = steps(&action)
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    let expression = regex::Regex::new(r"\$\{\{\s*([^}]*?)\s*\}\}").unwrap();
    for m in expression.captures_iter(&text) {
        let e = &m[1];
        if let Some(name) = e.strip_prefix("inputs.") {
            assert!(
                inputs.contains_key(Value::from(name)),
                "unknown input in `{e}`"
            );
        } else if let Some(rest) = e.strip_prefix("steps.") {
            let id = rest.split('.').next().unwrap();
            assert!(ids.contains(&id), "unknown step in `{e}`");
        } else {
            panic!("unexpected expression `{e}`");
        }
    }
    // Inputs never appear inside a script, only in `env:` and `with:`.
    for s in steps(&action) {
        if let Some(run) = s["run"].as_str() {
            assert!(!run.contains("${{"), "expression inside a script: {run}");
        }
        if s["uses"].is_null() {
            assert_eq!(s["shell"].as_str(), Some("bash"));
        }
    }
}

#[test]
fn the_pre_commit_hook_selects_the_files_a_directory_run_checks_by_name() {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Value = serde_yaml::from_str(&text).unwrap();
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("zonegate"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert!(
        hook["entry"]
            .as_str()
            .unwrap()
            .starts_with("zonegate check")
    );
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    let exclude = regex::Regex::new(hook["exclude"].as_str().unwrap()).unwrap();
    let selected = |p: &str| files.is_match(p) && !exclude.is_match(p);
    for p in [
        "zones/example.jp.zone",
        "EXAMPLE.ZONE",
        "bind/db.example.jp",
        "db.local",
        "legacy/example.jp.db",
        "tables/customer.csv",
        "tables/customer.tsv",
        "tables/customer.xlsx",
        "tables/customer.xls",
    ] {
        assert!(selected(p), "{p} should be checked");
    }
    for p in [
        "src/db.py",
        "db.json",
        "db.example.jp.bak",
        "README.md",
        "named.conf",
        "zones/notes.zone.md",
    ] {
        assert!(!selected(p), "{p} should not be checked");
    }
    // The same list of "db.* that is not a zone" as the directory walk uses.
    let list = zonegate::fs::NOT_ZONE_EXTENSIONS.join("|");
    assert!(
        hook["exclude"]
            .as_str()
            .unwrap()
            .contains(&format!("({list})")),
        "keep .pre-commit-hooks.yaml's exclude in step with fs::NOT_ZONE_EXTENSIONS"
    );
}
