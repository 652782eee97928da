//! ZG505 `spf-invalid-qualifier`: an SPF term that starts with something other than a
//! qualifier (`+ - ~ ?`) or a letter.

use super::spf::{Kind, QualifierFault};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_INVALID_QUALIFIER: Rule = Rule {
    code: "ZG505",
    name: "spf-invalid-qualifier",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §4.6.2, §12",
    summary: Text {
        en: r#"an SPF qualifier other than `+`, `-`, `~` or `?`, doubled, alone, or on a modifier"#,
        ja: r#"`+` `-` `~` `?` 以外の SPF 修飾記号、または重複・単独・修飾子への付与"#,
    },
    docs: Text {
        en: r#"## What it does
Reports SPF terms whose qualifier is wrong: a character that is not `+`, `-`, `~` or `?` (`!all`, `*all`, and look-alikes such as the Unicode minus `−all` or the full-width tilde `～all` that word processors and Japanese input methods produce), two qualifiers (`~-all`), a qualifier with nothing after it, or a qualifier in front of a modifier (`-redirect=`).

## Why is this bad?
The record no longer matches the SPF grammar (RFC 7208 §12), so receivers return "permerror" and ignore the whole record. A look-alike minus is invisible in most fonts, which makes this fault hard to find by eye.

## Example
```
@   IN TXT "v=spf1 include:spf.protection.outlook.com −all"
```

## How to fix
Type the qualifier as an ASCII character: `-all` (fail), `~all` (soft fail), `?all` (neutral) or `+all`.
"#,
        ja: r#"## 内容
修飾記号が誤っている SPF 項目を報告します。`+` `-` `~` `?` 以外の文字（`!all`、`*all`、ワープロや日本語入力で入るマイナス記号 `−all` や全角チルダ `～all` などの似た文字）、記号の重複（`~-all`）、記号だけの項目、修飾子に付けた記号（`-redirect=`）です。

## 問題点
レコードが SPF の文法（RFC 7208 §12）に合わなくなるため、受信側は "permerror" としてレコード全体を無視します。似た文字のマイナスは多くのフォントで見分けがつかず、目視では見つけにくい誤りです。

## 例
```
@   IN TXT "v=spf1 include:spf.protection.outlook.com −all"
```

## 修正方法
修飾記号は半角で入力してください: `-all`（fail）、`~all`（softfail）、`?all`（neutral）、`+all`。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for term in &rec.spf.terms {
            let Kind::BadQualifier(fault) = term.kind else {
                continue;
            };
            if term.split_at.is_some() {
                continue;
            }
            let shown = rec.shown(term.range.clone());
            let q = rec.shown(term.name.clone());
            let rest = rec.shown(term.name.end..term.range.end);
            let (message, help) = match fault {
                QualifierFault::NotAQualifier { meant: Some(m) } => {
                    let code = term_code_points(rec.bytes(term.name.clone()));
                    (
                        tr!(
                            lang,
                            "`{q}` ({code}) in `{shown}` looks like `{m}` but is not the ASCII qualifier",
                            "`{shown}` の `{q}`（{code}）は `{m}` に見えますが半角の修飾記号ではありません"
                        ),
                        tr!(
                            lang,
                            "type it as ASCII: `{m}{rest}`",
                            "半角で入力してください: `{m}{rest}`"
                        ),
                    )
                }
                QualifierFault::NotAQualifier { meant: None } => (
                    tr!(
                        lang,
                        "`{shown}` starts with `{q}`, which is not an SPF qualifier",
                        "`{shown}` の先頭の `{q}` は SPF の修飾記号ではありません"
                    ),
                    tr!(
                        lang,
                        "the qualifiers are `-` (fail), `~` (soft fail), `?` (neutral) and `+` (pass)",
                        "修飾記号は `-`（fail）、`~`（softfail）、`?`（neutral）、`+`（pass）です"
                    ),
                ),
                QualifierFault::Doubled => (
                    tr!(
                        lang,
                        "`{shown}` has two qualifiers",
                        "`{shown}` に修飾記号が 2 つあります"
                    ),
                    tr!(
                        lang,
                        "keep one: `-` (fail), `~` (soft fail), `?` (neutral) or `+` (pass)",
                        "1 つだけにしてください: `-`（fail）、`~`（softfail）、`?`（neutral）、`+`（pass）"
                    ),
                ),
                QualifierFault::Alone => (
                    tr!(
                        lang,
                        "the qualifier `{shown}` is not followed by a mechanism",
                        "修飾記号 `{shown}` の後にメカニズムがありません"
                    ),
                    tr!(
                        lang,
                        "write the qualifier directly before its mechanism, without a space: `{shown}all`, not `{shown} all`",
                        "修飾記号はメカニズムの直前に空白なしで書いてください: `{shown} all` ではなく `{shown}all`"
                    ),
                ),
                QualifierFault::OnModifier => (
                    tr!(
                        lang,
                        "modifiers take no qualifier: `{shown}`",
                        "修飾子には修飾記号を付けられません: `{shown}`"
                    ),
                    tr!(lang, "remove the `{q}`", "`{q}` を削除してください"),
                ),
            };
            em.emit(
                Diagnostic::new(
                    &SPF_INVALID_QUALIFIER,
                    rec.span(cx, term.name.clone()),
                    message,
                )
                .help(help),
            );
        }
    }
}

/// `U+2212`, for naming an invisible difference.
fn term_code_points(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}
