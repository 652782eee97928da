//! The bodies of the fuzz targets. They live here, not in `fuzz_targets/`, so that
//! `tests/fuzz_regressions.rs` can include this file (`#[path]`) and replay every committed crash
//! and seed on stable Rust with a plain `cargo test`, through exactly the code the fuzzer ran.
//!
//! Each function takes the fuzzer's bytes, must not panic, and asserts what must hold for *any*
//! input: findings point inside the file, rendered output carries no terminal controls, a zone
//! that parsed cleanly prints and parses back to the same records.

#![forbid(unsafe_code)]

use zonegate::check::{CheckOptions, Checked, FileReport, check_bytes};
use zonegate::diag::Lang;
use zonegate::report::{self, Format, RenderOptions, Run};
use zonegate::source::Sources;
use zonegate::table::InputFormat;
use zonegate::zone::{NoIncludes, OwnedName, Zone};

fn origin() -> OwnedName {
    OwnedName::from_text("example.jp.").expect("a valid name")
}

/// The first byte picks options, the rest is the file: a fuzzer mutates both.
fn split(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (first, rest),
        None => (0, data),
    }
}

/// Checks `bytes` as `path` and holds the result to what must be true of any input.
fn check(path: &str, bytes: &[u8], options: &CheckOptions) -> Checked {
    let mut sources = Sources::default();
    let report = check_bytes(&mut sources, path, bytes, false, options, &mut NoIncludes);
    assert_spans_inside(&sources, &report);
    Checked { sources, report }
}

fn assert_spans_inside(sources: &Sources, report: &FileReport) {
    assert_diagnostics_inside(sources, &report.diagnostics);
}

fn assert_diagnostics_inside(sources: &Sources, diagnostics: &[zonegate::diag::Diagnostic]) {
    for d in diagnostics {
        let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
        for span in spans {
            let text = &sources.get(span.file).text;
            assert!(
                span.start <= span.end && (span.end as usize) <= text.len(),
                "{}: span {span:?} outside a file of {} bytes",
                d.rule.code,
                text.len()
            );
            // `Sources::text` slices the text: a span that cuts a character would panic there.
            let _ = sources.text(span);
        }
    }
}

/// Renders the run in every format and checks that no terminal control escapes into the
/// human formats (zone data must pass through `diag::escape`).
/// SARIF carries the whole rule catalogue with its docs (≈ 400 KB of JSON) whatever the input,
/// so rendering it costs more than everything else together: `sarif` picks the inputs that get it.
fn render_all(checked: &[Checked], lang: Lang, sarif: bool) {
    let run = Run::new(checked, &[]);
    let options = RenderOptions {
        color: false,
        lang,
        max_diagnostics: 50,
    };
    for format in [
        Format::Full,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
    ] {
        if format == Format::Sarif && !sarif {
            continue;
        }
        let mut out = Vec::new();
        report::render(format, &run, &options, &mut out).expect("rendering into memory");
        let text = String::from_utf8(out).expect("reports are UTF-8");
        if matches!(format, Format::Full | Format::Concise)
            && let Some(c) = text
                .chars()
                .find(|&c| c != '\n' && c != '\t' && zonegate::diag::escape::is_unsafe(c))
        {
            panic!("{format:?} output carries U+{:04X}:\n{text}", c as u32);
        }
    }
}

/// The zone-file lexer and parser, and the rules, through the library's front door: with the
/// default options (origin from the file) or with `--origin`, in either language, with the input
/// format detected or forced to a zone file. Rendering every report format costs more than the
/// check itself, so it is done for half the inputs (bit 3), SARIF for a quarter (bits 3 and 4).
pub fn zone(data: &[u8]) {
    let (select, bytes) = split(data);
    let mut options = CheckOptions::default();
    if select & 1 != 0 {
        options.parse.origin = Some(origin());
    }
    if select & 2 != 0 {
        options.lang = Lang::Ja;
    }
    if select & 4 != 0 {
        options.input_format = InputFormat::Zone;
    }
    let checked = check("fuzz.zone", bytes, &options);
    if select & 8 != 0 {
        render_all(&[checked], options.lang, select & 16 != 0);
    }
}

/// The lexer and parser alone (no rules, no reports), on text decoded as UTF-8: far more inputs
/// per second than [`zone`], so it reaches deeper into the grammar. Bit 0 of the first byte:
/// `--origin example.jp.`; bit 1: read it again in pieces on 2 to 5 threads (bits 2–3) and
/// compare.
pub fn parse(data: &[u8]) {
    let (select, bytes) = split(data);
    let options = zonegate::zone::ParseOptions {
        origin: (select & 1 != 0).then(origin),
        ..Default::default()
    };
    let read = |threads: usize| {
        let decoded =
            zonegate::source::decode_owned(bytes.to_vec(), Some(zonegate::source::Encoding::Utf8));
        let mut sources = Sources::default();
        let file = sources.add(zonegate::source::SourceFile::new("fuzz.zone", decoded));
        let filter = zonegate::diag::RuleFilter::default();
        let mut em = zonegate::diag::Emitter::new(Lang::En, &filter).with_store_limit(50);
        let options = zonegate::zone::ParseOptions {
            threads,
            ..options.clone()
        };
        let zone = zonegate::zone::parse(&mut sources, file, &options, &mut NoIncludes, &mut em);
        (sources, zone, em.into_parts())
    };
    let (sources, zone, (diagnostics, overflow)) = read(1);
    // Read in pieces on several threads (bit 1), the file must give the same zone and the same
    // findings, whatever the pieces' guesses were.
    if select & 2 != 0 {
        let (_, other, found) = read(2 + (select as usize >> 2 & 3));
        assert_eq!(other.records, zone.records);
        let names = |z: &zonegate::zone::Zone| {
            z.names
                .iter()
                .map(|(_, n)| n.wire().to_vec())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&other), names(&zone));
        assert_eq!(format!("{:?}", other.failed), format!("{:?}", zone.failed));
        assert_eq!(
            format!("{:?}", other.suppressions),
            format!("{:?}", zone.suppressions)
        );
        assert_eq!(
            format!("{found:?}"),
            format!("{:?}", (&diagnostics, overflow))
        );
    }
    for d in &diagnostics {
        let text = &sources.get(d.span.file).text;
        assert!(d.span.start <= d.span.end && d.span.end as usize <= text.len());
        let _ = sources.text(d.span);
    }
    for r in &zone.records {
        let _ = zone.rdata_text(r);
        let _ = sources.text(r.span);
    }
}

/// The CSV/TSV record-table reader: the grid reader on its own, then the whole check with the
/// input read as a table (and rendered, for half the inputs: bit 3; SARIF also needs bit 4).
pub fn table(data: &[u8]) {
    let (select, bytes) = split(data);
    let delimiter = if select & 1 != 0 { b'\t' } else { b',' };
    let text = String::from_utf8_lossy(bytes);
    let (grid, unclosed) = zonegate::table::csv::read(&text, delimiter);
    for row in &grid.rows {
        assert!(row.start as usize <= text.len());
        for cell in &row.cells {
            let (start, end) = (cell.value_start as usize, cell.value_end as usize);
            assert!(start <= end && end <= text.len(), "cell {start}..{end}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
    for u in &unclosed {
        assert!(u.open <= u.line_end && u.line_end as usize <= text.len());
    }
    let mut options = CheckOptions {
        input_format: if delimiter == b'\t' {
            InputFormat::Tsv
        } else {
            InputFormat::Csv
        },
        ..CheckOptions::default()
    };
    if select & 2 != 0 {
        options.parse.origin = Some(origin());
    }
    if select & 4 != 0 {
        options.lang = Lang::Ja;
    }
    let path = if delimiter == b'\t' {
        "records.tsv"
    } else {
        "records.csv"
    };
    let checked = check(path, bytes, &options);
    if select & 8 != 0 {
        render_all(&[checked], options.lang, select & 16 != 0);
    }
}

/// The intake policy file (YAML): any bytes are refused or loaded, never a panic; what loads
/// writes back out and loads again.
pub fn policy(data: &[u8]) {
    let Ok(policy) = serde_yaml::from_slice::<zonegate::policy::Policy>(data) else {
        return;
    };
    let text = serde_yaml::to_string(&policy).expect("a loaded policy serialises");
    let again: zonegate::policy::Policy =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(serde_yaml::to_string(&again).unwrap(), text);
}

/// A record as a comparable tuple: lowercase owner, type, class, TTL, data.
type Row = (Vec<u8>, u16, u16, u32, Vec<u8>);

fn record_set(zone: &Zone) -> Vec<Row> {
    let mut set: Vec<Row> = zonegate::zone::fmt::canonical_order(zone)
        .into_iter()
        .map(|r| {
            (
                zone.owner(r).to_lowercase().into_wire(),
                r.rtype.0,
                r.class,
                r.ttl,
                zone.rdata(r).to_vec(),
            )
        })
        .collect();
    set.sort();
    set
}

/// The zone and whether the parser found errors; `None` for input that is not text at all.
fn parse_zone(text: &[u8]) -> Option<(Zone, bool)> {
    let options = CheckOptions {
        parse: zonegate::zone::ParseOptions {
            origin: Some(origin()),
            ..Default::default()
        },
        input_format: InputFormat::Zone,
        ..Default::default()
    };
    let mut sources = Sources::default();
    let report = check_bytes(
        &mut sources,
        "roundtrip.zone",
        text,
        false,
        &options,
        &mut NoIncludes,
    );
    let syntax_errors = report.diagnostics.iter().any(|d| {
        d.rule.phase != zonegate::rules::Phase::Zone
            && d.severity == zonegate::diag::Severity::Error
    }) || report.overflow[0] > 0;
    report.zone.map(|zone| (zone, syntax_errors))
}

fn print(zone: &Zone) -> Vec<u8> {
    let mut out = Vec::new();
    zonegate::zone::fmt::write_zone(zone, &mut out).expect("writing into memory");
    out
}

/// parse → fmt → parse gives the same records, and fmt of that gives the same text.
pub fn roundtrip(data: &[u8]) {
    let Some((zone, errors)) = parse_zone(data) else {
        return;
    };
    if errors || zone.records.is_empty() {
        return;
    }
    let printed = print(&zone);
    let (again, errors_again) = parse_zone(&printed).expect("fmt output is text");
    let shown = String::from_utf8_lossy(&printed);
    assert!(!errors_again, "fmt output does not parse:\n{shown}");
    assert_eq!(record_set(&zone), record_set(&again), "\n{shown}");
    assert_eq!(print(&again), printed, "fmt is not stable");
}

/// Old Excel workbooks (`.xls`, BIFF in an OLE compound file): refused or read within the
/// limits, never a panic or an allocation the size of the sheet's bounding box.
pub fn xls(data: &[u8]) {
    use zonegate::table::workbook::{Kind, read};
    let _ = read(data, Kind::Xls, None);
}

/// The zone the `spec` target plans against: the README's cutover example.
const SPEC_ZONE: &str = include_str!("../../fixtures/cutover/example.co.jp.zone");

/// The cutover spec (YAML): every finding points inside the file; a spec that reads cleanly is
/// checked against the example zone and planned, and the plan renders in every format, its JSON
/// reads back, and its hash is what it says. Bit 0 of the first byte: Japanese.
pub fn spec(data: &[u8]) {
    use zonegate::plan::{self, render};
    let (select, bytes) = split(data);
    let lang = if select & 1 != 0 { Lang::Ja } else { Lang::En };
    let decoded = zonegate::source::decode_owned(bytes.to_vec(), None);
    let mut sources = Sources::default();
    let file = sources.add(zonegate::source::SourceFile::new("cutover.yaml", decoded));
    let parsed = plan::spec::parse(&sources, file, lang);
    let Some(spec) = parsed.spec else {
        assert_diagnostics_inside(&sources, &parsed.diagnostics);
        assert!(
            !parsed.diagnostics.is_empty(),
            "a spec that did not read says why"
        );
        return;
    };
    // The same zone for every input: parsed once.
    static ZONE: std::sync::OnceLock<Zone> = std::sync::OnceLock::new();
    let zone = ZONE.get_or_init(|| {
        parse_zone(SPEC_ZONE.as_bytes())
            .expect("the example zone is text")
            .0
    });
    assert_diagnostics_inside(&sources, &parsed.diagnostics);
    let findings = plan::cross_check(&sources, file, zone, &spec, None, lang);
    assert_diagnostics_inside(&sources, &findings);
    let built = plan::build(&plan::Inputs {
        zone,
        spec: &spec,
        observed: None,
        forced_errors: None,
    });
    assert_eq!(built.digest(), built.sha256, "the hash is the plan's");
    let cx = render::Context::default();
    for format in [
        render::PlanFormat::Text,
        render::PlanFormat::Markdown,
        render::PlanFormat::Json,
        render::PlanFormat::Yaml,
    ] {
        let text = render::render(&built, format, lang, &cx);
        if format == render::PlanFormat::Json {
            let _: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        }
    }
}
