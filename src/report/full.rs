//! rustc-style findings, rendered with annotate-snippets:
//!
//! ```text
//! error[ZG032]: unknown record type `AAA`
//!  --> example.zone:12:9
//!    |
//! 12 | www   IN  AAA  2001:db8::1
//!    |           ^^^
//!    = help: did you mean `AAAA`?
//! ```

use super::{RenderOptions, Run, file_line, hidden_line, shown, skipped_line, summary_line};
use crate::diag::{Diagnostic, Lang, Severity, escape};
use crate::source::{Sources, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::{self, Write};
use std::ops::Range;

/// Source lines shown under a finding at most; longer spans show their first line.
const MAX_SNIPPET_LINES: usize = 6;

pub fn render(run: &Run<'_>, options: &RenderOptions, out: &mut dyn Write) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for e in run.errors {
        let title = match options.lang {
            Lang::En => "error",
            Lang::Ja => "エラー",
        };
        writeln!(
            out,
            "{title}: {}: {}\n",
            escape(&e.path),
            escape(&e.message)
        )?;
    }
    for s in run.skipped {
        writeln!(out, "{}\n", skipped_line(s, options.lang))?;
    }
    for checked in run.files {
        let f = &checked.report;
        let (diagnostics, hidden) = shown(f, options.max_diagnostics);
        if !diagnostics.is_empty()
            && let Some(intro) = super::table_intro(&checked.sources, f, options.lang)
        {
            writeln!(out, "{intro}\n")?;
        }
        for d in diagnostics {
            writeln!(
                out,
                "{}\n",
                render_one(&checked.sources, d, &renderer, options.lang)
            )?;
        }
        if hidden > 0 {
            writeln!(out, "{}", hidden_line(hidden, options.lang))?;
        }
        if let Some(list) = super::corrections(&checked.sources, f, diagnostics, options.lang) {
            writeln!(out, "{list}\n")?;
        }
        writeln!(out, "{}", file_line(f, options.lang))?;
    }
    writeln!(out, "{}", summary_line(&run.summary(), options.lang))
}

fn level(severity: Severity, lang: Lang) -> Level<'static> {
    let level = match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    match lang {
        Lang::En => level,
        Lang::Ja => level.with_name(Some(severity.label(lang))),
    }
}

fn render_one(sources: &Sources, d: &Diagnostic, renderer: &Renderer, lang: Lang) -> String {
    let file = sources.get(d.span.file);
    let path = escape(&file.path).into_owned();
    let help_level = match lang {
        Lang::En => Level::HELP,
        Lang::Ja => Level::HELP.with_name(Some("ヘルプ")),
    };
    let title = level(d.severity, lang)
        .primary_title(d.message.as_str())
        .id(d.rule.code);
    let mut group = Group::with_title(title);
    let mut notes = Vec::new();
    let place = super::table_place(sources, d, lang);
    if file.text.is_empty() {
        // Findings about a whole file (too large, binary) have no line to show.
        group = group.element(annotate_snippets::Origin::path(path.clone()));
    } else {
        let excerpt = Excerpt::new(sources, d.span, d.labels.iter().map(|l| l.span));
        let snippet = Snippet::source(excerpt.text.clone()).line_start(excerpt.first_line + 1);
        let snippet = if place.is_some() {
            snippet
        } else {
            snippet.path(path.clone())
        };
        let mut snippet = snippet
            .fold(false)
            .annotation(AnnotationKind::Primary.span(excerpt.map(d.span)));
        for label in &d.labels {
            if excerpt.covers(label.span) {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(excerpt.map(label.span))
                        .label(label.message.as_str()),
                );
            } else {
                let pos = sources.get(label.span.file).position(label.span.start);
                notes.push(format!(
                    "{} ({}:{}:{})",
                    label.message,
                    escape(&sources.get(label.span.file).path),
                    pos.line,
                    pos.column
                ));
            }
        }
        group = group.element(snippet);
    }
    let note_level = match lang {
        Lang::En => Level::NOTE,
        Lang::Ja => Level::NOTE.with_name(Some("注記")),
    };
    for note in &notes {
        group = group.element(note_level.clone().message(note.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(help_level.message(help.as_str()));
    }
    let rendered = renderer.render(&[group]);
    match place {
        // In a table the place is a row and a column, not a line and a character, so the
        // location line is written here, where the renderer would put `file:line:column`.
        Some(place) if !file.text.is_empty() => {
            let lines = file.lines();
            let last = d
                .labels
                .iter()
                .map(|l| l.span)
                .chain([d.span])
                .filter(|s| s.file == d.span.file)
                .map(|s| lines.line_of(s.end as usize) + 1)
                .max()
                .unwrap_or(1);
            let indent = " ".repeat(last.to_string().len());
            rendered.replacen('\n', &format!("\n{indent}--> {path}: {place}\n"), 1)
        }
        _ => rendered,
    }
}

/// The lines a finding shows, escaped for the terminal, with a map from source offsets to
/// offsets in the escaped text.
struct Excerpt {
    text: String,
    first_line: usize,
    /// Source byte range of the excerpt.
    range: Range<usize>,
    file: crate::source::FileId,
    /// For each source offset in `range` (relative), the offset in `text`.
    offsets: Vec<usize>,
}

impl Excerpt {
    fn new(sources: &Sources, primary: Span, labels: impl Iterator<Item = Span>) -> Self {
        let file = sources.get(primary.file);
        let lines = file.lines();
        let text = &file.text;
        let first = lines.line_of(primary.start as usize);
        let mut last = lines
            .line_of((primary.end as usize).max(primary.start as usize + 1) - 1)
            .max(first);
        for l in labels.filter(|l| l.file == primary.file) {
            let (a, b) = (
                lines.line_of(l.start as usize),
                lines.line_of((l.end as usize).max(l.start as usize + 1) - 1),
            );
            if a >= first && b <= first + MAX_SNIPPET_LINES {
                last = last.max(b);
            }
        }
        let first_line = first;
        if last > first_line + MAX_SNIPPET_LINES {
            last = first_line;
        }
        let start = lines.line_start(first_line);
        let end = lines.line_range(text, last).end;
        let source = &text[start..end];
        let mut escaped = String::with_capacity(source.len() + 16);
        let mut offsets = vec![0usize; source.len() + 1];
        let mut chars = source.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            for o in &mut offsets[i..i + c.len_utf8()] {
                *o = escaped.len();
            }
            match c {
                // Lone CR ends a line in old Mac files; the renderer splits at `\n` only.
                '\r' if chars.peek().map(|&(_, n)| n) != Some('\n') => escaped.push('\n'),
                '\r' | '\n' | '\t' => escaped.push(c),
                c if crate::diag::escape::is_unsafe(c) => {
                    escaped.push_str(&escape(c.encode_utf8(&mut [0; 4])))
                }
                c => escaped.push(c),
            }
        }
        offsets[source.len()] = escaped.len();
        Excerpt {
            text: escaped,
            first_line,
            range: start..end,
            file: primary.file,
            offsets,
        }
    }

    fn covers(&self, span: Span) -> bool {
        span.file == self.file
            && self.range.start <= span.start as usize
            && span.end as usize <= self.range.end
    }

    fn map(&self, span: Span) -> Range<usize> {
        let clamp =
            |o: u32| (o as usize).clamp(self.range.start, self.range.end) - self.range.start;
        let (s, e) = (
            self.offsets[clamp(span.start)],
            self.offsets[clamp(span.end)],
        );
        // An empty span gets a one-character caret, so there is always something to see.
        if e > s {
            s..e
        } else {
            s..(s + 1).min(self.text.len().max(s))
        }
    }
}
