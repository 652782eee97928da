//! ZG704 `apex-records-replaced`: the apex SOA and NS the host will replace with its own.

use crate::diag::{Diagnostic, Emitter, Lang, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::rdata::view;
use crate::zone::{NameRef, RType};

pub static APEX_RECORDS_REPLACED: Rule = Rule {
    code: "ZG704",
    name: "apex-records-replaced",
    severity: Severity::Info,
    phase: Phase::Zone,
    rfc: "RFC 1034 §4.2.1; intake policy (`host`)",
    summary: Text {
        en: r#"the apex SOA and NS records that the host replaces with its own, and what changes"#,
        ja: r#"事業者が自身のものに置き換える頂点の SOA と NS、および変わる内容"#,
    },
    docs: Text {
        en: r#"## What it does
When the intake policy describes the host's own apex records (`host: { nameservers: [...], soa: {...} }`), lists what of the submitted apex SOA and NS will change: name servers that go and come, and SOA fields (primary server, mailbox, timers) that differ. Without `host` in the policy this rule reports nothing.

## Why is this bad?
Nothing is wrong: a DNS host serves its own SOA and NS at the apex. The finding tells the operator and the customer, in one place, that the submitted values will not be published, so nobody is surprised when the old name servers or a hand-tuned negative TTL disappear.

## Example
```
@   IN SOA ns1.old-isp.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@   IN NS  ns1.old-isp.jp.
@   IN NS  ns2.old-isp.jp.
```

## How to fix
Nothing to fix. If the customer needs a specific value (a negative TTL, say), agree it with the host.
"#,
        ja: r#"## 内容
受付ポリシーに事業者自身の頂点レコード（`host: { nameservers: [...], soa: {...} }`）が書かれているとき、提出された頂点の SOA と NS のうち変わるものを一覧にします。外れるネームサーバーと加わるネームサーバー、異なる SOA の項目（プライマリサーバー、管理者メールボックス、タイマー）です。ポリシーに `host` がなければ何も報告しません。

## 問題点
誤りではありません。DNS 事業者は頂点で自身の SOA と NS を配信します。提出された値が公開されないことを運用者とお客様に 1 か所で伝え、旧ネームサーバーや調整したネガティブ TTL が消えても驚かないようにするための情報です。

## 例
```
@   IN SOA ns1.old-isp.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@   IN NS  ns1.old-isp.jp.
@   IN NS  ns2.old-isp.jp.
```

## 修正方法
対応は不要です。特定の値（ネガティブ TTL など）が必要なら、事業者と調整してください。
"#,
    },
    check: Check::Zone(check),
};

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "-".into()
    } else {
        list.join(", ")
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let Some(host) = &cx.policy.host else {
        return;
    };
    let Some(apex) = cx.zone.names.lookup(cx.zone.apex()) else {
        return;
    };
    let mut changes: Vec<String> = Vec::new();
    let mut anchor = None;

    // Name servers: the customer's that go, the host's that come.
    let ns: Vec<NameRef<'_>> = cx
        .index
        .rrset(cx.zone, apex, RType::NS)
        .filter_map(|i| {
            let r = &cx.zone.records[i as usize];
            anchor.get_or_insert(r);
            NameRef::from_wire(cx.zone.rdata(r))
        })
        .collect();
    if !host.nameservers.is_empty() {
        let hosts: Vec<NameRef<'_>> = host.nameservers.iter().map(|n| n.0.as_ref()).collect();
        let gone: Vec<String> = ns
            .iter()
            .filter(|n| !hosts.iter().any(|h| h.eq_ignore_case(**n)))
            .map(ToString::to_string)
            .collect();
        let added: Vec<String> = hosts
            .iter()
            .filter(|h| !ns.iter().any(|n| n.eq_ignore_case(**h)))
            .map(ToString::to_string)
            .collect();
        if !gone.is_empty() || !added.is_empty() {
            let (gone, added) = (names(&gone), names(&added));
            changes.push(tr!(lang, "NS {gone} → {added}", "NS {gone} → {added}"));
        }
    }

    // SOA fields the host sets.
    if let Some(want) = &host.soa
        && let Some(i) = cx.index.rrset(cx.zone, apex, RType::SOA).next()
    {
        let record = &cx.zone.records[i as usize];
        anchor = Some(record);
        if let Some(soa) = view::soa(cx.zone.rdata(record)) {
            let mut field = |label: (&str, &str), old: String, new: Option<String>| {
                if let Some(new) = new.filter(|n| !n.eq_ignore_ascii_case(&old)) {
                    let label = match lang {
                        Lang::En => label.0,
                        Lang::Ja => label.1,
                    };
                    changes.push(format!("{label} {old} → {new}"));
                }
            };
            field(
                ("SOA primary", "SOA プライマリ"),
                soa.mname.to_string(),
                want.mname.as_ref().map(|n| n.0.to_string()),
            );
            field(
                ("SOA mailbox", "SOA 管理者"),
                soa.rname.to_string(),
                want.rname.as_ref().map(|n| n.0.to_string()),
            );
            for (label, old, new) in [
                (("refresh", "refresh"), soa.refresh, want.refresh),
                (("retry", "retry"), soa.retry, want.retry),
                (("expire", "expire"), soa.expire, want.expire),
                (
                    ("negative TTL", "ネガティブ TTL"),
                    soa.minimum,
                    want.minimum,
                ),
            ] {
                field(label, old.to_string(), new.map(|n| n.to_string()));
            }
        }
    }
    let Some(record) = anchor else { return };
    if changes.is_empty() {
        return;
    }
    let list = changes.join("; ");
    em.emit(
        Diagnostic::new(
            &APEX_RECORDS_REPLACED,
            cx.type_span(record),
            tr!(
                lang,
                "the host replaces the apex SOA and NS with its own: {list}",
                "事業者は頂点の SOA と NS を自身のものに置き換えます: {list}"
            ),
        )
        .help(tr!(
            lang,
            "nothing to fix; tell the customer that these values will not be published",
            "対応は不要です。これらの値が公開されないことをお客様に伝えてください"
        )),
    );
}
