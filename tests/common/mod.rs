//! Helpers for tests that run the real binary.
#![allow(dead_code)]

pub mod xls;

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

/// A cell of a test workbook: text, a number (as Excel stores TTLs typed as numbers), or a
/// formula with the value Excel would have saved.
#[derive(Clone, Debug)]
pub enum XCell {
    Text(&'static str),
    Number(f64),
    /// A number shown as a time of day (`h:mm`), as Excel stores `1:00` typed into a cell.
    Time(f64),
    Formula(&'static str, &'static str),
    Empty,
}

/// Builds an `.xlsx` with rust_xlsxwriter: one sheet named `sheet` holding `rows` from row 1,
/// and `merges` (first row, first column, last row, last column; 0-based) merged. The document
/// properties are fixed, so the same rows always make the same bytes.
pub fn xlsx(sheet: &str, rows: &[Vec<XCell>], merges: &[(u32, u16, u32, u16)]) -> Vec<u8> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1).expect("date");
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let ws = book.add_worksheet();
    ws.set_name(sheet).expect("sheet name");
    for &(r0, c0, r1, c1) in merges {
        let text = match &rows[r0 as usize][c0 as usize] {
            XCell::Text(t) => *t,
            _ => "",
        };
        ws.merge_range(r0, c0, r1, c1, text, &Format::new())
            .expect("merge");
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if merges
                .iter()
                .any(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c))
            {
                continue;
            }
            match cell {
                XCell::Text(t) => {
                    ws.write_string(r, c, *t).expect("write");
                }
                XCell::Number(n) => {
                    ws.write_number(r, c, *n).expect("write");
                }
                XCell::Time(n) => {
                    ws.write_number_with_format(r, c, *n, &Format::new().set_num_format("h:mm"))
                        .expect("write");
                }
                XCell::Formula(f, result) => {
                    ws.write_formula(r, c, Formula::new(*f).set_result(*result))
                        .expect("write");
                }
                XCell::Empty => {}
            }
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// Writes the rule fixtures that are workbooks, made here rather than committed from
/// elsewhere; rewritten only when they differ, so a clean run leaves the tree unchanged.
pub fn generate_workbook_fixtures() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use XCell::*;
        let base = |rows: &mut Vec<Vec<XCell>>| {
            rows.push(vec![Text("ドメイン名：example.jp")]);
            rows.push(vec![
                Text("ホスト名"),
                Text("タイプ"),
                Text("TTL"),
                Text("優先度"),
                Text("値"),
            ]);
            for (host, ty, value) in [
                (
                    "@",
                    "SOA",
                    "ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600",
                ),
                ("@", "NS", "ns1.example.jp."),
                ("@", "NS", "ns2.example.net."),
                ("ns1", "A", "192.0.2.53"),
            ] {
                rows.push(vec![
                    Text(host),
                    Text(ty),
                    Number(3600.0),
                    Empty,
                    Text(value),
                ]);
            }
        };
        let mut rows = Vec::new();
        base(&mut rows);
        rows.push(vec![
            Text("www"),
            Text("A"),
            Formula("=C6", "3600"),
            Empty,
            Text("192.0.2.1"),
        ]);
        write_if_changed(
            &fixtures().join("rules/ZG068.xlsx"),
            &xlsx("申込書", &rows, &[]),
        );
    });
}

fn write_if_changed(path: &Path, bytes: &[u8]) {
    if std::fs::read(path).ok().as_deref() != Some(bytes) {
        std::fs::write(path, bytes).expect("fixture written");
    }
}
