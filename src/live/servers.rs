//! The current servers one by one: for every address, the zone's SOA over UDP and over TCP
//! (RD=0), which shows reachability, authority (the AA bit) and the serial; then the
//! delegation against the zone's own NS set, and the parent's glue against the addresses the
//! zone serves.

use super::Cx;
use super::client::{Client, QueryError, Response, Transport};
use super::discover::{Discovery, address_of};
use super::recursive::Recursive;
use super::wire::rcode;
use crate::diag::{Diagnostic, Emitter, escape};
use crate::rules::live as rules;
use crate::tr;
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use futures_util::future::join_all;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

/// What one address said to the SOA query over one transport.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SoaProbe {
    pub rcode: u8,
    pub authoritative: bool,
    /// TC=1 over UDP: the server asks for TCP, which is not a fault.
    pub truncated: bool,
    pub serial: Option<u32>,
    pub ttl: Option<u32>,
    pub minimum: Option<u32>,
}

impl SoaProbe {
    fn from_response(resp: &Response, apex: NameRef<'_>) -> Self {
        let soa = resp.rrset(apex, RType::SOA).next();
        let view = soa.and_then(|r| crate::zone::rdata::view::soa(&r.rdata));
        SoaProbe {
            rcode: resp.rcode(),
            authoritative: resp.authoritative(),
            truncated: resp.message.truncated,
            serial: view.map(|v| v.serial),
            ttl: soa.map(|r| r.ttl),
            minimum: view.map(|v| v.minimum),
        }
    }

    /// An authoritative NOERROR answer with the SOA: the server holds the zone.
    pub fn is_healthy(&self) -> bool {
        self.rcode == rcode::NOERROR && self.authoritative && self.serial.is_some()
    }

    /// The answer shows the server does not serve the zone.
    pub fn is_lame(&self) -> bool {
        !(self.is_healthy() || self.truncated && self.rcode == rcode::NOERROR)
    }
}

/// One address of one server, over both transports.
#[derive(Clone, Debug)]
pub struct AddressStatus {
    /// Index into [`Discovery::servers`].
    pub server: usize,
    pub addr: SocketAddr,
    pub udp: Result<SoaProbe, QueryError>,
    pub tcp: Result<SoaProbe, QueryError>,
}

impl AddressStatus {
    /// The server answers with the zone on at least one transport.
    pub fn is_healthy(&self) -> bool {
        self.probes().any(|(_, p)| p.is_healthy())
    }

    fn probes(&self) -> impl Iterator<Item = (Transport, &SoaProbe)> {
        [(Transport::Udp, &self.udp), (Transport::Tcp, &self.tcp)]
            .into_iter()
            .filter_map(|(t, r)| r.as_ref().ok().map(|p| (t, p)))
    }

    /// The serial of the healthy answer, UDP first.
    pub fn serial(&self) -> Option<u32> {
        self.probes()
            .find(|(_, p)| p.is_healthy())
            .and_then(|(_, p)| p.serial)
    }

    /// The negative-caching TTL (RFC 2308 §5): the lesser of the SOA's TTL and MINIMUM.
    pub fn negative_ttl(&self) -> Option<u32> {
        self.probes()
            .find(|(_, p)| p.is_healthy())
            .and_then(|(_, p)| Some(p.ttl?.min(p.minimum?)))
    }
}

/// Glue at the parent against the addresses the zone (or the resolver) gives for the name.
#[derive(Clone, Debug)]
pub struct GlueCheck {
    pub name: OwnedName,
    pub family: RType,
    pub glue: Vec<IpAddr>,
    /// The addresses served, or why they could not be found.
    pub served: Result<Vec<IpAddr>, String>,
    /// Who served them: a server address, or `None` for the resolver.
    pub source: Option<SocketAddr>,
}

#[derive(Clone, Debug, Default)]
pub struct ServerReport {
    pub statuses: Vec<AddressStatus>,
    pub glue: Vec<GlueCheck>,
}

impl ServerReport {
    /// Addresses that serve the zone, the highest serial first, for the content comparison.
    pub fn content_servers(&self) -> Vec<SocketAddr> {
        let mut healthy: Vec<&AddressStatus> =
            self.statuses.iter().filter(|s| s.is_healthy()).collect();
        // Serial arithmetic (RFC 1982) would be more exact; servers of one zone are close
        // enough together that a plain comparison finds the newest.
        healthy.sort_by_key(|s| std::cmp::Reverse(s.serial()));
        let mut out: Vec<SocketAddr> = healthy.iter().map(|s| s.addr).collect();
        out.dedup();
        out
    }
}

/// Asks every address for the SOA over UDP and TCP, and checks the glue.
pub async fn check(
    client: &Client,
    recursive: Option<&Recursive>,
    apex: NameRef<'_>,
    discovery: &Discovery,
) -> ServerReport {
    let probes = discovery.addresses().map(|(server, addr)| async move {
        let (udp, tcp) = futures_util::join!(
            client.query_over(addr, apex, RType::SOA, Transport::Udp),
            client.query_over(addr, apex, RType::SOA, Transport::Tcp)
        );
        AddressStatus {
            server,
            addr,
            udp: udp.map(|r| SoaProbe::from_response(&r, apex)),
            tcp: tcp.map(|r| SoaProbe::from_response(&r, apex)),
        }
    });
    let statuses = join_all(probes).await;
    let mut report = ServerReport {
        statuses,
        glue: Vec::new(),
    };
    report.glue = glue(client, recursive, apex, discovery, &report).await;
    report
}

async fn glue(
    client: &Client,
    recursive: Option<&Recursive>,
    apex: NameRef<'_>,
    discovery: &Discovery,
    report: &ServerReport,
) -> Vec<GlueCheck> {
    let Some(delegation) = &discovery.delegation else {
        return Vec::new();
    };
    // Glue by name and family.
    let mut wanted: BTreeMap<(OwnedName, RType), Vec<IpAddr>> = BTreeMap::new();
    for g in &delegation.glue {
        if let Some(ip) = address_of(g) {
            wanted
                .entry((g.name.as_ref().to_lowercase(), g.rtype))
                .or_default()
                .push(ip);
        }
    }
    let servers = report.content_servers();
    let checks = wanted.into_iter().map(|((name, family), mut glue)| {
        let servers = &servers;
        async move {
            glue.sort();
            glue.dedup();
            let (served, source) = if name.as_ref().is_subdomain_of(apex) {
                served_by_zone(client, servers, name.as_ref(), family).await
            } else if let Some(recursive) = recursive {
                let r = recursive.lookup(name.as_ref(), family).await;
                let served = match r {
                    super::recursive::Resolved::Failed(why) => Err(why),
                    r => Ok(r.of(family).filter_map(address_of).collect()),
                };
                (served, None)
            } else {
                (Err("no resolver is available".into()), None)
            };
            GlueCheck {
                name,
                family,
                glue,
                served: served.map(|mut v: Vec<IpAddr>| {
                    v.sort();
                    v.dedup();
                    v
                }),
                source,
            }
        }
    });
    join_all(checks).await
}

/// The addresses the zone's own servers give for an in-zone name server, from the first that
/// answers with authority.
async fn served_by_zone(
    client: &Client,
    servers: &[SocketAddr],
    name: NameRef<'_>,
    family: RType,
) -> (Result<Vec<IpAddr>, String>, Option<SocketAddr>) {
    let mut why = "no current server serves the zone".to_owned();
    for &addr in servers {
        match client.query(addr, name, family).await {
            Ok(resp) if resp.authoritative() && resp.rcode() == rcode::NOERROR => {
                let ips = resp.rrset(name, family).filter_map(address_of).collect();
                return (Ok(ips), Some(addr));
            }
            Ok(resp) if resp.authoritative() && resp.rcode() == rcode::NXDOMAIN => {
                return (Ok(Vec::new()), Some(addr));
            }
            Ok(resp) => why = format!("{addr} answered {}", rcode::name(resp.rcode())),
            Err(e) => why = format!("{addr}: {e}"),
        }
    }
    (Err(why), None)
}

/// ZG801, ZG802, ZG803, ZG804, ZG805, and "could not check" for addresses out of reach.
pub(crate) fn report(
    cx: &Cx<'_>,
    discovery: &Discovery,
    servers: &ServerReport,
    em: &mut Emitter<'_>,
) {
    let lang = cx.lang;
    let apex = escape(&cx.apex.to_string()).into_owned();
    for s in &servers.statuses {
        let label = cx.label(s.addr);
        let dig = cx.dig(s.addr, cx.apex, RType::SOA);
        match (&s.udp, &s.tcp) {
            (Err(u), Err(t)) if u.blames_server() && t.blames_server() => {
                em.emit(
                    Diagnostic::new(
                        &rules::SERVER_UNREACHABLE,
                        cx.anchor(),
                        tr!(
                            lang,
                            "{label} does not answer over UDP or TCP: {u}",
                            "{label} が UDP でも TCP でも応答しません: {u}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "asked for the SOA of `{apex}` with RD=0: {dig}",
                        "RD=0 で `{apex}` の SOA を問い合わせました: {dig}"
                    )),
                );
            }
            (Ok(_), Err(t)) if t.blames_server() => {
                em.emit(Diagnostic::new(&rules::SERVER_UNREACHABLE, cx.anchor(), tr!(lang,
                    "{label} answers over UDP but not over TCP: {t}",
                    "{label} は UDP では応答しますが TCP では応答しません: {t}"))
                    .help(tr!(lang, "RFC 7766 requires DNS over TCP, and answers too large for UDP need it: {dig} +tcp",
                        "RFC 7766 は TCP での DNS を必須としており、UDP に収まらない応答には TCP が必要です: {dig} +tcp")));
            }
            (Err(u), Ok(_)) if u.blames_server() => {
                em.emit(
                    Diagnostic::new(
                        &rules::SERVER_UNREACHABLE,
                        cx.anchor(),
                        tr!(
                            lang,
                            "{label} answers over TCP but not over UDP: {u}",
                            "{label} は TCP では応答しますが UDP では応答しません: {u}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "resolvers ask over UDP first: {dig}",
                        "リゾルバーはまず UDP で問い合わせます: {dig}"
                    )),
                );
            }
            _ => {}
        }
        for (transport, result) in [(Transport::Udp, &s.udp), (Transport::Tcp, &s.tcp)] {
            if let Err(e) = result
                && !e.blames_server()
            {
                let t = transport.as_str();
                em.emit(
                    Diagnostic::new(
                        &rules::LIVE_CHECK_INCOMPLETE,
                        cx.anchor(),
                        tr!(
                            lang,
                            "could not check {label} over {t}: {e}",
                            "{label} を {t} で確認できませんでした: {e}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "run the check from a machine that reaches this address",
                        "このアドレスに届くマシンからチェックを実行してください"
                    )),
                );
            }
        }
        // Lame: one finding per address, naming the transports that showed it.
        let lame: Vec<(Transport, &SoaProbe)> = s.probes().filter(|(_, p)| p.is_lame()).collect();
        if let Some((_, p)) = lame.first() {
            let over = lame
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<Vec<_>>()
                .join(tr!(lang, " and ", "と").as_str());
            let what = if p.rcode != rcode::NOERROR {
                let code = rcode::name(p.rcode);
                tr!(lang, "answers {code}", "{code} を返します")
            } else if !p.authoritative {
                tr!(
                    lang,
                    "answers without authority (AA bit clear)",
                    "権威のない応答（AA ビットなし）を返します"
                )
            } else {
                tr!(
                    lang,
                    "answers without the SOA record",
                    "SOA レコードのない応答を返します"
                )
            };
            em.emit(
                Diagnostic::new(
                    &rules::LAME_SERVER,
                    cx.anchor(),
                    tr!(
                        lang,
                        "{label} {what} for `{apex} SOA` over {over}",
                        "{label} は `{apex} SOA` に対して {over} で{what}"
                    ),
                )
                .help(tr!(
                    lang,
                    "the server does not serve the zone: a lame delegation; see {dig}",
                    "このサーバーはゾーンを持っていません（レイム委任）: {dig}"
                )),
            );
        }
    }
    serials(cx, servers, em);
    delegation(cx, discovery, em);
    for g in &servers.glue {
        glue_finding(cx, g, em);
    }
}

fn serials(cx: &Cx<'_>, servers: &ServerReport, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let mut by_serial: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for s in &servers.statuses {
        for (t, p) in s.probes().filter(|(_, p)| p.is_healthy()) {
            let serial = p.serial.unwrap_or_default();
            let label = cx.label(s.addr);
            let entry = by_serial.entry(serial).or_default();
            // Name the transport only when the same address disagrees with itself.
            let other = s
                .probes()
                .any(|(_, q)| q.is_healthy() && q.serial != p.serial);
            let shown = if other {
                format!("{label} {}", t.as_str())
            } else {
                label
            };
            if !entry.contains(&shown) {
                entry.push(shown);
            }
        }
    }
    if by_serial.len() < 2 {
        return;
    }
    let list = by_serial
        .iter()
        .rev()
        .map(|(serial, who)| {
            let who = who.join(", ");
            tr!(lang, "{serial} at {who}", "{who} で {serial}")
        })
        .collect::<Vec<_>>()
        .join("; ");
    let span = cx.soa_span();
    let apex = escape(&cx.apex.to_string()).into_owned();
    em.emit(
        Diagnostic::new(
            &rules::SERIAL_MISMATCH,
            span,
            tr!(
                lang,
                "the current servers serve different SOA serials: {list}",
                "現在のサーバー間で SOA シリアルが異なります: {list}"
            ),
        )
        .help(tr!(
            lang,
            "the servers serve different versions of `{apex}`; the content is compared with the newest",
            "サーバーごとに `{apex}` の版が異なります。内容は最新のものと比較します"
        )),
    );
}

fn names(list: &[OwnedName]) -> String {
    list.iter()
        .map(|n| escape(&n.to_string()).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

fn delegation(cx: &Cx<'_>, discovery: &Discovery, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let (Some(d), Some(child)) = (&discovery.delegation, &discovery.child) else {
        return;
    };
    if d.not_delegated || d.ns == child.ns {
        return;
    }
    let parent = d
        .parent_zone
        .as_ref()
        .map(|p| escape(&p.to_string()).into_owned())
        .unwrap_or_default();
    let parent_ns = names(&d.ns);
    let child_ns = names(&child.ns);
    let only_parent: Vec<OwnedName> =
        d.ns.iter()
            .filter(|n| !child.ns.contains(n))
            .cloned()
            .collect();
    let only_child: Vec<OwnedName> = child
        .ns
        .iter()
        .filter(|n| !d.ns.contains(n))
        .cloned()
        .collect();
    let mut help = Vec::new();
    if !only_parent.is_empty() {
        let n = names(&only_parent);
        help.push(tr!(
            lang,
            "only the parent lists {n}",
            "親だけが {n} を記載しています"
        ));
    }
    if !only_child.is_empty() {
        let n = names(&only_child);
        help.push(tr!(
            lang,
            "only the zone lists {n}",
            "ゾーンだけが {n} を記載しています"
        ));
    }
    let by = d.answered_by.map(|a| cx.label(a)).unwrap_or_default();
    let child_by = child.answered_by.map(|a| cx.label(a)).unwrap_or_default();
    let help = help.join("; ");
    em.emit(
        Diagnostic::new(
            &rules::DELEGATION_NS_MISMATCH,
            cx.apex_ns_span(),
            tr!(
                lang,
                "the parent ({parent}) delegates to {parent_ns} but the zone's own NS set is {child_ns}",
                "親（{parent}）の委任先は {parent_ns} ですが、ゾーン自身の NS セットは {child_ns} です"
            ),
        )
        .help(tr!(
            lang,
            "{help} (referral from {by}, NS answer from {child_by})",
            "{help}（リフェラルは {by}、NS の応答は {child_by} から）"
        )),
    );
}

fn glue_finding(cx: &Cx<'_>, g: &GlueCheck, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let name = escape(&g.name.to_string()).into_owned();
    let family = g.family;
    let glue = list_ips(&g.glue);
    match &g.served {
        Err(why) => {
            em.emit(Diagnostic::new(
                &rules::LIVE_CHECK_INCOMPLETE,
                cx.anchor(),
                tr!(
                    lang,
                    "could not check the glue for `{name}` ({family}): {why}",
                    "`{name}` のグルー（{family}）を確認できませんでした: {why}"
                ),
            ));
        }
        Ok(served) if served != &g.glue => {
            let served_text = if served.is_empty() {
                tr!(lang, "no {family} record", "{family} レコードなし")
            } else {
                list_ips(served)
            };
            let source = match g.source {
                Some(a) => cx.label(a),
                None => tr!(lang, "the resolver", "リゾルバー"),
            };
            let span = cx.rrset_span(g.name.as_ref(), g.family);
            em.emit(Diagnostic::new(&rules::GLUE_MISMATCH, span, tr!(lang,
                "the parent's glue for `{name}` is {glue}, but {source} serves {served_text}",
                "親の `{name}` のグルーは {glue} ですが、{source} は {served_text} を返します"))
                .help(tr!(lang, "resolvers use the glue first; update it at the registrar or correct the zone's {family} records",
                    "リゾルバーはまずグルーを使います。レジストラでグルーを更新するか、ゾーンの {family} レコードを修正してください")));
        }
        Ok(_) => {}
    }
}

fn list_ips(ips: &[IpAddr]) -> String {
    ips.iter()
        .map(IpAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
