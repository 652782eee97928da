//! `zonegate verify` against real DNS servers: hickory-server instances in this process on
//! loopback addresses (the parent `test.`, the old host, the new host's two servers, and a
//! resolver stand-in). Each step is checked before the change (it does not hold) and after (it
//! holds). Nothing leaves 127.0.0.0/8.

mod common;
mod support;

use std::time::Duration;
use support::{Lab, Referral, ZoneText, catalog};
use zonegate::check::{CheckOptions, check_bytes};
use zonegate::diag::Lang;
use zonegate::live::{LiveOptions, ResolverChoice, Session};
use zonegate::plan::records::{self, Rr};
use zonegate::plan::{self, Plan, StepId, spec};
use zonegate::source::{SourceFile, Sources};
use zonegate::verify::{self, Outcome, Target};
use zonegate::zone::NoIncludes;

/// The zone as the customer submitted it, and as the old host serves it.
const ZONE: &str = "\
$ORIGIN example.test.
$TTL 3600
@        IN SOA ns1.old.test. hostmaster.example.test. 2024060101 3600 600 86400 300
@   7200 IN NS  ns1.old.test.
@   7200 IN NS  ns2.old.test.
@        IN A   192.0.2.10
www      IN CNAME @
@        IN MX  10 mail
mail     IN A   192.0.2.25
@        IN TXT \"v=spf1 ip4:192.0.2.25 -all\"
@        IN TXT \"MS=ms12345678\"
";

/// The parent zone, without the delegation (the referral answers for it).
const PARENT: &str = "\
$TTL 3600
@            IN SOA a.nic.test. hostmaster.nic.test. 1 3600 600 86400 300
@            IN NS  a.nic.test.
a.nic        IN A   127.0.0.2
ns1.old      IN A   127.0.0.3
ns2.old      IN A   127.0.0.3
ns1.new      IN A   127.0.0.4
ns2.new      IN A   127.0.0.5
";

fn spec_text(port: u16) -> String {
    format!(
        "zone: example.test
nameservers:
  - {{name: ns1.new.test., addresses: [\"127.0.0.4:{port}\"]}}
  - {{name: ns2.new.test., addresses: [\"127.0.0.5:{port}\"]}}
mail:
  mx: [{{preference: 0, exchange: example-test.mail.protection.outlook.com.}}]
  spf: \"v=spf1 include:spf.protection.outlook.com -all\"
  autodiscover: autodiscover.outlook.com.
ttl:
  lowered: 300
"
    )
}

fn the_plan(port: u16) -> (spec::Spec, Plan) {
    let mut sources = Sources::default();
    let report = check_bytes(
        &mut sources,
        "example.test.zone",
        ZONE.as_bytes(),
        false,
        &CheckOptions::default(),
        &mut NoIncludes,
    );
    let zone = report.zone.unwrap();
    let file = sources.add(SourceFile::from_text("cutover.yaml", spec_text(port)));
    let parsed = spec::parse(&sources, file, Lang::En);
    let spec = parsed.spec.unwrap();
    let plan = plan::build(&plan::Inputs {
        zone: &zone,
        spec: &spec,
        observed: None,
        forced_errors: None,
    });
    (spec, plan)
}

/// Records as zone-file text for hickory (fmt's canonical lines are absolute).
fn text(records: &[Rr]) -> String {
    let apex = zonegate::zone::OwnedName::from_text("example.test.").unwrap();
    records::render(&apex, records)
}

/// What each server serves in one state of the world.
struct State {
    /// The delegation the parent hands out: old or new servers.
    delegated_to_new: bool,
    ds: bool,
    old_host: String,
    /// `None`: the new servers do not have the zone yet.
    new_host: Option<String>,
    /// What the resolver sees for example.test.
    resolver_view: String,
}

async fn world(state: &State) -> (Lab, Vec<std::net::SocketAddr>) {
    let referral = if state.delegated_to_new {
        Referral::new(
            "example.test.",
            86400,
            &[
                ("ns1.new.test.", Some("127.0.0.4")),
                ("ns2.new.test.", Some("127.0.0.5")),
            ],
        )
    } else {
        Referral::new(
            "example.test.",
            86400,
            &[
                ("ns1.old.test.", Some("127.0.0.3")),
                ("ns2.old.test.", Some("127.0.0.3")),
            ],
        )
    };
    let mut parent = ZoneText::new("test.", PARENT);
    if state.ds {
        let mut ds = vec![0x30, 0x39, 13, 2];
        ds.extend([0xAB; 32]);
        parent = parent.raw("example.test.", 86400, 43, &ds);
    }
    let new_catalog = || match &state.new_host {
        Some(t) => catalog(vec![ZoneText::new("example.test.", t)]),
        None => catalog(vec![]),
    };
    Lab::start(vec![
        (catalog(vec![parent]), Some(referral)),
        (
            catalog(vec![ZoneText::new("example.test.", &state.old_host)]),
            None,
        ),
        (new_catalog(), None),
        (new_catalog(), None),
        (
            catalog(vec![
                ZoneText::new("test.", PARENT),
                ZoneText::new("example.test.", &state.resolver_view),
            ]),
            None,
        ),
    ])
    .await
}

fn session(lab: &Lab, addrs: &[std::net::SocketAddr]) -> Session {
    Session::new(
        LiveOptions {
            resolver: ResolverChoice::Address(addrs[4]),
            port: lab.port,
            timeout: Duration::from_millis(400),
            retries: 1,
            deadline: Duration::from_secs(30),
            ..LiveOptions::default()
        },
        None,
    )
}

/// Runs `step` in a world where every server serves `state`.
async fn check(step: StepId, state: State) -> Outcome {
    let (lab, addrs) = world(&state).await;
    // The spec names the new servers with the lab's port, which is known only now: plan again.
    let (spec, plan) = the_plan(lab.port);
    let session = session(&lab, &addrs);
    verify::verify(
        &session,
        &Target {
            step,
            spec: &spec,
            plan: Some(&plan),
            lang: Lang::En,
        },
    )
    .await
}

/// The states, from a plan (the port does not change records, only the spec's addresses).
fn states() -> plan::States {
    the_plan(53).1.states
}

fn before_switch() -> State {
    let s = states();
    State {
        delegated_to_new: false,
        ds: false,
        old_host: text(&s.old),
        new_host: None,
        resolver_view: text(&s.old),
    }
}

fn report(o: &Outcome) -> String {
    verify::render_text(o, "example.test.", Lang::En)
}

#[tokio::test(flavor = "multi_thread")]
async fn provision_fails_then_holds() {
    let before = check(StepId::Provision, before_switch()).await;
    assert!(!before.holds, "{}", report(&before));
    let shown = report(&before);
    assert!(shown.contains("ns1.new.test. (127.0.0.4:"), "{shown}");
    assert!(shown.contains("`www.example.test. CNAME`"), "{shown}");
    assert!(shown.contains("REFUSED"), "{shown}");
    let s = states();
    let after = check(
        StepId::Provision,
        State {
            new_host: Some(text(&s.new)),
            ..before_switch()
        },
    )
    .await;
    assert!(after.holds, "{}", report(&after));
    // One record wrong on the new host: named with its server.
    let mut wrong = s.new.clone();
    for r in wrong
        .iter_mut()
        .filter(|r| r.owner.to_string() == "mail.example.test.")
    {
        r.rdata = vec![192, 0, 2, 99];
    }
    let off = check(
        StepId::Provision,
        State {
            new_host: Some(text(&wrong)),
            ..before_switch()
        },
    )
    .await;
    assert!(!off.holds);
    let shown = report(&off);
    assert!(
        shown.contains("`mail.example.test. A`: expected 192.0.2.25, found 192.0.2.99"),
        "{shown}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn ns_switch_fails_then_holds() {
    let s = states();
    let provisioned = State {
        new_host: Some(text(&s.new)),
        ..before_switch()
    };
    let before = check(StepId::NsSwitch, provisioned).await;
    assert!(!before.holds);
    let shown = report(&before);
    assert!(shown.contains("parent test."), "{shown}");
    assert!(shown.contains("ns1.old.test."), "{shown}");
    assert!(shown.contains("resolver 127.0.0.6"), "{shown}");
    // The parent switched but resolvers still see the old set: not yet.
    let half = check(
        StepId::NsSwitch,
        State {
            delegated_to_new: true,
            new_host: Some(text(&s.new)),
            ..before_switch()
        },
    )
    .await;
    assert!(!half.holds);
    assert_eq!(half.differences.len(), 1, "{}", report(&half));
    let after = check(
        StepId::NsSwitch,
        State {
            delegated_to_new: true,
            new_host: Some(text(&s.new)),
            resolver_view: text(&s.new),
            ..before_switch()
        },
    )
    .await;
    assert!(after.holds, "{}", report(&after));
}

#[tokio::test(flavor = "multi_thread")]
async fn mx_switch_fails_then_holds() {
    let s = states();
    let switched_ns = State {
        delegated_to_new: true,
        new_host: Some(text(&s.new)),
        resolver_view: text(&s.new),
        ..before_switch()
    };
    let before = check(StepId::MxSwitch, switched_ns).await;
    assert!(!before.holds);
    let shown = report(&before);
    assert!(shown.contains("`example.test. MX`: expected 0 example-test.mail.protection.outlook.com., found 10 mail.example.test."), "{shown}");
    assert!(
        shown.contains("`autodiscover.example.test. CNAME`"),
        "{shown}"
    );
    assert!(shown.contains("`example.test. TXT`"), "{shown}");
    let after = check(
        StepId::MxSwitch,
        State {
            delegated_to_new: true,
            new_host: Some(text(&s.switched)),
            resolver_view: text(&s.switched),
            ..before_switch()
        },
    )
    .await;
    assert!(after.holds, "{}", report(&after));
}

#[tokio::test(flavor = "multi_thread")]
async fn ttl_steps_and_the_ds_fail_then_hold() {
    let s = states();
    let before = check(StepId::LowerTtl, before_switch()).await;
    assert!(!before.holds);
    assert!(
        report(&before).contains("expected TTL at most 300, found TTL 7200"),
        "{}",
        report(&before)
    );
    let after = check(
        StepId::LowerTtl,
        State {
            old_host: text(&s.old_lowered),
            ..before_switch()
        },
    )
    .await;
    assert!(after.holds, "{}", report(&after));

    let switched = State {
        delegated_to_new: true,
        new_host: Some(text(&s.switched)),
        resolver_view: text(&s.switched),
        ..before_switch()
    };
    let before = check(StepId::RestoreTtl, switched).await;
    assert!(!before.holds);
    let after = check(
        StepId::RestoreTtl,
        State {
            delegated_to_new: true,
            new_host: Some(text(&s.restored)),
            resolver_view: text(&s.restored),
            ..before_switch()
        },
    )
    .await;
    assert!(after.holds, "{}", report(&after));

    let with_ds = check(
        StepId::RemoveDs,
        State {
            ds: true,
            ..before_switch()
        },
    )
    .await;
    assert!(!with_ds.holds);
    assert!(
        report(&with_ds).contains("12345 13 2"),
        "{}",
        report(&with_ds)
    );
    let without = check(StepId::RemoveDs, before_switch()).await;
    assert!(without.holds, "{}", report(&without));
}

/// The command itself: exit 1 while the step does not hold, 0 once it does, and `--wait`
/// giving up at its timeout.
#[tokio::test(flavor = "multi_thread")]
async fn the_command_exits_1_then_0() {
    let s = states();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("example.test.zone"), ZONE).unwrap();
    for (state, code, wait) in [
        (before_switch(), 1, true),
        (
            State {
                new_host: Some(text(&s.new)),
                ..before_switch()
            },
            0,
            false,
        ),
    ] {
        let (lab, addrs) = world(&state).await;
        std::fs::write(dir.path().join("cutover.yaml"), spec_text(lab.port)).unwrap();
        let resolver = addrs[4].to_string();
        let mut args = vec![
            "verify",
            "--spec",
            "cutover.yaml",
            "--step",
            "provision",
            "--resolver",
            &resolver,
            "--query-timeout",
            "400ms",
            "--retries",
            "1",
        ];
        if wait {
            args.extend(["--wait", "--timeout", "1s", "--interval", "1s"]);
        }
        args.push("example.test.zone");
        let out = support::run_zonegate(dir.path(), &args).await;
        let text = common::stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if code == 0 {
            assert!(
                text.starts_with("provision holds for example.test."),
                "{text}"
            );
        } else {
            assert!(text.contains("does not hold yet"), "{text}");
        }
        drop(lab);
    }
    // Usage errors are exit 2: a step verify does not check, and provision without the zone.
    let out = common::run(
        dir.path(),
        &["verify", "--spec", "cutover.yaml", "--step", "decommission"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = common::run(
        dir.path(),
        &["verify", "--spec", "cutover.yaml", "--step", "provision"],
    );
    assert_eq!(out.status.code(), Some(2));
}

/// `plan --live`: the waits come from the TTLs the servers serve, marked measured, and the
/// delegation and mail records are today's.
#[tokio::test(flavor = "multi_thread")]
async fn plan_live_measures_the_ttls() {
    let (lab, addrs) = world(&State {
        ds: true,
        ..before_switch()
    })
    .await;
    let (spec, _) = the_plan(lab.port);
    let session = session(&lab, &addrs);
    let (observed, _) = verify::observe(&session, &spec).await;
    assert_eq!(observed.parent_ns_ttl, Some(86400));
    assert_eq!(observed.child_ns_ttl, Some(7200));
    assert_eq!(observed.mx_ttl, Some(3600));
    assert_eq!(observed.negative_ttl, Some(300));
    assert_eq!(observed.parent_ds.as_ref().map(Vec::len), Some(1));
    let ns: Vec<String> = observed
        .current_ns
        .iter()
        .flatten()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(ns, ["ns1.old.test.", "ns2.old.test."]);
    assert_eq!(observed.current_mail.as_ref().unwrap().mx.len(), 1);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("example.test.zone"), ZONE).unwrap();
    std::fs::write(dir.path().join("cutover.yaml"), spec_text(lab.port)).unwrap();
    let (resolver, port) = (addrs[4].to_string(), lab.port.to_string());
    let out = support::run_zonegate(
        dir.path(),
        &[
            "plan",
            "--live",
            "--resolver",
            &resolver,
            "--port",
            &port,
            "--timeout",
            "400ms",
            "--retries",
            "1",
            "--format",
            "json",
            "--spec",
            "cutover.yaml",
            "example.test.zone",
        ],
    )
    .await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["live"], true);
    assert_eq!(json["ttls"]["parent_ns"]["source"], "measured");
    assert_eq!(json["ttls"]["negative"]["seconds"], 300);
    // The parent has a DS, so the plan removes it, and shows the record.
    let ds = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "remove-ds")
        .expect("remove-ds");
    assert!(
        ds["diff"]
            .as_str()
            .unwrap()
            .contains("-example.test.\t86400\tIN\tDS\t12345 13 2"),
        "{ds}"
    );
    drop(lab);
}
