//! ZG032 `unknown-type`: a record type that does not exist.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNKNOWN_TYPE: Rule = Rule {
    code: "ZG032",
    name: "unknown-type",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 3597 §5",
    summary: Text {
        en: r#"a record type that does not exist"#,
        ja: r#"存在しないレコードタイプ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a type field that is not a known mnemonic or `TYPEnnn`, and suggests the closest type (`AAA` → `AAAA`). Types zonegate knows but hickory does not parse (DNAME, LOC, URI, the DNSSEC types, ...) are never reported here.

## Why is this bad?
A server refuses the whole zone over one unknown type, so every record would be lost on cutover day.

## Example
```
www     IN AAA 2001:db8::1
```

## How to fix
Fix the spelling. A type without a mnemonic is written `TYPEnnn` with `\# length hex` data.
"#,
        ja: r#"## 内容
既知のニーモニックでも `TYPEnnn` でもないタイプを報告し、最も近いタイプ（`AAA` → `AAAA`）を示します。zonegate が知っていて hickory が解析しないタイプ（DNAME, LOC, URI, DNSSEC 関連など）はここでは報告しません。

## 問題点
未知のタイプが 1 つあるだけでサーバーはゾーン全体を拒否し、切替日にすべてのレコードが失われます。

## 例
```
www     IN AAA 2001:db8::1
```

## 修正方法
綴りを直してください。ニーモニックのないタイプは `TYPEnnn` と `\# 長さ 16進` で書きます。
"#,
    },
    check: Check::Emitted,
};
