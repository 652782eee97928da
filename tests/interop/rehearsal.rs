//! The cutover, rehearsed on the loopback world ([`super::world`]) with real servers.
//!
//! Today example.co.jp is served by the old host (BIND) and delegated to it from jp. The
//! rehearsal moves it to the new host (Knot and NSD) and its mail to Microsoft 365, the way an
//! operator would with zonegate, then rolls back:
//!
//! 1. `check --live` of a faithful submission (accepted) and of one that lost two records
//!    (rejected, naming them);
//! 2. `plan`;
//! 3. provision the new host from `zonegate fmt` (apex SOA/NS the new host's own);
//! 4. `verify --step provision` (fails before step 3, holds after);
//! 5. change the delegation at the TLD and reload it;
//! 6. `verify --step ns-switch` (fails while the resolver still caches the old delegation,
//!    holds once the cache is flushed, standing in for the plan's wait);
//! 7. switch MX, SPF and autodiscover at the new host;
//! 8. `verify --step mx-switch`;
//! 9. roll back: mail first, then the delegation, verifying that the steps no longer hold and
//!    that the world is where it started (the faithful submission checks clean again).
//!
//! Every step is also checked by the harness itself, with direct queries and zone transfers,
//! so a `verify` that passes is known to be right.
//!
//! All the zonegate command lines are in [`Zg`]. A build without `check --live`, `plan --live`
//! or `verify` fails the rehearsal rather than skipping steps.

use super::common;
use super::gate::{enabled, say};
use super::world::{NEW_NS, OLD_NS, World, ZONE, host};
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::RecordType;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The zone as the old host serves it today: web, on-premises mail, a CDN name, Teams SRV
/// records and a DKIM selector at Microsoft.
const OLD_ZONE: &str = r#"$ORIGIN example.co.jp.
$TTL 3600
@                    IN SOA   ns1.olddns.jp. hostmaster.example.co.jp. 2024112101 7200 900 1209600 3600
@                    IN NS    ns1.olddns.jp.
@                    IN NS    ns2.olddns.jp.
@                    IN A     192.0.2.10
www                  IN A     192.0.2.10
@                    IN MX    10 mail
mail                 IN A     192.0.2.25
@                    IN TXT   "v=spf1 mx -all"
autodiscover         IN CNAME mail
_dmarc               IN TXT   "v=DMARC1; p=none; rua=mailto:dmarc@example.co.jp"
selector1._domainkey IN CNAME selector1-example-co-jp._domainkey.example.onmicrosoft.com.
shop                 IN AAAA  2001:db8::20
cdn                  IN CNAME example-co-jp.cdnedge.net.
_sip._tls            IN SRV   100 1 443 sipdir.online.lync.com.
_sipfederationtls._tcp IN SRV 100 1 5061 sipfed.online.lync.com.
"#;

const SPEC: &str = r#"zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.]
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
  spf: "v=spf1 include:spf.protection.outlook.com -all"
  autodiscover: autodiscover.outlook.com.
ttl:
  lowered: 300
"#;

const NEW_MX: &str = "0 example-co-jp.mail.protection.outlook.com.";
const NEW_SPF: &str = "\"v=spf1 include:spf.protection.outlook.com -all\"";
const NEW_AUTODISCOVER: &str = "autodiscover.outlook.com.";

/// The zonegate commands the rehearsal runs, in one place.
struct Zg {
    dir: PathBuf,
    resolver: String,
}

impl Zg {
    fn new(dir: &Path, world: &World) -> Zg {
        Zg {
            dir: dir.to_owned(),
            resolver: world.resolver(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        common::run(&self.dir, args)
    }

    /// `zonegate check --live --resolver R --format json FILE`
    fn check_live(&self, file: &str) -> Output {
        self.run(&[
            "check",
            "--live",
            "--resolver",
            &self.resolver,
            "--format",
            "json",
            file,
        ])
    }

    /// `zonegate plan --spec cutover.yaml --format json --live --resolver R FILE`
    fn plan(&self, file: &str) -> Output {
        self.run(&[
            "plan",
            "--spec",
            "cutover.yaml",
            "--format",
            "json",
            "--live",
            "--resolver",
            &self.resolver,
            file,
        ])
    }

    /// `zonegate verify --spec cutover.yaml --step STEP --resolver R FILE`
    fn verify(&self, step: &str, file: &str) -> Output {
        self.run(&[
            "verify",
            "--spec",
            "cutover.yaml",
            "--step",
            step,
            "--resolver",
            &self.resolver,
            file,
        ])
    }
}

/// Asserts an exit code, showing everything zonegate printed when it differs.
fn expect_exit(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: expected exit {code}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (code, message) of every error in a `--format json` report.
fn errors(out: &Output) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("JSON report: {e}\n{}", String::from_utf8_lossy(&out.stdout)));
    json["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().into_iter().flatten())
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The zone the new host serves: `zonegate fmt`'s records with the apex SOA and NS replaced by
/// the host's own, and, once mail has moved, MX, SPF and autodiscover pointing at Microsoft.
fn new_host_zone(fmt: &str, serial: u32, mail_moved: bool) -> String {
    let mut out = format!(
        "{ZONE}\t3600\tIN\tSOA\tns1.newdns.net. hostmaster.newdns.net. {serial} 3600 600 1209600 3600\n\
         {ZONE}\t3600\tIN\tNS\t{}\n{ZONE}\t3600\tIN\tNS\t{}\n",
        NEW_NS[0], NEW_NS[1]
    );
    let autodiscover = format!("autodiscover.{ZONE}");
    for line in fmt.lines() {
        let f: Vec<&str> = line.splitn(5, '\t').collect();
        let (owner, rtype, data) = (f[0], f[3], f[4]);
        let apex = owner.eq_ignore_ascii_case(ZONE);
        if apex && (rtype == "SOA" || rtype == "NS") {
            continue;
        }
        if mail_moved
            && ((apex && rtype == "MX")
                || (apex && rtype == "TXT" && data.starts_with("\"v=spf1"))
                || owner.eq_ignore_ascii_case(&autodiscover))
        {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    if mail_moved {
        out.push_str(&format!(
            "{ZONE}\t3600\tIN\tMX\t{NEW_MX}\n{ZONE}\t3600\tIN\tTXT\t{NEW_SPF}\n\
             {autodiscover}\t3600\tIN\tCNAME\t{NEW_AUTODISCOVER}\n"
        ));
    }
    out
}

/// The records two zone texts hold, compared as in the differential test.
fn same_records(a: &str, b: &str) -> Result<(), String> {
    let a_set = super::records::read(a.as_bytes(), ZONE)?;
    let b_set = super::records::read(b.as_bytes(), ZONE)?;
    if super::records::equal(&a_set, &b_set) {
        Ok(())
    } else {
        Err(super::records::describe_difference(
            &a_set, &b_set, "served", 10,
        ))
    }
}

/// The SOA MNAME the resolver sees for the zone: which host it is talking to.
fn resolver_sees(world: &World) -> String {
    let r = world.resolve(ZONE, RecordType::SOA);
    assert_eq!(r.rcode(), ResponseCode::NoError, "resolver SOA {ZONE}");
    let soa = r.answer_data(RecordType::SOA);
    soa.first()
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn interop_cutover_rehearsal() {
    if !enabled("interop_cutover_rehearsal") {
        return;
    }
    let dir = tempfile::Builder::new()
        .prefix("zonegate-rehearsal-")
        .tempdir()
        .unwrap();
    let d = dir.path();
    std::fs::write(d.join("submission.zone"), OLD_ZONE).unwrap();
    let missing: String = OLD_ZONE
        .lines()
        .filter(|l| !l.starts_with("shop") && !l.starts_with("_sip._tls"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(d.join("missing.zone"), &missing).unwrap();
    std::fs::write(d.join("cutover.yaml"), SPEC).unwrap();

    let mut world = World::start(OLD_ZONE);
    let zg = Zg::new(d, &world);

    // The world as it is today: the resolver reaches the old host through root and jp.
    assert_eq!(world.delegation(), OLD_NS.map(String::from));
    assert_eq!(resolver_sees(&world), "ns1.olddns.jp.");
    assert_eq!(
        world
            .resolve(&format!("www.{ZONE}"), RecordType::A)
            .answer_data(RecordType::A),
        ["192.0.2.10"]
    );
    assert_eq!(
        world
            .resolve(ZONE, RecordType::MX)
            .answer_data(RecordType::MX),
        [format!("10 mail.{ZONE}")]
    );

    // ---- 1. check --live ------------------------------------------------------------------
    let live = world.axfr(host::OLD1, ZONE);
    same_records(OLD_ZONE, &live).expect("the old host serves the faithful submission exactly");
    assert!(same_records(&missing, &live).is_err());
    let out = zg.check_live("submission.zone");
    expect_exit(&out, 0, "check --live of a faithful submission");
    assert_eq!(errors(&out), [], "check --live of a faithful submission");
    let out = zg.check_live("missing.zone");
    expect_exit(
        &out,
        1,
        "check --live of a submission missing two live RRsets",
    );
    let found = errors(&out);
    say(&format!(
        "interop: check --live of missing.zone found {found:?}"
    ));
    let missing_found: Vec<String> = found
        .into_iter()
        .filter(|(code, _)| code == "ZG811")
        .map(|(_, m)| m)
        .collect();
    for name in [format!("shop.{ZONE}"), format!("_sip._tls.{ZONE}")] {
        assert!(
            missing_found.iter().any(|m| m.contains(&name)),
            "ZG811 for {name} expected in {missing_found:?}"
        );
    }

    // ---- 2. plan --------------------------------------------------------------------------
    let out = zg.plan("submission.zone");
    expect_exit(&out, 0, "plan");
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).expect("plan JSON");
    let ids: Vec<&str> = plan["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default())
        .collect();
    let order = [
        "preflight",
        "lower-ttl",
        "provision",
        "ns-switch",
        "mx-switch",
        "restore-ttl",
        "decommission",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|id| {
            ids.iter()
                .position(|x| x == id)
                .unwrap_or_else(|| panic!("step {id} in {ids:?}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "step order {ids:?}"
    );
    assert!(
        !ids.contains(&"remove-ds"),
        "no DS at the parent in this world: {ids:?}"
    );
    assert_eq!(
        plan["zone"].as_str().map(|z| z.trim_end_matches('.')),
        Some("example.co.jp")
    );
    assert_eq!(
        plan["sha256"].as_str().map(str::len),
        Some(64),
        "plan sha256"
    );
    // jp.'s delegation TTL in this world is 86400, measured by `plan --live`.
    let ns_switch = &plan["steps"][positions[3]];
    assert!(
        ns_switch["wait_seconds"]
            .as_u64()
            .is_some_and(|w| w >= 86400),
        "ns-switch waits out the parent's NS TTL: {ns_switch}"
    );

    // ---- 3. provision from zonegate fmt -----------------------------------------------------
    let fmt = zg.run(&["fmt", "submission.zone"]);
    expect_exit(&fmt, 0, "fmt of the submission");
    let fmt = common::stdout(&fmt);
    let out = zg.verify("provision", "submission.zone");
    expect_exit(
        &out,
        1,
        "verify provision before the new host serves the zone",
    );
    let serial = 2024112201;
    let provisioned = new_host_zone(&fmt, serial, false);
    world.provision(&provisioned);
    for h in [host::NEW_KNOT, host::NEW_NSD] {
        let served = world.axfr(h, ZONE);
        same_records(&provisioned, &served).unwrap_or_else(|e| {
            panic!(
                "new server {} serves what was provisioned:\n{e}",
                world.ip(h)
            )
        });
    }

    // ---- 4. verify provision --------------------------------------------------------------
    let out = zg.verify("provision", "submission.zone");
    expect_exit(&out, 0, "verify provision after provisioning");

    // ---- 5. the delegation at the TLD ---------------------------------------------------------
    assert_eq!(
        resolver_sees(&world),
        "ns1.olddns.jp.",
        "cached before the switch"
    );
    world.delegate(&NEW_NS);
    // The resolver still holds the old delegation: this is what the plan's wait is for.
    assert_eq!(
        resolver_sees(&world),
        "ns1.olddns.jp.",
        "the resolver's cache outlives the change"
    );

    // ---- 6. verify ns-switch ------------------------------------------------------------------
    let out = zg.verify("ns-switch", "submission.zone");
    expect_exit(
        &out,
        1,
        "verify ns-switch while the resolver caches the old delegation",
    );
    world.flush_resolver(ZONE);
    assert_eq!(resolver_sees(&world), "ns1.newdns.net.", "after the wait");
    assert_eq!(
        world
            .resolve(ZONE, RecordType::NS)
            .answer_data(RecordType::NS),
        NEW_NS.map(String::from)
    );
    let out = zg.verify("ns-switch", "submission.zone");
    expect_exit(&out, 0, "verify ns-switch after the wait");

    // ---- 7. switch mail -----------------------------------------------------------------------
    assert_eq!(
        world
            .resolve(ZONE, RecordType::MX)
            .answer_data(RecordType::MX),
        [format!("10 mail.{ZONE}")]
    );
    let moved = new_host_zone(&fmt, serial + 1, true);
    world.update_new(&moved, serial + 1);
    for h in [host::NEW_KNOT, host::NEW_NSD] {
        assert_eq!(
            world
                .ask(h, ZONE, RecordType::MX)
                .answer_data(RecordType::MX),
            [NEW_MX]
        );
    }

    // ---- 8. verify mx-switch ------------------------------------------------------------------
    let out = zg.verify("mx-switch", "submission.zone");
    expect_exit(
        &out,
        1,
        "verify mx-switch while the resolver caches the old MX",
    );
    world.flush_resolver(ZONE);
    assert_eq!(
        world
            .resolve(ZONE, RecordType::MX)
            .answer_data(RecordType::MX),
        [NEW_MX]
    );
    assert_eq!(
        world
            .resolve(ZONE, RecordType::TXT)
            .answer_data(RecordType::TXT),
        [NEW_SPF]
    );
    let auto = world.resolve(&format!("autodiscover.{ZONE}"), RecordType::A);
    assert_eq!(auto.answer_data(RecordType::CNAME), [NEW_AUTODISCOVER]);
    assert_eq!(
        auto.answer_data(RecordType::A),
        ["192.0.2.201"],
        "the CNAME resolves at the provider"
    );
    let out = zg.verify("mx-switch", "submission.zone");
    expect_exit(&out, 0, "verify mx-switch after the wait");

    // ---- 9. rollback: mail, then the delegation -----------------------------------------------
    let back = new_host_zone(&fmt, serial + 2, false);
    world.update_new(&back, serial + 2);
    world.flush_resolver(ZONE);
    assert_eq!(
        world
            .resolve(ZONE, RecordType::MX)
            .answer_data(RecordType::MX),
        [format!("10 mail.{ZONE}")]
    );
    let out = zg.verify("mx-switch", "submission.zone");
    expect_exit(&out, 1, "verify mx-switch after rolling mail back");
    world.delegate(&OLD_NS);
    world.flush_resolver(ZONE);
    assert_eq!(
        resolver_sees(&world),
        "ns1.olddns.jp.",
        "after rolling the delegation back"
    );
    let out = zg.verify("ns-switch", "submission.zone");
    expect_exit(
        &out,
        1,
        "verify ns-switch after rolling the delegation back",
    );
    let out = zg.check_live("submission.zone");
    expect_exit(
        &out,
        0,
        "check --live after the rollback: the world is where it started",
    );

    world.assert_running();
    let pids = world.pids();
    drop(world);
    for pid in pids {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "server pid {pid} still exists after the world was dropped"
        );
    }
}

/// The world on its own: every server answers, the resolver walks from the loopback root to
/// each zone, and when the test panics every server is stopped, every alias removed and every
/// address free again.
#[test]
fn interop_world_resolves_and_is_torn_down_on_panic() {
    if !enabled("interop_world_resolves_and_is_torn_down_on_panic") {
        return;
    }
    type Seen = (Vec<u32>, Vec<std::net::Ipv4Addr>, PathBuf);
    let seen: std::sync::Mutex<Option<Seen>> = Default::default();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let world = World::start(OLD_ZONE);
        let ips: Vec<std::net::Ipv4Addr> = host::ALL.iter().map(|&h| world.ip(h)).collect();
        *seen.lock().unwrap() = Some((world.pids(), ips, world.path("")));
        let a = |name: &str| {
            world
                .resolve(name, RecordType::A)
                .answer_data(RecordType::A)
        };
        assert_eq!(a(&format!("www.{ZONE}")), ["192.0.2.10"]);
        assert_eq!(
            a("example-co-jp.mail.protection.outlook.com."),
            ["192.0.2.200"]
        );
        assert_eq!(a("sipdir.online.lync.com."), ["192.0.2.210"]);
        let cdn = world.resolve(&format!("cdn.{ZONE}"), RecordType::A);
        assert_eq!(cdn.answer_data(RecordType::A), ["192.0.2.220"]);
        let nx = world.resolve(&format!("nowhere.{ZONE}"), RecordType::A);
        assert_eq!(nx.rcode(), ResponseCode::NXDomain);
        // Referrals, RD=0: root → jp → the old host.
        let root = world.ask(host::ROOT, ZONE, RecordType::NS);
        assert_eq!(root.referral(), ["a.dns.jp."]);
        let tld = world.ask(host::TLD, ZONE, RecordType::NS);
        assert!(!tld.aa());
        assert_eq!(tld.referral(), OLD_NS.map(String::from));
        // The new host does not serve the customer's zone yet.
        for h in [host::NEW_KNOT, host::NEW_NSD] {
            assert_eq!(
                world.ask(h, ZONE, RecordType::SOA).rcode(),
                ResponseCode::Refused
            );
        }
        panic!("deliberate: the world must be torn down by unwinding");
    }));
    let message = result.expect_err("the closure panics");
    let message = message
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| message.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    assert!(
        message.starts_with("deliberate"),
        "the world failed before the deliberate panic: {message}"
    );
    let (pids, ips, files) = seen.lock().unwrap().take().expect("the world started");
    // A failed test keeps the world's files for inspection; this one failed on purpose.
    assert!(
        files.join("resolver/unbound.conf").exists(),
        "files kept after a failure"
    );
    std::fs::remove_dir_all(&files).unwrap();
    assert_eq!(pids.len(), 7, "seven servers");
    for pid in pids {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "server pid {pid} survived the panic"
        );
    }
    let lo = super::daemon::run_ok(
        &super::gate::tool("ip"),
        &["-4", "-o", "addr", "show", "dev", "lo"],
    );
    for ip in ips {
        assert!(
            !lo.contains(&format!(" {ip}/32 ")),
            "alias {ip} left on lo:\n{lo}"
        );
        // NSD's worker processes exit just after the one we started: wait for the port.
        let addr = std::net::SocketAddr::from((ip, 53));
        super::daemon::wait_for(
            &format!("{addr} to be free"),
            std::time::Duration::from_secs(10),
            || std::net::UdpSocket::bind(addr).ok(),
        );
    }
}
