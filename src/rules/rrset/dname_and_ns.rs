//! ZG317 `dname-and-ns`: a DNAME at a delegation point.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static DNAME_AND_NS: Rule = Rule {
    code: "ZG317",
    name: "dname-and-ns",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6672 §2.4",
    summary: Text {
        en: r#"a DNAME and NS records at the same name below the apex"#,
        ja: r#"頂点より下の同じ名前に DNAME と NS レコードがある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a DNAME at a name below the apex that also has NS records, that is, at a delegation point.

## Why is this bad?
RFC 6672 §2.4 forbids a DNAME beside NS records anywhere but at the apex: the NS records hand the name to another zone, so the DNAME here is never served, and the two say contradictory things. Knot refuses the zone. If the redirection is wanted, it belongs in the delegated zone, at its apex.

## Example
```
old  IN NS     ns1.example.net.
old  IN DNAME  new.example.jp.
```

## How to fix
Decide which one is meant: delete the NS records to redirect `old` with the DNAME, or delete the DNAME (and put it in the delegated zone) to keep the delegation.
"#,
        ja: r#"## 内容
頂点より下の名前で、DNAME と NS レコードの両方を持つもの（委任点の DNAME）を報告します。

## 問題点
RFC 6672 §2.4 は頂点以外で DNAME と NS を並べることを禁じています。NS レコードは名前を別のゾーンに引き渡すため、ここの DNAME は決して応答されず、両者は矛盾します。Knot はゾーンを拒否します。転送が必要なら、委任先ゾーンの頂点に置くものです。

## 例
```
old  IN NS     ns1.example.net.
old  IN DNAME  new.example.jp.
```

## 修正方法
どちらを意図しているか決めてください。DNAME で `old` を転送するなら NS レコードを削除し、委任を残すなら DNAME を削除して（委任先ゾーンに置いて）ください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let lang = cx.lang;
    for id in tree.cuts() {
        let Some(dname) = cx.rrset(id, RType::DNAME).next() else {
            continue;
        };
        let name = show_id(cx, id);
        let mut d = Diagnostic::new(
            &DNAME_AND_NS,
            cx.type_span(dname),
            tr!(
                lang,
                "`{name}` has a DNAME and NS records: it cannot be both redirected and delegated",
                "`{name}` に DNAME と NS レコードがあります: 転送と委任を同時にはできません"
            ),
        )
        .help(tr!(
            lang,
            "delete the NS records to redirect `{name}`, or delete the DNAME (it belongs at the apex of the delegated zone) to keep the delegation",
            "`{name}` を転送するなら NS レコードを削除し、委任を残すなら DNAME を削除してください（DNAME は委任先ゾーンの頂点に置くものです）"
        ));
        if let Some(ns) = cx.rrset(id, RType::NS).next() {
            d = d.label(cx.type_span(ns), tr!(lang, "delegated here", "ここで委任"));
        }
        em.emit(d);
    }
}
