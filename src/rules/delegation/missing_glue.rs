//! ZG206 `missing-glue`: a delegation whose name server lies inside it, with no glue address.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{show, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::Place;

pub static MISSING_GLUE: Rule = Rule {
    code: "ZG206",
    name: "missing-glue",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 9471 §2.1",
    summary: Text {
        en: r#"a delegation to a name server inside it, without the glue address"#,
        ja: r#"委任先の内側にあるネームサーバーへの委任にグルーアドレスがない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an NS record of a delegation below the apex whose server name is at or below the delegated name (an in-domain server), when this zone gives no A or AAAA record for it. A wildcard address below the delegation counts, as it does for Knot.

## Why is this bad?
To find `ns1.shop.example.jp.` a resolver must ask the servers of `shop.example.jp.`, and those are the very servers it is looking for. Only the glue address here breaks the circle (RFC 9471 §2.1 makes it required). Without it, the delegated zone cannot be resolved at all.

## Example
```
shop      IN NS  ns1.shop.example.jp.
shop      IN NS  ns2.shop.example.jp.
ns1.shop  IN A   192.0.2.10
```
`ns2.shop.example.jp.` has no glue.

## How to fix
Add the server's address below the delegation (`ns2.shop IN A 192.0.2.11`), taken from the delegated zone's own records.
"#,
        ja: r#"## 内容
頂点より下の委任の NS レコードで、サーバー名が委任された名前またはその下にある（ドメイン内サーバー）のに、このゾーンに A・AAAA レコードがないものを報告します。Knot と同様に、委任の下のワイルドカードのアドレスも数えます。

## 問題点
`ns1.shop.example.jp.` を調べるには `shop.example.jp.` のサーバーに問い合わせる必要がありますが、それこそが探しているサーバーです。この循環を断ち切れるのはここにあるグルーアドレスだけです（RFC 9471 §2.1 で必須）。ないと委任先のゾーンはまったく名前解決できません。

## 例
```
shop      IN NS  ns1.shop.example.jp.
shop      IN NS  ns2.shop.example.jp.
ns1.shop  IN A   192.0.2.10
```
`ns2.shop.example.jp.` にグルーがありません。

## 修正方法
委任の下にサーバーのアドレスを追加してください（`ns2.shop IN A 192.0.2.11`）。値は委任先ゾーン自身のレコードから取ってください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let tree = cx.tree();
    for r in super::live_ns(cx).filter(|r| tree.place(r.owner) == Place::Cut) {
        let super::Server::OwnGlue(name, found) = super::server(cx, r) else {
            continue;
        };
        if super::has_address(cx, &found, name) || target::suspect(cx, r) {
            continue;
        }
        let server = show(name);
        let zone = show_id(cx, r.owner);
        let relative = crate::diag::escape(&name.relative_to(cx.zone.apex())).into_owned();
        em.emit(
            Diagnostic::new(
                &MISSING_GLUE,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "the delegation of `{zone}` needs glue: its name server `{server}` is inside it and has no A or AAAA record here",
                    "`{zone}` の委任にはグルーが必要です: ネームサーバー `{server}` は委任先の内側にあり、ここに A・AAAA レコードがありません"
                ),
            )
            .help(tr!(
                lang,
                "add the server's address, such as `{relative} IN A 192.0.2.53` (from the delegated zone's records); without it `{zone}` cannot be resolved",
                "サーバーのアドレスを追加してください（例: `{relative} IN A 192.0.2.53`、値は委任先ゾーンのレコードから）。ないと `{zone}` は名前解決できません"
            )),
        );
    }
}
