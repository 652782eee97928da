//! ZG044 `empty-label`: a name with two dots in a row or a leading dot.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static EMPTY_LABEL: Rule = Rule {
    code: "ZG044",
    name: "empty-label",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.1",
    summary: Text {
        en: r#"a name with two dots in a row or a leading dot"#,
        ja: r#"ドットが連続する、または先頭がドットの名前"#,
    },
    docs: Text {
        en: r#"## What it does
Reports names with an empty label: `www..example.jp.` or `.example.jp.`. Only the root label, written as the final dot, may be empty.

## Why is this bad?
The name cannot be encoded; the record is refused.

## Example
```
www..example.jp. IN A 192.0.2.1
```

## How to fix
Remove the extra dot.
"#,
        ja: r#"## 内容
`www..example.jp.` や `.example.jp.` のように空のラベルを持つ名前を報告します。空にできるのは最後のドットで表すルートラベルだけです。

## 問題点
名前を符号化できず、レコードは拒否されます。

## 例
```
www..example.jp. IN A 192.0.2.1
```

## 修正方法
余分なドットを削除してください。
"#,
    },
    check: Check::Emitted,
};
