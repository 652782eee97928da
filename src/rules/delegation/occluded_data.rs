//! ZG208 `occluded-data`: data at or below a delegation that is not served.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{list, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::{Place, RType};

pub static OCCLUDED_DATA: Rule = Rule {
    code: "ZG208",
    name: "occluded-data",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2181 §6",
    summary: Text {
        en: r#"records at or below a delegation that are hidden by it"#,
        ja: r#"委任によって隠され、応答されないレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records that a delegation hides: at the delegated name itself, anything but its NS and DS records and glue addresses; below it, anything but addresses (those are reported by ZG207 when they are not glue). A nested delegation below another counts too. Reported once per name.

## Why is this bad?
At a zone cut this zone hands the name over to the child zone (RFC 2181 §6): queries for it and below it get a referral, so these records are never served. The customer believes they are published, and after cutover they silently are not. This is often a delegation left over from an old setup, or a record added at a delegated name by mistake.

## Example
```
shop  IN NS   ns1.example.net.
shop  IN MX   10 mail.example.jp.
```

## How to fix
Publish the records in the delegated zone, and delete them here; or, if the name should not be delegated, delete its NS records.
"#,
        ja: r#"## 内容
委任によって隠されるレコードを報告します。委任された名前そのものでは NS・DS レコードとグルーアドレス以外、その下ではアドレス以外（グルーでないアドレスは ZG207 で報告）が対象です。別の委任の下にある入れ子の委任も含みます。名前ごとに 1 回報告します。

## 問題点
ゾーンカットでこのゾーンは名前を子ゾーンに引き渡します（RFC 2181 §6）。その名前とその下への問い合わせには委任先への照会（リファーラル）が返るため、これらのレコードは決して応答されません。お客様は公開されていると考えていても、切替後は黙って公開されません。古い構成の委任の残骸か、委任された名前に誤ってレコードを追加したことがよくある原因です。

## 例
```
shop  IN NS   ns1.example.net.
shop  IN MX   10 mail.example.jp.
```

## 修正方法
委任先ゾーンでレコードを公開してここから削除するか、その名前を委任しないのであれば NS レコードを削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let targets = super::unneeded_glue::ns_targets(cx);
    let lang = cx.lang;
    for (id, _) in cx.zone.names.iter() {
        let (cut, at_cut) = match tree.place(id) {
            Place::Cut => (id, true),
            Place::BelowCut(c) => (c, false),
            _ => continue,
        };
        let hidden: Vec<_> = cx
            .records_at(id)
            .filter(|r| match r.rtype {
                // What a cut keeps; a DNAME or CNAME there has its own rule.
                RType::NS | RType::DS | RType::NSEC | RType::RRSIG if at_cut => false,
                RType::DNAME | RType::CNAME if at_cut => false,
                // Addresses: glue if named by an NS record; below the cut, ZG207's.
                RType::A | RType::AAAA => at_cut && !targets.contains(&id),
                _ => true,
            })
            .collect();
        let Some(first) = hidden.iter().min_by_key(|r| (r.span.file, r.span.start)) else {
            continue;
        };
        let mut types: Vec<String> = hidden.iter().map(|r| r.rtype.name().into_owned()).collect();
        types.dedup();
        let types = list(&types, 6);
        let (owner, zone) = (show_id(cx, id), show_id(cx, cut));
        let message = if at_cut {
            tr!(
                lang,
                "`{owner}` is delegated, so its {types} records here are never served",
                "`{owner}` は委任されているため、ここにある {types} レコードは応答されません"
            )
        } else {
            tr!(
                lang,
                "`{owner}` is below the delegation `{zone}`, so its {types} records here are never served",
                "`{owner}` は委任 `{zone}` の下にあるため、ここにある {types} レコードは応答されません"
            )
        };
        let mut d = Diagnostic::new(&OCCLUDED_DATA, cx.owner_span(first), message).help(tr!(
            lang,
            "publish these records in the delegated zone `{zone}` and delete them here; if `{zone}` should not be delegated, delete its NS records instead",
            "これらのレコードは委任先ゾーン `{zone}` で公開し、ここからは削除してください。`{zone}` を委任しないのであれば、その NS レコードを削除してください"
        ));
        if let Some(ns) = cx.rrset(cut, RType::NS).next()
            && !(at_cut && ns.span == first.span)
        {
            d = d.label(cx.type_span(ns), tr!(lang, "delegated here", "ここで委任"));
        }
        em.emit(d);
    }
}
