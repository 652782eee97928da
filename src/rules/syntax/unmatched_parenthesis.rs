//! ZG012 `unmatched-parenthesis`: a `)` without a matching `(`.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNMATCHED_PARENTHESIS: Rule = Rule {
    code: "ZG012",
    name: "unmatched-parenthesis",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a `)` without a matching `(`"#,
        ja: r#"対応する `(` のない `)`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `)` that closes nothing.

## Why is this bad?
A stray `)` usually means the `(` was forgotten, so a record meant to span several lines was cut at its first line.

## Example
```
www     IN A   192.0.2.1 )
```

## How to fix
Remove the `)`, or add the `(` where the record's continuation begins.
"#,
        ja: r#"## 内容
何も閉じていない `)` を報告します。

## 問題点
余分な `)` は多くの場合 `(` の書き忘れで、複数行にわたるはずのレコードが最初の行で切れています。

## 例
```
www     IN A   192.0.2.1 )
```

## 修正方法
`)` を削除するか、レコードの継続が始まる位置に `(` を追加してください。
"#,
    },
    check: Check::Emitted,
};
