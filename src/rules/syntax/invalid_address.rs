//! ZG043 `invalid-address`: an address that is not a valid IPv4 or IPv6 address.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_ADDRESS: Rule = Rule {
    code: "ZG043",
    name: "invalid-address",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.4.1, RFC 3596 §2.2",
    summary: Text {
        en: r#"an address that is not a valid IPv4 or IPv6 address"#,
        ja: r#"正しい IPv4・IPv6 アドレスではないアドレス"#,
    },
    docs: Text {
        en: r#"## What it does
Reports A and AAAA data (and other address fields) that do not parse, and says when an IPv6 address was put in an A record, or the reverse.

## Why is this bad?
The record cannot be loaded, and the name it serves stops resolving.

## Example
```
www     IN A   192.0.2.256
```

## How to fix
Write the address correctly, in the record type that matches it.
"#,
        ja: r#"## 内容
解析できない A・AAAA のデータ（および他のアドレスフィールド）を報告し、A レコードに IPv6 アドレスを書いた場合やその逆を指摘します。

## 問題点
レコードは読み込めず、その名前は名前解決できなくなります。

## 例
```
www     IN A   192.0.2.256
```

## 修正方法
アドレスを正しく、対応するレコードタイプで書いてください。
"#,
    },
    check: Check::Emitted,
};
