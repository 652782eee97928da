//! ZG405 `malformed-null-mx`: an MX to `.` with a preference other than 0.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::rdata::view;

pub static MALFORMED_NULL_MX: Rule = Rule {
    code: "ZG405",
    name: "malformed-null-mx",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7505 §3",
    summary: Text {
        en: r#"a null MX (an MX to `.`) whose preference is not 0"#,
        ja: r#"優先度が 0 ではない null MX（`.` への MX）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an MX record whose mail server is `.` (the root) but whose preference is not 0.

## Why is this bad?
A null MX, which says the domain accepts no mail, is exactly `MX 0 .` (RFC 7505 §3). With another preference, senders do not recognise it: instead of failing at once, they try to deliver to a host named `.`, and the message bounces only after days of retries.

## Example
```
@  IN MX  10 .
```

## How to fix
Write `@ IN MX 0 .` if the domain takes no mail, or name the real mail server if it does.
"#,
        ja: r#"## 内容
メールサーバーが `.`（ルート）なのに優先度が 0 ではない MX レコードを報告します。

## 問題点
ドメインがメールを受け付けないことを示す null MX は、正確に `MX 0 .` です（RFC 7505 §3）。他の優先度では送信側が null MX と認識せず、すぐに失敗する代わりに `.` というホストに配送を試み、数日の再送の後にようやく返送されます。

## 例
```
@  IN MX  10 .
```

## 修正方法
メールを受け取らないなら `@ IN MX 0 .` と書き、受け取るなら実際のメールサーバーを書いてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let nulls = &crate::rules::mail::m365::special_mxs(cx).null;
    for r in nulls.iter().map(|&i| &cx.zone.records[i as usize]) {
        let Some(mx) = view::mx(cx.zone.rdata(r)) else {
            continue;
        };
        // The list holds null MX records only: the preference is what is left to check.
        if mx.preference == 0 {
            continue;
        }
        let pref = mx.preference;
        em.emit(
            Diagnostic::new(
                &MALFORMED_NULL_MX,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "an MX to `.` (a null MX) must have preference 0, not {pref}",
                    "`.` への MX（null MX）の優先度は {pref} ではなく 0 でなければなりません"
                ),
            )
            .help(tr!(
                lang,
                "senders only recognise `MX 0 .` as \"no mail\"; write `MX 0 .`, or name the real mail server",
                "送信側が「メールなし」と認識するのは `MX 0 .` だけです。`MX 0 .` と書くか、実際のメールサーバーを書いてください"
            )),
        );
    }
}
