//! Discovery: who serves the zone today.
//!
//! 1. The parent zone: walk up from the apex, asking the resolver for NS at each ancestor, until
//!    one has them (`example.co.jp.` → `co.jp.` has none → `jp.`).
//! 2. The delegation: ask the parent's servers directly, with RD=0, for the apex's NS. Their
//!    referral is the parent's NS set, with its TTL and glue; the DS set comes from them too.
//! 3. The child's NS set: ask the delegated servers, with RD=0, for the apex NS; they must
//!    answer authoritatively.
//! 4. Addresses: glue where the parent gives it, else A and AAAA through the resolver.
//!
//! `--authoritative` skips 1, 2 and 4: the given addresses are the servers.

use super::client::{Client, Response};
use super::recursive::{Recursive, Resolved};
use super::wire::{RawRecord, rcode};
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use futures_util::future::join_all;
use std::net::{IpAddr, SocketAddr};

/// One name server of the zone and where it listens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameServer {
    /// Its name; `None` for an address given with `--authoritative`.
    pub name: Option<OwnedName>,
    pub addresses: Vec<SocketAddr>,
    /// Listed in the parent's delegation.
    pub in_parent: bool,
    /// Listed in the child's apex NS set.
    pub in_child: bool,
    /// Why no address was found, when none was.
    pub address_error: Option<String>,
}

/// The parent's view of the zone.
#[derive(Clone, Debug, Default)]
pub struct Delegation {
    pub parent_zone: Option<OwnedName>,
    /// The parent's servers, by name and address.
    pub parent_servers: Vec<(OwnedName, SocketAddr)>,
    /// The parent server whose answer is used.
    pub answered_by: Option<SocketAddr>,
    /// The delegation NS set (names lowercased), and its TTL at the parent.
    pub ns: Vec<OwnedName>,
    pub ns_ttl: Option<u32>,
    /// A/AAAA records the parent returned with the referral.
    pub glue: Vec<RawRecord>,
    /// The parent answered NXDOMAIN for the apex: the domain is not delegated.
    pub not_delegated: bool,
    /// The DS set at the parent, and its TTL.
    pub ds: Vec<RawRecord>,
    /// The DS query could not be answered.
    pub ds_error: Option<String>,
}

/// The child's own NS set, from an authoritative answer.
#[derive(Clone, Debug, Default)]
pub struct ChildNs {
    pub ns: Vec<OwnedName>,
    pub ttl: Option<u32>,
    pub answered_by: Option<SocketAddr>,
}

/// What discovery could not find out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    Delegation,
    ChildNs,
}

/// Something discovery could not find out, for a "could not check" finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub what: Unknown,
    pub why: String,
}

#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// `None` with `--authoritative`, or when the parent could not be found.
    pub delegation: Option<Delegation>,
    pub child: Option<ChildNs>,
    pub servers: Vec<NameServer>,
    pub gaps: Vec<Gap>,
}

impl Discovery {
    /// The name of the server at `addr`, when known.
    pub fn name_of(&self, addr: SocketAddr) -> Option<&OwnedName> {
        self.servers
            .iter()
            .find(|s| s.addresses.contains(&addr))
            .and_then(|s| s.name.as_ref())
            .or_else(|| {
                self.delegation.as_ref().and_then(|d| {
                    d.parent_servers
                        .iter()
                        .find(|(_, a)| *a == addr)
                        .map(|(n, _)| n)
                })
            })
    }

    /// Every (server, address) pair, in discovery order.
    pub fn addresses(&self) -> impl Iterator<Item = (usize, SocketAddr)> + '_ {
        self.servers
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.addresses.iter().map(move |&a| (i, a)))
    }
}

/// What discovery needs besides the zone.
pub struct Ask<'a> {
    pub client: &'a Client,
    pub recursive: Option<&'a Recursive>,
    /// The port servers found by discovery listen on (53 but in test labs).
    pub port: u16,
}

/// Finds the servers of `apex`, or takes `authoritative` as them.
pub async fn discover(ask: &Ask<'_>, apex: NameRef<'_>, authoritative: &[SocketAddr]) -> Discovery {
    let mut found = Discovery::default();
    if !authoritative.is_empty() {
        found.servers = authoritative
            .iter()
            .map(|&a| NameServer {
                name: None,
                addresses: vec![a],
                in_parent: false,
                in_child: false,
                address_error: None,
            })
            .collect();
        found.child = child_ns(ask, apex, authoritative, &mut found.gaps).await;
        return found;
    }
    let Some(recursive) = ask.recursive else {
        found.gaps.push(Gap {
            what: Unknown::Delegation,
            why: "no resolver is available to find the parent zone".into(),
        });
        return found;
    };
    let delegation = match delegation(ask, recursive, apex).await {
        Ok(d) => d,
        Err(gap) => {
            found.gaps.push(gap);
            return found;
        }
    };
    if delegation.not_delegated {
        found.delegation = Some(delegation);
        return found;
    }
    // The delegated servers' addresses: glue first, else the resolver.
    let mut servers: Vec<NameServer> = Vec::new();
    for ns in &delegation.ns {
        let glue: Vec<SocketAddr> = delegation
            .glue
            .iter()
            .filter(|g| g.name.as_ref().eq_ignore_case(ns.as_ref()))
            .filter_map(|g| address_of(g).map(|ip| SocketAddr::new(ip, ask.port)))
            .collect();
        servers.push(NameServer {
            name: Some(ns.clone()),
            addresses: glue,
            in_parent: true,
            in_child: false,
            address_error: None,
        });
    }
    resolve_addresses(ask, recursive, &mut servers).await;
    let child_addrs: Vec<SocketAddr> = servers.iter().flat_map(|s| s.addresses.clone()).collect();
    found.child = child_ns(ask, apex, &child_addrs, &mut found.gaps).await;
    if let Some(child) = &found.child {
        let first_new = servers.len();
        for ns in &child.ns {
            match servers
                .iter_mut()
                .find(|s| s.name.as_ref().is_some_and(|n| n == ns))
            {
                Some(s) => s.in_child = true,
                None => servers.push(NameServer {
                    name: Some(ns.clone()),
                    addresses: Vec::new(),
                    in_parent: false,
                    in_child: true,
                    address_error: None,
                }),
            }
        }
        let mut new = servers.split_off(first_new);
        resolve_addresses(ask, recursive, &mut new).await;
        servers.extend(new);
    }
    found.servers = servers;
    found.delegation = Some(delegation);
    found
}

/// Steps 1 and 2: the parent zone, its servers, and their referral for the apex.
async fn delegation(
    ask: &Ask<'_>,
    recursive: &Recursive,
    apex: NameRef<'_>,
) -> Result<Delegation, Gap> {
    let gap = |why: String| Gap {
        what: Unknown::Delegation,
        why,
    };
    let mut cursor = apex.parent();
    let (parent, ns_names) = loop {
        let Some(candidate) = cursor else {
            return Err(gap("no ancestor of the zone has name servers".into()));
        };
        match recursive.lookup(candidate, RType::NS).await {
            Resolved::Records(records) => {
                let names: Vec<OwnedName> = records
                    .iter()
                    .filter(|r| r.rtype == RType::NS && r.name.as_ref().eq_ignore_case(candidate))
                    .filter_map(|r| NameRef::from_wire(&r.rdata).map(NameRef::to_lowercase))
                    .collect();
                if !names.is_empty() {
                    break (candidate.to_lowercase(), names);
                }
            }
            Resolved::NxDomain | Resolved::NoData => {}
            Resolved::Failed(why) => {
                return Err(gap(format!(
                    "looking up NS for `{}` through {}: {why}",
                    crate::diag::escape(&candidate.to_string()),
                    recursive.label
                )));
            }
        }
        cursor = candidate.parent();
    };
    // The parent's servers' addresses, through the resolver.
    let mut parent_servers = Vec::new();
    let lookups = ns_names.iter().map(|n| async move {
        let (a, aaaa) = futures_util::join!(
            recursive.lookup(n.as_ref(), RType::A),
            recursive.lookup(n.as_ref(), RType::AAAA)
        );
        (n, a, aaaa)
    });
    for (name, a, aaaa) in join_all(lookups).await {
        for r in a.of(RType::A).chain(aaaa.of(RType::AAAA)) {
            if let Some(ip) = address_of(r) {
                parent_servers.push((name.clone(), SocketAddr::new(ip, ask.port)));
            }
        }
    }
    if parent_servers.is_empty() {
        return Err(gap(format!(
            "no address found for the name servers of `{}`",
            crate::diag::escape(&parent.to_string())
        )));
    }
    let mut delegation = Delegation {
        parent_zone: Some(parent),
        parent_servers,
        ..Delegation::default()
    };
    // The referral: the first parent server that gives a usable answer.
    let mut failures = Vec::new();
    for &(_, addr) in &delegation.parent_servers {
        match ask.client.query(addr, apex, RType::NS).await {
            Ok(resp) if resp.rcode() == rcode::NXDOMAIN && resp.authoritative() => {
                delegation.answered_by = Some(addr);
                delegation.not_delegated = true;
                return Ok(delegation);
            }
            Ok(resp) => match referral(&resp, apex) {
                Some((ns, ttl)) => {
                    delegation.answered_by = Some(addr);
                    delegation.ns_ttl = Some(ttl);
                    delegation.glue = resp
                        .message
                        .additionals
                        .iter()
                        .filter(|r| r.rtype == RType::A || r.rtype == RType::AAAA)
                        .filter(|r| {
                            ns.iter()
                                .any(|n| r.name.as_ref().eq_ignore_case(n.as_ref()))
                        })
                        .cloned()
                        .collect();
                    delegation.ns = ns;
                    break;
                }
                None => failures.push(format!(
                    "{addr} answered {}{}",
                    rcode::name(resp.rcode()),
                    if resp.authoritative() {
                        ""
                    } else {
                        " without a referral"
                    }
                )),
            },
            Err(e) => failures.push(format!("{addr}: {e}")),
        }
    }
    let Some(parent_addr) = delegation.answered_by else {
        return Err(gap(format!(
            "no server of the parent gave a referral ({})",
            failures.join("; ")
        )));
    };
    // DS lives at the parent (RFC 4035 §2.4).
    match ask.client.query(parent_addr, apex, RType::DS).await {
        Ok(resp) if resp.rcode() == rcode::NOERROR => {
            delegation.ds = resp.rrset(apex, RType::DS).cloned().collect();
        }
        Ok(resp) => {
            delegation.ds_error = Some(format!(
                "{parent_addr} answered {}",
                rcode::name(resp.rcode())
            ))
        }
        Err(e) => delegation.ds_error = Some(format!("{parent_addr}: {e}")),
    }
    Ok(delegation)
}

/// The NS set and its TTL from a referral (authority section) or, when the parent serves the
/// child too, from an authoritative answer.
pub fn referral(resp: &Response, apex: NameRef<'_>) -> Option<(Vec<OwnedName>, u32)> {
    if resp.rcode() != rcode::NOERROR {
        return None;
    }
    let section = if resp.authoritative() && resp.rrset(apex, RType::NS).next().is_some() {
        &resp.message.answers
    } else {
        &resp.message.authorities
    };
    let records: Vec<&RawRecord> = section
        .iter()
        .filter(|r| r.rtype == RType::NS && r.name.as_ref().eq_ignore_case(apex))
        .collect();
    let ttl = records.iter().map(|r| r.ttl).min()?;
    let mut names: Vec<OwnedName> = records
        .iter()
        .filter_map(|r| NameRef::from_wire(&r.rdata).map(NameRef::to_lowercase))
        .collect();
    names.sort();
    names.dedup();
    Some((names, ttl))
}

/// Step 3: the first authoritative answer for the apex NS among `addrs`.
async fn child_ns(
    ask: &Ask<'_>,
    apex: NameRef<'_>,
    addrs: &[SocketAddr],
    gaps: &mut Vec<Gap>,
) -> Option<ChildNs> {
    let mut failures = Vec::new();
    for &addr in addrs {
        match ask.client.query(addr, apex, RType::NS).await {
            Ok(resp) if resp.rcode() == rcode::NOERROR && resp.authoritative() => {
                let mut ns: Vec<OwnedName> = resp
                    .rrset(apex, RType::NS)
                    .filter_map(|r| NameRef::from_wire(&r.rdata).map(NameRef::to_lowercase))
                    .collect();
                ns.sort();
                ns.dedup();
                let ttl = resp.rrset(apex, RType::NS).map(|r| r.ttl).min();
                return Some(ChildNs {
                    ns,
                    ttl,
                    answered_by: Some(addr),
                });
            }
            Ok(resp) => failures.push(format!(
                "{addr} answered {}{}",
                rcode::name(resp.rcode()),
                if resp.authoritative() {
                    ""
                } else {
                    " without AA"
                }
            )),
            Err(e) => failures.push(format!("{addr}: {e}")),
        }
    }
    if !addrs.is_empty() {
        gaps.push(Gap {
            what: Unknown::ChildNs,
            why: format!(
                "no server answered it authoritatively ({})",
                failures.join("; ")
            ),
        });
    }
    None
}

/// Fills in the addresses of servers that have none, through the resolver.
async fn resolve_addresses(ask: &Ask<'_>, recursive: &Recursive, servers: &mut [NameServer]) {
    let lookups = servers.iter().map(|s| async move {
        let name = s.name.as_ref()?;
        if !s.addresses.is_empty() {
            return None;
        }
        let (a, aaaa) = futures_util::join!(
            recursive.lookup(name.as_ref(), RType::A),
            recursive.lookup(name.as_ref(), RType::AAAA)
        );
        Some((a, aaaa))
    });
    let results = join_all(lookups).await;
    for (server, result) in servers.iter_mut().zip(results) {
        let Some((a, aaaa)) = result else { continue };
        server.addresses = a
            .of(RType::A)
            .chain(aaaa.of(RType::AAAA))
            .filter_map(address_of)
            .map(|ip| SocketAddr::new(ip, ask.port))
            .collect();
        if server.addresses.is_empty() {
            server.address_error = Some(match (&a, &aaaa) {
                (Resolved::Failed(why), _) | (_, Resolved::Failed(why)) => why.clone(),
                (Resolved::NxDomain, _) => "the name does not exist".into(),
                _ => "the name has no A or AAAA record".into(),
            });
        }
    }
}

/// The address in an A or AAAA record.
pub fn address_of(r: &RawRecord) -> Option<IpAddr> {
    match r.rtype {
        RType::A => crate::zone::rdata::view::a(&r.rdata).map(IpAddr::V4),
        RType::AAAA => crate::zone::rdata::view::aaaa(&r.rdata).map(IpAddr::V6),
        _ => None,
    }
}
