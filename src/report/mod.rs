//! Output formats. Each one is a sink for the same stream of findings: the people-facing text
//! (`full`, `concise`) and the machine-facing data (`json`, and for CI `sarif`, `github` and
//! `junit`).
//!
//! Zone data never reaches a terminal unescaped: messages were escaped when they were made, and
//! the source lines shown under them are escaped here, with carets moved to match. Paths are
//! escaped too: a file name can hold control characters as easily as a zone can.

mod concise;
mod full;
mod github;
mod json;
mod junit;
mod sarif;

use crate::check::{Checked, FileReport, Verdict};
use crate::diag::{Diagnostic, Lang, Severity};
use crate::source::{Position, Sources};
use crate::tr;
use std::io::{self, Write};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style: the message, the source line, a caret under the fault, and help.
    Full,
    /// One finding per line: `file:line:col: severity[CODE]: message`.
    Concise,
    /// One JSON document for the whole run (schema in README.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...`), shown as annotations.
    Github,
    /// JUnit XML: one test case per file, failed when the file is rejected.
    Junit,
}

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    pub color: bool,
    pub lang: Lang,
    /// Findings shown per file; the rest are counted.
    pub max_diagnostics: usize,
}

/// A file that could not be checked at all (not found, unreadable): an error of the tool's
/// run, not a finding about the file.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RunError {
    pub path: String,
    pub message: String,
}

/// Why a file that a directory walk found was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// A symbolic link that does not lead to a regular file inside the directory walked.
    SymlinkNotFollowed,
    /// A FIFO, socket or device named like a zone file.
    NotRegularFile,
    /// An SQLite database called `*.db` or `db.*`.
    Database,
}

impl SkipReason {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SkipReason::SymlinkNotFollowed, Lang::En) => {
                "not checked: a symbolic link that does not lead to a file inside the directory"
            }
            (SkipReason::SymlinkNotFollowed, Lang::Ja) => {
                "チェックしていません: ディレクトリ内のファイルを指さないシンボリックリンクです"
            }
            (SkipReason::NotRegularFile, Lang::En) => "not checked: not a regular file",
            (SkipReason::NotRegularFile, Lang::Ja) => {
                "チェックしていません: 通常のファイルではありません"
            }
            (SkipReason::Database, Lang::En) => "not checked: an SQLite database, not a zone file",
            (SkipReason::Database, Lang::Ja) => {
                "チェックしていません: ゾーンファイルではなく SQLite データベースです"
            }
        }
    }
}

/// A file found in a directory that was deliberately not read. Not an error: the run's verdict
/// does not change, but the operator is told.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: SkipReason,
}

/// One whole run, as the sinks see it.
pub struct Run<'a> {
    /// Checked files, in a stable order (the order of the arguments; each directory's files
    /// sorted), each with its own sources.
    pub files: &'a [Checked],
    pub errors: &'a [RunError],
    pub skipped: &'a [Skipped],
    /// The exit code the run ends with, for formats that record it (SARIF).
    pub exit_code: u8,
    /// The absolute directory relative paths are relative to (the working directory), for
    /// formats that record it (SARIF's `%SRCROOT%`).
    pub root: Option<&'a Path>,
}

/// Totals for the run.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub accepted: usize,
    pub rejected: usize,
    pub unreadable: usize,
    pub errors: u64,
    pub warnings: u64,
    pub infos: u64,
    pub suppressed: u64,
    pub skipped: usize,
}

impl<'a> Run<'a> {
    /// A run over `files` and `errors` alone: nothing skipped, the exit code the findings give.
    pub fn new(files: &'a [Checked], errors: &'a [RunError]) -> Self {
        let mut run = Run {
            files,
            errors,
            skipped: &[],
            exit_code: 0,
            root: None,
        };
        run.exit_code = run.verdict_exit_code();
        run
    }

    /// 0 when every file was accepted, 1 when any was rejected, 2 when any could not be read.
    pub fn verdict_exit_code(&self) -> u8 {
        if !self.errors.is_empty() {
            2
        } else if self
            .files
            .iter()
            .any(|c| c.report.verdict == Verdict::Rejected)
        {
            1
        } else {
            0
        }
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary {
            files: self.files.len() + self.errors.len(),
            unreadable: self.errors.len(),
            skipped: self.skipped.len(),
            ..Default::default()
        };
        for f in self.files.iter().map(|c| &c.report) {
            match f.verdict {
                Verdict::Accepted => s.accepted += 1,
                Verdict::Rejected => s.rejected += 1,
            }
            s.errors += f.count(Severity::Error);
            s.warnings += f.count(Severity::Warning);
            s.infos += f.count(Severity::Info);
            s.suppressed += f.suppressed;
        }
        s
    }
}

pub fn render(
    format: Format,
    run: &Run<'_>,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Full => full::render(run, options, out),
        Format::Concise => concise::render(run, options, out),
        Format::Json => json::render(run, options, out),
        Format::Sarif => sarif::render(run, options, out),
        Format::Github => github::render(run, options, out),
        Format::Junit => junit::render(run, options, out),
    }
}

/// Where a finding is, as people count: the file it is in, and 1-based positions.
pub struct Location {
    pub path: String,
    pub start: Position,
    pub end: Position,
}

pub fn locate(sources: &Sources, d: &Diagnostic) -> Location {
    let file = sources.get(d.span.file);
    Location {
        path: file.path.clone(),
        start: file.position(d.span.start),
        end: file.position(d.span.end),
    }
}

/// Where a finding is in a record table, as the customer counts: the sheet, the row and the
/// column with its heading (`row 6, column C (TTL)` / `6行目 C列（TTL）`). `None` for text
/// files; "the whole table" for findings about the file as a whole.
pub fn table_place(sources: &Sources, d: &Diagnostic, lang: Lang) -> Option<String> {
    let file = sources.get(d.span.file);
    let crate::source::Layout::Table(table) = &file.layout else {
        return None;
    };
    if file.text.is_empty() {
        return Some(tr!(lang, "the whole file", "ファイル全体"));
    }
    let (row, column) = table.cell_of(d.span.start);
    let number = table.row_number(row);
    let letter = crate::source::column_letter(column);
    let header = table
        .headers
        .get(column)
        .filter(|h| !h.is_empty())
        .map(|h| crate::diag::escape(h).into_owned());
    Some(match header {
        Some(h) => tr!(
            lang,
            "row {number}, column {letter} ({h})",
            "{number}行目 {letter}列（{h}）"
        ),
        None => tr!(
            lang,
            "row {number}, column {letter}",
            "{number}行目 {letter}列"
        ),
    })
}

/// The cell a finding is in, as a spreadsheet names it (`C6`), and its sheet.
pub fn table_cell(sources: &Sources, d: &Diagnostic) -> Option<(String, Option<String>)> {
    let file = sources.get(d.span.file);
    let crate::source::Layout::Table(table) = &file.layout else {
        return None;
    };
    let (row, column) = table.cell_of(d.span.start);
    Some((
        format!(
            "{}{}",
            crate::source::column_letter(column),
            table.row_number(row)
        ),
        table.sheet.clone(),
    ))
}

/// The line before a table's findings, saying what is shown: a workbook is rendered as text.
pub fn table_intro(sources: &Sources, f: &FileReport, lang: Lang) -> Option<String> {
    let file = sources.get(f.file);
    let crate::source::Layout::Table(table) = &file.layout else {
        return None;
    };
    let path = crate::diag::escape(&f.path);
    let sep = crate::table::workbook::SEPARATOR.trim();
    match &table.sheet {
        Some(sheet) if table.rendered => {
            let sheet = crate::diag::escape(sheet);
            Some(tr!(
                lang,
                "{path}: sheet `{sheet}`, shown one row per line with cells separated by `{sep}`; positions are rows and columns",
                "{path}: シート「{sheet}」を 1 行 1 行のテキストで示します（セルの区切りは `{sep}`）。位置は行と列です"
            ))
        }
        _ => Some(tr!(
            lang,
            "{path}: a record table; positions are rows and columns",
            "{path}: レコード表です。位置は行と列です"
        )),
    }
}

/// For a record table, what to correct where, in the customer's terms, so the operator can
/// send the list back with the application.
pub fn corrections(
    sources: &Sources,
    f: &FileReport,
    shown: &[Diagnostic],
    lang: Lang,
) -> Option<String> {
    let file = sources.get(f.file);
    let crate::source::Layout::Table(table) = &file.layout else {
        return None;
    };
    let items: Vec<String> = shown
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .filter_map(|d| {
            let place = table_place(sources, d, lang)?;
            let help = d
                .help
                .as_deref()
                .map(|h| tr!(lang, " ({h})", "（{h}）"))
                .unwrap_or_default();
            Some(format!("  {place}: {}{help}", d.message))
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let path = crate::diag::escape(&f.path);
    let title = match &table.sheet {
        Some(sheet) => {
            let sheet = crate::diag::escape(sheet);
            tr!(
                lang,
                "{path}: to correct (sheet `{sheet}`):",
                "{path}: 修正箇所（シート「{sheet}」）:"
            )
        }
        None => tr!(lang, "{path}: to correct:", "{path}: 修正箇所:"),
    };
    Some(format!("{title}\n{}", items.join("\n")))
}

/// The run's last line: files checked, accepted and rejected, and findings by severity.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    let Summary {
        files,
        accepted,
        rejected,
        unreadable,
        errors,
        warnings,
        infos,
        suppressed,
        skipped,
    } = *s;
    let mut line = match lang {
        Lang::En => format!(
            "checked {files} {}: {accepted} accepted, {rejected} rejected; {errors} {}, {warnings} {}, {infos} info",
            plural(files, "file", "files"),
            plural(errors as usize, "error", "errors"),
            plural(warnings as usize, "warning", "warnings")
        ),
        Lang::Ja => format!(
            "{files} ファイルをチェック: 受理 {accepted}、差し戻し {rejected}。エラー {errors}、警告 {warnings}、情報 {infos}"
        ),
    };
    if unreadable > 0 {
        line += &tr!(
            lang,
            "; {unreadable} could not be read",
            "。読めないファイル {unreadable}"
        );
    }
    if suppressed > 0 {
        line += &tr!(lang, "; {suppressed} suppressed", "。抑止 {suppressed}");
    }
    if skipped > 0 {
        line += &tr!(lang, "; {skipped} skipped", "。スキップ {skipped}");
    }
    line
}

/// The line for a file that was found but not read, in the text formats.
pub fn skipped_line(s: &Skipped, lang: Lang) -> String {
    let note = match lang {
        Lang::En => "note",
        Lang::Ja => "注記",
    };
    format!(
        "{note}: {}: {}",
        crate::diag::escape(&s.path),
        s.reason.message(lang)
    )
}

/// The line after a file's findings: its verdict and what was read.
pub fn file_line(f: &FileReport, lang: Lang) -> String {
    let (errors, warnings) = (f.count(Severity::Error), f.count(Severity::Warning));
    let records = f.records();
    let encoding = &f.encoding;
    let verdict = match (f.verdict, lang) {
        (Verdict::Accepted, Lang::En) => "accepted",
        (Verdict::Rejected, Lang::En) => "rejected",
        (Verdict::Accepted, Lang::Ja) => "受理",
        (Verdict::Rejected, Lang::Ja) => "差し戻し",
    };
    let path = crate::diag::escape(&f.path);
    let origin = f.origin().unwrap_or_else(|| "-".into());
    match lang {
        Lang::En => format!(
            "{path}: {verdict} ({errors} {}, {warnings} {}; {records} records, origin {origin}, {encoding})",
            plural(errors as usize, "error", "errors"),
            plural(warnings as usize, "warning", "warnings")
        ),
        Lang::Ja => format!(
            "{path}: {verdict}（エラー {errors}、警告 {warnings}。{records} レコード、オリジン {origin}、{encoding}）"
        ),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The findings of a file that are shown, and how many are not.
pub fn shown(f: &FileReport, max: usize) -> (&[Diagnostic], u64) {
    let shown = &f.diagnostics[..f.diagnostics.len().min(max)];
    let hidden = (f.diagnostics.len() - shown.len()) as u64 + f.overflow.iter().sum::<u64>();
    (shown, hidden)
}

pub fn hidden_line(hidden: u64, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "... and {hidden} more {} not shown (raise --max-diagnostics to see them)",
            plural(hidden as usize, "finding", "findings")
        ),
        Lang::Ja => format!(
            "... ほかに {hidden} 件の指摘があります（--max-diagnostics を増やすと表示されます）"
        ),
    }
}

/// Where a span ends for formats that give an end line and column: a span that runs up to the
/// end of a line ends there, not at the start of the next line.
pub fn end_offset(file: &crate::source::SourceFile, span: crate::source::Span) -> u32 {
    let text = file.text.as_bytes();
    let mut end = (span.end as usize).min(text.len());
    while end > span.start as usize && matches!(text[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end as u32
}
