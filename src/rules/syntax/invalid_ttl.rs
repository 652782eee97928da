//! ZG034 `invalid-ttl`: a record TTL that is not a TTL.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_TTL: Rule = Rule {
    code: "ZG034",
    name: "invalid-ttl",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 2181 §8",
    summary: Text {
        en: r#"a record TTL that is not a TTL"#,
        ja: r#"TTL として不正なレコードの TTL"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a TTL field that is not seconds or a BIND duration (`1h30m`), or exceeds 4294967295, and suggests what was meant: `1hr` → `1h`, `30min` → `30m`, `1時間` → `1h`.

## Why is this bad?
The record is refused, or its TTL is read as something else.

## Example
```
www     1hr IN A 192.0.2.1
```

## How to fix
Write seconds (`3600`) or a duration with units s, m, h, d, w (`1h`).
"#,
        ja: r#"## 内容
秒数でも BIND 形式の期間（`1h30m`）でもない、または 4294967295 を超える TTL を報告し、`1hr` → `1h`、`30min` → `30m`、`1時間` → `1h` のように意図された値を示します。

## 問題点
レコードが拒否されるか、TTL が別の値として読まれます。

## 例
```
www     1hr IN A 192.0.2.1
```

## 修正方法
秒数（`3600`）か、単位 s, m, h, d, w 付きの期間（`1h`）で書いてください。
"#,
    },
    check: Check::Emitted,
};
