//! ZG205 `ns-target-without-address`: a name server inside this zone with no address.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{show, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::RType;

pub static NS_TARGET_WITHOUT_ADDRESS: Rule = Rule {
    code: "ZG205",
    name: "ns-target-without-address",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.3",
    summary: Text {
        en: r#"a name server inside this zone that has no A or AAAA record"#,
        ja: r#"このゾーン内のネームサーバーに A・AAAA レコードがない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an NS record, at the apex or at a delegation, whose server name lies in this zone's own data but has no A or AAAA record there (a wildcard address counts). Servers below the delegation itself are glue, reported by ZG206 (`missing-glue`).

## Why is this bad?
Only this zone can say where a server named inside it is. Without its address, resolvers cannot reach that server: an apex NS becomes a dead server in the zone's set (and the parent's glue cannot be checked against anything), and a delegation to it fails. Knot reports this as missing glue; BIND warns.

## Example
```
@    IN NS  ns1.example.jp.
@    IN NS  ns2.example.jp.
ns1  IN A   192.0.2.53
```
`ns2.example.jp.` has no address.

## How to fix
Add the server's address (`ns2 IN A 192.0.2.54`), or correct the server name.
"#,
        ja: r#"## 内容
頂点または委任点の NS レコードで、サーバー名がこのゾーン自身のデータの中にあるのに、その名前に A・AAAA レコードがない（ワイルドカードのアドレスも含めて）ものを報告します。委任先の内側にあるサーバーはグルーとして ZG206（`missing-glue`）で報告します。

## 問題点
ゾーン内の名前を持つサーバーの場所を示せるのはこのゾーンだけです。アドレスがないとリゾルバーはそのサーバーに到達できません。頂点の NS なら応答しないサーバーが含まれることになり（親ゾーンのグルーとも照合できません）、委任なら委任先に到達できません。Knot はグルー欠落として報告し、BIND は警告します。

## 例
```
@    IN NS  ns1.example.jp.
@    IN NS  ns2.example.jp.
ns1  IN A   192.0.2.53
```
`ns2.example.jp.` にアドレスがありません。

## 修正方法
サーバーのアドレスを追加する（`ns2 IN A 192.0.2.54`）か、サーバー名を修正してください。
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
        if found
            .node
            .is_some_and(|n| cx.index.has(cx.zone, n, RType::CNAME))
            || super::has_address(cx, &found, name)
            || target::suspect(cx, r)
        {
            continue;
        }
        let server = show(name);
        let relative = crate::diag::escape(&name.relative_to(cx.zone.apex())).into_owned();
        let owner = show_id(cx, r.owner);
        em.emit(
            Diagnostic::new(
                &NS_TARGET_WITHOUT_ADDRESS,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "name server `{server}` of `{owner}` is in this zone but has no A or AAAA record",
                    "`{owner}` のネームサーバー `{server}` はこのゾーン内にありますが、A・AAAA レコードがありません"
                ),
            )
            .help(tr!(
                lang,
                "add its address, such as `{relative} IN A 192.0.2.53`, or correct the server name; without it resolvers cannot reach this server",
                "アドレスを追加する（例: `{relative} IN A 192.0.2.53`）か、サーバー名を修正してください。アドレスがないとリゾルバーはこのサーバーに到達できません"
            )),
        );
    }
}
