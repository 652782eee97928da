//! A zone's records in a form that BIND's, Knot's and zonegate's output can be compared in.
//!
//! Every text (zonegate's `fmt` output, BIND's `-D` dump, Knot's `zone-read`) is read back by
//! zonegate's own parser, so the three are compared as wire data, not as text. A record is
//! `(owner, type, class, TTL, data)` with every domain name lowercased, in the owner and inside
//! the data: names compare without regard to case in DNS (RFC 4343), Knot prints them
//! lowercased and BIND as written. Identical records count once, as every server merges them.

use std::collections::BTreeMap;
use zonegate::check::{CheckOptions, check_bytes};
use zonegate::diag::Severity;
use zonegate::rules::Phase;
use zonegate::source::Sources;
use zonegate::zone::name::NameRef;
use zonegate::zone::rtype::Field;
use zonegate::zone::{NoIncludes, OwnedName, ParseOptions, RType};

/// A record's identity: `(owner, type, class, TTL, data)`, names lowercased.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub owner: Vec<u8>,
    pub rtype: u16,
    pub class: u16,
    pub ttl: u32,
    pub rdata: Vec<u8>,
}

/// The records, each with its text as zonegate prints it (for messages). `A` and `a` are one
/// record, as in every server.
pub type RecordSet = BTreeMap<Key, String>;

/// Reads `text` (absolute names, or relative to `origin`) into a record set. Errors are the
/// syntax errors zonegate found: a peer's dump that zonegate cannot read is itself a finding.
pub fn read(text: &[u8], origin: &str) -> Result<RecordSet, String> {
    let options = CheckOptions {
        parse: ParseOptions {
            origin: Some(OwnedName::from_text(origin).map_err(|e| format!("{origin}: {e:?}"))?),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut sources = Sources::default();
    let report = check_bytes(&mut sources, "dump", text, false, &options, &mut NoIncludes);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.rule.phase != Phase::Zone)
        .map(|d| {
            let p = sources.get(d.span.file).position(d.span.start);
            let line = String::from_utf8_lossy(text)
                .lines()
                .nth(p.line as usize - 1)
                .unwrap_or_default()
                .to_owned();
            format!(
                "line {}: {}: {} in `{line}`",
                p.line, d.rule.code, d.message
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let zone = report.zone.ok_or("no zone")?;
    let mut set = RecordSet::new();
    for r in &zone.records {
        let key = Key {
            owner: zone.owner(r).to_lowercase().into_wire(),
            rtype: r.rtype.0,
            class: r.class,
            ttl: r.ttl,
            rdata: canonical_rdata(r.rtype, zone.rdata(r)),
        };
        set.entry(key)
            .or_insert_with(|| zonegate::zone::fmt::record_line(&zone, r));
    }
    Ok(set)
}

/// The record data with every domain name it holds lowercased, walking the type's field
/// schema. Past the first field whose length the schema cannot tell without parsing it (a
/// bitmap, base64 to the end, a type-specific format), the data is kept as is: no name that a
/// server would fold comes after one of those.
pub fn canonical_rdata(rtype: RType, wire: &[u8]) -> Vec<u8> {
    let Some(info) = rtype.info() else {
        return wire.to_vec();
    };
    let mut out = Vec::with_capacity(wire.len());
    let mut rest = wire;
    for field in info.fields {
        let len = match field {
            Field::U8(_) | Field::Algorithm => 1,
            Field::U16(_) | Field::TypeCode(_) | Field::CertType => 2,
            Field::U32(_) | Field::Period(_) | Field::Time(_) | Field::Ipv4(_) => 4,
            Field::Ipv6(_) => 16,
            Field::Eui48 => 6,
            Field::Eui64 | Field::Ilnp64(_) => 8,
            Field::Str(_) | Field::StrOpt(_) => match rest.first() {
                Some(&n) => 1 + n as usize,
                None => break,
            },
            Field::Name(..) => match NameRef::split_from(rest) {
                Some((name, after)) => {
                    out.extend_from_slice(&name.to_lowercase().into_wire());
                    rest = after;
                    continue;
                }
                None => break,
            },
            _ => break,
        };
        if rest.len() < len {
            break;
        }
        out.extend_from_slice(&rest[..len]);
        rest = &rest[len..];
    }
    out.extend_from_slice(rest);
    out
}

/// Lines describing how `theirs` differs from `ours`, at most `max` of each side.
pub fn describe_difference(ours: &RecordSet, theirs: &RecordSet, peer: &str, max: usize) -> String {
    let only_ours: Vec<&String> = ours
        .iter()
        .filter(|(k, _)| !theirs.contains_key(k))
        .map(|(_, t)| t)
        .collect();
    let only_theirs: Vec<&String> = theirs
        .iter()
        .filter(|(k, _)| !ours.contains_key(k))
        .map(|(_, t)| t)
        .collect();
    let mut lines = Vec::new();
    for t in only_ours.iter().take(max) {
        lines.push(format!("  - zonegate only: {t}"));
    }
    for t in only_theirs.iter().take(max) {
        lines.push(format!("  + {peer} only: {t}"));
    }
    let more = only_ours.len().saturating_sub(max) + only_theirs.len().saturating_sub(max);
    if more > 0 {
        lines.push(format!("  ... and {more} more"));
    }
    lines.join("\n")
}

/// Whether two sets hold the same records.
pub fn equal(a: &RecordSet, b: &RecordSet) -> bool {
    a.len() == b.len() && a.keys().eq(b.keys())
}
