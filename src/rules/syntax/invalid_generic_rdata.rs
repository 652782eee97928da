//! ZG050 `invalid-generic-rdata`: `\#` generic data that is malformed.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_GENERIC_RDATA: Rule = Rule {
    code: "ZG050",
    name: "invalid-generic-rdata",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 3597 §5",
    summary: Text {
        en: r#"`\#` generic data that is malformed"#,
        ja: r#"不正な `\#` 汎用データ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports RFC 3597 generic data (`\# length hex`) whose length does not match its data, whose hex does not decode, or which is not valid data of a known type; and types without a text format written any other way.

## Why is this bad?
The record cannot be loaded, or is loaded as different data.

## Example
```
www     IN TYPE1 \# 4 C00002
```

## How to fix
Make the length equal to the number of octets in the hex data.
"#,
        ja: r#"## 内容
長さとデータが一致しない、16 進が復号できない、既知のタイプのデータとして正しくない RFC 3597 汎用データ（`\# 長さ 16進`）、およびテキスト書式のないタイプをそれ以外の形で書いたものを報告します。

## 問題点
レコードは読み込めないか、別のデータとして読み込まれます。

## 例
```
www     IN TYPE1 \# 4 C00002
```

## 修正方法
長さを 16 進データのオクテット数と一致させてください。
"#,
    },
    check: Check::Emitted,
};
