//! ZG313 `cname-to-self`: a CNAME that names its own owner.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::RType;

pub static CNAME_TO_SELF: Rule = Rule {
    code: "ZG313",
    name: "cname-to-self",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §3.6.2",
    summary: Text {
        en: r#"a CNAME that points to its own name"#,
        ja: r#"自分自身の名前を指す CNAME"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a CNAME whose target is its own owner name.

## Why is this bad?
The name is an alias for itself: resolution loops at once and fails with SERVFAIL, so the name does not resolve at all. It is usually a form filled in with the wrong field (the name where the target belongs).

## Example
```
www  IN CNAME  www.example.jp.
```

## How to fix
Write the host the name should lead to (`www IN CNAME shop.example.net.`), or replace the CNAME with A/AAAA records.
"#,
        ja: r#"## 内容
指す先が自分自身の所有者名である CNAME を報告します。

## 問題点
名前が自分自身の別名になり、名前解決はただちにループして SERVFAIL で失敗するため、その名前はまったく解決できません。入力欄の取り違え（指す先の欄に名前を書いた）がよくある原因です。

## 例
```
www  IN CNAME  www.example.jp.
```

## 修正方法
その名前が向かうべきホストを書く（`www IN CNAME shop.example.net.`）か、CNAME を A・AAAA レコードに置き換えてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for r in cx.records_of(RType::CNAME) {
        let Some(t) = target::target(cx, r) else {
            continue;
        };
        if !t.eq_ignore_case(cx.zone.owner(r)) {
            continue;
        }
        let name = show_id(cx, r.owner);
        em.emit(
            Diagnostic::new(
                &CNAME_TO_SELF,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "`{name}` is a CNAME to itself",
                    "`{name}` は自分自身を指す CNAME です"
                ),
            )
            .help(tr!(
                lang,
                "the name cannot resolve; write the host it should lead to, or replace the CNAME with A/AAAA records",
                "この名前は名前解決できません。向かうべきホストを書くか、CNAME を A・AAAA レコードに置き換えてください"
            )),
        );
    }
}
