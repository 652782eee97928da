//! ZG703 `type-not-served`: a record type the host does not serve (policy `allowed_types`).

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static TYPE_NOT_SERVED: Rule = Rule {
    code: "ZG703",
    name: "type-not-served",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "intake policy (`allowed_types`)",
    summary: Text {
        en: r#"a record type the host does not serve, by the policy's `allowed_types`"#,
        ja: r#"ポリシーの `allowed_types` により事業者が扱わないレコードタイプ"#,
    },
    docs: Text {
        en: r#"## What it does
When the intake policy lists `allowed_types`, reports every record of another type. SOA and NS are always allowed. Without `allowed_types` in the policy this rule reports nothing.

## Why is this bad?
A DNS host's servers or provisioning system may not accept every type (LOC, HINFO, NAPTR, SSHFP...). A zone accepted at intake and then refused at load time fails on cutover day, when it is hardest to fix.

## Example
```
; policy.yaml: allowed_types: [A, AAAA, CNAME, MX, TXT, SRV, CAA]
@   IN LOC 35 41 22.000 N 139 41 31.000 E 40m
```

## How to fix
Agree with the customer to drop the record, or to keep the domain (or that name) with a host that serves the type. An operator can allow a type for one record with `; zonegate: ignore[ZG703] reason`.
"#,
        ja: r#"## 内容
受付ポリシーに `allowed_types` があるとき、それ以外のタイプのレコードをすべて報告します。SOA と NS は常に許可されます。ポリシーに `allowed_types` がなければ何も報告しません。

## 問題点
DNS 事業者のサーバーや登録システムはすべてのタイプを受け付けるとは限りません（LOC, HINFO, NAPTR, SSHFP など）。受付で通ったゾーンが読み込み時に拒否されると、最も直しにくい切替当日に失敗します。

## 例
```
; policy.yaml: allowed_types: [A, AAAA, CNAME, MX, TXT, SRV, CAA]
@   IN LOC 35 41 22.000 N 139 41 31.000 E 40m
```

## 修正方法
レコードを削除するか、そのタイプを扱う事業者にドメイン（またはその名前）を残すかをお客様と決めてください。運用者は `; zonegate: ignore[ZG703] 理由` で 1 レコードだけ許可できます。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let Some(mut allowed) = cx.policy.allowed_rtypes() else {
        return;
    };
    allowed.extend([RType::SOA, RType::NS]);
    allowed.sort();
    allowed.dedup();
    let list = cx
        .policy
        .allowed_types
        .iter()
        .flatten()
        .map(|t| t.0.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ");
    for i in cx
        .index
        .of_types(cx.zone, |t| allowed.binary_search(&t).is_err())
    {
        let record = &cx.zone.records[i as usize];
        let rtype = record.rtype;
        em.emit(
            Diagnostic::new(
                &TYPE_NOT_SERVED,
                cx.type_span(record),
                tr!(
                    lang,
                    "the host does not serve {rtype} records",
                    "事業者は {rtype} レコードを扱いません"
                ),
            )
            .help(tr!(
                lang,
                "the host serves {list}, SOA and NS; agree with the customer to drop this record or keep it elsewhere",
                "事業者が扱うのは {list}, SOA, NS です。このレコードを削除するか別の場所に残すかをお客様と決めてください"
            )),
        );
    }
}
