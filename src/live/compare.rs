//! The submission against the content served today, RRset by RRset, in wire form after RFC
//! 4034 §6.2 canonicalisation (so `MAIL.example.` and `mail.example.` in an MX are the same).
//!
//! Not compared, by design: the SOA and the apex NS set, which change with the host, and
//! DNSSEC material (RRSIG, NSEC, NSEC3, DNSKEY, CDS, CDNSKEY, ZONEMD), which the new host
//! makes itself. DS records at delegations inside the zone are compared.

use super::Cx;
use super::content::{Content, LiveSet, Mode, compared};
use super::wire::canonical;
use crate::diag::{Diagnostic, Emitter, escape};
use crate::rules::live as rules;
use crate::tr;
use crate::zone::name::{NameRef, OwnedName};
use crate::zone::rtype::RType;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Counts for the coverage finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub live_rrsets: usize,
    pub missing: usize,
    pub differ: usize,
    pub only_submitted: usize,
}

fn skipped(apex: NameRef<'_>, name: NameRef<'_>, rtype: RType) -> bool {
    !compared(rtype)
        || !name.is_subdomain_of(apex)
        || (rtype == RType::NS && name.eq_ignore_case(apex))
}

/// A set of canonical record data.
fn canon_set<'a>(rtype: RType, rdatas: impl Iterator<Item = &'a [u8]>) -> BTreeSet<Cow<'a, [u8]>> {
    rdatas.map(|r| canonical(rtype, r)).collect()
}

/// Emits ZG811–ZG815 and returns the counts.
pub(crate) fn report(cx: &Cx<'_>, content: &Content, em: &mut Emitter<'_>) -> Tally {
    let mut tally = Tally::default();
    if content.mode == Mode::None {
        return tally;
    }
    for ((name, rtype), live) in &content.rrsets {
        if skipped(cx.apex, name.as_ref(), *rtype) {
            continue;
        }
        tally.live_rrsets += 1;
        match cx.rrsets.get(&(name.clone(), *rtype)) {
            None => {
                if covered_by_wildcard(cx, content, name, live) {
                    continue;
                }
                tally.missing += 1;
                missing(cx, name, live, em);
            }
            Some(records) => {
                if differs(cx, live, records, em) {
                    tally.differ += 1;
                }
            }
        }
    }
    for ((name, rtype), records) in &cx.rrsets {
        if skipped(cx.apex, name.as_ref(), *rtype)
            || content.rrsets.contains_key(&(name.clone(), *rtype))
        {
            continue;
        }
        let Some(server) = content.checked(name, *rtype) else {
            continue;
        };
        tally.only_submitted += 1;
        not_served(cx, content, name, *rtype, records, server, em);
    }
    tally
}

/// `*.ancestor` for each proper ancestor of `name` down to (and including) the apex: the
/// wildcards that could have synthesized an answer for it (RFC 4592 §3.3.1; the closest
/// encloser's is the one that applies, but which ancestor is the closest encloser depends on
/// names the probe may not know).
fn wildcards_above(name: &OwnedName, apex: NameRef<'_>) -> Vec<OwnedName> {
    let mut out = Vec::new();
    let mut cursor = name.as_ref().parent();
    while let Some(ancestor) = cursor {
        if !ancestor.is_subdomain_of(apex) {
            break;
        }
        let mut wire = vec![1, b'*'];
        wire.extend_from_slice(ancestor.wire());
        if let Some(w) = OwnedName::from_wire(wire) {
            out.push(w);
        }
        cursor = ancestor.parent();
    }
    out
}

/// A live answer that a wildcard explains: synthesized from a live wildcard with the same data
/// (the wildcard is compared on its own), or one the submission's wildcard gives identically.
fn covered_by_wildcard(cx: &Cx<'_>, content: &Content, name: &OwnedName, live: &LiveSet) -> bool {
    if name.as_ref().is_wildcard() || cx.owners.contains_key(name) {
        return false;
    }
    let live_set = canon_set(live.rtype, live.rdatas.iter().map(Vec::as_slice));
    wildcards_above(name, cx.apex).into_iter().any(|wildcard| {
        let key = (wildcard, live.rtype);
        content
            .rrsets
            .get(&key)
            .is_some_and(|w| canon_set(w.rtype, w.rdatas.iter().map(Vec::as_slice)) == live_set)
            || cx.rrsets.get(&key).is_some_and(|records| {
                canon_set(live.rtype, records.iter().map(|&i| cx.rdata(i))) == live_set
            })
    })
}

/// Up to four values in presentation form, escaped.
pub(crate) fn show_values<'a>(
    rtype: RType,
    values: impl Iterator<Item = &'a [u8]>,
    lang: crate::diag::Lang,
) -> String {
    let all: Vec<&[u8]> = values.collect();
    let mut shown: Vec<String> = all
        .iter()
        .take(4)
        .map(|w| {
            let text = crate::zone::rdata::present::rdata_to_text(rtype, w)
                .unwrap_or_else(|| crate::zone::rdata::present::generic(w));
            clip(&escape(&text), 160)
        })
        .collect();
    if all.len() > 4 {
        let more = all.len() - 4;
        shown.push(tr!(lang, "and {more} more", "ほか {more} 件"));
    }
    shown.join(", ")
}

/// Long values are cut in messages, keeping enough to tell two apart.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn missing(cx: &Cx<'_>, name: &OwnedName, live: &LiveSet, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let shown = escape(&live.name.to_string()).into_owned();
    let rtype = live.rtype;
    let label = cx.label(live.server);
    let values = show_values(rtype, live.rdatas.iter().map(Vec::as_slice), lang);
    let ttl = live.ttl;
    let dig = cx.dig(live.server, live.name.as_ref(), rtype);
    let cname = rtype != RType::CNAME && cx.rrsets.contains_key(&(name.clone(), RType::CNAME));
    let mut help = tr!(
        lang,
        "served today with TTL {ttl}: {values}; it disappears at cutover unless submitted ({dig})",
        "現在は TTL {ttl} で {values} を返しています。申請しなければ切替時に消えます（{dig}）"
    );
    if cname {
        help += &tr!(
            lang,
            "; the submission has a CNAME at this name instead: check that its target serves the same data",
            "。申請ではこの名前が CNAME になっています。その先が同じデータを返すか確認してください"
        );
    }
    let d = Diagnostic::new(
        &rules::LIVE_RRSET_MISSING,
        cx.owner_span(name),
        tr!(
            lang,
            "`{shown} {rtype}` is served by {label} but missing from the submission",
            "`{shown} {rtype}` は {label} が返していますが、申請にありません"
        ),
    )
    .help(help);
    em.emit(d);
}

/// Compares one RRset present on both sides; true when the values differ.
fn differs(cx: &Cx<'_>, live: &LiveSet, records: &[u32], em: &mut Emitter<'_>) -> bool {
    let lang = cx.lang;
    let rtype = live.rtype;
    let live_set = canon_set(rtype, live.rdatas.iter().map(Vec::as_slice));
    let sub_set = canon_set(rtype, records.iter().map(|&i| cx.rdata(i)));
    let shown = escape(&live.name.to_string()).into_owned();
    let label = cx.label(live.server);
    let dig = cx.dig(live.server, live.name.as_ref(), rtype);
    let first = records[0];
    if live_set == sub_set {
        let submitted = cx.zone.records[first as usize].ttl;
        let served = live.ttl;
        if submitted != served {
            em.emit(Diagnostic::new(&rules::LIVE_TTL_DIFFERS, cx.record_span(first), tr!(lang,
                "`{shown} {rtype}` has TTL {submitted} in the submission; {label} serves it with TTL {served}",
                "`{shown} {rtype}` の TTL は申請では {submitted}、{label} では {served} です"))
                .help(tr!(lang, "the values are the same; confirm the TTL wanted after the cutover ({dig})",
                    "値は同じです。切替後に望む TTL を確認してください（{dig}）")));
        }
        return false;
    }
    if (rtype == RType::TXT || rtype == RType::SPF)
        && joined(live.rdatas.iter().map(Vec::as_slice))
            == joined(records.iter().map(|&i| cx.rdata(i)))
    {
        em.emit(Diagnostic::new(&rules::LIVE_TXT_SPLIT_DIFFERS, cx.record_span(first), tr!(lang,
            "`{shown} {rtype}` splits its strings differently from what {label} serves",
            "`{shown} {rtype}` の文字列の分割が {label} の返す値と異なります"))
            .help(tr!(lang, "joined, the text is the same, which is what SPF, DKIM and DMARC read; served today: {}",
                "連結すると同じ文字列で、SPF・DKIM・DMARC はこれを読みます。現在の値: {}",
                show_values(rtype, live.rdatas.iter().map(Vec::as_slice), lang))));
        return false;
    }
    let live_only: Vec<&[u8]> = live_set.difference(&sub_set).map(|c| c.as_ref()).collect();
    let sub_only: Vec<&[u8]> = sub_set.difference(&live_set).map(|c| c.as_ref()).collect();
    // Point at the first submitted record whose value is not served.
    let at = records
        .iter()
        .copied()
        .find(|&i| !live_set.contains(&canonical(rtype, cx.rdata(i))))
        .unwrap_or(first);
    let mut parts = Vec::new();
    if !live_only.is_empty() {
        let v = show_values(rtype, live_only.into_iter(), lang);
        parts.push(tr!(
            lang,
            "served today but not submitted: {v}",
            "現在は返しているが申請にない値: {v}"
        ));
    }
    if !sub_only.is_empty() {
        let v = show_values(rtype, sub_only.into_iter(), lang);
        parts.push(tr!(
            lang,
            "submitted but not served today: {v}",
            "申請にあるが現在は返していない値: {v}"
        ));
    }
    let parts = parts.join("; ");
    em.emit(
        Diagnostic::new(
            &rules::LIVE_RRSET_DIFFERS,
            cx.record_span(at),
            tr!(
                lang,
                "`{shown} {rtype}` differs from what {label} serves",
                "`{shown} {rtype}` が {label} の返す値と異なります"
            ),
        )
        .help(tr!(lang, "{parts} ({dig})", "{parts}（{dig}）")),
    );
    true
}

/// TXT records as the application reads them: each record's strings joined, as a multiset.
fn joined<'a>(rdatas: impl Iterator<Item = &'a [u8]>) -> Option<BTreeMap<Vec<u8>, usize>> {
    let mut out = BTreeMap::new();
    for r in rdatas {
        *out.entry(crate::zone::rdata::view::joined_text(r)?)
            .or_insert(0) += 1;
    }
    Some(out)
}

fn not_served(
    cx: &Cx<'_>,
    content: &Content,
    name: &OwnedName,
    rtype: RType,
    records: &[u32],
    server: Option<std::net::SocketAddr>,
    em: &mut Emitter<'_>,
) {
    let lang = cx.lang;
    let first = records[0];
    let owner = cx.zone.owner(&cx.zone.records[first as usize]);
    let shown = escape(&owner.to_string()).into_owned();
    let Some(server) = server else { return };
    let label = cx.label(server);
    let dig = cx.dig(server, owner, rtype);
    let how = match content.mode {
        Mode::Axfr(_) => tr!(
            lang,
            "it is not in the zone transferred from {label}",
            "{label} から転送したゾーンにありません"
        ),
        _ if content.nxdomain.contains_key(name) => tr!(
            lang,
            "{label} answers NXDOMAIN",
            "{label} は NXDOMAIN を返します"
        ),
        _ => tr!(
            lang,
            "{label} has no {rtype} records there",
            "{label} にはその名前の {rtype} レコードがありません"
        ),
    };
    em.emit(
        Diagnostic::new(
            &rules::NOT_SERVED_LIVE,
            cx.record_span(first),
            tr!(
                lang,
                "`{shown} {rtype}` is not served today: {how}",
                "`{shown} {rtype}` は現在公開されていません: {how}"
            ),
        )
        .help(tr!(
            lang,
            "nothing to do if it is new; otherwise check the owner name ({dig})",
            "新しいレコードなら対応は不要です。そうでなければオーナー名を確認してください（{dig}）"
        )),
    );
}

/// ZG808: how the comparison was made, and ZG807 for the pairs no server answered.
pub(crate) fn coverage(
    cx: &Cx<'_>,
    content: &Content,
    tally: Tally,
    queries: u64,
    em: &mut Emitter<'_>,
) {
    let lang = cx.lang;
    let refused = content
        .axfr_refused
        .iter()
        .map(|(s, why)| format!("{} ({})", cx.label(*s), escape(why)))
        .collect::<Vec<_>>()
        .join(", ");
    let not_compared = tr!(
        lang,
        "the SOA, the apex NS set and DNSSEC records are not compared: they change with the host",
        "SOA・頂点の NS セット・DNSSEC レコードは比較しません（事業者とともに変わるため）"
    );
    let d = match content.mode {
        Mode::None => Diagnostic::new(
            &rules::LIVE_COVERAGE,
            cx.anchor(),
            tr!(
                lang,
                "the current content was not compared: no current server answered with authority",
                "現在の内容は比較していません: 権威をもって応答した現在のサーバーがありません"
            ),
        ),
        Mode::Axfr(server) => {
            let label = cx.label(server);
            let n = tally.live_rrsets;
            let mut help = not_compared;
            if content.dnssec_records > 0 {
                let k = content.dnssec_records;
                help += &tr!(
                    lang,
                    "; the zone is signed today ({k} DNSSEC records)",
                    "。現在のゾーンは署名されています（DNSSEC レコード {k} 件）"
                );
            }
            if !refused.is_empty() {
                help += &tr!(
                    lang,
                    "; refused first by {refused}",
                    "。先に拒否したサーバー: {refused}"
                );
            }
            Diagnostic::new(
                &rules::LIVE_COVERAGE,
                cx.anchor(),
                tr!(
                    lang,
                    "compared the whole zone: AXFR from {label} gave {n} RRsets",
                    "ゾーン全体を比較しました: {label} からの AXFR で {n} 個の RRset を取得"
                ),
            )
            .help(help)
        }
        Mode::Probe => {
            let names = content.plan_names;
            let from_sub = content.plan_from_submission;
            let from_list = content.plan_from_list;
            let pairs = content.plan_pairs;
            let k = content.axfr_refused.len();
            Diagnostic::new(&rules::LIVE_COVERAGE, cx.anchor(), tr!(lang,
                "no server allowed a zone transfer ({k} asked); compared by probing {names} names ({from_sub} from the submission, {from_list} from the list of commonly forgotten names): {pairs} name/type pairs in {queries} queries",
                "ゾーン転送を許可したサーバーはありません（{k} 台に要求）。{names} 個の名前（申請から {from_sub}、よく忘れられる名前の一覧から {from_list}）を問い合わせて比較しました: 名前とタイプの組 {pairs} 個、問い合わせ {queries} 回"))
                .help(tr!(lang,
                    "records at names in neither list were not compared: ask the current host for a zone transfer or an export, or add names to the policy's `live_probe_names`; {not_compared}; refused by {refused}",
                    "どちらにもない名前のレコードは比較していません。現在の事業者にゾーン転送かエクスポートを依頼するか、ポリシーの `live_probe_names` に名前を追加してください。{not_compared}。拒否したサーバー: {refused}"))
        }
    };
    em.emit(d);
    if content.failures.is_empty() {
        return;
    }
    // One "could not check" per cause.
    let mut by_cause: BTreeMap<&str, Vec<&super::content::Failure>> = BTreeMap::new();
    for f in &content.failures {
        by_cause.entry(f.why.as_str()).or_default().push(f);
    }
    let total = content.plan_pairs.max(content.failures.len());
    for (why, failures) in by_cause {
        let n = failures.len();
        let examples = failures
            .iter()
            .take(5)
            .map(|f| {
                let name = escape(&f.name.to_string()).into_owned();
                let rtype = f.rtype;
                match f.server {
                    Some(s) => format!("`{name} {rtype}` ({})", cx.label(s)),
                    None => format!("`{name} {rtype}`"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        let more = if n > 5 { ", ..." } else { "" };
        let why = escape(why).into_owned();
        em.emit(
            Diagnostic::new(
                &rules::LIVE_CHECK_INCOMPLETE,
                cx.anchor(),
                tr!(
                    lang,
                    "could not check {n} of {total} name/type pairs: {why}",
                    "名前とタイプの組 {total} 個のうち {n} 個を確認できませんでした: {why}"
                ),
            )
            .help(tr!(
                lang,
                "no server gave an authoritative answer for {examples}{more}",
                "権威ある応答を返したサーバーがありません: {examples}{more}"
            )),
        );
    }
}
