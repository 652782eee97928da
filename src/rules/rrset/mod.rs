//! RRset, TTL, CNAME and DNAME rules (ZG3xx): records that repeat or disagree within a set,
//! TTLs that caches mishandle, and aliases that break resolution.

mod cname_and_other_data;
mod cname_at_apex;
mod cname_chain;
mod cname_loop;
mod cname_to_self;
mod dangling_cname;
mod data_below_dname;
mod dname_and_ns;
mod duplicate_record;
mod duplicate_record_case;
mod multiple_cname;
mod multiple_dname;
mod ttl_above_policy_maximum;
mod ttl_below_policy_minimum;
mod ttl_mismatch;
mod ttl_too_large;
mod zero_ttl;

pub use cname_and_other_data::CNAME_AND_OTHER_DATA;
pub use cname_at_apex::CNAME_AT_APEX;
pub use cname_chain::CNAME_CHAIN;
pub use cname_loop::CNAME_LOOP;
pub use cname_to_self::CNAME_TO_SELF;
pub use dangling_cname::DANGLING_CNAME;
pub use data_below_dname::DATA_BELOW_DNAME;
pub use dname_and_ns::DNAME_AND_NS;
pub use duplicate_record::DUPLICATE_RECORD;
pub use duplicate_record_case::DUPLICATE_RECORD_CASE;
pub use multiple_cname::MULTIPLE_CNAME;
pub use multiple_dname::MULTIPLE_DNAME;
pub use ttl_above_policy_maximum::TTL_ABOVE_POLICY_MAXIMUM;
pub use ttl_below_policy_minimum::TTL_BELOW_POLICY_MINIMUM;
pub use ttl_mismatch::TTL_MISMATCH;
pub use ttl_too_large::TTL_TOO_LARGE;
pub use zero_ttl::ZERO_TTL;

use crate::diag::{Diagnostic, Emitter, Lang};
use crate::rules::util::canonical_rdata;
use crate::rules::{Context, Rule};
use crate::zone::{NameId, Place, RType, Record};
use std::collections::HashMap;

/// A record that repeats an earlier one of its RRset.
pub(crate) struct Duplicate<'a> {
    pub record: &'a Record,
    pub original: &'a Record,
    /// Same octets and same text: a plain copy. Otherwise equal only as DNS compares (names
    /// without case, escapes decoded).
    pub exact: bool,
}

/// Every repeated record, found by sorting each RRset on its canonical data: O(n log n), once
/// per check for the two rules that report them.
pub(crate) fn duplicates<'a>(cx: &Context<'a>) -> Vec<Duplicate<'a>> {
    let records = &cx.zone.records;
    cx.memo
        .duplicates
        .get_or_init(|| find_duplicates(cx))
        .iter()
        .map(|&(r, o, exact)| Duplicate {
            record: &records[r as usize],
            original: &records[o as usize],
            exact,
        })
        .collect()
}

fn find_duplicates<'a>(cx: &Context<'a>) -> Vec<(u32, u32, bool)> {
    let zone = cx.zone;
    let mut out = Vec::new();
    let exact = |record: &Record, original: &Record| {
        zone.rdata(record) == zone.rdata(original)
            && crate::rules::util::data_text(cx, record)
                == crate::rules::util::data_text(cx, original)
    };
    for (_, rtype, set) in cx.index.rrsets_of_several(zone) {
        // Most sets are pairs (two MX, two NS): compared without a sort or an allocation.
        if let &[a, b] = set {
            let (ra, rb) = (&zone.records[a as usize], &zone.records[b as usize]);
            if canonical_rdata(rtype, zone.rdata(ra)) == canonical_rdata(rtype, zone.rdata(rb)) {
                out.push((b, a, exact(rb, ra)));
            }
            continue;
        }
        let mut keyed: Vec<(std::borrow::Cow<'a, [u8]>, u32)> = set
            .iter()
            .map(|&i| {
                (
                    canonical_rdata(rtype, zone.rdata(&zone.records[i as usize])),
                    i,
                )
            })
            .collect();
        // File order within equal data, so the first of a run is the original.
        keyed.sort();
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let original = &zone.records[run[0].1 as usize];
            for &(_, i) in &run[1..] {
                out.push((i, run[0].1, exact(&zone.records[i as usize], original)));
            }
        }
    }
    out
}

/// Reports records whose TTL `bad` refuses: each record that writes its TTL, at the TTL; a TTL
/// taken from `$TTL` or an earlier record once per value, with how many records use it.
pub(crate) fn ttl_findings(
    cx: &Context<'_>,
    em: &mut Emitter<'_>,
    rule: &'static Rule,
    bad: impl Fn(u32) -> bool,
    texts: impl Fn(Lang, u32) -> (String, String),
) {
    let lang = cx.lang;
    let mut inherited: HashMap<u32, (usize, &Record)> = HashMap::new();
    for r in &cx.zone.records {
        if !bad(r.ttl) {
            continue;
        }
        if r.has(Record::TTL_EXPLICIT) {
            let span = cx.ttl_span(r).unwrap_or_else(|| cx.type_span(r));
            let (message, help) = texts(lang, r.ttl);
            em.emit(Diagnostic::new(rule, span, message).help(help));
        } else {
            inherited.entry(r.ttl).or_insert((0, r)).0 += 1;
        }
    }
    let mut inherited: Vec<_> = inherited.into_iter().collect();
    inherited.sort_by_key(|(_, (_, r))| (r.span.file, r.span.start));
    for (ttl, (count, first)) in inherited {
        let (message, help) = texts(lang, ttl);
        let note = crate::tr!(
            lang,
            " (the default TTL, used by {count} records from here on)",
            "（既定の TTL で、ここから {count} 件のレコードが使用）"
        );
        em.emit(Diagnostic::new(rule, cx.type_span(first), message + &note).help(help));
    }
}

/// For a type of which a name may hold one record only (CNAME, DNAME): each record whose value
/// differs from every earlier one at its name, with the name and that name's first record.
/// Exact repeats are left to the duplicate rule (ZG301).
pub(crate) fn extra_values<'a>(
    cx: &Context<'a>,
    rtype: RType,
) -> Vec<(NameId, &'a Record, &'a Record)> {
    let mut out = Vec::new();
    for (owner, t, set) in cx.index.rrsets_of_several(cx.zone) {
        if t != rtype {
            continue;
        }
        let records: Vec<&Record> = set.iter().map(|&i| &cx.zone.records[i as usize]).collect();
        let first = records[0];
        let mut seen = vec![canonical_rdata(rtype, cx.zone.rdata(first))];
        for &r in &records[1..] {
            let data = canonical_rdata(rtype, cx.zone.rdata(r));
            if !seen.contains(&data) {
                seen.push(data);
                out.push((owner, first, r));
            }
        }
    }
    out
}

/// The first CNAME record at an owner, in file order.
pub(crate) fn cname_at<'a>(cx: &Context<'a>, id: NameId) -> Option<&'a Record> {
    cx.rrset(id, RType::CNAME).next()
}

/// The CNAMEs of the zone as a graph: each authoritative alias and the in-zone alias its target
/// leads to, with the loops found in one pass (each node is visited once: O(n)). Indexed by
/// name id, in flat tables: a million-name zone asks them a million times.
pub struct CnameGraph {
    /// By owner id: the index of its first CNAME record in file order, or [`NONE`] (an index,
    /// not a reference, so that the graph can be built once and kept in the rules' [`Context`]).
    cname: Vec<u32>,
    /// By owner id: the node (name or wildcard) with a CNAME that its target leads to, or
    /// [`NONE`].
    next: Vec<u32>,
    /// Each loop, in the order resolution walks it.
    pub loops: Vec<Vec<NameId>>,
}

/// No entry, in [`CnameGraph`]'s tables.
const NONE: u32 = u32::MAX;

impl CnameGraph {
    /// The first CNAME record at `owner`, if it is an authoritative alias.
    pub fn record<'a>(&self, cx: &Context<'a>, owner: NameId) -> Option<&'a Record> {
        match self.cname.get(owner.0 as usize) {
            Some(&i) if i != NONE => Some(&cx.zone.records[i as usize]),
            _ => None,
        }
    }

    /// The in-zone alias `owner`'s target leads to.
    pub fn next(&self, owner: NameId) -> Option<NameId> {
        match self.next.get(owner.0 as usize) {
            Some(&n) if n != NONE => Some(NameId(n)),
            _ => None,
        }
    }

    /// Every alias whose target leads to another, with that one, in name id order.
    pub fn links(&self) -> impl Iterator<Item = (NameId, NameId)> + '_ {
        self.next
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n != NONE)
            .map(|(i, &n)| (NameId(i as u32), NameId(n)))
    }

    pub fn new(cx: &Context<'_>) -> Self {
        let tree = cx.tree();
        let records = &cx.zone.records;
        let names = cx.zone.names.len();
        let mut cname = vec![NONE; names];
        let mut owners = Vec::new();
        for &i in cx.index.of_type(cx.zone, RType::CNAME) {
            let r = &records[i as usize];
            if tree.place(r.owner) == Place::Auth {
                let first = &mut cname[r.owner.0 as usize];
                if *first == NONE {
                    *first = i;
                    owners.push(r.owner);
                    continue;
                }
                let f = &records[*first as usize];
                if (r.span.file, r.span.start) < (f.span.file, f.span.start) {
                    *first = i;
                }
            }
        }
        owners.sort_unstable();
        let mut next = vec![NONE; if owners.is_empty() { 0 } else { names }];
        for &owner in &owners {
            let r = &records[cname[owner.0 as usize] as usize];
            let Some(target) = crate::rules::target::target(cx, r) else {
                continue;
            };
            // A CNAME to itself by name is ZG313's, not a loop.
            if target.eq_ignore_case(cx.zone.names.get(owner)) {
                continue;
            }
            // Where the CNAME leads inside the zone: the node (name or wildcard) holding another
            // CNAME. At an authoritative node the table above says so without the index: it
            // holds exactly their CNAMEs.
            let found = crate::rules::target::lookup_target(cx, r, target);
            let Some(n) = found.node.filter(|_| found.place == Place::Auth) else {
                continue;
            };
            let alias = match tree.place(n) {
                Place::Auth => cname[n.0 as usize] != NONE,
                _ => cx.index.has(cx.zone, n, RType::CNAME),
            };
            if alias {
                next[owner.0 as usize] = n.0;
            }
        }
        // 0 unvisited, 1 on the current path, 2 done.
        let mut state = vec![0u8; next.len()];
        let mut loops = Vec::new();
        for start in owners {
            if state[start.0 as usize] != 0 {
                continue;
            }
            let mut path = Vec::new();
            let mut cur = start;
            loop {
                state[cur.0 as usize] = 1;
                path.push(cur);
                let n = next[cur.0 as usize];
                if n == NONE {
                    break;
                }
                match state[n as usize] {
                    1 => {
                        let at = path.iter().position(|&p| p.0 == n).unwrap_or(0);
                        loops.push(path[at..].to_vec());
                        break;
                    }
                    0 => cur = NameId(n),
                    _ => break,
                }
            }
            for p in path {
                state[p.0 as usize] = 2;
            }
        }
        CnameGraph { cname, next, loops }
    }
}
