//! ZG509 `spf-duplicate-modifier`: `redirect=` or `exp=` more than once.

use super::spf::Modifier;
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_DUPLICATE_MODIFIER: Rule = Rule {
    code: "ZG509",
    name: "spf-duplicate-modifier",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §6",
    summary: Text {
        en: r#"an SPF record with `redirect=` or `exp=` more than once"#,
        ja: r#"`redirect=` または `exp=` が複数ある SPF レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SPF record in which `redirect=` or `exp=` appears more than once.

## Why is this bad?
Each of these modifiers may appear at most once (RFC 7208 §6); a record with two is a syntax error, and receivers return "permerror" for the whole record.

## Example
```
@   IN TXT "v=spf1 redirect=_spf.example.jp redirect=_spf2.example.jp"
```

## How to fix
Keep one. To authorise the servers of several domains, use `include:` for each instead of `redirect=`.
"#,
        ja: r#"## 内容
`redirect=` または `exp=` が 2 回以上現れる SPF レコードを報告します。

## 問題点
これらの修飾子はそれぞれ 1 回までしか書けません（RFC 7208 §6）。2 つあるレコードは文法エラーで、受信側はレコード全体について "permerror" を返します。

## 例
```
@   IN TXT "v=spf1 redirect=_spf.example.jp redirect=_spf2.example.jp"
```

## 修正方法
1 つだけ残してください。複数ドメインのサーバーを許可するなら、`redirect=` ではなくそれぞれに `include:` を使います。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for kind in [Modifier::Redirect, Modifier::Exp] {
            let mut terms = rec.spf.terms.iter().filter(|t| t.modifier() == Some(kind));
            let Some(first) = terms.next() else { continue };
            let name = if kind == Modifier::Redirect {
                "redirect="
            } else {
                "exp="
            };
            for dup in terms {
                em.emit(
                    Diagnostic::new(
                        &SPF_DUPLICATE_MODIFIER,
                        rec.span(cx, dup.range.clone()),
                        tr!(
                            lang,
                            "`{name}` appears more than once; receivers reject the record (permerror)",
                            "`{name}` が複数あります。受信側はレコードを無効（permerror）とします"
                        ),
                    )
                    .label(
                        rec.span(cx, first.range.clone()),
                        tr!(lang, "first one here", "最初の指定"),
                    )
                    .help(if kind == Modifier::Redirect {
                        tr!(
                            lang,
                            "keep one `redirect=`; use `include:` for each further domain",
                            "`redirect=` は 1 つだけにし、ほかのドメインにはそれぞれ `include:` を使ってください"
                        )
                    } else {
                        tr!(lang, "keep one `exp=`", "`exp=` は 1 つだけにしてください")
                    }),
                );
            }
        }
    }
}
