//! Checks outside the zone, through the resolver: targets that lead nowhere, SPF chains over
//! RFC 7208's limits, and a DS at the parent that the cutover must deal with.
//!
//! Names inside the zone are answered from the submission, not from live DNS: after the
//! cutover the submission is what will answer for them.

use super::Cx;
use super::discover::Discovery;
use super::recursive::{Recursive, Resolved};
use crate::diag::{Diagnostic, Emitter, escape};
use crate::rules::live as rules;
use crate::tr;
use crate::zone::name::OwnedName;
use crate::zone::rdata::view;
use crate::zone::rtype::RType;
use futures_util::future::join_all;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

/// Where a target stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetState {
    Resolves,
    /// NXDOMAIN.
    Missing,
    /// The name exists without an A or AAAA record (for MX, NS and SRV targets).
    NoAddress,
    Unknown(String),
}

/// Every out-of-zone target of the submission's CNAME, MX, NS and SRV records, looked up.
pub(crate) async fn targets(
    cx: &Cx<'_>,
    recursive: &Recursive,
) -> BTreeMap<OwnedName, (bool, TargetState)> {
    // target → whether an address is needed (MX, NS, SRV) rather than mere existence (CNAME)
    let mut wanted: BTreeMap<OwnedName, bool> = BTreeMap::new();
    for (i, r) in cx.zone.records.iter().enumerate() {
        if !matches!(r.rtype, RType::CNAME | RType::MX | RType::NS | RType::SRV) {
            continue;
        }
        let Some(target) = target_of(cx, i) else {
            continue;
        };
        *wanted.entry(target).or_default() |= r.rtype != RType::CNAME;
    }
    let lookups = wanted
        .into_iter()
        .map(|(target, needs_address)| async move {
            let a = recursive.lookup(target.as_ref(), RType::A).await;
            let state = match a {
                Resolved::Records(_) => TargetState::Resolves,
                Resolved::NxDomain => TargetState::Missing,
                Resolved::Failed(why) => TargetState::Unknown(why),
                Resolved::NoData if !needs_address => TargetState::Resolves,
                Resolved::NoData => match recursive.lookup(target.as_ref(), RType::AAAA).await {
                    Resolved::Records(_) => TargetState::Resolves,
                    Resolved::Failed(why) => TargetState::Unknown(why),
                    Resolved::NxDomain => TargetState::Missing,
                    Resolved::NoData => TargetState::NoAddress,
                },
            };
            (target, (needs_address, state))
        });
    join_all(lookups).await.into_iter().collect()
}

/// The out-of-zone target of record `i`, lowercase; `None` for in-zone targets and the root
/// (null MX, RFC 7505; "no service" SRV, RFC 2782).
fn target_of(cx: &Cx<'_>, i: usize) -> Option<OwnedName> {
    let r = &cx.zone.records[i];
    if !cx.zone.owner(r).is_subdomain_of(cx.apex) {
        return None;
    }
    let target = view::target(r.rtype, cx.zone.rdata(r))?;
    (!target.is_root() && !target.is_subdomain_of(cx.apex)).then(|| target.to_lowercase())
}

/// ZG821 at each record whose target does not resolve; ZG807 for targets that could not be
/// looked up.
pub(crate) fn report_targets(
    cx: &Cx<'_>,
    recursive: &Recursive,
    states: &BTreeMap<OwnedName, (bool, TargetState)>,
    em: &mut Emitter<'_>,
) {
    let lang = cx.lang;
    let resolver = &recursive.label;
    let mut unknown: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (i, r) in cx.zone.records.iter().enumerate() {
        if !matches!(r.rtype, RType::CNAME | RType::MX | RType::NS | RType::SRV) {
            continue;
        }
        let Some(target) = target_of(cx, i) else {
            continue;
        };
        let Some((_, state)) = states.get(&target) else {
            continue;
        };
        let owner = escape(&cx.zone.owner(r).to_string()).into_owned();
        let rtype = r.rtype;
        let shown = escape(&target.to_string()).into_owned();
        let field = match r.rtype {
            RType::MX => 1,
            RType::SRV => 3,
            _ => 0,
        };
        let (what, help) = match state {
            TargetState::Resolves => continue,
            TargetState::Unknown(why) => {
                let list = unknown.entry(why.as_str()).or_default();
                if !list.contains(&shown) {
                    list.push(shown);
                }
                continue;
            }
            TargetState::Missing => (
                tr!(
                    lang,
                    "which does not exist (NXDOMAIN from the resolver {resolver})",
                    "これは存在しません（リゾルバー {resolver} が NXDOMAIN を返しました）"
                ),
                if rtype == RType::CNAME {
                    tr!(
                        lang,
                        "correct the target or remove the record; a CNAME to a name nobody holds can be taken over by whoever registers it",
                        "ターゲットを修正するかレコードを削除してください。誰も持っていない名前への CNAME は、その名前を登録した人に乗っ取られるおそれがあります"
                    )
                } else {
                    tr!(
                        lang,
                        "correct the target or remove the record",
                        "ターゲットを修正するかレコードを削除してください"
                    )
                },
            ),
            TargetState::NoAddress => (
                tr!(
                    lang,
                    "which has no A or AAAA record (asked the resolver {resolver})",
                    "これには A も AAAA もありません（リゾルバー {resolver} に問い合わせ）"
                ),
                tr!(
                    lang,
                    "{rtype} targets must have addresses (RFC 2181 §10.3); correct the target",
                    "{rtype} のターゲットにはアドレスが必要です（RFC 2181 §10.3）。ターゲットを修正してください"
                ),
            ),
        };
        em.emit(
            Diagnostic::new(
                &rules::DANGLING_LIVE_TARGET,
                cx.field_span(i, field),
                tr!(
                    lang,
                    "`{owner} {rtype}` points at `{shown}`, {what}",
                    "`{owner} {rtype}` は `{shown}` を指していますが、{what}"
                ),
            )
            .help(help),
        );
    }
    for (why, names) in unknown {
        let n = names.len();
        let list = names
            .iter()
            .take(5)
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let why = escape(why).into_owned();
        em.emit(
            Diagnostic::new(
                &rules::LIVE_CHECK_INCOMPLETE,
                cx.anchor(),
                tr!(
                    lang,
                    "could not check {n} targets outside the zone: {why}",
                    "ゾーン外のターゲット {n} 個を確認できませんでした: {why}"
                ),
            )
            .help(tr!(
                lang,
                "not resolved through {resolver}: {list}",
                "{resolver} で解決できませんでした: {list}"
            )),
        );
    }
}

/// The limits of RFC 7208 §4.6.4.
pub const SPF_LOOKUP_LIMIT: usize = 10;
pub const SPF_VOID_LIMIT: usize = 2;
/// Evaluation stops after this many lookups: the verdict is known long before, and a loop of
/// includes must end.
const SPF_STOP: usize = 25;

/// The result of following one SPF record's chain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpfChain {
    /// Terms that cost a DNS lookup, in evaluation order: (the term, the domain whose record
    /// holds it).
    pub lookups: Vec<(String, OwnedName)>,
    /// Terms whose lookup was void.
    pub voids: Vec<(String, OwnedName)>,
    /// `include`/`redirect` targets without exactly one SPF record: (term, domain, records).
    pub broken: Vec<(String, OwnedName, usize)>,
    /// Lookups that failed (not void: unknown).
    pub failures: Vec<String>,
    /// Evaluation stopped at [`SPF_STOP`] lookups.
    pub stopped: bool,
}

/// An SPF record in the submission: its record index, owner and text.
struct SpfRecord {
    index: usize,
    owner: OwnedName,
    text: Vec<u8>,
}

fn is_spf(text: &[u8]) -> bool {
    text.len() >= 6
        && text[..6].eq_ignore_ascii_case(b"v=spf1")
        && (text.len() == 6 || text[6] == b' ')
}

/// Follows every SPF record of the submission.
pub(crate) async fn spf(cx: &Cx<'_>, recursive: &Recursive) -> Vec<(usize, SpfChain)> {
    let records: Vec<SpfRecord> = cx
        .zone
        .records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.rtype == RType::TXT && cx.zone.owner(r).is_subdomain_of(cx.apex))
        .filter_map(|(i, r)| {
            let text = view::joined_text(cx.zone.rdata(r))?;
            is_spf(&text).then(|| SpfRecord {
                index: i,
                owner: cx.zone.owner(r).to_lowercase(),
                text,
            })
        })
        .collect();
    let evaluations = records.iter().map(|rec| async move {
        let mut chain = SpfChain::default();
        let mut walker = Walker {
            cx,
            recursive,
            chain: &mut chain,
        };
        walker.record(rec.owner.clone(), rec.text.clone()).await;
        (rec.index, chain)
    });
    join_all(evaluations).await
}

struct Walker<'a, 'c> {
    cx: &'a Cx<'c>,
    recursive: &'a Recursive,
    chain: &'a mut SpfChain,
}

/// What a DNS lookup for SPF found.
enum Found {
    Some,
    Void,
    Failed(String),
}

impl<'a, 'c> Walker<'a, 'c> {
    fn record<'s>(
        &'s mut self,
        domain: OwnedName,
        text: Vec<u8>,
    ) -> Pin<Box<dyn Future<Output = ()> + 's>>
    where
        'a: 's,
        'c: 's,
    {
        Box::pin(async move {
            let text = String::from_utf8_lossy(&text).into_owned();
            let terms: Vec<String> = text
                .split_ascii_whitespace()
                .skip(1)
                .map(str::to_owned)
                .collect();
            let has_all = terms.iter().any(|t| {
                t.trim_start_matches(['+', '-', '~', '?'])
                    .eq_ignore_ascii_case("all")
            });
            let mut redirect = None;
            for term in &terms {
                if self.chain.stopped {
                    return;
                }
                let bare = term.trim_start_matches(['+', '-', '~', '?']);
                let lower = bare.to_ascii_lowercase();
                if lower == "all" {
                    // `all` always matches: nothing after it is evaluated (RFC 7208 §5.1).
                    break;
                }
                let (mech, arg) = match lower.find([':', '=', '/']) {
                    Some(p) => (&lower[..p], Some(&bare[p..])),
                    None => (lower.as_str(), None),
                };
                let target = |arg: Option<&str>| -> Option<String> {
                    let a = arg?.strip_prefix([':', '='])?;
                    let a = a.split('/').next().unwrap_or(a);
                    (!a.is_empty()).then(|| a.to_owned())
                };
                match mech {
                    "include" => {
                        self.count(term, &domain);
                        if let Some(t) = target(arg) {
                            self.follow(term, &domain, &t).await;
                        }
                    }
                    "redirect" => redirect = target(arg),
                    "a" | "mx" | "exists" => {
                        self.count(term, &domain);
                        let name = target(arg).unwrap_or_else(|| domain.to_string());
                        if name.contains('%') {
                            continue; // a macro: only a real sender can expand it
                        }
                        let rtype = if mech == "mx" { RType::MX } else { RType::A };
                        match self.exists(&name, rtype).await {
                            Found::Some => {}
                            Found::Void => self.chain.voids.push((term.clone(), domain.clone())),
                            Found::Failed(why) => self.chain.failures.push(why),
                        }
                    }
                    "ptr" => self.count(term, &domain),
                    _ => {}
                }
            }
            // RFC 7208 §6.1: redirect applies only when no mechanism matched, and is ignored
            // when the record has `all`.
            if let Some(t) = redirect
                && !has_all
                && !self.chain.stopped
            {
                let term = format!("redirect={t}");
                self.count(&term, &domain);
                self.follow(&term, &domain, &t).await;
            }
        })
    }

    fn count(&mut self, term: &str, domain: &OwnedName) {
        self.chain.lookups.push((term.to_owned(), domain.clone()));
        if self.chain.lookups.len() >= SPF_STOP {
            self.chain.stopped = true;
        }
    }

    /// The SPF record of `target` for an include or redirect, evaluated in turn.
    async fn follow(&mut self, term: &str, domain: &OwnedName, target: &str) {
        if target.contains('%') {
            return;
        }
        let Ok(name) = OwnedName::from_text(target) else {
            self.chain.broken.push((term.to_owned(), domain.clone(), 0));
            return;
        };
        let name = name.as_ref().to_lowercase();
        match self.spf_of(&name).await {
            Err(why) => self.chain.failures.push(why),
            Ok(None) => {
                self.chain.voids.push((term.to_owned(), domain.clone()));
                self.chain.broken.push((term.to_owned(), name, 0));
            }
            Ok(Some(mut records)) => {
                if records.len() != 1 {
                    self.chain
                        .broken
                        .push((term.to_owned(), name, records.len()));
                } else {
                    let text = records.pop().unwrap_or_default();
                    self.record(name, text).await;
                }
            }
        }
    }

    /// The SPF records at `name`: `None` for a void lookup.
    async fn spf_of(&self, name: &OwnedName) -> Result<Option<Vec<Vec<u8>>>, String> {
        let texts: Vec<Vec<u8>> = if name.as_ref().is_subdomain_of(self.cx.apex) {
            match self.cx.rrsets.get(&(name.clone(), RType::TXT)) {
                None => return Ok(None),
                Some(records) => records
                    .iter()
                    .filter_map(|&i| view::joined_text(self.cx.rdata(i)))
                    .collect(),
            }
        } else {
            match self.recursive.lookup(name.as_ref(), RType::TXT).await {
                Resolved::Failed(why) => {
                    let shown = escape(&name.to_string()).into_owned();
                    return Err(format!("TXT of `{shown}`: {why}"));
                }
                Resolved::NxDomain | Resolved::NoData => return Ok(None),
                found => found
                    .of(RType::TXT)
                    .filter_map(|r| view::joined_text(&r.rdata))
                    .collect(),
            }
        };
        Ok(Some(texts.into_iter().filter(|t| is_spf(t)).collect()))
    }

    /// Whether `name` has `rtype` data, for `a`, `mx` and `exists`.
    async fn exists(&self, name: &str, rtype: RType) -> Found {
        let Ok(name) = OwnedName::from_text(name) else {
            return Found::Void;
        };
        let name = name.as_ref().to_lowercase();
        if name.as_ref().is_subdomain_of(self.cx.apex) {
            let has = self.cx.rrsets.contains_key(&(name.clone(), rtype))
                || self.cx.rrsets.contains_key(&(name.clone(), RType::CNAME));
            return if has { Found::Some } else { Found::Void };
        }
        match self.recursive.lookup(name.as_ref(), rtype).await {
            Resolved::Failed(why) => {
                let shown = escape(&name.to_string()).into_owned();
                Found::Failed(format!("{rtype} of `{shown}`: {why}"))
            }
            r if r.is_void(rtype) => Found::Void,
            _ => Found::Some,
        }
    }
}

fn chain_text(list: &[(String, OwnedName)], apex_owner: &OwnedName, max: usize) -> String {
    let mut out: Vec<String> = list
        .iter()
        .take(max)
        .map(|(term, domain)| {
            let term = escape(term).into_owned();
            if domain == apex_owner {
                term
            } else {
                format!("{term} (in {})", escape(&domain.to_string()))
            }
        })
        .collect();
    if list.len() > max {
        out.push("…".into());
    }
    out.join(", ")
}

/// ZG822, ZG823, ZG824 at each SPF record, ZG807 for chains that could not be followed.
pub(crate) fn report_spf(cx: &Cx<'_>, chains: &[(usize, SpfChain)], em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (index, chain) in chains {
        let record = &cx.zone.records[*index];
        let owner = cx.zone.owner(record).to_lowercase();
        let shown = escape(&owner.to_string()).into_owned();
        let span = cx.record_span(*index as u32);
        let n = chain.lookups.len();
        // ZG512 counts the terms of the zone's own records offline; past 10 there, it reports
        // the record and this would say the same again.
        let in_zone = chain
            .lookups
            .iter()
            .filter(|(_, holder)| holder.as_ref().is_subdomain_of(cx.apex))
            .count();
        if n > SPF_LOOKUP_LIMIT && in_zone <= SPF_LOOKUP_LIMIT {
            let at_least = if chain.stopped {
                tr!(lang, "at least ", "少なくとも ")
            } else {
                String::new()
            };
            let list = chain_text(&chain.lookups, &owner, 15);
            em.emit(Diagnostic::new(&rules::LIVE_SPF_TOO_MANY_LOOKUPS, span, tr!(lang,
                "SPF for `{shown}` needs {at_least}{n} DNS lookups, more than the 10 RFC 7208 allows",
                "`{shown}` の SPF は {at_least}{n} 回の DNS 参照を必要とし、RFC 7208 の上限 10 回を超えています"))
                .help(tr!(lang, "receivers stop at 10 and return permerror; lookups: {list}",
                    "受信側は 10 回で打ち切り permerror を返します。参照: {list}")));
        }
        let v = chain.voids.len();
        if v > SPF_VOID_LIMIT {
            let list = chain_text(&chain.voids, &owner, 10);
            em.emit(Diagnostic::new(&rules::LIVE_SPF_VOID_LOOKUPS, span, tr!(lang,
                "SPF for `{shown}` makes {v} void DNS lookups, more than the 2 RFC 7208 allows",
                "`{shown}` の SPF は空の DNS 参照を {v} 回行い、RFC 7208 の上限 2 回を超えています"))
                .help(tr!(lang, "receivers return permerror; these lookups found nothing: {list}",
                    "受信側は permerror を返します。次の参照は何も見つけませんでした: {list}")));
        }
        // Targets in the zone are ZG513's (judged offline, from the submission).
        for (term, target, count) in chain
            .broken
            .iter()
            .filter(|(_, target, _)| !target.as_ref().is_subdomain_of(cx.apex))
        {
            let term = escape(term).into_owned();
            let target = escape(&target.to_string()).into_owned();
            let what = if *count == 0 {
                tr!(
                    lang,
                    "which has no SPF record",
                    "ここには SPF レコードがありません"
                )
            } else {
                tr!(
                    lang,
                    "which has {count} SPF records",
                    "ここには SPF レコードが {count} 個あります"
                )
            };
            em.emit(Diagnostic::new(&rules::LIVE_SPF_INCLUDE_WITHOUT_RECORD, span, tr!(lang,
                "SPF for `{shown}` has `{term}`, pointing at `{target}`, {what}",
                "`{shown}` の SPF の `{term}` は `{target}` を指していますが、{what}"))
                .help(tr!(lang, "receivers return permerror for the whole SPF check (RFC 7208 §5.2, §6.1); correct or remove the term",
                    "受信側は SPF の評価全体で permerror を返します（RFC 7208 §5.2、§6.1）。項目を修正するか削除してください")));
        }
        if !chain.failures.is_empty() {
            let first = escape(&chain.failures[0]).into_owned();
            let k = chain.failures.len();
            em.emit(
                Diagnostic::new(
                    &rules::LIVE_CHECK_INCOMPLETE,
                    span,
                    tr!(
                        lang,
                        "could not follow the whole SPF chain of `{shown}`: {k} lookups failed",
                        "`{shown}` の SPF の連鎖をすべてはたどれませんでした: {k} 回の参照に失敗"
                    ),
                )
                .help(tr!(
                    lang,
                    "first failure: {first}; the counts above are lower bounds",
                    "最初の失敗: {first}。上の回数は下限です"
                )),
            );
        }
    }
}

/// The DS set at the parent: from the parent's servers when discovery reached them, else
/// through the resolver. Returns (records, TTL, who was asked) or why it is unknown.
pub(crate) async fn ds(
    discovery: &Discovery,
    recursive: Option<&Recursive>,
    cx: &Cx<'_>,
) -> Result<(usize, Option<u32>, String), String> {
    if let Some(d) = &discovery.delegation
        && let Some(by) = d.answered_by
    {
        if d.not_delegated {
            return Ok((0, None, cx.label(by)));
        }
        if let Some(why) = &d.ds_error {
            return Err(why.clone());
        }
        return Ok((d.ds.len(), d.ds.iter().map(|r| r.ttl).min(), cx.label(by)));
    }
    let Some(recursive) = recursive else {
        return Err("no resolver is available".into());
    };
    match recursive.lookup(cx.apex, RType::DS).await {
        Resolved::Failed(why) => Err(why),
        Resolved::NxDomain | Resolved::NoData => Ok((0, None, recursive.label.clone())),
        r => {
            let ttl = r.of(RType::DS).map(|r| r.ttl).min();
            Ok((r.of(RType::DS).count(), ttl, recursive.label.clone()))
        }
    }
}

/// ZG825, or ZG807 when the DS set could not be read.
pub(crate) fn report_ds(
    cx: &Cx<'_>,
    discovery: &Discovery,
    ds: &Result<(usize, Option<u32>, String), String>,
    em: &mut Emitter<'_>,
) {
    let lang = cx.lang;
    let apex = escape(&cx.apex.to_string()).into_owned();
    match ds {
        Err(why) => {
            let why = escape(why).into_owned();
            em.emit(
                Diagnostic::new(
                    &rules::LIVE_CHECK_INCOMPLETE,
                    cx.anchor(),
                    tr!(
                        lang,
                        "could not check for DS records at the parent: {why}",
                        "親ゾーンの DS レコードを確認できませんでした: {why}"
                    ),
                )
                .help(tr!(
                    lang,
                    "check by hand before the NS switch: dig DS {apex}",
                    "NS の切替前に手作業で確認してください: dig DS {apex}"
                )),
            );
        }
        Ok((0, _, _)) => {}
        Ok((n, ttl, asked)) => {
            let parent = match discovery
                .delegation
                .as_ref()
                .and_then(|d| d.parent_zone.as_ref())
            {
                Some(p) => {
                    let p = escape(&p.to_string()).into_owned();
                    tr!(lang, "the parent ({p})", "親ゾーン（{p}）")
                }
                None => tr!(lang, "the parent", "親ゾーン"),
            };
            let ttl = ttl.unwrap_or_default();
            let records = if *n == 1 {
                tr!(lang, "1 record", "1 件")
            } else {
                tr!(lang, "{n} records", "{n} 件")
            };
            em.emit(Diagnostic::new(&rules::DS_AT_PARENT, cx.anchor(), tr!(lang,
                "{parent} has a DS set for `{apex}` ({records}, TTL {ttl})",
                "{parent}に `{apex}` の DS があります（{records}、TTL {ttl}）"))
                .help(tr!(lang, "validating resolvers will reject the new host's answers: remove the DS at the registrar and wait {ttl} seconds before the NS switch, or run a multi-signer rollover (RFC 8901); asked {asked}",
                    "検証リゾルバーは新しい事業者の応答を拒否します。NS の切替前にレジストラで DS を削除して {ttl} 秒待つか、マルチサイナーの鍵更新を行ってください（RFC 8901）。問い合わせ先: {asked}")));
        }
    }
}
