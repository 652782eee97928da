//! CI use: directory runs, the machine formats (SARIF, GitHub workflow commands, JUnit), exit
//! codes, and output that does not depend on how the files were shared among threads.
//!
//! Everything runs the real binary on files made in a temporary directory.

mod common;

use common::{root, stdout, zonegate};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A zone with no findings.
const GOOD: &str = "$ORIGIN good.example.jp.
$TTL 3600
@       IN SOA ns1.good.example.jp. hostmaster.good.example.jp. 2024010101 7200 900 1209600 3600
@       IN NS  ns1.good.example.jp.
@       IN NS  ns2.example.net.
ns1     IN A   192.0.2.53
www     IN A   192.0.2.80
";

/// Two errors, on lines 5 and 6.
const BAD: &str = "$ORIGIN bad.example.jp.
$TTL 3600
@       IN SOA ns1.bad.example.jp. hostmaster.bad.example.jp. 2024010101 7200 900 1209600 3600
@       IN NS  ns1.bad.example.jp.
ns1     IN AAA 2001:db8::53
www     IN A   192.0.2.300
@       IN NS  ns2.example.net.
";

/// One warning (ZG035, no TTL and no `$TTL`), on line 4.
const WARNING: &str = "$ORIGIN warn.example.jp.
@       IN SOA ns1.warn.example.jp. hostmaster.warn.example.jp. 2024010101 7200 900 1209600 3600
@       IN NS  ns1.warn.example.jp.
ns1     IN A   192.0.2.53
@       IN NS  ns2.example.net.
";

fn tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

fn check(dir: &Path, args: &[&str]) -> Output {
    zonegate()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            stdout(out),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The paths of the files a JSON report covers, in order.
fn checked_paths(out: &Output) -> Vec<String> {
    json_of(out)["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect()
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/ci", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

// ---------------------------------------------------------------------------------------------
// The "done when" of the issue.

#[test]
fn a_good_and_a_bad_zone_exit_1_with_sarif_results_and_error_annotations_on_the_bad_lines() {
    let dir = tree(&[
        ("zones/good.example.jp.zone", GOOD.as_bytes()),
        ("zones/bad.example.jp.zone", BAD.as_bytes()),
    ]);

    let sarif = check(dir.path(), &["--format", "sarif", "zones"]);
    assert_eq!(sarif.status.code(), Some(1));
    let log = json_of(&sarif);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let places: Vec<(String, &str, u64)> = results
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                loc["artifactLocation"]["uri"].as_str().unwrap(),
                loc["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("ZG032".into(), "zones/bad.example.jp.zone", 5),
            ("ZG043".into(), "zones/bad.example.jp.zone", 6),
        ]
    );
    assert_eq!(log["runs"][0]["invocations"][0]["exitCode"], 1);

    let github = check(dir.path(), &["--format", "github", "zones"]);
    assert_eq!(github.status.code(), Some(1));
    assert_eq!(
        stdout(&github),
        "::error file=zones/bad.example.jp.zone,line=5,col=12,endLine=5,endColumn=15,title=ZG032::unknown record type `AAA`%0Ahelp: did you mean `AAAA`?\n\
         ::error file=zones/bad.example.jp.zone,line=6,col=16,endLine=6,endColumn=27,title=ZG043::`192.0.2.300` is not an IPv4 address%0Ahelp: each of the four numbers is from 0 to 255, without leading zeros\n"
    );
}

// ---------------------------------------------------------------------------------------------
// SARIF

/// The SARIF 2.1.0 schema (rtm.5, the schema of the final 2.1.0 text), as shipped in the npm
/// package `@microsoft/jest-sarif` 1.0.0-beta.0 (MIT); see tests/schemas/README.md.
fn sarif_validator() -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0-rtm.5.json")).unwrap(),
    )
    .unwrap();
    // rtm.5's pattern for a language tag has a stray `]` that a strict regex engine refuses; the
    // pattern means "two letters, or two-dash-two" and is given that way here.
    for definition in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(language, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
        *language = Value::String("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into());
    }
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let validator = sarif_validator();
    let problems: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        problems.is_empty(),
        "not SARIF 2.1.0:\n{}",
        problems.join("\n")
    );
}

fn text_of<'a>(v: &'a Value, what: &str) -> &'a str {
    v.as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"))
}

/// The fields zonegate promises, checked one by one, beyond what the schema says.
fn assert_sarif_fields(log: &Value, exit_code: i32) {
    assert_eq!(log["version"], "2.1.0");
    assert!(text_of(&log["$schema"], "$schema").starts_with("https://"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "zonegate");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    if let Some(uri) = driver.get("informationUri") {
        assert!(text_of(uri, "informationUri").starts_with("https://"));
    }
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), zonegate::rules::registry::RULES.len());
    for (rule, registered) in rules.iter().zip(zonegate::rules::registry::RULES) {
        assert_eq!(rule["id"], registered.code);
        assert_eq!(rule["name"], registered.name);
        assert_eq!(rule["shortDescription"]["text"], registered.summary.en);
        assert!(!text_of(&rule["fullDescription"]["text"], "fullDescription").is_empty());
        assert_eq!(rule["help"]["markdown"], registered.docs.en);
        assert_eq!(rule["help"]["text"], registered.docs.en);
        let level = text_of(&rule["defaultConfiguration"]["level"], "level");
        assert!(["error", "warning", "note"].contains(&level), "{level}");
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["exitCode"], exit_code);
    assert_eq!(invocation["executionSuccessful"], exit_code != 2);
    let base = text_of(&run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "%SRCROOT%");
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    for result in run["results"].as_array().unwrap() {
        let id = text_of(&result["ruleId"], "ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        let level = text_of(&result["level"], "level");
        assert!(["error", "warning", "note"].contains(&level), "{level}");
        assert!(!text_of(&result["message"]["text"], "message").is_empty());
        let physical = &result["locations"][0]["physicalLocation"];
        let artifact = &physical["artifactLocation"];
        let uri = text_of(&artifact["uri"], "uri");
        assert!(!uri.starts_with('/') && !uri.contains("://"), "{uri}");
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        let region = &physical["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[key].as_u64().unwrap() >= 1, "{key} in {region}");
        }
        assert!(region["endLine"].as_u64() >= region["startLine"].as_u64());
    }
}

#[test]
fn sarif_is_valid_2_1_0_with_the_fields_promised() {
    let dir = tree(&[
        ("zones/good.example.jp.zone", GOOD.as_bytes()),
        ("zones/bad.example.jp.zone", BAD.as_bytes()),
        ("zones/warn.example.jp.zone", WARNING.as_bytes()),
    ]);
    let out = check(dir.path(), &["--format", "sarif", "zones"]);
    let log = json_of(&out);
    assert_valid_sarif(&log);
    assert_sarif_fields(&log, 1);
    let levels: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "error", "warning"]);
}

#[test]
fn the_schema_check_would_catch_a_malformed_log() {
    let dir = tree(&[("bad.example.jp.zone", BAD.as_bytes())]);
    let log = json_of(&check(dir.path(), &["--format", "sarif", "."]));
    let validator = sarif_validator();
    assert!(validator.is_valid(&log));
    let mut bad_level = log.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&bad_level));
    let mut bad_region = log.clone();
    bad_region["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&bad_region));
    let mut no_version = log;
    no_version.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&no_version));
}

#[test]
fn sarif_snapshot_of_the_example_submissions() {
    let examples = root().join("fixtures");
    let out = check(&examples, &["--format", "sarif", "examples"]);
    assert_eq!(out.status.code(), Some(1));
    let mut log = json_of(&out);
    assert_valid_sarif(&log);
    assert_sarif_fields(&log, 1);
    // The catalogue is checked field by field above and changes with every new rule; the
    // working directory differs from machine to machine.
    let run = &mut log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap().len();
    assert_eq!(rules, zonegate::rules::registry::RULES.len());
    run["tool"]["driver"]["rules"] = Value::String("[the rule catalogue]".into());
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = Value::String("[CWD]".into());
    snapshot(
        "sarif_examples",
        &serde_json::to_string_pretty(&log).unwrap(),
    );
}

#[test]
fn sarif_records_files_that_could_not_be_read_and_exit_code_2() {
    let dir = tree(&[("bad.example.jp.zone", BAD.as_bytes())]);
    let out = check(
        dir.path(),
        &["--format", "sarif", "bad.example.jp.zone", "missing.zone"],
    );
    assert_eq!(out.status.code(), Some(2));
    let log = json_of(&out);
    assert_valid_sarif(&log);
    assert_sarif_fields(&log, 2);
    let notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.zone"
    );
    // The file that could be read is still reported.
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn sarif_locations_are_uri_references_relative_to_srcroot() {
    let dir = tree(&[("ゾーン/a b#1.zone", BAD.as_bytes())]);
    let out = check(dir.path(), &["--format", "sarif", "./ゾーン"]);
    let log = json_of(&out);
    assert_valid_sarif(&log);
    let artifact =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        artifact["uri"],
        "%E3%82%BE%E3%83%BC%E3%83%B3/a%20b%231.zone"
    );
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(base.starts_with("file:///"), "{base}");
}

#[test]
fn findings_in_an_included_file_point_at_that_file() {
    let main = format!("{GOOD}$INCLUDE \"parts/hosts.inc\"\n");
    let dir = tree(&[
        ("zones/good.example.jp.zone", main.as_bytes()),
        ("zones/parts/hosts.inc", b"mail    IN AAA 2001:db8::25\n"),
    ]);
    let out = check(
        dir.path(),
        &["--format", "sarif", "--allow-include", "zones", "zones"],
    );
    assert_eq!(out.status.code(), Some(1));
    let log = json_of(&out);
    assert_valid_sarif(&log);
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"], "zones/parts/hosts.inc",
        "relative to the including file's directory, as the include was resolved"
    );
    assert_eq!(location["region"]["startLine"], 1);
    let out = check(
        dir.path(),
        &["--format", "github", "--allow-include", "zones", "zones"],
    );
    assert!(
        stdout(&out).starts_with("::error file=zones/parts/hosts.inc,line=1,col=12,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn sarif_in_japanese_keeps_its_structure() {
    let dir = tree(&[("bad.example.jp.zone", BAD.as_bytes())]);
    let out = check(
        dir.path(),
        &["--format", "sarif", "--lang", "ja", "bad.example.jp.zone"],
    );
    let log = json_of(&out);
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["language"], "ja");
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(
        rule["shortDescription"]["text"],
        zonegate::rules::registry::RULES[0].summary.ja
    );
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

/// `::error file=...,line=...,...,title=...::message`, nothing unescaped in the values.
fn assert_workflow_command(line: &str) {
    let rest = ["::error ", "::warning ", "::notice "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or_else(|| panic!("not a workflow command: {line}"));
    let (properties, message) = rest
        .split_once("::")
        .unwrap_or_else(|| panic!("no message: {line}"));
    for property in properties.split(',') {
        let (key, value) = property
            .split_once('=')
            .unwrap_or_else(|| panic!("bad property `{property}` in {line}"));
        assert!(
            ["file", "line", "col", "endLine", "endColumn", "title"].contains(&key),
            "{key} in {line}"
        );
        assert!(!value.contains([':', ',']), "{line}");
        if key != "file" && key != "title" {
            assert!(value.parse::<u32>().unwrap() >= 1, "{line}");
        }
    }
    assert!(
        !message.chars().any(|c| c.is_control()) && !properties.chars().any(|c| c.is_control()),
        "control character in {line:?}"
    );
}

#[test]
fn github_annotations_by_severity() {
    let dir = tree(&[
        ("bad.example.jp.zone", BAD.as_bytes()),
        ("warn.example.jp.zone", WARNING.as_bytes()),
    ]);
    let out = check(dir.path(), &["--format", "github", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for line in text.lines() {
        assert_workflow_command(line);
    }
    snapshot("github_severities", &text);
}

#[test]
fn github_snapshot_of_the_example_submissions() {
    let out = check(
        &root().join("fixtures"),
        &["--format", "github", "examples"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for line in text.lines() {
        assert_workflow_command(line);
    }
    snapshot("github_examples", &text);
}

#[test]
fn github_values_are_escaped_so_nothing_ends_a_command_early() {
    // A file name with the property separators in it; a type with a percent sign, `::` and a
    // comma in it (quoted in the message); an escape sequence, which could clear the log.
    let zone = format!("{GOOD}www2    IN A%::,x 192.0.2.1\ntxt     IN TXT  \"a\x1b[2J\"\n");
    let dir = tree(&[("a,b:c%.zone", zone.as_bytes())]);
    let out = check(dir.path(), &["--format", "github", "a,b:c%.zone"]);
    let text = stdout(&out);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert_workflow_command(line);
        assert!(line.contains("file=a%2Cb%3Ac%25.zone,"), "{line}");
    }
    snapshot("github_escaping", &text);
}

#[test]
fn github_reports_unreadable_files_as_errors() {
    let dir = tree(&[]);
    let out = check(dir.path(), &["--format", "github", "missing.zone"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.starts_with("::error file=missing.zone,title=zonegate::"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

fn parse_junit(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"))
}

#[test]
fn junit_has_one_test_case_per_file_failed_when_rejected() {
    let dir = tree(&[
        ("zones/good.example.jp.zone", GOOD.as_bytes()),
        ("zones/bad.example.jp.zone", BAD.as_bytes()),
        ("zones/warn.example.jp.zone", WARNING.as_bytes()),
    ]);
    let out = check(dir.path(), &["--format", "junit", "zones", "missing.zone"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let doc = parse_junit(&text);
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let suite: Vec<_> = suites.children().filter(|n| n.is_element()).collect();
    assert_eq!(suite.len(), 1, "one test suite per run");
    let suite = suite[0];
    assert_eq!(suite.tag_name().name(), "testsuite");
    assert_eq!(suite.attribute("tests"), Some("4"));
    assert_eq!(suite.attribute("failures"), Some("1"));
    assert_eq!(suite.attribute("errors"), Some("1"));
    let cases: Vec<(String, Vec<String>)> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|c| {
            (
                c.attribute("name").unwrap().to_owned(),
                c.children()
                    .filter(|n| n.is_element())
                    .map(|n| n.tag_name().name().to_owned())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        cases,
        [
            ("missing.zone".to_owned(), vec!["error".to_owned()]),
            (
                "zones/bad.example.jp.zone".to_owned(),
                vec!["failure".to_owned()]
            ),
            ("zones/good.example.jp.zone".to_owned(), vec![]),
            (
                "zones/warn.example.jp.zone".to_owned(),
                vec!["system-out".to_owned()]
            ),
        ]
    );
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    let body = failure.text().unwrap();
    assert!(
        body.contains("zones/bad.example.jp.zone:5:12: error[ZG032]: unknown record type `AAA`"),
        "{body}"
    );
    assert!(body.contains("= help: did you mean `AAAA`?"), "{body}");
    // --fail-on warning turns the warning into a failure.
    let strict = check(
        dir.path(),
        &["--format", "junit", "--fail-on", "warning", "zones"],
    );
    assert_eq!(strict.status.code(), Some(1));
    let strict_text = stdout(&strict);
    let doc = parse_junit(&strict_text);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        2
    );
}

#[test]
fn junit_snapshot_of_the_example_submissions() {
    let out = check(&root().join("fixtures"), &["--format", "junit", "examples"]);
    let text = stdout(&out);
    parse_junit(&text);
    snapshot("junit_examples", &text);
}

#[test]
fn junit_is_well_formed_whatever_the_file_name_and_content() {
    // Characters XML 1.0 forbids, in a file name and in the zone; markup characters too.
    let zone = format!(
        "{}txt     IN TXT  \"<b>&amp;</b> \x01\x0b\"\n\x02bad   IN A 192.0.2.1\n",
        GOOD
    );
    let dir = tree(&[("x\x01<y>&\"z\x1b.zone", zone.as_bytes())]);
    let out = check(dir.path(), &["--format", "junit", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let doc = parse_junit(&text);
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .unwrap();
    assert_eq!(case.attribute("name"), Some("./x\\001<y>&\"z\\027.zone"));
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        !body.chars().any(|c| c.is_control() && c != '\n'),
        "{body:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Directory runs

#[test]
fn a_directory_run_finds_zones_in_nested_folders_and_honours_ignore_files() {
    let sqlite = b"SQLite format 3\0\x10\x00\x01\x01";
    let dir = tree(&[
        ("zones/a.example.jp.zone", GOOD.as_bytes()),
        ("zones/customers/db.b.example.jp", GOOD.as_bytes()),
        ("zones/customers/deep/er/c.example.jp.db", GOOD.as_bytes()),
        // No zone name, but it starts like a zone.
        ("zones/customers/d.example.jp", GOOD.as_bytes()),
        (
            "zones/customers/e.txt",
            format!("; customer E\n{GOOD}").as_bytes(),
        ),
        // Record tables and workbooks go through the same check.
        ("zones/tables/f.csv", b"name,type,value\nwww,A,192.0.2.1\n"),
        ("zones/tables/g.xlsx", b"PK\x03\x04rest of a workbook"),
        // Not zones: other names that do not start like one, and BIND's configuration.
        ("zones/README.md", b"# zones\n$ORIGIN is explained below\n"),
        (
            "zones/named.conf",
            b"zone \"example.jp\" { type master; };\n",
        ),
        ("zones/tools/db.py", b"import sqlite3\n"),
        // Ignored: by .gitignore (outside a git repository too), by .ignore, hidden.
        ("zones/.gitignore", b"drafts/\n*.bak.zone\n"),
        ("zones/drafts/h.example.jp.zone", BAD.as_bytes()),
        ("zones/i.bak.zone", BAD.as_bytes()),
        ("zones/customers/.ignore", b"old/\n"),
        ("zones/customers/old/j.example.jp.zone", BAD.as_bytes()),
        ("zones/.hidden/k.example.jp.zone", BAD.as_bytes()),
        ("zones/.l.example.jp.zone", BAD.as_bytes()),
        // Named like a zone but an SQLite database: skipped with a note.
        ("zones/cache.db", sqlite),
    ]);
    let out = check(dir.path(), &["--format", "json", "zones"]);
    assert_eq!(
        checked_paths(&out),
        [
            "zones/a.example.jp.zone",
            "zones/customers/d.example.jp",
            "zones/customers/db.b.example.jp",
            "zones/customers/deep/er/c.example.jp.db",
            "zones/customers/e.txt",
            "zones/tables/f.csv",
            "zones/tables/g.xlsx",
        ]
    );
    let json = json_of(&out);
    assert_eq!(
        json["skipped"],
        serde_json::json!([{ "path": "zones/cache.db", "reason": "database" }])
    );
    assert_eq!(json["summary"]["skipped"], 1);
    // Each file's origin is its own.
    let origins: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["origin"].as_str())
        .collect();
    assert!(
        origins.iter().all(|o| *o == "good.example.jp."),
        "{origins:?}"
    );

    // A file named on the command line is checked even when an ignore file lists it.
    let out = check(
        dir.path(),
        &["--format", "json", "zones/drafts/h.example.jp.zone"],
    );
    assert_eq!(checked_paths(&out), ["zones/drafts/h.example.jp.zone"]);
    assert_eq!(out.status.code(), Some(1));

    // The text formats say what was skipped and count it.
    let out = check(dir.path(), &["--format", "concise", "zones"]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "note: zones/cache.db: not checked: an SQLite database, not a zone file\n"
        ),
        "{text}"
    );
    assert!(text.trim_end().ends_with("; 1 skipped"), "{text}");
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_not_followed_out_of_the_tree() {
    let outside = tree(&[("secret.zone", BAD.as_bytes())]);
    let dir = tree(&[
        ("zones/a.example.jp.zone", GOOD.as_bytes()),
        ("elsewhere/b.example.jp.zone", GOOD.as_bytes()),
    ]);
    let zones = dir.path().join("zones");
    std::os::unix::fs::symlink(outside.path().join("secret.zone"), zones.join("leak.zone"))
        .unwrap();
    std::os::unix::fs::symlink(outside.path(), zones.join("linked-dir")).unwrap();
    std::os::unix::fs::symlink("a.example.jp.zone", zones.join("alias.example.jp.zone")).unwrap();
    std::os::unix::fs::symlink("missing.zone", zones.join("dangling.zone")).unwrap();
    let out = check(dir.path(), &["--format", "json", "zones"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        checked_paths(&out),
        ["zones/a.example.jp.zone", "zones/alias.example.jp.zone"]
    );
    let json = json_of(&out);
    let skipped: Vec<(&str, &str)> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("zones/dangling.zone", "symlink-not-followed"),
            ("zones/leak.zone", "symlink-not-followed"),
        ]
    );
}

#[test]
fn origin_is_refused_for_directories_and_several_files() {
    let dir = tree(&[
        ("zones/a.zone", GOOD.as_bytes()),
        ("b.zone", GOOD.as_bytes()),
    ]);
    for args in [
        &["--origin", "example.jp", "zones"][..],
        &["--origin", "example.jp", "b.zone", "zones/a.zone"][..],
    ] {
        let out = check(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--origin applies to a single file"),
            "{args:?}"
        );
    }
    let out = check(dir.path(), &["--origin", "good.example.jp", "b.zone"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_directory_with_nothing_to_check_says_so() {
    let dir = tree(&[("docs/README.md", b"nothing here\n")]);
    let out = check(dir.path(), &["--format", "concise", "docs"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("docs: no zone files"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_file_given_twice_is_checked_once() {
    let dir = tree(&[("zones/a.example.jp.zone", GOOD.as_bytes())]);
    let out = check(
        dir.path(),
        &["--format", "json", "zones", "zones/a.example.jp.zone"],
    );
    assert_eq!(checked_paths(&out), ["zones/a.example.jp.zone"]);
}

// ---------------------------------------------------------------------------------------------
// Exit codes and summaries

#[test]
fn exit_codes_follow_the_table_in_the_readme() {
    let dir = tree(&[
        ("good.example.jp.zone", GOOD.as_bytes()),
        ("bad.example.jp.zone", BAD.as_bytes()),
        ("warn.example.jp.zone", WARNING.as_bytes()),
    ]);
    let code = |args: &[&str]| check(dir.path(), args).status.code();
    assert_eq!(code(&["good.example.jp.zone"]), Some(0));
    assert_eq!(code(&["warn.example.jp.zone"]), Some(0));
    assert_eq!(
        code(&["--fail-on", "warning", "warn.example.jp.zone"]),
        Some(1)
    );
    assert_eq!(
        code(&["bad.example.jp.zone", "good.example.jp.zone"]),
        Some(1)
    );
    // A file that cannot be read outranks a rejected one.
    assert_eq!(code(&["bad.example.jp.zone", "missing.zone"]), Some(2));
    assert_eq!(
        code(&["--format", "nonsense", "good.example.jp.zone"]),
        Some(2)
    );
    assert_eq!(
        code(&["--select", "ZG999", "good.example.jp.zone"]),
        Some(2)
    );
    // The table in README.md names every code.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for row in ["| 0 |", "| 1 |", "| 2 |"] {
        assert!(readme.contains(row), "README.md lacks the row `{row}`");
    }
}

#[test]
fn the_summary_line_ends_text_formats_and_never_machine_formats() {
    let dir = tree(&[("bad.example.jp.zone", BAD.as_bytes())]);
    let summary = "checked 1 file: 0 accepted, 1 rejected; 2 errors, 0 warnings, 0 info";
    for format in ["full", "concise"] {
        let out = check(dir.path(), &["--format", format, "."]);
        assert_eq!(stdout(&out).lines().last(), Some(summary), "{format}");
    }
    for format in ["json", "sarif", "github", "junit"] {
        let out = check(dir.path(), &["--format", format, "."]);
        assert!(!stdout(&out).contains("checked 1 file"), "{format}");
    }
}

// ---------------------------------------------------------------------------------------------
// Parallel checking

/// Many files, in many folders, with findings of several kinds, so that threads finish in a
/// different order from run to run.
fn many_files() -> tempfile::TempDir {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..96 {
        let content = match i % 4 {
            0 => GOOD.to_owned(),
            1 => BAD.to_owned(),
            2 => WARNING.to_owned(),
            // A larger file, to make this one slow.
            _ => {
                let mut zone = BAD.to_owned();
                for n in 0..400 {
                    zone.push_str(&format!("h{n} IN A 192.0.2.{}\n", n % 300));
                }
                zone
            }
        };
        files.push((
            format!("d{}/s{}/z{i:03}.example.jp.zone", i % 5, i % 3),
            content.into(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    tree(&refs)
}

#[test]
fn output_is_the_same_bytes_whatever_the_threads_do() {
    let dir = many_files();
    for format in ["concise", "full", "json", "sarif", "github", "junit"] {
        let serial = check(dir.path(), &["--format", format, "--jobs", "1", "."]);
        assert_eq!(serial.status.code(), Some(1));
        for jobs in ["2", "7", "0"] {
            for _ in 0..2 {
                let parallel = check(dir.path(), &["--format", format, "--jobs", jobs, "."]);
                assert_eq!(parallel.status.code(), Some(1));
                assert!(
                    parallel.stdout == serial.stdout,
                    "{format} with --jobs {jobs} differs from --jobs 1"
                );
            }
        }
    }
    // The order is the sorted order of the paths.
    let out = check(dir.path(), &["--format", "json", "."]);
    let paths = checked_paths(&out);
    let mut sorted: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    sorted.sort();
    assert_eq!(
        paths,
        sorted
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    );
    assert_eq!(paths.len(), 96);
}
