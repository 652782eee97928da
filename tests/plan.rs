//! `zonegate plan`: the command, its formats and refusals, and the diff/rollback property.

mod common;

use common::{fixtures, run, stdout};
use proptest::prelude::*;
use zonegate::check::{CheckOptions, check_bytes};
use zonegate::diag::Lang;
use zonegate::plan::records::{self, Rr};
use zonegate::plan::{self, StepId, spec};
use zonegate::source::{SourceFile, Sources};
use zonegate::zone::{NoIncludes, OwnedName, RType};

fn cutover() -> std::path::PathBuf {
    fixtures().join("cutover")
}

#[test]
fn the_example_plans_in_every_format() {
    let dir = cutover();
    let out = run(
        &dir,
        &[
            "plan",
            "--spec",
            "cutover.yaml",
            "--format",
            "json",
            "example.co.jp.zone",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["zone"], "example.co.jp.");
    let ids: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
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
    let sha = json["sha256"].as_str().unwrap().to_owned();
    // Every format shows the same plan, and the same hash.
    for format in ["text", "markdown", "yaml"] {
        let out = run(
            &dir,
            &[
                "plan",
                "--spec",
                "cutover.yaml",
                "--format",
                format,
                "example.co.jp.zone",
            ],
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains(&sha), "{format}");
    }
    // The reviewed hash passes; another one stops the plan.
    let ok = run(
        &dir,
        &[
            "plan",
            "--spec",
            "cutover.yaml",
            "--expect-sha256",
            &sha,
            "example.co.jp.zone",
        ],
    );
    assert_eq!(ok.status.code(), Some(0));
    let wrong = run(
        &dir,
        &[
            "plan",
            "--spec",
            "cutover.yaml",
            "--expect-sha256",
            &"0".repeat(64),
            "example.co.jp.zone",
        ],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(wrong.stdout.is_empty());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains(&sha));
}

#[test]
fn japanese_covers_every_step() {
    let out = run(
        &cutover(),
        &[
            "plan",
            "--lang",
            "ja",
            "--spec",
            "cutover.yaml",
            "example.co.jp.zone",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for title in [
        "事前確認",
        "TTL を下げる",
        "新しいホストにゾーンを準備する",
        "委任を切り替える",
        "メールを切り替える",
        "TTL を戻す",
        "旧ホストを廃止する",
    ] {
        assert!(text.contains(title), "{title}");
    }
    // No English sentence left outside the records and commands.
    for english in [
        "Lower the TTLs",
        "Ask the registrar",
        "the last step",
        "takes effect",
    ] {
        assert!(!text.contains(english), "{english}");
    }
}

#[test]
fn a_zone_with_errors_gives_no_plan_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        cutover().join("cutover.yaml"),
        dir.path().join("cutover.yaml"),
    )
    .unwrap();
    let zone = std::fs::read_to_string(cutover().join("example.co.jp.zone")).unwrap();
    std::fs::write(
        dir.path().join("example.co.jp.zone"),
        zone + "shop IN AAA 2001:db8::20\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["plan", "--spec", "cutover.yaml", "example.co.jp.zone"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ZG032"), "{err}");
    assert!(err.contains("--force"), "{err}");
    let forced = run(
        dir.path(),
        &[
            "plan",
            "--force",
            "--format",
            "json",
            "--spec",
            "cutover.yaml",
            "example.co.jp.zone",
        ],
    );
    assert_eq!(forced.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&forced.stdout).unwrap();
    assert_eq!(json["forced"], true);
    assert!(
        json["steps"][0]["notes"][0]
            .as_str()
            .unwrap()
            .contains("--force")
    );
}

#[test]
fn spec_errors_are_reported_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        cutover().join("example.co.jp.zone"),
        dir.path().join("example.co.jp.zone"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.yaml"),
        "zone: example.co.jp\nnameservers:\n  - ns1.newdns.net\n  - ns2.newdns.net.\nmail:\n  mx: [{preference: 0, exchange: mail.example.net}]\nttl:\n  lowered: 90000\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "plan",
            "--findings-format",
            "concise",
            "--spec",
            "bad.yaml",
            "example.co.jp.zone",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "bad.yaml:3:5: error[ZG906]",
        "bad.yaml:6:34: error[ZG906]",
        "bad.yaml:8:12: error[ZG907]",
    ] {
        assert!(err.contains(expected), "{expected} in\n{err}");
    }
    assert!(out.stdout.is_empty());
    // Unreadable spec: exit 2.
    let out = run(
        dir.path(),
        &["plan", "--spec", "missing.yaml", "example.co.jp.zone"],
    );
    assert_eq!(out.status.code(), Some(2));
}

fn zone_of(text: &str) -> zonegate::zone::Zone {
    let mut sources = Sources::default();
    check_bytes(
        &mut sources,
        "zone",
        text.as_bytes(),
        false,
        &CheckOptions::default(),
        &mut NoIncludes,
    )
    .zone
    .unwrap()
}

fn spec_of(text: &str) -> spec::Spec {
    let mut sources = Sources::default();
    let file = sources.add(SourceFile::from_text("s.yaml", text));
    let parsed = spec::parse(&sources, file, Lang::En);
    parsed
        .spec
        .unwrap_or_else(|| panic!("{:?}", parsed.diagnostics))
}

fn rr() -> impl Strategy<Value = Rr> {
    let owner = prop::sample::select(vec![
        "example.jp.",
        "www.example.jp.",
        "a.example.jp.",
        "z.example.jp.",
    ]);
    let data = prop_oneof![
        any::<[u8; 4]>().prop_map(|a| (RType::A, a.to_vec())),
        "[a-z=; ]{0,20}".prop_map(|t| (RType::TXT, records::txt_rdata(&t))),
        (
            0u16..20,
            prop::sample::select(vec!["mx1.example.net.", "mx2.example.net."])
        )
            .prop_map(|(p, x)| (
                RType::MX,
                records::mx_rdata(p, &OwnedName::from_text(x).unwrap())
            )),
    ];
    (
        owner,
        prop::sample::select(vec![60u32, 300, 3600, 86400]),
        data,
    )
        .prop_map(|(o, ttl, (t, d))| Rr {
            owner: OwnedName::from_text(o).unwrap(),
            rtype: t,
            ttl,
            rdata: d,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any two record sets: the diff takes one to the other, the rollback diff back.
    #[test]
    fn diff_then_rollback_restores_the_records(before in prop::collection::vec(rr(), 0..24),
                                               after in prop::collection::vec(rr(), 0..24)) {
        let apex = OwnedName::from_text("example.jp.").unwrap();
        let (b, a) = (records::render(&apex, &before), records::render(&apex, &after));
        match (records::unified(&b, &a, "before", "after"), records::unified(&a, &b, "after", "before")) {
            (Some(diff), Some(back)) => {
                let applied = records::apply(&b, &diff).unwrap();
                prop_assert_eq!(&applied, &a);
                prop_assert_eq!(records::apply(&applied, &back).unwrap(), b);
            }
            (None, None) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "one direction empty"),
        }
    }

    /// Every step of a plan for a random zone: diff, then rollback, restores the records.
    #[test]
    fn every_step_of_a_plan_rolls_back_exactly(
        ns_ttl in prop::sample::select(vec![300u32, 3600, 86400]),
        mx_ttl in prop::sample::select(vec![60u32, 3600, 7200]),
        lowered in prop::sample::select(vec![60u32, 300, 600]),
        extra in prop::collection::vec(("[a-z]{1,8}", any::<[u8; 4]>()), 0..8),
        spf in any::<bool>(),
        ds in any::<bool>(),
    ) {
        let mut zone = format!(
            "$ORIGIN example.jp.\n$TTL 3600\n@ IN SOA ns1.old.example. h.example.jp. 1 7200 900 1209600 300\n\
             @ {ns_ttl} IN NS ns1.old.example.\n@ {ns_ttl} IN NS ns2.old.example.\n@ {mx_ttl} IN MX 10 mx.old.example.\n"
        );
        if spf {
            zone.push_str("@ IN TXT \"v=spf1 mx -all\"\n");
        }
        for (name, a) in &extra {
            zone.push_str(&format!("{name} IN A {}.{}.{}.{}\n", a[0], a[1], a[2], a[3]));
        }
        let spec = spec_of(&format!(
            "zone: example.jp\nnameservers: [ns1.new.example., ns2.new.example.]\nmail:\n  mx: [{{preference: 0, exchange: mx.new.example.}}]\n  spf: \"v=spf1 include:spf.protection.outlook.com -all\"\n  autodiscover: autodiscover.outlook.com.\nttl:\n  lowered: {lowered}\nparent_ds: {ds}\n"
        ));
        let zone = zone_of(&zone);
        let plan = plan::build(&plan::Inputs { zone: &zone, spec: &spec, observed: None, forced_errors: None });
        let apex = zone.origin.clone();
        for step in &plan.steps {
            let Some((before, after)) = plan.states.around(step.id) else {
                prop_assert!(step.diff.is_none());
                continue;
            };
            let (b, a) = (records::render(&apex, before), records::render(&apex, after));
            match (&step.diff, &step.rollback_diff) {
                (Some(diff), Some(back)) => {
                    let applied = records::apply(&b, diff).unwrap();
                    prop_assert_eq!(&applied, &a, "{}", step.id);
                    prop_assert_eq!(records::apply(&applied, back).unwrap(), b.clone(), "{}", step.id);
                }
                (None, None) => prop_assert_eq!(&a, &b, "{}", step.id),
                _ => prop_assert!(false, "{}: diff without rollback", step.id),
            }
        }
        prop_assert_eq!(plan.step(StepId::RemoveDs).is_some(), ds);
    }
}

/// README.md shows the plan for the bundled example as the binary prints it; rerun with
/// `ZONEGATE_BLESS=1 cargo test --test plan` after changing the planner.
#[test]
fn the_readme_example_is_current() {
    let root = common::root();
    let out = run(
        &root,
        &[
            "plan",
            "--spec",
            "fixtures/cutover/cutover.yaml",
            "fixtures/cutover/example.co.jp.zone",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let start_marker = "<!-- plan-example:";
    let start = readme
        .find(start_marker)
        .expect("README has the plan example");
    let body_start = start + readme[start..].find("```text\n").unwrap() + "```text\n".len();
    let end = body_start
        + readme[body_start..]
            .find("```\n<!-- /plan-example -->")
            .unwrap();
    let expected = stdout(&out);
    if std::env::var_os("ZONEGATE_BLESS").is_some() {
        let updated = format!("{}{}{}", &readme[..body_start], expected, &readme[end..]);
        std::fs::write(&readme_path, updated).unwrap();
        return;
    }
    assert!(
        readme[body_start..end] == expected,
        "README.md's plan example is stale: run `ZONEGATE_BLESS=1 cargo test --test plan`"
    );
}
