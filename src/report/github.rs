//! GitHub Actions workflow commands: one line per finding, which the runner turns into an
//! annotation on the file and line in the pull request.
//!
//! ```text
//! ::error file=zones/a.zone,line=11,col=11,endLine=11,endColumn=14,title=ZG032::unknown record type `AAA`%0Ahelp: did you mean `AAAA`?
//! ```
//!
//! Errors are `::error`, warnings `::warning`, info `::notice`. Values are escaped as the runner
//! expects (`%`, CR and LF everywhere; `:` and `,` in properties too), after control and
//! bidirectional characters have been made visible, so neither a zone nor a file name can end
//! the command early or inject another one (`::add-mask::`, `::stop-commands::`). GitHub shows
//! a limited number of annotations per step; SARIF upload has no such limit.

use super::{RenderOptions, Run, end_offset, shown};
use crate::diag::{Diagnostic, Lang, Severity, escape};
use crate::source::{Layout, Sources};
use std::io::{self, Write};

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let lang = options.lang;
    for e in run.errors {
        command(out, "error", &e.path, None, "zonegate", &e.message)?;
    }
    for s in run.skipped {
        command(
            out,
            "notice",
            &s.path,
            None,
            "zonegate",
            s.reason.message(lang),
        )?;
    }
    for checked in run.files {
        let f = &checked.report;
        let (diagnostics, hidden) = shown(f, options.max_diagnostics);
        for d in diagnostics {
            finding(out, &checked.sources, d, lang)?;
        }
        if hidden > 0 {
            command(
                out,
                "warning",
                &f.path,
                None,
                "zonegate",
                &super::hidden_line(hidden, lang),
            )?;
        }
    }
    Ok(())
}

fn finding(out: &mut dyn Write, sources: &Sources, d: &Diagnostic, lang: Lang) -> io::Result<()> {
    let file = sources.get(d.span.file);
    let place = (!file.text.is_empty()).then(|| {
        let start = file.position(d.span.start);
        let end = file.position(end_offset(file, d.span));
        match file.layout {
            Layout::Text => format!(
                ",line={},col={},endLine={},endColumn={}",
                start.line, start.column, end.line, end.column
            ),
            // Rows of a table, with no character columns.
            Layout::Table { .. } => format!(",line={},endLine={}", start.line, end.line),
        }
    });
    let mut message = escape(&d.message).into_owned();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(match lang {
            Lang::En => "help: ",
            Lang::Ja => "ヘルプ: ",
        });
        message.push_str(&escape(help));
    }
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    command(
        out,
        kind,
        &file.path,
        place.as_deref(),
        d.rule.code,
        &message,
    )
}

fn command(
    out: &mut dyn Write,
    kind: &str,
    path: &str,
    place: Option<&str>,
    title: &str,
    message: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "::{kind} file={}{},title={}::{}",
        property(repository_path(path)),
        place.unwrap_or(""),
        property(title),
        data(message)
    )
}

/// The path as GitHub matches it against the repository: without a leading `./`.
fn repository_path(path: &str) -> &str {
    let mut path = path;
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.trim_start_matches('/');
    }
    path
}

/// A command's message: `%`, CR and LF percent-encoded, as the runner decodes them. Control
/// characters other than CR and LF are shown as `\DDD` first (a no-op for messages, which were
/// escaped when they were made).
pub fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line_or_break in split_keep_breaks(text) {
        match line_or_break {
            "\r" => out.push_str("%0D"),
            "\n" => out.push_str("%0A"),
            part => out.push_str(&escape(part).replace('%', "%25")),
        }
    }
    out
}

/// A command's property value: like [`data`], and `:` and `,`, which would end the value.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// `text` cut into runs without CR or LF, and the CRs and LFs themselves.
fn split_keep_breaks(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = match rest.find(['\r', '\n']) {
            Some(0) => 1,
            Some(i) => i,
            None => rest.len(),
        };
        let (part, tail) = rest.split_at(cut);
        rest = tail;
        Some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(data("a::b, c"), "a::b, c");
        assert_eq!(property("a::b, c"), "a%3A%3Ab%2C c");
        // A control character cannot reach the log, nor start a command of its own.
        assert_eq!(data("x\u{1b}[2J\u{85}y"), "x\\027[2J\\194\\133y");
        assert_eq!(property("%0A"), "%250A");
    }
}
