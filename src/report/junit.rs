//! JUnit XML, which Jenkins, GitLab, Azure Pipelines, CircleCI and most CI systems show as test
//! results: one test suite for the run, one test case per file. A rejected file is a failed test
//! case with its findings in the failure; a file that could not be read is an error; a file found
//! but deliberately not read is skipped. Findings of an accepted file are in its `system-out`.
//!
//! The XML is well-formed XML 1.0 whatever the input: markup characters are entities, and
//! characters XML 1.0 forbids (most C0 controls) or discourages (C1 controls, noncharacters)
//! are written as `\DDD` escapes like everywhere else in zonegate's output. No timestamps or
//! durations are written, so the same input gives the same bytes.

use super::{RenderOptions, Run, file_line, hidden_line, locate, shown};
use crate::check::Verdict;
use crate::diag::{Lang, escape};
use std::fmt::Write as _;
use std::io::{self, Write};

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let lang = options.lang;
    let s = run.summary();
    let tests = run.files.len() + run.errors.len() + run.skipped.len();
    let counts = format!(
        "tests=\"{tests}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
        s.rejected, s.unreadable, s.skipped
    );
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="zonegate" {counts}>"#)?;
    writeln!(out, r#"  <testsuite name="zonegate check" {counts}>"#)?;
    for e in run.errors {
        writeln!(
            out,
            "    <testcase classname=\"zonegate\" name=\"{}\">\n      <error type=\"unreadable\" message=\"{}\"/>\n    </testcase>",
            attr(&e.path),
            attr(&e.message)
        )?;
    }
    for sk in run.skipped {
        writeln!(
            out,
            "    <testcase classname=\"zonegate\" name=\"{}\">\n      <skipped message=\"{}\"/>\n    </testcase>",
            attr(&sk.path),
            attr(sk.reason.message(lang))
        )?;
    }
    for checked in run.files {
        let f = &checked.report;
        let (diagnostics, hidden) = shown(f, options.max_diagnostics);
        let mut body = String::new();
        for d in diagnostics {
            let at = locate(&checked.sources, d);
            let _ = writeln!(
                body,
                "{}:{}:{}: {}[{}]: {}",
                escape(&at.path),
                at.start.line,
                at.start.column,
                d.severity.label(lang),
                d.rule.code,
                escape(&d.message)
            );
            if let Some(help) = &d.help {
                let label = match lang {
                    Lang::En => "help",
                    Lang::Ja => "ヘルプ",
                };
                let _ = writeln!(body, "  = {label}: {}", escape(help));
            }
        }
        if hidden > 0 {
            let _ = writeln!(body, "{}", hidden_line(hidden, lang));
        }
        let summary = file_line(f, lang);
        write!(
            out,
            "    <testcase classname=\"zonegate\" name=\"{}\"",
            attr(&f.path)
        )?;
        match f.verdict {
            Verdict::Rejected => {
                writeln!(
                    out,
                    ">\n      <failure type=\"rejected\" message=\"{}\">{}{}</failure>\n    </testcase>",
                    attr(&summary),
                    text(&body),
                    text(&summary)
                )?;
            }
            Verdict::Accepted if !body.is_empty() => {
                writeln!(
                    out,
                    ">\n      <system-out>{}{}</system-out>\n    </testcase>",
                    text(&body),
                    text(&summary)
                )?;
            }
            Verdict::Accepted => writeln!(out, "/>")?,
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Characters that may not appear in an XML 1.0 document (§2.2), or that it discourages.
fn unfit(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7F..=0x9F).contains(&n)
        || (0xFDD0..=0xFDEF).contains(&n)
        || (n & 0xFFFE) == 0xFFFE
}

fn xml(s: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            // Attribute values have their white space normalised by parsers unless it is
            // written as references; a CR anywhere would be read back as LF.
            '\n' if in_attribute => out.push_str("&#10;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if unfit(c) => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{b:03}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn attr(s: &str) -> String {
    xml(&escape(s), true)
}

/// Element text; `s` is already escaped for display line by line (it holds real newlines).
fn text(s: &str) -> String {
    xml(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            xml("<a href=\"x\">&</a>", true),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            xml("a\u{0}b\u{1b}c\u{85}d\u{FFFE}", false),
            "a\\000b\\027c\\194\\133d\\239\\191\\190"
        );
        assert_eq!(xml("line\nnext\r", false), "line\nnext&#13;");
        assert_eq!(xml("line\nnext\t", true), "line&#10;next&#9;");
        assert_eq!(xml("]]>", false), "]]&gt;");
    }
}
