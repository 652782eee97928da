//! Reading what the current servers serve: a zone transfer when one is allowed, otherwise
//! probes of chosen names and types.
//!
//! Probing asks every owner name in the submission for its own types and for A, AAAA, CNAME,
//! MX, TXT, SRV, CAA and NS, and asks [`FORGOTTEN_NAMES`] (plus the policy's
//! `live_probe_names`) for the same standard types. A name that answers NXDOMAIN to its first
//! question is not asked about its other types: nothing exists there (RFC 8020).

use super::client::{Client, QueryError, Response};
use super::wire::{RawRecord, rcode};
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use crate::zone::{Zone, ZoneIndex};
use futures_util::StreamExt;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// Names customers often forget to export, relative to the apex: the Microsoft 365 set
/// (Autodiscover, Teams/Skype for Business, Intune, DKIM selectors), mail authentication and
/// mail service names, common SRV services, common web names, validation tokens, and the
/// wildcard itself.
pub const FORGOTTEN_NAMES: &[&str] = &[
    // Microsoft 365
    "autodiscover",
    "_autodiscover._tcp",
    "lyncdiscover",
    "sip",
    "_sip._tls",
    "_sip._tcp",
    "_sipfederationtls._tcp",
    "enterpriseregistration",
    "enterpriseenrollment",
    "msoid",
    "selector1._domainkey",
    "selector2._domainkey",
    // Mail authentication and reporting
    "_dmarc",
    "_mta-sts",
    "mta-sts",
    "_smtp._tls",
    "default._bimi",
    "google._domainkey",
    "default._domainkey",
    "dkim._domainkey",
    "mail._domainkey",
    "k1._domainkey",
    "s1._domainkey",
    "s2._domainkey",
    // Mail service names
    "mail",
    "mx",
    "smtp",
    "pop",
    "pop3",
    "imap",
    "webmail",
    "owa",
    "_submission._tcp",
    "_submissions._tcp",
    "_imap._tcp",
    "_imaps._tcp",
    "_pop3s._tcp",
    // Other SRV services
    "_caldavs._tcp",
    "_carddavs._tcp",
    "_xmpp-client._tcp",
    "_xmpp-server._tcp",
    "_ldap._tcp",
    "_kerberos._udp",
    // Web and remote access
    "www",
    "m",
    "shop",
    "blog",
    "api",
    "app",
    "cdn",
    "static",
    "ftp",
    "vpn",
    "remote",
    "portal",
    // Validation tokens and verification names
    "_acme-challenge",
    "_amazonses",
    "_domainconnect",
    // A wildcard answers for every name the customer did not list.
    "*",
];

/// The types asked at every probed name.
pub const STANDARD_TYPES: &[RType] = &[
    RType::A,
    RType::AAAA,
    RType::CNAME,
    RType::MX,
    RType::TXT,
    RType::SRV,
    RType::CAA,
    RType::NS,
];

/// Types that are not compared: the SOA and DNSSEC material change with the host by design.
pub fn compared(rtype: RType) -> bool {
    rtype != RType::SOA && (!rtype.is_dnssec() || rtype == RType::DS) && rtype != RType::ZONEMD
}

/// One name to probe and the types to ask.
#[derive(Clone, Debug)]
pub struct PlannedName {
    /// Lowercase.
    pub name: OwnedName,
    pub types: Vec<RType>,
    pub in_submission: bool,
    pub in_list: bool,
}

/// What to probe, built from the submission and the lists.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    pub names: Vec<PlannedName>,
}

impl Plan {
    pub fn pairs(&self) -> usize {
        self.names.iter().map(|n| n.types.len()).sum()
    }
}

/// The probe plan for `zone`: its owners with their types and the standard ones, and the
/// listed names. Names below a delegation in the submission are asked only for addresses
/// (glue); a delegation point for NS and its own types.
pub fn plan(zone: &Zone, index: &ZoneIndex, extra: &[String]) -> Plan {
    let apex = zone.apex();
    let mut names: BTreeMap<OwnedName, PlannedName> = BTreeMap::new();
    let cuts: Vec<OwnedName> = index
        .rrsets(zone)
        .filter(|(owner, rtype, _)| {
            *rtype == RType::NS && !zone.names.get(*owner).eq_ignore_case(apex)
        })
        .map(|(owner, _, _)| zone.names.get(owner).to_lowercase())
        .collect();
    for (owner, rtype, _) in index.rrsets(zone) {
        let name = zone.names.get(owner);
        if !name.is_subdomain_of(apex) {
            continue;
        }
        let key = name.to_lowercase();
        let below_cut = cuts
            .iter()
            .any(|c| key.as_ref() != c.as_ref() && key.as_ref().is_subdomain_of(c.as_ref()));
        let at_cut = cuts.iter().any(|c| c == &key);
        let entry = names.entry(key).or_insert_with(|| PlannedName {
            name: name.to_lowercase(),
            types: Vec::new(),
            in_submission: true,
            in_list: false,
        });
        if at_cut {
            // The parent side of a cut serves the NS set, the DS set and glue there.
            if matches!(rtype, RType::NS | RType::DS | RType::A | RType::AAAA) {
                push_type(&mut entry.types, rtype);
            }
            push_type(&mut entry.types, RType::NS);
        } else if below_cut {
            // Below a cut only glue is served, as part of referrals.
            if matches!(rtype, RType::A | RType::AAAA) {
                push_type(&mut entry.types, rtype);
            }
        } else {
            if compared(rtype) {
                push_type(&mut entry.types, rtype);
            }
            for &t in STANDARD_TYPES {
                push_type(&mut entry.types, t);
            }
        }
    }
    let listed = FORGOTTEN_NAMES
        .iter()
        .map(|s| s.to_string())
        .chain(extra.iter().cloned());
    for text in listed {
        let Some(name) = probe_name(&text, apex) else {
            continue;
        };
        let below_cut = cuts
            .iter()
            .any(|c| name.as_ref().is_subdomain_of(c.as_ref()));
        if below_cut {
            continue;
        }
        let entry = names.entry(name.clone()).or_insert_with(|| PlannedName {
            name,
            types: Vec::new(),
            in_submission: false,
            in_list: true,
        });
        entry.in_list = true;
        for &t in STANDARD_TYPES {
            push_type(&mut entry.types, t);
        }
    }
    // The apex is always asked, even in an empty submission.
    names
        .entry(apex.to_lowercase())
        .or_insert_with(|| PlannedName {
            name: apex.to_lowercase(),
            types: STANDARD_TYPES.to_vec(),
            in_submission: false,
            in_list: true,
        });
    Plan {
        names: names
            .into_values()
            .filter(|n| !n.types.is_empty())
            .collect(),
    }
}

fn push_type(types: &mut Vec<RType>, t: RType) {
    if !types.contains(&t) {
        types.push(t);
    }
}

/// A listed name, relative to `apex` unless it ends with a dot; `None` when it is not a name
/// or lies outside the zone.
pub fn probe_name(text: &str, apex: NameRef<'_>) -> Option<OwnedName> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let name = if text == "@" {
        apex.to_owned()
    } else if text.ends_with('.') {
        OwnedName::from_text(text).ok()?
    } else {
        OwnedName::from_text(&format!("{text}.{apex}")).ok()?
    };
    name.as_ref()
        .is_subdomain_of(apex)
        .then(|| name.as_ref().to_lowercase())
}

/// An RRset as served today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveSet {
    /// The owner as the server wrote it.
    pub name: OwnedName,
    pub rtype: RType,
    pub ttl: u32,
    pub rdatas: Vec<Vec<u8>>,
    pub server: SocketAddr,
}

/// How the content was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A whole zone transfer from this server.
    Axfr(SocketAddr),
    /// Probes of the planned names.
    Probe,
    /// No server served the zone, so nothing was read.
    None,
}

/// A name/type pair that no server answered.
#[derive(Clone, Debug)]
pub struct Failure {
    pub name: OwnedName,
    pub rtype: RType,
    pub server: Option<SocketAddr>,
    pub why: String,
}

/// What the current servers serve.
#[derive(Clone, Debug)]
pub struct Content {
    pub mode: Mode,
    /// By lowercase owner and type.
    pub rrsets: BTreeMap<(OwnedName, RType), LiveSet>,
    /// Names that answered NXDOMAIN (lowercase), and the server that said so.
    pub nxdomain: BTreeMap<OwnedName, SocketAddr>,
    /// Pairs with a definite answer (data, no data, or a referral), and who gave it.
    pub answered: BTreeMap<(OwnedName, RType), SocketAddr>,
    pub failures: Vec<Failure>,
    /// Servers that refused the zone transfer, and how.
    pub axfr_refused: Vec<(SocketAddr, String)>,
    /// DNSSEC records the transfer held, not compared.
    pub dnssec_records: usize,
    pub plan_names: usize,
    pub plan_from_submission: usize,
    pub plan_from_list: usize,
    pub plan_pairs: usize,
}

impl Content {
    fn new(mode: Mode) -> Self {
        Content {
            mode,
            rrsets: BTreeMap::new(),
            nxdomain: BTreeMap::new(),
            answered: BTreeMap::new(),
            failures: Vec::new(),
            axfr_refused: Vec::new(),
            dnssec_records: 0,
            plan_names: 0,
            plan_from_submission: 0,
            plan_from_list: 0,
            plan_pairs: 0,
        }
    }

    /// The pair was checked: everything is after a transfer; otherwise the name answered
    /// NXDOMAIN or the pair itself was answered. Returns the server that said so.
    pub fn checked(&self, name: &OwnedName, rtype: RType) -> Option<Option<SocketAddr>> {
        match self.mode {
            Mode::Axfr(server) => Some(Some(server)),
            Mode::None => None,
            Mode::Probe => self
                .nxdomain
                .get(name)
                .or_else(|| self.answered.get(&(name.clone(), rtype)))
                .map(|s| Some(*s)),
        }
    }
}

/// Reads the content from `servers` (the newest first): a transfer from the first that allows
/// one, else probes with fail-over from one server to the next.
pub async fn fetch(
    client: Arc<Client>,
    servers: &[SocketAddr],
    apex: NameRef<'_>,
    plan: &Plan,
    max_axfr_records: usize,
) -> Content {
    if servers.is_empty() {
        return Content::new(Mode::None);
    }
    let mut refused = Vec::new();
    for &server in servers {
        match client.axfr(server, apex, max_axfr_records).await {
            Ok(records) => {
                client.unplan(plan.pairs());
                let mut content = from_transfer(server, apex, records);
                content.axfr_refused = refused;
                return content;
            }
            Err(e) => refused.push((server, e.to_string())),
        }
        if client.deadline_passed() {
            break;
        }
    }
    let mut content = probe(client, servers, apex, plan).await;
    content.axfr_refused = refused;
    content
}

fn from_transfer(server: SocketAddr, apex: NameRef<'_>, records: Vec<RawRecord>) -> Content {
    let mut content = Content::new(Mode::Axfr(server));
    for r in records {
        if !r.name.as_ref().is_subdomain_of(apex) {
            continue;
        }
        if !compared(r.rtype) && r.rtype != RType::SOA {
            content.dnssec_records += 1;
            continue;
        }
        let key = (r.name.as_ref().to_lowercase(), r.rtype);
        let set = content.rrsets.entry(key).or_insert_with(|| LiveSet {
            name: r.name.clone(),
            rtype: r.rtype,
            ttl: r.ttl,
            rdatas: Vec::new(),
            server,
        });
        set.ttl = set.ttl.min(r.ttl);
        if !set.rdatas.contains(&r.rdata) {
            set.rdatas.push(r.rdata);
        }
    }
    content
}

/// The answer to one probe, as far as the comparison cares.
enum Outcome {
    /// An authoritative answer (or a referral) from this server: the records at the name of
    /// the type, if any.
    Data(SocketAddr, Option<LiveSet>),
    NxDomain(SocketAddr),
    Failed(Option<SocketAddr>, String),
}

async fn probe(
    client: Arc<Client>,
    servers: &[SocketAddr],
    apex: NameRef<'_>,
    plan: &Plan,
) -> Content {
    let mut content = Content::new(Mode::Probe);
    content.plan_names = plan.names.len();
    content.plan_from_submission = plan.names.iter().filter(|n| n.in_submission).count();
    content.plan_from_list = plan
        .names
        .iter()
        .filter(|n| n.in_list && !n.in_submission)
        .count();
    content.plan_pairs = plan.pairs();
    let servers: Arc<[SocketAddr]> = servers.into();
    let apex = apex.to_lowercase();
    let concurrency = client.options().concurrency.max(1);
    // One task per name, a bounded number at a time: the first type decides whether the name
    // exists, then its other types go out together.
    let tasks = futures_util::stream::iter(plan.names.iter().cloned())
        .map(|planned| {
            let client = client.clone();
            let servers = servers.clone();
            let apex = apex.clone();
            tokio::spawn(async move { probe_name_types(&client, &servers, &apex, planned).await })
        })
        .buffer_unordered(concurrency * 2);
    let results: Vec<_> = tasks.collect().await;
    for result in results {
        let Ok((name, outcomes)) = result else {
            continue;
        };
        for (rtype, outcome) in outcomes {
            match outcome {
                Outcome::NxDomain(server) => {
                    content.nxdomain.insert(name.clone(), server);
                }
                Outcome::Data(server, set) => {
                    content.answered.insert((name.clone(), rtype), server);
                    if let Some(set) = set {
                        content.rrsets.insert((name.clone(), rtype), set);
                    }
                }
                Outcome::Failed(server, why) => content.failures.push(Failure {
                    name: name.clone(),
                    rtype,
                    server,
                    why,
                }),
            }
        }
    }
    content
}

/// Probes one name: returns its lowercase name and the outcome per type.
async fn probe_name_types(
    client: &Client,
    servers: &[SocketAddr],
    apex: &OwnedName,
    planned: PlannedName,
) -> (OwnedName, Vec<(RType, Outcome)>) {
    let name = planned.name;
    let mut outcomes = Vec::with_capacity(planned.types.len());
    let Some((&first, rest)) = planned.types.split_first() else {
        return (name, outcomes);
    };
    let first_outcome = ask(client, servers, apex.as_ref(), name.as_ref(), first).await;
    if let Outcome::NxDomain(server) = first_outcome {
        client.unplan(rest.len());
        outcomes.push((first, Outcome::NxDomain(server)));
        return (name, outcomes);
    }
    outcomes.push((first, first_outcome));
    let at = name.as_ref();
    let others = rest
        .iter()
        .map(|&t| async move { (t, ask(client, servers, apex.as_ref(), at, t).await) });
    outcomes.extend(futures_util::future::join_all(others).await);
    (name, outcomes)
}

/// Asks the servers in turn until one answers with authority (or a referral).
async fn ask(
    client: &Client,
    servers: &[SocketAddr],
    apex: NameRef<'_>,
    name: NameRef<'_>,
    rtype: RType,
) -> Outcome {
    let mut last = (None, String::new());
    for &server in servers {
        match client.query(server, name, rtype).await {
            Ok(resp) => match interpret(&resp, apex, name, rtype) {
                Some(outcome) => return outcome,
                None => {
                    let aa = if resp.authoritative() {
                        ""
                    } else {
                        " without authority"
                    };
                    last = (
                        Some(server),
                        format!("answered {}{aa}", rcode::name(resp.rcode())),
                    );
                }
            },
            Err(QueryError::Deadline) => {
                return Outcome::Failed(None, QueryError::Deadline.to_string());
            }
            Err(e) => last = (Some(server), e.to_string()),
        }
    }
    Outcome::Failed(last.0, last.1)
}

/// What an answer says about `name`/`rtype`; `None` when it says nothing usable (an error
/// RCODE, or no authority and no referral).
fn interpret(
    resp: &Response,
    apex: NameRef<'_>,
    name: NameRef<'_>,
    rtype: RType,
) -> Option<Outcome> {
    let server = resp.server;
    let set_of = |records: &mut dyn Iterator<Item = &RawRecord>| -> Option<LiveSet> {
        let mut set: Option<LiveSet> = None;
        for r in records {
            let s = set.get_or_insert_with(|| LiveSet {
                name: r.name.clone(),
                rtype,
                ttl: r.ttl,
                rdatas: Vec::new(),
                server,
            });
            s.ttl = s.ttl.min(r.ttl);
            if !s.rdatas.contains(&r.rdata) {
                s.rdatas.push(r.rdata.clone());
            }
        }
        set
    };
    let at = |r: &&RawRecord| r.rtype == rtype && r.name.as_ref().eq_ignore_case(name);
    match resp.rcode() {
        rcode::NXDOMAIN if resp.authoritative() => Some(Outcome::NxDomain(server)),
        rcode::NOERROR if resp.authoritative() => Some(Outcome::Data(
            server,
            set_of(&mut resp.message.answers.iter().filter(at)),
        )),
        rcode::NOERROR => {
            // A referral: NS in the authority section for a cut strictly below the apex that
            // covers the name. The parent side of a cut serves the NS set and glue.
            let cut = resp
                .message
                .authorities
                .iter()
                .find(|r| {
                    r.rtype == RType::NS
                        && !r.name.as_ref().eq_ignore_case(apex)
                        && r.name.as_ref().is_subdomain_of(apex)
                        && name.is_subdomain_of(r.name.as_ref())
                })?
                .name
                .clone();
            let set = if rtype == RType::NS && cut.as_ref().eq_ignore_case(name) {
                set_of(&mut resp.message.authorities.iter().filter(at))
            } else if rtype == RType::A || rtype == RType::AAAA {
                set_of(&mut resp.message.additionals.iter().filter(at))
            } else {
                None
            };
            Some(Outcome::Data(server, set))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(t: &str) -> OwnedName {
        OwnedName::from_text(t).unwrap()
    }

    #[test]
    fn probe_names_are_relative_to_the_apex_unless_absolute() {
        let apex = name("example.co.jp.");
        assert_eq!(
            probe_name("www", apex.as_ref()),
            Some(name("www.example.co.jp."))
        );
        assert_eq!(
            probe_name("Shop.Example.co.jp.", apex.as_ref()),
            Some(name("shop.example.co.jp."))
        );
        assert_eq!(probe_name("@", apex.as_ref()), Some(apex.clone()));
        assert_eq!(probe_name("other.example.", apex.as_ref()), None);
        assert_eq!(probe_name("a..b", apex.as_ref()), None);
        assert_eq!(probe_name("  ", apex.as_ref()), None);
    }
}
