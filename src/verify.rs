//! `zonegate verify`: whether a step of a cutover plan holds in live DNS.
//!
//! This is network code, built on [`crate::live`]'s [`Session`] (RD=0 queries with UDP/TCP
//! fallback, discovery of the delegation, the resolver): it asks, and compares what comes back
//! with what the plan expects. Every difference names the server and the record.
//!
//! | step | what holds |
//! |---|---|
//! | `lower-ttl` | every current server answers the changing RRsets with a TTL ≤ `ttl.lowered` |
//! | `remove-ds` | the parent's servers have no DS for the zone |
//! | `provision` | every new server answers authoritatively with the zone's records, apex NS and SOA aside |
//! | `ns-switch` | the parent's referral lists exactly the new NS set, and so does the resolver |
//! | `mx-switch` | every new server and the resolver give the new MX, SPF and autodiscover |
//! | `restore-ttl` | every new server answers the changing RRsets with the restored TTLs |

use crate::diag::{Lang, escape};
use crate::live::{QueryError, Resolved, Serves, Session, wire};
use crate::plan::records::{Rr, mx_rdata, name_rdata, txt_rdata};
use crate::plan::spec::Spec;
use crate::plan::{Plan, StepId};
use crate::tr;
use crate::zone::{NameRef, OwnedName, RType};
use std::collections::BTreeSet;
use std::net::SocketAddr;

/// The steps `verify` checks.
pub const VERIFIABLE: [StepId; 6] = [
    StepId::LowerTtl,
    StepId::RemoveDs,
    StepId::Provision,
    StepId::NsSwitch,
    StepId::MxSwitch,
    StepId::RestoreTtl,
];

/// Steps whose expectations come from the zone, so `verify` needs the zone file.
pub fn needs_zone(step: StepId) -> bool {
    matches!(
        step,
        StepId::LowerTtl | StepId::Provision | StepId::RestoreTtl
    )
}

/// One way the step does not hold yet.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    /// Who answered: `ns1.newdns.net. (192.0.2.53:53)`, `resolver 127.0.0.1:53`, `parent ...`.
    pub server: String,
    /// The question: `www.example.co.jp. A`.
    pub record: String,
    pub expected: String,
    pub found: String,
}

/// The result of one round of checks.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Outcome {
    pub step: Option<StepId>,
    pub holds: bool,
    /// Questions asked.
    pub checked: usize,
    pub differences: Vec<Difference>,
}

/// What is checked.
pub struct Target<'a> {
    pub step: StepId,
    pub spec: &'a Spec,
    /// The plan, for the steps that need the zone's records.
    pub plan: Option<&'a Plan>,
    pub lang: Lang,
}

/// Runs one round of the step's checks.
pub async fn verify(session: &Session, target: &Target<'_>) -> Outcome {
    let mut v = Verifier {
        session,
        target,
        lang: target.lang,
        out: Outcome {
            step: Some(target.step),
            ..Outcome::default()
        },
    };
    match target.step {
        StepId::Provision => v.provision().await,
        StepId::NsSwitch => v.ns_switch().await,
        StepId::MxSwitch => v.mx_switch().await,
        StepId::LowerTtl => v.lower_ttl().await,
        StepId::RestoreTtl => v.restore_ttl().await,
        StepId::RemoveDs => v.remove_ds().await,
        StepId::Preflight | StepId::Decommission => {}
    }
    v.out.holds = v.out.differences.is_empty() && v.out.checked > 0;
    v.out
}

struct Verifier<'a> {
    session: &'a Session,
    target: &'a Target<'a>,
    lang: Lang,
    out: Outcome,
}

fn show_name(n: NameRef<'_>) -> String {
    escape(&n.to_string()).into_owned()
}

/// Why discovery fell short, shown safely: the first gap it recorded (empty when none).
fn first_gap(found: &crate::live::Discovery) -> String {
    found
        .gaps
        .first()
        .map(|g| escape(&g.why).into_owned())
        .unwrap_or_default()
}

fn record_label(owner: NameRef<'_>, rtype: RType) -> String {
    format!("{} {}", show_name(owner), rtype)
}

/// Record data as zone-file text, escaped.
fn show_data(rtype: RType, data: &[Vec<u8>]) -> String {
    let mut texts: Vec<String> = data
        .iter()
        .map(|d| {
            crate::zone::rdata::present::rdata_to_text(rtype, d)
                .unwrap_or_else(|| crate::zone::rdata::present::generic(d))
        })
        .collect();
    texts.sort();
    texts.dedup();
    escape(&texts.join(", ")).into_owned()
}

fn canonical_set(rtype: RType, data: &[Vec<u8>]) -> BTreeSet<Vec<u8>> {
    data.iter()
        .map(|d| wire::canonical(rtype, d).into_owned())
        .collect()
}

/// Records grouped by owner and type, in order.
fn rrsets(records: &[Rr]) -> Vec<(OwnedName, RType, Vec<Vec<u8>>, u32)> {
    let mut out: Vec<(OwnedName, RType, Vec<Vec<u8>>, u32)> = Vec::new();
    for r in records {
        let key = r.owner.as_ref().to_lowercase();
        match out
            .iter_mut()
            .find(|(o, t, _, _)| *o == key && *t == r.rtype)
        {
            Some((_, _, data, ttl)) => {
                data.push(r.rdata.clone());
                *ttl = (*ttl).max(r.ttl);
            }
            None => out.push((key, r.rtype, vec![r.rdata.clone()], r.ttl)),
        }
    }
    out
}

impl Verifier<'_> {
    fn differ(&mut self, server: &str, record: String, expected: String, found: String) {
        self.out.differences.push(Difference {
            server: server.to_owned(),
            record,
            expected,
            found,
        });
    }

    fn apex(&self) -> &OwnedName {
        &self.target.spec.zone
    }

    fn query_error(&self, e: &QueryError) -> String {
        let e = escape(&e.to_string()).into_owned();
        tr!(self.lang, "no answer: {e}", "応答なし: {e}")
    }

    /// The new servers: the spec's addresses, else the names resolved.
    async fn new_servers(&mut self) -> Vec<(String, SocketAddr)> {
        let mut out = Vec::new();
        for ns in &self.target.spec.nameservers {
            let name = show_name(ns.name.as_ref());
            if !ns.addresses.is_empty() {
                for a in &ns.addresses {
                    out.push((format!("{name} ({a})"), *a));
                }
                continue;
            }
            let port = self.session.options.port;
            let (a, aaaa) = futures_util::join!(
                self.session.resolve(ns.name.as_ref(), RType::A),
                self.session.resolve(ns.name.as_ref(), RType::AAAA)
            );
            let mut found = false;
            for r in a.of(RType::A).chain(aaaa.of(RType::AAAA)) {
                if let Some(ip) = crate::live::discover::address_of(r) {
                    let addr = SocketAddr::new(ip, port);
                    out.push((format!("{name} ({addr})"), addr));
                    found = true;
                }
            }
            if !found {
                self.out.checked += 1;
                let why = match (&a, &aaaa) {
                    (Resolved::Failed(w), _) | (_, Resolved::Failed(w)) => escape(w).into_owned(),
                    _ => tr!(
                        self.lang,
                        "no A or AAAA record",
                        "A・AAAA レコードがありません"
                    ),
                };
                let label = self.resolver_label();
                self.differ(
                    &label,
                    format!("{name} A/AAAA"),
                    tr!(self.lang, "an address", "アドレス"),
                    why,
                );
            }
        }
        out
    }

    fn resolver_label(&self) -> String {
        match &self.session.recursive {
            Ok(r) => tr!(self.lang, "resolver {}", "リゾルバー {}", escape(&r.label)),
            Err(_) => tr!(self.lang, "resolver", "リゾルバー"),
        }
    }

    /// Asks every server for every RRset, concurrently; each must serve exactly the data.
    async fn expect_served(
        &mut self,
        servers: &[(String, SocketAddr)],
        sets: &[(OwnedName, RType, Vec<Vec<u8>>, u32)],
    ) {
        let session = self.session;
        let asks = servers.iter().flat_map(|(label, addr)| {
            sets.iter().map(move |(owner, rtype, data, _)| async move {
                let got = session.serves(*addr, owner.as_ref(), *rtype, data).await;
                (label, owner, *rtype, data, got)
            })
        });
        let results = futures_util::future::join_all(asks).await;
        for (label, owner, rtype, data, got) in results {
            self.out.checked += 1;
            let found = match got {
                Serves::Yes { .. } => continue,
                Serves::Differs { served, nxdomain } => {
                    if nxdomain {
                        tr!(self.lang, "NXDOMAIN", "NXDOMAIN（名前なし）")
                    } else if served.is_empty() {
                        tr!(self.lang, "no records", "レコードなし")
                    } else {
                        show_data(rtype, &served)
                    }
                }
                Serves::NotAuthoritative => tr!(
                    self.lang,
                    "an answer without the AA bit (not authoritative)",
                    "AA ビットのない応答（権威なし）"
                ),
                Serves::Rcode(code) => wire::rcode::name(code),
                Serves::Failed(e) => self.query_error(&e),
            };
            self.differ(
                label,
                record_label(owner.as_ref(), rtype),
                show_data(rtype, data),
                found,
            );
        }
    }

    /// Asks every server for every RRset; each TTL must pass `ok`.
    async fn expect_ttls(
        &mut self,
        servers: &[(String, SocketAddr)],
        sets: &[(OwnedName, RType, u32)],
        ok: fn(u32, u32) -> bool,
        expected: fn(u32, Lang) -> String,
    ) {
        let session = self.session;
        let asks = servers.iter().flat_map(|(label, addr)| {
            sets.iter().map(move |(owner, rtype, want)| async move {
                let got = session.query(*addr, owner.as_ref(), *rtype).await;
                (label, owner, *rtype, *want, got)
            })
        });
        let results = futures_util::future::join_all(asks).await;
        for (label, owner, rtype, want, got) in results {
            self.out.checked += 1;
            let found = match got {
                Err(e) => self.query_error(&e),
                Ok(resp) if !resp.authoritative() => tr!(
                    self.lang,
                    "an answer without the AA bit (not authoritative)",
                    "AA ビットのない応答（権威なし）"
                ),
                Ok(resp) => match resp.rrset(owner.as_ref(), rtype).map(|r| r.ttl).max() {
                    Some(ttl) if ok(ttl, want) => continue,
                    Some(ttl) => tr!(self.lang, "TTL {ttl}", "TTL {ttl}"),
                    None => tr!(self.lang, "no records", "レコードなし"),
                },
            };
            self.differ(
                label,
                record_label(owner.as_ref(), rtype),
                expected(want, self.lang),
                found,
            );
        }
    }

    fn plan(&self) -> Option<&Plan> {
        self.target.plan
    }

    async fn provision(&mut self) {
        let Some(plan) = self.plan() else { return };
        let apex = self.apex().clone();
        let a = apex.as_ref();
        // Delegations inside the zone are answered with referrals, not authoritatively: skip
        // them and what lies below them.
        let cuts: Vec<OwnedName> = plan
            .states
            .new
            .iter()
            .filter(|r| r.rtype == RType::NS && !r.owner.as_ref().eq_ignore_case(a))
            .map(|r| r.owner.clone())
            .collect();
        let records: Vec<Rr> = plan
            .states
            .new
            .iter()
            .filter(|r| {
                !(r.owner.as_ref().eq_ignore_case(a) && matches!(r.rtype, RType::NS | RType::SOA))
            })
            .filter(|r| {
                !cuts
                    .iter()
                    .any(|c| r.owner.as_ref().is_subdomain_of(c.as_ref()))
            })
            .cloned()
            .collect();
        let sets = rrsets(&records);
        let servers = self.new_servers().await;
        self.expect_served(&servers, &sets).await;
        // A zone of nothing but its apex still has to be served: ask for the SOA.
        if sets.is_empty() {
            let session = self.session;
            for (label, addr) in &servers {
                self.out.checked += 1;
                match session.query(*addr, a, RType::SOA).await {
                    Ok(r) if r.authoritative() && r.rrset(a, RType::SOA).next().is_some() => {}
                    Ok(_) => self.differ(
                        label,
                        record_label(a, RType::SOA),
                        tr!(self.lang, "an authoritative SOA", "権威ある SOA"),
                        tr!(self.lang, "none", "なし"),
                    ),
                    Err(e) => {
                        let found = self.query_error(&e);
                        self.differ(
                            label,
                            record_label(a, RType::SOA),
                            tr!(self.lang, "an authoritative SOA", "権威ある SOA"),
                            found,
                        )
                    }
                }
            }
        }
    }

    fn expected_ns(&self) -> BTreeSet<OwnedName> {
        self.target
            .spec
            .nameservers
            .iter()
            .map(|n| n.name.as_ref().to_lowercase())
            .collect()
    }

    fn show_names(set: &BTreeSet<OwnedName>) -> String {
        set.iter()
            .map(|n| show_name(n.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    async fn ns_switch(&mut self) {
        let apex = self.apex().clone();
        let want = self.expected_ns();
        let expected = Self::show_names(&want);
        let found = self.session.discover(apex.as_ref()).await;
        self.out.checked += 1;
        let parent_label =
            |d: &crate::live::discover::Delegation| match (&d.parent_zone, d.answered_by) {
                (Some(z), Some(a)) => format!("parent {} ({a})", show_name(z.as_ref())),
                (Some(z), None) => format!("parent {}", show_name(z.as_ref())),
                _ => "parent".to_owned(),
            };
        match &found.delegation {
            Some(d) if !d.not_delegated => {
                let got: BTreeSet<OwnedName> =
                    d.ns.iter().map(|n| n.as_ref().to_lowercase()).collect();
                if got != want {
                    let label = parent_label(d);
                    self.differ(
                        &label,
                        record_label(apex.as_ref(), RType::NS),
                        expected.clone(),
                        Self::show_names(&got),
                    );
                }
            }
            Some(d) => {
                let label = parent_label(d);
                self.differ(
                    &label,
                    record_label(apex.as_ref(), RType::NS),
                    expected.clone(),
                    tr!(self.lang, "not delegated", "委任なし"),
                );
            }
            None => {
                let why = first_gap(&found);
                self.differ(
                    "parent",
                    record_label(apex.as_ref(), RType::NS),
                    expected.clone(),
                    tr!(
                        self.lang,
                        "could not read the delegation: {why}",
                        "委任を読めませんでした: {why}"
                    ),
                );
            }
        }
        self.out.checked += 1;
        let resolved = self.session.resolve(apex.as_ref(), RType::NS).await;
        let label = self.resolver_label();
        let got: BTreeSet<OwnedName> = resolved
            .of(RType::NS)
            .filter(|r| r.name.as_ref().eq_ignore_case(apex.as_ref()))
            .filter_map(|r| NameRef::from_wire(&r.rdata).map(NameRef::to_lowercase))
            .collect();
        if got != want {
            let found = match &resolved {
                Resolved::Failed(w) => escape(w).into_owned(),
                Resolved::NxDomain => "NXDOMAIN".into(),
                _ if got.is_empty() => tr!(self.lang, "no records", "レコードなし"),
                _ => Self::show_names(&got),
            };
            self.differ(
                &label,
                record_label(apex.as_ref(), RType::NS),
                expected,
                found,
            );
        }
    }

    async fn mx_switch(&mut self) {
        let Some(mail) = self.target.spec.mail.clone() else {
            return;
        };
        let apex = self.apex().clone();
        let mx: Vec<Vec<u8>> = mail.mx.iter().map(|(p, x)| mx_rdata(*p, x)).collect();
        let mut sets = vec![(apex.clone(), RType::MX, mx.clone(), 0)];
        let autodiscover = mail.autodiscover.as_ref().map(|t| {
            let mut wire = vec![12u8];
            wire.extend_from_slice(b"autodiscover");
            wire.extend_from_slice(apex.as_ref().wire());
            (
                OwnedName::from_wire(wire).unwrap_or_else(|| apex.clone()),
                name_rdata(t),
            )
        });
        if let Some((name, target)) = &autodiscover {
            sets.push((name.clone(), RType::CNAME, vec![target.clone()], 0));
        }
        let servers = self.new_servers().await;
        self.expect_served(&servers, &sets).await;
        // SPF: the apex TXT RRset holds the new policy and no other.
        if let Some(spf) = &mail.spf {
            let want = txt_rdata(spf);
            for (label, addr) in &servers {
                self.out.checked += 1;
                let found = match self.session.query(*addr, apex.as_ref(), RType::TXT).await {
                    Err(e) => self.query_error(&e),
                    Ok(r) if !r.authoritative() => tr!(
                        self.lang,
                        "an answer without the AA bit (not authoritative)",
                        "AA ビットのない応答（権威なし）"
                    ),
                    Ok(r) => {
                        let served: Vec<Vec<u8>> = r
                            .rrset(apex.as_ref(), RType::TXT)
                            .map(|r| r.rdata.clone())
                            .collect();
                        match spf_verdict(&served, &want) {
                            None => continue,
                            Some(found) => found,
                        }
                    }
                };
                self.differ(
                    label,
                    record_label(apex.as_ref(), RType::TXT),
                    show_data(RType::TXT, std::slice::from_ref(&want)),
                    found,
                );
            }
        }
        // The resolver.
        let label = self.resolver_label();
        self.out.checked += 1;
        let resolved = self.session.resolve(apex.as_ref(), RType::MX).await;
        let got: Vec<Vec<u8>> = resolved.of(RType::MX).map(|r| r.rdata.clone()).collect();
        if canonical_set(RType::MX, &got) != canonical_set(RType::MX, &mx) {
            let found = resolved_text(&resolved, RType::MX, &got, self.lang);
            self.differ(
                &label,
                record_label(apex.as_ref(), RType::MX),
                show_data(RType::MX, &mx),
                found,
            );
        }
        if let Some(spf) = &mail.spf {
            let want = txt_rdata(spf);
            self.out.checked += 1;
            let resolved = self.session.resolve(apex.as_ref(), RType::TXT).await;
            let got: Vec<Vec<u8>> = resolved
                .of(RType::TXT)
                .filter(|r| r.name.as_ref().eq_ignore_case(apex.as_ref()))
                .map(|r| r.rdata.clone())
                .collect();
            if let Some(found) = spf_verdict(&got, &want) {
                let found = match &resolved {
                    Resolved::Failed(w) => escape(w).into_owned(),
                    _ => found,
                };
                self.differ(
                    &label,
                    record_label(apex.as_ref(), RType::TXT),
                    show_data(RType::TXT, std::slice::from_ref(&want)),
                    found,
                );
            }
        }
        if let Some((name, target)) = &autodiscover {
            self.out.checked += 1;
            let resolved = self.session.resolve(name.as_ref(), RType::CNAME).await;
            let got: Vec<Vec<u8>> = resolved
                .of(RType::CNAME)
                .filter(|r| r.name.as_ref().eq_ignore_case(name.as_ref()))
                .map(|r| r.rdata.clone())
                .collect();
            let want = std::slice::from_ref(target);
            if canonical_set(RType::CNAME, &got) != canonical_set(RType::CNAME, want) {
                let found = resolved_text(&resolved, RType::CNAME, &got, self.lang);
                self.differ(
                    &label,
                    record_label(name.as_ref(), RType::CNAME),
                    show_data(RType::CNAME, want),
                    found,
                );
            }
        }
    }

    /// The changing RRsets present in `records`, with their TTL there.
    fn changing_in(&self, records: &[Rr]) -> Vec<(OwnedName, RType, u32)> {
        let Some(plan) = self.plan() else {
            return Vec::new();
        };
        let mut out: Vec<(OwnedName, RType, u32)> = Vec::new();
        for (owner, rtype) in &plan.states.changing {
            let ttl = records
                .iter()
                .filter(|r| r.is(owner.as_ref(), *rtype))
                .map(|r| r.ttl)
                .max();
            if let Some(ttl) = ttl {
                out.push((owner.clone(), *rtype, ttl));
            }
        }
        out
    }

    async fn lower_ttl(&mut self) {
        let Some(plan) = self.plan() else { return };
        let lowered = self.target.spec.ttl.lowered;
        let sets: Vec<(OwnedName, RType, u32)> = self
            .changing_in(&plan.states.old)
            .into_iter()
            .map(|(o, t, _)| (o, t, lowered))
            .collect();
        let apex = self.apex().clone();
        let found = self.session.discover(apex.as_ref()).await;
        let servers: Vec<(String, SocketAddr)> = found
            .servers
            .iter()
            .flat_map(|s| {
                let name = s.name.as_ref().map(|n| show_name(n.as_ref()));
                s.addresses.iter().map(move |a| match &name {
                    Some(n) => (format!("{n} ({a})"), *a),
                    None => (a.to_string(), *a),
                })
            })
            .collect();
        if servers.is_empty() {
            self.out.checked += 1;
            let why = first_gap(&found);
            self.differ(
                "parent",
                record_label(apex.as_ref(), RType::NS),
                tr!(self.lang, "the current servers", "現在のサーバー"),
                tr!(self.lang, "none found: {why}", "見つかりません: {why}"),
            );
            return;
        }
        self.expect_ttls(
            &servers,
            &sets,
            |got, want| got <= want,
            |want, lang| tr!(lang, "TTL at most {want}", "TTL {want} 以下"),
        )
        .await;
    }

    async fn restore_ttl(&mut self) {
        let Some(plan) = self.plan() else { return };
        let sets = self.changing_in(&plan.states.restored);
        let servers = self.new_servers().await;
        self.expect_ttls(
            &servers,
            &sets,
            |got, want| got == want,
            |want, lang| tr!(lang, "TTL {want}", "TTL {want}"),
        )
        .await;
    }

    async fn remove_ds(&mut self) {
        let apex = self.apex().clone();
        let a = apex.as_ref();
        let found = self.session.discover(a).await;
        let Some(d) = &found.delegation else {
            self.out.checked += 1;
            let why = first_gap(&found);
            self.differ(
                "parent",
                record_label(a, RType::DS),
                tr!(self.lang, "no DS", "DS なし"),
                tr!(
                    self.lang,
                    "could not read the delegation: {why}",
                    "委任を読めませんでした: {why}"
                ),
            );
            return;
        };
        // Every server of the parent, since each one is asked by some resolver.
        let zone = d
            .parent_zone
            .as_ref()
            .map(|z| show_name(z.as_ref()))
            .unwrap_or_default();
        for (name, addr) in d.parent_servers.clone() {
            self.out.checked += 1;
            let label = format!("parent {zone} {} ({addr})", show_name(name.as_ref()));
            let found = match self.session.query(addr, a, RType::DS).await {
                Err(e) => self.query_error(&e),
                Ok(r)
                    if r.rcode() == wire::rcode::NOERROR || r.rcode() == wire::rcode::NXDOMAIN =>
                {
                    let data: Vec<Vec<u8>> =
                        r.rrset(a, RType::DS).map(|r| r.rdata.clone()).collect();
                    if data.is_empty() {
                        continue;
                    }
                    show_data(RType::DS, &data)
                }
                Ok(r) => wire::rcode::name(r.rcode()),
            };
            self.differ(
                &label,
                record_label(a, RType::DS),
                tr!(self.lang, "no DS", "DS なし"),
                found,
            );
        }
    }
}

/// `None` when `served` (a TXT RRset) holds `want` and no other SPF policy; otherwise what it
/// holds instead.
fn spf_verdict(served: &[Vec<u8>], want: &[u8]) -> Option<String> {
    let joined = |d: &[u8]| crate::zone::rdata::view::joined_text(d).unwrap_or_default();
    let want_text = joined(want);
    let spf: Vec<Vec<u8>> = served
        .iter()
        .filter(|d| {
            let t = joined(d).to_ascii_lowercase();
            t == b"v=spf1" || t.starts_with(b"v=spf1 ")
        })
        .cloned()
        .collect();
    if spf.len() == 1 && joined(&spf[0]) == want_text {
        return None;
    }
    Some(if spf.is_empty() {
        "no SPF record".to_owned()
    } else {
        show_data(RType::TXT, &spf)
    })
}

fn resolved_text(resolved: &Resolved, rtype: RType, got: &[Vec<u8>], lang: Lang) -> String {
    match resolved {
        Resolved::Failed(w) => escape(w).into_owned(),
        Resolved::NxDomain => "NXDOMAIN".into(),
        _ if got.is_empty() => tr!(lang, "no records", "レコードなし"),
        _ => show_data(rtype, got),
    }
}

/// The outcome for people: a verdict line, then one line per difference.
pub fn render_text(outcome: &Outcome, zone: &str, lang: Lang) -> String {
    use std::fmt::Write;
    let step = outcome.step.map_or("-", StepId::as_str);
    let zone = escape(zone);
    let mut out = String::new();
    let n = outcome.differences.len();
    let checked = outcome.checked;
    let _ = writeln!(
        out,
        "{}",
        if outcome.holds {
            tr!(
                lang,
                "{step} holds for {zone} ({checked} checks)",
                "{zone} の {step} は完了しています（{checked} 件を確認）"
            )
        } else if checked == 0 {
            tr!(
                lang,
                "{step}: nothing to check for {zone}",
                "{zone} の {step}: 確認する項目がありません"
            )
        } else {
            tr!(
                lang,
                "{step} does not hold yet for {zone}: {n} of {checked} checks differ",
                "{zone} の {step} はまだ完了していません: {checked} 件中 {n} 件が異なります"
            )
        }
    );
    for d in &outcome.differences {
        let (server, record, expected, found) = (&d.server, &d.record, &d.expected, &d.found);
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "  {server}: `{record}`: expected {expected}, found {found}",
                "  {server}: `{record}`: 期待値 {expected}、実際 {found}"
            )
        );
    }
    out
}

/// What `plan --live` measures: the TTLs the waits come from, the delegation and its DS at the
/// parent, and the mail records the current servers serve. What cannot be measured stays
/// `None`, and the plan falls back to the zone or the registry table (and says so).
pub async fn observe(session: &Session, spec: &Spec) -> (crate::plan::Observed, Vec<String>) {
    use crate::plan::{MailRecords, Observed};
    let apex = spec.zone.as_ref();
    let found = session.discover(apex).await;
    let ttls = session.measure_ttls(apex, &found).await;
    let mut notes: Vec<String> = found.gaps.iter().map(|g| g.why.clone()).collect();
    let delegation = found.delegation.as_ref().filter(|d| !d.not_delegated);
    let current_ns = delegation.map(|d| d.ns.clone()).filter(|ns| !ns.is_empty());
    let parent_ds = delegation.and_then(|d| match &d.ds_error {
        None => Some(d.ds.iter().map(|r| r.rdata.clone()).collect()),
        Some(e) => {
            notes.push(format!("DS at the parent: {e}"));
            None
        }
    });
    // Today's mail records, from the first current server that answers authoritatively.
    let mut current_mail = None;
    if spec.mail.is_some() {
        let mut ad = vec![12u8];
        ad.extend_from_slice(b"autodiscover");
        ad.extend_from_slice(apex.wire());
        let ad = OwnedName::from_wire(ad).unwrap_or_else(|| apex.to_owned());
        for (_, addr) in found.addresses() {
            let Ok(mx) = session.query(addr, apex, RType::MX).await else {
                continue;
            };
            if !mx.authoritative() {
                continue;
            }
            let mut mail = MailRecords {
                mx: mx.rrset(apex, RType::MX).map(|r| r.rdata.clone()).collect(),
                ..MailRecords::default()
            };
            if let Ok(txt) = session.query(addr, apex, RType::TXT).await {
                mail.spf = txt
                    .rrset(apex, RType::TXT)
                    .map(|r| r.rdata.clone())
                    .find(|d| {
                        let t = crate::zone::rdata::view::joined_text(d)
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        t == b"v=spf1" || t.starts_with(b"v=spf1 ")
                    });
            }
            for t in [RType::CNAME, RType::A, RType::AAAA] {
                if let Ok(r) = session.query(addr, ad.as_ref(), t).await {
                    mail.autodiscover
                        .extend(r.rrset(ad.as_ref(), t).map(|r| (t, r.rdata.clone())));
                }
                if mail.autodiscover.iter().any(|(t, _)| *t == RType::CNAME) {
                    break;
                }
            }
            current_mail = Some(mail);
            break;
        }
    }
    (
        Observed {
            parent_ns_ttl: ttls.parent_ns,
            child_ns_ttl: ttls.child_ns,
            mx_ttl: ttls.mx,
            negative_ttl: ttls.soa_negative,
            ds_ttl: ttls.ds,
            current_ns,
            parent_ds,
            current_mail,
        },
        notes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spf_must_be_the_only_policy() {
        let want = txt_rdata("v=spf1 include:spf.protection.outlook.com -all");
        let other = txt_rdata("MS=ms123");
        assert_eq!(spf_verdict(&[want.clone(), other.clone()], &want), None);
        let old = txt_rdata("v=spf1 mx -all");
        assert!(spf_verdict(&[want.clone(), old.clone()], &want).is_some());
        assert_eq!(
            spf_verdict(&[other], &want).as_deref(),
            Some("no SPF record")
        );
        assert!(
            spf_verdict(&[old], &want)
                .unwrap()
                .contains("v=spf1 mx -all")
        );
    }
}
