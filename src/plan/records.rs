//! Record sets as the plan sees them: each state a set of records somewhere (the current
//! host, the new host, the parent), rendered in `zonegate fmt`'s canonical form, and the
//! unified diffs between states.

use crate::source::Span;
use crate::zone::{NameRef, OriginSource, OwnedName, RType, Zone};

/// One record: owner, type, TTL and wire-form data (class IN).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rr {
    pub owner: OwnedName,
    pub rtype: RType,
    pub ttl: u32,
    pub rdata: Vec<u8>,
}

impl Rr {
    pub fn new(owner: &OwnedName, rtype: RType, ttl: u32, rdata: Vec<u8>) -> Self {
        Rr {
            owner: owner.clone(),
            rtype,
            ttl,
            rdata,
        }
    }

    /// Same owner (any case) and type.
    pub fn is(&self, owner: NameRef<'_>, rtype: RType) -> bool {
        self.rtype == rtype && self.owner.as_ref().eq_ignore_case(owner)
    }
}

/// The records of `zone`, in file order.
pub fn from_zone(zone: &Zone) -> Vec<Rr> {
    zone.records
        .iter()
        .map(|r| Rr {
            owner: zone.owner(r).to_owned(),
            rtype: r.rtype,
            ttl: r.ttl,
            rdata: zone.rdata(r).to_vec(),
        })
        .collect()
}

/// The records as `zonegate fmt` prints them, with `apex` first: one line each, every line
/// ending in a newline (empty text for no records).
pub fn render(apex: &OwnedName, records: &[Rr]) -> String {
    let mut zone = Zone::new(apex.clone(), OriginSource::None);
    for r in records {
        zone.add(r.owner.as_ref(), r.rtype, r.ttl, &r.rdata, Span::default());
    }
    let mut out = Vec::new();
    crate::zone::fmt::write_zone(&zone, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("fmt writes UTF-8")
}

/// The unified diff from `before` to `after` (three lines of context), headed by the labels;
/// `None` when they are the same.
pub fn unified(before: &str, after: &str, from: &str, to: &str) -> Option<String> {
    if before == after {
        return None;
    }
    let diff = similar::TextDiff::from_lines(before, after);
    Some(
        diff.unified_diff()
            .context_radius(3)
            .header(from, to)
            .to_string(),
    )
}

/// Why a diff does not apply.
#[derive(Debug, PartialEq, Eq)]
pub struct ApplyError(pub String);

/// Applies a unified diff (as [`unified`] writes it) to `text`, checking every context and
/// removed line: what a reviewer's `patch` would do, without fuzz. The tests use it to show that
/// a step's `rollback_diff` undoes its `diff` exactly.
pub fn apply(text: &str, diff: &str) -> Result<String, ApplyError> {
    let old: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len() + diff.len());
    let mut next = 0usize; // index in `old` of the next line not yet copied
    let mut lines = diff.split_inclusive('\n').peekable();
    let err = |m: String| Err(ApplyError(m));
    while let Some(line) = lines.next() {
        if line.starts_with("--- ") || line.starts_with("+++ ") {
            continue;
        }
        let Some(header) = line.strip_prefix("@@ -") else {
            return err(format!("unexpected line {line:?}"));
        };
        let old_range = header.split(' ').next().unwrap_or("");
        let (start, count) = match old_range.split_once(',') {
            Some((s, c)) => (s.parse::<usize>(), c.parse::<usize>()),
            None => (old_range.parse::<usize>(), Ok(1)),
        };
        let (Ok(start), Ok(count)) = (start, count) else {
            return err(format!("bad hunk header {line:?}"));
        };
        // An empty old range names the line after which the hunk goes.
        let first = if count == 0 {
            start
        } else {
            start.saturating_sub(1)
        };
        if first < next || first > old.len() {
            return err(format!(
                "hunk at line {start} is out of order or past the end"
            ));
        }
        for l in &old[next..first] {
            out.push_str(l);
        }
        next = first;
        while let Some(l) = lines.peek() {
            if l.starts_with("@@") {
                break;
            }
            let l = lines.next().expect("peeked");
            let (tag, body) = l.split_at(l.len().min(1));
            match tag {
                " " | "-" => {
                    if old.get(next) != Some(&body) {
                        return err(format!("line {} does not match {body:?}", next + 1));
                    }
                    if tag == " " {
                        out.push_str(body);
                    }
                    next += 1;
                }
                "+" => out.push_str(body),
                // `\ No newline at end of file`: the texts here always end in one.
                "\\" => {}
                _ => return err(format!("unexpected line {l:?}")),
            }
        }
    }
    for l in &old[next..] {
        out.push_str(l);
    }
    Ok(out)
}

/// A TXT record's data from one text, split into strings of at most 255 octets.
pub fn txt_rdata(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 255 + 1);
    if bytes.is_empty() {
        out.push(0);
    }
    for chunk in bytes.chunks(255) {
        out.push(chunk.len() as u8);
        out.extend_from_slice(chunk);
    }
    out
}

/// MX data.
pub fn mx_rdata(preference: u16, exchange: &OwnedName) -> Vec<u8> {
    let mut out = preference.to_be_bytes().to_vec();
    out.extend_from_slice(exchange.as_ref().wire());
    out
}

/// Data that is one name (NS, CNAME).
pub fn name_rdata(name: &OwnedName) -> Vec<u8> {
    name.as_ref().wire().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> OwnedName {
        OwnedName::from_text(s).unwrap()
    }

    #[test]
    fn render_is_fmt_canonical() {
        let apex = name("example.jp.");
        let records = vec![
            Rr::new(&name("www.example.jp."), RType::A, 300, vec![192, 0, 2, 1]),
            Rr::new(
                &apex,
                RType::NS,
                3600,
                name_rdata(&name("ns1.example.net.")),
            ),
            Rr::new(
                &apex,
                RType::MX,
                3600,
                mx_rdata(10, &name("mx.example.net.")),
            ),
        ];
        assert_eq!(
            render(&apex, &records),
            "example.jp.\t3600\tIN\tNS\tns1.example.net.\n\
             example.jp.\t3600\tIN\tMX\t10 mx.example.net.\n\
             www.example.jp.\t300\tIN\tA\t192.0.2.1\n"
        );
    }

    #[test]
    fn apply_round_trips_and_refuses_a_wrong_base() {
        let a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let b = "1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n";
        let d = unified(a, b, "a", "b").unwrap();
        assert_eq!(apply(a, &d).unwrap(), b);
        let r = unified(b, a, "b", "a").unwrap();
        assert_eq!(apply(b, &r).unwrap(), a);
        assert!(apply("x\n", &d).is_err());
        let from_empty = unified("", b, "a", "b").unwrap();
        assert_eq!(apply("", &from_empty).unwrap(), b);
        assert_eq!(apply(b, &unified(b, "", "b", "a").unwrap()).unwrap(), "");
    }

    #[test]
    fn long_spf_is_split_into_strings() {
        let text = "v=spf1 ".to_owned() + &"a".repeat(300);
        let w = txt_rdata(&text);
        let strings = crate::zone::rdata::view::strings(&w).unwrap();
        assert_eq!(strings.len(), 2);
        assert_eq!(strings[0].len(), 255);
    }
}
