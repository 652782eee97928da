//! Properties:
//! - `fmt` round trip: parsing `zonegate fmt`'s output gives the same records as the original;
//! - agreement with hickory: for every type hickory's text parser reads, zonegate's parser
//!   produces the same wire data on inputs without escapes (where hickory-dns#3955 cannot bite).

use proptest::prelude::*;
use zonegate::check::{CheckOptions, check_bytes};
use zonegate::source::Sources;
use zonegate::zone::{
    NoIncludes, OwnedName, ParseOptions, Zone, fmt::canonical_order, name::label_to_text,
    rdata::present::quote,
};

fn parse(text: &str) -> (Zone, Vec<String>) {
    let options = CheckOptions {
        parse: ParseOptions {
            origin: Some(OwnedName::from_text("example.jp.").unwrap()),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut sources = Sources::default();
    let report = check_bytes(
        &mut sources,
        "prop.zone",
        text.as_bytes(),
        false,
        &options,
        &mut NoIncludes,
    );
    let syntax: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.phase != zonegate::rules::Phase::Zone)
        .map(|d| format!("{}: {}", d.rule.code, d.message))
        .collect();
    (report.zone.unwrap(), syntax)
}

/// A record as a comparable tuple: lowercase owner, type, class, TTL, data.
type Row = (Vec<u8>, u16, u16, u32, Vec<u8>);

fn record_set(zone: &Zone) -> Vec<Row> {
    let mut set: Vec<_> = canonical_order(zone)
        .into_iter()
        .map(|r| {
            (
                zone.owner(r).to_lowercase().into_wire(),
                r.rtype.0,
                r.class,
                r.ttl,
                zone.rdata(r).to_vec(),
            )
        })
        .collect();
    set.sort();
    set
}

fn fmt(zone: &Zone) -> String {
    let mut out = Vec::new();
    zonegate::zone::fmt::write_zone(zone, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn label() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => "[a-z0-9][a-z0-9-]{0,10}".prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>(), 1..12),
    ]
}

fn name() -> impl Strategy<Value = (String, bool)> {
    // (presentation text, written relative)
    (proptest::collection::vec(label(), 1..4), any::<bool>()).prop_map(|(labels, relative)| {
        let text = labels
            .iter()
            .map(|l| label_to_text(l))
            .collect::<Vec<_>>()
            .join(".");
        if relative {
            (text, true)
        } else {
            (format!("{text}.example.jp."), false)
        }
    })
}

fn rdata() -> impl Strategy<Value = (String, String)> {
    let string = proptest::collection::vec(any::<u8>(), 0..40).prop_map(|b| quote(&b));
    prop_oneof![
        any::<[u8; 4]>().prop_map(|a| ("A".into(), std::net::Ipv4Addr::from(a).to_string())),
        any::<[u8; 16]>().prop_map(|a| ("AAAA".into(), std::net::Ipv6Addr::from(a).to_string())),
        name().prop_map(|(n, _)| ("NS".into(), n)),
        name().prop_map(|(n, _)| ("PTR".into(), n)),
        (any::<u16>(), name()).prop_map(|(p, (n, _))| ("MX".into(), format!("{p} {n}"))),
        (any::<u16>(), any::<u16>(), any::<u16>(), name())
            .prop_map(|(a, b, c, (n, _))| ("SRV".into(), format!("{a} {b} {c} {n}"))),
        proptest::collection::vec(string.clone(), 1..4).prop_map(|s| ("TXT".into(), s.join(" "))),
        (string.clone(), string).prop_map(|(a, b)| ("HINFO".into(), format!("{a} {b}"))),
        (
            prop_oneof![Just("issue"), Just("iodef"), Just("issuewild")],
            "[a-z.;= ]{0,20}"
        )
            .prop_map(|(t, v)| ("CAA".into(), format!("0 {t} \"{v}\""))),
        (
            any::<u16>(),
            1u8..16,
            1u8..5,
            proptest::collection::vec(any::<u8>(), 1..20)
        )
            .prop_map(|(k, a, d, h)| (
                "DS".into(),
                format!("{k} {a} {d} {}", data_encoding::HEXUPPER.encode(&h))
            )),
        proptest::collection::vec(any::<u8>(), 0..30).prop_map(|b| (
            "TYPE65280".into(),
            zonegate::zone::rdata::present::generic(&b)
        )),
    ]
}

/// A zone written in one of the many ways RFC 1035 allows.
fn zone_text() -> impl Strategy<Value = String> {
    let record = (
        name(),
        0u32..1_000_000,
        any::<bool>(),
        any::<bool>(),
        rdata(),
    );
    proptest::collection::vec(record, 1..25).prop_map(|records| {
        let mut text = String::from("$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 900 1209600 3600\n");
        for ((owner, _), ttl, class_first, parens, (rtype, data)) in records {
            let head = if class_first {
                format!("{owner} IN {ttl} {rtype}")
            } else {
                format!("{owner} {ttl} IN {rtype}")
            };
            if parens {
                text.push_str(&format!("{head} ( ; open\n    {data} )\n"));
            } else {
                text.push_str(&format!("{head} {data}\n"));
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fmt_output_parses_back_to_the_same_records(text in zone_text()) {
        let (zone, errors) = parse(&text);
        prop_assert!(errors.is_empty(), "generated zone did not parse: {errors:?}\n{text}");
        let printed = fmt(&zone);
        let (again, errors) = parse(&printed);
        prop_assert!(errors.is_empty(), "fmt output did not parse: {errors:?}\n{printed}");
        prop_assert_eq!(record_set(&zone), record_set(&again), "\n{}", printed);
        // And fmt is idempotent.
        prop_assert_eq!(fmt(&again), printed);
    }
}

/// Wire data from zonegate's parser for one record.
fn ours(rtype: &str, data: &str) -> Vec<u8> {
    let (zone, errors) = parse(&format!("$TTL 300\nx.example.jp. {rtype} {data}\n"));
    assert!(errors.is_empty(), "{rtype} {data}: {errors:?}");
    zone.rdata(&zone.records[0]).to_vec()
}

/// Wire data from hickory's `RData::try_from_str` for the same text.
fn hickorys(rtype: &str, data: &str) -> Vec<u8> {
    let rtype = zonegate::zone::RType::from_name(rtype).unwrap();
    let rdata = hickory_proto::rr::RData::try_from_str(rtype.to_hickory(), data)
        .unwrap_or_else(|e| panic!("hickory: {rtype} {data}: {e}"));
    let mut out = Vec::new();
    zonegate::zone::rdata::view::emit_hickory(&rdata, &mut out).unwrap();
    out
}

fn host() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z][a-z0-9]{0,8}", 1..4)
        .prop_map(|l| format!("{}.example.", l.join(".")))
}

fn text_string() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 =;:./-]{0,60}".prop_map(|s| format!("\"{s}\""))
}

fn hickory_type_samples() -> impl Strategy<Value = (&'static str, String)> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(|a| ("A", std::net::Ipv4Addr::from(a).to_string())),
        any::<[u8; 16]>().prop_map(|a| ("AAAA", std::net::Ipv6Addr::from(a).to_string())),
        host().prop_map(|h| ("NS", h)),
        host().prop_map(|h| ("CNAME", h)),
        host().prop_map(|h| ("PTR", h)),
        (any::<u16>(), host()).prop_map(|(p, h)| ("MX", format!("{p} {h}"))),
        (any::<u16>(), any::<u16>(), any::<u16>(), host())
            .prop_map(|(a, b, c, h)| ("SRV", format!("{a} {b} {c} {h}"))),
        // hickory keeps refresh, retry and expire as i32 and refuses larger values; BIND and
        // zonegate accept any u32 (the SOA timer rules judge them), so stay within both.
        (
            host(),
            host(),
            any::<u32>(),
            0..=i32::MAX as u32,
            0..=i32::MAX as u32,
            0..=i32::MAX as u32,
            any::<u32>()
        )
            .prop_map(|(m, r, a, b, c, d, e)| ("SOA", format!("{m} {r} {a} {b} {c} {d} {e}"))),
        proptest::collection::vec(text_string(), 1..4).prop_map(|s| ("TXT", s.join(" "))),
        (text_string(), text_string()).prop_map(|(a, b)| ("HINFO", format!("{a} {b}"))),
        (
            any::<u16>(),
            any::<u16>(),
            "[A-Z0-9]{0,3}",
            text_string(),
            text_string(),
            host()
        )
            .prop_map(|(o, p, f, s, r, h)| ("NAPTR", format!("{o} {p} \"{f}\" {s} {r} {h}"))),
        (
            0u8..5,
            1u8..3,
            proptest::collection::vec(any::<u8>(), 1..32)
        )
            .prop_map(|(a, t, h)| (
                "SSHFP",
                format!("{a} {t} {}", data_encoding::HEXLOWER.encode(&h))
            )),
        (
            0u8..4,
            0u8..2,
            0u8..3,
            proptest::collection::vec(any::<u8>(), 1..32)
        )
            .prop_map(|(u, s, m, h)| (
                "TLSA",
                format!("{u} {s} {m} {}", data_encoding::HEXUPPER.encode(&h))
            )),
        proptest::collection::vec(any::<u8>(), 1..40)
            .prop_map(|b| ("OPENPGPKEY", data_encoding::BASE64.encode(&b))),
        "[a-z]{1,10}\\.[a-z]{2,5}".prop_map(|d| ("CAA", format!("0 issue \"{d}\""))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn hickory_agrees_on_escape_free_input((rtype, data) in hickory_type_samples()) {
        prop_assert_eq!(ours(rtype, &data), hickorys(rtype, &data), "{} {}", rtype, data);
    }
}

/// hickory's semantics for the less common types still apply: NAPTR flags are letters and
/// digits (RFC 3403 §4.1), found by hickory's parser run as a second opinion.
#[test]
fn hickory_second_opinion_points_at_the_field() {
    let (_, errors) =
        parse("$TTL 300\nx NAPTR 100 10 \"S;\" \"SIP+D2U\" \"\" _sip._udp.example.\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("ZG049: invalid NAPTR data:") && errors[0].contains("flags"),
        "{errors:?}"
    );
    let (_, errors) = parse("$TTL 300\nx NAPTR 100 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.\n");
    assert!(errors.is_empty(), "{errors:?}");
}

/// Where hickory and RFC 1035 part ways (hickory-dns#3955), zonegate follows the RFC.
#[test]
fn decimal_escapes_follow_rfc_1035_not_hickory() {
    assert_eq!(ours("TXT", "\"\\065\""), b"\x01A");
    assert_ne!(
        hickorys("TXT", "\"\\065\""),
        b"\x01A",
        "if hickory now decodes \\DDD as decimal, #3955 is fixed: simplify"
    );
    let wire = ours("CNAME", "x\\065y.example.");
    assert_eq!(&wire[..4], b"\x03xAy");
}
