//! A DNS world of real servers on 127.0.0.0/8, for the cutover rehearsal.
//!
//! ```text
//!  role        software  host  names                                serves
//!  root        NSD       .1    a.root-servers.net                   .
//!  TLDs        BIND      .2    a.dns.jp, a.gtld-servers.net         jp. com. net.
//!  old host    BIND      .3/.4 ns1/ns2.olddns.jp                    example.co.jp (today), olddns.jp
//!  new host    Knot      .5    ns1.newdns.net                       newdns.net, example.co.jp once provisioned
//!  new host    NSD       .6    ns2.newdns.net                       newdns.net, example.co.jp once provisioned
//!  providers   NSD       .7    ns1.provider.net                     outlook.com onmicrosoft.com lync.com (mail,
//!                                                                   Teams) and cdnedge.net (CDN)
//!  resolver    Unbound   .9                                         recursion from the loopback root
//! ```
//!
//! Every address is `127.53.N.host`, port 53. The block `N` is claimed by binding a socket on
//! `127.53.N.254`: the kernel releases the claim when the process ends however it ends, so
//! worlds in parallel tests, in parallel test binaries or left over from a killed run never
//! share addresses. A block whose addresses are still bound (servers of a run killed with
//! SIGKILL that outlived it) is skipped.
//!
//! BIND listens only on addresses that exist on an interface, so each address is added to `lo`
//! as a /32 alias (`ip addr add`), and removed when the world is dropped. Everything the
//! servers read or write (configs, zones, pid files, control sockets, keys, logs) is in one
//! temp dir. Dropping the world stops every server by its PID (see [`Daemon`]), then removes
//! the aliases, then the dir: on success, on failure and on panic.

use super::daemon::{Daemon, log_tail, run, run_ok, wait_for};
use super::dns::{self, Response};
use super::gate::tool;
use hickory_proto::op::ResponseCode;
use hickory_proto::rr::RecordType;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const ZONE: &str = "example.co.jp.";
pub const OLD_NS: [&str; 2] = ["ns1.olddns.jp.", "ns2.olddns.jp."];
pub const NEW_NS: [&str; 2] = ["ns1.newdns.net.", "ns2.newdns.net."];

/// Host numbers inside the block.
pub mod host {
    pub const ROOT: u8 = 1;
    pub const TLD: u8 = 2;
    pub const OLD1: u8 = 3;
    pub const OLD2: u8 = 4;
    pub const NEW_KNOT: u8 = 5;
    pub const NEW_NSD: u8 = 6;
    pub const PROVIDER: u8 = 7;
    pub const RESOLVER: u8 = 9;
    pub const ALL: [u8; 8] = [ROOT, TLD, OLD1, OLD2, NEW_KNOT, NEW_NSD, PROVIDER, RESOLVER];
    /// Where the block's claim is held; no server listens there.
    pub const CLAIM: u8 = 254;
}

/// How long a server may take to come up or to load a change. Generous: the machine is shared.
const PATIENCE: Duration = Duration::from_secs(30);

/// A `127.53.N.0/24` block, claimed for as long as this value lives.
pub struct Block {
    n: u8,
    _claim: TcpListener,
}

impl Block {
    pub fn ip(&self, host: u8) -> Ipv4Addr {
        Ipv4Addr::new(127, 53, self.n, host)
    }

    fn claim() -> Block {
        // Start from a PID-dependent block so that concurrent runs rarely even try the same one.
        let first = (std::process::id() % 250) as u8;
        for i in 0..250u16 {
            let n = ((u16::from(first) + i) % 250 + 1) as u8;
            let claim_at = SocketAddr::from((Ipv4Addr::new(127, 53, n, host::CLAIM), 53));
            let Ok(claim) = TcpListener::bind(claim_at) else {
                continue;
            };
            let free = host::ALL.iter().all(|&h| {
                let a = SocketAddr::from((Ipv4Addr::new(127, 53, n, h), 53));
                UdpSocket::bind(a).is_ok() && TcpListener::bind(a).is_ok()
            });
            if free {
                return Block { n, _claim: claim };
            }
        }
        panic!(
            "interop: no free 127.53.N.0/24 block. Something holds port 53 on every address (a \
             system DNS server or resolver started by the package install?) or old test servers \
             are still running; see `ss -lnup 'sport = :53'`"
        );
    }
}

/// A /32 alias on `lo`, removed on drop.
struct Alias {
    ip: Ipv4Addr,
}

impl Alias {
    fn add(ip: Ipv4Addr) -> Alias {
        let cidr = format!("{ip}/32");
        let ip_tool = tool("ip");
        let shown = run_ok(
            &ip_tool,
            &["-4", "-o", "addr", "show", "dev", "lo", "to", &cidr],
        );
        // An alias already there is left over from a killed run: the block is ours now, so
        // it is removed on drop like one we added.
        if shown.trim().is_empty() {
            let (ok, out) = run(&ip_tool, &["addr", "add", &cidr, "dev", "lo"], None);
            assert!(
                ok,
                "interop: cannot add {cidr} to lo ({}); the DNS world needs root with \
                 CAP_NET_ADMIN (in a container: --cap-add NET_ADMIN)",
                out.trim()
            );
        }
        Alias { ip }
    }
}

impl Drop for Alias {
    fn drop(&mut self) {
        let cidr = format!("{}/32", self.ip);
        let (ok, out) = run(&tool("ip"), &["addr", "del", &cidr, "dev", "lo"], None);
        if !ok {
            super::gate::say(&format!("interop: could not remove {cidr} from lo: {out}"));
        }
    }
}

pub struct World {
    // Field order is drop order: servers first, then the aliases they listen on, then the
    // block's claim, then the files.
    daemons: Vec<Daemon>,
    _aliases: Vec<Alias>,
    pub block: Block,
    /// The jp. zone's serial, bumped by every delegation change.
    jp_serial: u32,
    dir: tempfile::TempDir,
}

impl Drop for World {
    /// The fields do the work (servers, aliases, claim, files, in that order). When a test
    /// fails, the files are kept: the servers' logs and configs are what explains the failure.
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.dir.disable_cleanup(true);
            super::gate::say(&format!(
                "interop: the test failed; the world's configs, zones and logs are kept in {}",
                self.dir.path().display()
            ));
        }
    }
}

impl World {
    /// Builds and starts the world, with `old_zone` (zone file text for example.co.jp) served by
    /// the old host and the zone delegated to it. Returns once every server answers.
    pub fn start(old_zone: &str) -> World {
        super::gate::require_root();
        for t in [
            "named",
            "rndc",
            "tsig-keygen",
            "named-checkconf",
            "nsd",
            "nsd-control",
            "nsd-checkconf",
            "knotd",
            "knotc",
            "unbound",
            "unbound-control",
            "unbound-checkconf",
            "dig",
            "ip",
            "setpriv",
        ] {
            tool(t);
        }
        let block = Block::claim();
        let dir = tempfile::Builder::new()
            .prefix("zonegate-world-")
            .tempdir()
            .unwrap();
        let mut world = World {
            daemons: Vec::new(),
            _aliases: host::ALL.iter().map(|&h| Alias::add(block.ip(h))).collect(),
            block,
            jp_serial: 2024112101,
            dir,
        };
        super::gate::say(&format!(
            "interop: DNS world in 127.53.{}.0/24, files in {}",
            world.block.n,
            world.dir.path().display()
        ));
        world.start_root();
        world.start_tld();
        world.start_old(old_zone);
        world.start_new_knot();
        world.start_new_nsd();
        world.start_provider();
        world.start_resolver();
        world
    }

    pub fn ip(&self, h: u8) -> Ipv4Addr {
        self.block.ip(h)
    }

    pub fn addr(&self, h: u8) -> SocketAddr {
        SocketAddr::from((self.ip(h), 53))
    }

    /// `ADDR:53` as zonegate's `--resolver` takes it.
    pub fn resolver(&self) -> String {
        self.addr(host::RESOLVER).to_string()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn subdir(&self, name: &str) -> PathBuf {
        let d = self.path(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn spawn(&mut self, name: &str, program: &str, args: &[&str], dir: &Path) {
        let d = Daemon::spawn(name, &tool(program), args, &dir.join("server.log"));
        super::gate::say(&format!("interop:   {name} started, pid {}", d.pid()));
        self.daemons.push(d);
    }

    /// Waits until `server` answers `zone SOA` authoritatively, checking that the most recent
    /// daemon is still alive meanwhile.
    fn wait_authoritative(&mut self, h: u8, zone: &str) {
        let addr = self.addr(h);
        let daemon = self.daemons.last_mut().unwrap();
        wait_for(
            &format!("{} to serve {zone} on {addr}", daemon.name),
            PATIENCE,
            || {
                daemon.assert_running();
                match dns::query(addr, zone, RecordType::SOA, false) {
                    Ok(r) if r.rcode() == ResponseCode::NoError && r.aa() => Some(()),
                    _ => None,
                }
            },
        );
    }

    // --- root -----------------------------------------------------------------------------

    fn root_zone(&self) -> String {
        format!(
            "$TTL 86400\n\
             .                    IN SOA a.root-servers.net. nstld.verisign-grs.com. 2024112101 1800 900 604800 86400\n\
             .                    IN NS  a.root-servers.net.\n\
             a.root-servers.net.  IN A   {root}\n\
             jp.                  IN NS  a.dns.jp.\n\
             a.dns.jp.            IN A   {tld}\n\
             com.                 IN NS  a.gtld-servers.net.\n\
             net.                 IN NS  a.gtld-servers.net.\n\
             a.gtld-servers.net.  IN A   {tld}\n",
            root = self.ip(host::ROOT),
            tld = self.ip(host::TLD)
        )
    }

    fn start_root(&mut self) {
        let d = self.subdir("root");
        std::fs::write(d.join("root.zone"), self.root_zone()).unwrap();
        let conf = nsd_conf(&d, self.ip(host::ROOT), &[(".", "root.zone")]);
        self.spawn("NSD root", "nsd", &["-d", "-c", conf.to_str().unwrap()], &d);
        self.wait_authoritative(host::ROOT, ".");
    }

    // --- TLDs -------------------------------------------------------------------------------

    fn jp_zone(&self, delegation: &[&str]) -> String {
        let mut z = format!(
            "$TTL 86400\n\
             jp.             IN SOA a.dns.jp. hostmaster.jp. {serial} 3600 900 1814400 900\n\
             jp.             IN NS  a.dns.jp.\n\
             a.dns.jp.       IN A   {tld}\n\
             olddns.jp.      IN NS  ns1.olddns.jp.\n\
             olddns.jp.      IN NS  ns2.olddns.jp.\n\
             ns1.olddns.jp.  IN A   {old1}\n\
             ns2.olddns.jp.  IN A   {old2}\n",
            serial = self.jp_serial,
            tld = self.ip(host::TLD),
            old1 = self.ip(host::OLD1),
            old2 = self.ip(host::OLD2),
        );
        for ns in delegation {
            z.push_str(&format!("{ZONE} IN NS {ns}\n"));
        }
        z
    }

    fn start_tld(&mut self) {
        let d = self.subdir("tld");
        let tld = self.ip(host::TLD);
        std::fs::write(d.join("jp.zone"), self.jp_zone(&OLD_NS)).unwrap();
        std::fs::write(
            d.join("com.zone"),
            "$TTL 172800\n\
             com.             IN SOA a.gtld-servers.net. nstld.verisign-grs.com. 2024112101 1800 900 604800 86400\n\
             com.             IN NS  a.gtld-servers.net.\n\
             outlook.com.     IN NS  ns1.provider.net.\n\
             onmicrosoft.com. IN NS  ns1.provider.net.\n\
             lync.com.        IN NS  ns1.provider.net.\n",
        )
        .unwrap();
        std::fs::write(
            d.join("net.zone"),
            format!(
                "$TTL 172800\n\
                 net.                IN SOA a.gtld-servers.net. nstld.verisign-grs.com. 2024112101 1800 900 604800 86400\n\
                 net.                IN NS  a.gtld-servers.net.\n\
                 a.gtld-servers.net. IN A   {tld}\n\
                 newdns.net.         IN NS  ns1.newdns.net.\n\
                 newdns.net.         IN NS  ns2.newdns.net.\n\
                 ns1.newdns.net.     IN A   {knot}\n\
                 ns2.newdns.net.     IN A   {nsd}\n\
                 provider.net.       IN NS  ns1.provider.net.\n\
                 ns1.provider.net.   IN A   {provider}\n\
                 cdnedge.net.        IN NS  ns1.provider.net.\n",
                knot = self.ip(host::NEW_KNOT),
                nsd = self.ip(host::NEW_NSD),
                provider = self.ip(host::PROVIDER),
            ),
        )
        .unwrap();
        let conf = named_conf(
            &d,
            &[tld],
            &[("jp", "jp.zone"), ("com", "com.zone"), ("net", "net.zone")],
        );
        self.spawn(
            "BIND TLDs",
            "named",
            &["-g", "-c", conf.to_str().unwrap()],
            &d,
        );
        for zone in ["jp.", "com.", "net."] {
            self.wait_authoritative(host::TLD, zone);
        }
    }

    /// The NS names jp. delegates example.co.jp to, as the TLD serves them now.
    pub fn delegation(&self) -> Vec<String> {
        let r =
            dns::query(self.addr(host::TLD), ZONE, RecordType::NS, false).expect("the TLD answers");
        r.referral()
    }

    /// Changes the delegation of example.co.jp at the TLD, as the registry does: a new jp.
    /// zone with the serial bumped, reloaded through rndc; returns once the TLD serves it.
    pub fn delegate(&mut self, ns: &[&str]) {
        self.jp_serial += 1;
        let d = self.path("tld");
        std::fs::write(d.join("jp.zone"), self.jp_zone(ns)).unwrap();
        self.rndc(&d, host::TLD, &["reload", "jp"]);
        let serial = self.jp_serial;
        let addr = self.addr(host::TLD);
        wait_for(
            &format!("the TLD to serve jp. serial {serial}"),
            PATIENCE,
            || {
                dns::query(addr, "jp.", RecordType::SOA, false)
                    .ok()
                    .filter(|r| r.serial() == Some(serial))
            },
        );
        let mut want: Vec<String> = ns.iter().map(|n| n.to_string()).collect();
        want.sort();
        assert_eq!(
            self.delegation(),
            want,
            "the TLD's referral after the change"
        );
    }

    fn rndc(&self, dir: &Path, h: u8, args: &[&str]) -> String {
        let key = dir.join("rndc.key");
        let ip = self.ip(h).to_string();
        let mut all = vec!["-k", key.to_str().unwrap(), "-s", &ip, "-p", "953"];
        all.extend_from_slice(args);
        run_ok(&tool("rndc"), &all)
    }

    // --- old host (BIND) ---------------------------------------------------------------------

    fn start_old(&mut self, zone: &str) {
        let d = self.subdir("old");
        std::fs::write(d.join("example.co.jp.zone"), zone).unwrap();
        std::fs::write(
            d.join("olddns.jp.zone"),
            format!(
                "$TTL 3600\n\
                 @   IN SOA ns1.olddns.jp. hostmaster.olddns.jp. 2024112101 3600 600 86400 300\n\
                 @   IN NS  ns1\n\
                 @   IN NS  ns2\n\
                 ns1 IN A   {}\n\
                 ns2 IN A   {}\n",
                self.ip(host::OLD1),
                self.ip(host::OLD2)
            ),
        )
        .unwrap();
        let conf = named_conf(
            &d,
            &[self.ip(host::OLD1), self.ip(host::OLD2)],
            &[
                ("example.co.jp", "example.co.jp.zone"),
                ("olddns.jp", "olddns.jp.zone"),
            ],
        );
        self.spawn(
            "BIND old host",
            "named",
            &["-g", "-c", conf.to_str().unwrap()],
            &d,
        );
        for h in [host::OLD1, host::OLD2] {
            self.wait_authoritative(h, ZONE);
            self.wait_authoritative(h, "olddns.jp.");
        }
    }

    // --- new host (Knot + NSD) ---------------------------------------------------------------

    fn newdns_zone(&self) -> String {
        format!(
            "$TTL 3600\n\
             newdns.net.     IN SOA ns1.newdns.net. hostmaster.newdns.net. 2024112101 3600 600 86400 300\n\
             newdns.net.     IN NS  ns1.newdns.net.\n\
             newdns.net.     IN NS  ns2.newdns.net.\n\
             ns1.newdns.net. IN A   {}\n\
             ns2.newdns.net. IN A   {}\n",
            self.ip(host::NEW_KNOT),
            self.ip(host::NEW_NSD)
        )
    }

    fn start_new_knot(&mut self) {
        let d = self.subdir("knot");
        std::fs::create_dir_all(d.join("db")).unwrap();
        std::fs::write(d.join("newdns.net.zone"), self.newdns_zone()).unwrap();
        let conf = d.join("knot.conf");
        std::fs::write(
            &conf,
            format!(
                r#"server:
    rundir: "{d}"
    pidfile: "{d}/knot.pid"
    listen: {ip}@53
log:
  - target: stderr
    any: info
database:
    storage: "{d}/db"
control:
    listen: "{d}/knot.sock"
acl:
  - id: xfr
    address: 127.0.0.0/8
    action: transfer
template:
  - id: default
    storage: "{d}"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    acl: xfr
zone:
  - domain: newdns.net
"#,
                d = d.display(),
                ip = self.ip(host::NEW_KNOT)
            ),
        )
        .unwrap();
        run_ok(
            &tool("knotc"),
            &["-c", conf.to_str().unwrap(), "conf-check"],
        );
        self.spawn(
            "Knot new host ns1",
            "knotd",
            &["-c", conf.to_str().unwrap()],
            &d,
        );
        self.wait_authoritative(host::NEW_KNOT, "newdns.net.");
    }

    fn start_new_nsd(&mut self) {
        let d = self.subdir("nsd");
        std::fs::write(d.join("newdns.net.zone"), self.newdns_zone()).unwrap();
        let conf = nsd_conf(
            &d,
            self.ip(host::NEW_NSD),
            &[("newdns.net", "newdns.net.zone")],
        );
        self.spawn(
            "NSD new host ns2",
            "nsd",
            &["-d", "-c", conf.to_str().unwrap()],
            &d,
        );
        self.wait_authoritative(host::NEW_NSD, "newdns.net.");
    }

    /// Provisions example.co.jp on both new servers from `zone` (zone file text), as a host
    /// adds a customer's zone: Knot through a configuration transaction, NSD with `addzone`.
    /// Returns once both answer for it authoritatively.
    pub fn provision(&mut self, zone: &str) {
        let knot = self.path("knot");
        let nsd = self.path("nsd");
        std::fs::write(knot.join("example.co.jp.zone"), zone).unwrap();
        std::fs::write(nsd.join("example.co.jp.zone"), zone).unwrap();
        let knot_conf = knot.join("knot.conf");
        let knotc = tool("knotc");
        let conf = knot_conf.to_str().unwrap();
        run_ok(&knotc, &["-c", conf, "conf-begin"]);
        run_ok(&knotc, &["-c", conf, "conf-set", "zone.domain", ZONE]);
        run_ok(&knotc, &["-c", conf, "conf-commit"]);
        let nsd_conf = nsd.join("nsd.conf");
        run_ok(
            &tool("nsd-control"),
            &[
                "-c",
                nsd_conf.to_str().unwrap(),
                "addzone",
                ZONE.trim_end_matches('.'),
                "customer",
            ],
        );
        for h in [host::NEW_KNOT, host::NEW_NSD] {
            let addr = self.addr(h);
            let log = if h == host::NEW_KNOT {
                knot.join("server.log")
            } else {
                nsd.join("nsd.log")
            };
            wait_for(
                &format!("{addr} to serve the provisioned {ZONE}"),
                PATIENCE,
                || {
                    match dns::query(addr, ZONE, RecordType::SOA, false) {
                        Ok(r) if r.rcode() == ResponseCode::NoError && r.aa() => Some(()),
                        Ok(r) if r.rcode() == ResponseCode::ServFail => {
                            // A zone that fails to load is SERVFAIL for good: say why at once.
                            panic!(
                                "{addr} cannot load the provisioned zone:\n{}",
                                log_tail(&log)
                            )
                        }
                        _ => None,
                    }
                },
            );
        }
    }

    /// Replaces example.co.jp on both new servers (the customer's change at the new host) and
    /// returns once both serve `serial`.
    pub fn update_new(&mut self, zone: &str, serial: u32) {
        let knot = self.path("knot");
        let nsd = self.path("nsd");
        std::fs::write(knot.join("example.co.jp.zone"), zone).unwrap();
        std::fs::write(nsd.join("example.co.jp.zone"), zone).unwrap();
        run_ok(
            &tool("knotc"),
            &[
                "-c",
                knot.join("knot.conf").to_str().unwrap(),
                "zone-reload",
                ZONE,
            ],
        );
        run_ok(
            &tool("nsd-control"),
            &["-c", nsd.join("nsd.conf").to_str().unwrap(), "reload", ZONE],
        );
        for h in [host::NEW_KNOT, host::NEW_NSD] {
            self.wait_serial(h, serial);
        }
    }

    fn wait_serial(&self, h: u8, serial: u32) {
        let addr = self.addr(h);
        wait_for(
            &format!("{addr} to serve {ZONE} serial {serial}"),
            PATIENCE,
            || {
                dns::query(addr, ZONE, RecordType::SOA, false)
                    .ok()
                    .filter(|r| r.aa() && r.serial() == Some(serial))
            },
        );
    }

    // --- providers (NSD) ---------------------------------------------------------------------

    fn start_provider(&mut self) {
        let d = self.subdir("provider");
        let ip = |last: u8| format!("192.0.2.{last}");
        let zones: [(&str, String); 5] = [
            ("provider.net", format!("ns1 IN A {}\n", self.ip(host::PROVIDER))),
            (
                "outlook.com",
                format!(
                    "example-co-jp.mail.protection IN A {}\n\
                     autodiscover IN A {}\n\
                     spf.protection IN TXT \"v=spf1 ip4:192.0.2.192/26 -all\"\n",
                    ip(200),
                    ip(201)
                ),
            ),
            (
                "onmicrosoft.com",
                "selector1-example-co-jp._domainkey.example IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC\"\n\
                 selector2-example-co-jp._domainkey.example IN TXT \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQD\"\n"
                    .to_owned(),
            ),
            (
                "lync.com",
                format!("sipdir.online IN A {}\nsipfed.online IN A {}\n", ip(210), ip(211)),
            ),
            ("cdnedge.net", format!("example-co-jp IN A {}\n", ip(220))),
        ];
        let mut files = Vec::new();
        for (zone, body) in &zones {
            let file = format!("{zone}.zone");
            std::fs::write(
                d.join(&file),
                format!(
                    "$ORIGIN {zone}.\n$TTL 3600\n\
                     @ IN SOA ns1.provider.net. hostmaster.provider.net. 2024112101 3600 600 86400 300\n\
                     @ IN NS ns1.provider.net.\n{body}"
                ),
            )
            .unwrap();
            files.push((zone.to_string(), file));
        }
        let list: Vec<(&str, &str)> = files
            .iter()
            .map(|(z, f)| (z.as_str(), f.as_str()))
            .collect();
        let conf = nsd_conf(&d, self.ip(host::PROVIDER), &list);
        self.spawn(
            "NSD providers",
            "nsd",
            &["-d", "-c", conf.to_str().unwrap()],
            &d,
        );
        for (zone, _) in &zones {
            self.wait_authoritative(host::PROVIDER, &format!("{zone}."));
        }
    }

    // --- resolver (Unbound) -------------------------------------------------------------------

    fn start_resolver(&mut self) {
        let d = self.subdir("resolver");
        std::fs::write(
            d.join("root.hints"),
            format!(
                ".                   3600000 IN NS a.root-servers.net.\n\
                 a.root-servers.net. 3600000 IN A  {}\n",
                self.ip(host::ROOT)
            ),
        )
        .unwrap();
        let conf = d.join("unbound.conf");
        std::fs::write(
            &conf,
            format!(
                r#"server:
    interface: {ip}@53
    do-ip6: no
    access-control: 127.0.0.0/8 allow
    do-not-query-localhost: no
    module-config: "iterator"
    root-hints: "{d}/root.hints"
    username: ""
    chroot: ""
    directory: "{d}"
    pidfile: "{d}/unbound.pid"
    use-syslog: no
    logfile: ""
    verbosity: 1
    num-threads: 1
    so-reuseport: no
    qname-minimisation: no
remote-control:
    control-enable: yes
    control-interface: "{d}/unbound.ctl"
"#,
                ip = self.ip(host::RESOLVER),
                d = d.display()
            ),
        )
        .unwrap();
        run_ok(&tool("unbound-checkconf"), &[conf.to_str().unwrap()]);
        self.spawn(
            "Unbound resolver",
            "unbound",
            &["-d", "-c", conf.to_str().unwrap()],
            &d,
        );
        let addr = self.addr(host::RESOLVER);
        let daemon = self.daemons.last_mut().unwrap();
        wait_for(
            "the resolver to resolve through the loopback root",
            PATIENCE,
            || {
                daemon.assert_running();
                dns::query(addr, "a.dns.jp.", RecordType::A, true)
                    .ok()
                    .filter(|r| r.rcode() == ResponseCode::NoError && !r.answers().is_empty())
            },
        );
    }

    /// Asks the resolver (RD=1).
    pub fn resolve(&self, name: &str, rtype: RecordType) -> Response {
        dns::query(self.addr(host::RESOLVER), name, rtype, true)
            .unwrap_or_else(|e| panic!("the resolver did not answer {name} {rtype}: {e}"))
    }

    /// Asks one authoritative server (RD=0).
    pub fn ask(&self, h: u8, name: &str, rtype: RecordType) -> Response {
        let addr = self.addr(h);
        dns::query(addr, name, rtype, false)
            .unwrap_or_else(|e| panic!("{addr} did not answer {name} {rtype}: {e}"))
    }

    /// Drops everything the resolver cached under `zone`: stands in for waiting out the TTLs
    /// the plan's `wait_seconds` names.
    pub fn flush_resolver(&self, zone: &str) {
        let conf = self.path("resolver/unbound.conf");
        run_ok(
            &tool("unbound-control"),
            &["-c", conf.to_str().unwrap(), "flush_zone", zone],
        );
        run_ok(
            &tool("unbound-control"),
            &["-c", conf.to_str().unwrap(), "flush_requestlist"],
        );
    }

    /// The zone as `server` transfers it (AXFR with dig), as zone file text.
    pub fn axfr(&self, h: u8, zone: &str) -> String {
        let ip = format!("@{}", self.ip(h));
        let out = run_ok(
            &tool("dig"),
            &["+nocmd", "+nostats", "+nocomments", &ip, zone, "AXFR"],
        );
        assert!(
            !out.contains("Transfer failed"),
            "AXFR of {zone} from {ip} failed:\n{out}"
        );
        out
    }

    /// Every daemon is still running (a crash mid-rehearsal should fail loudly, with its log).
    pub fn assert_running(&mut self) {
        for d in &mut self.daemons {
            d.assert_running();
        }
    }

    /// The PIDs of every server, for tests that check the cleanup.
    pub fn pids(&self) -> Vec<u32> {
        self.daemons.iter().map(Daemon::pid).collect()
    }
}

/// A BIND config for authoritative `zones` on `ips`, with rndc on the first address.
fn named_conf(d: &Path, ips: &[Ipv4Addr], zones: &[(&str, &str)]) -> PathBuf {
    let key = d.join("rndc.key");
    let keytext = run_ok(&tool("tsig-keygen"), &["-a", "hmac-sha256", "rndc-key"]);
    std::fs::write(&key, keytext).unwrap();
    let listen: String = ips.iter().map(|ip| format!("{ip}; ")).collect();
    let mut conf = format!(
        r#"include "{key}";
options {{
    directory "{d}";
    pid-file "{d}/named.pid";
    session-keyfile "{d}/session.key";
    managed-keys-directory "{d}";
    listen-on port 53 {{ {listen}}};
    listen-on-v6 {{ none; }};
    recursion no;
    dnssec-validation no;
    allow-transfer {{ 127.0.0.0/8; }};
    notify no;
}};
controls {{ inet {first} port 953 allow {{ 127.0.0.0/8; }} keys {{ "rndc-key"; }}; }};
"#,
        key = key.display(),
        d = d.display(),
        first = ips[0],
    );
    for (zone, file) in zones {
        conf.push_str(&format!(
            "zone \"{zone}\" {{ type primary; file \"{file}\"; }};\n"
        ));
    }
    let path = d.join("named.conf");
    std::fs::write(&path, conf).unwrap();
    run_ok(&tool("named-checkconf"), &[path.to_str().unwrap()]);
    path
}

/// An NSD config serving `zones` on `ip`, with a control socket and a `customer` pattern for
/// zones added at run time.
fn nsd_conf(d: &Path, ip: Ipv4Addr, zones: &[(&str, &str)]) -> PathBuf {
    let mut conf = format!(
        r#"server:
    ip-address: {ip}@53
    username: ""
    chroot: ""
    zonesdir: "{d}"
    database: ""
    zonelistfile: "{d}/zone.list"
    xfrdfile: "{d}/xfrd.state"
    xfrdir: "{d}"
    pidfile: "{d}/nsd.pid"
    logfile: "{d}/nsd.log"
    server-count: 1
    verbosity: 1
remote-control:
    control-enable: yes
    control-interface: "{d}/nsd.ctl"
pattern:
    name: "customer"
    zonefile: "%s.zone"
    provide-xfr: 127.0.0.0/8 NOKEY
"#,
        d = d.display()
    );
    for (zone, file) in zones {
        conf.push_str(&format!(
            "zone:\n    name: \"{zone}\"\n    zonefile: \"{file}\"\n    provide-xfr: 127.0.0.0/8 NOKEY\n"
        ));
    }
    let path = d.join("nsd.conf");
    std::fs::write(&path, conf).unwrap();
    run_ok(&tool("nsd-checkconf"), &[path.to_str().unwrap()]);
    path
}
