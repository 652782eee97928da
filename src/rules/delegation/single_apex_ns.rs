//! ZG202 `single-apex-ns`: the zone apex has only one NS record.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{canonical_rdata, show};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SINGLE_APEX_NS: Rule = Rule {
    code: "ZG202",
    name: "single-apex-ns",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2182 §5",
    summary: Text {
        en: r#"the zone apex has only one NS record"#,
        ja: r#"ゾーン頂点の NS レコードが 1 つだけ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a zone whose apex lists a single name server.

## Why is this bad?
A zone needs at least two name servers (RFC 1034 §4.1), on different networks (RFC 2182 §5): with one, any outage or maintenance of that server makes the whole domain, mail included, unreachable. Registries for many TLDs, `.jp` among them, refuse a delegation to a single server.

## Example
```
@  IN NS  ns1.example.net.
```

## How to fix
List at least two servers, such as `ns1.example.net.` and `ns2.example.org.`. At cutover the host's own servers replace these.
"#,
        ja: r#"## 内容
頂点のネームサーバーが 1 つだけのゾーンを報告します。

## 問題点
ゾーンには少なくとも 2 つのネームサーバー（RFC 1034 §4.1）が、異なるネットワーク上に（RFC 2182 §5）必要です。1 つでは、そのサーバーの障害や保守のたびにメールを含むドメイン全体に到達できなくなります。`.jp` をはじめ多くの TLD のレジストリは、1 台だけへの委任を受け付けません。

## 例
```
@  IN NS  ns1.example.net.
```

## 修正方法
少なくとも 2 つのサーバー（例: `ns1.example.net.` と `ns2.example.org.`）を記載してください。切替時にはホスティング事業者のサーバーに置き換えられます。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some(apex) = crate::rules::structure::apex_id(cx) else {
        return;
    };
    let mut distinct = Vec::new();
    let mut first = None;
    for r in cx.rrset(apex, RType::NS) {
        let data = canonical_rdata(RType::NS, cx.zone.rdata(r));
        if !distinct.contains(&data) {
            distinct.push(data);
        }
        first.get_or_insert(r);
    }
    let Some(first) = first else { return };
    if distinct.len() != 1 || cx.tree().failed_could_be(Some(apex), RType::NS) {
        return;
    }
    let name = show(cx.zone.apex());
    let lang = cx.lang;
    em.emit(
        Diagnostic::new(
            &SINGLE_APEX_NS,
            cx.type_span(first),
            tr!(
                lang,
                "the zone `{name}` has only one name server",
                "ゾーン `{name}` のネームサーバーが 1 つしかありません"
            ),
        )
        .help(tr!(
            lang,
            "list at least two name servers on different networks (RFC 2182 §5); with one, any outage of it takes the whole domain offline",
            "異なるネットワーク上に少なくとも 2 つのネームサーバーを記載してください（RFC 2182 §5）。1 つでは、その障害でドメイン全体が停止します"
        )),
    );
}
