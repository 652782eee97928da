//! ZG068 `formula-cell`: a cell of a workbook that holds a formula instead of a value.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static FORMULA_CELL: Rule = Rule {
    code: "ZG068",
    name: "formula-cell",
    severity: Severity::Warning,
    phase: Phase::Syntax,
    rfc: "ECMA-376 Part 1 §18.3.1.40",
    summary: Text {
        en: r#"a cell of a workbook that holds a formula instead of a value"#,
        ja: r#"値ではなく数式が入ったブックのセル"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a cell that holds a formula. zonegate reads the value Excel last calculated and saved with the file; a file written by another program may have none.

## Why is this bad?
What the customer sees depends on the formula and the data it refers to; what is checked is the saved value, which may be stale. Record values should be values.

## Example
```
=A2&".example.co.jp"
```

## How to fix
Replace the formula with its value: copy the cells, then paste values only.
"#,
        ja: r#"## 内容
数式が入ったセルを報告します。zonegate は Excel が最後に計算してファイルに保存した値を読みます。他のプログラムで作られたファイルでは値がないこともあります。

## 問題点
お客様に見える内容は数式と参照先のデータ次第で、確認するのは保存済みの値なので古い可能性があります。レコードの値は値として書くべきです。

## 例
```
=A2&".example.co.jp"
```

## 修正方法
数式を値に置き換えてください。セルをコピーし、値のみ貼り付けます。
"#,
    },
    check: Check::Emitted,
};
