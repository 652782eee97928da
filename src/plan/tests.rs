//! The planner on small zones: order, waits, diffs, hash.

use super::*;
use crate::check::{CheckOptions, check_bytes};
use crate::source::SourceFile;
use crate::zone::NoIncludes;

const JP_ZONE: &str = "$ORIGIN example.co.jp.
$TTL 3600
@  IN SOA ns1.old-dns.jp. hostmaster.example.co.jp. 1 7200 900 1209600 600
@  7200 IN NS ns1.old-dns.jp.
@  7200 IN NS ns2.old-dns.jp.
@  IN A 192.0.2.10
@  IN MX 10 mail.example.co.jp.
@  IN TXT \"v=spf1 ip4:192.0.2.25 -all\"
@  IN TXT \"MS=ms12345678\"
mail IN A 192.0.2.25
www IN CNAME @
";

const SPEC: &str = "zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.]
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
  spf: \"v=spf1 include:spf.protection.outlook.com -all\"
  autodiscover: autodiscover.outlook.com.
ttl:
  lowered: 300
";

fn zone(text: &str) -> Zone {
    let mut sources = Sources::default();
    let report = check_bytes(
        &mut sources,
        "zone",
        text.as_bytes(),
        false,
        &CheckOptions::default(),
        &mut NoIncludes,
    );
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != crate::diag::Severity::Error),
        "{:?}",
        report.diagnostics
    );
    report.zone.unwrap()
}

fn spec(text: &str) -> Spec {
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::from_text("cutover.yaml", text));
    let parsed = spec::parse(&sources, file, Lang::En);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.spec.unwrap()
}

fn plan_with(zone_text: &str, spec_text: &str, observed: Option<&Observed>) -> Plan {
    let z = zone(zone_text);
    let s = spec(spec_text);
    build(&Inputs {
        zone: &z,
        spec: &s,
        observed,
        forced_errors: None,
    })
}

fn ids(plan: &Plan) -> Vec<&'static str> {
    plan.steps.iter().map(|s| s.id.as_str()).collect()
}

fn wait(plan: &Plan, id: StepId) -> u64 {
    plan.step(id).unwrap().wait_seconds
}

#[test]
fn steps_come_in_order_and_remove_ds_only_with_a_ds() {
    let plan = plan_with(JP_ZONE, SPEC, None);
    assert_eq!(
        ids(&plan),
        [
            "preflight",
            "lower-ttl",
            "provision",
            "ns-switch",
            "mx-switch",
            "restore-ttl",
            "decommission"
        ]
    );
    let with_ds = plan_with(JP_ZONE, &format!("{SPEC}parent_ds: true\n"), None);
    assert_eq!(
        ids(&with_ds),
        [
            "preflight",
            "lower-ttl",
            "remove-ds",
            "provision",
            "ns-switch",
            "mx-switch",
            "restore-ttl",
            "decommission"
        ]
    );
    // Observed at the parent, the DS decides whatever the spec says.
    let observed = Observed {
        parent_ds: Some(vec![vec![0x30, 0x39, 13, 2, 0xAB]]),
        ..Observed::default()
    };
    let live = plan_with(JP_ZONE, SPEC, Some(&observed));
    assert!(live.step(StepId::RemoveDs).is_some());
    let ds = live.step(StepId::RemoveDs).unwrap();
    assert!(
        ds.diff
            .as_deref()
            .unwrap()
            .contains("-example.co.jp.\t86400\tIN\tDS\t12345 13 2 AB"),
        "{:?}",
        ds.diff
    );
    let none = Observed {
        parent_ds: Some(vec![]),
        ..Observed::default()
    };
    let live = plan_with(JP_ZONE, &format!("{SPEC}parent_ds: true\n"), Some(&none));
    assert!(live.step(StepId::RemoveDs).is_none());
    // Without mail, no mx-switch.
    let no_mail = "zone: example.co.jp\nnameservers: [ns1.newdns.net., ns2.newdns.net.]\n";
    assert!(!ids(&plan_with(JP_ZONE, no_mail, None)).contains(&"mx-switch"));
}

#[test]
fn waits_come_from_the_jp_and_com_parents() {
    let jp = plan_with(JP_ZONE, SPEC, None);
    assert_eq!(jp.ttls.parent_ns, Ttl::new(86_400, Source::Assumed));
    assert_eq!(wait(&jp, StepId::NsSwitch), 86_400 + 900);
    assert!(
        jp.step(StepId::NsSwitch).unwrap().notes[0].contains("03:00 and 05:00 JST"),
        "the .jp timing is noted"
    );
    let com_zone = JP_ZONE.replace("example.co.jp", "example.com");
    let com_spec = SPEC.replace("zone: example.co.jp", "zone: example.com");
    let com = plan_with(&com_zone, &com_spec, None);
    assert_eq!(com.ttls.parent_ns.seconds, 172_800);
    assert_eq!(wait(&com, StepId::NsSwitch), 172_800 + 300);
    assert!(!com.step(StepId::NsSwitch).unwrap().notes[0].contains("JST"));
    // Measured figures win and are marked.
    let observed = Observed {
        parent_ns_ttl: Some(3_600),
        child_ns_ttl: Some(86_400),
        ..Observed::default()
    };
    let live = plan_with(JP_ZONE, SPEC, Some(&observed));
    assert_eq!(live.ttls.parent_ns, Ttl::new(3_600, Source::Measured));
    assert_eq!(wait(&live, StepId::NsSwitch), 3_600 + 900);
    // The old servers' NS TTL (measured at a day) is the longest one lowered.
    assert_eq!(wait(&live, StepId::LowerTtl), 86_400);
}

#[test]
fn waits_for_the_ds_the_ttls_and_the_mail_retry_window() {
    let plan = plan_with(JP_ZONE, &format!("{SPEC}parent_ds: true\n"), None);
    // DS TTL at .jp plus the registry's delay.
    assert_eq!(wait(&plan, StepId::RemoveDs), 86_400 + 900);
    // The longest TTL lowered: the NS at 7200.
    assert_eq!(wait(&plan, StepId::LowerTtl), 7_200);
    assert!(
        plan.step(StepId::LowerTtl)
            .unwrap()
            .wait_reason
            .contains("example.co.jp. NS")
    );
    // autodiscover did not exist: the zone's negative TTL (min(SOA TTL, MINIMUM) = 600).
    assert_eq!(plan.ttls.negative, Ttl::new(600, Source::Zone));
    assert_eq!(wait(&plan, StepId::MxSwitch), 600);
    // Decommission waits the longest delegation plus five days of mail retries.
    assert_eq!(wait(&plan, StepId::RestoreTtl), 86_400 + 432_000);
    let no_mail = "zone: example.co.jp\nnameservers: [ns1.newdns.net., ns2.newdns.net.]\n";
    assert_eq!(
        wait(&plan_with(JP_ZONE, no_mail, None), StepId::RestoreTtl),
        86_400
    );
}

#[test]
fn points_of_no_return() {
    let plan = plan_with(JP_ZONE, &format!("{SPEC}parent_ds: true\n"), None);
    let pnr: Vec<&str> = plan
        .points_of_no_return
        .iter()
        .map(|s| s.as_str())
        .collect();
    // restore-ttl too: the NS TTL goes back to 7200 s, so undoing it takes two hours.
    assert_eq!(pnr, ["ns-switch", "restore-ttl", "decommission"]);
    let ds = plan.step(StepId::RemoveDs).unwrap();
    assert_eq!(ds.rollback_seconds, Some(900 + 900));
    assert_eq!(
        plan.step(StepId::Decommission).unwrap().rollback_seconds,
        None
    );
}

#[test]
fn diffs_chain_and_roll_back_exactly() {
    let z = zone(JP_ZONE);
    let s = spec(SPEC);
    let inputs = Inputs {
        zone: &z,
        spec: &s,
        observed: None,
        forced_errors: None,
    };
    let mut b = Builder::new(&inputs);
    b.states();
    let apex = z.origin.clone();
    let text = |rrs: &[Rr]| render_records(&apex, rrs);
    let plan = build(&inputs);
    let chain = [
        (
            StepId::LowerTtl,
            text(&b.old),
            text(&lowered(&b.old, &b.keys, 300)),
        ),
        (StepId::Provision, String::new(), text(&b.new)),
        (StepId::NsSwitch, text(&b.parent_no_ds), text(&b.parent_new)),
        (StepId::MxSwitch, text(&b.new), text(&b.switched)),
        (StepId::RestoreTtl, text(&b.switched), text(&b.restored)),
    ];
    for (id, before, after) in chain {
        let step = plan.step(id).unwrap();
        let diff = step.diff.as_deref().unwrap();
        let back = step.rollback_diff.as_deref().unwrap();
        assert_eq!(records::apply(&before, diff).unwrap(), after, "{id}");
        assert_eq!(records::apply(&after, back).unwrap(), before, "{id}");
    }
    let mx = plan.step(StepId::MxSwitch).unwrap().diff.clone().unwrap();
    assert!(
        mx.contains("-example.co.jp.\t300\tIN\tMX\t10 mail.example.co.jp."),
        "{mx}"
    );
    assert!(
        mx.contains("+example.co.jp.\t300\tIN\tMX\t0 example-co-jp.mail.protection.outlook.com."),
        "{mx}"
    );
    assert!(
        mx.contains("+autodiscover.example.co.jp.\t300\tIN\tCNAME\tautodiscover.outlook.com."),
        "{mx}"
    );
    assert!(
        mx.contains("\"MS=ms12345678\""),
        "the other TXT record stays: {mx}"
    );
    let ns = plan.step(StepId::NsSwitch).unwrap().diff.clone().unwrap();
    assert!(
        ns.contains("-example.co.jp.\t86400\tIN\tNS\tns1.old-dns.jp."),
        "{ns}"
    );
    assert!(
        ns.contains("+example.co.jp.\t86400\tIN\tNS\tns1.newdns.net."),
        "{ns}"
    );
    let prov = plan.step(StepId::Provision).unwrap().diff.clone().unwrap();
    assert!(prov.contains("+example.co.jp.\t3600\tIN\tSOA\tns1.newdns.net. hostmaster.example.co.jp. 1 7200 900 1209600 600"), "{prov}");
    let restore = plan.step(StepId::RestoreTtl).unwrap().diff.clone().unwrap();
    assert!(
        restore.contains("+example.co.jp.\t7200\tIN\tNS\tns1.newdns.net."),
        "{restore}"
    );
    assert!(
        restore.contains("+autodiscover.example.co.jp.\t3600\tIN\tCNAME"),
        "{restore}"
    );
}

#[test]
fn the_hash_covers_the_plan_and_only_the_plan() {
    let a = plan_with(JP_ZONE, SPEC, None);
    let b = plan_with(JP_ZONE, SPEC, None);
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(a.sha256.len(), 64);
    assert_eq!(a.digest(), a.sha256);
    let c = plan_with(JP_ZONE, &SPEC.replace("lowered: 300", "lowered: 600"), None);
    assert_ne!(a.sha256, c.sha256);
    // Recomputed from the JSON as a reader would: drop sha256, sort keys, compact, hash.
    let mut v: serde_json::Value = serde_json::from_str(&render::render(
        &a,
        render::PlanFormat::Json,
        Lang::En,
        &Default::default(),
    ))
    .unwrap();
    let shown = v["sha256"].as_str().unwrap().to_owned();
    v.as_object_mut().unwrap().remove("sha256");
    let digest = sha2::Sha256::digest(serde_json::to_string(&v).unwrap().as_bytes());
    assert_eq!(data_encoding::HEXLOWER.encode(&digest), shown);
    for key in ["zone", "sha256", "steps"] {
        assert!(v.get(key).is_some() || key == "sha256", "{key}");
    }
    for step in v["steps"].as_array().unwrap() {
        for key in [
            "id",
            "title",
            "actor",
            "wait_seconds",
            "wait_reason",
            "diff",
            "rollback_diff",
            "verify",
            "point_of_no_return",
        ] {
            assert!(step.get(key).is_some(), "{key} in {step}");
        }
    }
}

#[test]
fn every_text_is_in_both_languages() {
    let plan = plan_with(JP_ZONE, &format!("{SPEC}parent_ds: true\n"), None);
    let japanese = |s: &str| {
        s.chars().any(|c| {
            ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
        })
    };
    for s in &plan.steps {
        for t in [
            &s.title_ja,
            &s.action_ja,
            &s.wait_reason_ja,
            &s.verify_ja,
            &s.rollback_ja,
        ] {
            assert!(japanese(t), "{}: {t}", s.id);
        }
        assert_eq!(s.notes.len(), s.notes_ja.len());
        for n in &s.notes_ja {
            assert!(japanese(n), "{}: {n}", s.id);
        }
    }
    let ja = render::render(
        &plan,
        render::PlanFormat::Text,
        Lang::Ja,
        &Default::default(),
    );
    assert!(!ja.contains("Lower the TTLs"), "{ja}");
}

#[test]
fn in_zone_nameservers_get_glue_from_the_spec() {
    let spec_text = "zone: example.co.jp\nnameservers:\n  - {name: ns1.example.co.jp., addresses: [192.0.2.53]}\n  - ns2.newdns.net.\n";
    let plan = plan_with(JP_ZONE, spec_text, None);
    let ns = plan.step(StepId::NsSwitch).unwrap().diff.clone().unwrap();
    assert!(
        ns.contains("+ns1.example.co.jp.\t86400\tIN\tA\t192.0.2.53"),
        "{ns}"
    );
    let prov = plan.step(StepId::Provision).unwrap().diff.clone().unwrap();
    assert!(prov.contains("+ns1.example.co.jp.\t"), "{prov}");
}

#[test]
fn live_mail_records_are_provisioned_when_the_zone_already_has_the_new_ones() {
    let target_zone = JP_ZONE.replace(
        "@  IN MX 10 mail.example.co.jp.",
        "@  IN MX 0 example-co-jp.mail.protection.outlook.com.",
    );
    let offline = plan_with(&target_zone, SPEC, None);
    let mx_offline = offline
        .step(StepId::MxSwitch)
        .unwrap()
        .diff
        .clone()
        .unwrap();
    assert!(
        !mx_offline.contains("-example.co.jp.\t300\tIN\tMX"),
        "nothing to switch offline: {mx_offline}"
    );
    let observed = Observed {
        current_mail: Some(MailRecords {
            mx: vec![mx_rdata(
                10,
                &OwnedName::from_text("mail.example.co.jp.").unwrap(),
            )],
            spf: None,
            autodiscover: Vec::new(),
        }),
        ..Observed::default()
    };
    let live = plan_with(&target_zone, SPEC, Some(&observed));
    let prov = live.step(StepId::Provision).unwrap().diff.clone().unwrap();
    assert!(
        prov.contains("+example.co.jp.\t300\tIN\tMX\t10 mail.example.co.jp."),
        "{prov}"
    );
    let mx = live.step(StepId::MxSwitch).unwrap().diff.clone().unwrap();
    assert!(
        mx.contains("-example.co.jp.\t300\tIN\tMX\t10 mail.example.co.jp."),
        "{mx}"
    );
    assert!(
        mx.contains("+example.co.jp.\t300\tIN\tMX\t0 example-co-jp.mail.protection.outlook.com."),
        "{mx}"
    );
}
