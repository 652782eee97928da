//! Record tables end to end: workbooks made here with rust_xlsxwriter, CSV in the encodings
//! customers send, every header variant, the Japanese report, and hostile tables.

mod common;

use XCell::*;
use common::{XCell, codes, run, stdout, xlsx};
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// (code, row, column, cell) of every finding.
fn places(json: &serde_json::Value) -> Vec<(String, u64, u64, String)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["cell"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// An application annex as customers fill it in: a merged title, the domain, an empty row,
/// then the header with the usual Japanese variants, numbers stored as numbers.
fn annex(bad: bool) -> Vec<Vec<XCell>> {
    let dkim = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvhidlnCqfqtNZUdxB7rHXsZiltDlPhfx3mRW4X8hST904Vg5KzRFTJazPP8K0oDFg1EkOeFxrEoWPsKPU/ZKKtbpGBM5j3jRanoMmwlXUpsiEsnin7zUQw90UvFAce2TeC3lezOz6CBFAV/pWFolBcabuHZBHrI9Ct7PYmYm5qdeEmeaz/TmqHuTBV15luYt8OYSXz1Gv77g3e235xNSWSNAbrzXrV3p1lCVnkRN/83zSFsDY/6aScPzrxWJVylCZQ6TL++0YeOAlGGHfUBGMAIDIsJS1khPUSuQnX1sPVXridFu6GqYwPpx7o+JoOreGr5bi6g9XxHUq3eqyUG++wIDAQAB";
    let mut rows = vec![
        vec![
            Text("DNSレコード設定申請書（別紙）"),
            Empty,
            Empty,
            Empty,
            Empty,
        ],
        vec![
            Text("ドメイン名"),
            Text("example.co.jp"),
            Empty,
            Empty,
            Empty,
        ],
        vec![],
        vec![
            Text("ホスト名（サブドメイン）"),
            Text("レコードタイプ"),
            Text("TTL(秒)"),
            Text("MX優先度"),
            Text("設定値"),
            Text("備考"),
        ],
        vec![
            Text("@"),
            Text("A"),
            Number(3600.0),
            Empty,
            Text("192.0.2.10"),
            Text("Web"),
        ],
        vec![
            Text("www.example.co.jp"),
            Text("CNAME"),
            Text("1h"),
            Empty,
            Text("example.co.jp"),
            Empty,
        ],
        vec![
            Empty,
            Text("MX"),
            Number(3600.0),
            Number(0.0),
            Text("example-co-jp.mail.protection.outlook.com"),
            Empty,
        ],
        vec![
            Text("@"),
            Text("TXT"),
            Number(3600.0),
            Empty,
            Text("v=spf1 include:spf.protection.outlook.com -all"),
            Empty,
        ],
        vec![
            Text("selector1._domainkey"),
            Text("TXT"),
            Number(3600.0),
            Empty,
            Text(dkim),
            Empty,
        ],
        vec![
            Text("_sip._tls"),
            Text("SRV"),
            Number(3600.0),
            Number(100.0),
            Text("1 443 sipdir.online.lync.com"),
            Empty,
        ],
        vec![
            Text("mail"),
            Text("Aレコード"),
            Empty,
            Empty,
            Text("192.0.2.25"),
            Empty,
        ],
    ];
    if bad {
        rows.push(vec![
            Text("shop"),
            Text("A"),
            Number(3600.0),
            Empty,
            Text("192.0.2.300"),
            Empty,
        ]);
        rows.push(vec![
            Text("blog"),
            Text("A"),
            Text("1時間"),
            Empty,
            Text("192.0.2.11"),
            Empty,
        ]);
        rows.push(vec![
            Text("ftp"),
            Text("AAA"),
            Number(3600.0),
            Empty,
            Text("2001:db8::21"),
            Empty,
        ]);
    }
    // Last, so that the bad rows keep their row numbers: Outlook's autodiscover for a
    // Microsoft 365 domain (ZG542 asks for it).
    rows.push(vec![
        Text("autodiscover"),
        Text("CNAME"),
        Number(3600.0),
        Empty,
        Text("autodiscover.outlook.com."),
        Empty,
    ]);
    rows
}

#[test]
fn workbook_converts_to_the_zone_the_host_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "annex.xlsx",
        &xlsx("申込書", &annex(false), &[(0, 0, 0, 4)]),
    );
    let out = run(dir.path(), &["fmt", "--input-format", "xlsx", "annex.xlsx"]);
    let zone = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{zone}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "example.co.jp.\t3600\tIN\tA\t192.0.2.10",
        // A host written as a full name is not doubled; a target with dots is complete.
        "www.example.co.jp.\t3600\tIN\tCNAME\texample.co.jp.",
        // The priority in its own column, numbers stored as numbers (3600.0, 10.0).
        "example.co.jp.\t3600\tIN\tMX\t0 example-co-jp.mail.protection.outlook.com.",
        "_sip._tls.example.co.jp.\t3600\tIN\tSRV\t100 1 443 sipdir.online.lync.com.",
        // `Aレコード` is an A record, and an empty TTL is the default.
        "mail.example.co.jp.\t3600\tIN\tA\t192.0.2.25",
    ] {
        assert!(zone.contains(line), "missing `{line}` in\n{zone}");
    }
    // A DKIM key longer than 255 octets is split into strings, as a control panel would.
    let dkim = zone
        .lines()
        .find(|l| l.starts_with("selector1._domainkey"))
        .unwrap();
    assert_eq!(dkim.matches('"').count(), 4, "{dkim}");
    // The same workbook is detected without --input-format, and its warnings are shown.
    let j = json(dir.path(), &["annex.xlsx"]);
    assert_eq!(j["files"][0]["verdict"], "accepted");
    assert_eq!(j["files"][0]["origin_source"], "table");
    assert_eq!(places(&j), []);
}

#[test]
fn bad_rows_are_errors_at_their_row_and_good_rows_are_not() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "annex.xlsx",
        &xlsx("申込書", &annex(true), &[(0, 0, 0, 4)]),
    );
    let j = json(dir.path(), &["annex.xlsx"]);
    assert_eq!(j["files"][0]["verdict"], "rejected");
    assert_eq!(
        places(&j),
        [
            ("ZG043".into(), 12, 5, "E12".into()),
            ("ZG034".into(), 13, 3, "C13".into()),
            ("ZG032".into(), 14, 2, "B14".into()),
        ]
    );
    assert_eq!(
        j["files"][0]["diagnostics"][1]["help"],
        "did you mean `1h`?"
    );
    assert_eq!(j["files"][0]["diagnostics"][0]["sheet"], "申込書");
    // fmt refuses, and says where.
    let out = run(dir.path(), &["fmt", "annex.xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_ttl_typed_as_a_time_is_shown_as_excel_shows_it_with_its_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let rows = vec![
        vec![Text("ホスト名"), Text("タイプ"), Text("TTL"), Text("値")],
        vec![Text("www"), Text("A"), Time(1.0 / 24.0), Text("192.0.2.10")],
        vec![Text("ftp"), Text("A"), Time(1.5 / 24.0), Text("192.0.2.11")],
        vec![Text("mail"), Text("A"), Number(3600.0), Text("192.0.2.25")],
    ];
    write(dir.path(), "times.xlsx", &xlsx("Sheet1", &rows, &[]));
    let j = json(dir.path(), &["--origin", "example.jp", "times.xlsx"]);
    let found = places(&j);
    assert_eq!(
        found,
        [
            ("ZG034".into(), 2, 3, "C2".into()),
            ("ZG034".into(), 3, 3, "C3".into()),
        ],
        "{j:#}"
    );
    let d = &j["files"][0]["diagnostics"];
    assert!(
        d[0]["message"].as_str().unwrap().contains("1:00:00"),
        "{}",
        d[0]["message"]
    );
    assert_eq!(d[0]["help"], "did you mean `1h`?");
    assert_eq!(d[1]["help"], "did you mean `1h30m`?");
}

#[test]
fn japanese_report_of_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "annex.xlsx",
        &xlsx("申込書", &annex(true), &[(0, 0, 0, 4)]),
    );
    let out = run(
        dir.path(),
        &[
            "check",
            "--lang",
            "ja",
            "--format",
            "full",
            "--color",
            "never",
            "annex.xlsx",
        ],
    );
    insta::assert_snapshot!("workbook_ja", stdout(&out));
}

fn sjis(text: &str) -> Vec<u8> {
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}

const CSV: &str = "DNSレコード申請書,,,,\r\nドメイン名：example.co.jp,,,,\r\n,,,,\r\nホスト名,種別,TTL,優先度,内容\r\n@,A,3600,,192.0.2.1\r\nwww,CNAME,3600,,example.co.jp.\r\n@,MX,3600,10,mail.example.co.jp\r\nmail,A,3600,,192.0.2.300\r\nshop,A,1時間,,192.0.2.5\r\nftp,AAA,3600,,2001:db8::1\r\n";

#[test]
fn shift_jis_csv_with_a_title_and_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "申込書.csv", &sjis(CSV));
    let j = json(dir.path(), &["申込書.csv"]);
    assert_eq!(j["files"][0]["encoding"], "shift_jis");
    assert_eq!(j["files"][0]["records"], 3);
    assert_eq!(
        places(&j),
        [
            ("ZG043".into(), 8, 5, "E8".into()),
            ("ZG034".into(), 9, 3, "C9".into()),
            ("ZG032".into(), 10, 2, "B10".into()),
        ]
    );
    let out = run(
        dir.path(),
        &[
            "check",
            "--lang",
            "ja",
            "--format",
            "full",
            "--color",
            "never",
            "申込書.csv",
        ],
    );
    insta::assert_snapshot!("csv_sjis_ja", stdout(&out));
}

#[test]
fn utf8_bom_csv_and_utf16_tab_text_are_tables() {
    let dir = tempfile::tempdir().unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(CSV.as_bytes());
    write(dir.path(), "bom.csv", &bom);
    let j = json(dir.path(), &["bom.csv"]);
    assert_eq!(j["files"][0]["encoding"], "utf-8");
    assert_eq!(codes(&j), ["ZG043", "ZG034", "ZG032"]);
    // Excel's "Unicode text": UTF-16 with a BOM, tab-separated, named .txt.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in CSV.replace(',', "\t").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(dir.path(), "records.txt", &utf16);
    let j = json(dir.path(), &["records.txt"]);
    assert_eq!(j["files"][0]["encoding"], "utf-16le");
    assert_eq!(codes(&j), ["ZG043", "ZG034", "ZG032"]);
    // Standard input is detected by content too.
    let out = common::zonegate()
        .args([
            "check",
            "--format",
            "json",
            "--origin",
            "example.co.jp",
            "-",
        ])
        .write_stdin(CSV.as_bytes())
        .output()
        .unwrap();
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(codes(&j), ["ZG043", "ZG034", "ZG032"]);
}

#[test]
fn every_header_variant_reads_the_same_records() {
    let variants: &[[&str; 5]] = &[
        ["name", "type", "ttl", "priority", "value"],
        ["Host", "Type", "TTL", "Preference", "Data"],
        ["ホスト名", "タイプ", "TTL", "優先度", "値"],
        ["ホスト", "種別", "ＴＴＬ", "ＭＸ優先度", "データ"],
        ["名前", "レコード種別", "TTL(秒)", "Priority", "内容"],
        [
            "ホスト名（サブドメイン）",
            "レコードタイプ",
            "TTL（秒）",
            "優先度",
            "設定値",
        ],
        [
            "HOST NAME",
            "Record Type",
            "TTL [sec]",
            "MX優先度",
            "レコード値",
        ],
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, h) in variants.iter().enumerate() {
        let csv = format!(
            "{}\n@,A,3600,,192.0.2.1\n@,MX,3600,10,mail.example.jp.\nmail,A,,,192.0.2.25\n",
            h.join(",")
        );
        let name = format!("v{i}.csv");
        write(dir.path(), &name, csv.as_bytes());
        let j = json(dir.path(), &["--origin", "example.jp", &name]);
        assert_eq!(j["files"][0]["records"], 3, "{h:?}: {j}");
        assert_eq!(codes(&j), Vec::<String>::new(), "{h:?}");
    }
}

#[test]
fn sheet_option_and_unreadable_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "annex.xlsx",
        &xlsx("申込書", &annex(false), &[]),
    );
    let j = json(dir.path(), &["--sheet", "レコード", "annex.xlsx"]);
    assert_eq!(codes(&j), ["ZG067"]);
    let help = j["files"][0]["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.contains("`申込書`"), "{help}");
    let j = json(dir.path(), &["--sheet", "申込書", "annex.xlsx"]);
    assert_eq!(j["files"][0]["verdict"], "accepted");
    // A damaged workbook: the first kilobytes of a real one.
    let bytes = xlsx("申込書", &annex(false), &[]);
    write(dir.path(), "cut.xlsx", &bytes[..bytes.len() / 2]);
    assert_eq!(codes(&json(dir.path(), &["cut.xlsx"])), ["ZG067"]);
    // A ZIP that is not a workbook is still a binary file, not a table.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut zip, b"<w:document/>").unwrap();
    write(
        dir.path(),
        "letter.docx",
        &zip.finish().unwrap().into_inner(),
    );
    assert_eq!(codes(&json(dir.path(), &["letter.docx"])), ["ZG003"]);
}

#[test]
fn hostile_workbooks_cost_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A cell at the last row and column: a dense reader would allocate 17 billion cells.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "host").unwrap();
    ws.write_string(0, 1, "type").unwrap();
    ws.write_string(0, 2, "value").unwrap();
    ws.write_string(1, 0, "www").unwrap();
    ws.write_string(1, 1, "A").unwrap();
    ws.write_string(1, 2, "192.0.2.1").unwrap();
    ws.write_string(1_048_575, 16_383, "far").unwrap();
    // Thousands of columns in one row.
    for c in 0..5000u16 {
        ws.write_string(2, c, "x").unwrap();
    }
    write(dir.path(), "far.xlsx", &book.save_to_buffer().unwrap());
    let j = json(dir.path(), &["--origin", "example.jp", "far.xlsx"]);
    assert!(codes(&j).contains(&"ZG066".to_owned()), "{j}");

    // A shared-strings bomb: one 32,000-character string used by 20,000 cells is 640 MB of cell text.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let big = "x".repeat(32_000);
    for r in 0..20_000u32 {
        ws.write_string(r, 0, &big).unwrap();
    }
    write(dir.path(), "bomb.xlsx", &book.save_to_buffer().unwrap());
    let j = json(dir.path(), &["--origin", "example.jp", "bomb.xlsx"]);
    let found = codes(&j);
    assert!(found.contains(&"ZG066".to_owned()), "{found:?}");

    // A file over --max-file-size is refused unread, workbook or not.
    let j = json(dir.path(), &["--max-file-size", "1000", "bomb.xlsx"]);
    assert_eq!(codes(&j), ["ZG002"]);
}

#[test]
fn zip_bomb_parts_are_measured_before_reading() {
    // One part of zeros that deflates 1000:1, expanding past the budget.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..300 {
        std::io::Write::write_all(&mut zip, &zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2 << 20);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bomb.xlsx", &bytes);
    let j = json(dir.path(), &["bomb.xlsx"]);
    assert_eq!(codes(&j), ["ZG067"]);
    let message = j["files"][0]["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("256 MiB"), "{message}");
}
