//! ZG063 `value-in-wrong-column`: a row of a record table whose values are shifted or swapped between columns.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static VALUE_IN_WRONG_COLUMN: Rule = Rule {
    code: "ZG063",
    name: "value-in-wrong-column",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5 (record tables)",
    summary: Text {
        en: r#"a row of a record table whose values are shifted or swapped between columns"#,
        ja: r#"値が別の列にずれている、または入れ替わっているレコード表の行"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a row whose type cell holds no record type while another cell does (the columns are shifted or swapped), and an A or AAAA row whose address is in the host column with the value left empty.

## Why is this bad?
Read as it is, such a row becomes a record with a host named after an address, or an unknown type. The customer meant something else, and only they can say what.

## Example
```
ホスト名,タイプ,TTL,値
www,192.0.2.1,3600,A
192.0.2.2,A,3600,
```

## How to fix
Move each value to the column its heading names.
"#,
        ja: r#"## 内容
タイプのセルにレコードタイプがなく、別のセルにある行（列のずれや入れ替わり）と、値が空で、ホスト名の列にアドレスがある A/AAAA の行を報告します。

## 問題点
そのまま読むと、アドレスを名前にしたホストや不明なタイプのレコードになります。お客様の意図は別のところにあり、それを決められるのはお客様だけです。

## 例
```
ホスト名,タイプ,TTL,値
www,192.0.2.1,3600,A
192.0.2.2,A,3600,
```

## 修正方法
各値を見出しどおりの列に移してください。
"#,
    },
    check: Check::Emitted,
};
