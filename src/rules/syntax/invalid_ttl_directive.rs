//! ZG022 `invalid-ttl-directive`: `$TTL` with a value that is not a TTL.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_TTL_DIRECTIVE: Rule = Rule {
    code: "ZG022",
    name: "invalid-ttl-directive",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 2308 §4",
    summary: Text {
        en: r#"`$TTL` with a value that is not a TTL"#,
        ja: r#"TTL ではない値の `$TTL`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports `$TTL` whose value is not seconds or a BIND duration such as `1h30m`, and suggests what was probably meant (`1hr` → `1h`).

## Why is this bad?
The default TTL then stays unset, and servers either refuse the zone or fall back to a TTL nobody chose.

## Example
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## How to fix
Write `$TTL 3600` or `$TTL 1h`.
"#,
        ja: r#"## 内容
値が秒数でも `1h30m` のような BIND 形式の期間でもない `$TTL` を報告し、意図された値（`1hr` → `1h`）を示します。

## 問題点
既定の TTL が設定されないため、サーバーはゾーンを拒否するか、誰も選んでいない TTL を使います。

## 例
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## 修正方法
`$TTL 3600` または `$TTL 1h` と書いてください。
"#,
    },
    check: Check::Emitted,
};
