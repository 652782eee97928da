//! Live checks (`zonegate check --live`): the submission against what the domain's current
//! authoritative servers serve today, and the names it points at against live DNS.
//!
//! This module is the only part of zonegate that touches the network, and only when asked.
//! Every network failure becomes a finding or a "could not check" (ZG807); nothing waits past
//! the deadline, and nothing panics on what a server sends.
//!
//! # What runs
//!
//! 1. [`discover`]: the parent zone (walking up through the resolver), the delegation from the
//!    parent's servers with RD=0 (NS set, TTL, glue, DS), and the zone's own NS set from its
//!    servers. `--authoritative` replaces this with the given addresses.
//! 2. [`servers`]: every address of every server, over UDP and TCP: reachable (ZG801),
//!    authoritative (ZG802), serial (ZG803); parent against child NS set (ZG804), glue
//!    against served addresses (ZG805).
//! 3. [`content`]: AXFR from the first server that allows it, otherwise probes of every owner
//!    in the submission and of [`content::FORGOTTEN_NAMES`] plus the policy's
//!    `live_probe_names`, for their types and A, AAAA, CNAME, MX, TXT, SRV, CAA, NS.
//! 4. [`compare`]: RRset by RRset in canonical wire form: missing (ZG811), different (ZG812),
//!    only split differently (ZG813), TTL only (ZG814), only in the submission (ZG815), and
//!    the coverage (ZG808).
//! 5. [`resolve`]: through the resolver, targets outside the zone (ZG821), SPF chains with
//!    RFC 7208's limits (ZG822–ZG824), and DS at the parent (ZG825).
//!
//! # Limits
//!
//! A timeout per attempt ([`LiveOptions::timeout`]), retries after timeouts, at most
//! [`LiveOptions::concurrency`] queries in flight over all servers and the resolver, and an
//! overall deadline after which nothing is sent and the rest is reported as not checked.
//!
//! # Reusing it (for `plan --live` and `verify`)
//!
//! A [`Session`] holds the client, the resolver and the limits; it is cheap to share by
//! reference and every method is `async` (drive it with [`runtime`]):
//!
//! ```no_run
//! # async fn demo() {
//! use zonegate::live::{LiveOptions, ResolverChoice, Session, Serves};
//! use zonegate::zone::{OwnedName, RType};
//! let session = Session::new(LiveOptions::default(), None);
//! let apex = OwnedName::from_text("example.co.jp.").unwrap();
//! // Who serves the zone now, per the parent and per the zone itself.
//! let found = session.discover(apex.as_ref()).await;
//! // The TTLs a cutover plan waits out: parent NS, child NS, MX, negative (SOA), DS.
//! let ttls = session.measure_ttls(apex.as_ref(), &found).await;
//! // One RD=0 question to one server (UDP, TCP on truncation).
//! let addr = "192.0.2.53:53".parse().unwrap();
//! let answer = session.query(addr, apex.as_ref(), RType::MX).await;
//! // Does this server answer authoritatively with exactly this data?
//! let mx = b"\x00\x0a\x04mail\x07example\x02co\x02jp\x00".to_vec();
//! match session.serves(addr, apex.as_ref(), RType::MX, &[mx]).await {
//!     Serves::Yes { ttl } => {}
//!     other => eprintln!("{other:?}"),
//! }
//! # }
//! ```
//!
//! Record data is wire form throughout, as in [`crate::zone::Zone::rdata`], and compared after
//! [`wire::canonical`].

pub mod client;
pub mod compare;
pub mod content;
pub mod discover;
pub mod progress;
pub mod recursive;
pub mod resolve;
pub mod servers;
pub mod wire;

pub use client::{Client, ClientOptions, QueryError, Response, Transport};
pub use discover::Discovery;
pub use progress::Progress;
pub use recursive::{Recursive, Resolved, ResolverChoice};

use crate::diag::{Diagnostic, Emitter, Lang, RuleFilter, escape};
use crate::rules::live as rules;
use crate::source::{FileId, Sources, Span};
use crate::tr;
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use crate::zone::{Zone, ZoneIndex};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// What the operator decides about a live check.
#[derive(Clone, Debug)]
pub struct LiveOptions {
    pub resolver: ResolverChoice,
    /// Servers to use instead of discovering them.
    pub authoritative: Vec<SocketAddr>,
    /// Time allowed for one attempt of one query.
    pub timeout: Duration,
    /// Further attempts after a timeout.
    pub retries: u32,
    /// Queries in flight at once.
    pub concurrency: usize,
    /// The whole run, all files together, ends by then.
    pub deadline: Duration,
    /// At most this many queries per second to the authoritative servers; 0 for no limit.
    pub max_qps: u32,
    /// The port of servers found by discovery.
    pub port: u16,
    /// Zone transfers larger than this are abandoned for probing.
    pub max_axfr_records: usize,
    /// Show a progress bar (only ever on a terminal).
    pub progress: bool,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            resolver: ResolverChoice::System,
            authoritative: Vec::new(),
            timeout: Duration::from_secs(2),
            retries: 2,
            concurrency: 32,
            deadline: Duration::from_secs(300),
            max_qps: 0,
            port: 53,
            max_axfr_records: 2_000_000,
            progress: false,
        }
    }
}

/// A tokio runtime for the live checks (the rest of zonegate is synchronous).
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
}

/// The network side of a run: the client for authoritative servers, the resolver, and the
/// limits they share.
pub struct Session {
    pub options: LiveOptions,
    pub client: Arc<Client>,
    /// The resolver, or why there is none (no `/etc/resolv.conf`, say).
    pub recursive: Result<Arc<Recursive>, String>,
    pub progress: Progress,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// Whether a server serves given data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Serves {
    /// An authoritative answer with exactly the expected data (canonical form), at this TTL.
    Yes { ttl: u32 },
    /// An authoritative answer with other data (empty: NXDOMAIN or no data).
    Differs {
        served: Vec<Vec<u8>>,
        nxdomain: bool,
    },
    /// An answer without the AA bit.
    NotAuthoritative,
    /// An error RCODE.
    Rcode(u8),
    /// No answer.
    Failed(QueryError),
}

/// TTLs a cutover plan has to wait out, as served today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeasuredTtls {
    /// The delegation's NS TTL at the parent.
    pub parent_ns: Option<u32>,
    /// The apex NS TTL in the zone.
    pub child_ns: Option<u32>,
    /// The apex MX TTL.
    pub mx: Option<u32>,
    /// How long resolvers cache a "does not exist" (RFC 2308 §5: min(SOA TTL, MINIMUM)).
    pub soa_negative: Option<u32>,
    /// The DS TTL at the parent.
    pub ds: Option<u32>,
}

impl Session {
    /// Sets up the client and the resolver; the deadline starts now. `query_log` receives
    /// every authoritative query as `name type` lines (dnsperf's input format).
    pub fn new(options: LiveOptions, query_log: Option<Box<dyn std::io::Write + Send>>) -> Self {
        let deadline = tokio::time::Instant::now() + options.deadline;
        let limiter = Arc::new(Semaphore::new(options.concurrency.max(1)));
        let progress = Progress::new(options.progress);
        let client = Arc::new(Client::new(
            ClientOptions {
                timeout: options.timeout,
                retries: options.retries,
                concurrency: options.concurrency.max(1),
                deadline,
                max_qps: options.max_qps,
            },
            limiter.clone(),
            progress.clone(),
            query_log,
        ));
        let recursive = Recursive::new(
            &options.resolver,
            options.timeout,
            options.retries,
            limiter,
            deadline,
            progress.clone(),
        )
        .map(Arc::new);
        Session {
            options,
            client,
            recursive,
            progress,
        }
    }

    fn recursive(&self) -> Option<&Recursive> {
        self.recursive.as_deref().ok()
    }

    /// One RD=0 question to one server, UDP first and TCP on truncation.
    pub async fn query(
        &self,
        server: SocketAddr,
        name: NameRef<'_>,
        rtype: RType,
    ) -> Result<Response, QueryError> {
        self.client.query(server, name, rtype).await
    }

    /// One question through the resolver.
    pub async fn resolve(&self, name: NameRef<'_>, rtype: RType) -> Resolved {
        match &self.recursive {
            Ok(r) => r.lookup(name, rtype).await,
            Err(why) => Resolved::Failed(why.clone()),
        }
    }

    /// Who serves `apex` today (see [`discover`]); `--authoritative` addresses when set.
    pub async fn discover(&self, apex: NameRef<'_>) -> Discovery {
        let ask = discover::Ask {
            client: &self.client,
            recursive: self.recursive(),
            port: self.options.port,
        };
        discover::discover(&ask, apex, &self.options.authoritative).await
    }

    /// Whether `server` answers authoritatively for `name`/`rtype` with exactly `expected`
    /// (wire data, compared in canonical form, order and duplicates ignored).
    pub async fn serves(
        &self,
        server: SocketAddr,
        name: NameRef<'_>,
        rtype: RType,
        expected: &[Vec<u8>],
    ) -> Serves {
        let resp = match self.client.query(server, name, rtype).await {
            Ok(r) => r,
            Err(e) => return Serves::Failed(e),
        };
        if resp.rcode() != wire::rcode::NOERROR && resp.rcode() != wire::rcode::NXDOMAIN {
            return Serves::Rcode(resp.rcode());
        }
        if !resp.authoritative() {
            return Serves::NotAuthoritative;
        }
        let served: Vec<Vec<u8>> = resp.rrset(name, rtype).map(|r| r.rdata.clone()).collect();
        let canon = |v: &[Vec<u8>]| {
            v.iter()
                .map(|r| wire::canonical(rtype, r).into_owned())
                .collect::<std::collections::BTreeSet<_>>()
        };
        if !served.is_empty() && canon(&served) == canon(expected) {
            let ttl = resp.rrset(name, rtype).map(|r| r.ttl).min().unwrap_or(0);
            Serves::Yes { ttl }
        } else {
            Serves::Differs {
                served,
                nxdomain: resp.rcode() == wire::rcode::NXDOMAIN,
            }
        }
    }

    /// The TTLs of the delegation, the apex NS and MX sets, negative answers and DS, from the
    /// parent's and the zone's servers as `found` lists them.
    pub async fn measure_ttls(&self, apex: NameRef<'_>, found: &Discovery) -> MeasuredTtls {
        let mut ttls = MeasuredTtls {
            parent_ns: found.delegation.as_ref().and_then(|d| d.ns_ttl),
            child_ns: found.child.as_ref().and_then(|c| c.ttl),
            ds: found
                .delegation
                .as_ref()
                .and_then(|d| d.ds.iter().map(|r| r.ttl).min()),
            ..MeasuredTtls::default()
        };
        for (_, addr) in found.addresses() {
            let Ok(soa) = self.client.query(addr, apex, RType::SOA).await else {
                continue;
            };
            let Some(record) = soa.rrset(apex, RType::SOA).next() else {
                continue;
            };
            if !soa.authoritative() {
                continue;
            }
            let minimum = crate::zone::rdata::view::soa(&record.rdata).map(|s| s.minimum);
            ttls.soa_negative = minimum.map(|m| m.min(record.ttl));
            if let Ok(mx) = self.client.query(addr, apex, RType::MX).await {
                ttls.mx = mx.rrset(apex, RType::MX).map(|r| r.ttl).min();
            }
            break;
        }
        ttls
    }
}

/// What the live check of one file reads.
pub struct LiveInput<'a> {
    pub zone: &'a Zone,
    pub index: &'a ZoneIndex,
    pub sources: &'a Sources,
    /// The file the zone was read from: findings without a record go to its line 1.
    pub file: FileId,
    pub lang: Lang,
    pub policy: &'a crate::policy::Policy,
    pub filter: &'a RuleFilter,
}

/// The findings and what was learnt on the way.
#[derive(Debug)]
pub struct LiveReport {
    pub diagnostics: Vec<Diagnostic>,
    pub discovery: Discovery,
    pub servers: servers::ServerReport,
    pub content: Option<content::Content>,
    pub tally: compare::Tally,
    pub ttls: MeasuredTtls,
}

/// Runs every live check for one zone.
pub async fn check(session: &Session, input: &LiveInput<'_>) -> LiveReport {
    let zone = input.zone;
    let apex = zone.apex();
    let mut em = Emitter::new(input.lang, input.filter);
    let lang = input.lang;
    let empty = LiveReport {
        diagnostics: Vec::new(),
        discovery: Discovery::default(),
        servers: servers::ServerReport::default(),
        content: None,
        tally: compare::Tally::default(),
        ttls: MeasuredTtls::default(),
    };
    if apex.is_root() {
        // Without an origin there is no domain to look up (the root zone is not a customer's).
        let d = Diagnostic::new(
            &rules::LIVE_CHECK_INCOMPLETE,
            Span::new(input.file, 0, 0),
            tr!(
                lang,
                "could not run the live checks: the zone has no origin",
                "ライブチェックを実行できませんでした: ゾーンにオリジンがありません"
            ),
        )
        .help(tr!(
            lang,
            "pass the domain with --origin",
            "--origin でドメインを指定してください"
        ));
        em.emit(d);
        return LiveReport {
            diagnostics: em.into_parts().0,
            ..empty
        };
    }
    let progress = &session.progress;
    progress.phase("finding the servers");
    progress.plan(8);
    let discovery = session.discover(apex).await;
    progress.phase("checking the servers");
    progress.plan(2 * discovery.addresses().count() as u64);
    let server_report =
        servers::check(&session.client, session.recursive(), apex, &discovery).await;
    let cx = Cx::new(input, &discovery);
    for gap in &discovery.gaps {
        let why = escape(&gap.why).into_owned();
        let message = match gap.what {
            discover::Unknown::Delegation => tr!(
                lang,
                "could not find the delegation at the parent: {why}",
                "親ゾーンの委任を特定できませんでした: {why}"
            ),
            discover::Unknown::ChildNs => tr!(
                lang,
                "could not find the zone's own NS set: {why}",
                "ゾーン自身の NS セットを特定できませんでした: {why}"
            ),
        };
        em.emit(
            Diagnostic::new(&rules::LIVE_CHECK_INCOMPLETE, cx.anchor(), message).help(tr!(
                lang,
                "name a resolver that answers with --resolver, or the current servers with --authoritative",
                "応答するリゾルバーを --resolver で、または現在のサーバーを --authoritative で指定してください"
            )),
        );
    }
    for s in &discovery.servers {
        if let (Some(name), Some(why)) = (&s.name, &s.address_error) {
            let name = escape(&name.to_string()).into_owned();
            let why = escape(why).into_owned();
            em.emit(Diagnostic::new(&rules::LIVE_CHECK_INCOMPLETE, cx.anchor(), tr!(lang,
                "could not check the name server `{name}`: no address found ({why})",
                "ネームサーバー `{name}` を確認できませんでした: アドレスが見つかりません（{why}）")));
        }
    }
    let not_delegated = discovery
        .delegation
        .as_ref()
        .is_some_and(|d| d.not_delegated);
    if let Some(d) = discovery.delegation.as_ref().filter(|d| d.not_delegated) {
        let parent = d
            .parent_zone
            .as_ref()
            .map(|p| escape(&p.to_string()).into_owned())
            .unwrap_or_default();
        let by = d.answered_by.map(|a| cx.label(a)).unwrap_or_default();
        let apex_text = escape(&apex.to_string()).into_owned();
        em.emit(Diagnostic::new(&rules::NOT_DELEGATED, cx.anchor(), tr!(lang,
            "the parent ({parent}) has no delegation for `{apex_text}` (NXDOMAIN from {by}): there is nothing to compare",
            "親（{parent}）には `{apex_text}` の委任がありません（{by} が NXDOMAIN を返しました）。比較する内容はありません"))
            .help(tr!(lang, "the domain does not resolve today; delegate it to the new servers at cutover",
                "このドメインは現在名前解決できません。切替時に新しいサーバーへ委任してください")));
    }
    servers::report(&cx, &discovery, &server_report, &mut em);

    let content_rules = [
        &rules::LIVE_COVERAGE,
        &rules::LIVE_RRSET_MISSING,
        &rules::LIVE_RRSET_DIFFERS,
        &rules::LIVE_TXT_SPLIT_DIFFERS,
        &rules::LIVE_TTL_DIFFERS,
        &rules::NOT_SERVED_LIVE,
    ];
    let mut content = None;
    let mut tally = compare::Tally::default();
    if !not_delegated && content_rules.iter().any(|r| em.is_enabled(r)) {
        progress.phase("comparing the content");
        let plan = content::plan(zone, input.index, &input.policy.live_probe_names);
        progress.plan(plan.pairs() as u64);
        let targets = server_report.content_servers();
        let before = session
            .client
            .stats
            .queries
            .load(std::sync::atomic::Ordering::Relaxed);
        let fetched = content::fetch(
            session.client.clone(),
            &targets,
            apex,
            &plan,
            session.options.max_axfr_records,
        )
        .await;
        let queries = session
            .client
            .stats
            .queries
            .load(std::sync::atomic::Ordering::Relaxed)
            - before;
        tally = compare::report(&cx, &fetched, &mut em);
        compare::coverage(&cx, &fetched, tally, queries, &mut em);
        content = Some(fetched);
    }

    progress.phase("resolving targets and SPF");
    let resolver_rules = [
        &rules::DANGLING_LIVE_TARGET,
        &rules::LIVE_SPF_TOO_MANY_LOOKUPS,
        &rules::LIVE_SPF_VOID_LOOKUPS,
        &rules::LIVE_SPF_INCLUDE_WITHOUT_RECORD,
    ];
    if resolver_rules.iter().any(|r| em.is_enabled(r)) {
        match &session.recursive {
            Ok(recursive) => {
                let (targets, chains) = futures_util::join!(
                    resolve::targets(&cx, recursive),
                    resolve::spf(&cx, recursive)
                );
                resolve::report_targets(&cx, recursive, &targets, &mut em);
                resolve::report_spf(&cx, &chains, &mut em);
            }
            Err(why) => {
                let why = escape(why).into_owned();
                em.emit(
                    Diagnostic::new(
                        &rules::LIVE_CHECK_INCOMPLETE,
                        cx.anchor(),
                        tr!(
                            lang,
                            "could not check targets outside the zone or SPF chains: {why}",
                            "ゾーン外のターゲットと SPF の連鎖を確認できませんでした: {why}"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "name a resolver with --resolver ADDR[:PORT]",
                        "--resolver ADDR[:PORT] でリゾルバーを指定してください"
                    )),
                );
            }
        }
    }
    let ds = if em.is_enabled(&rules::DS_AT_PARENT) && !not_delegated {
        let ds = resolve::ds(&discovery, session.recursive(), &cx).await;
        resolve::report_ds(&cx, &discovery, &ds, &mut em);
        ds.ok().and_then(|(_, ttl, _)| ttl)
    } else {
        None
    };
    let apex_key = apex.to_lowercase();
    let ttls = MeasuredTtls {
        parent_ns: discovery.delegation.as_ref().and_then(|d| d.ns_ttl),
        child_ns: discovery.child.as_ref().and_then(|c| c.ttl),
        mx: content
            .as_ref()
            .and_then(|c| c.rrsets.get(&(apex_key, RType::MX)))
            .map(|s| s.ttl),
        soa_negative: server_report
            .statuses
            .iter()
            .find_map(servers::AddressStatus::negative_ttl),
        ds,
    };
    drop(cx);
    session.client.flush_log();
    LiveReport {
        diagnostics: em.into_parts().0,
        discovery,
        servers: server_report,
        content,
        tally,
        ttls,
    }
}

/// What the findings need from the zone and the run: spans for names and records, labels for
/// servers, and the submission's RRsets keyed by lowercase owner.
pub(crate) struct Cx<'a> {
    pub zone: &'a Zone,
    pub lang: Lang,
    pub apex: NameRef<'a>,
    discovery: &'a Discovery,
    rule_cx: crate::rules::Context<'a>,
    file: FileId,
    /// The submission's RRsets under the apex: (lowercase owner, type) → record indices.
    pub rrsets: BTreeMap<(OwnedName, RType), Vec<u32>>,
    /// Lowercase owner → its first record.
    pub owners: BTreeMap<OwnedName, u32>,
}

static NO_POLICY: std::sync::LazyLock<crate::policy::Policy> =
    std::sync::LazyLock::new(crate::policy::Policy::default);

impl<'a> Cx<'a> {
    fn new(input: &LiveInput<'a>, discovery: &'a Discovery) -> Self {
        let zone = input.zone;
        let mut rrsets: BTreeMap<(OwnedName, RType), Vec<u32>> = BTreeMap::new();
        let mut owners: BTreeMap<OwnedName, u32> = BTreeMap::new();
        for (i, r) in zone.records.iter().enumerate() {
            let owner = zone.owner(r);
            if !owner.is_subdomain_of(zone.apex()) {
                continue;
            }
            let key = owner.to_lowercase();
            owners.entry(key.clone()).or_insert(i as u32);
            rrsets.entry((key, r.rtype)).or_default().push(i as u32);
        }
        Cx {
            zone,
            lang: input.lang,
            apex: zone.apex(),
            discovery,
            rule_cx: crate::rules::Context {
                table_input: matches!(
                    input.sources.get(input.file).layout,
                    crate::source::Layout::Table(_)
                ),
                ..crate::rules::Context::new(
                    zone,
                    input.index,
                    input.sources,
                    input.file,
                    input.lang,
                    &NO_POLICY,
                )
            },
            file: input.file,
            rrsets,
            owners,
        }
    }

    /// Where findings without a record of their own go: the apex SOA, else line 1.
    pub fn anchor(&self) -> Span {
        self.soa_span()
    }

    pub fn soa_span(&self) -> Span {
        self.rrsets
            .get(&(self.apex.to_lowercase(), RType::SOA))
            .map(|r| self.record_span(r[0]))
            .unwrap_or(Span::new(self.file, 0, 0))
    }

    /// The apex NS records, else the anchor.
    pub fn apex_ns_span(&self) -> Span {
        self.rrset_span(self.apex, RType::NS)
    }

    /// The first record of an RRset, else the first record at the name, else the anchor.
    pub fn rrset_span(&self, name: NameRef<'_>, rtype: RType) -> Span {
        let key = name.to_lowercase();
        match self.rrsets.get(&(key.clone(), rtype)) {
            Some(r) => self.record_span(r[0]),
            None => self.owner_span(&key),
        }
    }

    /// The owner field of the first record at `name` (lowercase), else the anchor.
    pub fn owner_span(&self, name: &OwnedName) -> Span {
        match self.owners.get(name) {
            Some(&i) => self.rule_cx.owner_span(&self.zone.records[i as usize]),
            None => self.anchor(),
        }
    }

    pub fn record_span(&self, i: u32) -> Span {
        self.zone.records[i as usize].span
    }

    /// The `n`th data field of record `i`.
    pub fn field_span(&self, i: usize, n: usize) -> Span {
        self.rule_cx.rdata_field_span(&self.zone.records[i], n)
    }

    pub fn rdata(&self, i: u32) -> &'a [u8] {
        self.zone.rdata(&self.zone.records[i as usize])
    }

    fn address(&self, addr: SocketAddr) -> String {
        if addr.port() == 53 {
            addr.ip().to_string()
        } else {
            addr.to_string()
        }
    }

    /// A server as people read it: `192.0.2.53 (ns1.old-dns.jp.)`.
    pub fn label(&self, addr: SocketAddr) -> String {
        let shown = self.address(addr);
        match self.discovery.name_of(addr) {
            Some(name) => format!("{shown} ({})", escape(&name.to_string())),
            None => shown,
        }
    }

    /// The `dig` command that asks the same question.
    pub fn dig(&self, addr: SocketAddr, name: NameRef<'_>, rtype: RType) -> String {
        let port = if addr.port() == 53 {
            String::new()
        } else {
            format!(" -p {}", addr.port())
        };
        format!(
            "dig +norec @{}{port} {} {rtype}",
            addr.ip(),
            escape(&name.to_string())
        )
    }
}
