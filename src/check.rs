//! One file through the whole intake check: bytes → text → zone → rules → verdict.
//!
//! This is the library's front door. It does no I/O of its own: the caller hands it the bytes
//! (read within the size limit) and an [`IncludeLoader`] that decides what else may be read.

use crate::diag::{Diagnostic, Emitter, Lang, RuleFilter, Severity, escape};
use crate::rules::{self, syntax as r};
use crate::source::{Encoding, FileId, SourceFile, Sources, Span};
use crate::tr;
use crate::zone::{self, IncludeLoader, ParseOptions, Zone, ZoneIndex};

/// Everything the caller decides about checking.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    pub parse: ParseOptions,
    pub filter: RuleFilter,
    pub lang: Lang,
    /// `None` detects the encoding.
    pub encoding: Option<Encoding>,
    /// Files larger than this are refused unread (ZG002).
    pub max_file_size: u64,
    /// A file is rejected when it has a finding at least this severe.
    pub fail_on: Severity,
    pub policy: crate::policy::Policy,
    /// `--input-format`: a zone file, a record table, or decided from the content.
    pub input_format: crate::table::InputFormat,
    /// `--sheet`: the worksheet of a workbook to read (the first visible one otherwise).
    pub sheet: Option<String>,
    /// Threads for one large file, to read it and to run the zone rules on it: 0 decides from
    /// its size and the machine, 1 does everything on this thread. The report is the same
    /// either way.
    pub threads: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            parse: ParseOptions::default(),
            filter: RuleFilter::default(),
            lang: Lang::En,
            encoding: None,
            max_file_size: 64 << 20,
            fail_on: Severity::Error,
            policy: crate::policy::Policy::default(),
            input_format: crate::table::InputFormat::Auto,
            sheet: None,
            threads: 0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accepted,
    Rejected,
}

/// The outcome for one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: FileId,
    pub path: String,
    pub encoding: String,
    pub zone: Option<Zone>,
    /// Findings in source order, suppressed ones removed.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings counted but not kept (past the storage limit), by severity.
    pub overflow: [u64; 3],
    pub suppressed: u64,
    pub verdict: Verdict,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> u64 {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count() as u64
            + self.overflow[severity as usize]
    }

    pub fn records(&self) -> usize {
        self.zone.as_ref().map_or(0, |z| z.records.len())
    }

    pub fn origin(&self) -> Option<String> {
        self.zone
            .as_ref()
            .filter(|z| !z.apex().is_root() || z.origin_source != zone::OriginSource::None)
            .map(|z| z.origin.to_string())
    }
}

/// One input checked on its own: its report and every source file it read (the file and its
/// includes). Each input gets its own [`Sources`], so inputs can be checked in parallel and what
/// is found in one never depends on which others were checked, or in what order.
#[derive(Debug)]
pub struct Checked {
    pub sources: Sources,
    pub report: FileReport,
}

/// What a file's first bytes say it is, when it is not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"PK\x03\x04",
            "a ZIP archive (an .xlsx workbook, a .docx document or an archive)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document (.xls or .doc)",
        ),
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") || {
        let nul_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let nul_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
        nul_odd * 10 >= head.len() / 2 * 7 || nul_even * 10 >= head.len() / 2 * 7
    };
    (!utf16 && head.contains(&0)).then_some("binary data")
}

fn binary_kind_ja(kind: &str) -> &'static str {
    match kind {
        k if k.starts_with("a ZIP") => {
            "ZIP アーカイブ（.xlsx ブック、.docx 文書、またはアーカイブ）"
        }
        k if k.starts_with("an old Office") => "旧形式の Office 文書（.xls または .doc）",
        "a PDF document" => "PDF 文書",
        "a PNG image" | "a JPEG image" | "a GIF image" => "画像",
        "a gzip archive" | "a RAR archive" | "a 7-Zip archive" => "圧縮アーカイブ",
        "a program" => "プログラム",
        _ => "バイナリデータ",
    }
}

/// Checks one file given as bytes. `truncated` says the bytes stopped at the size limit.
pub fn check_bytes(
    sources: &mut Sources,
    path: &str,
    bytes: &[u8],
    truncated: bool,
    options: &CheckOptions,
    loader: &mut dyn IncludeLoader,
) -> FileReport {
    check_owned(sources, path, bytes.to_vec(), truncated, options, loader)
}

/// Like [`check_bytes`], taking the bytes so that a UTF-8 file becomes its text without a copy.
pub fn check_owned(
    sources: &mut Sources,
    path: &str,
    bytes: Vec<u8>,
    truncated: bool,
    options: &CheckOptions,
    loader: &mut dyn IncludeLoader,
) -> FileReport {
    let mut em = Emitter::new(options.lang, &options.filter);
    let lang = options.lang;
    if truncated {
        let file = sources.add(SourceFile::from_text(path, ""));
        let max = options.max_file_size;
        em.emit(Diagnostic::new(&r::FILE_TOO_LARGE, Span::new(file, 0, 0), tr!(lang,
            "file is larger than {max} bytes; it was not read", "ファイルが {max} バイトを超えているため読み込みませんでした"))
            .help(tr!(lang, "send the zone itself; raise the limit with --max-file-size if a zone really is this large",
                "ゾーンそのものを送ってください。本当にこれほど大きいゾーンなら --max-file-size で上限を上げてください")));
        return finish(file, path, "unknown".into(), None, em, options);
    }
    if let Some(kind) = crate::table::workbook_kind(options.input_format, path, &bytes) {
        return check_workbook(sources, path, &bytes, kind, options, em);
    }
    if let Some(kind) = binary_kind(&bytes) {
        let file = sources.add(SourceFile::from_text(path, ""));
        let kind_ja = binary_kind_ja(kind);
        em.emit(Diagnostic::new(&r::BINARY_INPUT, Span::new(file, 0, 0), tr!(lang,
            "this is {kind}, not a zone file", "これはゾーンファイルではなく{kind_ja}です"))
            .help(tr!(lang, "ask for the zone file, or the record table saved as CSV; a workbook is read with --input-format xlsx",
                "ゾーンファイル、または CSV で保存したレコード表を依頼してください。ブックは --input-format xlsx で読めます")));
        return finish(file, path, "binary".into(), None, em, options);
    }
    let decoded = crate::source::decode_owned(bytes, options.encoding);
    let encoding = decoded.encoding.to_string();
    let delimiter = crate::table::text_delimiter(options.input_format, path, &decoded.text);
    let file = sources.add(SourceFile::new(path, decoded));
    report_malformed(sources, file, &mut em);
    match delimiter {
        Some(delimiter) => {
            let (grid, unclosed) = crate::table::csv::read(&sources.get(file).text, delimiter);
            let read = table_options(options, None, false);
            let zone = crate::table::read(sources, file, &grid, &unclosed, &read, &mut em);
            check_zone(sources, file, path, encoding, zone, options, em)
        }
        None => check_source(sources, file, path, encoding, options, loader, em),
    }
}

fn table_options(
    options: &CheckOptions,
    sheet: Option<String>,
    rendered: bool,
) -> crate::table::ReadOptions {
    crate::table::ReadOptions {
        origin: options.parse.origin.clone(),
        file_name_origin: options.parse.file_name_origin.clone(),
        parse: options.parse.clone(),
        sheet,
        first_row: 1,
        rendered,
        default_ttl: crate::table::DEFAULT_TTL,
    }
}

/// Checks a workbook: one sheet, rendered as text, read as a record table.
fn check_workbook(
    sources: &mut Sources,
    path: &str,
    bytes: &[u8],
    kind: crate::table::workbook::Kind,
    options: &CheckOptions,
    mut em: Emitter<'_>,
) -> FileReport {
    use crate::table::workbook::{self, WorkbookError};
    let lang = options.lang;
    let format = match kind {
        workbook::Kind::Xlsx => "xlsx",
        workbook::Kind::Xls => "xls",
    };
    match workbook::read(bytes, kind, options.sheet.as_deref()) {
        Ok(book) => {
            let file = sources.add(SourceFile::from_text(path, book.text));
            let read = table_options(options, Some(book.sheet), true);
            let zone = crate::table::read(sources, file, &book.grid, &[], &read, &mut em);
            check_zone(sources, file, path, format.into(), zone, options, em)
        }
        Err(e) => {
            let file = sources.add(SourceFile::from_text(path, ""));
            let at = Span::new(file, 0, 0);
            let max = workbook::MAX_EXPANDED >> 20;
            let d = match e {
                WorkbookError::Encrypted => Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                    "the workbook is protected by a password", "ブックがパスワードで保護されています"))
                    .help(tr!(lang, "ask for the workbook without a password, or the record table saved as CSV",
                        "パスワードなしのブック、または CSV で保存したレコード表を依頼してください")),
                WorkbookError::TooLarge { .. } => Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                    "the workbook's parts expand to more than {max} MiB; it was not read",
                    "ブックの中身が展開すると {max} MiB を超えるため読み込みませんでした"))
                    .help(tr!(lang, "a record table is far smaller; ask for the records alone, saved as CSV",
                        "レコード表はこれよりずっと小さいはずです。レコードだけを CSV で保存したものを依頼してください")),
                WorkbookError::NoSuchSheet { requested, sheets } => {
                    let requested = escape(&requested).into_owned();
                    let sheets = sheets.iter().map(|s| format!("`{}`", escape(s))).collect::<Vec<_>>().join(", ");
                    Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                        "the workbook has no sheet `{requested}`", "ブックにシート `{requested}` がありません"))
                        .help(tr!(lang, "the sheets are {sheets}; pass one of them with --sheet",
                            "シートは {sheets} です。いずれかを --sheet に指定してください"))
                }
                WorkbookError::TooCostly { bytes } => {
                    let mib = bytes >> 20;
                    let max = crate::table::xls_budget::MAX_COST >> 20;
                    Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                        "reading this .xls workbook would take about {mib} MiB of memory, more than the {max} MiB allowed; it was not read",
                        "この .xls ブックを読むには約 {mib} MiB のメモリが必要で、上限の {max} MiB を超えるため読み込みませんでした"))
                        .help(tr!(lang, "cells far apart on a sheet, or long text repeated in many cells, make an old-format workbook this costly; ask for the records alone, saved as CSV or .xlsx",
                            "シート上で離れたセルや、多くのセルで繰り返される長い文字列があると旧形式のブックはこれほど大きくなります。レコードだけを CSV または .xlsx で保存したものを依頼してください"))
                }
                WorkbookError::NoSheets => Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                    "the workbook has no sheets", "ブックにシートがありません")),
                WorkbookError::Unreadable(why) => {
                    let why = escape(&why).into_owned();
                    Diagnostic::new(&crate::rules::table::UNREADABLE_WORKBOOK, at, tr!(lang,
                        "the workbook cannot be read: {why}", "ブックを読み込めません: {why}"))
                        .help(tr!(lang, "ask for the workbook saved again from Excel, or the record table saved as CSV",
                            "Excel で保存し直したブック、または CSV で保存したレコード表を依頼してください"))
                }
            };
            em.emit(d);
            finish(file, path, format.into(), None, em, options)
        }
    }
}

/// Checks a file already in `sources` (its text decoded): parse, rules, verdict.
pub fn check_source(
    sources: &mut Sources,
    file: FileId,
    path: &str,
    encoding: String,
    options: &CheckOptions,
    loader: &mut dyn IncludeLoader,
    mut em: Emitter<'_>,
) -> FileReport {
    let parse = ParseOptions {
        threads: options.threads,
        ..options.parse.clone()
    };
    let zone = zone::parse(sources, file, &parse, loader, &mut em);
    // Included files' undecodable bytes are reported like the main file's.
    for id in (file.0 + 1)..sources.len() as u32 {
        report_malformed(sources, FileId(id), &mut em);
    }
    check_zone(sources, file, path, encoding, zone, options, em)
}

/// Runs the zone rules on a parsed zone and decides the verdict.
fn check_zone(
    sources: &Sources,
    file: FileId,
    path: &str,
    encoding: String,
    zone: Zone,
    options: &CheckOptions,
    mut em: Emitter<'_>,
) -> FileReport {
    let threads = rules::rule_threads(&zone, options.threads);
    let index = ZoneIndex::new_on(&zone, threads);
    let cx = rules::Context {
        applied_origin: options.parse.origin.as_ref(),
        table_input: matches!(sources.get(file).layout, crate::source::Layout::Table(_)),
        ..rules::Context::new(&zone, &index, sources, file, options.lang, &options.policy)
    };
    rules::run_zone_rules_on(&cx, &mut em, threads);
    finish(file, path, encoding, Some(zone), em, options)
}

fn report_malformed(sources: &Sources, file: FileId, em: &mut Emitter<'_>) {
    let source = sources.get(file);
    let lang = em.lang;
    let encoding = source.encoding.to_string();
    for run in &source.malformed {
        let hex: String = run.bytes.iter().map(|b| format!("\\x{b:02X}")).collect();
        em.emit(Diagnostic::new(&r::UNDECODABLE_BYTES, Span::new(file, run.text_offset as usize, run.text_offset as usize + 3), tr!(lang,
            "bytes `{hex}` are not valid {encoding}", "バイト `{hex}` は {encoding} として不正です"))
            .help(tr!(lang, "the file was read as {encoding}; save it again in one encoding (UTF-8 is best), or pass --encoding if that guess is wrong",
                "ファイルを {encoding} として読みました。1 つの文字コード（UTF-8 推奨）で保存し直すか、判定が誤っていれば --encoding を指定してください")));
    }
}

/// Applies suppressions, orders the findings and decides the verdict.
fn finish(
    file: FileId,
    path: &str,
    encoding: String,
    zone: Option<Zone>,
    em: Emitter<'_>,
    options: &CheckOptions,
) -> FileReport {
    let (mut diagnostics, overflow) = em.into_parts();
    let before = diagnostics.len();
    if let Some(zone) = &zone
        && !zone.suppressions.is_empty()
    {
        let unused = apply_suppressions(zone, &mut diagnostics);
        // With findings dropped past the storage limit, "unused" cannot be told apart from
        // "suppressed something that was not kept": say nothing then.
        if overflow.iter().all(|&n| n == 0) {
            report_unused_suppressions(zone, &unused, options, &mut diagnostics);
        }
    }
    let suppressed = before.saturating_sub(
        diagnostics
            .iter()
            .filter(|d| d.rule.code != crate::rules::policy::UNUSED_SUPPRESSION.code)
            .count(),
    ) as u64;
    let mut report = FileReport {
        file,
        path: path.to_owned(),
        encoding,
        zone,
        diagnostics,
        overflow,
        suppressed,
        verdict: Verdict::Accepted,
    };
    order_and_decide(&mut report, options);
    report
}

/// Adds findings made after the file was checked (by the live comparison) to its report: the
/// file's suppressions apply to them, the findings are put in order again, and the verdict is
/// decided anew. The findings must already have passed the rule filter (made through an
/// [`Emitter`]). Unused-suppression findings (ZG705) leave live rules out, since they run later.
pub fn add_findings(
    report: &mut FileReport,
    mut findings: Vec<Diagnostic>,
    options: &CheckOptions,
) {
    let before = findings.len();
    if let Some(zone) = &report.zone
        && !zone.suppressions.is_empty()
    {
        apply_suppressions(zone, &mut findings);
    }
    report.suppressed += (before - findings.len()) as u64;
    report.diagnostics.extend(findings);
    order_and_decide(report, options);
}

fn order_and_decide(report: &mut FileReport, options: &CheckOptions) {
    // A total order (the message breaks the last ties), so the output is the same from run to
    // run whatever order the rules happened to emit in.
    report.diagnostics.sort_by(|a, b| {
        (
            a.span.file,
            a.span.start,
            a.span.end,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                b.span.file,
                b.span.start,
                b.span.end,
                b.rule.code,
                &b.message,
            ))
    });
    let failing = report
        .diagnostics
        .iter()
        .any(|d| d.severity <= options.fail_on)
        || Severity::ALL
            .iter()
            .any(|&s| s <= options.fail_on && report.overflow[s as usize] > 0);
    report.verdict = if failing {
        Verdict::Rejected
    } else {
        Verdict::Accepted
    };
}

/// Removes suppressed findings. Returns, for each suppression, which of its codes matched.
///
/// Suppressions are sorted by position and each finding looks up the entries that could cover it
/// by binary search, so a file with many suppressions and many findings stays fast.
fn apply_suppressions(zone: &Zone, diagnostics: &mut Vec<Diagnostic>) -> Vec<Vec<bool>> {
    let sups = &zone.suppressions;
    let mut order: Vec<usize> = (0..sups.len()).collect();
    order.sort_by_key(|&k| (sups[k].span.file, sups[k].span.start, sups[k].span.end));
    let mut used: Vec<Vec<bool>> = sups.iter().map(|s| vec![false; s.codes.len()]).collect();
    diagnostics.retain(|d| {
        let key = (d.span.file, d.span.start);
        let end = order.partition_point(|&k| (sups[k].span.file, sups[k].span.start) <= key);
        let mut suppressed = false;
        // Entries do not overlap, so walking back stops at the first one that ends before.
        for &k in order[..end].iter().rev() {
            let s = &sups[k];
            if s.span.file != d.span.file || s.span.end < d.span.start {
                break;
            }
            for (j, code) in s.codes.iter().enumerate() {
                if crate::diag::matches_code(code, d.rule.code) {
                    used[k][j] = true;
                    suppressed = true;
                }
            }
        }
        !suppressed
    });
    used
}

/// Reports suppression codes that matched nothing (ZG705), for rules that ran.
fn report_unused_suppressions(
    zone: &Zone,
    used: &[Vec<bool>],
    options: &CheckOptions,
    diagnostics: &mut Vec<Diagnostic>,
) {
    use crate::rules::policy::UNUSED_SUPPRESSION as RULE;
    let filter = &options.filter;
    if !filter.enabled(RULE.code) {
        return;
    }
    let lang = options.lang;
    for (s, used) in zone.suppressions.iter().zip(used) {
        for (code, &was_used) in s.codes.iter().zip(used) {
            if was_used {
                continue;
            }
            let shown = crate::diag::escape(code).into_owned();
            let matching: Vec<&rules::Rule> = rules::registry::RULES
                .iter()
                .copied()
                .filter(|r| crate::diag::matches_code(code, r.code))
                .collect();
            let (message, help) = if matching.is_empty() {
                (
                    tr!(
                        lang,
                        "`{shown}` in this suppression names no rule",
                        "この抑止の `{shown}` はどのルールでもありません"
                    ),
                    tr!(
                        lang,
                        "check the code with `zonegate rules`",
                        "`zonegate rules` でコードを確認してください"
                    ),
                )
            } else {
                let ran = matching.iter().any(|r| {
                    filter.enabled(r.code)
                        && r.phase != rules::Phase::Live
                        && !matches!(r.check, rules::Check::Removed)
                });
                if !ran {
                    continue;
                }
                (
                    tr!(
                        lang,
                        "`{shown}` in this suppression matched no finding",
                        "この抑止の `{shown}` に一致する指摘はありませんでした"
                    ),
                    tr!(
                        lang,
                        "remove it, or move it to the record (or the line above the record) it is meant for",
                        "削除するか、対象のレコード（またはその直前の行）に移してください"
                    ),
                )
            };
            let mut d = Diagnostic::new(&RULE, s.comment, message).help(help);
            d.severity = filter.severity_of(&RULE);
            diagnostics.push(d);
        }
    }
}
