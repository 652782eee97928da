//! ZG504 `spf-unknown-modifier`: a modifier receivers will ignore.

use super::spf::{Kind, Modifier};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_UNKNOWN_MODIFIER: Rule = Rule {
    code: "ZG504",
    name: "spf-unknown-modifier",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §6",
    summary: Text {
        en: r#"an SPF modifier other than `redirect` and `exp`, which receivers ignore"#,
        ja: r#"受信側が無視する、`redirect` と `exp` 以外の SPF 修飾子"#,
    },
    docs: Text {
        en: r#"## What it does
Reports SPF modifiers (`name=value` terms) other than `redirect=` and `exp=`, such as a misspelt `redirct=` or `exp` written `explain=`.

## Why is this bad?
Receivers ignore modifiers they do not know (RFC 7208 §6). That is harmless for deliberate extensions, but a misspelt `redirect=` silently does nothing: the record then ends without a result, and the domain's mail gets the neutral default instead of the policy that was meant.

## Example
```
@   IN TXT "v=spf1 redirct=_spf.example.jp"
```

## How to fix
Correct the name (`redirect=`, `exp=`), or remove the term if it serves nothing.
"#,
        ja: r#"## 内容
`redirect=` と `exp=` 以外の SPF 修飾子（`name=value` 形式の項目）を報告します。綴りを誤った `redirct=` や、`exp` のつもりの `explain=` などです。

## 問題点
受信側は知らない修飾子を無視します（RFC 7208 §6）。意図的な拡張なら問題ありませんが、綴りを誤った `redirect=` は黙って何もしません。レコードは結果なしで終わり、意図したポリシーではなく中立の既定値が適用されます。

## 例
```
@   IN TXT "v=spf1 redirct=_spf.example.jp"
```

## 修正方法
名前を直す（`redirect=`, `exp=`）か、不要なら項目を削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for term in &rec.spf.terms {
            // A mechanism written with `=` is reported by ZG506 as the error it is.
            if term.kind != Kind::Modifier(Modifier::Unknown)
                || term.fault.is_some()
                || term.split_at.is_some()
            {
                continue;
            }
            let name = rec.shown(term.name.clone());
            let guess = crate::zone::customer::closest(&name, ["redirect", "exp"]);
            let help = match guess {
                Some(g) => tr!(
                    lang,
                    "did you mean `{g}=`? receivers ignore `{name}=`",
                    "`{g}=` のことですか? `{name}=` は受信側に無視されます"
                ),
                None => tr!(
                    lang,
                    "SPF defines only `redirect=` and `exp=`; remove the term unless a receiver you care about uses it",
                    "SPF で定義された修飾子は `redirect=` と `exp=` だけです。利用する受信側がなければ削除してください"
                ),
            };
            em.emit(
                Diagnostic::new(
                    &SPF_UNKNOWN_MODIFIER,
                    rec.span(cx, term.name.clone()),
                    tr!(
                        lang,
                        "unknown SPF modifier `{name}`; receivers ignore it",
                        "不明な SPF 修飾子 `{name}` です。受信側は無視します"
                    ),
                )
                .help(help),
            );
        }
    }
}
