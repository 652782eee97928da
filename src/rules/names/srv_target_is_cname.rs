//! ZG407 `srv-target-is-cname`: an SRV record whose target host is, in this zone, a CNAME.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SRV_TARGET_IS_CNAME: Rule = Rule {
    code: "ZG407",
    name: "srv-target-is-cname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 2782",
    summary: Text {
        en: r#"an SRV record whose target host is a CNAME"#,
        ja: r#"ターゲットが CNAME になっている SRV レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SRV record whose target host is, in this zone (directly or through a wildcard), a CNAME.

## Why is this bad?
RFC 2782 requires the SRV target to be a host name with address records, never an alias. Clients (SIP phones, XMPP, Active Directory, Microsoft 365's `_sip._tls` and `_sipfederationtls._tcp`) differ in whether they follow it, so the service works for some users and not others.

## Example
```
_sip._tls  IN SRV    100 1 443 sip.example.jp.
sip        IN CNAME  sipdir.online.lync.com.
```

## How to fix
Point the SRV record at the real host name (`… 443 sipdir.online.lync.com.`).
"#,
        ja: r#"## 内容
ターゲットのホストがこのゾーン内で（直接、またはワイルドカード経由で）CNAME になっている SRV レコードを報告します。

## 問題点
RFC 2782 は SRV のターゲットをアドレスレコードを持つホスト名とし、別名を禁じています。クライアント（SIP 電話、XMPP、Active Directory、Microsoft 365 の `_sip._tls` や `_sipfederationtls._tcp` など）によって別名をたどるかどうかが異なるため、利用者によってサービスが使えたり使えなかったりします。

## 例
```
_sip._tls  IN SRV    100 1 443 sip.example.jp.
sip        IN CNAME  sipdir.online.lync.com.
```

## 修正方法
SRV レコードを実際のホスト名に向けてください（`… 443 sipdir.online.lync.com.`）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (r, host) in super::hosts(cx, super::Hosted::Srv) {
        let super::Host::Cname(name, cname) = host else {
            continue;
        };
        let name = show(name);
        em.emit(
            Diagnostic::new(
                &SRV_TARGET_IS_CNAME,
                cx.rdata_field_span(r, 3),
                tr!(
                    lang,
                    "SRV target `{name}` is a CNAME; it must be the host itself",
                    "SRV のターゲット `{name}` は CNAME です。ホスト自身の名前が必要です"
                ),
            )
            .label(cx.type_span(cname), tr!(lang, "CNAME here", "CNAME はここ"))
            .help(tr!(
                lang,
                "clients differ in whether they follow an alias here; point the SRV record at the real host name",
                "ここで別名をたどるかどうかはクライアントによって異なります。SRV レコードを実際のホスト名に向けてください"
            )),
        );
    }
}
