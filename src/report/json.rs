//! The run as one JSON document. The schema is documented in README.md and kept stable: fields
//! may be added, never renamed or removed. Lines and columns are 1-based; columns count Unicode
//! scalar values. JSON escaping makes zone data safe here without further work.

use super::{RenderOptions, Run, locate, shown};
use crate::diag::Severity;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    lang: &'static str,
    files: Vec<File<'a>>,
    errors: &'a [super::RunError],
    skipped: &'a [super::Skipped],
    summary: super::Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    origin: Option<String>,
    origin_source: Option<crate::zone::OriginSource>,
    encoding: &'a str,
    verdict: crate::check::Verdict,
    records: usize,
    counts: Counts,
    suppressed: u64,
    omitted: u64,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Counts {
    error: u64,
    warning: u64,
    info: u64,
}

#[derive(Serialize)]
struct Diag<'a> {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    rfc: &'static str,
    path: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    /// For record tables: the cell (`C6`) and the worksheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<String>,
    labels: Vec<Label<'a>>,
}

#[derive(Serialize)]
struct Label<'a> {
    message: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let files = run
        .files
        .iter()
        .map(|checked| {
            let (f, sources) = (&checked.report, &checked.sources);
            let (diagnostics, omitted) = shown(f, options.max_diagnostics);
            File {
                path: &f.path,
                origin: f.origin(),
                origin_source: f.zone.as_ref().map(|z| z.origin_source),
                encoding: &f.encoding,
                verdict: f.verdict,
                records: f.records(),
                counts: Counts {
                    error: f.count(Severity::Error),
                    warning: f.count(Severity::Warning),
                    info: f.count(Severity::Info),
                },
                suppressed: f.suppressed,
                omitted,
                diagnostics: diagnostics
                    .iter()
                    .map(|d| {
                        let at = locate(sources, d);
                        let (cell, sheet) = super::table_cell(sources, d)
                            .map_or((None, None), |(c, s)| (Some(c), s));
                        Diag {
                            cell,
                            sheet,
                            code: d.rule.code,
                            name: d.rule.name,
                            severity: d.severity,
                            message: &d.message,
                            help: d.help.as_deref(),
                            rfc: d.rule.rfc,
                            path: at.path,
                            line: at.start.line,
                            column: at.start.column,
                            end_line: at.end.line,
                            end_column: at.end.column,
                            labels: d
                                .labels
                                .iter()
                                .map(|l| {
                                    let file = sources.get(l.span.file);
                                    let (s, e) =
                                        (file.position(l.span.start), file.position(l.span.end));
                                    Label {
                                        message: &l.message,
                                        line: s.line,
                                        column: s.column,
                                        end_line: e.line,
                                        end_column: e.column,
                                    }
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let doc = Document {
        version: 1,
        tool: Tool {
            name: "zonegate",
            version: env!("CARGO_PKG_VERSION"),
        },
        lang: options.lang.as_str(),
        files,
        errors: run.errors,
        skipped: run.skipped,
        summary: run.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
