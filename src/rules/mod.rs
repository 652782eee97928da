//! The rule catalogue: every finding zonegate can report has a rule here, with a stable code,
//! a kebab-case name, a default severity, the RFC behind it, and docs in English and Japanese.
//!
//! Rules run in phases, as ruff's do: the `source` and `syntax` rules are emitted by the decoder
//! and the parser as they read; the `zone` rules run afterwards, each with the whole zone and a
//! shared index, on whatever parsed (a bad line does not stop the checks of the good ones).
//! [`registry::RULES`] is the one table of codes; a removed rule stays there as a tombstone so
//! its code is never reused.

pub mod delegation;
pub mod docs;
pub mod live;
pub mod mail;
pub mod names;
pub mod plan;
pub mod policy;
pub mod registry;
pub mod rrset;
pub mod structure;
pub mod suffixes;
pub mod syntax;
pub mod table;
pub mod target;
pub mod types;
pub mod util;

use crate::diag::{Emitter, Lang, Severity};
use crate::source::Sources;
use crate::zone::{Zone, ZoneIndex};

/// When a rule's findings are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// While decoding the file's bytes.
    Source,
    /// While lexing and parsing.
    Syntax,
    /// After parsing, over the whole zone.
    Zone,
    /// Against live DNS (`check --live`).
    Live,
    /// The cutover spec, and the spec against the zone (`zonegate plan`).
    Plan,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Source => "source",
            Phase::Syntax => "syntax",
            Phase::Zone => "zone",
            Phase::Live => "live",
            Phase::Plan => "plan",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    pub en: &'static str,
    pub ja: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }
}

/// How a rule's findings come about.
#[derive(Clone, Copy)]
pub enum Check {
    /// Made by the decoder, the parser or the live checker where they notice the fault.
    Emitted,
    /// A check over the parsed zone.
    Zone(fn(&Context<'_>, &mut Emitter<'_>)),
    /// A retired rule: its code stays reserved and `explain` says what replaced it.
    Removed,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Emitted => "Emitted",
            Check::Zone(_) => "Zone",
            Check::Removed => "Removed",
        })
    }
}

#[derive(Debug)]
pub struct Rule {
    /// Stable code, `ZG` and three digits; never reused.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    pub phase: Phase,
    /// The RFC (and section) the rule enforces, or the practice it follows.
    pub rfc: &'static str,
    /// One line: what the rule finds.
    pub summary: Text,
    /// Markdown with the sections "What it does", "Why is this bad?", "Example" and "How to fix"
    /// (in Japanese: 内容, 問題点, 例, 修正方法).
    pub docs: Text,
    pub check: Check,
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// What a zone rule sees.
pub struct Context<'a> {
    pub zone: &'a Zone,
    pub index: &'a ZoneIndex,
    pub sources: &'a Sources,
    pub lang: Lang,
    pub policy: &'a crate::policy::Policy,
    /// `--origin`: the domain the customer applied for, when the operator gave it.
    pub applied_origin: Option<&'a crate::zone::OwnedName>,
    /// The zone came from a record table (CSV, TSV, a workbook). Tables list the customer's
    /// records only: the host makes the SOA and apex NS itself, so rules about their absence
    /// must stay quiet for tables.
    pub table_input: bool,
    /// The file being checked: where findings about the zone as a whole (no SOA, say) point.
    pub file: crate::source::FileId,
    /// Selections several rules share, made once per check (see [`mail::Selection`]).
    pub mail: mail::Selection,
    /// The CNAME graph two rules walk, built on first use.
    pub cnames: std::sync::OnceLock<rrset::CnameGraph>,
    /// Other results several rules share, each worked out on first use.
    pub memo: Memo,
}

/// Results several rules need, worked out once per check by whichever rule asks first (the
/// rules may run on several threads; the others wait for it). Record indices, not references,
/// so that the context can own them.
#[derive(Debug, Default)]
pub struct Memo {
    /// Every repeated record: (record, the earlier one it repeats, an exact copy), in the
    /// order of [`rrset::duplicates`].
    pub(crate) duplicates: std::sync::OnceLock<Vec<(u32, u32, bool)>>,
    /// The records whose target lost its trailing dot, by record index.
    pub(crate) missing_dots: std::sync::OnceLock<Vec<(u32, target::MissingDot)>>,
    /// The names NS records point at.
    pub(crate) ns_targets: std::sync::OnceLock<NameSet>,
    /// What a query for each NS, CNAME, MX and SRV record's target finds, by type, in the
    /// order of [`crate::zone::ZoneIndex::of_type`]: several rules look each target up.
    pub(crate) target_lookups: [std::sync::OnceLock<Vec<Option<crate::zone::Lookup>>>; 4],
    /// The MX records that name a mail cloud's host (by record index, in file order), and
    /// those that name the root (null MX): six rules look at every MX for one or the other,
    /// and in almost every zone there are few or none.
    pub(crate) special_mxs: std::sync::OnceLock<mail::m365::SpecialMxs>,
    /// What each MX and SRV record's host is (see [`names::hosts`]), packed, in the order of
    /// [`crate::zone::ZoneIndex::of_type`]: four rules ask it of every MX and SRV record.
    pub(crate) hosts: [std::sync::OnceLock<Vec<u32>>; 2],
}

/// A set of the zone's names, one flag per name id: the two rules that ask whether each of a
/// million names is in the set do it without hashing.
#[derive(Debug, Default)]
pub struct NameSet(Vec<bool>);

impl NameSet {
    pub fn new(names: usize) -> Self {
        NameSet(vec![false; names])
    }

    pub fn insert(&mut self, id: crate::zone::NameId) {
        if let Some(flag) = self.0.get_mut(id.0 as usize) {
            *flag = true;
        }
    }

    pub fn contains(&self, id: &crate::zone::NameId) -> bool {
        self.0.get(id.0 as usize).copied().unwrap_or(false)
    }
}

impl<'a> Context<'a> {
    /// The context for checking `zone` (file `file` of `sources`), its shared results not yet
    /// worked out, for a zone file checked without `--origin`: set `applied_origin` and
    /// `table_input` where they differ.
    pub fn new(
        zone: &'a Zone,
        index: &'a ZoneIndex,
        sources: &'a Sources,
        file: crate::source::FileId,
        lang: Lang,
        policy: &'a crate::policy::Policy,
    ) -> Self {
        Context {
            zone,
            index,
            sources,
            lang,
            policy,
            applied_origin: None,
            table_input: false,
            file,
            mail: Default::default(),
            cnames: Default::default(),
            memo: Default::default(),
        }
    }

    /// The zone's name tree: cuts, DNAMEs, existence and wildcard matches (built on first use).
    pub fn tree(&self) -> &'a crate::zone::ZoneTree {
        self.index.tree(self.zone)
    }

    /// The index of `record` in the zone's records, when it is one of them (not a copy).
    pub fn record_index(&self, record: &crate::zone::Record) -> Option<usize> {
        let size = std::mem::size_of::<crate::zone::Record>();
        let at = std::ptr::from_ref(record)
            .addr()
            .checked_sub(self.zone.records.as_ptr().addr())?;
        let i = at / size;
        (at % size == 0 && i < self.zone.records.len()).then_some(i)
    }

    /// The zone's CNAME graph (built on first use).
    pub fn cname_graph(&self) -> &rrset::CnameGraph {
        self.cnames.get_or_init(|| rrset::CnameGraph::new(self))
    }

    /// What a query for `name` finds in this zone (see [`crate::zone::ZoneTree::lookup`]).
    pub fn lookup(&self, name: crate::zone::NameRef<'_>) -> crate::zone::Lookup {
        self.tree().lookup(self.zone, name)
    }

    /// The records at `owner`, in (type, file order) order.
    pub fn records_at(
        &self,
        owner: crate::zone::NameId,
    ) -> impl Iterator<Item = &'a crate::zone::Record> + 'a {
        let zone = self.zone;
        self.index
            .at(owner)
            .iter()
            .map(move |&i| &zone.records[i as usize])
    }

    /// The records of type `rtype`, in file order (the records a scan of the zone filtered on
    /// the type would give, without the scan).
    pub fn records_of(
        &self,
        rtype: crate::zone::RType,
    ) -> impl Iterator<Item = &'a crate::zone::Record> + 'a {
        let zone = self.zone;
        self.index
            .of_type(zone, rtype)
            .iter()
            .map(move |&i| &zone.records[i as usize])
    }

    /// The records of one RRset, in file order.
    pub fn rrset(
        &self,
        owner: crate::zone::NameId,
        rtype: crate::zone::RType,
    ) -> impl Iterator<Item = &'a crate::zone::Record> + 'a {
        let zone = self.zone;
        self.index
            .rrset(zone, owner, rtype)
            .map(move |i| &zone.records[i as usize])
    }

    /// True when `node` has an A or AAAA record.
    pub fn has_address(&self, node: crate::zone::NameId) -> bool {
        use crate::zone::RType;
        self.index.has(self.zone, node, RType::A) || self.index.has(self.zone, node, RType::AAAA)
    }

    /// The text of the `n`th data field as written, when the record has a source line (not
    /// `$GENERATE`d) with that many fields.
    pub fn rdata_field_text(&self, record: &crate::zone::Record, n: usize) -> Option<&'a str> {
        let span = *self.field_spans(record).get(n)?;
        Some(self.sources.text(span))
    }

    /// The span of the type field (`SOA`, `CNAME`, ...), or the whole record when it cannot be
    /// found again.
    pub fn type_span(&self, record: &crate::zone::Record) -> crate::source::Span {
        self.type_and_field_spans(record)
            .map_or(record.span, |(t, _)| t)
    }

    /// The span of the `n`th field of a record's data (0 is the first field after the type),
    /// found by lexing the record's text again; the whole record when that is not possible
    /// (generated records, or fewer fields than asked for). Rules use it to put the caret on the
    /// exact field at fault, without the parser keeping every token's position for every record.
    pub fn rdata_field_span(&self, record: &crate::zone::Record, n: usize) -> crate::source::Span {
        self.field_spans(record)
            .get(n)
            .copied()
            .unwrap_or(record.span)
    }

    /// The span of the owner field, or the record's span when the owner was inherited.
    pub fn owner_span(&self, record: &crate::zone::Record) -> crate::source::Span {
        use crate::zone::Record;
        if let Some(f) = self.zone.field_spans.get(&record.span) {
            return f.owner;
        }
        if record.has(Record::OWNER_INHERITED) || record.has(Record::GENERATED) {
            return record.span;
        }
        let text = &self.sources.get(record.span.file).text;
        let slice = &text[record.span.range()];
        let mut lexer =
            crate::zone::lexer::Lexer::new(slice, crate::zone::lexer::LexLimits::default());
        let mut entry = crate::zone::lexer::Entry::default();
        if lexer.next_entry(&mut entry)
            && let Some(t) = entry.tokens.first()
        {
            return crate::source::Span {
                file: record.span.file,
                start: record.span.start + t.start,
                end: record.span.start + t.end,
            };
        }
        record.span
    }

    fn field_spans(&self, record: &crate::zone::Record) -> Vec<crate::source::Span> {
        self.record_spans(record)
            .map(|r| r.fields)
            .unwrap_or_default()
    }

    /// The tokens of a record's data: their spans and lexer flags ([`crate::zone::lexer::QUOTED`],
    /// `ESCAPED`, ...), for rules that point inside a field, such as at one SPF term inside a
    /// TXT string. Empty for generated records. Cells of a record table carry no flags: callers
    /// compare the text before trusting an offset inside it.
    pub fn rdata_tokens(&self, record: &crate::zone::Record) -> Vec<(crate::source::Span, u8)> {
        self.record_spans(record)
            .map(|r| {
                let flags = r.flags.into_iter().chain(std::iter::repeat(0));
                r.fields.into_iter().zip(flags).collect()
            })
            .unwrap_or_default()
    }

    /// The span of the TTL field, when the TTL was written on the record.
    pub fn ttl_span(&self, record: &crate::zone::Record) -> Option<crate::source::Span> {
        if !record.has(crate::zone::Record::TTL_EXPLICIT) {
            return None;
        }
        self.record_spans(record)?.ttl
    }

    fn type_and_field_spans(
        &self,
        record: &crate::zone::Record,
    ) -> Option<(crate::source::Span, Vec<crate::source::Span>)> {
        self.record_spans(record).map(|r| (r.rtype, r.fields))
    }

    /// The record's fields, found by lexing its text again: the TTL (if written), the type and
    /// the data fields. `None` for generated records, or when the type cannot be found again.
    fn record_spans(&self, record: &crate::zone::Record) -> Option<RecordSpans> {
        use crate::zone::Record;
        if let Some(f) = self.zone.field_spans.get(&record.span) {
            return Some(RecordSpans {
                ttl: f.ttl,
                rtype: f.rtype,
                fields: f.rdata.clone(),
                flags: Vec::new(),
            });
        }
        if record.has(Record::GENERATED) {
            return None;
        }
        let text = &self.sources.get(record.span.file).text;
        let slice = &text[record.span.range()];
        let mut lexer =
            crate::zone::lexer::Lexer::new(slice, crate::zone::lexer::LexLimits::default());
        let mut entry = crate::zone::lexer::Entry::default();
        if !lexer.next_entry(&mut entry) {
            return None;
        }
        let mut tokens = entry.tokens.iter();
        if !record.has(Record::OWNER_INHERITED) {
            tokens.next();
        }
        let span = |t: &crate::zone::lexer::Token| crate::source::Span {
            file: record.span.file,
            start: record.span.start + t.start,
            end: record.span.start + t.end,
        };
        // Skip the TTL and class, then the type: the first token that names the record's type.
        let type_name = record.rtype.name();
        let mut ttl = None;
        let mut rtype = None;
        for t in tokens.by_ref() {
            let word = crate::zone::customer::fullwidth_to_ascii_str(t.raw(slice));
            if word.eq_ignore_ascii_case(&type_name)
                || crate::zone::RType::from_name(&word) == Some(record.rtype)
            {
                rtype = Some(span(t));
                break;
            }
            if word.starts_with(|c: char| c.is_ascii_digit()) {
                ttl = Some(span(t));
            }
        }
        let rest: Vec<&crate::zone::lexer::Token> = tokens.collect();
        Some(RecordSpans {
            ttl,
            rtype: rtype?,
            fields: rest.iter().map(|t| span(t)).collect(),
            flags: rest.iter().map(|t| t.flags).collect(),
        })
    }
}

/// Where a record's fields are in its source text.
struct RecordSpans {
    ttl: Option<crate::source::Span>,
    rtype: crate::source::Span,
    fields: Vec<crate::source::Span>,
    /// The lexer flags of each data field (empty for table cells).
    flags: Vec<u8>,
}

/// Runs every enabled zone-phase rule, one after the other.
pub fn run_zone_rules(cx: &Context<'_>, em: &mut Emitter<'_>) {
    run_zone_rules_on(cx, em, 1);
}

/// Zones smaller than this are checked on one thread when the thread count is automatic:
/// starting threads costs more than the rules take.
pub const PARALLEL_MIN_RECORDS: usize = 20_000;

/// The number of rule threads `threads` means for `zone`: 0 is automatic (the machine's cores,
/// up to 4, for zones of at least [`PARALLEL_MIN_RECORDS`] records, otherwise 1).
pub fn rule_threads(zone: &crate::zone::Zone, threads: usize) -> usize {
    crate::zone::thread_count(threads, zone.records.len() >= PARALLEL_MIN_RECORDS)
}

/// Runs every enabled zone-phase rule on `threads` threads (1: on this one). The findings are
/// merged in catalogue order, each rule's in the order it made them, so the report is the same
/// byte for byte whatever the number of threads, the storage limit included.
pub fn run_zone_rules_on(cx: &Context<'_>, em: &mut Emitter<'_>, threads: usize) {
    let checks: Vec<(&'static str, ZoneCheck)> = registry::RULES
        .iter()
        .filter_map(|rule| match rule.check {
            Check::Zone(check) if em.is_enabled(rule) => Some((rule.code, check)),
            _ => None,
        })
        .collect();
    if threads <= 1 || checks.len() <= 1 {
        for (_, check) in checks {
            check(cx, em);
        }
        return;
    }
    run_parallel(cx, em, &checks, threads);
}

/// Rules finished out of order wait here until every rule before them has been merged.
struct Merge<'e, 'f> {
    em: &'e mut Emitter<'f>,
    /// The next rule to merge.
    next: usize,
    pending: Vec<Option<Emitter<'f>>>,
}

impl<'f> Merge<'_, 'f> {
    fn finished(&mut self, i: usize, mut found: Emitter<'f>) {
        // What the rules already merged and those finished before this one store comes first:
        // the room left after them bounds what this one can store, so keeping more is waste.
        // This keeps the findings held while waiting within the storage limit.
        let before: usize = self.pending[self.next..i]
            .iter()
            .flatten()
            .map(Emitter::len)
            .sum();
        found.truncate_to(self.em.room().saturating_sub(before));
        self.pending[i] = Some(found);
        while let Some(done) = self.pending.get_mut(self.next).and_then(Option::take) {
            self.em.absorb(done);
            self.next += 1;
        }
    }
}

type ZoneCheck = fn(&Context<'_>, &mut Emitter<'_>);

/// A unit of work for the rule threads.
#[derive(Clone, Copy)]
enum Task {
    /// Works out a fact several rules share, so that they find it ready.
    Fact(fn(&Context<'_>)),
    /// Runs the rule at this place in the catalogue order.
    Rule(usize),
}

/// The order the threads take the work in. The findings are merged in catalogue order
/// whatever this order is; it only decides how long threads wait for each other. A rule that
/// needs a fact another thread is still working out waits for it, and the name tree takes
/// longest: one thread builds it first while the others work out the facts that need no tree
/// and run the rules that need none (mail, CAA and DNSSEC leftovers, intake policy: ZG5xx and
/// up; one that came to need the tree would wait for it, not go wrong); the CNAME graph, which
/// needs the tree, is built next, once, rather than by two of its rules at the same time; then
/// the [`LONGEST`] rules, and the rest.
fn schedule(checks: &[(&'static str, ZoneCheck)]) -> Vec<Task> {
    let needs_no_tree = |code: &str| code >= "ZG5";
    let mut tasks = vec![
        Task::Fact(|cx| {
            cx.tree();
        }),
        Task::Fact(|cx| {
            mail::spf_records(cx).next();
        }),
        Task::Fact(|cx| {
            rrset::duplicates(cx);
        }),
        Task::Fact(target::find_missing_dots),
    ];
    tasks.extend(
        (checks.iter().enumerate())
            .filter(|(_, (code, _))| needs_no_tree(code))
            .map(|(i, _)| Task::Rule(i)),
    );
    tasks.push(Task::Fact(|cx| {
        cx.cname_graph();
    }));
    let tree_rules = || (checks.iter().enumerate()).filter(|(_, (code, _))| !needs_no_tree(code));
    tasks.extend(LONGEST.iter().filter_map(|&longest| {
        let (i, _) = tree_rules().find(|(_, (code, _))| *code == longest)?;
        Some(Task::Rule(i))
    }));
    tasks.extend(
        tree_rules()
            .filter(|(_, (code, _))| !LONGEST.contains(code))
            .map(|(i, _)| Task::Rule(i)),
    );
    tasks
}

/// The rules that need the tree and take longest (10–40 ms each at 1M records on this
/// project's benchmark zone; the first three also work out what later rules share: NS
/// lookups, MX and SRV hosts). They start first: taken in catalogue order, the host-name rule
/// came last and ran alone for 25–35 ms while the other thread had nothing left to do.
const LONGEST: [&str; 4] = ["ZG204", "ZG401", "ZG407", "ZG409"];

fn run_parallel(
    cx: &Context<'_>,
    em: &mut Emitter<'_>,
    checks: &[(&'static str, ZoneCheck)],
    threads: usize,
) {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let room = em.room();
    let template = em.sibling(room);
    let merge = Mutex::new(Merge {
        em,
        next: 0,
        pending: (0..checks.len()).map(|_| None).collect(),
    });
    let tasks = schedule(checks);
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        let work = || {
            while let Some(&task) = tasks.get(next.fetch_add(1, Ordering::Relaxed)) {
                match task {
                    Task::Fact(_) if cx.zone.records.is_empty() => {}
                    Task::Fact(fact) => fact(cx),
                    Task::Rule(i) => {
                        let mut found = template.sibling(room);
                        (checks[i].1)(cx, &mut found);
                        merge
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .finished(i, found);
                    }
                }
            }
        };
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
}

/// Finds a rule by code (any case) or by name.
pub fn find(key: &str) -> Option<&'static Rule> {
    registry::RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

/// Calls `f` with a rule context for a zone parsed from `text` (default options, no policy):
/// what the unit tests of rules and their helpers start from.
#[cfg(test)]
pub(crate) fn with_test_context<R>(text: &str, f: impl FnOnce(&Context<'_>) -> R) -> R {
    use crate::diag::RuleFilter;
    use crate::source::{SourceFile, Sources};
    use crate::zone::{NoIncludes, ParseOptions, parse};
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::from_text("t.zone", text));
    let filter = RuleFilter::default();
    let mut parse_em = Emitter::new(Lang::En, &filter);
    let zone = parse(
        &mut sources,
        file,
        &ParseOptions::default(),
        &mut NoIncludes,
        &mut parse_em,
    );
    let index = ZoneIndex::new(&zone);
    let policy = crate::policy::Policy::default();
    f(&Context::new(
        &zone,
        &index,
        &sources,
        file,
        Lang::En,
        &policy,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Lang, RuleFilter};

    /// A zone where many rules find something, several times each.
    fn faulty_zone() -> String {
        let mut z = String::from(
            "$ORIGIN example.jp.\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 900 1209600 3600\n@ NS ns1\nns1 A 192.0.2.1\n",
        );
        for i in 0..40 {
            z.push_str(&format!(
                "h_{i} A 192.0.2.{i}\nc{i} CNAME c{}\nm{i} MX 10 mail.example.jp.example.jp\nt{i} TXT \"v=spf1 ptr foo:bar ~all\" \"include:x\"\nt{i} TXT \"v=spf1 -all\"\n",
                i + 1
            ));
        }
        z
    }

    /// The findings and counts of running the zone rules with `threads` threads and storage for
    /// `limit` findings.
    fn run(text: &str, threads: usize, limit: usize) -> (String, [u64; 3]) {
        with_test_context(text, |cx| {
            let filter = RuleFilter::default();
            let mut em = Emitter::new(Lang::En, &filter).with_store_limit(limit);
            run_zone_rules_on(cx, &mut em, threads);
            let (diagnostics, overflow) = em.into_parts();
            (format!("{diagnostics:#?}"), overflow)
        })
    }

    #[test]
    fn threads_find_the_same_in_the_same_order() {
        let zone = faulty_zone();
        let one = run(&zone, 1, usize::MAX);
        assert!(one.0.matches("rule:").count() > 100, "{}", one.0);
        for threads in [2, 3, 8] {
            assert_eq!(run(&zone, threads, usize::MAX), one, "{threads} threads");
        }
    }

    #[test]
    fn threads_keep_and_count_the_same_findings_past_the_storage_limit() {
        let zone = faulty_zone();
        for limit in [0, 1, 7, 50, 150] {
            let one = run(&zone, 1, limit);
            assert!(
                one.1.iter().sum::<u64>() > 0,
                "limit {limit}: nothing counted"
            );
            for threads in [2, 4] {
                assert_eq!(
                    run(&zone, threads, limit),
                    one,
                    "limit {limit}, {threads} threads"
                );
            }
        }
    }

    #[test]
    fn the_schedule_runs_every_rule_once_the_longest_first_after_the_cname_graph() {
        let checks: Vec<(&'static str, ZoneCheck)> = registry::RULES
            .iter()
            .filter_map(|rule| match rule.check {
                Check::Zone(check) => Some((rule.code, check)),
                _ => None,
            })
            .collect();
        let tasks = schedule(&checks);
        let rules: Vec<usize> = (tasks.iter())
            .filter_map(|t| match t {
                Task::Rule(i) => Some(*i),
                Task::Fact(_) => None,
            })
            .collect();
        let mut sorted = rules.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..checks.len()).collect::<Vec<_>>());
        // Each of the longest is a zone rule that needs the tree, and they come right after the
        // last fact (the CNAME graph), in the listed order.
        let graph = (tasks.iter())
            .rposition(|t| matches!(t, Task::Fact(_)))
            .unwrap();
        let after: Vec<&str> = tasks[graph + 1..graph + 1 + LONGEST.len()]
            .iter()
            .map(|t| match t {
                Task::Rule(i) => checks[*i].0,
                Task::Fact(_) => "fact",
            })
            .collect();
        assert_eq!(after, LONGEST);
    }
}
