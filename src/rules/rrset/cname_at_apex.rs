//! ZG310 `cname-at-apex`: a CNAME at the zone apex.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static CNAME_AT_APEX: Rule = Rule {
    code: "ZG310",
    name: "cname-at-apex",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §3.6.2, RFC 1912 §2.4",
    summary: Text {
        en: r#"a CNAME at the zone apex"#,
        ja: r#"ゾーン頂点の CNAME"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a CNAME record whose owner is the zone apex (`@`).

## Why is this bad?
The apex must hold the zone's SOA and NS records, and a CNAME cannot share its name with other data (RFC 1034 §3.6.2, RFC 1912 §2.4). Servers refuse the zone; where one was tolerated, the domain's mail and name servers break. Customers ask for it to point `example.jp` at a web service that only gives a host name.

## Example
```
@  IN CNAME  myshop.example-cdn.net.
```

## How to fix
Give the apex A/AAAA records with the service's addresses, or use the host's apex-alias (ALIAS / CNAME flattening) feature if it offers one, and point `www` at the service with a CNAME.
"#,
        ja: r#"## 内容
所有者がゾーン頂点（`@`）の CNAME レコードを報告します。

## 問題点
頂点にはゾーンの SOA と NS レコードが必要で、CNAME は他のデータと名前を共有できません（RFC 1034 §3.6.2、RFC 1912 §2.4）。サーバーはゾーンを拒否し、許容された場合もドメインのメールやネームサーバーが壊れます。ホスト名しか提供しない Web サービスに `example.jp` を向けたいときに求められがちです。

## 例
```
@  IN CNAME  myshop.example-cdn.net.
```

## 修正方法
頂点にはサービスのアドレスの A・AAAA レコードを置くか、事業者に頂点の別名機能（ALIAS・CNAME フラットニング）があればそれを使い、`www` を CNAME でサービスに向けてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some(apex) = crate::rules::structure::apex_id(cx) else {
        return;
    };
    let name = show(cx.zone.apex());
    let lang = cx.lang;
    for r in cx.rrset(apex, RType::CNAME) {
        em.emit(
            Diagnostic::new(
                &CNAME_AT_APEX,
                cx.type_span(r),
                tr!(
                    lang,
                    "CNAME at the zone apex `{name}`",
                    "ゾーン頂点 `{name}` に CNAME があります"
                ),
            )
            .help(tr!(
                lang,
                "the apex holds the SOA and NS records, so it cannot be an alias; give it the service's A/AAAA records (or use the host's apex-alias feature), and point `www` at the service with a CNAME",
                "頂点には SOA と NS があるため別名にできません。サービスの A・AAAA レコードを置く（または事業者の頂点別名機能を使う）か、`www` を CNAME でサービスに向けてください"
            )),
        );
    }
}
