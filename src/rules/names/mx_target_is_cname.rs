//! ZG401 `mx-target-is-cname`: an MX record whose mail server is, in this zone, a CNAME.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static MX_TARGET_IS_CNAME: Rule = Rule {
    code: "ZG401",
    name: "mx-target-is-cname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 2181 §10.3, RFC 5321 §5.1",
    summary: Text {
        en: r#"an MX record whose mail server is a CNAME"#,
        ja: r#"メールサーバー名が CNAME になっている MX レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an MX record whose mail server name is, in this zone (directly or through a wildcard), a CNAME.

## Why is this bad?
The host in an MX record must be the server's own name, never an alias (RFC 2181 §10.3, RFC 5321 §5.1). Many mail servers follow the alias anyway, but some refuse to deliver or treat it as a configuration error, so mail to the domain is lost or delayed for some senders.

## Example
```
@     IN MX     10 mail.example.jp.
mail  IN CNAME  mx.provider.example.
```

## How to fix
Point the MX at the real host name (`@ IN MX 10 mx.provider.example.`), or replace the CNAME with A/AAAA records.
"#,
        ja: r#"## 内容
メールサーバー名がこのゾーン内で（直接、またはワイルドカード経由で）CNAME になっている MX レコードを報告します。

## 問題点
MX レコードのホストはサーバー自身の名前でなければならず、別名であってはなりません（RFC 2181 §10.3、RFC 5321 §5.1）。多くのメールサーバーは別名をたどりますが、配送を拒否したり設定誤りとして扱ったりするものもあり、一部の送信者からのメールが失われたり遅れたりします。

## 例
```
@     IN MX     10 mail.example.jp.
mail  IN CNAME  mx.provider.example.
```

## 修正方法
MX を実際のホスト名に向ける（`@ IN MX 10 mx.provider.example.`）か、CNAME を A・AAAA レコードに置き換えてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (r, host) in super::hosts(cx, super::Hosted::Mx) {
        let super::Host::Cname(name, cname) = host else {
            continue;
        };
        let name = show(name);
        em.emit(
            Diagnostic::new(
                &MX_TARGET_IS_CNAME,
                cx.rdata_field_span(r, 1),
                tr!(
                    lang,
                    "mail server `{name}` is a CNAME; an MX record must name the server itself",
                    "メールサーバー `{name}` は CNAME です。MX レコードにはサーバー自身の名前が必要です"
                ),
            )
            .label(cx.type_span(cname), tr!(lang, "CNAME here", "CNAME はここ"))
            .help(tr!(
                lang,
                "some mail servers refuse to deliver through an alias; point the MX at the real host name, or replace the CNAME with A/AAAA records",
                "別名経由の配送を拒否するメールサーバーがあります。MX を実際のホスト名に向けるか、CNAME を A・AAAA レコードに置き換えてください"
            )),
        );
    }
}
