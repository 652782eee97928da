//! ZG107 `soa-minimum-out-of-range`: an SOA negative-caching TTL outside 5 minutes to one day.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_MINIMUM_OUT_OF_RANGE: Rule = Rule {
    code: "ZG107",
    name: "soa-minimum-out-of-range",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2308 §5",
    summary: Text {
        en: r#"an SOA negative-caching TTL (minimum) shorter than 5 minutes or longer than a day"#,
        ja: r#"SOA のネガティブキャッシュ TTL（minimum）が 5 分未満または 1 日超"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA minimum (the last number) below 300 seconds or above 86400 (one day).

## Why is this bad?
Since RFC 2308 this field is the negative-caching TTL: how long resolvers remember that a name or type does not exist. RFC 2308 §5 recommends one to three hours. Below five minutes, every miss costs a new query; above a day, a name looked up before it was added stays "not found" in caches for a day, which hurts exactly at cutover. Old control panels still write 86400 or more here because the field once meant the default TTL; set the default TTL with `$TTL` instead.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 604800
```

## How to fix
Use one to three hours, such as `3600`, and give records their TTL with `$TTL`.
"#,
        ja: r#"## 内容
SOA の minimum（最後の数値）が 300 秒未満、または 86400 秒（1 日）を超える場合に報告します。

## 問題点
RFC 2308 以降、この値はネガティブキャッシュの TTL（名前やタイプが存在しないことをリゾルバーが覚えておく時間）です。RFC 2308 §5 は 1〜3 時間を推奨しています。5 分未満では存在しない名前への問い合わせが毎回発生し、1 日を超えると追加前に問い合わせられた名前がキャッシュ上で 1 日「存在しない」ままになり、切替時に問題になります。古いコントロールパネルは、この値がかつて既定の TTL だった名残で 86400 以上を書くことがあります。既定の TTL は `$TTL` で指定してください。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 604800
```

## 修正方法
1〜3 時間（例: `3600`）にし、レコードの TTL は `$TTL` で指定してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::timer_out_of_range(
        cx,
        em,
        &SOA_MINIMUM_OUT_OF_RANGE,
        super::MINIMUM,
        |s| s.minimum,
        (300, 86_400),
        |lang, v, low| {
            if low {
                (
                    tr!(
                        lang,
                        "SOA negative TTL (minimum) {v} is shorter than 5 minutes",
                        "SOA のネガティブ TTL（minimum）{v} が 5 分未満です"
                    ),
                    tr!(
                        lang,
                        "resolvers remember that a name does not exist for this long, so every miss costs a new query; RFC 2308 suggests one to three hours, such as `3600`",
                        "リゾルバーは名前が存在しないことをこの時間だけ覚えるため、存在しない名前への問い合わせが毎回発生します。RFC 2308 は 1〜3 時間（例: `3600`）を推奨しています"
                    ),
                )
            } else {
                (
                    tr!(
                        lang,
                        "SOA negative TTL (minimum) {v} is longer than a day",
                        "SOA のネガティブ TTL（minimum）{v} が 1 日を超えています"
                    ),
                    tr!(
                        lang,
                        "a name looked up before it existed stays \"not found\" in caches this long; use one to three hours, such as `3600`, and set record TTLs with `$TTL`",
                        "追加前に問い合わせられた名前がキャッシュ上でこの間「存在しない」ままになります。1〜3 時間（例: `3600`）にし、レコードの TTL は `$TTL` で指定してください"
                    ),
                )
            }
        },
    );
}
