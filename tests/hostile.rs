//! Hostile files through the real binary: each is answered with exit 0 or 1 (a verdict, never a
//! crash or a usage error), within a memory ceiling (the process's address space is limited with
//! `ulimit -v`, so an allocation past it fails and aborts the run, failing the test), and
//! within a generous hang guard (the process is killed after `HANG_GUARD`; that is not a timing
//! assertion, a hang simply never ends otherwise).
//!
//! `tests/parse.rs` has some of the same inputs at the library level.

mod common;

use common::xls::{self, Sheet, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space allowed to the binary. Checking one file takes a small multiple of its size;
/// the largest input here is 12 MiB.
const MEMORY: u64 = 1 << 30;
const HANG_GUARD: Duration = Duration::from_secs(240);

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `zonegate ARGS` with the memory ceiling and the hang guard.
fn bounded(dir: &Path, args: &[&str]) -> Outcome {
    let bin = assert_cmd::cargo::cargo_bin("zonegate");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", MEMORY >> 10))
        .arg(&bin)
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    // Read the pipes on threads so a large report cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).unwrap();
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("zonegate {args:?} still running after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8(out.join().unwrap()).expect("stdout is UTF-8");
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
    Outcome {
        code: status.code().unwrap_or_else(|| {
            panic!("zonegate {args:?} was killed by a signal ({status:?}); stderr:\n{stderr}")
        }),
        stdout,
        stderr,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    path
}

/// Checks `bytes` as file `name` (JSON report), asserting a verdict and returning the report.
fn verdict(name: &str, bytes: &[u8], extra: &[&str]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, bytes);
    let mut args = vec!["check", "--format", "json", "-j", "1"];
    args.extend_from_slice(extra);
    args.push(name);
    let o = bounded(dir.path(), &args);
    assert!(
        o.code == 0 || o.code == 1,
        "{name}: exit {}\nstderr: {}",
        o.code,
        o.stderr
    );
    assert!(
        !o.stderr.contains("panicked"),
        "{name}: a panic was printed: {}",
        o.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&o.stdout)
        .unwrap_or_else(|e| panic!("{name}: {e}: {}", &o.stdout[..o.stdout.len().min(2000)]));
    (o.code, json)
}

fn has(json: &serde_json::Value, code: &str) -> bool {
    common::codes(json).iter().any(|c| c == code)
}

const SOA: &str = "$ORIGIN example.jp.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.53\n";

/// A deterministic byte generator (xorshift), so "random" inputs are the same on every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

#[test]
fn a_12_mib_single_line() {
    let mut line = b"www IN TXT \"".to_vec();
    line.extend(std::iter::repeat_n(b'a', 12 << 20));
    line.extend_from_slice(b"\"\n");
    let (code, json) = verdict(
        "big.example.jp.zone",
        &line,
        &["--max-file-size", "20000000"],
    );
    assert_eq!(code, 1);
    assert!(has(&json, "ZG005"), "{:?}", common::codes(&json));
}

/// Files of a few MiB are read in pieces on several threads, from a state guessed by reading the
/// directive lines: directives on every line, directives the guess gets wrong (inside
/// parentheses, invalid), and a record spread over every cut must still get one pass's verdict.
#[test]
fn directive_storms_in_a_file_read_in_pieces() {
    let mut origins = SOA.to_owned();
    let mut invalid = SOA.to_owned();
    let mut hidden = SOA.to_owned();
    for i in 0..100_000 {
        origins.push_str(&format!("$ORIGIN s{i}.example.jp.\nw{i} A 192.0.2.1\n"));
        invalid.push_str(&format!("$TTL {i}x\nw{i} A 192.0.2.1\n"));
        hidden.push_str(&format!("t{i} TXT ( \"a\"\n$ORIGIN h{i}.example.jp.\n)\n"));
    }
    for (name, text, want) in [
        ("origins.zone", &origins, None),
        ("invalid.zone", &invalid, Some("ZG022")),
        ("hidden.zone", &hidden, None),
    ] {
        assert!(
            text.len() > 2 << 20,
            "{name} is too small to be read in pieces"
        );
        let (code, json) = verdict(name, text.as_bytes(), &["--origin", "example.jp."]);
        let (one_code, one) = verdict(
            name,
            text.as_bytes(),
            &["--origin", "example.jp.", "--threads", "1"],
        );
        assert_eq!((code, &json["files"]), (one_code, &one["files"]), "{name}");
        if let Some(code) = want {
            assert!(has(&json, code), "{name}: {:?}", common::codes(&json));
        }
    }
}

#[test]
fn a_million_open_parentheses() {
    let (code, json) = verdict("parens.zone", "(".repeat(1_000_000).as_bytes(), &[]);
    assert_eq!(code, 1);
    assert!(!common::codes(&json).is_empty());
}

#[test]
fn an_unclosed_parenthesis_then_200k_lines() {
    let mut text = format!("{SOA}www IN TXT ( \"a\"\n");
    text.push_str(&"  \"b\"\n".repeat(200_000));
    let (code, json) = verdict("unclosed.zone", text.as_bytes(), &[]);
    assert_eq!(code, 1);
    assert!(!common::codes(&json).is_empty());
}

#[test]
fn nul_bytes_invalid_utf8_random_binary_and_bare_crs() {
    let mut nul_inside = SOA.as_bytes().to_vec();
    nul_inside.extend_from_slice(b"www IN A 192.0.2.1\0\n");
    let (code, _) = verdict("nul.zone", &nul_inside, &[]);
    assert_eq!(code, 1, "a NUL byte is binary data");
    let (code, json) = verdict("nuls.zone", &[0u8; 100_000], &[]);
    assert_eq!(code, 1);
    assert!(!common::codes(&json).is_empty());

    let mut bad_utf8 = SOA.as_bytes().to_vec();
    for i in 0..1000 {
        bad_utf8.extend_from_slice(format!("h{i}\u{e9}").as_bytes());
        bad_utf8.extend_from_slice(b"\xff\xfe\xc3 IN TXT \"x\xed\xa0\x80y\" ; \xf0\x9f\n");
    }
    let (code, json) = verdict("utf8.zone", &bad_utf8, &["--encoding", "utf-8"]);
    assert_eq!(code, 1);
    assert!(!common::codes(&json).is_empty());
    // The same bytes, the encoding left to detection.
    let (code, _) = verdict("utf8-auto.zone", &bad_utf8, &[]);
    assert_eq!(code, 1);

    for seed in 1..=4u64 {
        let (code, _) = verdict("noise.zone", &noise(1 << 20, seed), &[]);
        assert_eq!(code, 1, "seed {seed}");
        // Random bytes without NULs are read as text: still a verdict.
        let text: Vec<u8> = noise(1 << 20, seed + 100)
            .into_iter()
            .map(|b| b.max(1))
            .collect();
        verdict("noise-text.zone", &text, &[]);
    }
    let (code, _) = verdict("crs.zone", &vec![b'\r'; 1 << 20], &[]);
    assert!(code == 0 || code == 1);
    let mut crs = SOA.replace('\n', "\r").into_bytes();
    crs.extend_from_slice(b"www IN A 192.0.2.1\r\r\r");
    let (code, json) = verdict("example.jp.zone", &crs, &[]);
    assert_eq!(code, 0, "bare CRs end lines: {json}");
}

#[test]
fn three_hundred_thousand_faulty_lines_are_capped_with_a_count() {
    let mut text = SOA.to_owned();
    text.push_str(&"x IN A 999.1.1.1\n".repeat(300_000));
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "faulty.zone", text.as_bytes());
    let o = bounded(dir.path(), &["check", "--format", "concise", "faulty.zone"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert!(lines.len() < 210, "{} lines of output", lines.len());
    let hidden = lines
        .iter()
        .find(|l| l.starts_with("... and "))
        .unwrap_or_else(|| panic!("no count of the rest:\n{}", o.stdout));
    let n: u64 = hidden
        .trim_start_matches("... and ")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 299_000, "{hidden}");
    // JSON says how many were left out, too.
    let (_, json) = verdict("faulty.zone", text.as_bytes(), &[]);
    let file = &json["files"][0];
    let shown = file["diagnostics"].as_array().unwrap().len() as u64;
    assert!(shown <= 200);
    assert!(
        file["omitted"].as_u64().unwrap() + shown >= 300_000,
        "{file:#}"
    );
}

#[test]
fn long_names_huge_ttls_and_an_escape_storm() {
    let mut text = SOA.to_owned();
    text.push_str(&format!("{} A 192.0.2.1\n", "a.".repeat(200)));
    text.push_str(&format!("{}x A 192.0.2.1\n", "ab.".repeat(200)));
    text.push_str("big 99999999999999999999999 A 192.0.2.1\n");
    text.push_str("big2 4294967296 A 192.0.2.1\n$TTL 18446744073709551616\n");
    text.push_str("w 1w99999999d A 192.0.2.1\n");
    text.push_str("s TXT \"");
    text.push_str(&"\\999".repeat(200_000));
    text.push_str("\"\n");
    text.push_str(&"\\999".repeat(100_000));
    text.push_str(" A 192.0.2.1\n");
    let (code, json) = verdict("storm.zone", text.as_bytes(), &[]);
    assert_eq!(code, 1);
    let codes = common::codes(&json);
    assert!(codes.len() >= 5, "{codes:?}");
}

#[test]
fn generate_over_the_whole_u32_range_and_with_step_zero() {
    for line in [
        "$GENERATE 0-4294967295 host-$ A 192.0.2.1",
        "$GENERATE 0-4294967295/1 host-$ A 192.0.2.1",
        "$GENERATE 1-10/0 host-$ A 192.0.2.1",
        "$GENERATE 0-4294967296 host-$ A 192.0.2.1",
        "$GENERATE 4294967295-0 host-$ A 192.0.2.1",
        "$GENERATE 0-65535 host-${0,999999999,x} A 192.0.2.1",
    ] {
        let text = format!("{SOA}{line}\n");
        let (code, json) = verdict("gen.zone", text.as_bytes(), &[]);
        assert_eq!(code, 1, "{line}: {json}");
        assert!(
            json["files"][0]["records"].as_u64().unwrap_or(0) <= 65_536 + 4,
            "{line}"
        );
    }
}

#[test]
fn generate_lines_share_one_total() {
    // Twenty lines each under the per-line limit of 100: the file's total is 16 times it, so
    // the first sixteen make their records and the last four are refused, each reported.
    let mut text = String::from(SOA);
    for i in 0..20 {
        text.push_str(&format!("$GENERATE 1-100 h{i}-$ A 192.0.2.1\n"));
    }
    let (code, json) = verdict("gen.zone", text.as_bytes(), &["--max-generate", "100"]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(json["files"][0]["records"].as_u64(), Some(1_600 + 3));
    let refused: Vec<&serde_json::Value> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "ZG028")
        .collect();
    assert_eq!(refused.len(), 4, "{json}");
    for (d, line) in refused.iter().zip(22..) {
        assert_eq!(d["line"].as_u64(), Some(line), "{d}");
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("may make 1600 in all, and 0 are left"),
            "{message}"
        );
    }
    // The same lines at the default limit fit easily.
    let (_, json) = verdict("gen.zone", text.as_bytes(), &[]);
    assert_eq!(json["files"][0]["records"].as_u64(), Some(2_000 + 3));
    assert!(!has(&json, "ZG028"));
}

#[test]
fn include_loops_and_includes_outside_the_allowed_directory() {
    let dir = tempfile::tempdir().unwrap();
    let zones = dir.path().join("zones");
    std::fs::create_dir(&zones).unwrap();
    write(
        &zones,
        "a.zone",
        format!("{SOA}$INCLUDE b.zone\nwww IN A 192.0.2.1\n").as_bytes(),
    );
    write(&zones, "b.zone", b"$INCLUDE a.zone\n");
    write(
        &zones,
        "self.zone",
        format!("{SOA}$INCLUDE self.zone\n").as_bytes(),
    );
    write(dir.path(), "secret.txt", b"password 123\n");
    write(
        &zones,
        "escape.zone",
        format!(
            "{SOA}$INCLUDE ../secret.txt\n$INCLUDE {}\n$INCLUDE /etc/passwd\n$INCLUDE /dev/zero\n$INCLUDE /proc/self/mem\n$INCLUDE link.txt\n",
            dir.path().join("secret.txt").display()
        )
        .as_bytes(),
    );
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), zones.join("link.txt")).unwrap();
    let allow = zones.to_str().unwrap();
    for (file, code) in [
        ("zones/a.zone", "ZG026"),
        ("zones/self.zone", "ZG026"),
        ("zones/escape.zone", "ZG024"),
    ] {
        let o = bounded(
            dir.path(),
            &["check", "--format", "json", "--allow-include", allow, file],
        );
        assert_eq!(o.code, 1, "{file}: {}", o.stderr);
        let json: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        assert!(has(&json, code), "{file}: {:?}", common::codes(&json));
        assert!(!o.stdout.contains("password 123"), "{file} leaked a file");
    }
    // Without --allow-include nothing is read at all.
    let o = bounded(
        dir.path(),
        &["check", "--format", "json", "zones/escape.zone"],
    );
    assert_eq!(o.code, 1);
    assert!(!o.stdout.contains("password 123"));
}

#[test]
fn utf16_with_a_bom() {
    let text = format!("{SOA}www IN A 192.0.2.1\nmail IN TXT \"日本語\"\n");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (name, bytes) in [("le.example.jp.zone", le), ("be.example.jp.zone", be)] {
        let (_, json) = verdict(name, &bytes, &[]);
        let file = &json["files"][0];
        assert_eq!(file["records"].as_u64(), Some(5), "{name}: {file:#}");
        assert!(
            file["encoding"].as_str().unwrap().contains("utf-16"),
            "{file:#}"
        );
    }
    // A BOM and then an odd number of bytes, or a lone surrogate.
    let (code, _) = verdict("odd.zone", b"\xFF\xFEw\x00w\x00w", &[]);
    assert_eq!(code, 1);
    let (code, _) = verdict(
        "surrogate.zone",
        b"\xFF\xFEw\x00\x00\xD8 \x00A\x00\n\x00",
        &[],
    );
    assert_eq!(code, 1);
}

#[test]
fn hostile_csv_tables() {
    // One row of a million cells, a quote never closed, 300k rows.
    let wide = format!("name,type,value\nwww,A,{}\n", ",".repeat(1_000_000));
    let (code, _) = verdict("wide.csv", wide.as_bytes(), &[]);
    assert_eq!(code, 1);
    let unclosed = format!("name,type,value\nwww,A,\"{}\n", "x\n".repeat(200_000));
    let (code, _) = verdict("unclosed.csv", unclosed.as_bytes(), &[]);
    assert_eq!(code, 1);
    let mut tall = String::from("name,type,value\n");
    tall.push_str(&"www,A,192.0.2.1\n".repeat(300_000));
    let (code, json) = verdict("tall.example.jp.csv", tall.as_bytes(), &[]);
    assert_eq!(
        code,
        1,
        "past the row limit: {}",
        common::codes(&json).len()
    );
}

fn xls_verdict(name: &str, bytes: &[u8]) -> (i32, serde_json::Value) {
    verdict(name, bytes, &["--max-file-size", "100000000"])
}

fn xls_message(json: &serde_json::Value) -> String {
    json["files"][0]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn xls_workbook_is_read() {
    let book = xls::table(&[
        &["名前", "タイプ", "値"],
        &["www", "A", "192.0.2.1"],
        &["@", "MX", "10 mail.example.jp."],
    ]);
    let (code, json) = xls_verdict("records.example.jp.xls", &book);
    let file = &json["files"][0];
    assert_eq!(file["records"].as_u64(), Some(2), "{code} {file:#}");
}

#[test]
fn xls_cells_at_opposite_corners_are_refused_unread() {
    // A1 and IV65536: calamine would build a 16-million-cell range (512 MiB) per sheet.
    let corners = |name: &str| Sheet {
        name: name.into(),
        cells: vec![(0, 0, Value::Number(1.0)), (65535, 255, Value::Number(2.0))],
        dimensions: None,
    };
    let book = xls::compound_file(
        &xls::workbook_stream(&[corners("A"), corners("B")], &[]),
        |_| {},
    );
    assert!(book.len() < 8192);
    let (code, json) = xls_verdict("corners.xls", &book);
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"));
    assert!(xls_message(&json).contains("MiB of memory"), "{json}");
    // Columns past IV, which BIFF8 can still encode: 4 billion cells.
    let wide = Sheet {
        name: "W".into(),
        cells: vec![
            (0, 0, Value::Number(1.0)),
            (65535, 65535, Value::Number(2.0)),
        ],
        dimensions: None,
    };
    let (code, json) = xls_verdict(
        "wide.xls",
        &xls::compound_file(&xls::workbook_stream(&[wide], &[]), |_| {}),
    );
    assert_eq!(code, 1);
    assert!(xls_message(&json).contains("MiB of memory"), "{json}");
}

#[test]
fn xls_dimensions_asking_for_billions_of_cells_are_refused() {
    let sheet = Sheet {
        name: "D".into(),
        cells: vec![(0, 0, Value::Number(1.0))],
        dimensions: Some((0, u32::MAX, 0, 255)),
    };
    let (code, json) = xls_verdict(
        "dims.xls",
        &xls::compound_file(&xls::workbook_stream(&[sheet], &[]), |_| {}),
    );
    assert_eq!(code, 1);
    assert!(xls_message(&json).contains("MiB of memory"), "{json}");
    // A DIMENSIONS record whose end precedes its start (calamine would overflow).
    let sheet = Sheet {
        name: "D".into(),
        cells: vec![(0, 0, Value::Number(1.0))],
        dimensions: Some((100, 2, 0, 1)),
    };
    let (code, json) = xls_verdict(
        "backwards.xls",
        &xls::compound_file(&xls::workbook_stream(&[sheet], &[]), |_| {}),
    );
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"), "{json}");
}

#[test]
fn xls_shared_string_bomb_is_refused() {
    // One 32,000-character string in 100,000 cells: 3.2 GB if copied into each.
    let long = "x".repeat(32_000);
    let sheet = Sheet {
        name: "S".into(),
        cells: (0..100_000u32)
            .map(|i| ((i / 50) as u16, (i % 50) as u16, Value::Shared(0)))
            .collect(),
        dimensions: None,
    };
    let book = xls::compound_file(&xls::workbook_stream(&[sheet], &[&long]), |_| {});
    assert!(book.len() < 2 << 20, "{}", book.len());
    let (code, json) = xls_verdict("sst.xls", &book);
    assert_eq!(code, 1);
    assert!(xls_message(&json).contains("MiB of memory"), "{json}");
}

#[test]
fn xls_sector_chains_that_loop_or_repeat_are_refused() {
    let sheet = || Sheet {
        name: "L".into(),
        cells: vec![(0, 0, Value::Number(1.0))],
        dimensions: None,
    };
    // The Workbook stream's second sector leads back to its first: calamine would copy the two
    // sectors over and over until it had as many bytes as the directory entry claims: 4 GB.
    let looped = xls::compound_file_claiming(
        &xls::workbook_stream(&[sheet()], &[]),
        Some(u32::MAX),
        |fat| fat[3] = 2,
    );
    let (code, json) = xls_verdict("loop.xls", &looped);
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"), "{json}");
    // The directory's chain points at itself: calamine would read it forever.
    let dir_loop = xls::compound_file(&xls::workbook_stream(&[sheet()], &[]), |fat| fat[1] = 1);
    let (code, json) = xls_verdict("dirloop.xls", &dir_loop);
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"), "{json}");
    // A chain that leaves the allocation table (calamine would index out of bounds).
    let out = xls::compound_file(&xls::workbook_stream(&[sheet()], &[]), |fat| {
        fat[2] = 100_000
    });
    let (code, _) = xls_verdict("outside.xls", &out);
    assert_eq!(code, 1);
}

#[test]
fn xls_many_sheets_over_the_same_records_are_refused() {
    // 20,000 BoundSheet entries for one sheet of 20,000 cells: calamine would parse it 20,000
    // times and keep every copy (12.8 GB).
    let mut sheets: Vec<Sheet> = (0..20_000)
        .map(|i| Sheet {
            name: format!("s{i}"),
            cells: vec![],
            dimensions: None,
        })
        .collect();
    sheets[0].cells = (0..20_000u32)
        .map(|i| ((i / 20) as u16, (i % 20) as u16, Value::Number(1.0)))
        .collect();
    let mut stream = xls::workbook_stream(&sheets, &[]);
    // Point every sheet at the first one's substream.
    let first = u32::from_le_bytes(stream[24..28].try_into().unwrap());
    let mut at = 20;
    while u16::from_le_bytes([stream[at], stream[at + 1]]) == 0x0085 {
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        stream[at + 4..at + 8].copy_from_slice(&first.to_le_bytes());
        at += 4 + len;
    }
    let (code, json) = xls_verdict("sheets.xls", &xls::compound_file(&stream, |_| {}));
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"), "{json}");
}

#[test]
fn damaged_xls_records_are_reported_not_panicked_on() {
    // A BoundSheet8 record of two bytes: calamine indexes past it.
    let mut stream = Vec::new();
    stream.extend_from_slice(&[0x09, 0x08, 16, 0, 0, 6, 5, 0]);
    stream.extend_from_slice(&[0; 12]);
    stream.extend_from_slice(&[0x85, 0x00, 2, 0, 0, 0]);
    stream.extend_from_slice(&[0x0A, 0x00, 0, 0]);
    let (code, json) = xls_verdict("short.xls", &xls::compound_file(&stream, |_| {}));
    assert_eq!(code, 1);
    assert!(has(&json, "ZG067"), "{json}");
}

/// The `.xls` seeds of the fuzz target (`fuzz/seeds/xls/`) are written here, so they stay
/// workbooks this writer makes; rewritten only when they differ, so a clean run changes nothing.
#[test]
fn xls_fuzz_seeds_are_current() {
    let dir = common::root().join("fuzz/seeds/xls");
    std::fs::create_dir_all(&dir).unwrap();
    let corners = Sheet {
        name: "C".into(),
        cells: vec![(0, 0, Value::Number(1.0)), (300, 20, Value::Shared(0))],
        dimensions: Some((0, 301, 0, 21)),
    };
    let seeds: Vec<(&str, Vec<u8>)> = vec![
        (
            "table",
            xls::table(&[
                &["ホスト名", "タイプ", "TTL", "値"],
                &["www", "A", "3600", "192.0.2.1"],
                &["@", "MX", "3600", "10 mail.example.jp."],
            ]),
        ),
        (
            "sparse",
            xls::compound_file(&xls::workbook_stream(&[corners], &["host"]), |_| {}),
        ),
    ];
    for (name, bytes) in seeds {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
            std::fs::write(&path, &bytes).unwrap();
        }
    }
}
