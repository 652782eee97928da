//! SARIF 2.1.0 (OASIS), the format GitHub code scanning and most SARIF viewers read.
//!
//! One run, with the whole rule catalogue as `tool.driver.rules` (so a result's `ruleIndex`
//! is its rule's place in the registry) and one result per finding shown. Locations are
//! relative to `%SRCROOT%`, the working directory, which `originalUriBaseIds` records; lines and
//! columns are 1-based and columns count Unicode code points (`columnKind`). Files that could not
//! be read, files deliberately not read and findings past `--max-diagnostics` are tool
//! execution notifications, so a consumer can tell a clean run from an incomplete one.

use super::{RenderOptions, Run, end_offset, shown};
use crate::diag::{Diagnostic, Lang, Severity, escape};
use crate::rules::{Check, Rule, registry::RULES};
use crate::source::{Layout, SourceFile, Sources, Span};
use serde_json::{Map, Value, json};
use std::io::{self, Write};
use std::path::Path;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base that relative locations are relative to, named as GitHub's own tools name it.
pub const SRCROOT: &str = "%SRCROOT%";

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let lang = options.lang;
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for e in run.errors {
        notifications.push(json!({
            "level": "error",
            "message": { "text": escape(&e.message) },
            "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&e.path) } }],
        }));
    }
    for s in run.skipped {
        notifications.push(json!({
            "level": "note",
            "message": { "text": s.reason.message(lang) },
            "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&s.path) } }],
        }));
    }
    let mut artifacts = Vec::new();
    for checked in run.files {
        let f = &checked.report;
        let (diagnostics, hidden) = shown(f, options.max_diagnostics);
        for d in diagnostics {
            results.push(result(&checked.sources, d, lang));
        }
        if hidden > 0 {
            notifications.push(json!({
                "level": "warning",
                "message": { "text": super::hidden_line(hidden, lang) },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact_location(&f.path) } }],
            }));
        }
        let mut artifact = Map::new();
        artifact.insert("location".into(), artifact_location(&f.path));
        artifact.insert("roles".into(), json!(["analysisTarget"]));
        if f.zone.is_some() {
            artifact.insert("encoding".into(), json!(f.encoding));
        }
        artifact.insert(
            "properties".into(),
            json!({
                "verdict": f.verdict,
                "origin": f.origin(),
                "records": f.records(),
                "errors": f.count(Severity::Error),
                "warnings": f.count(Severity::Warning),
                "infos": f.count(Severity::Info),
                "suppressed": f.suppressed,
            }),
        );
        artifacts.push(Value::Object(artifact));
    }

    let mut driver = Map::new();
    driver.insert("name".into(), json!("zonegate"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    if let Some(uri) = information_uri() {
        driver.insert("informationUri".into(), json!(uri));
    }
    driver.insert("language".into(), json!(lang.as_str()));
    driver.insert(
        "rules".into(),
        Value::Array(RULES.iter().map(|r| rule(r, lang)).collect()),
    );

    let mut sarif_run = Map::new();
    sarif_run.insert("tool".into(), json!({ "driver": driver }));
    sarif_run.insert(
        "invocations".into(),
        json!([{
            // Exit code 1 means findings, which is the tool working; 2 means it could not do
            // its job for some file.
            "executionSuccessful": run.exit_code != 2,
            "exitCode": run.exit_code,
            "toolExecutionNotifications": notifications,
        }]),
    );
    if let Some(root) = run.root {
        let mut uri = file_uri(&root.display().to_string());
        if !uri.ends_with('/') {
            uri.push('/');
        }
        sarif_run.insert(
            "originalUriBaseIds".into(),
            json!({ SRCROOT: { "uri": uri } }),
        );
    }
    sarif_run.insert("artifacts".into(), Value::Array(artifacts));
    sarif_run.insert("results".into(), Value::Array(results));
    sarif_run.insert("language".into(), json!(lang.as_str()));
    sarif_run.insert("columnKind".into(), json!("unicodeCodePoints"));
    sarif_run.insert("properties".into(), json!({ "summary": run.summary() }));

    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [sarif_run],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The project's address, from the package metadata (`homepage`, else `repository`).
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
}

pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule(r: &Rule, lang: Lang) -> Value {
    let summary = r.summary.get(lang);
    let full = match lang {
        Lang::En => format!("{summary} (reference: {})", r.rfc),
        Lang::Ja => format!("{summary}（参照: {}）", r.rfc),
    };
    let docs = r.docs.get(lang);
    json!({
        "id": r.code,
        "name": r.name,
        "shortDescription": { "text": summary },
        "fullDescription": { "text": full },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": {
            "level": level(r.severity),
            "enabled": !matches!(r.check, Check::Removed),
        },
        "properties": { "tags": ["dns", r.phase.as_str()], "reference": r.rfc },
    })
}

fn result(sources: &Sources, d: &Diagnostic, lang: Lang) -> Value {
    let mut text = escape(&d.message).into_owned();
    if let Some(help) = &d.help {
        text.push('\n');
        text.push_str(match lang {
            Lang::En => "help: ",
            Lang::Ja => "ヘルプ: ",
        });
        text.push_str(&escape(help));
    }
    let rule_index = RULES.iter().position(|r| r.code == d.rule.code);
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(d.rule.code));
    if let Some(i) = rule_index {
        result.insert("ruleIndex".into(), json!(i));
    }
    result.insert("level".into(), json!(level(d.severity)));
    result.insert("message".into(), json!({ "text": text }));
    result.insert("locations".into(), json!([location(sources, d.span)]));
    if !d.labels.is_empty() {
        let related: Vec<Value> = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = location(sources, l.span);
                loc["id"] = json!(i);
                loc["message"] = json!({ "text": escape(&l.message) });
                loc
            })
            .collect();
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    Value::Object(result)
}

fn location(sources: &Sources, span: Span) -> Value {
    let file = sources.get(span.file);
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), artifact_location(&file.path));
    if let Some(region) = region(file, span) {
        physical.insert("region".into(), region);
    }
    json!({ "physicalLocation": physical })
}

/// Lines and columns of a span; `None` for findings about a file that has no text (too large,
/// binary). A table (CSV, workbook) has rows but no character columns, so it gets lines only.
fn region(file: &SourceFile, span: Span) -> Option<Value> {
    if file.text.is_empty() {
        return None;
    }
    let start = file.position(span.start);
    let end = file.position(end_offset(file, span));
    Some(match file.layout {
        Layout::Text => json!({
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
        }),
        Layout::Table { .. } => json!({ "startLine": start.line, "endLine": end.line }),
    })
}

/// Where a file is: relative paths relative to `%SRCROOT%`, absolute ones as `file:` URIs.
pub fn artifact_location(path: &str) -> Value {
    if path == "-" {
        return json!({ "uri": "stdin", "description": { "text": "standard input" } });
    }
    let normal = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    if Path::new(path).is_absolute() {
        return json!({ "uri": file_uri(&normal) });
    }
    let mut relative = normal.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest.trim_start_matches('/');
    }
    json!({ "uri": percent_encode(relative), "uriBaseId": SRCROOT })
}

fn file_uri(absolute: &str) -> String {
    let path = percent_encode(absolute);
    if path.starts_with('/') {
        format!("file://{path}")
    } else {
        // A Windows drive path (`C:/zones`): `file:///C:/zones`.
        format!("file:///{path}")
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters and `/`, so any file name,
/// Japanese or with spaces, `#`, `?` or `:` in it, makes a valid URI reference.
pub fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            artifact_location("zones/a.zone"),
            json!({ "uri": "zones/a.zone", "uriBaseId": SRCROOT })
        );
        assert_eq!(
            artifact_location("./zones/日本.zone")["uri"],
            "zones/%E6%97%A5%E6%9C%AC.zone"
        );
        assert_eq!(
            artifact_location("a b#c?:d.zone")["uri"],
            "a%20b%23c%3F%3Ad.zone"
        );
        assert_eq!(
            artifact_location("/srv/zones/a.zone"),
            json!({ "uri": "file:///srv/zones/a.zone" })
        );
        assert_eq!(artifact_location("-")["uri"], "stdin");
    }
}
