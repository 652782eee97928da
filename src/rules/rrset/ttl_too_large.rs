//! ZG307 `ttl-too-large`: a TTL above 2147483647, which resolvers read as 0.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static TTL_TOO_LARGE: Rule = Rule {
    code: "ZG307",
    name: "ttl-too-large",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2181 §8",
    summary: Text {
        en: r#"a TTL above 2147483647 (2^31 - 1), which resolvers treat as 0"#,
        ja: r#"リゾルバーが 0 とみなす 2147483647（2^31 - 1）を超える TTL"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records whose TTL is above 2147483647 seconds. A default TTL from `$TTL` is reported once, where it is first used.

## Why is this bad?
RFC 2181 §8 limits TTLs to 2^31 - 1 and tells receivers to treat a larger value as 0, so the record the customer meant to cache "forever" is not cached at all. Such values come from typing errors, or from a spreadsheet's "maximum" placeholder.

## Example
```
www  4294967295  IN A  192.0.2.1
```

## How to fix
Use a real TTL, such as `3600` or `86400`.
"#,
        ja: r#"## 内容
TTL が 2147483647 秒を超えるレコードを報告します。`$TTL` による既定の TTL は、最初に使われた場所で 1 回報告します。

## 問題点
RFC 2181 §8 は TTL を 2^31 - 1 までとし、それより大きい値は受信側で 0 とみなすよう定めています。お客様が「ずっと」キャッシュさせるつもりのレコードは、まったくキャッシュされません。打ち間違いや表計算シートの「最大値」の仮の値が原因です。

## 例
```
www  4294967295  IN A  192.0.2.1
```

## 修正方法
`3600` や `86400` など適切な TTL を指定してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::ttl_findings(
        cx,
        em,
        &TTL_TOO_LARGE,
        |t| t > i32::MAX as u32,
        |lang, t| {
            (
                tr!(
                    lang,
                    "TTL {t} is larger than 2147483647, so resolvers treat it as 0",
                    "TTL {t} が 2147483647 を超えるため、リゾルバーは 0 とみなします"
                ),
                tr!(
                    lang,
                    "the record would not be cached at all (RFC 2181 §8); use a real TTL, such as `86400`",
                    "レコードはまったくキャッシュされません（RFC 2181 §8）。`86400` など適切な TTL を指定してください"
                ),
            )
        },
    );
}
