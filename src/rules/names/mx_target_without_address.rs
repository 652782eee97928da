//! ZG403 `mx-target-without-address`: an MX record whose mail server, in this zone, has no address.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static MX_TARGET_WITHOUT_ADDRESS: Rule = Rule {
    code: "ZG403",
    name: "mx-target-without-address",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 5321 §5.1",
    summary: Text {
        en: r#"an MX record whose mail server is in this zone but has no address"#,
        ja: r#"メールサーバーがこのゾーン内にあるのにアドレスがない MX レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an MX record whose mail server name lies in this zone's own data but has no A or AAAA record there (a wildcard address counts). Servers in other zones cannot be checked offline; a null MX (`0 .`) has no server.

## Why is this bad?
Senders look up the mail server's address (RFC 5321 §5.1); with none, mail to the domain cannot be delivered and bounces after days of retries. The usual cause is a `mail` A record that was left out of the submission, or a typo in the MX.

## Example
```
@  IN MX  10 mail.example.jp.
```
and no `mail` A record.

## How to fix
Add the server's address (`mail IN A 192.0.2.25`), or correct the MX target.
"#,
        ja: r#"## 内容
メールサーバー名がこのゾーン自身のデータの中にあるのに、その名前に A・AAAA レコードがない（ワイルドカードのアドレスも含めて）MX レコードを報告します。他のゾーンのサーバーはオフラインでは確認できません。null MX（`0 .`）にはサーバーがありません。

## 問題点
送信側はメールサーバーのアドレスを調べます（RFC 5321 §5.1）。ないとドメイン宛てのメールは配送できず、数日の再送の後に返送されます。提出物から `mail` の A レコードが漏れているか、MX の打ち間違いがよくある原因です。

## 例
```
@  IN MX  10 mail.example.jp.
```
`mail` の A レコードがない。

## 修正方法
サーバーのアドレスを追加する（`mail IN A 192.0.2.25`）か、MX の指す先を修正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (r, host) in super::hosts(cx, super::Hosted::Mx) {
        let super::Host::NoAddress(name) = host else {
            continue;
        };
        let relative = crate::diag::escape(&name.relative_to(cx.zone.apex())).into_owned();
        let name = show(name);
        em.emit(
            Diagnostic::new(
                &MX_TARGET_WITHOUT_ADDRESS,
                cx.rdata_field_span(r, 1),
                tr!(
                    lang,
                    "mail server `{name}` is in this zone but has no A or AAAA record",
                    "メールサーバー `{name}` はこのゾーン内にありますが、A・AAAA レコードがありません"
                ),
            )
            .help(tr!(
                lang,
                "mail to this domain cannot be delivered; add the server's address (`{relative} IN A 192.0.2.25`), or correct the MX target",
                "このドメイン宛てのメールを配送できません。サーバーのアドレスを追加する（`{relative} IN A 192.0.2.25`）か、MX の指す先を修正してください"
            )),
        );
    }
}
