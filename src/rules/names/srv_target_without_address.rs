//! ZG408 `srv-target-without-address`: an SRV record whose target host, in this zone, has no address.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SRV_TARGET_WITHOUT_ADDRESS: Rule = Rule {
    code: "ZG408",
    name: "srv-target-without-address",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 2782",
    summary: Text {
        en: r#"an SRV record whose target host is in this zone but has no address"#,
        ja: r#"ターゲットがこのゾーン内にあるのにアドレスがない SRV レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SRV record whose target lies in this zone's own data but has no A or AAAA record there (a wildcard address counts). A target of `.` means "no such service here" and is fine; targets in other zones cannot be checked offline.

## Why is this bad?
Clients look up the target's address to connect (RFC 2782); with none, the service is unreachable even though the SRV record is published.

## Example
```
_imaps._tcp  IN SRV  0 1 993 imap.example.jp.
```
and no `imap` A record.

## How to fix
Add the host's address (`imap IN A 192.0.2.143`), or correct the target.
"#,
        ja: r#"## 内容
ターゲットがこのゾーン自身のデータの中にあるのに、その名前に A・AAAA レコードがない（ワイルドカードのアドレスも含めて）SRV レコードを報告します。ターゲット `.` は「このサービスはない」という意味で問題ありません。他のゾーンのターゲットはオフラインでは確認できません。

## 問題点
クライアントは接続のためにターゲットのアドレスを調べます（RFC 2782）。ないと、SRV レコードが公開されていてもサービスに到達できません。

## 例
```
_imaps._tcp  IN SRV  0 1 993 imap.example.jp.
```
`imap` の A レコードがない。

## 修正方法
ホストのアドレスを追加する（`imap IN A 192.0.2.143`）か、ターゲットを修正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (r, host) in super::hosts(cx, super::Hosted::Srv) {
        let super::Host::NoAddress(name) = host else {
            continue;
        };
        let relative = crate::diag::escape(&name.relative_to(cx.zone.apex())).into_owned();
        let name = show(name);
        em.emit(
            Diagnostic::new(
                &SRV_TARGET_WITHOUT_ADDRESS,
                cx.rdata_field_span(r, 3),
                tr!(
                    lang,
                    "SRV target `{name}` is in this zone but has no A or AAAA record",
                    "SRV のターゲット `{name}` はこのゾーン内にありますが、A・AAAA レコードがありません"
                ),
            )
            .help(tr!(
                lang,
                "clients cannot connect to the service; add the host's address (`{relative} IN A 192.0.2.10`), or correct the target",
                "クライアントはサービスに接続できません。ホストのアドレスを追加する（`{relative} IN A 192.0.2.10`）か、ターゲットを修正してください"
            )),
        );
    }
}
