//! Helpers for tests that run the real binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    root().join("fixtures")
}

/// A command for the zonegate binary with a clean, predictable environment: no colour, English,
/// and no locale leaking in from the machine running the tests.
pub fn zonegate() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("zonegate").expect("binary built");
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    cmd
}

pub fn run(dir: &Path, args: &[&str]) -> Output {
    zonegate()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("zonegate runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The codes of every finding in a JSON report.
pub fn codes(json: &serde_json::Value) -> Vec<String> {
    json["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().into_iter().flatten())
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}

/// Arguments a fixture asks for on its first line: `; zonegate-test: --max-file-size 200`.
pub fn fixture_args(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("fixture readable");
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    first
        .strip_prefix("; zonegate-test:")
        .map(|a| a.split_whitespace().map(String::from).collect())
        .unwrap_or_default()
}
