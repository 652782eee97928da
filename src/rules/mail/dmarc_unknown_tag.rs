//! ZG527 `dmarc-unknown-tag`: a DMARC tag receivers do not know.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_UNKNOWN_TAG: Rule = Rule {
    code: "ZG527",
    name: "dmarc-unknown-tag",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3",
    summary: Text {
        en: r#"a DMARC tag that is not defined, which receivers ignore"#,
        ja: r#"定義されておらず受信側が無視する DMARC タグ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports tags in a DMARC record other than `v`, `p`, `sp`, `rua`, `ruf`, `adkim`, `aspf`, `ri`, `fo`, `rf` and `pct` (and DMARCbis's `np`, `t`, `psd`), such as `ruf` misspelt `rfu`, or `P=` in upper case (tag names are case-sensitive).

## Why is this bad?
Receivers ignore unknown tags (RFC 7489 §6.3), so whatever the tag was meant to say does not happen: reports are not sent, the policy is not applied.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=none; report=mailto:dmarc@example.jp"
```

## How to fix
Use the defined tag name (`rua=` for aggregate reports), in lower case, or remove the tag.
"#,
        ja: r#"## 内容
`v`, `p`, `sp`, `rua`, `ruf`, `adkim`, `aspf`, `ri`, `fo`, `rf`, `pct`（と DMARCbis の `np`, `t`, `psd`）以外の DMARC タグを報告します。`ruf` の綴り誤り `rfu` や、大文字の `P=`（タグ名は大文字と小文字を区別します）などです。

## 問題点
受信側は不明なタグを無視します（RFC 7489 §6.3）。そのタグで意図したこと（レポート送付やポリシー適用）は行われません。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=none; report=mailto:dmarc@example.jp"
```

## 修正方法
定義されたタグ名を小文字で使う（集約レポートなら `rua=`）か、タグを削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        for tag in &rec.tags.tags {
            let name = rec.bytes(tag.name.clone());
            if super::DMARC_TAGS.iter().any(|k| k.as_bytes() == name) {
                continue;
            }
            let shown = rec.shown(tag.name.clone());
            let lower = shown.to_ascii_lowercase();
            let guess = if super::DMARC_TAGS.contains(&lower.as_str()) {
                Some(lower.as_str())
            } else if matches!(
                lower.as_str(),
                "report" | "reports" | "rua_uri" | "aggregate"
            ) {
                Some("rua")
            } else {
                crate::zone::customer::closest(&lower, super::DMARC_TAGS.iter().copied())
                    .filter(|g| g.len() > 1)
            };
            let help = match guess {
                Some(g) if g == lower && g != shown => tr!(
                    lang,
                    "tag names are case-sensitive: write `{g}=`",
                    "タグ名は大文字と小文字を区別します。`{g}=` と書いてください"
                ),
                Some(g) => tr!(lang, "did you mean `{g}=`?", "`{g}=` のことですか?"),
                None => tr!(
                    lang,
                    "remove it, or use one of v, p, sp, rua, ruf, adkim, aspf, ri, fo, rf, pct",
                    "削除するか、v, p, sp, rua, ruf, adkim, aspf, ri, fo, rf, pct のいずれかを使ってください"
                ),
            };
            em.emit(
                Diagnostic::new(
                    &DMARC_UNKNOWN_TAG,
                    rec.span(cx, tag.name.clone()),
                    tr!(
                        lang,
                        "unknown DMARC tag `{shown}`; receivers ignore it",
                        "不明な DMARC タグ `{shown}` です。受信側は無視します"
                    ),
                )
                .help(help),
            );
        }
    }
}
