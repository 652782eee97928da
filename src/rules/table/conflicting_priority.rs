//! ZG065 `conflicting-priority`: a priority in a record table that contradicts the value, or is given for a type without one.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static CONFLICTING_PRIORITY: Rule = Rule {
    code: "ZG065",
    name: "conflicting-priority",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3.9, RFC 2782",
    summary: Text {
        en: r#"a priority in a record table that contradicts the value, or is given for a type without one"#,
        ja: r#"値と矛盾する、または優先度のないタイプに書かれたレコード表の優先度"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a row whose priority column and value both give a priority, and they differ; and a row whose priority column holds a number for a type that has no priority (such as A or CNAME).

## Why is this bad?
Two different priorities for one record, or a priority on an A record, mean the row is not what the customer thinks it is: perhaps the type is wrong, or the row was copied from another.

## Example
```
ホスト名,タイプ,優先度,値
@,MX,10,20 mail.example.jp
www,A,10,192.0.2.1
```

## How to fix
Write the priority once, in the priority column, and leave it empty for types without a priority.
"#,
        ja: r#"## 内容
優先度の列と値の両方に優先度があり、それらが異なる行と、優先度のないタイプ（A や CNAME など）の行で優先度の列に数値がある行を報告します。

## 問題点
1 つのレコードに異なる 2 つの優先度がある、あるいは A レコードに優先度があるのは、行がお客様の考えと違うことを意味します。タイプの誤りや、別の行からのコピーが考えられます。

## 例
```
ホスト名,タイプ,優先度,値
@,MX,10,20 mail.example.jp
www,A,10,192.0.2.1
```

## 修正方法
優先度は優先度の列に 1 回だけ書き、優先度のないタイプでは空欄にしてください。
"#,
    },
    check: Check::Emitted,
};
