//! The real binary: exit codes, the JSON schema, encodings, untrusted-input behaviour, `fmt`.

mod common;

use common::{fixtures, stdout, zonegate};
use std::io::Write;

const GOOD: &str = "$ORIGIN example.jp.\n$TTL 3600\n@ IN SOA ns1 hostmaster 2024010101 7200 900 1209600 3600\n@ IN NS ns1\n@ IN NS ns2.example.net.\nns1 IN A 192.0.2.53\nwww IN A 192.0.2.1\n";

fn temp_zone(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    (dir, path)
}

fn json(args: &[&str]) -> (serde_json::Value, i32) {
    let out = zonegate().args(args).output().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (v, out.status.code().unwrap())
}

#[test]
fn exit_codes() {
    let (_d, good) = temp_zone("example.jp.zone", GOOD.as_bytes());
    let (_d2, bad) = temp_zone(
        "bad.example.jp.zone",
        format!("{GOOD}x IN AAA ::1\n").as_bytes(),
    );
    let good = good.to_str().unwrap();
    let bad = bad.to_str().unwrap();
    zonegate().args(["check", good]).assert().code(0);
    zonegate().args(["check", bad]).assert().code(1);
    zonegate().args(["check", good, bad]).assert().code(1);
    // An unreadable file is an error of the run, whatever the others say.
    zonegate()
        .args(["check", good, "/nonexistent/zone"])
        .assert()
        .code(2);
    zonegate()
        .args(["check", "--bogus-flag", good])
        .assert()
        .code(2);
    zonegate()
        .args(["check", "--encoding", "klingon", good])
        .assert()
        .code(2);
    zonegate()
        .args(["check", "--origin", "bad..name", good])
        .assert()
        .code(2);
    zonegate()
        .args(["check", "--select", "ZG999", good])
        .assert()
        .code(2);
    zonegate().args(["check"]).assert().code(2);
    zonegate()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("Exit codes:"));
    zonegate()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "1  at least one file was rejected",
        ));
}

#[test]
fn json_schema() {
    let (_d, bad) = temp_zone(
        "example.jp.zone",
        format!("{GOOD}x IN AAA ::1\ny IN TXT \"open\n").as_bytes(),
    );
    let (v, code) = json(&["check", "--format", "json", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "zonegate");
    let file = &v["files"][0];
    for key in [
        "path",
        "origin",
        "origin_source",
        "encoding",
        "verdict",
        "records",
        "counts",
        "suppressed",
        "omitted",
        "diagnostics",
    ] {
        assert!(!file[key].is_null(), "file.{key} missing in {file}");
    }
    assert_eq!(file["verdict"], "rejected");
    assert_eq!(file["origin"], "example.jp.");
    assert_eq!(file["origin_source"], "origin-directive");
    assert_eq!(file["encoding"], "utf-8");
    assert_eq!(file["records"], 6);
    let d = &file["diagnostics"][0];
    assert_eq!(d["code"], "ZG032");
    assert_eq!(d["name"], "unknown-type");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "unknown record type `AAA`");
    assert_eq!(d["help"], "did you mean `AAAA`?");
    assert_eq!(
        (
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["end_line"].as_u64(),
            d["end_column"].as_u64()
        ),
        (Some(8), Some(6), Some(8), Some(9))
    );
    assert!(d["rfc"].as_str().unwrap().starts_with("RFC"));
    let unclosed = &file["diagnostics"][1];
    assert_eq!(unclosed["code"], "ZG010");
    assert_eq!(unclosed["labels"][0]["line"], 9);
    let summary = &v["summary"];
    assert_eq!(
        (
            summary["files"].as_u64(),
            summary["rejected"].as_u64(),
            summary["errors"].as_u64()
        ),
        (Some(1), Some(1), Some(2))
    );
    assert!(v["errors"].as_array().unwrap().is_empty());
}

#[test]
fn encodings_through_the_binary() {
    let japanese = format!("; 株式会社サンプル ゾーン情報\n{GOOD}ｍａｉｌ IN A 192.0.2.25\n");
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(japanese.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be_no_bom: Vec<u8> = japanese.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "shift_jis",
            encoding_rs::SHIFT_JIS.encode(&japanese).0.into_owned(),
        ),
        (
            "euc-jp",
            encoding_rs::EUC_JP.encode(&japanese).0.into_owned(),
        ),
        (
            "utf-8",
            [b"\xEF\xBB\xBF".as_slice(), japanese.as_bytes()].concat(),
        ),
        ("utf-8", japanese.replace('\n', "\r\n").into_bytes()),
        ("utf-16le", utf16le),
        ("utf-16be", utf16be_no_bom),
    ];
    for (encoding, bytes) in cases {
        let (_d, path) = temp_zone("example.jp.zone", &bytes);
        let (v, code) = json(&["check", "--format", "json", path.to_str().unwrap()]);
        let file = &v["files"][0];
        assert_eq!(file["encoding"], encoding);
        assert_eq!(code, 1, "{encoding}");
        // The full-width name is found on line 9, column 1, whatever the encoding and line ends.
        let d = &file["diagnostics"][0];
        assert_eq!(
            (d["code"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some("ZG015"), Some(9), Some(1)),
            "{encoding}: {d}"
        );
        assert_eq!(file["records"], 6, "{encoding}");
    }
}

#[test]
fn include_is_refused_and_never_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("secret.zone"),
        "leaked-secret IN A 192.0.2.99\n",
    )
    .unwrap();
    let zone = dir.path().join("example.jp.zone");
    std::fs::write(&zone, format!("{GOOD}$INCLUDE secret.zone\n")).unwrap();
    let out = zonegate()
        .args(["check", "--format", "json", zone.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["code"], "ZG023");
    assert_eq!(v["files"][0]["records"], 5);
    assert!(!stdout(&out).contains("leaked-secret"));
    // fmt refuses the zone: nothing of it, or of the include, is printed.
    let out = zonegate()
        .args(["fmt", zone.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    // Allowed, the include is read and its records are part of the zone.
    let out = zonegate()
        .args([
            "fmt",
            "--allow-include",
            dir.path().to_str().unwrap(),
            zone.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout(&out).contains("leaked-secret.example.jp.\t3600\tIN\tA\t192.0.2.99"));
}

#[test]
fn absolute_and_escaping_includes_are_refused_inside_allowed_dir() {
    let dir = tempfile::tempdir().unwrap();
    let allowed = dir.path().join("allowed");
    std::fs::create_dir(&allowed).unwrap();
    std::fs::write(dir.path().join("outside.zone"), "outside IN A 192.0.2.98\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("outside.zone"), allowed.join("link.zone")).unwrap();
    for include in ["/etc/passwd", "../outside.zone", "link.zone"] {
        let zone = allowed.join("example.jp.zone");
        std::fs::write(&zone, format!("{GOOD}$INCLUDE {include}\n")).unwrap();
        let out = zonegate()
            .args([
                "check",
                "--format",
                "json",
                "--allow-include",
                allowed.to_str().unwrap(),
                zone.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["files"][0]["diagnostics"][0]["code"], "ZG024",
            "{include}: {v}"
        );
        assert!(!stdout(&out).contains("root:"), "{include}");
    }
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let (_d, path) = temp_zone(
        "example.jp.zone",
        format!(
            "{GOOD}\x1b[2J\x1b]0;pwned\x07 IN A 192.0.2.1\nx IN TXT \"\u{202e}evil\x1b[31m\"\n"
        )
        .as_bytes(),
    );
    for format in ["full", "concise", "json"] {
        let out = zonegate()
            .args([
                "check",
                "--format",
                format,
                "--color",
                "never",
                path.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let text = stdout(&out);
        assert!(
            !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{202e}'),
            "{format}: {text:?}"
        );
        assert!(text.contains("ZG017"), "{format}");
    }
}

#[test]
fn standard_input_and_lang() {
    let out = zonegate()
        .args([
            "check",
            "--format",
            "concise",
            "--origin",
            "example.jp",
            "--lang",
            "ja",
            "-",
        ])
        .write_stdin("x IN AAA ::1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("-:1:6: エラー[ZG032]: 不明なレコードタイプ `AAA` です"),
        "{text}"
    );
    assert!(text.contains("1 ファイルをチェック"), "{text}");
    let out = zonegate()
        .env("LANG", "ja_JP.UTF-8")
        .args([
            "check",
            "--format",
            "concise",
            "--origin",
            "example.jp",
            "-",
        ])
        .write_stdin("x IN AAA ::1\n")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("エラー[ZG032]"));
}

#[test]
fn fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.zone");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Would block forever if opened; a regular-file check refuses it first.
    zonegate()
        .args(["check", fifo.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(2);
}

#[test]
fn fmt_prints_canonical_zone() {
    let text = "$ORIGIN example.jp.\n$TTL 1h\nwww A 192.0.2.1\n@ IN SOA ns1 hostmaster ( 1 7200 900 1209600 3600 )\nMail 300 MX 10 mail\n  IN NS ns1\nwww A 192.0.2.1 ; duplicate\n@ NS ns1\nns1 A 192.0.2.53\n";
    let (_d, path) = temp_zone("example.jp.zone", text.as_bytes());
    let out = zonegate()
        .args(["fmt", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout(&out),
        "example.jp.\t3600\tIN\tSOA\tns1.example.jp. hostmaster.example.jp. 1 7200 900 1209600 3600\n\
         example.jp.\t3600\tIN\tNS\tns1.example.jp.\n\
         Mail.example.jp.\t3600\tIN\tNS\tns1.example.jp.\n\
         Mail.example.jp.\t300\tIN\tMX\t10 mail.example.jp.\n\
         ns1.example.jp.\t3600\tIN\tA\t192.0.2.53\n\
         www.example.jp.\t3600\tIN\tA\t192.0.2.1\n"
    );
}

#[test]
fn rules_catalogue_lists_every_rule() {
    let out = zonegate()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert_eq!(rules.len(), zonegate::rules::registry::RULES.len());
    for r in rules {
        for key in ["code", "name", "severity", "summary", "rfc", "phase"] {
            assert!(r[key].is_string(), "{key} in {r}");
        }
    }
    let ja = zonegate().args(["rules", "--lang", "ja"]).output().unwrap();
    assert!(stdout(&ja).contains("存在しないレコードタイプ"));
}

#[test]
fn bundled_examples_give_the_readme_verdicts() {
    let out = zonegate()
        .args(["check", "--format", "json"])
        .arg(fixtures().join("examples"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts: Vec<(&str, &str)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["verdict"].as_str().unwrap()))
        .collect();
    assert!(
        verdicts
            .iter()
            .any(|(p, v)| p.ends_with("example.co.jp.zone") && *v == "accepted"),
        "{verdicts:?}"
    );
    assert!(
        verdicts
            .iter()
            .any(|(p, v)| p.ends_with("sample.co.jp.sjis.zone") && *v == "rejected"),
        "{verdicts:?}"
    );
}
