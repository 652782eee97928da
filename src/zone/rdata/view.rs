//! Typed, zero-copy views of wire record data, for the rules.

use crate::zone::name::NameRef;
use crate::zone::rtype::RType;
use std::net::{Ipv4Addr, Ipv6Addr};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Soa<'a> {
    pub mname: NameRef<'a>,
    pub rname: NameRef<'a>,
    pub serial: u32,
    pub refresh: u32,
    pub retry: u32,
    pub expire: u32,
    pub minimum: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mx<'a> {
    pub preference: u16,
    pub exchange: NameRef<'a>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Srv<'a> {
    pub priority: u16,
    pub weight: u16,
    pub port: u16,
    pub target: NameRef<'a>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caa<'a> {
    pub flags: u8,
    pub tag: &'a [u8],
    pub value: &'a [u8],
}

fn u16_at(w: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*w.get(i)?, *w.get(i + 1)?]))
}

fn u32_at(w: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes(w.get(i..i + 4)?.try_into().ok()?))
}

pub fn a(w: &[u8]) -> Option<Ipv4Addr> {
    Some(Ipv4Addr::from(<[u8; 4]>::try_from(w).ok()?))
}

pub fn aaaa(w: &[u8]) -> Option<Ipv6Addr> {
    Some(Ipv6Addr::from(<[u8; 16]>::try_from(w).ok()?))
}

pub fn soa(w: &[u8]) -> Option<Soa<'_>> {
    let (mname, rest) = NameRef::split_from(w)?;
    let (rname, rest) = NameRef::split_from(rest)?;
    if rest.len() != 20 {
        return None;
    }
    Some(Soa {
        mname,
        rname,
        serial: u32_at(rest, 0)?,
        refresh: u32_at(rest, 4)?,
        retry: u32_at(rest, 8)?,
        expire: u32_at(rest, 12)?,
        minimum: u32_at(rest, 16)?,
    })
}

pub fn mx(w: &[u8]) -> Option<Mx<'_>> {
    Some(Mx {
        preference: u16_at(w, 0)?,
        exchange: NameRef::from_wire(w.get(2..)?)?,
    })
}

pub fn srv(w: &[u8]) -> Option<Srv<'_>> {
    Some(Srv {
        priority: u16_at(w, 0)?,
        weight: u16_at(w, 2)?,
        port: u16_at(w, 4)?,
        target: NameRef::from_wire(w.get(6..)?)?,
    })
}

pub fn caa(w: &[u8]) -> Option<Caa<'_>> {
    let flags = *w.first()?;
    let len = *w.get(1)? as usize;
    let tag = w.get(2..2 + len)?;
    Some(Caa {
        flags,
        tag,
        value: &w[2 + len..],
    })
}

/// The `<character-string>`s of TXT-like data.
pub fn strings(mut w: &[u8]) -> Option<Vec<&[u8]>> {
    let mut out = Vec::new();
    while let Some((&len, rest)) = w.split_first() {
        out.push(rest.get(..len as usize)?);
        w = &rest[len as usize..];
    }
    Some(out)
}

/// TXT data as the application sees it: the strings joined (RFC 7208 §3.3).
pub fn joined_text(w: &[u8]) -> Option<Vec<u8>> {
    Some(strings(w)?.concat())
}

/// The one name a record points at, for the types whose data is a name (CNAME, NS, PTR, DNAME)
/// or ends with one that other records must resolve (MX, SRV, KX, AFSDB).
pub fn target(rtype: RType, w: &[u8]) -> Option<NameRef<'_>> {
    match rtype.0 {
        2 | 5 | 12 | 39 => NameRef::from_wire(w),
        15 | 18 | 21 | 36 => NameRef::from_wire(w.get(2..)?),
        33 => NameRef::from_wire(w.get(6..)?),
        _ => None,
    }
}

/// hickory's typed form of the data, for code that speaks hickory (the live checks).
pub fn to_hickory(rtype: RType, w: &[u8]) -> Option<hickory_proto::rr::RData> {
    use hickory_proto::serialize::binary::{BinDecoder, Restrict};
    let mut decoder = BinDecoder::new(w);
    let rdata = hickory_proto::rr::RData::read(
        &mut decoder,
        rtype.to_hickory(),
        Restrict::new(u16::try_from(w.len()).ok()?),
    )
    .ok()?;
    decoder.is_empty().then_some(rdata)
}

/// Appends hickory data in uncompressed wire form, names keeping their case.
pub fn emit_hickory(
    rdata: &hickory_proto::rr::RData,
    out: &mut Vec<u8>,
) -> Result<(), hickory_proto::ProtoError> {
    use hickory_proto::serialize::binary::{BinEncodable, BinEncoder, NameEncoding};
    let mut buf = Vec::new();
    {
        let mut encoder = BinEncoder::new(&mut buf);
        encoder.set_name_encoding(NameEncoding::Uncompressed);
        rdata.emit(&mut encoder)?;
    }
    out.extend_from_slice(&buf);
    Ok(())
}
