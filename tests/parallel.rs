//! Large files are read in pieces on several threads, and their zone rules run on several
//! threads; the report must not change with the number of threads: same findings, same order,
//! same counts. With a number of threads given, small files are cut in pieces too, so every
//! fixture goes through the merging of pieces.

use zonegate::check::{CheckOptions, check_bytes};
use zonegate::source::Sources;
use zonegate::zone::NoIncludes;

/// The benchmark zone generator, shared with `cargo run --example zonegate-bench`.
#[path = "../examples/zonegate-bench.rs"]
#[allow(dead_code)]
mod bench;

/// The whole report of checking `bytes` on `threads` threads, as text.
fn report(path: &str, bytes: &[u8], threads: usize) -> String {
    let options = CheckOptions {
        threads,
        ..Default::default()
    };
    let mut sources = Sources::default();
    let r = check_bytes(&mut sources, path, bytes, false, &options, &mut NoIncludes);
    format!(
        "{:?} {:?} {} {:#?}",
        r.verdict, r.overflow, r.suppressed, r.diagnostics
    )
}

#[test]
fn every_fixture_gets_the_same_report_on_one_thread_and_on_several() {
    let mut checked = 0;
    for dir in ["fixtures/rules", "fixtures/zones"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            let one = report(&name, &bytes, 1);
            assert_eq!(report(&name, &bytes, 2), one, "{name}");
            assert_eq!(report(&name, &bytes, 5), one, "{name}");
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} fixtures");
}

#[test]
fn a_large_faulty_zone_gets_the_same_report_with_automatic_threads() {
    let mut clean = Vec::new();
    bench::generate(40_000, false, &mut clean).unwrap();
    let clean = String::from_utf8(clean).unwrap();
    // Faults for many rules all through the file, so that every piece it is read in has some,
    // past the size where threads are used for reading (1 MiB) and for the rules.
    let mut zone = String::new();
    let mut i = 0;
    for (n, line) in clean.lines().enumerate() {
        if n % 150 == 0 && line.starts_with('h') {
            zone.push_str(&format!(
                "bad_{i} A 192.0.2.1\nloop{i} CNAME loop{i}\nmx{i} MX 10 mail.bench.example.bench.example\nspf{i} TXT \"v=spf1 ptr ip4:1.2.3 ~all\" \"include:x\"\nspf{i} TXT \"v=spf1 -all\"\nttl{i} 1hr A 192.0.2.9\n"
            ));
            i += 1;
        }
        zone.push_str(line);
        zone.push('\n');
    }
    assert!(
        i > 150 && zone.len() > 1 << 20,
        "{i} faults, {} bytes",
        zone.len()
    );
    let one = report("big.zone", zone.as_bytes(), 1);
    assert!(one.matches("code: \"ZG").count() > 500, "too few findings");
    assert_eq!(report("big.zone", zone.as_bytes(), 0), one);
    assert_eq!(report("big.zone", zone.as_bytes(), 2), one);
    assert_eq!(report("big.zone", zone.as_bytes(), 3), one);
}

#[test]
fn threads_are_bounded_on_the_command_line() {
    let fixture = "fixtures/zones/windows-dns-export.example.co.jp.zone";
    let run = |args: &[&str]| {
        assert_cmd::Command::cargo_bin("zonegate")
            .unwrap()
            .args(args)
            .arg(fixture)
            .output()
            .unwrap()
    };
    let one = run(&["check", "--threads", "1"]);
    let many = run(&["check", "--threads", "64"]);
    assert_eq!(many.stdout, one.stdout);
    assert_eq!(many.status.code(), one.status.code());
    // The old name still works.
    assert_eq!(run(&["check", "--rule-threads", "3"]).stdout, one.stdout);
    let too_many = run(&["check", "--threads", "65"]);
    assert_eq!(too_many.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&too_many.stderr).contains("65 is not in 0..=64"),
        "{}",
        String::from_utf8_lossy(&too_many.stderr)
    );
}
