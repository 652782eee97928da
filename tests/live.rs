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
                ZoneText::new("example.test.", &spec.ns1),
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
        lang: zonegate::diag::Lang::En,
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
    eprintln!("{}", show(&d));
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
