//! ZG823 `live-spf-void-lookups`: an SPF record causes more than 2 void DNS lookups.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_SPF_VOID_LOOKUPS: Rule = Rule {
    code: "ZG823",
    name: "live-spf-void-lookups",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 7208 §4.6.4",
    summary: Text {
        en: r#"an SPF record causes more than 2 void DNS lookups"#,
        ja: r#"SPF レコードが 2 回を超える空の DNS 参照を起こす"#,
    },
    docs: Text {
        en: r#"## What it does
Counts, while following an SPF record's chain, the lookups that return no records or NXDOMAIN (void lookups) for `include`, `redirect`, `a`, `mx` and `exists` terms, and reports more than 2. `a` is looked up as A (an IPv4 sender); terms with macros are not looked up.

## Why is this bad?
RFC 7208 §4.6.4 tells receivers to return permerror after 2 void lookups, to limit abuse. Includes of providers that no longer publish SPF, or `a`/`mx` terms for names that were deleted, cost nothing to leave in and break SPF once there are three of them.

## Example
```
SPF for `example.co.jp.` makes 3 void lookups, more than the 2 RFC 7208 allows
```

## How to fix
Remove the terms whose lookups come back empty.
"#,
        ja: r#"## 内容
SPF レコードの連鎖をたどる際、`include`・`redirect`・`a`・`mx`・`exists` の参照のうち、レコードがないか NXDOMAIN となるもの（空の参照）を数え、2 回を超えると報告します。`a` は A（IPv4 の送信元）として引きます。マクロを含む項目は引きません。

## 問題点
RFC 7208 §4.6.4 は、悪用を抑えるため空の参照が 2 回を超えたら permerror を返すよう受信側に求めています。SPF を公開しなくなった事業者の include や、削除された名前への `a`・`mx` は残しても目立ちませんが、3 つになると SPF が壊れます。

## 例
```
SPF for `example.co.jp.` makes 3 void lookups, more than the 2 RFC 7208 allows
```

## 修正方法
参照結果が空になる項目を削除してください。
"#,
    },
    check: Check::Emitted,
};
