//! ZG047 `string-too-long`: a character string longer than 255 octets.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static STRING_TOO_LONG: Rule = Rule {
    code: "ZG047",
    name: "string-too-long",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.3",
    summary: Text {
        en: r#"a character string longer than 255 octets"#,
        ja: r#"255 オクテットを超える文字列"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `<character-string>` (one quoted string in TXT, SPF, HINFO, NAPTR, ...) longer than 255 octets.

## Why is this bad?
Each string's length is one octet in the wire format. Long DKIM keys are the usual case: pasted as one string, the record is refused.

## Example
```
sel._domainkey IN TXT "v=DKIM1; k=rsa; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...
```

## How to fix
Split the text into several quoted strings of at most 255 octets: `"part1" "part2"`. Applications join them.
"#,
        ja: r#"## 内容
255 オクテットを超える `<character-string>`（TXT, SPF, HINFO, NAPTR などの引用符付き文字列 1 つ）を報告します。

## 問題点
文字列の長さはワイヤ形式で 1 オクテットです。長い DKIM 鍵を 1 つの文字列で貼り付けると、レコードは拒否されます。

## 例
```
sel._domainkey IN TXT "v=DKIM1; k=rsa; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA...
```

## 修正方法
255 オクテット以下の複数の引用符付き文字列に分けてください: `"part1" "part2"`。アプリケーションが連結します。
"#,
    },
    check: Check::Emitted,
};
