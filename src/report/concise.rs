//! One finding per line: `file:line:col: severity[CODE]: message`, the shape editors and
//! `grep` understand.

use super::{
    RenderOptions, Run, file_line, hidden_line, locate, shown, skipped_line, summary_line,
};
use crate::diag::escape;
use std::io::{self, Write};

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    for e in run.errors {
        writeln!(
            out,
            "{}: {}: {}",
            escape(&e.path),
            crate::diag::Severity::Error.label(options.lang),
            escape(&e.message)
        )?;
    }
    for s in run.skipped {
        writeln!(out, "{}", skipped_line(s, options.lang))?;
    }
    for checked in run.files {
        let f = &checked.report;
        let (diagnostics, hidden) = shown(f, options.max_diagnostics);
        for d in diagnostics {
            let at = locate(&checked.sources, d);
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                escape(&at.path),
                at.start.line,
                at.start.column,
                d.severity.label(options.lang),
                d.rule.code,
                d.message
            )?;
        }
        if hidden > 0 {
            writeln!(out, "{}", hidden_line(hidden, options.lang))?;
        }
        writeln!(out, "{}", file_line(f, options.lang))?;
    }
    writeln!(out, "{}", summary_line(&run.summary(), options.lang))
}
