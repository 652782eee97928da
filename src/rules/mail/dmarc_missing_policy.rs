//! ZG522 `dmarc-missing-policy`: a DMARC record without `p=`.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_MISSING_POLICY: Rule = Rule {
    code: "ZG522",
    name: "dmarc-missing-policy",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3, §6.6.3",
    summary: Text {
        en: r#"a DMARC record without the required `p=` policy"#,
        ja: r#"必須の `p=` ポリシーがない DMARC レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DMARC records (`v=DMARC1` at a `_dmarc` name) that have no `p=` tag.

## Why is this bad?
`p=` is required (RFC 7489 §6.3). Without it, receivers apply no DMARC at all, or — when a valid `rua=` is present — act as if `p=none` had been written (§6.6.3). Either way the policy the customer meant is not in force.

## Example
```
_dmarc  IN TXT "v=DMARC1; rua=mailto:dmarc@example.jp"
```

## How to fix
Add the policy right after the version: `"v=DMARC1; p=none; rua=mailto:dmarc@example.jp"` (`none` to monitor, then `quarantine` or `reject`).
"#,
        ja: r#"## 内容
`p=` タグのない DMARC レコード（`_dmarc` の名前にある `v=DMARC1`）を報告します。

## 問題点
`p=` は必須です（RFC 7489 §6.3）。ないと受信側は DMARC を適用しないか、正しい `rua=` があれば `p=none` と書かれたものとして扱います（§6.6.3）。いずれにしても、お客様が意図したポリシーは効きません。

## 例
```
_dmarc  IN TXT "v=DMARC1; rua=mailto:dmarc@example.jp"
```

## 修正方法
バージョンの直後にポリシーを追加してください: `"v=DMARC1; p=none; rua=mailto:dmarc@example.jp"`（監視なら `none`、その後 `quarantine` や `reject` に）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        if rec.get("p").is_some() {
            continue;
        }
        // `P=reject` is ZG527's (tag names are case-sensitive); say it here too, as the cause.
        let upper = rec.get("P").is_some();
        let v = &rec.tags.tags[0];
        let help = if upper {
            tr!(
                lang,
                "tag names are lower case: write `p=`, not `P=`",
                "タグ名は小文字です。`P=` ではなく `p=` と書いてください"
            )
        } else {
            tr!(
                lang,
                "add `p=none` (monitor), `p=quarantine` or `p=reject` after `v=DMARC1;`",
                "`v=DMARC1;` の後に `p=none`（監視）、`p=quarantine`、`p=reject` のいずれかを追加してください"
            )
        };
        em.emit(
            Diagnostic::new(
                &DMARC_MISSING_POLICY,
                rec.span(cx, v.range.clone()),
                tr!(
                    lang,
                    "this DMARC record has no `p=` policy",
                    "この DMARC レコードには `p=` ポリシーがありません"
                ),
            )
            .help(help),
        );
    }
}
