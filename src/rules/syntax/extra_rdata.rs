//! ZG041 `extra-rdata`: fields after the end of a record's data.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static EXTRA_RDATA: Rule = Rule {
    code: "ZG041",
    name: "extra-rdata",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3",
    summary: Text {
        en: r#"fields after the end of a record's data"#,
        ja: r#"レコードデータの後の余分なフィールド"#,
    },
    docs: Text {
        en: r#"## What it does
Reports fields left over after all the fields of the record's type have been read, such as two addresses on one A line.

## Why is this bad?
Some servers refuse the record; hickory's parser silently drops the extra fields, so the second address simply vanishes.

## Example
```
www     IN A   192.0.2.1 192.0.2.2
```

## How to fix
Put each address on its own record; quote text that contains spaces.
"#,
        ja: r#"## 内容
1 行の A レコードに 2 つのアドレスがある場合など、タイプの全フィールドを読んだ後に残るフィールドを報告します。

## 問題点
レコードを拒否するサーバーもあれば、hickory のパーサーのように余分なフィールドを黙って捨て、2 つ目のアドレスが消えるものもあります。

## 例
```
www     IN A   192.0.2.1 192.0.2.2
```

## 修正方法
アドレスは 1 レコードに 1 つずつ書いてください。空白を含む文字列は引用符で囲んでください。
"#,
    },
    check: Check::Emitted,
};
