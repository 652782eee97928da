//! ZG907 `spec-ttl-out-of-range`: a TTL in the cutover spec outside its range.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_TTL_OUT_OF_RANGE: Rule = Rule {
    code: "ZG907",
    name: "spec-ttl-out-of-range",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 2181 §8",
    summary: Text {
        en: r#"a TTL in the cutover spec outside its range"#,
        ja: r#"範囲外のカットオーバー仕様の TTL"#,
    },
    docs: Text {
        en: r#"## What it does
Reports `ttl.lowered` outside 1–86400 seconds, or `ttl.restore` outside 1–2147483647 seconds.

## Why is this bad?
A TTL of 0 stops caching altogether and loads the servers for nothing; a "lowered" TTL above a day lowers nothing; above 2147483647 the TTL is not a TTL (RFC 2181 §8) and resolvers read it as 0.

## Example
```
ttl:
  lowered: 0
```

## How to fix
Use a lowered TTL of a few minutes (300 is usual) and a restore TTL such as 3600.
"#,
        ja: r#"## 内容
`ttl.lowered` が 1〜86400 秒の範囲外、または `ttl.restore` が 1〜2147483647 秒の範囲外であることを報告します。

## 問題点
TTL 0 はキャッシュを完全に止め、サーバーに無用な負荷をかけます。1 日を超える「下げた」TTL は何も下げていません。2147483647 を超える値は TTL ではなく（RFC 2181 §8）、リゾルバーは 0 とみなします。

## 例
```
ttl:
  lowered: 0
```

## 修正方法
下げる TTL は数分（通常 300）、戻す TTL は 3600 などにしてください。
"#,
    },
    check: Check::Emitted,
};
