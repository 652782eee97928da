//! ZG207 `unneeded-glue`: an address record below a delegation that no NS record names.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::{Place, RType};

pub static UNNEEDED_GLUE: Rule = Rule {
    code: "ZG207",
    name: "unneeded-glue",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1034 §4.2.1",
    summary: Text {
        en: r#"an address record below a delegation that no NS record names"#,
        ja: r#"どの NS レコードも指していない委任の下のアドレスレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports A and AAAA records below a delegation (a name with NS records below the apex) when no NS record in the zone names them: they are not glue.

## Why is this bad?
Below a zone cut this zone is not authoritative (RFC 1034 §4.2.1): the only data it keeps there is glue, the addresses of the delegation's own servers. Any other address record is never served; resolvers get a referral to the child zone instead. Usually the customer meant `www.shop` to resolve to that address, and it must be published by the child zone, or the delegation itself is a leftover.

## Example
```
shop      IN NS  ns1.example.net.
www.shop  IN A   192.0.2.80
```

## How to fix
Publish the record in the delegated zone `shop.example.jp.`, and delete it here. If `shop` should not be delegated, delete its NS records instead.
"#,
        ja: r#"## 内容
委任（頂点より下の NS レコードを持つ名前）の下にある A・AAAA レコードのうち、ゾーン内のどの NS レコードにも指されていない（グルーではない）ものを報告します。

## 問題点
ゾーンカットの下ではこのゾーンは権威を持ちません（RFC 1034 §4.2.1）。そこで保持できるのはグルー、つまり委任先サーバー自身のアドレスだけです。それ以外のアドレスレコードは決して応答されず、リゾルバーには子ゾーンへの照会（リファーラル）が返ります。通常は `www.shop` をそのアドレスで名前解決させたかったもので、子ゾーン側で公開するか、委任自体が不要な残骸です。

## 例
```
shop      IN NS  ns1.example.net.
www.shop  IN A   192.0.2.80
```

## 修正方法
委任先ゾーン `shop.example.jp.` でレコードを公開し、ここからは削除してください。`shop` を委任しないのであれば、その NS レコードを削除してください。
"#,
    },
    check: Check::Zone(check),
};

/// The owners named by the zone's NS records.
pub(crate) fn ns_targets<'c>(cx: &'c Context<'_>) -> &'c crate::rules::NameSet {
    cx.memo.ns_targets.get_or_init(|| {
        let mut set = crate::rules::NameSet::new(cx.zone.names.len());
        // The lookups the NS rules share: an exact match is the name's own node (the set is
        // only asked about names in the zone, where that is what a lookup by name finds).
        for r in super::live_ns(cx) {
            let Some(t) = target::target(cx, r) else {
                continue;
            };
            let found = target::lookup_target(cx, r, t);
            if let Some(id) = found.node.filter(|_| !found.wildcard) {
                set.insert(id);
            }
        }
        set
    })
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let targets = ns_targets(cx);
    let lang = cx.lang;
    for (id, name) in cx.zone.names.iter() {
        let Place::BelowCut(cut) = tree.place(id) else {
            continue;
        };
        if targets.contains(&id) || name.is_wildcard() {
            continue;
        }
        let Some(first) = cx
            .records_at(id)
            .filter(|r| matches!(r.rtype, RType::A | RType::AAAA))
            .min_by_key(|r| (r.span.file, r.span.start))
        else {
            continue;
        };
        let (owner, zone) = (show_id(cx, id), show_id(cx, cut));
        let mut d = Diagnostic::new(
            &UNNEEDED_GLUE,
            cx.owner_span(first),
            tr!(
                lang,
                "`{owner}` is below the delegation `{zone}` and no NS record names it, so its address is not glue and is never served",
                "`{owner}` は委任 `{zone}` の下にあり、どの NS レコードにも指されていないため、そのアドレスはグルーではなく応答されません"
            ),
        )
        .help(tr!(
            lang,
            "publish it in the delegated zone `{zone}` and delete it here; if `{zone}` should not be delegated, delete its NS records instead",
            "委任先ゾーン `{zone}` で公開し、ここからは削除してください。`{zone}` を委任しないのであれば、その NS レコードを削除してください"
        ));
        if let Some(ns) = cx.rrset(cut, RType::NS).next() {
            d = d.label(cx.type_span(ns), tr!(lang, "delegated here", "ここで委任"));
        }
        em.emit(d);
    }
}
