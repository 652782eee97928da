//! ZG204 `ns-target-is-cname`: an NS record that names an alias (a CNAME) in this zone.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::RType;

pub static NS_TARGET_IS_CNAME: Rule = Rule {
    code: "ZG204",
    name: "ns-target-is-cname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 2181 §10.3",
    summary: Text {
        en: r#"an NS record that names a CNAME"#,
        ja: r#"CNAME を指す NS レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an NS record (at the apex or at a delegation) whose server name is, in this zone, a CNAME.

## Why is this bad?
The name in an NS record must be the server's own name, never an alias (RFC 2181 §10.3). Resolvers look up the server's address without following CNAMEs in many cases, and no glue can be given for an alias, so the zone or the delegation becomes unreachable from some resolvers.

## Example
```
@    IN NS     dns.example.jp.
dns  IN CNAME  ns1.example.net.
```

## How to fix
Put the server's real name in the NS record (`@ IN NS ns1.example.net.`), or replace the CNAME with the server's A and AAAA records.
"#,
        ja: r#"## 内容
サーバー名がこのゾーン内で CNAME になっている NS レコード（頂点または委任点）を報告します。

## 問題点
NS レコードの名前はサーバー自身の名前でなければならず、別名であってはなりません（RFC 2181 §10.3）。多くの場合リゾルバーはサーバーのアドレスを CNAME をたどらずに調べ、別名にはグルーも付けられないため、一部のリゾルバーからゾーンや委任先に到達できなくなります。

## 例
```
@    IN NS     dns.example.jp.
dns  IN CNAME  ns1.example.net.
```

## 修正方法
NS レコードにサーバーの本当の名前を書くか（`@ IN NS ns1.example.net.`）、CNAME をサーバーの A・AAAA レコードに置き換えてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for r in super::live_ns(cx) {
        let super::Server::InZone(name, found) = super::server(cx, r) else {
            continue;
        };
        let Some(cname) = found.node.and_then(|n| cx.rrset(n, RType::CNAME).next()) else {
            continue;
        };
        if target::suspect(cx, r) {
            continue;
        }
        let server = show(name);
        em.emit(
            Diagnostic::new(
                &NS_TARGET_IS_CNAME,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "name server `{server}` is a CNAME; an NS record must name the server itself",
                    "ネームサーバー `{server}` は CNAME です。NS レコードにはサーバー自身の名前が必要です"
                ),
            )
            .label(cx.type_span(cname), tr!(lang, "CNAME here", "CNAME はここ"))
            .help(tr!(
                lang,
                "write the server's real name in the NS record, or replace the CNAME with the server's A/AAAA records",
                "NS レコードにサーバーの本当の名前を書くか、CNAME をサーバーの A・AAAA レコードに置き換えてください"
            )),
        );
    }
}
