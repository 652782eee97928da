//! ZG045 `label-too-long`: a label longer than 63 octets.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LABEL_TOO_LONG: Rule = Rule {
    code: "ZG045",
    name: "label-too-long",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §2.3.4",
    summary: Text {
        en: r#"a label longer than 63 octets"#,
        ja: r#"63 オクテットを超えるラベル"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a label (the text between two dots) longer than 63 octets, and points at it.

## Why is this bad?
A label's length must fit in six bits of the wire format; the record is refused.

## Example
```
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa IN A 192.0.2.1
```

## How to fix
Shorten the label, or split it with dots.
"#,
        ja: r#"## 内容
63 オクテットを超えるラベル（ドットとドットの間の文字列）を報告し、その位置を示します。

## 問題点
ラベルの長さはワイヤ形式の 6 ビットに収まる必要があり、レコードは拒否されます。

## 例
```
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa IN A 192.0.2.1
```

## 修正方法
ラベルを短くするか、ドットで分割してください。
"#,
    },
    check: Check::Emitted,
};
