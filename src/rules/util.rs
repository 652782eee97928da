//! Small helpers the zone rules share: showing names and durations, where a record's data is,
//! and comparing record data as DNS does.

use crate::diag::escape;
use crate::source::Span;
use crate::zone::{NameId, NameRef, RType, Record};
use std::borrow::Cow;

use super::Context;

/// A name as messages quote it: absolute, escaped for the terminal.
pub fn show(name: NameRef<'_>) -> String {
    escape(&name.to_string()).into_owned()
}

/// An owner as messages quote it.
pub fn show_id(cx: &Context<'_>, id: NameId) -> String {
    show(cx.zone.names.get(id))
}

/// A duration in seconds as zone files write it: `3600` → `1h`, `93784` → `1d2h3m4s`.
pub fn duration(secs: u32) -> String {
    if secs == 0 {
        return "0s".into();
    }
    let mut rest = secs;
    let mut out = String::new();
    for (unit, len) in [
        ("w", 604_800),
        ("d", 86_400),
        ("h", 3_600),
        ("m", 60),
        ("s", 1),
    ] {
        if rest >= len {
            out.push_str(&format!("{}{unit}", rest / len));
            rest %= len;
        }
    }
    out
}

/// A TTL or timer as messages show it: `86400 (1d)`.
pub fn seconds(secs: u32) -> String {
    if secs < 60 {
        format!("{secs}")
    } else {
        format!("{secs} ({})", duration(secs))
    }
}

/// The span of a record's data, first field to last; the type when there is none.
pub fn data_span(cx: &Context<'_>, record: &Record) -> Span {
    let fields = cx.field_spans(record);
    match (fields.first(), fields.last()) {
        (Some(a), Some(b)) => a.to(*b),
        _ => cx.type_span(record),
    }
}

/// The data fields as written, for telling apart records whose wire forms are equal.
pub fn data_text<'a>(cx: &Context<'a>, record: &Record) -> Option<Vec<&'a str>> {
    let fields = cx.field_spans(record);
    (!fields.is_empty()).then(|| fields.iter().map(|s| cx.sources.text(*s)).collect())
}

/// Record data with its domain names in lowercase: two records are the same record when these
/// are equal (RFC 4343 §3, RFC 4034 §6.2). Only names are folded; text keeps its case.
pub fn canonical_rdata(rtype: RType, w: &[u8]) -> Cow<'_, [u8]> {
    // Where the names are: (offset of the first name, how many names follow one another).
    let layout = match rtype.0 {
        // NS MD MF CNAME MB MG MR PTR DNAME
        2 | 3 | 4 | 5 | 7 | 8 | 9 | 12 | 39 => Some((0, 1)),
        // SOA MINFO RP
        6 | 14 | 17 => Some((0, 2)),
        // MX AFSDB RT KX
        15 | 18 | 21 | 36 => Some((2, 1)),
        // PX
        26 => Some((2, 2)),
        // SRV
        33 => Some((6, 1)),
        _ => None,
    };
    let Some((offset, count)) = layout else {
        return Cow::Borrowed(w);
    };
    let mut end = offset;
    for _ in 0..count {
        match w.get(end..).and_then(NameRef::split_from) {
            Some((name, _)) => end += name.wire().len(),
            None => return Cow::Borrowed(w),
        }
    }
    if !w[offset..end].iter().any(u8::is_ascii_uppercase) {
        return Cow::Borrowed(w);
    }
    // Length octets are at most 63, below `A`, so folding the whole range folds only letters.
    let mut out = w.to_vec();
    out[offset..end].make_ascii_lowercase();
    Cow::Owned(out)
}

/// Up to `max` items joined with commas, and how many more there are.
pub fn list(items: &[String], max: usize) -> String {
    let mut out = items
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > max {
        out.push_str(&format!(", … (+{})", items.len() - max));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::OwnedName;

    #[test]
    fn durations_read_like_zone_files() {
        assert_eq!(duration(3600), "1h");
        assert_eq!(duration(604_800), "1w");
        assert_eq!(duration(93_784), "1d2h3m4s");
        assert_eq!(seconds(30), "30");
        assert_eq!(seconds(86_400), "86400 (1d)");
    }

    #[test]
    fn canonical_rdata_folds_names_only() {
        let mut mx = vec![0, 10];
        mx.extend(
            OwnedName::from_text("Mail.Example.com.")
                .unwrap()
                .into_wire(),
        );
        let folded = canonical_rdata(RType::MX, &mx);
        assert_eq!(&folded[..2], &[0, 10]);
        assert_eq!(
            NameRef::from_wire(&folded[2..]).unwrap().to_string(),
            "mail.example.com."
        );
        let txt = b"\x05Hello";
        assert_eq!(&*canonical_rdata(RType::TXT, txt), txt);
    }
}
