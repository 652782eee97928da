//! The zone in canonical form, as a DNS host would load it: absolute names, explicit TTL and
//! class, one record per line, no comments.
//!
//! Order: the apex first (SOA, then NS, then the rest by type), then every other name in DNSSEC
//! canonical order (RFC 4034 §6.1), each name's records by type and then by data. Exact
//! duplicates are written once, since a server merges them into one record anyway.

use super::{Record, Zone, parser::class_name};
use std::io::{self, Write};

/// The records in canonical order, duplicates removed.
pub fn canonical_order(zone: &Zone) -> Vec<&Record> {
    let apex = zone.apex();
    let mut records: Vec<&Record> = zone.records.iter().collect();
    let type_rank = |r: &Record| match r.rtype {
        super::RType::SOA => 0u32,
        super::RType::NS => 1,
        t => 2 + u32::from(t.0),
    };
    records.sort_by(|a, b| {
        let (oa, ob) = (zone.owner(a), zone.owner(b));
        let apex_a = !oa.eq_ignore_case(apex);
        let apex_b = !ob.eq_ignore_case(apex);
        apex_a
            .cmp(&apex_b)
            .then_with(|| oa.canonical_cmp(ob))
            .then_with(|| type_rank(a).cmp(&type_rank(b)))
            .then_with(|| zone.rdata(a).cmp(zone.rdata(b)))
    });
    records.dedup_by(|a, b| {
        a.owner == b.owner
            && a.rtype == b.rtype
            && a.class == b.class
            && zone.rdata(a) == zone.rdata(b)
    });
    records
}

pub fn write_zone(zone: &Zone, out: &mut dyn Write) -> io::Result<()> {
    for r in canonical_order(zone) {
        writeln!(out, "{}", record_line(zone, r))?;
    }
    Ok(())
}

/// One record as a line: `owner TTL CLASS TYPE data`, tab-separated.
pub fn record_line(zone: &Zone, r: &Record) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}",
        zone.owner(r),
        r.ttl,
        class_name(r.class),
        r.rtype,
        zone.rdata_text(r)
    )
}
