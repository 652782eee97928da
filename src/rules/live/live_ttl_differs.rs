//! ZG814 `live-ttl-differs`: a record set has the live values but a different TTL.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_TTL_DIFFERS: Rule = Rule {
    code: "ZG814",
    name: "live-ttl-differs",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "RFC 2181 §8",
    summary: Text {
        en: r#"a record set has the live values but a different TTL"#,
        ja: r#"レコードセットの値は現在と同じだが TTL が異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an RRset whose values equal the ones served today but whose TTL differs from the TTL the authoritative server gives.

## Why is this bad?
Usually harmless, and sometimes intended. It matters for the cutover plan: a longer TTL makes any later correction slower to reach resolvers, and a TTL lowered before the cutover may have been exported by mistake.

## Example
```
`example.co.jp. MX` has TTL 86400 in the submission; 192.0.2.53 (ns1.old-dns.jp.) serves it with TTL 3600
```

## How to fix
Confirm the TTL the customer wants after the cutover.
"#,
        ja: r#"## 内容
値は現在と同じだが、TTL が権威サーバーの返す TTL と異なる RRset を報告します。

## 問題点
通常は無害で、意図的なこともあります。切替計画には影響します。TTL が長いと後の修正がリゾルバーに届くのが遅れ、切替前に下げた TTL を誤ってエクスポートしている場合もあります。

## 例
```
`example.co.jp. MX` has TTL 86400 in the submission; 192.0.2.53 (ns1.old-dns.jp.) serves it with TTL 3600
```

## 修正方法
切替後にお客様が望む TTL を確認してください。
"#,
    },
    check: Check::Emitted,
};
