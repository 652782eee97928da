//! ZG064 `missing-priority`: an MX or SRV row of a record table without a priority.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_PRIORITY: Rule = Rule {
    code: "ZG064",
    name: "missing-priority",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3.9, RFC 2782",
    summary: Text {
        en: r#"an MX or SRV row of a record table without a priority"#,
        ja: r#"優先度のない MX または SRV のレコード表の行"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an MX, SRV, URI, SVCB or HTTPS row that has no priority, neither in a priority column nor at the start of the value.

## Why is this bad?
The priority is part of the record; without it the record cannot be written. Tables often keep it in a column of its own (優先度), which is easy to leave empty.

## Example
```
ホスト名,タイプ,優先度,値
@,MX,,mail.example.jp
```

## How to fix
Write the priority in the priority column, for example `10` (lower is preferred), or at the start of the value (`10 mail.example.jp`).
"#,
        ja: r#"## 内容
MX, SRV, URI, SVCB, HTTPS の行で、優先度の列にも値の先頭にも優先度がないものを報告します。

## 問題点
優先度はレコードの一部で、ないとレコードを書けません。表では専用の列（優先度）にあることが多く、空欄のままになりがちです。

## 例
```
ホスト名,タイプ,優先度,値
@,MX,,mail.example.jp
```

## 修正方法
優先度の列に優先度（例: `10`、小さいほど優先）を書くか、値の先頭に書いてください（`10 mail.example.jp`）。
"#,
    },
    check: Check::Emitted,
};
