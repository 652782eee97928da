//! ZG308 `cname-and-other-data`: a CNAME at a name that has other records.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{list, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static CNAME_AND_OTHER_DATA: Rule = Rule {
    code: "ZG308",
    name: "cname-and-other-data",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §3.6.2, RFC 2181 §10.1",
    summary: Text {
        en: r#"a CNAME at a name that also has other records"#,
        ja: r#"他のレコードもある名前の CNAME"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a name below the apex that has a CNAME and also other records (DNSSEC's RRSIG and NSEC excepted), once per name. A CNAME at the apex is ZG310's.

## Why is this bad?
A CNAME says "this name is another name": it cannot have data of its own (RFC 1034 §3.6.2, RFC 2181 §10.1). BIND, Knot and NSD refuse the zone; resolvers that got it anyway answer inconsistently, some with the CNAME, some with the other data. The classic case is a CNAME at a name that also needs MX or TXT records.

## Example
```
shop  IN CNAME  shops.example.net.
shop  IN MX     10 mail.example.jp.
```

## How to fix
Keep either the CNAME or the other records. To keep the other records, replace the CNAME with the A/AAAA records it leads to (or the host's alias feature, if it has one).
"#,
        ja: r#"## 内容
頂点より下の名前で、CNAME と他のレコード（DNSSEC の RRSIG と NSEC を除く）の両方を持つものを名前ごとに 1 回報告します。頂点の CNAME は ZG310 で報告します。

## 問題点
CNAME は「この名前は別の名前である」ことを示すため、自分のデータを持てません（RFC 1034 §3.6.2、RFC 2181 §10.1）。BIND、Knot、NSD はゾーンを拒否し、受け取ってしまったリゾルバーは CNAME を返したり他のデータを返したりと応答が一貫しません。MX や TXT も必要な名前に CNAME を置くのが典型例です。

## 例
```
shop  IN CNAME  shops.example.net.
shop  IN MX     10 mail.example.jp.
```

## 修正方法
CNAME と他のレコードのどちらかだけを残してください。他のレコードを残す場合は、CNAME をその先の A・AAAA レコード（または事業者に別名機能があればそれ）に置き換えてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let apex = crate::rules::structure::apex_id(cx);
    let lang = cx.lang;
    let mut owners: Vec<_> = cx
        .zone
        .records
        .iter()
        .filter(|r| r.rtype == RType::CNAME && Some(r.owner) != apex)
        .map(|r| r.owner)
        .collect();
    owners.sort_unstable();
    owners.dedup();
    for id in owners {
        let others: Vec<_> = cx
            .records_at(id)
            .filter(|r| !matches!(r.rtype, RType::CNAME | RType::RRSIG | RType::NSEC))
            .collect();
        if others.is_empty() {
            continue;
        }
        let Some(cname) = super::cname_at(cx, id) else {
            continue;
        };
        let mut types: Vec<String> = others.iter().map(|r| r.rtype.name().into_owned()).collect();
        types.dedup();
        let (name, types) = (show_id(cx, id), list(&types, 6));
        let mut d = Diagnostic::new(
            &CNAME_AND_OTHER_DATA,
            cx.type_span(cname),
            tr!(
                lang,
                "`{name}` has a CNAME and other records ({types})",
                "`{name}` に CNAME と他のレコード（{types}）があります"
            ),
        )
        .help(tr!(
            lang,
            "a name with a CNAME can have no other records; keep the CNAME or the others, and to keep the others replace the CNAME with the A/AAAA records it leads to",
            "CNAME のある名前は他のレコードを持てません。CNAME か他のレコードのどちらかを残し、他を残す場合は CNAME をその先の A・AAAA レコードに置き換えてください"
        ));
        for r in others.iter().take(3) {
            d = d.label(cx.type_span(r), tr!(lang, "other data", "他のデータ"));
        }
        em.emit(d);
    }
}
