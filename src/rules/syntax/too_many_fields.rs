//! ZG006 `too-many-fields`: a record with more fields than the intake limit.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static TOO_MANY_FIELDS: Rule = Rule {
    code: "ZG006",
    name: "too-many-fields",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a record with more fields than the intake limit"#,
        ja: r#"受付上限より多いフィールドを持つレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record with more fields than `--max-fields` (70,000 by default) and skips it.

## Why is this bad?
A record that long usually means a `(` or `"` was never closed and the rest of the file became one record.

## Example
```
txt     IN TXT "s0" "s1" "s2" "s3" "s4" "s5" "s6" "s7" "s8" "s9" "s10" "s11"
```

## How to fix
Look above the reported line for a missing `)` or `"`.
"#,
        ja: r#"## 内容
`--max-fields`（既定 70,000）より多いフィールドを持つレコードを報告し、読み飛ばします。

## 問題点
これほど長いレコードは、たいてい `(` や `"` が閉じられず、ファイルの残りが 1 つのレコードになったことを意味します。

## 例
```
txt     IN TXT "s0" "s1" "s2" "s3" "s4" "s5" "s6" "s7" "s8" "s9" "s10" "s11"
```

## 修正方法
報告された行より上で `)` や `"` の閉じ忘れを探してください。
"#,
    },
    check: Check::Emitted,
};
