//! Record data from wire form back to zone-file text, by the same field lists that parse it.
//! Every string is escaped, so the output is safe for a terminal and parses back to the same
//! octets: that round trip is a property test.

use crate::zone::name::NameRef;
use crate::zone::rtype::{Field, RType, Special};
use std::fmt::Write;

/// The presentation text of `wire` as `rtype` data, or `None` when the octets are not valid
/// data of that type. Types without a text format come back in RFC 3597 generic form.
pub fn rdata_to_text(rtype: RType, wire: &[u8]) -> Option<String> {
    let Some(info) = rtype.info() else {
        return Some(generic(wire));
    };
    let mut out = Vec::<String>::new();
    let mut rest = wire;
    for field in info.fields {
        if !write_field(*field, rtype, &mut rest, &mut out)? {
            return Some(generic(wire));
        }
    }
    rest.is_empty().then(|| out.join(" "))
}

/// RFC 3597 §5 generic form: `\# 4 C0000201`.
pub fn generic(wire: &[u8]) -> String {
    if wire.is_empty() {
        "\\# 0".to_owned()
    } else {
        format!(
            "\\# {} {}",
            wire.len(),
            data_encoding::HEXUPPER.encode(wire)
        )
    }
}

/// The format of a type in words, for help texts: `MX` → `preference exchange`.
pub fn format_hint(rtype: RType) -> String {
    let Some(info) = rtype.info() else {
        return "\\# length hex".into();
    };
    let names: Vec<&str> = info
        .fields
        .iter()
        .map(|f| match f {
            Field::U8(n)
            | Field::U16(n)
            | Field::U32(n)
            | Field::Period(n)
            | Field::Name(n, _)
            | Field::Ipv4(n)
            | Field::Ipv6(n)
            | Field::Str(n)
            | Field::Time(n)
            | Field::TypeCode(n)
            | Field::Ilnp64(n)
            | Field::Text(n) => n,
            Field::StrOpt(_) => "[subaddress]",
            Field::Strs => "\"text\" [\"more text\"...]",
            Field::Base64 { name, .. } | Field::Hex { name, .. } => name,
            Field::Salt => "salt",
            Field::Base32Hex => "next-hashed-owner",
            Field::Bitmap => "types...",
            Field::Algorithm => "algorithm",
            Field::CertType => "certificate-type",
            Field::Eui48 | Field::Eui64 => "address",
            Field::CaaTag => "tag",
            Field::Special(Special::Loc) => {
                "d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W altitude[m] [size [hp [vp]]]"
            }
            Field::Special(Special::Wks) => "address protocol services...",
            Field::Special(Special::Apl) => "[!]afi:address/prefix...",
            Field::Special(Special::IpsecKey) => {
                "precedence gateway-type algorithm gateway [public-key]"
            }
            Field::Special(Special::Hip) => "algorithm hit public-key [rendezvous-servers...]",
            Field::Special(Special::AmtRelay) => "precedence D-bit type relay",
            Field::Special(Special::Nsap) => "0xhex",
            Field::Special(Special::Svcb) => "priority target [key=value...]",
            Field::Special(Special::GenericOnly) => "\\# length hex",
        })
        .collect();
    names.join(" ")
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if rest.len() < n {
        return None;
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Some(head)
}

fn take_name<'a>(rest: &mut &'a [u8]) -> Option<NameRef<'a>> {
    let (name, tail) = NameRef::split_from(rest)?;
    *rest = tail;
    Some(name)
}

/// A `<character-string>` in quotes: `"` and `\` escaped, everything outside printable ASCII as
/// `\DDD`.
pub fn quote(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('"');
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                s.push('\\');
                s.push(b as char);
            }
            0x20..=0x7E => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03}");
            }
        }
    }
    s.push('"');
    s
}

/// Writes one field; `Ok(false)` asks for generic output (a format with no text printer).
fn write_field(
    field: Field,
    rtype: RType,
    rest: &mut &[u8],
    out: &mut Vec<String>,
) -> Option<bool> {
    let u = |bytes: &[u8]| bytes.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
    match field {
        Field::U8(_) => out.push(u(take(rest, 1)?).to_string()),
        Field::U16(_) | Field::CertType => out.push(u(take(rest, 2)?).to_string()),
        Field::U32(_) | Field::Period(_) => out.push(u(take(rest, 4)?).to_string()),
        Field::Algorithm => out.push(u(take(rest, 1)?).to_string()),
        Field::Name(..) => out.push(take_name(rest)?.to_string()),
        Field::Ipv4(_) => out
            .push(std::net::Ipv4Addr::from(<[u8; 4]>::try_from(take(rest, 4)?).ok()?).to_string()),
        Field::Ipv6(_) => out.push(
            std::net::Ipv6Addr::from(<[u8; 16]>::try_from(take(rest, 16)?).ok()?).to_string(),
        ),
        Field::Str(_) => {
            let len = take(rest, 1)?[0] as usize;
            out.push(quote(take(rest, len)?));
        }
        Field::StrOpt(_) => {
            if !rest.is_empty() {
                let len = take(rest, 1)?[0] as usize;
                out.push(quote(take(rest, len)?));
            }
        }
        Field::Strs => {
            if rest.is_empty() {
                return None;
            }
            while !rest.is_empty() {
                let len = take(rest, 1)?[0] as usize;
                out.push(quote(take(rest, len)?));
            }
        }
        Field::Base64 { optional, .. } => {
            if rest.is_empty() {
                if optional {
                    if rtype.0 == 259 {
                        out.push("-".into());
                    }
                    return Some(true);
                }
                return None;
            }
            out.push(data_encoding::BASE64.encode(rest));
            *rest = &[];
        }
        Field::Hex { optional, .. } => {
            if rest.is_empty() && !optional {
                return None;
            }
            if !rest.is_empty() {
                out.push(data_encoding::HEXUPPER.encode(rest));
            }
            *rest = &[];
        }
        Field::Salt => {
            let len = take(rest, 1)?[0] as usize;
            let salt = take(rest, len)?;
            out.push(if salt.is_empty() {
                "-".into()
            } else {
                data_encoding::HEXUPPER.encode(salt)
            });
        }
        Field::Base32Hex => {
            let len = take(rest, 1)?[0] as usize;
            out.push(data_encoding::BASE32HEX_NOPAD.encode(take(rest, len)?));
        }
        Field::Bitmap => {
            let types = super::fields::read_bitmap(rest)?;
            *rest = &[];
            out.extend(types.into_iter().map(|t| RType(t).name().into_owned()));
        }
        Field::Time(_) => out.push(super::fields::format_sig_time(u(take(rest, 4)?) as u32)),
        Field::TypeCode(_) => out.push(RType(u(take(rest, 2)?) as u16).name().into_owned()),
        Field::Eui48 | Field::Eui64 => {
            let n = if field == Field::Eui48 { 6 } else { 8 };
            out.push(
                take(rest, n)?
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join("-"),
            );
        }
        Field::Ilnp64(_) => {
            let b = take(rest, 8)?;
            out.push(
                b.chunks(2)
                    .map(|c| format!("{:04x}", u16::from_be_bytes([c[0], c[1]])))
                    .collect::<Vec<_>>()
                    .join(":"),
            );
        }
        Field::Text(_) => {
            out.push(quote(rest));
            *rest = &[];
        }
        Field::CaaTag => {
            let len = take(rest, 1)?[0] as usize;
            let tag = take(rest, len)?;
            if tag.is_empty() || !tag.iter().all(u8::is_ascii_alphanumeric) {
                return None;
            }
            out.push(String::from_utf8(tag.to_vec()).ok()?);
        }
        Field::Special(Special::Loc) => {
            out.push(loc_to_text(take(rest, 16)?)?);
        }
        Field::Special(Special::Svcb) => {
            out.push(svcb_to_text(rest)?);
            *rest = &[];
        }
        Field::Special(Special::Apl) => {
            while !rest.is_empty() {
                let afi = u(take(rest, 2)?) as u16;
                let prefix = take(rest, 1)?[0];
                let nlen = take(rest, 1)?[0];
                let data = take(rest, (nlen & 0x7F) as usize)?;
                let neg = if nlen & 0x80 != 0 { "!" } else { "" };
                let addr = match afi {
                    1 if data.len() <= 4 => {
                        let mut b = [0u8; 4];
                        b[..data.len()].copy_from_slice(data);
                        std::net::Ipv4Addr::from(b).to_string()
                    }
                    2 if data.len() <= 16 => {
                        let mut b = [0u8; 16];
                        b[..data.len()].copy_from_slice(data);
                        std::net::Ipv6Addr::from(b).to_string()
                    }
                    _ => return None,
                };
                out.push(format!("{neg}{afi}:{addr}/{prefix}"));
            }
        }
        Field::Special(Special::Nsap) => {
            out.push(format!("0x{}", data_encoding::HEXUPPER.encode(rest)));
            *rest = &[];
        }
        Field::Special(
            Special::Wks
            | Special::IpsecKey
            | Special::Hip
            | Special::AmtRelay
            | Special::GenericOnly,
        ) => {
            return Some(false);
        }
    }
    Some(true)
}

fn loc_to_text(w: &[u8]) -> Option<String> {
    if w[0] != 0 {
        return None;
    }
    let u32_at = |i: usize| u32::from_be_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]);
    let angle = |raw: u32, pos: char, neg: char| {
        let base = 1i64 << 31;
        let v = i64::from(raw) - base;
        let hemi = if v < 0 { neg } else { pos };
        let v = v.unsigned_abs();
        let (deg, rem) = (v / 3_600_000, v % 3_600_000);
        let (min, rem) = (rem / 60_000, rem % 60_000);
        format!("{deg} {min} {}.{:03} {hemi}", rem / 1000, rem % 1000)
    };
    let precision = |b: u8| -> Option<String> {
        let (m, e) = (u64::from(b >> 4), u32::from(b & 0xF));
        if m > 9 || e > 9 {
            return None;
        }
        let cm = m * 10u64.pow(e);
        Some(format!("{}.{:02}m", cm / 100, cm % 100))
    };
    let alt = i64::from(u32_at(12)) - 10_000_000;
    let sign = if alt < 0 { "-" } else { "" };
    Some(format!(
        "{} {} {sign}{}.{:02}m {} {} {}",
        angle(u32_at(4), 'N', 'S'),
        angle(u32_at(8), 'E', 'W'),
        alt.unsigned_abs() / 100,
        alt.unsigned_abs() % 100,
        precision(w[1])?,
        precision(w[2])?,
        precision(w[3])?
    ))
}

/// SVCB/HTTPS in the RFC 9460 presentation format (hickory's `Display` writes trailing commas
/// that no parser reads back).
fn svcb_to_text(wire: &[u8]) -> Option<String> {
    let mut rest = wire;
    let priority = u16::from_be_bytes(take(&mut rest, 2)?.try_into().ok()?);
    let target = take_name(&mut rest)?;
    let mut out = format!("{priority} {target}");
    let mut last_key = None;
    while !rest.is_empty() {
        let key = u16::from_be_bytes(take(&mut rest, 2)?.try_into().ok()?);
        let len = u16::from_be_bytes(take(&mut rest, 2)?.try_into().ok()?) as usize;
        let value = take(&mut rest, len)?;
        if last_key.is_some_and(|k| k >= key) {
            return None;
        }
        last_key = Some(key);
        out.push(' ');
        let u16s = |v: &[u8]| -> Option<Vec<u16>> {
            v.len().is_multiple_of(2).then(|| {
                v.chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect()
            })
        };
        match key {
            0 => {
                let keys = u16s(value)?;
                out.push_str("mandatory=");
                out.push_str(
                    &keys
                        .iter()
                        .map(|&k| svc_key_name(k))
                        .collect::<Vec<_>>()
                        .join(","),
                );
            }
            1 => {
                let mut ids = Vec::new();
                let mut v = value;
                while !v.is_empty() {
                    let l = take(&mut v, 1)?[0] as usize;
                    let id = take(&mut v, l)?;
                    let mut s = String::new();
                    for &b in id {
                        match b {
                            b',' => s.push_str("\\\\,"),
                            b'\\' => s.push_str("\\\\\\\\"),
                            b'"' => s.push_str("\\\""),
                            0x21..=0x7E => s.push(b as char),
                            _ => {
                                let _ = write!(s, "\\{b:03}");
                            }
                        }
                    }
                    ids.push(s);
                }
                let _ = write!(out, "alpn=\"{}\"", ids.join(","));
            }
            2 if value.is_empty() => out.push_str("no-default-alpn"),
            3 if value.len() == 2 => {
                let _ = write!(out, "port={}", u16::from_be_bytes([value[0], value[1]]));
            }
            4 if !value.is_empty() && value.len() % 4 == 0 => {
                let addrs: Vec<String> = value
                    .chunks(4)
                    .map(|c| std::net::Ipv4Addr::new(c[0], c[1], c[2], c[3]).to_string())
                    .collect();
                let _ = write!(out, "ipv4hint={}", addrs.join(","));
            }
            5 => {
                let _ = write!(out, "ech={}", data_encoding::BASE64.encode(value));
            }
            6 if !value.is_empty() && value.len() % 16 == 0 => {
                let addrs: Vec<String> = value
                    .chunks(16)
                    .map(|c| {
                        std::net::Ipv6Addr::from(<[u8; 16]>::try_from(c).expect("16 octets"))
                            .to_string()
                    })
                    .collect();
                let _ = write!(out, "ipv6hint={}", addrs.join(","));
            }
            2..=6 => return None,
            _ => {
                let _ = write!(out, "key{key}={}", quote(value));
            }
        }
    }
    Some(out)
}

fn svc_key_name(key: u16) -> String {
    match key {
        0 => "mandatory".into(),
        1 => "alpn".into(),
        2 => "no-default-alpn".into(),
        3 => "port".into(),
        4 => "ipv4hint".into(),
        5 => "ech".into(),
        6 => "ipv6hint".into(),
        k => format!("key{k}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_is_safe_and_reversible() {
        assert_eq!(quote(b"v=spf1 -all"), "\"v=spf1 -all\"");
        assert_eq!(quote(b"a\"b\\c\x1b\xff"), "\"a\\\"b\\\\c\\027\\255\"");
    }

    #[test]
    fn generic_form() {
        assert_eq!(generic(&[192, 0, 2, 1]), "\\# 4 C0000201");
        assert_eq!(generic(&[]), "\\# 0");
    }
}
