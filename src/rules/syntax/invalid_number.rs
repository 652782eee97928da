//! ZG042 `invalid-number`: a numeric field that is not a number in range.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_NUMBER: Rule = Rule {
    code: "ZG042",
    name: "invalid-number",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3",
    summary: Text {
        en: r#"a numeric field that is not a number in range"#,
        ja: r#"範囲内の数値ではない数値フィールド"#,
    },
    docs: Text {
        en: r#"## What it does
Reports numeric fields (MX preference, SRV port, SOA timers, ...) that are not decimal numbers, or that exceed their field's size.

## Why is this bad?
The record cannot be loaded, or is loaded with a different value.

## Example
```
@       IN MX  70000 ns1.example.jp.
```

## How to fix
Write a whole number within the field's range.
"#,
        ja: r#"## 内容
10 進数ではない、またはフィールドの大きさを超える数値フィールド（MX の preference、SRV の port、SOA のタイマーなど）を報告します。

## 問題点
レコードを読み込めないか、別の値で読み込まれます。

## 例
```
@       IN MX  70000 ns1.example.jp.
```

## 修正方法
フィールドの範囲内の整数を書いてください。
"#,
    },
    check: Check::Emitted,
};
