//! Diagnostics are data: a rule, a severity, a span, and messages already in the run's language.
//!
//! Positions stay as byte spans until something renders them ([`crate::report`]). Findings about
//! the customer's file and errors of the tool itself are kept apart: the first are
//! [`Diagnostic`]s and decide the verdict; the second are `anyhow` errors and decide exit code 2.

pub mod escape;
mod lang;

pub use escape::{escape, escape_bytes};
pub use lang::Lang;

use crate::rules::Rule;
use crate::source::Span;
use std::collections::HashMap;

/// How bad a finding is. The order is from worst to mildest, so `min()` finds the worst.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The zone would break something on cutover day; the application goes back to the customer.
    Error,
    /// Probably wrong, or risky; an operator should look.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (_, Lang::En) => self.as_str(),
            (Severity::Error, Lang::Ja) => "エラー",
            (Severity::Warning, Lang::Ja) => "警告",
            (Severity::Info, Lang::Ja) => "情報",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Ok(Severity::Error),
            "warning" | "warn" => Ok(Severity::Warning),
            "info" | "note" => Ok(Severity::Info),
            other => Err(format!(
                "unknown severity `{}`; use error, warning or info",
                escape(other)
            )),
        }
    }
}

/// A secondary place in the source that explains the finding, e.g. where a quote was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// Messages quote zone data, which every rule escapes as it writes it (`diag::escape`). This is
/// the second line of defence: whatever still carries a character a terminal could act on (say,
/// a suggestion computed from the data) is escaped here, once, for every output format.
/// Line breaks stay: a few findings lay out lists on several lines.
fn sanitize(text: String) -> String {
    if !text
        .chars()
        .any(|c| c != '\t' && c != '\n' && escape::is_unsafe(c))
    {
        return text;
    }
    text.split('\n')
        .map(|line| escape::escape(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One finding.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    /// A finding at `span`, at the rule's default severity. Messages must already be escaped
    /// where they quote zone data (see [`escape`]).
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            span,
            message: sanitize(message.into()),
            help: None,
            labels: Vec::new(),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(sanitize(help.into()));
        self
    }

    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help.map(sanitize);
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: sanitize(message.into()),
        });
        self
    }

    pub fn code(&self) -> &'static str {
        self.rule.code
    }
}

/// Which rules run and how severe their findings are: `--select`, `--ignore`, and the policy's
/// settings. Codes match by prefix, so `ZG5` means every mail rule.
#[derive(Clone, Debug, Default)]
pub struct RuleFilter {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Exact per-code severities (kept for callers that set one code).
    pub severity: HashMap<String, Severity>,
    /// The policy's `rules:` settings: a code or prefix, and a severity or `None` for off.
    /// Among them the most specific wins; `--select`/`--ignore` win over a setting they match
    /// at least as specifically.
    pub policy: Vec<(String, Option<Severity>)>,
}

impl RuleFilter {
    fn best(patterns: &[String], code: &str) -> Option<usize> {
        patterns
            .iter()
            .filter(|p| matches_code(p, code))
            .map(|p| pattern_len(p))
            .max()
    }

    /// The most specific policy setting for `code`, with its specificity.
    fn policy_setting(&self, code: &str) -> Option<(usize, Option<Severity>)> {
        self.policy
            .iter()
            .filter(|(p, _)| matches_code(p, code))
            .map(|(p, s)| (pattern_len(p), *s))
            .max_by_key(|&(len, _)| len)
    }

    /// The most specific pattern wins, so `--select ZG5 --ignore ZG51` runs the mail rules except
    /// SPF, and `--ignore ZG5 --select ZG512` runs one SPF rule alone. A policy `off` holds unless
    /// `--select` names the rule at least as specifically (`--select ZG512` beats `ZG512: off`).
    pub fn enabled(&self, code: &str) -> bool {
        let selected = if self.select.is_empty() {
            Some(0)
        } else {
            Self::best(&self.select, code)
        };
        let Some(s) = selected else { return false };
        if Self::best(&self.ignore, code).is_some_and(|i| i >= s) {
            return false;
        }
        match self.policy_setting(code) {
            Some((p, None)) => s >= p && !self.select.is_empty(),
            _ => true,
        }
    }

    pub fn severity_of(&self, rule: &Rule) -> Severity {
        if let Some((_, Some(severity))) = self.policy_setting(rule.code) {
            return severity;
        }
        self.severity
            .get(rule.code)
            .copied()
            .unwrap_or(rule.severity)
    }
}

/// How specific a pattern is: `ALL` least, then by length.
fn pattern_len(pattern: &str) -> usize {
    if pattern.eq_ignore_ascii_case("ALL") {
        1
    } else {
        pattern.len()
    }
}

/// `ALL` matches everything; otherwise a code or a prefix of one.
pub fn matches_code(pattern: &str, code: &str) -> bool {
    pattern.eq_ignore_ascii_case("ALL")
        || code.len() >= pattern.len() && code[..pattern.len()].eq_ignore_ascii_case(pattern)
}

/// Collects the findings of one file, in the run's language.
///
/// Storage is bounded: past `store_limit` findings only counts are kept, so a hostile file with a
/// million faulty lines costs a counter, not a gigabyte. The verdict still sees every finding.
#[derive(Debug)]
pub struct Emitter<'f> {
    pub lang: Lang,
    filter: &'f RuleFilter,
    diagnostics: Vec<Diagnostic>,
    /// Findings counted but not stored, by severity.
    overflow: [u64; 3],
    store_limit: usize,
}

impl<'f> Emitter<'f> {
    pub const DEFAULT_STORE_LIMIT: usize = 100_000;

    pub fn new(lang: Lang, filter: &'f RuleFilter) -> Self {
        Emitter {
            lang,
            filter,
            diagnostics: Vec::new(),
            overflow: [0; 3],
            store_limit: Self::DEFAULT_STORE_LIMIT,
        }
    }

    pub fn with_store_limit(mut self, limit: usize) -> Self {
        self.store_limit = limit;
        self
    }

    pub fn filter(&self) -> &RuleFilter {
        self.filter
    }

    pub fn is_enabled(&self, rule: &Rule) -> bool {
        self.filter.enabled(rule.code)
    }

    pub fn emit(&mut self, mut diagnostic: Diagnostic) {
        if !self.filter.enabled(diagnostic.rule.code) {
            return;
        }
        diagnostic.severity = self.filter.severity_of(diagnostic.rule);
        if self.diagnostics.len() < self.store_limit {
            self.diagnostics.push(diagnostic);
        } else {
            self.overflow[diagnostic.severity.index()] += 1;
        }
    }

    /// Moves findings gathered elsewhere (say, by a worker thread) into this one.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        for d in diagnostics {
            self.emit(d);
        }
    }

    /// How many more findings this emitter stores before it only counts them.
    pub fn room(&self) -> usize {
        self.store_limit.saturating_sub(self.diagnostics.len())
    }

    /// An empty emitter with the same language and filter that stores at most `limit` findings:
    /// one rule's findings, made on a worker thread and merged later with [`Emitter::absorb`].
    pub fn sibling(&self, limit: usize) -> Emitter<'f> {
        Emitter::new(self.lang, self.filter).with_store_limit(limit)
    }

    /// Takes in another emitter's findings and counts, as if they had been emitted here, in its
    /// order: which findings are stored and which only counted comes out as it would have.
    pub fn absorb(&mut self, other: Emitter<'_>) {
        self.extend(other.diagnostics);
        for (mine, theirs) in self.overflow.iter_mut().zip(other.overflow) {
            *mine += theirs;
        }
    }

    /// Keeps the first `limit` stored findings and counts the rest as not stored.
    pub fn truncate_to(&mut self, limit: usize) {
        if self.diagnostics.len() > limit {
            for d in self.diagnostics.drain(limit..) {
                self.overflow[d.severity.index()] += 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    pub fn has_errors(&self) -> bool {
        self.overflow[0] > 0
            || self
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
    }

    pub fn into_parts(self) -> (Vec<Diagnostic>, [u64; 3]) {
        (self.diagnostics, self.overflow)
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

/// Picks the message for the run's language. Both texts are format strings with the same
/// arguments, so a missing translation is a compile error, not a blank message.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $ja:literal $(,)?) => {
        match $lang {
            $crate::diag::Lang::En => format!($en),
            $crate::diag::Lang::Ja => format!($ja),
        }
    };
    ($lang:expr, $en:literal, $ja:literal, $($args:tt)*) => {
        match $lang {
            $crate::diag::Lang::En => format!($en, $($args)*),
            $crate::diag::Lang::Ja => format!($ja, $($args)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_specific_pattern_wins() {
        let f = RuleFilter {
            select: vec!["ZG5".into()],
            ignore: vec!["ZG51".into()],
            ..Default::default()
        };
        assert!(f.enabled("ZG501"));
        assert!(!f.enabled("ZG512"));
        assert!(!f.enabled("ZG301"));
        let f = RuleFilter {
            ignore: vec!["ZG5".into()],
            select: vec!["ZG512".into()],
            ..Default::default()
        };
        assert!(f.enabled("ZG512"));
        assert!(!f.enabled("ZG501"));
        let f = RuleFilter {
            ignore: vec!["all".into()],
            ..Default::default()
        };
        assert!(!f.enabled("ZG001"));
        let f = RuleFilter {
            ignore: vec!["all".into()],
            select: vec!["ZG0".into()],
            ..Default::default()
        };
        assert!(f.enabled("ZG001"));
    }

    #[test]
    fn policy_settings_yield_to_explicit_flags() {
        let policy = vec![
            ("ZG5".to_owned(), None),
            ("ZG512".to_owned(), Some(Severity::Warning)),
            ("ZG7".to_owned(), Some(Severity::Info)),
        ];
        let f = RuleFilter {
            policy: policy.clone(),
            ..Default::default()
        };
        assert!(!f.enabled("ZG501"), "off by prefix");
        assert!(
            f.enabled("ZG512"),
            "a more specific setting turns it back on"
        );
        assert!(f.enabled("ZG301"));
        let rule = crate::rules::find("ZG701").unwrap();
        assert_eq!(f.severity_of(rule), Severity::Info);
        // `--select ZG501` is as specific as it gets: it wins over `ZG5: off`.
        let f = RuleFilter {
            select: vec!["ZG501".into()],
            policy: policy.clone(),
            ..Default::default()
        };
        assert!(f.enabled("ZG501"));
        // `--select ZG` is less specific than `ZG5: off`.
        let f = RuleFilter {
            select: vec!["ZG".into()],
            policy,
            ..Default::default()
        };
        assert!(!f.enabled("ZG501"));
        assert!(f.enabled("ZG001"));
    }

    #[test]
    fn tr_picks_language_with_captured_arguments() {
        let ty = "AAA";
        assert_eq!(
            tr!(Lang::En, "unknown type `{ty}`", "不明なタイプ `{ty}`"),
            "unknown type `AAA`"
        );
        assert_eq!(
            tr!(Lang::Ja, "unknown type `{}`", "不明なタイプ `{}`", ty),
            "不明なタイプ `AAA`"
        );
    }
}

#[cfg(test)]
mod sanitize_tests {
    use super::*;

    #[test]
    fn controls_that_reach_a_message_are_escaped_and_line_breaks_kept() {
        let rule = crate::rules::registry::RULES[0];
        let span = Span::new(crate::source::FileId(0), 0, 0);
        let d = Diagnostic::new(rule, span, "red \u{1b}[31m text")
            .help("one\ntwo \u{202e}")
            .label(span, "bell \u{7}");
        assert_eq!(d.message, "red \\027[31m text");
        assert_eq!(d.help.as_deref(), Some("one\ntwo \\226\\128\\174"));
        assert_eq!(d.labels[0].message, "bell \\007");
        let plain = Diagnostic::new(rule, span, "日本語\tok");
        assert_eq!(plain.message, "日本語\tok");
    }
}
