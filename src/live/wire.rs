//! DNS messages as the server sent them: records with their data in exact, uncompressed wire
//! form, ready to compare with the submission's (which [`crate::zone::Zone::rdata`] keeps in
//! the same form).
//!
//! hickory decodes responses into typed data, and re-encoding typed data is not always the
//! octets the server sent (CAA values, SVCB parameters and unknown types have been lossy in one
//! version or another). So the live checks read the raw buffer hickory keeps
//! ([`hickory_proto::op::DnsResponse::as_buffer`]) with this small parser, which only
//! decompresses names, in the types where RFC 3597 §4 allows compression.

use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use std::borrow::Cow;

/// One resource record from a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRecord {
    pub name: OwnedName,
    pub rtype: RType,
    pub class: u16,
    pub ttl: u32,
    /// Uncompressed wire data; names keep the case the server sent.
    pub rdata: Vec<u8>,
}

/// The parts of a response the checks read.
#[derive(Clone, Debug, Default)]
pub struct RawMessage {
    pub id: u16,
    pub authoritative: bool,
    pub truncated: bool,
    pub recursion_available: bool,
    /// The RCODE from the header (extended RCODEs from OPT are not needed here).
    pub rcode: u8,
    pub answers: Vec<RawRecord>,
    pub authorities: Vec<RawRecord>,
    pub additionals: Vec<RawRecord>,
}

/// RCODEs by number (RFC 1035 §4.1.1, RFC 2136 §2.2).
pub mod rcode {
    pub const NOERROR: u8 = 0;
    pub const FORMERR: u8 = 1;
    pub const SERVFAIL: u8 = 2;
    pub const NXDOMAIN: u8 = 3;
    pub const NOTIMP: u8 = 4;
    pub const REFUSED: u8 = 5;
    pub const NOTAUTH: u8 = 9;

    pub fn name(code: u8) -> String {
        match code {
            NOERROR => "NOERROR".into(),
            FORMERR => "FORMERR".into(),
            SERVFAIL => "SERVFAIL".into(),
            NXDOMAIN => "NXDOMAIN".into(),
            NOTIMP => "NOTIMP".into(),
            REFUSED => "REFUSED".into(),
            6 => "YXDOMAIN".into(),
            7 => "YXRRSET".into(),
            8 => "NXRRSET".into(),
            NOTAUTH => "NOTAUTH".into(),
            10 => "NOTZONE".into(),
            n => format!("RCODE{n}"),
        }
    }
}

/// Parses a whole message; `None` when it is malformed (truncated sections, pointer loops, a
/// name over 255 octets). The OPT pseudo-record is dropped from the additional section.
pub fn parse_message(buf: &[u8]) -> Option<RawMessage> {
    let header = buf.get(..12)?;
    let u16_at = |i: usize| u16::from_be_bytes([header[i], header[i + 1]]);
    let flags = u16_at(2);
    let counts = [u16_at(4), u16_at(6), u16_at(8), u16_at(10)];
    let mut pos = 12;
    for _ in 0..counts[0] {
        let (_, next) = read_name(buf, pos)?;
        pos = next.checked_add(4)?;
        if pos > buf.len() {
            return None;
        }
    }
    let mut message = RawMessage {
        id: u16_at(0),
        authoritative: flags & 0x0400 != 0,
        truncated: flags & 0x0200 != 0,
        recursion_available: flags & 0x0080 != 0,
        rcode: (flags & 0x000F) as u8,
        ..RawMessage::default()
    };
    for (section, &count) in counts[1..].iter().enumerate() {
        for _ in 0..count {
            let (record, next) = read_record(buf, pos)?;
            pos = next;
            match section {
                0 => message.answers.push(record),
                1 => message.authorities.push(record),
                _ if record.rtype.0 == 41 => {}
                _ => message.additionals.push(record),
            }
        }
    }
    Some(message)
}

fn read_record(buf: &[u8], pos: usize) -> Option<(RawRecord, usize)> {
    let (name, pos) = read_name(buf, pos)?;
    let fixed = buf.get(pos..pos + 10)?;
    let rtype = RType(u16::from_be_bytes([fixed[0], fixed[1]]));
    let class = u16::from_be_bytes([fixed[2], fixed[3]]);
    let ttl = u32::from_be_bytes([fixed[4], fixed[5], fixed[6], fixed[7]]);
    let len = u16::from_be_bytes([fixed[8], fixed[9]]) as usize;
    let start = pos + 10;
    let end = start.checked_add(len)?;
    if end > buf.len() {
        return None;
    }
    let rdata = match layout(rtype) {
        Some(parts) => decompress(buf, start, end, parts)?,
        None => buf[start..end].to_vec(),
    };
    Some((
        RawRecord {
            name: OwnedName::from_wire(name)?,
            rtype,
            class,
            ttl,
            rdata,
        },
        end,
    ))
}

/// Reads a possibly compressed name at `pos`: its uncompressed wire form and the position after
/// it in the message.
fn read_name(buf: &[u8], mut pos: usize) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::with_capacity(32);
    let mut after = None;
    // Every pointer must go backwards, so a message cannot loop (RFC 1035 §4.1.4 pointers
    // refer to a prior occurrence); 128 jumps is far more than any legal name needs.
    let mut jumps = 0;
    let mut limit = buf.len();
    loop {
        let len = *buf.get(pos)?;
        match len {
            0 => {
                out.push(0);
                if out.len() > crate::zone::name::MAX_NAME_LEN {
                    return None;
                }
                return Some((out, after.unwrap_or(pos + 1)));
            }
            1..=63 => {
                let label = buf.get(pos + 1..pos + 1 + len as usize)?;
                out.push(len);
                out.extend_from_slice(label);
                if out.len() > crate::zone::name::MAX_NAME_LEN {
                    return None;
                }
                pos += 1 + len as usize;
            }
            0xC0..=0xFF => {
                let target = (usize::from(len & 0x3F) << 8) | usize::from(*buf.get(pos + 1)?);
                if after.is_none() {
                    after = Some(pos + 2);
                }
                jumps += 1;
                if target >= limit || jumps > 128 {
                    return None;
                }
                limit = target;
                pos = target;
            }
            _ => return None,
        }
    }
}

/// A piece of record data, for walking to the names inside it.
#[derive(Clone, Copy)]
enum Part {
    Fixed(usize),
    Name,
    /// A `<character-string>`: a length octet and that many octets.
    Str,
    /// Everything to the end.
    Rest,
}

use Part::*;

/// Where the names are in the types whose names may be compressed on the wire (RFC 3597 §4:
/// the RFC 1035 types, and RP, AFSDB, RT, SIG, PX, NXT, NAPTR, SRV that decoders should accept
/// compressed) and that RFC 4034 §6.2 lowercases in canonical form; DNAME and NSEC too, which
/// some servers compress although they should not.
fn layout(rtype: RType) -> Option<&'static [Part]> {
    Some(match rtype.0 {
        2 | 3 | 4 | 5 | 7 | 8 | 9 | 12 | 39 => &[Name],
        6 => &[Name, Name, Fixed(20)],
        14 | 17 => &[Name, Name],
        15 | 18 | 21 | 36 => &[Fixed(2), Name],
        26 => &[Fixed(2), Name, Name],
        33 => &[Fixed(6), Name],
        35 => &[Fixed(4), Str, Str, Str, Name],
        24 | 46 => &[Fixed(18), Name, Rest],
        30 | 47 => &[Name, Rest],
        _ => return None,
    })
}

fn decompress(buf: &[u8], start: usize, end: usize, parts: &[Part]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(end - start);
    let mut pos = start;
    for part in parts {
        match *part {
            Fixed(n) => {
                if pos + n > end {
                    return None;
                }
                out.extend_from_slice(&buf[pos..pos + n]);
                pos += n;
            }
            Str => {
                let n = *buf.get(pos)? as usize + 1;
                if pos + n > end {
                    return None;
                }
                out.extend_from_slice(&buf[pos..pos + n]);
                pos += n;
            }
            Name => {
                let (name, next) = read_name(&buf[..end], pos)?;
                out.extend_from_slice(&name);
                pos = next;
            }
            Rest => {
                out.extend_from_slice(&buf[pos..end]);
                pos = end;
            }
        }
    }
    (pos == end).then_some(out)
}

/// The data in RFC 4034 §6.2 canonical form: names inside the listed types lowercased. NSEC is
/// left alone, as RFC 6840 §5.1 corrects; data that does not parse as its type is compared as
/// it is.
pub fn canonical(rtype: RType, rdata: &[u8]) -> Cow<'_, [u8]> {
    let Some(parts) = layout(rtype).filter(|_| rtype.0 != 47) else {
        return Cow::Borrowed(rdata);
    };
    if !rdata.iter().any(u8::is_ascii_uppercase) {
        return Cow::Borrowed(rdata);
    }
    let mut out = rdata.to_vec();
    let mut pos = 0;
    for part in parts {
        match *part {
            Fixed(n) => pos += n,
            Str => match rdata.get(pos) {
                Some(&n) => pos += 1 + n as usize,
                None => return Cow::Borrowed(rdata),
            },
            Name => {
                let Some((name, _)) = rdata.get(pos..).and_then(NameRef::split_from) else {
                    return Cow::Borrowed(rdata);
                };
                let len = name.wire().len();
                out[pos..pos + len].make_ascii_lowercase();
                pos += len;
            }
            Rest => pos = rdata.len(),
        }
        if pos > rdata.len() {
            return Cow::Borrowed(rdata);
        }
    }
    Cow::Owned(out)
}

/// A query message: one question, class IN, RD clear, no EDNS (for zone transfers, which run
/// over TCP where the payload size does not apply).
pub fn query_message(id: u16, name: NameRef<'_>, rtype: RType) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + name.wire().len());
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    out.extend_from_slice(name.wire());
    out.extend_from_slice(&rtype.0.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> OwnedName {
        OwnedName::from_text(text).unwrap()
    }

    /// A response for `www.Example.com. MX` whose answer's owner and exchange are compressed.
    fn mx_response() -> Vec<u8> {
        let mut m = vec![0x12, 0x34, 0x84, 0x00, 0, 1, 0, 1, 0, 0, 0, 1];
        // question at offset 12
        m.extend_from_slice(b"\x03www\x07Example\x03com\x00");
        m.extend_from_slice(&[0, 15, 0, 1]);
        // answer: owner = pointer to 12
        m.extend_from_slice(&[0xC0, 12, 0, 15, 0, 1, 0, 0, 0x0E, 0x10]);
        // rdata: preference 10, exchange "MAIL" + pointer to "Example.com" (offset 16)
        let rdata = [&[0u8, 10][..], b"\x04MAIL", &[0xC0, 16]].concat();
        m.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        m.extend_from_slice(&rdata);
        // OPT in additional
        m.extend_from_slice(&[0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0]);
        m
    }

    #[test]
    fn decompresses_names_in_owner_and_data() {
        let m = parse_message(&mx_response()).unwrap();
        assert!(m.authoritative && !m.truncated);
        assert_eq!(m.rcode, rcode::NOERROR);
        assert_eq!(m.answers.len(), 1);
        assert!(m.additionals.is_empty(), "OPT is not a record");
        let r = &m.answers[0];
        assert_eq!(r.name.to_string(), "www.Example.com.");
        assert_eq!(r.rtype, RType::MX);
        assert_eq!(r.ttl, 3600);
        assert_eq!(r.rdata, b"\x00\x0a\x04MAIL\x07Example\x03com\x00");
        assert_eq!(
            &*canonical(RType::MX, &r.rdata),
            b"\x00\x0a\x04mail\x07example\x03com\x00"
        );
    }

    #[test]
    fn rejects_pointer_loops_and_truncation() {
        let mut m = mx_response();
        // Make the answer's owner pointer point at itself.
        let at = m.iter().position(|&b| b == 0xC0).unwrap();
        m[at + 1] = at as u8;
        assert!(parse_message(&m).is_none());
        let m = mx_response();
        for cut in 0..m.len() - 11 {
            assert!(parse_message(&m[..cut]).is_none(), "cut at {cut}");
        }
    }

    #[test]
    fn canonical_form_lowercases_only_names_of_listed_types() {
        let mut soa = name("NS1.Example.com.").into_wire();
        soa.extend(name("Host.Example.com.").into_wire());
        soa.extend([0; 20]);
        let c = canonical(RType::SOA, &soa);
        assert!(!c.iter().any(u8::is_ascii_uppercase));
        // TXT and CAA keep their case: their data is not names.
        assert_eq!(&*canonical(RType::TXT, b"\x03ABC"), b"\x03ABC");
        assert_eq!(
            &*canonical(RType::CAA, b"\x00\x05issueCA.Example"),
            b"\x00\x05issueCA.Example"
        );
        // NAPTR: the strings keep their case, the replacement is lowercased.
        let naptr = [
            &[0u8, 1, 0, 2][..],
            b"\x01U\x07E2U+sip\x00",
            &name("SIP.Example.").into_wire(),
        ]
        .concat();
        let c = canonical(RType(35), &naptr);
        assert_eq!(&c[..15], &naptr[..15]);
        assert_eq!(&c[15..], &name("sip.example.").into_wire()[..]);
        // Malformed data is compared as it is, not panicked on.
        assert_eq!(&*canonical(RType::MX, b"\x00"), b"\x00");
        assert_eq!(&*canonical(RType::SRV, b"AB"), b"AB");
    }

    #[test]
    fn query_messages_parse_back() {
        let q = query_message(0xBEEF, name("example.co.jp.").as_ref(), RType(252));
        let m = parse_message(&q).unwrap();
        assert_eq!(m.id, 0xBEEF);
        assert!(!m.authoritative && m.answers.is_empty());
        assert_eq!(&q[q.len() - 4..], &[0, 252, 0, 1]);
    }
}
