//! `check --live` against real DNS servers: hickory-server instances in this process on
//! loopback addresses (a parent zone, the old host's two servers, and a resolver stand-in),
//! with faults injected where a test needs them. Nothing leaves 127.0.0.0/8: every test names
//! its resolver.
//!
//! Every ZG8xx rule has a test that triggers it and one that does not, and a snapshot of its
//! rendered text (`tests/snapshots/live/`).

mod common;
mod support;

use hickory_proto::op::ResponseCode;
use std::net::SocketAddr;
use std::time::Duration;
use support::{Fault, Lab, Referral, ZoneText, catalog};
use zonegate::check::{CheckOptions, FileReport, check_bytes};
use zonegate::diag::Diagnostic;
use zonegate::live::{self, LiveOptions, ResolverChoice, Session};
use zonegate::source::Sources;
use zonegate::zone::{NoIncludes, ZoneIndex};

/// The parent: `test.`, delegating `example.test.` to two in-bailiwick servers with glue.
const PARENT: &str = "\
$TTL 3600
@            IN SOA a.nic.test. hostmaster.nic.test. 1 3600 600 86400 300
@            IN NS  a.nic.test.
a.nic        IN A   127.0.0.2
example 7200 IN NS  ns1.example.test.
example 7200 IN NS  ns2.example.test.
ns1.example  IN A   127.0.0.3
ns2.example  IN A   127.0.0.4
";

/// What the old host serves today.
const LIVE: &str = "\
$TTL 3600
@        IN SOA ns1.example.test. hostmaster.example.test. 2024060101 3600 600 86400 300
@        IN NS  ns1
@        IN NS  ns2
ns1      IN A   127.0.0.3
ns2      IN A   127.0.0.4
@    600 IN MX  10 mail
@        IN TXT \"v=spf1 include:spf.example.net -all\"
mail     IN A   192.0.2.25
www  300 IN A   192.0.2.10
shop     IN AAAA 2001:db8::20
_dmarc   IN TXT \"v=DMARC1; p=none\"
selector1._domainkey IN CNAME selector1-example-test._domainkey.tenant.example.net.
_sip._tls IN SRV 100 1 443 sipdir.online.example.net.
";

/// The submission that matches [`LIVE`] exactly.
const SUBMISSION: &str = "\
$ORIGIN example.test.
$TTL 3600
@        IN SOA ns1.example.test. hostmaster.example.test. 2024060101 3600 600 86400 300
@        IN NS  ns1
@        IN NS  ns2
ns1      IN A   127.0.0.3
ns2      IN A   127.0.0.4
@    600 IN MX  10 mail
@        IN TXT \"v=spf1 include:spf.example.net -all\"
mail     IN A   192.0.2.25
www  300 IN A   192.0.2.10
shop     IN AAAA 2001:db8::20
_dmarc   IN TXT \"v=DMARC1; p=none\"
selector1._domainkey IN CNAME selector1-example-test._domainkey.tenant.example.net.
_sip._tls IN SRV 100 1 443 sipdir.online.example.net.
";

/// Out-of-zone names, served by the resolver stand-in.
const NET: &str = "\
$TTL 3600
@        IN SOA ns.example.net. hostmaster.example.net. 1 3600 600 86400 300
@        IN NS  ns
ns       IN A   127.0.0.5
spf      IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"
selector1-example-test._domainkey.tenant IN TXT \"v=DKIM1; k=rsa; p=MIGf\"
sipdir.online IN A 192.0.2.80
mx1      IN A   192.0.2.26
txtonly  IN TXT \"no address here\"
nospf    IN TXT \"hello\"
twospf   IN TXT \"v=spf1 -all\"
twospf   IN TXT \"v=spf1 ip4:192.0.2.1 -all\"
chain1   IN TXT \"v=spf1 include:chain2.example.net a mx include:chain3.example.net -all\"
chain2   IN TXT \"v=spf1 a mx ptr exists:%{i}.x.example.net -all\"
chain3   IN TXT \"v=spf1 include:chain4.example.net a mx -all\"
chain4   IN TXT \"v=spf1 a mx -all\"
chain1   IN A   192.0.2.30
chain1   IN MX  10 mx1
chain2   IN A   192.0.2.31
chain2   IN MX  10 mx1
chain3   IN A   192.0.2.32
chain3   IN MX  10 mx1
chain4   IN A   192.0.2.33
chain4   IN MX  10 mx1
";

/// A DS record's data: key tag 12345, algorithm 13, digest type 2, a 32-octet digest.
fn ds_data() -> Vec<u8> {
    let mut d = vec![0x30, 0x39, 13, 2];
    d.extend([0xAB; 32]);
    d
}

/// The test world: parent at .2, the old host at .3 and .4, the resolver stand-in at .5.
struct World {
    lab: Lab,
    addrs: Vec<SocketAddr>,
}

impl World {
    fn parent(&self) -> &support::TestServer {
        self.lab.server(0)
    }
    fn ns1(&self) -> &support::TestServer {
        self.lab.server(1)
    }
    fn ns2(&self) -> &support::TestServer {
        self.lab.server(2)
    }
    fn resolver(&self) -> SocketAddr {
        self.addrs[3]
    }
}

/// How to build a world; the defaults are a healthy one.
struct Spec {
    parent: String,
    /// The parent's referral: (name server, glue); `None` answers from the parent zone alone.
    referral: Option<Vec<(&'static str, Option<&'static str>)>>,
    ns1: String,
    ns2: String,
    net: String,
    axfr: bool,
    ds: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            parent: PARENT.into(),
            referral: Some(vec![
                ("ns1.example.test.", Some("127.0.0.3")),
                ("ns2.example.test.", Some("127.0.0.4")),
            ]),
            ns1: LIVE.into(),
            ns2: LIVE.into(),
            net: NET.into(),
            axfr: false,
            ds: false,
        }
    }
}

async fn world(spec: Spec) -> World {
    let mut parent = ZoneText::new("test.", &spec.parent);
    if spec.ds {
        parent = parent.raw("example.test.", 86400, 43, &ds_data());
    }
    let mut resolver_parent = ZoneText::new("test.", &spec.parent);
    if spec.ds {
        resolver_parent = resolver_parent.raw("example.test.", 86400, 43, &ds_data());
    }
    let axfr = spec.axfr;
    fn child(text: &str, axfr: bool) -> ZoneText<'_> {
        let z = ZoneText::new("example.test.", text);
        if axfr { z.axfr() } else { z }
    }
    let referral = spec
        .referral
        .as_ref()
        .map(|r| Referral::new("example.test.", 7200, r));
    let catalogs = vec![
        (catalog(vec![parent]), referral),
        (catalog(vec![child(&spec.ns1, axfr)]), None),
        (catalog(vec![child(&spec.ns2, axfr)]), None),
        // The resolver stand-in answers for every zone, as a resolver would after recursion.
        (
            catalog(vec![
                resolver_parent,
                ZoneText::new("example.net.", &spec.net),
            ]),
            None,
        ),
    ];
    let (lab, addrs) = Lab::start(catalogs).await;
    World { lab, addrs }
}

fn options(w: &World) -> LiveOptions {
    LiveOptions {
        resolver: ResolverChoice::Address(w.resolver()),
        port: w.lab.port,
        timeout: Duration::from_millis(400),
        retries: 1,
        deadline: Duration::from_secs(30),
        ..LiveOptions::default()
    }
}

fn parse(text: &str) -> (Sources, FileReport) {
    let mut sources = Sources::default();
    let report = check_bytes(
        &mut sources,
        "example.test.zone",
        text.as_bytes(),
        false,
        &CheckOptions::default(),
        &mut NoIncludes,
    );
    assert!(report.zone.is_some());
    (sources, report)
}

/// Runs the live checks on `submission` with `options`.
async fn run(submission: &str, options: LiveOptions) -> (Vec<Diagnostic>, live::LiveReport) {
    run_in(submission, options, zonegate::diag::Lang::En).await
}

async fn run_in(
    submission: &str,
    options: LiveOptions,
    lang: zonegate::diag::Lang,
) -> (Vec<Diagnostic>, live::LiveReport) {
    let (sources, report) = parse(submission);
    let zone = report.zone.as_ref().unwrap();
    let index = ZoneIndex::new(zone);
    let check = CheckOptions::default();
    let session = Session::new(options, None);
    let input = live::LiveInput {
        zone,
        index: &index,
        sources: &sources,
        file: report.file,
        lang,
        policy: &check.policy,
        filter: &check.filter,
    };
    let out = live::check(&session, &input).await;
    (out.diagnostics.clone(), out)
}

/// Every finding as `CODE message | help`, for assertion messages.
fn show(d: &[Diagnostic]) -> String {
    d.iter()
        .map(|d| {
            format!(
                "{} {} | {}",
                d.rule.code,
                d.message,
                d.help.clone().unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn codes(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.rule.code).collect()
}

/// The findings of one rule, as `message | help` lines.
fn of(d: &[Diagnostic], code: &str) -> Vec<String> {
    d.iter()
        .filter(|d| d.rule.code == code)
        .map(|d| format!("{} | {}", d.message, d.help.clone().unwrap_or_default()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_matching_submission_has_no_findings_but_the_coverage() {
    let w = world(Spec::default()).await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    assert_eq!(codes(&d), ["ZG808"], "{}", show(&d));
    // Discovery found the delegation at the parent and both servers.
    let delegation = report.discovery.delegation.as_ref().unwrap();
    assert_eq!(
        delegation.parent_zone.as_ref().unwrap().to_string(),
        "test."
    );
    assert_eq!(delegation.ns_ttl, Some(7200));
    assert_eq!(delegation.glue.len(), 2);
    assert_eq!(report.discovery.servers.len(), 2);
    assert_eq!(report.ttls.parent_ns, Some(7200));
    assert_eq!(report.ttls.child_ns, Some(3600));
    assert_eq!(report.ttls.mx, Some(600));
    assert_eq!(report.ttls.soa_negative, Some(300));
    // Every query to an authoritative server had RD=0.
    for server in [w.parent(), w.ns1(), w.ns2()] {
        let seen = server.seen();
        assert!(!seen.is_empty());
        assert!(seen.iter().all(|s| !s.rd), "{seen:?}");
    }
}

/// The submission with the lines containing `needle` removed.
fn without(text: &str, needles: &[&str]) -> String {
    text.lines()
        .filter(|l| !needles.iter().any(|n| l.contains(n)))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `text` with one line replaced.
fn replace(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from} not in the text");
    text.replace(from, to)
}

/// Runs the binary on `submission` with the live options for `w`, only `code` selected, and
/// snapshots the rendered text (the shared ephemeral port is filtered out).
async fn snapshot(w: &World, code: &str, submission: &str, extra: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("example.test.zone"), submission).unwrap();
    let resolver = w.resolver().to_string();
    let port = w.lab.port.to_string();
    let mut args: Vec<String> = vec!["check".into(), "--live".into()];
    if !extra.contains(&"--resolver") {
        args.extend(["--resolver".into(), resolver]);
    }
    args.extend(
        [
            "--port",
            &port,
            "--timeout",
            "400ms",
            "--retries",
            "1",
            "--format",
            "full",
            "--color",
            "never",
            "--select",
            code,
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    args.extend(extra.iter().map(|s| s.to_string()));
    args.push("example.test.zone".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = support::run_zonegate(dir.path(), &args).await;
    let text = common::stdout(&out);
    assert!(
        text.contains(&format!("[{code}]")),
        "{code} not rendered:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let port_pattern = format!(r":{}\b", w.lab.port);
    let port_flag = format!(r"-p {}\b", w.lab.port);
    insta::with_settings!({
        snapshot_path => "snapshots/live",
        prepend_module_to_snapshot => false,
        filters => vec![(port_pattern.as_str(), ":[PORT]"), (port_flag.as_str(), "-p [PORT]")],
    }, {
        insta::assert_snapshot!(code, text);
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_rate_limit_still_compares_everything() {
    let w = world(Spec::default()).await;
    let mut o = options(&w);
    o.max_qps = 5000;
    let (d, _) = run(&without(SUBMISSION, &["shop"]), o).await;
    assert_eq!(codes(&d), ["ZG811", "ZG808"], "{}", show(&d));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rrsets_served_today_but_missing_are_errors_naming_server_and_query() {
    let w = world(Spec::default()).await;
    let submission = without(SUBMISSION, &["shop", "_dmarc", "selector1"]);
    let (d, _) = run(&submission, options(&w)).await;
    let missing = of(&d, "ZG811");
    assert_eq!(missing.len(), 3, "{}", show(&d));
    let port = w.lab.port;
    let shop = missing.iter().find(|m| m.contains("shop")).unwrap();
    assert!(
        shop.starts_with(&format!("`shop.example.test. AAAA` is served by 127.0.0.3:{port} (ns1.example.test.) but missing from the submission")),
        "{shop}"
    );
    assert!(
        shop.contains(&format!(
            "dig +norec @127.0.0.3 -p {port} shop.example.test. AAAA"
        )),
        "{shop}"
    );
    assert!(shop.contains("2001:db8::20"), "{shop}");
    // Names from the list of commonly forgotten names are found too.
    assert!(
        missing
            .iter()
            .any(|m| m.starts_with("`_dmarc.example.test. TXT`"))
    );
    assert!(
        missing
            .iter()
            .any(|m| m.starts_with("`selector1._domainkey.example.test. CNAME`"))
    );
    assert!(
        d.iter()
            .filter(|d| d.rule.code == "ZG811")
            .all(|d| d.severity == zonegate::diag::Severity::Error)
    );
    snapshot(&w, "ZG811", &without(SUBMISSION, &["shop"]), &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_that_differ_are_errors_and_names_compare_without_case() {
    let w = world(Spec::default()).await;
    let submission = replace(
        SUBMISSION,
        "www  300 IN A   192.0.2.10",
        "www  300 IN A   192.0.2.11",
    );
    // An MX target in other case is the same data (RFC 4034 §6.2).
    let submission = replace(
        &submission,
        "@    600 IN MX  10 mail",
        "@    600 IN MX  10 MAIL.Example.TEST.",
    );
    let (d, _) = run(&submission, options(&w)).await;
    let differ = of(&d, "ZG812");
    assert_eq!(differ.len(), 1, "{}", show(&d));
    assert!(
        differ[0].contains("`www.example.test. A` differs from what 127.0.0.3"),
        "{}",
        differ[0]
    );
    assert!(
        differ[0].contains("served today but not submitted: 192.0.2.10"),
        "{}",
        differ[0]
    );
    assert!(
        differ[0].contains("submitted but not served today: 192.0.2.11"),
        "{}",
        differ[0]
    );
    // The finding is at the submitted record.
    let (sources, _) = parse(&submission);
    let at = d.iter().find(|d| d.rule.code == "ZG812").unwrap();
    assert!(
        sources.text(at.span).contains("192.0.2.11"),
        "{}",
        sources.text(at.span)
    );
    assert!(!codes(&d).contains(&"ZG811"), "{}", show(&d));
    snapshot(&w, "ZG812", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn txt_split_differently_is_info_not_an_error() {
    let w = world(Spec::default()).await;
    let submission = replace(
        SUBMISSION,
        "_dmarc   IN TXT \"v=DMARC1; p=none\"",
        "_dmarc   IN TXT \"v=DMARC1;\" \" p=none\"",
    );
    let (d, _) = run(&submission, options(&w)).await;
    assert_eq!(of(&d, "ZG813").len(), 1, "{}", show(&d));
    assert!(!codes(&d).contains(&"ZG812"), "{}", show(&d));
    assert!(
        d.iter()
            .filter(|d| d.rule.code == "ZG813")
            .all(|d| d.severity == zonegate::diag::Severity::Info)
    );
    // A real difference in the text is an error, not a split.
    let other = replace(
        SUBMISSION,
        "_dmarc   IN TXT \"v=DMARC1; p=none\"",
        "_dmarc   IN TXT \"v=DMARC1;\" \" p=reject\"",
    );
    let (d, _) = run(&other, options(&w)).await;
    assert_eq!(
        codes(&d).iter().filter(|c| **c == "ZG812").count(),
        1,
        "{}",
        show(&d)
    );
    assert!(!codes(&d).contains(&"ZG813"));
    snapshot(&w, "ZG813", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ttl_only_difference_is_info() {
    let w = world(Spec::default()).await;
    let submission = replace(SUBMISSION, "www  300 IN A", "www  600 IN A");
    let (d, _) = run(&submission, options(&w)).await;
    let ttl = of(&d, "ZG814");
    assert_eq!(ttl.len(), 1, "{}", show(&d));
    assert!(
        ttl[0].contains("has TTL 600 in the submission") && ttl[0].contains("with TTL 300"),
        "{}",
        ttl[0]
    );
    assert!(!codes(&d).contains(&"ZG812"));
    snapshot(&w, "ZG814", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_only_in_the_submission_are_info() {
    let w = world(Spec::default()).await;
    let submission = format!("{SUBMISSION}newhost  IN A 192.0.2.99\nwww      IN TXT \"hello\"\n");
    let (d, _) = run(&submission, options(&w)).await;
    let only = of(&d, "ZG815");
    assert_eq!(only.len(), 2, "{}", show(&d));
    assert!(
        only.iter().any(
            |m| m.starts_with("`newhost.example.test. A` is not served today")
                && m.contains("answers NXDOMAIN")
        ),
        "{only:?}"
    );
    assert!(
        only.iter().any(
            |m| m.starts_with("`www.example.test. TXT` is not served today")
                && m.contains("has no TXT records there")
        ),
        "{only:?}"
    );
    snapshot(&w, "ZG815", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axfr_compares_names_probing_cannot_guess() {
    let live = format!("{LIVE}hidden-name IN TXT \"only an AXFR finds me\"\n");
    // AXFR refused: probing cannot know the name, and the coverage says what was probed.
    let w = world(Spec {
        ns1: live.clone(),
        ns2: live.clone(),
        ..Spec::default()
    })
    .await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    assert!(!show(&d).contains("hidden-name"), "{}", show(&d));
    let coverage = of(&d, "ZG808");
    assert!(
        coverage[0].starts_with("no server allowed a zone transfer (2 asked); compared by probing"),
        "{coverage:?}"
    );
    assert_eq!(report.content.unwrap().mode, live::content::Mode::Probe);
    // AXFR allowed: the whole zone is compared.
    let w = world(Spec {
        ns1: live.clone(),
        ns2: live,
        axfr: true,
        ..Spec::default()
    })
    .await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    let missing = of(&d, "ZG811");
    assert_eq!(missing.len(), 1, "{}", show(&d));
    assert!(
        missing[0].starts_with("`hidden-name.example.test. TXT` is served by"),
        "{}",
        missing[0]
    );
    let coverage = of(&d, "ZG808");
    assert!(
        coverage[0].starts_with(&format!(
            "compared the whole zone: AXFR from 127.0.0.3:{} (ns1.example.test.)",
            w.lab.port
        )),
        "{coverage:?}"
    );
    assert!(matches!(
        report.content.unwrap().mode,
        live::content::Mode::Axfr(_)
    ));
    snapshot(&w, "ZG808", SUBMISSION, &[]).await;
    // A large transfer arrives whole. (hickory's client drops response messages past 8 buffered
    // per request, so zonegate reads the stream itself; hickory-server sends a transfer as one
    // message, so the multi-message case is exercised by bench/live.sh against NSD instead.)
    let many: String = (0..1500)
        .map(|i| format!("h{i} IN A 192.0.2.{}\n", i % 250))
        .collect();
    let big = format!("{LIVE}{many}");
    let w = world(Spec {
        ns1: big.clone(),
        ns2: big,
        axfr: true,
        ..Spec::default()
    })
    .await;
    let (d, report) = run(&format!("{SUBMISSION}{many}"), options(&w)).await;
    assert_eq!(codes(&d), ["ZG808"], "{}", show(&d));
    let content = report.content.unwrap();
    assert!(
        matches!(content.mode, live::content::Mode::Axfr(_)),
        "{:?}",
        content.axfr_refused
    );
    assert_eq!(content.rrsets.len(), 1500 + 12);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_probe_names_extend_the_list() {
    let live = format!("{LIVE}legacy-app IN A 192.0.2.77\n");
    let w = world(Spec {
        ns1: live.clone(),
        ns2: live,
        ..Spec::default()
    })
    .await;
    let (d, _) = run(SUBMISSION, options(&w)).await;
    assert!(!show(&d).contains("legacy-app"));
    let policy: zonegate::policy::Policy =
        serde_yaml::from_str("live_probe_names: [legacy-app, other.example.]\n").unwrap();
    let (sources, report) = parse(SUBMISSION);
    let zone = report.zone.as_ref().unwrap();
    let index = ZoneIndex::new(zone);
    let session = Session::new(options(&w), None);
    let filter = Default::default();
    let out = live::check(
        &session,
        &live::LiveInput {
            zone,
            index: &index,
            sources: &sources,
            file: report.file,
            lang: zonegate::diag::Lang::En,
            policy: &policy,
            filter: &filter,
        },
    )
    .await;
    let missing = of(&out.diagnostics, "ZG811");
    assert_eq!(missing.len(), 1, "{}", show(&out.diagnostics));
    assert!(missing[0].starts_with("`legacy-app.example.test. A`"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wildcards_explain_synthesized_answers() {
    // Every name here has an A record: hickory-server 0.26 also synthesizes wildcard answers at
    // names that exist without the type asked, which RFC 4592 §2.2.1 forbids and real servers
    // do not do, so the zone avoids such names.
    let zone = "\
$TTL 3600
@    IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300
@    IN NS  ns1
@    IN NS  ns2
ns1  IN A   127.0.0.3
ns2  IN A   127.0.0.4
www  IN A   192.0.2.10
*    IN A   192.0.2.99
";
    let w = world(Spec {
        ns1: zone.into(),
        ns2: zone.into(),
        ..Spec::default()
    })
    .await;
    let submission = format!("$ORIGIN example.test.\n{zone}");
    // With the wildcard submitted, the names it synthesizes (`m`, `blog`, `_dmarc`, ... from
    // the list) are not reported one by one.
    let (d, _) = run(&submission, options(&w)).await;
    assert_eq!(codes(&d), ["ZG808"], "{}", show(&d));
    // Without it, the wildcard is reported, once.
    let (d, _) = run(&without(&submission, &["*"]), options(&w)).await;
    let missing = of(&d, "ZG811");
    assert_eq!(missing.len(), 1, "{}", show(&d));
    assert!(
        missing[0].starts_with("`*.example.test. A`"),
        "{}",
        missing[0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn servers_that_do_not_answer_are_unreachable() {
    let w = world(Spec::default()).await;
    let port = w.lab.port;
    w.ns2().set_fault(Fault::Drop);
    let (d, _) = run(SUBMISSION, options(&w)).await;
    let unreachable = of(&d, "ZG801");
    assert_eq!(unreachable.len(), 1, "{}", show(&d));
    assert!(
        unreachable[0].starts_with(&format!(
            "127.0.0.4:{port} (ns2.example.test.) does not answer over UDP or TCP: no answer within"
        )),
        "{}",
        unreachable[0]
    );
    // The content is compared with the server that answers.
    assert!(
        !codes(&d)
            .iter()
            .any(|c| ["ZG811", "ZG812", "ZG807"].contains(c)),
        "{}",
        show(&d)
    );
    snapshot(&w, "ZG801", SUBMISSION, &[]).await;

    // Answers slower than the timeout are no answers.
    w.ns2().set_fault(Fault::Delay(Duration::from_millis(1500)));
    let (d, _) = run(SUBMISSION, options(&w)).await;
    assert_eq!(of(&d, "ZG801").len(), 1, "{}", show(&d));

    w.ns2().set_fault(Fault::DropTcp);
    let (d, _) = run(SUBMISSION, options(&w)).await;
    let tcp = of(&d, "ZG801");
    assert!(
        tcp.len() == 1 && tcp[0].contains("answers over UDP but not over TCP"),
        "{}",
        show(&d)
    );

    w.ns2().set_fault(Fault::DropUdp);
    let (d, _) = run(SUBMISSION, options(&w)).await;
    let udp = of(&d, "ZG801");
    assert!(
        udp.len() == 1 && udp[0].contains("answers over TCP but not over UDP"),
        "{}",
        show(&d)
    );

    // Healthy again: nothing.
    w.ns2().set_fault(Fault::None);
    let (d, _) = run(SUBMISSION, options(&w)).await;
    assert!(!codes(&d).contains(&"ZG801"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lame_servers_refuse_fail_or_answer_without_authority() {
    let w = world(Spec::default()).await;
    for (fault, text) in [
        (Fault::Rcode(ResponseCode::Refused), "answers REFUSED"),
        (Fault::Rcode(ResponseCode::ServFail), "answers SERVFAIL"),
        (
            Fault::NotAuthoritative,
            "answers without authority (AA bit clear)",
        ),
    ] {
        w.ns2().set_fault(fault.clone());
        let (d, _) = run(SUBMISSION, options(&w)).await;
        let lame = of(&d, "ZG802");
        assert_eq!(lame.len(), 1, "{fault:?}: {}", show(&d));
        assert!(
            lame[0].contains(text)
                && lame[0].contains("ns2.example.test.")
                && lame[0].contains("over UDP and TCP"),
            "{}",
            lame[0]
        );
        assert!(
            !codes(&d)
                .iter()
                .any(|c| ["ZG801", "ZG811", "ZG812"].contains(c)),
            "{}",
            show(&d)
        );
    }
    w.ns2().set_fault(Fault::Rcode(ResponseCode::Refused));
    snapshot(&w, "ZG802", SUBMISSION, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_udp_answers_are_asked_again_over_tcp() {
    // A TXT set too large for 1232 octets is truncated over UDP by the server itself.
    let big: String = (0..12)
        .map(|i| format!("big IN TXT \"{i:02}-{}\"\n", "x".repeat(120)))
        .collect();
    let live = format!("{LIVE}{big}");
    let w = world(Spec {
        ns1: live.clone(),
        ns2: live,
        ..Spec::default()
    })
    .await;
    let submission = format!("{SUBMISSION}{big}");
    let (d, _) = run(&submission, options(&w)).await;
    assert_eq!(codes(&d), ["ZG808"], "{}", show(&d));
    let seen = w.ns1().seen();
    assert!(
        seen.iter()
            .any(|s| s.qname == "big.example.test." && s.qtype == "TXT" && !s.udp),
        "{seen:?}"
    );
    // A server that truncates every UDP answer still serves the zone over TCP.
    w.ns1().set_fault(Fault::TruncateUdp);
    w.ns2().set_fault(Fault::Drop);
    w.ns1().clear_log();
    let (d, _) = run(&submission, options(&w)).await;
    assert!(
        !codes(&d)
            .iter()
            .any(|c| ["ZG802", "ZG811", "ZG812", "ZG807"].contains(c)),
        "{}",
        show(&d)
    );
    let tcp = w
        .ns1()
        .seen()
        .iter()
        .filter(|s| !s.udp && s.qtype == "AAAA")
        .count();
    assert!(tcp > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serials_that_differ_between_servers() {
    let newer = replace(LIVE, "2024060101", "2024060102");
    let w = world(Spec {
        ns2: newer,
        ..Spec::default()
    })
    .await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    let serials = of(&d, "ZG803");
    assert_eq!(serials.len(), 1, "{}", show(&d));
    let port = w.lab.port;
    assert!(serials[0].starts_with(&format!("the current servers serve different SOA serials: 2024060102 at 127.0.0.4:{port} (ns2.example.test.); 2024060101 at 127.0.0.3:{port} (ns1.example.test.)")), "{}", serials[0]);
    // The newest serial's server comes first for the content.
    assert_eq!(
        report.servers.content_servers()[0].ip().to_string(),
        "127.0.0.4"
    );
    snapshot(&w, "ZG803", SUBMISSION, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_parent_ns_set_differs_from_the_zones_own() {
    // The zone lists a server the parent does not, and not one the parent does.
    let live = replace(
        LIVE,
        "@        IN NS  ns2\n",
        "@        IN NS  ns3.example.net.\n",
    );
    let net = format!("{NET}ns3 IN A 127.0.0.4\n");
    let w = world(Spec {
        ns1: live.clone(),
        ns2: live,
        net,
        ..Spec::default()
    })
    .await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    let mismatch = of(&d, "ZG804");
    assert_eq!(mismatch.len(), 1, "{}", show(&d));
    assert!(
        mismatch[0].contains(
            "only the parent lists ns2.example.test.; only the zone lists ns3.example.net."
        ),
        "{}",
        mismatch[0]
    );
    // The zone-only server was found through the resolver and checked too.
    let ns3 = report
        .discovery
        .servers
        .iter()
        .find(|s| {
            s.name
                .as_ref()
                .is_some_and(|n| n.to_string() == "ns3.example.net.")
        })
        .unwrap();
    assert!(
        ns3.in_child && !ns3.in_parent && ns3.addresses.len() == 1,
        "{ns3:?}"
    );
    assert!(
        !codes(&d)
            .iter()
            .any(|c| ["ZG801", "ZG802", "ZG807"].contains(c)),
        "{}",
        show(&d)
    );
    snapshot(&w, "ZG804", SUBMISSION, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn glue_that_differs_from_the_zone() {
    let moved = replace(
        LIVE,
        "ns2      IN A   127.0.0.4",
        "ns2      IN A   127.0.0.9",
    );
    let w = world(Spec {
        ns1: moved.clone(),
        ns2: moved,
        ..Spec::default()
    })
    .await;
    let submission = replace(
        SUBMISSION,
        "ns2      IN A   127.0.0.4",
        "ns2      IN A   127.0.0.9",
    );
    let (d, _) = run(&submission, options(&w)).await;
    let glue = of(&d, "ZG805");
    assert_eq!(glue.len(), 1, "{}", show(&d));
    assert!(
        glue[0]
            .starts_with("the parent's glue for `ns2.example.test.` is 127.0.0.4, but 127.0.0.3"),
        "{}",
        glue[0]
    );
    assert!(glue[0].contains("serves 127.0.0.9"), "{}", glue[0]);
    snapshot(&w, "ZG805", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undelegated_domain_has_nothing_to_compare() {
    let parent = without(PARENT, &["example"]);
    let w = world(Spec {
        parent,
        referral: None,
        ..Spec::default()
    })
    .await;
    let submission = format!("{SUBMISSION}old IN CNAME gone.example.net.\n");
    let (d, _) = run(&submission, options(&w)).await;
    let nd = of(&d, "ZG806");
    assert_eq!(nd.len(), 1, "{}", show(&d));
    assert!(
        nd[0].starts_with(
            "the parent (test.) has no delegation for `example.test.` (NXDOMAIN from 127.0.0.2"
        ),
        "{}",
        nd[0]
    );
    // Nothing to compare, nothing unreachable; the resolver checks still run.
    assert!(
        !codes(&d)
            .iter()
            .any(|c| ["ZG801", "ZG808", "ZG811", "ZG815"].contains(c)),
        "{}",
        show(&d)
    );
    assert!(codes(&d).contains(&"ZG821"), "{}", show(&d));
    snapshot(&w, "ZG806", SUBMISSION, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn network_failures_are_could_not_check_never_a_crash() {
    let w = world(Spec::default()).await;
    // No resolver answers: discovery cannot start.
    let mut o = options(&w);
    o.resolver = ResolverChoice::Address(w.lab.silent());
    let (d, _) = run(SUBMISSION, o).await;
    let gaps = of(&d, "ZG807");
    assert!(
        gaps.iter().any(|g| g
            .starts_with("could not find the delegation at the parent: looking up NS for `test.`")),
        "{}",
        show(&d)
    );
    assert!(
        gaps.iter()
            .any(|g| g.starts_with("could not check 2 targets outside the zone")),
        "{}",
        show(&d)
    );
    assert!(of(&d, "ZG808")[0].starts_with("the current content was not compared"));
    // The deadline passes at once: every check says so, none blames a server.
    let mut o = options(&w);
    o.deadline = Duration::from_millis(1);
    tokio::time::sleep(Duration::from_millis(5)).await;
    let (d, _) = run(SUBMISSION, o).await;
    assert!(
        !codes(&d)
            .iter()
            .any(|c| ["ZG801", "ZG802", "ZG811", "ZG815"].contains(c)),
        "{}",
        show(&d)
    );
    assert!(show(&d).contains("deadline"), "{}", show(&d));
    // --authoritative with a dead address: unreachable, and nothing to compare.
    let mut o = options(&w);
    o.authoritative = vec![w.lab.silent()];
    let (d, _) = run(SUBMISSION, o).await;
    assert!(codes(&d).contains(&"ZG801"), "{}", show(&d));
    snapshot(
        &w,
        "ZG807",
        SUBMISSION,
        &["--resolver", &w.lab.silent().to_string()],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authoritative_skips_discovery() {
    let w = world(Spec::default()).await;
    let mut o = options(&w);
    o.authoritative = vec![w.ns1().addr];
    let (d, report) = run(SUBMISSION, o).await;
    assert_eq!(codes(&d), ["ZG808"], "{}", show(&d));
    assert!(report.discovery.delegation.is_none());
    assert!(
        w.parent().seen().is_empty(),
        "the parent was asked: {:?}",
        w.parent().seen()
    );
    assert!(w.ns2().seen().is_empty());
    assert_eq!(report.discovery.child.unwrap().ns.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn targets_outside_the_zone_that_do_not_resolve() {
    let w = world(Spec::default()).await;
    let submission = format!(
        "{SUBMISSION}old IN CNAME gone.example.net.\n@ 600 IN MX 20 txtonly.example.net.\n_sip._tcp IN SRV 0 0 5060 missing.example.net.\nnull IN MX 0 .\n"
    );
    let (d, _) = run(&submission, options(&w)).await;
    let dangling = of(&d, "ZG821");
    assert_eq!(dangling.len(), 3, "{}", show(&d));
    assert!(
        dangling.iter().any(|m| m.starts_with(
            "`old.example.test. CNAME` points at `gone.example.net.`, which does not exist"
        )),
        "{dangling:?}"
    );
    assert!(
        dangling.iter().any(|m| m.starts_with(
            "`example.test. MX` points at `txtonly.example.net.`, which has no A or AAAA record"
        )),
        "{dangling:?}"
    );
    assert!(
        dangling.iter().any(
            |m| m.starts_with("`_sip._tcp.example.test. SRV` points at `missing.example.net.`")
        ),
        "{dangling:?}"
    );
    // The caret is on the target.
    let (sources, _) = parse(&submission);
    let at = d
        .iter()
        .find(|d| d.rule.code == "ZG821" && d.message.contains("gone"))
        .unwrap();
    assert_eq!(sources.text(at.span), "gone.example.net.");
    // The submission's own targets that resolve (a CNAME to a TXT-only name included) are fine.
    let (d, _) = run(SUBMISSION, options(&w)).await;
    assert!(!codes(&d).contains(&"ZG821"));
    snapshot(&w, "ZG821", &submission, &[]).await;
}

fn with_spf(spf: &str) -> String {
    replace(
        SUBMISSION,
        "@        IN TXT \"v=spf1 include:spf.example.net -all\"",
        &format!("@        IN TXT \"{spf}\""),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spf_chains_over_ten_lookups() {
    let w = world(Spec::default()).await;
    let submission =
        with_spf("v=spf1 include:chain1.example.net include:spf.example.net a mx -all");
    let (d, _) = run(&submission, options(&w)).await;
    let over = of(&d, "ZG822");
    assert_eq!(over.len(), 1, "{}", show(&d));
    assert!(
        over[0].starts_with(
            "SPF for `example.test.` needs 17 DNS lookups, more than the 10 RFC 7208 allows"
        ),
        "{}",
        over[0]
    );
    assert!(
        over[0].contains("include:chain2.example.net (in chain1.example.net.)"),
        "{}",
        over[0]
    );
    // Ten is allowed.
    let ten = with_spf("v=spf1 include:chain3.example.net include:chain4.example.net mx -all");
    let (d, _) = run(&ten, options(&w)).await;
    assert!(!codes(&d).contains(&"ZG822"), "{}", show(&d));
    // Over the limit within the zone's own record: ZG512 reports it offline, not ZG822 again.
    let own: String = (0..11).map(|i| format!(" a:h{i}.example.test")).collect();
    let (d, _) = run(&with_spf(&format!("v=spf1{own} -all")), options(&w)).await;
    assert!(!codes(&d).contains(&"ZG822"), "{}", show(&d));
    // Nothing after `all` is evaluated.
    let after_all = with_spf("v=spf1 -all include:chain1.example.net include:chain1.example.net");
    let (d, _) = run(&after_all, options(&w)).await;
    assert!(
        !codes(&d).iter().any(|c| c.starts_with("ZG82")),
        "{}",
        show(&d)
    );
    snapshot(&w, "ZG822", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spf_void_lookups_over_two() {
    let w = world(Spec::default()).await;
    let submission =
        with_spf("v=spf1 a:none1.example.net mx:none2.example.net exists:none3.example.net -all");
    let (d, _) = run(&submission, options(&w)).await;
    let voids = of(&d, "ZG823");
    assert_eq!(voids.len(), 1, "{}", show(&d));
    assert!(
        voids[0].starts_with("SPF for `example.test.` makes 3 void DNS lookups"),
        "{}",
        voids[0]
    );
    let two =
        with_spf("v=spf1 a:none1.example.net mx:none2.example.net exists:chain1.example.net -all");
    let (d, _) = run(&two, options(&w)).await;
    assert!(!codes(&d).contains(&"ZG823"), "{}", show(&d));
    snapshot(&w, "ZG823", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spf_includes_of_domains_without_one_spf_record() {
    let w = world(Spec::default()).await;
    let submission = with_spf(
        "v=spf1 include:nospf.example.net include:twospf.example.net redirect=gone.example.net",
    );
    let (d, _) = run(&submission, options(&w)).await;
    let broken = of(&d, "ZG824");
    assert_eq!(broken.len(), 3, "{}", show(&d));
    assert!(
        broken.iter().any(|m| m.contains(
            "`include:nospf.example.net`, pointing at `nospf.example.net.`, which has no SPF record"
        )),
        "{broken:?}"
    );
    assert!(
        broken.iter().any(|m| m.contains("which has 2 SPF records")),
        "{broken:?}"
    );
    assert!(
        broken
            .iter()
            .any(|m| m.contains("`redirect=gone.example.net`")),
        "{broken:?}"
    );
    // A redirect is ignored when the record has `all` (RFC 7208 §6.1).
    let ignored = with_spf("v=spf1 include:spf.example.net -all redirect=gone.example.net");
    let (d, _) = run(&ignored, options(&w)).await;
    assert!(!codes(&d).contains(&"ZG824"), "{}", show(&d));
    snapshot(&w, "ZG824", &submission, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ds_at_the_parent_is_a_warning() {
    let w = world(Spec {
        ds: true,
        ..Spec::default()
    })
    .await;
    let (d, report) = run(SUBMISSION, options(&w)).await;
    let ds = of(&d, "ZG825");
    assert_eq!(ds.len(), 1, "{}", show(&d));
    assert!(
        ds[0].starts_with(
            "the parent (test.) has a DS set for `example.test.` (1 record, TTL 86400)"
        ),
        "{}",
        ds[0]
    );
    assert_eq!(report.ttls.ds, Some(86400));
    // Without discovery, the resolver is asked.
    let mut o = options(&w);
    o.authoritative = vec![w.ns1().addr];
    let (d, _) = run(SUBMISSION, o).await;
    let ds = of(&d, "ZG825");
    assert!(
        ds.len() == 1 && ds[0].contains(&format!("asked {}", w.resolver())),
        "{}",
        show(&d)
    );
    // No DS, no warning.
    let w2 = world(Spec::default()).await;
    let (d, _) = run(SUBMISSION, options(&w2)).await;
    assert!(!codes(&d).contains(&"ZG825"));
    snapshot(&w, "ZG825", SUBMISSION, &[]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn findings_are_suppressed_and_decide_the_verdict_through_the_cli() {
    let w = world(Spec::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let submission = without(SUBMISSION, &["shop"]);
    std::fs::write(dir.path().join("example.test.zone"), &submission).unwrap();
    let (resolver, port) = (w.resolver().to_string(), w.lab.port.to_string());
    let live_json_args = [
        "check",
        "--live",
        "--resolver",
        &resolver,
        "--port",
        &port,
        "--format",
        "json",
        "example.test.zone",
    ];
    let out = support::run_zonegate(dir.path(), &live_json_args).await;
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(common::codes(&json).contains(&"ZG811".to_owned()));
    // A suppression on the SOA line (where the finding is anchored) accepts the file.
    let suppressed = replace(
        &submission,
        "@        IN SOA",
        "; zonegate: ignore[ZG811] shop was retired\n@        IN SOA",
    );
    std::fs::write(dir.path().join("example.test.zone"), &suppressed).unwrap();
    let out = support::run_zonegate(dir.path(), &live_json_args).await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["suppressed"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn findings_are_in_japanese_when_asked() {
    let newer = replace(LIVE, "2024060101", "2024060102");
    let w = world(Spec {
        ns2: newer,
        ds: true,
        ..Spec::default()
    })
    .await;
    w.parent().clear_log();
    let submission = format!(
        "{}old IN CNAME gone.example.net.\n",
        without(SUBMISSION, &["shop"])
    );
    let (d, _) = run_in(&submission, options(&w), zonegate::diag::Lang::Ja).await;
    for code in ["ZG803", "ZG808", "ZG811", "ZG815", "ZG821", "ZG825"] {
        let found = of(&d, code);
        assert!(!found.is_empty(), "{code} missing: {}", show(&d));
        for m in found {
            assert!(
                m.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)),
                "{code} is not in Japanese: {m}"
            );
        }
    }
}

#[test]
fn without_live_nothing_is_looked_up() {
    // A dangling target and an unreachable resolver setting: without --live neither matters,
    // and no live rule runs.
    let dir = tempfile::tempdir().unwrap();
    let submission = format!("{SUBMISSION}old IN CNAME gone.example.net.\n");
    std::fs::write(dir.path().join("example.test.zone"), submission).unwrap();
    let out = common::run(
        dir.path(),
        &["check", "--format", "json", "example.test.zone"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !common::codes(&json).iter().any(|c| c.starts_with("ZG8")),
        "{:?}",
        common::codes(&json)
    );
}

#[test]
fn live_options_need_live() {
    let out = common::zonegate()
        .args(["check", "--resolver", "127.0.0.1", "x.zone"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = common::zonegate()
        .args([
            "check",
            "--live",
            "--authoritative",
            "ns1.example.",
            "x.zone",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("names are not accepted"));
}

#[test]
fn every_live_rule_has_a_snapshot() {
    for rule in zonegate::rules::registry::RULES {
        if rule.phase == zonegate::rules::Phase::Live {
            let path = common::root().join(format!("tests/snapshots/live/{}.snap", rule.code));
            assert!(
                path.exists(),
                "{} has no snapshot of its rendered text",
                rule.code
            );
        }
    }
}
