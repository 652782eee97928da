//! ZG069 `line-break-in-cell`: a cell of a record table with a line break inside.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LINE_BREAK_IN_CELL: Rule = Rule {
    code: "ZG069",
    name: "line-break-in-cell",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a cell of a record table with a line break inside"#,
        ja: r#"セル内に改行があるレコード表のセル"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a line break inside a cell (Alt+Enter in Excel, or a quoted CSV cell spanning lines). In a workbook's rendering the break is shown as a space.

## Why is this bad?
No record field holds a line break. It usually comes from pasting a long value (a DKIM key, an SPF record) from a mail, and the customer did not mean it to be part of the value.

## Example
```
selector1._domainkey,TXT,"v=DKIM1; k=rsa;
p=MIIBIjANBg..."
```

## How to fix
Remove the line break. Long TXT values may stay in one cell: zonegate splits them into 255-octet strings.
"#,
        ja: r#"## 内容
セル内の改行（Excel の Alt+Enter や、複数行にわたる引用符付きの CSV セル）を報告します。ブックの表示では改行を空白として示します。

## 問題点
レコードのフィールドは改行を含みません。多くはメールから長い値（DKIM 鍵や SPF）を貼り付けたときに入ったもので、お客様は値の一部のつもりではありません。

## 例
```
selector1._domainkey,TXT,"v=DKIM1; k=rsa;
p=MIIBIjANBg..."
```

## 修正方法
改行を削除してください。長い TXT の値は 1 つのセルのままで構いません。zonegate が 255 オクテットごとの文字列に分割します。
"#,
    },
    check: Check::Emitted,
};
