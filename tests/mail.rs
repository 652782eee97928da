//! Mail, CAA and DNSSEC rules beyond their one-line fixtures: how they follow records through
//! the zone, where they point, what they leave alone, and that hostile records cost neither a
//! crash nor a hang.

mod common;

use common::{codes, zonegate};

const BASE: &str = "$ORIGIN example.jp.
$TTL 3600
@       IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@       IN NS  ns1.example.jp.
@       IN NS  ns2.example.net.
ns1     IN A   192.0.2.53
";

fn check(extra: &str, args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("z.zone"), format!("{BASE}{extra}")).unwrap();
    let out = zonegate()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--max-diagnostics", "100000"])
        .args(args)
        .arg("z.zone")
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sorted(json: &serde_json::Value) -> Vec<String> {
    let mut c = codes(json);
    c.sort();
    c
}

fn diagnostics(json: &serde_json::Value) -> &Vec<serde_json::Value> {
    json["files"][0]["diagnostics"].as_array().unwrap()
}

#[test]
fn lookups_are_counted_through_includes_in_the_zone() {
    // 4 at the apex + 4 in _spf + 3 in _spf2 = 11.
    let zone = "@ IN TXT \"v=spf1 a mx include:_spf.example.jp include:spf.example.net -all\"
_spf IN TXT \"v=spf1 a mx exists:%{i}.x.example.net include:_spf2.example.jp -all\"
_spf2 IN TXT \"v=spf1 a mx ptr:example.jp -all\"
";
    let json = check(zone, &["--select", "ZG512"]);
    assert_eq!(codes(&json), vec!["ZG512"]);
    let d = &diagnostics(&json)[0];
    assert_eq!(d["line"], 7, "reported at the apex record");
    assert!(d["message"].as_str().unwrap().contains("11"), "{d}");
    // Terms after `all` are never evaluated, so they do not count.
    let zone = "@ IN TXT \"v=spf1 a mx -all include:a.example.net include:b.example.net include:c.example.net include:d.example.net include:e.example.net include:f.example.net include:g.example.net include:h.example.net include:i.example.net\"\n";
    assert!(codes(&check(zone, &["--select", "ZG512"])).is_empty());
}

#[test]
fn include_loops_are_found_and_long_chains_do_not_recurse_deeply() {
    let zone = "@ IN TXT \"v=spf1 include:_a.example.jp -all\"
_a IN TXT \"v=spf1 include:_b.example.jp -all\"
_b IN TXT \"v=spf1 include:_a.example.jp -all\"
";
    let json = check(zone, &["--select", "ZG512"]);
    assert!(
        diagnostics(&json)
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("leads back to")),
        "{json}"
    );
    // A chain of 20,000 includes: every record of it is over the limit, and the walk stops at
    // the eleventh link instead of following the chain to its end.
    let mut zone = String::new();
    for i in 0..20_000 {
        zone.push_str(&format!(
            "c{i} IN TXT \"v=spf1 include:c{}.example.jp -all\"\n",
            i + 1
        ));
    }
    let json = check(&zone, &["--select", "ZG512,ZG513"]);
    let c = codes(&json);
    assert_eq!(
        c.iter().filter(|c| *c == "ZG513").count(),
        1,
        "the last link"
    );
    assert!(c.iter().filter(|c| *c == "ZG512").count() > 19_000);
}

#[test]
fn includes_without_records_skip_what_the_zone_cannot_answer_for() {
    let zone = "@ IN TXT \"v=spf1 include:_spf.example.jp include:sub.example.jp include:x.wild.example.jp include:_spf.example.net include:%{d}.example.jp -all\"
sub IN NS ns.example.net.
*.wild IN TXT \"v=spf1 -all\"
www IN A 192.0.2.80
mail IN TXT \"v=spf1 include:www.example.jp -all\"
";
    let json = check(zone, &["--select", "ZG513"]);
    let messages: Vec<&str> = diagnostics(&json)
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // `_spf` does not exist; `www` exists without SPF. The delegated, wildcard-covered,
    // out-of-zone and macro targets are not judged.
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("`_spf.example.jp.` does not exist"));
    assert!(messages[1].contains("`www.example.jp.` has no SPF record"));
}

#[test]
fn carets_point_into_the_string_and_fall_back_to_the_field_with_escapes() {
    let json = check(
        "@ IN TXT \"v=spf1 a\" \" ptr -all\"\n",
        &["--select", "ZG510"],
    );
    let d = &diagnostics(&json)[0];
    // `ptr` in the second string: line 7, after `@ IN TXT "v=spf1 a" " `.
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(23), Some(26))
    );
    // With an escape in the string the exact place is not known: the whole data field.
    let json = check(
        "@ IN TXT \"v=spf1 a\\032ptr -all\"\n",
        &["--select", "ZG510"],
    );
    let d = &diagnostics(&json)[0];
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(10), Some(32))
    );
}

#[test]
fn split_strings_are_reported_once_and_only_where_a_separator_was_lost() {
    let zone = "@ IN TXT \"v=spf1 ip4:192.0.2.1\" \"ip4:192.0.2.2 -all\"
www IN TXT \"v=spf1 include:spf.protec\" \"tion.outlook.com -all\"
_dmarc IN TXT \"v=DMARC1; p=none\" \"rua=mailto:d@example.jp\"
";
    let json = check(zone, &[]);
    // The joined `ip4:192.0.2.1ip4:192.0.2.2` and `p=nonerua=...` are ZG550's alone: no
    // second finding about the same text from ZG506 or ZG523.
    assert_eq!(sorted(&json), vec!["ZG550", "ZG550"]);
}

#[test]
fn microsoft_365_rules_look_at_the_suffix_only() {
    // Any token before `.mail.protection.outlook.com`, and the newer `mx.microsoft` hosts.
    let ok = "@ IN MX 0 contoso-jp01b.mail.protection.outlook.com.
sub IN MX 0 sub-example-jp.o-v1.mx.microsoft.
@ IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"
sub IN TXT \"v=spf1 include:_spf.example.jp -all\"
_spf IN TXT \"v=spf1 include:spf.protection.outlook.com -all\"
autodiscover IN CNAME autodiscover.outlook.com.
autodiscover.sub IN CNAME autodiscover.outlook.com.
";
    assert!(codes(&check(ok, &["--select", "ZG54"])).is_empty());
    // A look-alike host is not Microsoft's.
    let json = check(
        "@ IN MX 10 mail.protection.outlook.com.example.net.\n",
        &["--select", "ZG54"],
    );
    assert!(codes(&json).is_empty());
}

#[test]
fn dnssec_material_is_one_finding_per_type() {
    let mut zone = String::from(
        "@ IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n",
    );
    for i in 0..50 {
        zone.push_str(&format!(
            "h{i} IN NSEC h{}.example.jp. A RRSIG NSEC\n",
            i + 1
        ));
    }
    let json = check(&zone, &["--select", "ZG611"]);
    assert_eq!(codes(&json), vec!["ZG611", "ZG611"]);
    assert!(
        diagnostics(&json)[1]["message"]
            .as_str()
            .unwrap()
            .contains("50 NSEC records")
    );
}

#[test]
fn hostile_mail_records_are_checked_in_bounded_time_and_memory() {
    // Records of ~60 KB: thousands of faulty SPF terms and DMARC tags in 250-octet strings.
    let strings = |text: &str| {
        text.as_bytes()
            .chunks(250)
            .map(|c| format!("\"{}\"", std::str::from_utf8(c).unwrap()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let spf = format!(
        "v=spf1 {}",
        (0..12_000)
            .map(|i| format!("z{}", i % 10))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let dmarc = format!(
        "v=DMARC1; p=none; {}",
        (0..5_500)
            .map(|i| format!("x{i}=1"))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let zone = format!(
        "s IN TXT ( {} )\n_dmarc IN TXT ( {} )\n",
        strings(&spf),
        strings(&dmarc)
    );
    let json = check(&zone, &["--select", "ZG503,ZG527"]);
    let c = codes(&json);
    assert_eq!(c.iter().filter(|c| *c == "ZG503").count(), 12_000);
    assert_eq!(c.iter().filter(|c| *c == "ZG527").count(), 5_500);
}

#[test]
fn an_exact_duplicate_is_one_record_not_two_policies() {
    // DNS serves an RRset without duplicates: ZG301 reports the repeated line, and there is
    // still one SPF record and one DMARC record.
    let zone = "@ IN TXT \"v=spf1 -all\"
@ IN TXT \"v=spf1 -all\"
_dmarc IN TXT \"v=DMARC1; p=none\"
_dmarc IN TXT \"v=DMARC1; p=none\"
";
    let c = codes(&check(zone, &["--select", "ZG501,ZG521"]));
    assert!(c.is_empty(), "{c:?}");
    let zone = "@ IN TXT \"v=spf1 -all\"\n@ IN TXT \"v=spf1 ~all\"\n";
    assert_eq!(codes(&check(zone, &["--select", "ZG501"])), vec!["ZG501"]);
}
