//! ZG508 `spf-redirect-with-all`: a `redirect=` that `all` makes dead.

use super::spf::Modifier;
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_REDIRECT_WITH_ALL: Rule = Rule {
    code: "ZG508",
    name: "spf-redirect-with-all",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §6.1",
    summary: Text {
        en: r#"an SPF `redirect=` in a record that also has `all`, so it is ignored"#,
        ja: r#"`all` があるため無視される SPF の `redirect=`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `redirect=` modifier in an SPF record that also contains an `all` mechanism.

## Why is this bad?
`redirect=` is followed only when no mechanism matched, and `all` always matches; RFC 7208 §6.1 says the modifier MUST be ignored when `all` is present. The record's author usually meant the redirect target to decide, and it never does.

## Example
```
@   IN TXT "v=spf1 mx redirect=_spf.example.jp -all"
```

## How to fix
Remove `all` to let the redirect target decide, or remove `redirect=` and list its mechanisms here.
"#,
        ja: r#"## 内容
`all` メカニズムを含む SPF レコード中の `redirect=` 修飾子を報告します。

## 問題点
`redirect=` はどのメカニズムにも一致しなかったときだけ使われますが、`all` は常に一致します。RFC 7208 §6.1 は `all` があるとき `redirect=` を無視しなければならないと定めています。作成者はたいてい転送先に判定させるつもりでしたが、その判定は行われません。

## 例
```
@   IN TXT "v=spf1 mx redirect=_spf.example.jp -all"
```

## 修正方法
転送先に判定させるなら `all` を削除し、そうでなければ `redirect=` を削除して転送先のメカニズムをここに書いてください。
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
        for term in &rec.spf.terms {
            if term.modifier() != Some(Modifier::Redirect) || term.split_at.is_some() {
                continue;
            }
            let all_term = &rec.spf.terms[all];
            let all_text = rec.shown(all_term.range.clone());
            let shown = rec.shown(term.range.clone());
            em.emit(
                Diagnostic::new(
                    &SPF_REDIRECT_WITH_ALL,
                    rec.span(cx, term.range.clone()),
                    tr!(
                        lang,
                        "`{shown}` is ignored because the record has `{all_text}`",
                        "レコードに `{all_text}` があるため `{shown}` は無視されます"
                    ),
                )
                .label(
                    rec.span(cx, all_term.range.clone()),
                    tr!(lang, "`all` always matches", "`all` は常に一致します"),
                )
                .help(tr!(
                    lang,
                    "remove `{all_text}` to let the redirect decide, or remove the redirect",
                    "転送先に判定させるなら `{all_text}` を、そうでなければ redirect を削除してください"
                )),
            );
        }
    }
}
