//! What a record points at, and the two ways a target is often not what the customer meant: an
//! IP address where a name belongs, and a name that lost its trailing dot. Rules about targets
//! (no address, a CNAME, dangling) skip a target that is either, so that one fault is reported
//! once, by the rule that explains it.

use super::Context;
use super::suffixes::{self, PROVIDERS, Provider};
use super::util::show;
use crate::diag::escape;
use crate::source::Span;
use crate::zone::name::parse_name;
use crate::zone::rdata::view;
use crate::zone::tree::suffix;
use crate::zone::{NameRef, OwnedName, Place, RType, Record};

/// The data field holding the name a record points at.
pub fn target_field(rtype: RType) -> Option<usize> {
    match rtype {
        RType::NS | RType::CNAME | RType::PTR | RType::DNAME | RType::SOA => Some(0),
        RType::MX => Some(1),
        RType::SRV => Some(3),
        _ => None,
    }
}

/// The name a record points at (for SOA, the primary server).
pub fn target<'z>(cx: &Context<'z>, record: &Record) -> Option<NameRef<'z>> {
    let w = cx.zone.rdata(record);
    match record.rtype {
        RType::SOA => view::soa(w).map(|s| s.mname),
        t => view::target(t, w),
    }
}

/// What a query for `name`, the target of `record` ([`target`]), finds: looked up once per
/// record for the types several rules follow (NS, CNAME, MX, SRV).
pub fn lookup_target(cx: &Context<'_>, record: &Record, name: NameRef<'_>) -> crate::zone::Lookup {
    let slot = match record.rtype {
        RType::NS => 0,
        RType::CNAME => 1,
        RType::MX => 2,
        RType::SRV => 3,
        _ => return cx.lookup(name),
    };
    let Some(i) = cx.record_index(record) else {
        return cx.lookup(name);
    };
    let of_type = cx.index.of_type(cx.zone, record.rtype);
    let found = cx.memo.target_lookups[slot].get_or_init(|| {
        of_type
            .iter()
            .map(|&i| target(cx, &cx.zone.records[i as usize]).map(|t| cx.lookup(t)))
            .collect()
    });
    match cx
        .index
        .rank_in_type(cx.zone, i)
        .and_then(|at| found.get(at))
    {
        Some(&Some(lookup)) => lookup,
        _ => cx.lookup(name),
    }
}

/// The address a target was written as, when it is one: `MX 10 192.0.2.25` gives `192.0.2.25`.
pub fn address_like(cx: &Context<'_>, record: &Record) -> Option<String> {
    let name = target(cx, record)?;
    let first = name.first_label()?;
    // Cheap test first: an address starts with a digit or holds a colon.
    if !first.first().is_some_and(u8::is_ascii_digit) && !first.contains(&b':') {
        return None;
    }
    let field = target_field(record.rtype)?;
    if let Some(text) = cx.rdata_field_text(record, field) {
        let text = crate::zone::customer::fullwidth_to_ascii_str(text);
        let bare = text.strip_suffix('.').unwrap_or(&text);
        return bare
            .parse::<std::net::IpAddr>()
            .is_ok()
            .then(|| escape(bare).into_owned());
    }
    // Generated records have no text of their own: read the labels.
    let labels: Vec<&[u8]> = name.labels().collect();
    let rest_ok = |k: usize| {
        labels.len() == k
            || suffix(name, labels.len() - k).eq_ignore_case(cx.zone.apex())
                && record.has(Record::RELATIVE_TARGET)
    };
    let octet = |l: &[u8]| {
        !l.is_empty()
            && l.len() <= 3
            && l.iter().all(u8::is_ascii_digit)
            && std::str::from_utf8(l).is_ok_and(|s| s.parse::<u8>().is_ok())
    };
    if labels.len() >= 4 && labels[..4].iter().all(|l| octet(l)) && rest_ok(4) {
        let text: Vec<String> = labels[..4]
            .iter()
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect();
        return Some(text.join("."));
    }
    let v6 = std::str::from_utf8(first)
        .ok()
        .filter(|s| s.parse::<std::net::Ipv6Addr>().is_ok());
    v6.filter(|_| rest_ok(1)).map(|s| escape(s).into_owned())
}

/// A target written without its trailing dot that was surely meant to be absolute.
#[derive(Clone, Debug)]
pub struct MissingDot {
    /// The field as written.
    pub span: Span,
    pub written: String,
    /// What it became.
    pub expanded: String,
    /// What was meant: the text with its final dot.
    pub corrected: String,
    pub why: Why,
}

#[derive(Clone, Debug)]
pub enum Why {
    /// The text already ends with the origin (`mail.example.com` in `example.com`).
    OriginRepeated { origin: String },
    /// The text ends in a top-level domain, or a Japanese second-level one (`co.jp`).
    Tld(String),
    /// The text ends in a well-known provider's domain.
    Provider(&'static str, Provider),
}

/// The missing-trailing-dot fault of a record's target, if it has one. Seven rules ask it of
/// every record with a target: the zone's records are looked at once, on the first question.
pub fn missing_dot(cx: &Context<'_>, record: &Record) -> Option<MissingDot> {
    if !record.has(Record::RELATIVE_TARGET) {
        return None;
    }
    let Some(i) = cx.record_index(record) else {
        return find_missing_dot(cx, record);
    };
    let all = missing_dots(cx);
    let at = all.binary_search_by_key(&(i as u32), |(j, _)| *j).ok()?;
    Some(all[at].1.clone())
}

/// Works out the missing-trailing-dot faults of every record, if not yet done (see
/// [`missing_dot`]); the rules' threads do it early, since it needs no name tree.
pub fn find_missing_dots(cx: &Context<'_>) {
    missing_dots(cx);
}

/// The records of the types whose target rules report a missing dot (not SOA, whose server
/// has rules of its own), by index, each with its fault, in file order: what a look at every
/// record with [`missing_dot`] finds, without the look.
pub fn missing_dots_in_targets<'c>(
    cx: &'c Context<'_>,
) -> impl Iterator<Item = (u32, &'c MissingDot)> + 'c {
    missing_dots(cx).iter().filter_map(|(i, m)| {
        let reported = matches!(
            cx.zone.records[*i as usize].rtype,
            RType::CNAME | RType::MX | RType::NS | RType::SRV | RType::PTR | RType::DNAME
        );
        reported.then_some((*i, m))
    })
}

fn missing_dots<'c>(cx: &'c Context<'_>) -> &'c [(u32, MissingDot)] {
    cx.memo.missing_dots.get_or_init(|| {
        (cx.zone.records.iter().enumerate())
            .filter(|(_, r)| r.has(Record::RELATIVE_TARGET))
            .filter_map(|(i, r)| Some((i as u32, find_missing_dot(cx, r)?)))
            .collect()
    })
}

fn find_missing_dot(cx: &Context<'_>, record: &Record) -> Option<MissingDot> {
    let field = target_field(record.rtype)?;
    let name = target(cx, record)?;
    missing_dot_in(cx, record, name, NameField::Data(field))
}

/// Which field of a record holds the name being checked.
#[derive(Clone, Copy, Debug)]
pub enum NameField {
    Owner,
    Data(usize),
}

/// The missing-trailing-dot fault of one name of a record (its owner, or a data field).
pub fn missing_dot_in(
    cx: &Context<'_>,
    record: &Record,
    name: NameRef<'_>,
    field: NameField,
) -> Option<MissingDot> {
    let apex = cx.zone.apex();
    // Cheap test on the wire form first, so that the usual relative target (`www`, `mail`)
    // costs no second look at the source: a candidate has a top-level domain, or the apex's
    // own last label, somewhere above the labels the origin added.
    let above = crate::zone::tree::labels_above(name, apex)?;
    let apex_tld = apex.labels().last();
    let candidate = name
        .labels()
        .take(above)
        .any(|l| suffixes::is_tld(l) || apex_tld.is_some_and(|t| t.eq_ignore_ascii_case(l)));
    if !candidate {
        return None;
    }
    let (span, text) = match field {
        NameField::Owner => {
            if record.has(Record::OWNER_INHERITED) || record.has(Record::GENERATED) {
                return None;
            }
            let span = cx.owner_span(record);
            (span, cx.sources.text(span))
        }
        NameField::Data(n) => {
            let text = cx.rdata_field_text(record, n)?;
            (cx.rdata_field_span(record, n), text)
        }
    };
    let text = crate::zone::customer::fullwidth_to_ascii_str(text);
    if text == "@" || text.ends_with('.') && !text.ends_with("\\.") {
        return None;
    }
    let mut wire = Vec::new();
    parse_name(&text, Some(NameRef::ROOT), &mut wire).ok()?;
    let written = OwnedName::from_wire(wire)?;
    let written = written.as_ref();
    let n = written.label_count();
    if n == 0 || n >= name.label_count() {
        return None;
    }
    let origin = suffix(name, name.label_count() - n);
    let corrected = format!("{}.", escape(&text));
    let mk = |why| MissingDot {
        span,
        written: escape(&text).into_owned(),
        expanded: show(name),
        corrected: corrected.clone(),
        why,
    };
    if written.is_subdomain_of(origin) || written.is_subdomain_of(apex) {
        let origin = if written.is_subdomain_of(origin) {
            origin
        } else {
            apex
        };
        return Some(mk(Why::OriginRepeated {
            origin: show(origin),
        }));
    }
    // A name that ends in a TLD may still be meant: it exists in the zone, part of it does
    // (`ns.xyz` under `*.ns.xyz`: the customer built that subtree on purpose), or it lies
    // where this zone cannot tell (below a delegation).
    if n < 2 {
        return None;
    }
    let found = cx.lookup(name);
    if found.exists || found.encloser_labels > apex.label_count() || found.place != Place::Auth {
        return None;
    }
    for (domain, kind) in PROVIDERS {
        let d = OwnedName::from_text(domain).expect("provider domains are valid names");
        if written.is_subdomain_of(d.as_ref()) {
            return Some(mk(Why::Provider(domain, *kind)));
        }
    }
    let labels: Vec<&[u8]> = written.labels().collect();
    let last = labels[n - 1];
    if !suffixes::is_tld(last) {
        return None;
    }
    let last = String::from_utf8_lossy(last).to_ascii_lowercase();
    let second = String::from_utf8_lossy(labels[n - 2]).to_ascii_lowercase();
    let ending = if last == "jp" && n >= 3 && suffixes::JP_SLDS.contains(&second.as_str()) {
        format!("{second}.jp")
    } else {
        last
    };
    Some(mk(Why::Tld(ending)))
}

/// True when the target is an address or lost its trailing dot: other target rules stay quiet,
/// as the rule for that fault explains it.
pub fn suspect(cx: &Context<'_>, record: &Record) -> bool {
    address_like(cx, record).is_some() || missing_dot(cx, record).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` on every record of a zone parsed from `text`, with a rule context.
    fn each_record(text: &str, mut f: impl FnMut(&Context<'_>, &Record)) {
        crate::rules::with_test_context(text, |cx| {
            for r in &cx.zone.records {
                f(cx, r);
            }
        });
    }

    fn faults(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_record(text, |cx, r| {
            if let Some(m) = missing_dot(cx, r) {
                let why = match m.why {
                    Why::OriginRepeated { origin } => format!("origin {origin}"),
                    Why::Tld(t) => format!("tld {t}"),
                    Why::Provider(p, _) => format!("provider {p}"),
                };
                out.push(format!("{} -> {} ({why})", m.written, m.corrected));
            }
            if let Some(a) = address_like(cx, r) {
                out.push(format!("address {a}"));
            }
        });
        out
    }

    const HEAD: &str = "$ORIGIN example.co.jp.\n$TTL 3600\n";

    #[test]
    fn missing_dots_are_found_only_where_the_text_has_none() {
        let z = format!(
            "{HEAD}www CNAME lb.webhost.com\nw2 CNAME lb.webhost.com.\n\
             @ MX 0 example-co-jp.mail.protection.outlook.com\n@ MX 10 mx.isp.ne.jp\n\
             a CNAME intranet.example.co.jp\nb CNAME web\nc CNAME @\n"
        );
        assert_eq!(
            faults(&z),
            [
                "lb.webhost.com -> lb.webhost.com. (tld com)",
                "example-co-jp.mail.protection.outlook.com -> example-co-jp.mail.protection.outlook.com. (provider mail.protection.outlook.com)",
                "mx.isp.ne.jp -> mx.isp.ne.jp. (tld ne.jp)",
                "intranet.example.co.jp -> intranet.example.co.jp. (origin example.co.jp.)",
            ]
        );
    }

    #[test]
    fn names_meant_to_be_in_the_zone_are_left_alone() {
        // `web.dev` exists; `*.ns.xyz` shows the customer built `xyz` on purpose; `www.io` is
        // delegated (`io`), so this zone cannot tell.
        let z = format!(
            "{HEAD}web.dev A 192.0.2.1\nshop CNAME web.dev\n*.ns.xyz A 192.0.2.2\n\
             n NS a.ns.xyz\nio NS ns.example.net.\nq CNAME www.io\nr CNAME app\n"
        );
        assert_eq!(faults(&z), Vec::<String>::new());
    }

    #[test]
    fn the_origin_in_effect_counts_as_repeated_too() {
        let z = format!("{HEAD}$ORIGIN sub.example.co.jp.\nw CNAME host.sub.example.co.jp\n");
        assert_eq!(
            faults(&z),
            ["host.sub.example.co.jp -> host.sub.example.co.jp. (origin sub.example.co.jp.)"]
        );
    }

    #[test]
    fn addresses_where_names_belong() {
        let z = format!(
            "{HEAD}@ MX 10 192.0.2.25\n@ NS 192.0.2.53.\nw CNAME 2001:db8::1\n\
             r CNAME 1.0.0.10.in-addr.arpa.\n"
        );
        assert_eq!(
            faults(&z),
            [
                "address 192.0.2.25",
                "address 192.0.2.53",
                "address 2001:db8::1"
            ]
        );
    }
}
