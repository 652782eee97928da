//! ZG507 `spf-all-not-last`: terms after `all`, which receivers never reach.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_ALL_NOT_LAST: Rule = Rule {
    code: "ZG507",
    name: "spf-all-not-last",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §5.1",
    summary: Text {
        en: r#"mechanisms after `all` in an SPF record, which are never evaluated"#,
        ja: r#"評価されることのない、`all` より後の SPF メカニズム"#,
    },
    docs: Text {
        en: r#"## What it does
Reports SPF mechanisms written after the `all` mechanism.

## Why is this bad?
`all` always matches, so evaluation ends there (RFC 7208 §5.1): mechanisms after it are never tested. The servers they were meant to authorise — often a service added at the end of the record — fail SPF.

## Example
```
@   IN TXT "v=spf1 include:spf.example-isp.jp -all include:spf.protection.outlook.com"
```

## How to fix
Move `all` to the end: `"v=spf1 include:spf.example-isp.jp include:spf.protection.outlook.com -all"`.
"#,
        ja: r#"## 内容
`all` メカニズムより後に書かれた SPF メカニズムを報告します。

## 問題点
`all` は常に一致するため、評価はそこで終わります（RFC 7208 §5.1）。後ろのメカニズムは一度も評価されず、許可するはずだったサーバー（レコードの末尾に追加したサービスなど）は SPF に失敗します。

## 例
```
@   IN TXT "v=spf1 include:spf.example-isp.jp -all include:spf.protection.outlook.com"
```

## 修正方法
`all` を最後に移してください: `"v=spf1 include:spf.example-isp.jp include:spf.protection.outlook.com -all"`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        let Some(all) = rec.spf.all_index() else {
            continue;
        };
        let after: Vec<_> = rec.spf.terms[all + 1..]
            .iter()
            .filter(|t| t.mech().is_some())
            .collect();
        let (Some(first), Some(last)) = (after.first(), after.last()) else {
            continue;
        };
        let all_term = &rec.spf.terms[all];
        let all_text = rec.shown(all_term.range.clone());
        let n = after.len();
        em.emit(
            Diagnostic::new(
                &SPF_ALL_NOT_LAST,
                rec.span(cx, first.range.start..last.range.end),
                if n == 1 {
                    tr!(
                        lang,
                        "the SPF mechanism after `{all_text}` is never evaluated",
                        "`{all_text}` より後の SPF メカニズムは評価されません"
                    )
                } else {
                    tr!(
                        lang,
                        "{n} SPF mechanisms after `{all_text}` are never evaluated",
                        "`{all_text}` より後の SPF メカニズム {n} 個は評価されません"
                    )
                },
            )
            .label(
                rec.span(cx, all_term.range.clone()),
                tr!(lang, "evaluation ends here", "評価はここで終わります"),
            )
            .help(tr!(
                lang,
                "move `{all_text}` to the end of the record",
                "`{all_text}` をレコードの最後に移してください"
            )),
        );
    }
}
