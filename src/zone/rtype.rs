//! Record types: mnemonic, code, and the presentation format of their data as a list of fields.
//!
//! One table drives both directions: [`crate::zone::rdata::parse`] reads fields from tokens
//! into wire form, and [`crate::zone::rdata::present`] writes wire form back as text. A type not
//! in the table is still accepted as `TYPEnnn` with RFC 3597 generic data.

use std::fmt;

/// A record type code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RType(pub u16);

#[allow(dead_code)]
impl RType {
    pub const A: RType = RType(1);
    pub const NS: RType = RType(2);
    pub const CNAME: RType = RType(5);
    pub const SOA: RType = RType(6);
    pub const PTR: RType = RType(12);
    pub const HINFO: RType = RType(13);
    pub const MX: RType = RType(15);
    pub const TXT: RType = RType(16);
    pub const AAAA: RType = RType(28);
    pub const LOC: RType = RType(29);
    pub const SRV: RType = RType(33);
    pub const NAPTR: RType = RType(35);
    pub const DNAME: RType = RType(39);
    pub const DS: RType = RType(43);
    pub const SSHFP: RType = RType(44);
    pub const RRSIG: RType = RType(46);
    pub const NSEC: RType = RType(47);
    pub const DNSKEY: RType = RType(48);
    pub const NSEC3: RType = RType(50);
    pub const NSEC3PARAM: RType = RType(51);
    pub const TLSA: RType = RType(52);
    pub const CDS: RType = RType(59);
    pub const CDNSKEY: RType = RType(60);
    pub const ZONEMD: RType = RType(63);
    pub const SVCB: RType = RType(64);
    pub const HTTPS: RType = RType(65);
    pub const SPF: RType = RType(99);
    pub const URI: RType = RType(256);
    pub const CAA: RType = RType(257);

    pub fn info(self) -> Option<&'static TypeInfo> {
        // This runs for every record read, twice: the types of nearly every record are found
        // by index, the rest by a search of the table, which is in code order (a test checks it).
        if let Some(&at) = BY_CODE.get(usize::from(self.0)) {
            return at.checked_sub(1).map(|at| &TYPES[usize::from(at)]);
        }
        TYPES
            .binary_search_by_key(&self.0, |t| t.code)
            .ok()
            .map(|at| &TYPES[at])
    }

    /// The mnemonic, or `TYPEnnn` (RFC 3597 §5) for a type without one.
    pub fn name(self) -> std::borrow::Cow<'static, str> {
        match self.info() {
            Some(info) => std::borrow::Cow::Borrowed(info.name),
            None => std::borrow::Cow::Owned(format!("TYPE{}", self.0)),
        }
    }

    /// Looks up a mnemonic (any case) or `TYPEnnn`.
    pub fn from_name(text: &str) -> Option<RType> {
        if let Some(rtype) = RType::common(text) {
            return Some(rtype);
        }
        if let Some(info) = TYPES.iter().find(|t| t.name.eq_ignore_ascii_case(text)) {
            return Some(RType(info.code));
        }
        let digits = text
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("TYPE"))
            .map(|_| &text[4..])?;
        (!digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
            || digits == "0")
            .then(|| digits.parse::<u16>().ok().map(RType))
            .flatten()
    }

    /// One of the types nearly every zone line holds (A, NS, CNAME, SOA, PTR, MX, TXT, AAAA,
    /// SRV, CAA), from its mnemonic in any case; `None` for every other text. None of them is
    /// a meta type.
    pub fn common(text: &str) -> Option<RType> {
        common_type(text.as_bytes()).map(RType)
    }

    pub fn to_hickory(self) -> hickory_proto::rr::RecordType {
        hickory_proto::rr::RecordType::from(self.0)
    }

    /// Types whose data is DNSSEC material that a new host must generate itself.
    pub fn is_dnssec(self) -> bool {
        matches!(
            self.0,
            24 | 25 | 43 | 46 | 47 | 48 | 50 | 51 | 59 | 60 | 32769
        )
    }
}

/// The code of one of the types nearly every zone line holds, from its mnemonic in any case:
/// a zone of a million lines should not walk the whole table for each of them.
fn common_type(name: &[u8]) -> Option<u16> {
    const A: u64 = type_key(b"A");
    const NS: u64 = type_key(b"NS");
    const CNAME: u64 = type_key(b"CNAME");
    const SOA: u64 = type_key(b"SOA");
    const PTR: u64 = type_key(b"PTR");
    const MX: u64 = type_key(b"MX");
    const TXT: u64 = type_key(b"TXT");
    const AAAA: u64 = type_key(b"AAAA");
    const SRV: u64 = type_key(b"SRV");
    const CAA: u64 = type_key(b"CAA");
    if name.is_empty() || name.len() > 5 {
        return None;
    }
    Some(match type_key(name) {
        A => 1,
        NS => 2,
        CNAME => 5,
        SOA => 6,
        PTR => 12,
        MX => 15,
        TXT => 16,
        AAAA => 28,
        SRV => 33,
        CAA => 257,
        _ => return None,
    })
}

/// Up to five octets and their count in one word, each with bit 5 cleared, so that a letter
/// and its lower case give the same key. Only letters become letters that way, so a key
/// made of capital letters matches that name in any case and nothing else.
const fn type_key(name: &[u8]) -> u64 {
    let mut key = name.len() as u64;
    let mut at = 0;
    while at < name.len() {
        key = key << 8 | (name[at] & !0x20) as u64;
        at += 1;
    }
    key
}

impl fmt::Display for RType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl fmt::Debug for RType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RType({self})")
    }
}

/// What a name field must be, for the host-name rules (RFC 1123 §2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRole {
    /// A host name: letters, digits and hyphens (NS, MX, SRV targets, SOA MNAME).
    Host,
    /// A mailbox written as a name (SOA RNAME, RP mbox): the first label may hold anything.
    Mailbox,
    /// Any domain name.
    Any,
}

/// One field of a record's presentation format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    U8(&'static str),
    U16(&'static str),
    U32(&'static str),
    /// Seconds, with BIND's unit suffixes allowed (`1h30m`): the SOA timers.
    Period(&'static str),
    Name(&'static str, NameRole),
    Ipv4(&'static str),
    Ipv6(&'static str),
    /// One `<character-string>` of at most 255 octets, with its length octet.
    Str(&'static str),
    /// An optional trailing `<character-string>`.
    StrOpt(&'static str),
    /// One or more `<character-string>`s, to the end.
    Strs,
    /// Base64 to the end (tokens concatenated); `-` or nothing allowed when optional.
    Base64 {
        name: &'static str,
        optional: bool,
    },
    /// Hex to the end (tokens concatenated).
    Hex {
        name: &'static str,
        optional: bool,
    },
    /// NSEC3 salt: `-` or hex, with a length octet.
    Salt,
    /// NSEC3 next hashed owner: base32hex, with a length octet.
    Base32Hex,
    /// A type bitmap to the end (RFC 4034 §4.1.2).
    Bitmap,
    /// A signature time: `YYYYMMDDHHmmSS` or seconds since the epoch (RFC 4034 §3.2).
    Time(&'static str),
    /// A type mnemonic stored as its code.
    TypeCode(&'static str),
    /// A DNSSEC algorithm number or mnemonic (RFC 4034 Appendix A.1).
    Algorithm,
    /// A CERT type number or mnemonic (RFC 4398 §2.1).
    CertType,
    Eui48,
    Eui64,
    /// Four groups of hex, `0014:4fff:ff20:ee64` (RFC 6742).
    Ilnp64(&'static str),
    /// Octets to the end of the data without a length octet: URI targets, CAA values.
    Text(&'static str),
    /// A CAA property tag: letters and digits (RFC 8659 §4.1).
    CaaTag,
    /// A format too irregular for fields.
    Special(Special),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Loc,
    Wks,
    Apl,
    IpsecKey,
    Hip,
    AmtRelay,
    Nsap,
    /// SVCB and HTTPS, parsed by hickory (RFC 9460).
    Svcb,
    /// No presentation format exists: only RFC 3597 generic data.
    GenericOnly,
}

/// One record type.
#[derive(Debug)]
pub struct TypeInfo {
    pub code: u16,
    pub name: &'static str,
    pub fields: &'static [Field],
    /// Obsolete or experimental: a warning at intake.
    pub obsolete: bool,
    /// A query or transfer type, never zone data.
    pub meta: bool,
    pub rfc: &'static str,
}

use Field::*;
use NameRole::*;

const fn t(code: u16, name: &'static str, fields: &'static [Field], rfc: &'static str) -> TypeInfo {
    TypeInfo {
        code,
        name,
        fields,
        obsolete: false,
        meta: false,
        rfc,
    }
}
const fn old(
    code: u16,
    name: &'static str,
    fields: &'static [Field],
    rfc: &'static str,
) -> TypeInfo {
    TypeInfo {
        code,
        name,
        fields,
        obsolete: true,
        meta: false,
        rfc,
    }
}
const fn meta(code: u16, name: &'static str, rfc: &'static str) -> TypeInfo {
    TypeInfo {
        code,
        name,
        fields: &[],
        obsolete: false,
        meta: true,
        rfc,
    }
}

const DS_FIELDS: &[Field] = &[
    U16("key tag"),
    Algorithm,
    U8("digest type"),
    Hex {
        name: "digest",
        optional: false,
    },
];
const KEY_FIELDS: &[Field] = &[
    U16("flags"),
    U8("protocol"),
    Algorithm,
    Base64 {
        name: "public key",
        optional: false,
    },
];
const SIG_FIELDS: &[Field] = &[
    TypeCode("type covered"),
    Algorithm,
    U8("labels"),
    U32("original TTL"),
    Time("expiration"),
    Time("inception"),
    U16("key tag"),
    Name("signer", Any),
    Base64 {
        name: "signature",
        optional: false,
    },
];
const TLSA_FIELDS: &[Field] = &[
    U8("usage"),
    U8("selector"),
    U8("matching type"),
    Hex {
        name: "certificate data",
        optional: false,
    },
];

/// For each type code up to CAA's, one more than its place in [`TYPES`], or zero for none.
static BY_CODE: [u8; 258] = {
    let mut index = [0u8; 258];
    let mut at = 0;
    while at < TYPES.len() {
        let code = TYPES[at].code as usize;
        if code < index.len() {
            index[code] = at as u8 + 1;
        }
        at += 1;
    }
    index
};

/// Every type with a mnemonic in the IANA registry, in code order.
pub static TYPES: &[TypeInfo] = &[
    t(1, "A", &[Ipv4("address")], "RFC 1035"),
    t(2, "NS", &[Name("nameserver", Host)], "RFC 1035"),
    old(3, "MD", &[Name("madname", Host)], "RFC 1035"),
    old(4, "MF", &[Name("madname", Host)], "RFC 1035"),
    t(5, "CNAME", &[Name("canonical name", Any)], "RFC 1035"),
    t(
        6,
        "SOA",
        &[
            Name("primary server", Host),
            Name("responsible mailbox", Mailbox),
            U32("serial"),
            Period("refresh"),
            Period("retry"),
            Period("expire"),
            Period("minimum"),
        ],
        "RFC 1035",
    ),
    old(7, "MB", &[Name("madname", Host)], "RFC 1035"),
    old(8, "MG", &[Name("mgmname", Mailbox)], "RFC 1035"),
    old(9, "MR", &[Name("newname", Mailbox)], "RFC 1035"),
    old(10, "NULL", &[Special(Special::GenericOnly)], "RFC 1035"),
    old(11, "WKS", &[Special(Special::Wks)], "RFC 1035"),
    t(12, "PTR", &[Name("pointer", Any)], "RFC 1035"),
    t(13, "HINFO", &[Str("cpu"), Str("os")], "RFC 1035"),
    old(
        14,
        "MINFO",
        &[Name("rmailbx", Mailbox), Name("emailbx", Mailbox)],
        "RFC 1035",
    ),
    t(
        15,
        "MX",
        &[U16("preference"), Name("exchange", Host)],
        "RFC 1035",
    ),
    t(16, "TXT", &[Strs], "RFC 1035"),
    t(
        17,
        "RP",
        &[Name("mailbox", Mailbox), Name("text name", Any)],
        "RFC 1183",
    ),
    t(
        18,
        "AFSDB",
        &[U16("subtype"), Name("hostname", Host)],
        "RFC 1183",
    ),
    old(19, "X25", &[Str("PSDN address")], "RFC 1183"),
    old(
        20,
        "ISDN",
        &[Str("ISDN address"), StrOpt("subaddress")],
        "RFC 1183",
    ),
    old(
        21,
        "RT",
        &[U16("preference"), Name("intermediate host", Host)],
        "RFC 1183",
    ),
    old(22, "NSAP", &[Special(Special::Nsap)], "RFC 1706"),
    old(23, "NSAP-PTR", &[Name("pointer", Any)], "RFC 1706"),
    old(24, "SIG", SIG_FIELDS, "RFC 2535"),
    old(25, "KEY", KEY_FIELDS, "RFC 2535"),
    old(
        26,
        "PX",
        &[U16("preference"), Name("map822", Any), Name("mapx400", Any)],
        "RFC 2163",
    ),
    old(
        27,
        "GPOS",
        &[Str("longitude"), Str("latitude"), Str("altitude")],
        "RFC 1712",
    ),
    t(28, "AAAA", &[Ipv6("address")], "RFC 3596"),
    t(29, "LOC", &[Special(Special::Loc)], "RFC 1876"),
    old(30, "NXT", &[Special(Special::GenericOnly)], "RFC 2535"),
    old(
        31,
        "EID",
        &[Hex {
            name: "endpoint identifier",
            optional: false,
        }],
        "draft-ietf-nimrod-dns",
    ),
    old(
        32,
        "NIMLOC",
        &[Hex {
            name: "locator",
            optional: false,
        }],
        "draft-ietf-nimrod-dns",
    ),
    t(
        33,
        "SRV",
        &[
            U16("priority"),
            U16("weight"),
            U16("port"),
            Name("target", Host),
        ],
        "RFC 2782",
    ),
    old(
        34,
        "ATMA",
        &[Hex {
            name: "ATM address",
            optional: false,
        }],
        "ATM Forum af-dans-0152.000",
    ),
    t(
        35,
        "NAPTR",
        &[
            U16("order"),
            U16("preference"),
            Str("flags"),
            Str("services"),
            Str("regexp"),
            Name("replacement", Any),
        ],
        "RFC 3403",
    ),
    t(
        36,
        "KX",
        &[U16("preference"), Name("exchanger", Host)],
        "RFC 2230",
    ),
    t(
        37,
        "CERT",
        &[
            CertType,
            U16("key tag"),
            Algorithm,
            Base64 {
                name: "certificate",
                optional: false,
            },
        ],
        "RFC 4398",
    ),
    old(38, "A6", &[Special(Special::GenericOnly)], "RFC 6563"),
    t(39, "DNAME", &[Name("target", Any)], "RFC 6672"),
    old(
        40,
        "SINK",
        &[Special(Special::GenericOnly)],
        "draft-eastlake-kitchen-sink",
    ),
    meta(41, "OPT", "RFC 6891"),
    t(42, "APL", &[Special(Special::Apl)], "RFC 3123"),
    t(43, "DS", DS_FIELDS, "RFC 4034"),
    t(
        44,
        "SSHFP",
        &[
            U8("algorithm"),
            U8("fingerprint type"),
            Hex {
                name: "fingerprint",
                optional: false,
            },
        ],
        "RFC 4255",
    ),
    t(45, "IPSECKEY", &[Special(Special::IpsecKey)], "RFC 4025"),
    t(46, "RRSIG", SIG_FIELDS, "RFC 4034"),
    t(
        47,
        "NSEC",
        &[Name("next domain name", Any), Bitmap],
        "RFC 4034",
    ),
    t(48, "DNSKEY", KEY_FIELDS, "RFC 4034"),
    t(
        49,
        "DHCID",
        &[Base64 {
            name: "digest",
            optional: false,
        }],
        "RFC 4701",
    ),
    t(
        50,
        "NSEC3",
        &[
            U8("hash algorithm"),
            U8("flags"),
            U16("iterations"),
            Salt,
            Base32Hex,
            Bitmap,
        ],
        "RFC 5155",
    ),
    t(
        51,
        "NSEC3PARAM",
        &[U8("hash algorithm"), U8("flags"), U16("iterations"), Salt],
        "RFC 5155",
    ),
    t(52, "TLSA", TLSA_FIELDS, "RFC 6698"),
    t(53, "SMIMEA", TLSA_FIELDS, "RFC 8162"),
    t(55, "HIP", &[Special(Special::Hip)], "RFC 8005"),
    old(56, "NINFO", &[Strs], "IANA"),
    old(57, "RKEY", KEY_FIELDS, "IANA"),
    old(
        58,
        "TALINK",
        &[Name("previous", Any), Name("next", Any)],
        "IANA",
    ),
    t(59, "CDS", DS_FIELDS, "RFC 7344"),
    t(60, "CDNSKEY", KEY_FIELDS, "RFC 7344"),
    t(
        61,
        "OPENPGPKEY",
        &[Base64 {
            name: "public key",
            optional: false,
        }],
        "RFC 7929",
    ),
    t(
        62,
        "CSYNC",
        &[U32("SOA serial"), U16("flags"), Bitmap],
        "RFC 7477",
    ),
    t(
        63,
        "ZONEMD",
        &[
            U32("serial"),
            U8("scheme"),
            U8("hash algorithm"),
            Hex {
                name: "digest",
                optional: false,
            },
        ],
        "RFC 8976",
    ),
    t(64, "SVCB", &[Special(Special::Svcb)], "RFC 9460"),
    t(65, "HTTPS", &[Special(Special::Svcb)], "RFC 9460"),
    t(
        66,
        "DSYNC",
        &[
            TypeCode("type"),
            U8("scheme"),
            U16("port"),
            Name("target", Host),
        ],
        "RFC 9859",
    ),
    old(99, "SPF", &[Strs], "RFC 7208"),
    t(
        104,
        "NID",
        &[U16("preference"), Ilnp64("node id")],
        "RFC 6742",
    ),
    t(
        105,
        "L32",
        &[U16("preference"), Ipv4("locator")],
        "RFC 6742",
    ),
    t(
        106,
        "L64",
        &[U16("preference"), Ilnp64("locator")],
        "RFC 6742",
    ),
    t(
        107,
        "LP",
        &[U16("preference"), Name("pointer", Any)],
        "RFC 6742",
    ),
    t(108, "EUI48", &[Eui48], "RFC 7043"),
    t(109, "EUI64", &[Eui64], "RFC 7043"),
    meta(249, "TKEY", "RFC 2930"),
    meta(250, "TSIG", "RFC 8945"),
    meta(251, "IXFR", "RFC 1995"),
    meta(252, "AXFR", "RFC 5936"),
    meta(253, "MAILB", "RFC 1035"),
    meta(254, "MAILA", "RFC 1035"),
    meta(255, "ANY", "RFC 8482"),
    t(
        256,
        "URI",
        &[U16("priority"), U16("weight"), Text("target")],
        "RFC 7553",
    ),
    t(
        257,
        "CAA",
        &[U8("flags"), CaaTag, Text("value")],
        "RFC 8659",
    ),
    t(258, "AVC", &[Strs], "IANA"),
    t(
        259,
        "DOA",
        &[
            U32("enterprise"),
            U32("type"),
            U8("location"),
            Str("media type"),
            Base64 {
                name: "data",
                optional: true,
            },
        ],
        "draft-durand-doa-over-dns",
    ),
    t(260, "AMTRELAY", &[Special(Special::AmtRelay)], "RFC 8777"),
    t(261, "RESINFO", &[Strs], "RFC 9606"),
    t(262, "WALLET", &[Strs], "IANA"),
    t(32768, "TA", DS_FIELDS, "IANA"),
    old(32769, "DLV", DS_FIELDS, "RFC 8749"),
];

/// DNSSEC algorithm mnemonics (RFC 4034 Appendix A.1, IANA registry).
pub static ALGORITHMS: &[(&str, u8)] = &[
    ("RSAMD5", 1),
    ("DH", 2),
    ("DSA", 3),
    ("RSASHA1", 5),
    ("DSA-NSEC3-SHA1", 6),
    ("RSASHA1-NSEC3-SHA1", 7),
    ("RSASHA256", 8),
    ("RSASHA512", 10),
    ("ECC-GOST", 12),
    ("ECDSAP256SHA256", 13),
    ("ECDSAP384SHA384", 14),
    ("ED25519", 15),
    ("ED448", 16),
    ("INDIRECT", 252),
    ("PRIVATEDNS", 253),
    ("PRIVATEOID", 254),
];

/// CERT type mnemonics (RFC 4398 §2.1).
pub static CERT_TYPES: &[(&str, u16)] = &[
    ("PKIX", 1),
    ("SPKI", 2),
    ("PGP", 3),
    ("IPKIX", 4),
    ("ISPKI", 5),
    ("IPGP", 6),
    ("ACPKIX", 7),
    ("IACPKIX", 8),
    ("URI", 253),
    ("OID", 254),
];

/// Mnemonics a customer might type as a record type, for "did you mean" suggestions.
pub fn known_names() -> impl Iterator<Item = &'static str> {
    TYPES.iter().filter(|t| !t.meta).map(|t| t.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(RType::from_name("aaaa"), Some(RType::AAAA));
        assert_eq!(RType::from_name("TYPE65280"), Some(RType(65280)));
        assert_eq!(RType::from_name("type1"), Some(RType::A));
        assert_eq!(RType::from_name("TYPE"), None);
        assert_eq!(RType::from_name("TYPE70000"), None);
        assert_eq!(RType::from_name("TYPE01"), None);
        assert_eq!(RType(65280).name(), "TYPE65280");
        assert_eq!(RType::CAA.name(), "CAA");
    }

    #[test]
    fn common_types_agree_with_the_table() {
        for name in [
            "A", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "AAAA", "SRV", "CAA",
        ] {
            let code = common_type(name.as_bytes()).expect(name);
            let info = TYPES.iter().find(|t| t.name == name).expect(name);
            assert_eq!(code, info.code, "{name}");
            assert!(!info.meta, "{name}");
            let lower = name.to_ascii_lowercase();
            assert_eq!(RType::from_name(&lower), Some(RType(code)), "{lower}");
        }
        let mut others: Vec<String> = ["", "AA", "CNAMES", "TXT ", "SPF", "NSEC", "caa1", "ÄA"]
            .map(String::from)
            .to_vec();
        // Every one- and two-octet word, and each common name with one octet changed to any
        // other: only the letter's other case may match.
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                others.push(String::from_utf8_lossy(&[a, b]).into_owned());
            }
            for name in ["A", "NS", "CNAME", "SOA", "TXT", "AAAA", "CAA"] {
                for at in 0..name.len() {
                    let mut bytes = name.as_bytes().to_vec();
                    bytes[at] = a;
                    others.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        for other in &others {
            let other = other.as_str();
            assert_eq!(
                RType::from_name(other),
                TYPES
                    .iter()
                    .find(|t| t.name.eq_ignore_ascii_case(other))
                    .map(|t| RType(t.code)),
                "{other}"
            );
        }
        for info in TYPES {
            assert_eq!(RType(info.code).info().map(|i| i.name), Some(info.name));
        }
        assert!(RType(65280).info().is_none());
    }

    #[test]
    fn the_index_finds_what_a_search_finds() {
        assert!(TYPES.len() < usize::from(u8::MAX));
        for code in 0..=u16::MAX {
            let searched = TYPES.iter().find(|t| t.code == code);
            assert_eq!(
                RType(code).info().map(|t| t.code),
                searched.map(|t| t.code),
                "{code}"
            );
        }
    }

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in TYPES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    #[test]
    fn every_hickory_type_with_text_format_is_known() {
        for code in [
            1u16, 2, 5, 6, 12, 13, 15, 16, 28, 33, 35, 37, 44, 52, 53, 61, 62, 64, 65, 257,
        ] {
            assert!(RType(code).info().is_some(), "type {code}");
        }
    }
}
