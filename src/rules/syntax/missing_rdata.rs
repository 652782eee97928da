//! ZG040 `missing-rdata`: a record whose data is incomplete.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_RDATA: Rule = Rule {
    code: "ZG040",
    name: "missing-rdata",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3",
    summary: Text {
        en: r#"a record whose data is incomplete"#,
        ja: r#"データが不完全なレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record that ends before all the fields of its type are given, and shows the type's format.

## Why is this bad?
The record cannot be loaded.

## Example
```
@       IN MX  10
```

## How to fix
Add the missing fields.
"#,
        ja: r#"## 内容
タイプの全フィールドがそろう前に終わっているレコードを報告し、そのタイプの書式を示します。

## 問題点
このレコードは読み込めません。

## 例
```
@       IN MX  10
```

## 修正方法
足りないフィールドを追加してください。
"#,
    },
    check: Check::Emitted,
};
