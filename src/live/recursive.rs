//! Recursive lookups through one resolver (hickory-resolver), for what lies outside the zone:
//! the parent zone's servers, name server addresses, targets, SPF includes.
//!
//! The cache is off, so every answer is what the resolver says now, and each lookup takes a
//! slot of the same concurrency limit as the authoritative queries.

use super::progress::Progress;
use super::wire::RawRecord;
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// Which resolver to ask.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolverChoice {
    /// The system's, from `/etc/resolv.conf`.
    System,
    /// One server, over UDP and TCP on the same port.
    Address(SocketAddr),
}

/// The outcome of one lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// The answer section, CNAMEs included.
    Records(Vec<RawRecord>),
    /// The name does not exist.
    NxDomain,
    /// The name exists without data of the type.
    NoData,
    /// The resolver could not say (timeout, SERVFAIL, REFUSED...): a "could not check".
    Failed(String),
}

impl Resolved {
    /// The records of `rtype`, after any CNAME chain.
    pub fn of(&self, rtype: RType) -> impl Iterator<Item = &RawRecord> {
        let records: &[RawRecord] = match self {
            Resolved::Records(r) => r,
            _ => &[],
        };
        records.iter().filter(move |r| r.rtype == rtype)
    }

    /// A void lookup in RFC 7208 §4.6.4's sense: NXDOMAIN, or an answer with no records.
    pub fn is_void(&self, rtype: RType) -> bool {
        match self {
            Resolved::NxDomain | Resolved::NoData => true,
            Resolved::Records(_) => self.of(rtype).next().is_none(),
            Resolved::Failed(_) => false,
        }
    }
}

/// The resolver and the limits it shares with the authoritative queries.
pub struct Recursive {
    resolver: TokioResolver,
    /// The resolver's addresses, for messages.
    pub label: String,
    limiter: Arc<Semaphore>,
    deadline: Instant,
    progress: Progress,
    pub lookups: AtomicU64,
}

impl std::fmt::Debug for Recursive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recursive")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

impl Recursive {
    pub fn new(
        choice: &ResolverChoice,
        timeout: Duration,
        retries: u32,
        limiter: Arc<Semaphore>,
        deadline: Instant,
        progress: Progress,
    ) -> Result<Self, String> {
        let (config, mut opts) = match choice {
            ResolverChoice::System => hickory_resolver::system_conf::read_system_conf()
                .map_err(|e| format!("cannot read the system resolver configuration: {e}"))?,
            ResolverChoice::Address(addr) => {
                let mut udp = ConnectionConfig::udp();
                udp.port = addr.port();
                let mut tcp = ConnectionConfig::tcp();
                tcp.port = addr.port();
                let server = NameServerConfig::new(addr.ip(), true, vec![udp, tcp]);
                (
                    ResolverConfig::from_name_servers(vec![server]),
                    ResolverOpts::default(),
                )
            }
        };
        let label = match choice {
            ResolverChoice::Address(addr) => addr.to_string(),
            ResolverChoice::System => {
                let ips: Vec<String> = config
                    .name_servers()
                    .iter()
                    .map(|s| s.ip.to_string())
                    .collect();
                if ips.is_empty() {
                    return Err("/etc/resolv.conf names no resolver".into());
                }
                ips.join(", ")
            }
        };
        // Fresh answers only, and no local shortcuts: these are checks of the live DNS.
        opts.cache_size = 0;
        opts.timeout = timeout;
        opts.attempts = retries as usize;
        opts.use_hosts_file = ResolveHosts::Never;
        opts.ndots = 0;
        opts.preserve_intermediates = true;
        let resolver = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default())
            .with_options(opts)
            .build()
            .map_err(|e| format!("cannot set up the resolver: {e}"))?;
        Ok(Recursive {
            resolver,
            label,
            limiter,
            deadline,
            progress,
            lookups: AtomicU64::new(0),
        })
    }

    /// Looks `name`/`rtype` up through the resolver.
    pub async fn lookup(&self, name: NameRef<'_>, rtype: RType) -> Resolved {
        self.lookups.fetch_add(1, Ordering::Relaxed);
        let result = self.lookup_inner(name, rtype).await;
        self.progress.tick();
        result
    }

    async fn lookup_inner(&self, name: NameRef<'_>, rtype: RType) -> Resolved {
        let Ok(Ok(_permit)) = tokio::time::timeout_at(self.deadline, self.limiter.acquire()).await
        else {
            return Resolved::Failed("the overall deadline passed".into());
        };
        let lookup = self.resolver.lookup(name.to_hickory(), rtype.to_hickory());
        match tokio::time::timeout_at(self.deadline, lookup).await {
            Err(_) => Resolved::Failed("the overall deadline passed".into()),
            Ok(Ok(lookup)) => {
                let records = lookup
                    .answers()
                    .iter()
                    .filter_map(|r| {
                        let mut rdata = Vec::new();
                        crate::zone::rdata::view::emit_hickory(&r.data, &mut rdata).ok()?;
                        Some(RawRecord {
                            name: OwnedName::from_hickory(&r.name),
                            rtype: RType(u16::from(r.record_type())),
                            class: u16::from(r.dns_class),
                            ttl: r.ttl,
                            rdata,
                        })
                    })
                    .collect::<Vec<_>>();
                if records.iter().any(|r| r.rtype == rtype) {
                    Resolved::Records(records)
                } else {
                    Resolved::NoData
                }
            }
            Ok(Err(e)) => classify(e),
        }
    }
}

fn classify(error: NetError) -> Resolved {
    match &error {
        NetError::Dns(DnsError::NoRecordsFound(no)) => {
            if no.response_code == hickory_proto::op::ResponseCode::NXDomain {
                Resolved::NxDomain
            } else {
                Resolved::NoData
            }
        }
        NetError::Dns(DnsError::ResponseCode(code)) => {
            Resolved::Failed(format!("the resolver answered {code}"))
        }
        NetError::Timeout => Resolved::Failed("the resolver did not answer in time".into()),
        _ => Resolved::Failed(format!("the resolver failed: {error}")),
    }
}
