//! ZG106 `soa-expire-out-of-range`: an SOA expire outside one to six weeks.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_EXPIRE_OUT_OF_RANGE: Rule = Rule {
    code: "ZG106",
    name: "soa-expire-out-of-range",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA expire shorter than a week or longer than six weeks"#,
        ja: r#"SOA の expire が 1 週間未満または 6 週間超"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA expire (the sixth number) below 604800 seconds (one week) or above 3628800 (six weeks).

## Why is this bad?
Expire is how long secondaries keep answering for the zone when they cannot reach the primary. RFC 1912 §2.2 suggests two to four weeks; RIPE-203 about six. Shorter, and a primary outage over a long weekend takes the whole zone offline; longer, and secondaries cut off from the primary serve stale data for months.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 86400 3600
```

## How to fix
Use an expire of two to four weeks, such as `1209600` (two weeks).
"#,
        ja: r#"## 内容
SOA の expire（6 番目の数値）が 604800 秒（1 週間）未満、または 3628800 秒（6 週間）を超える場合に報告します。

## 問題点
expire はプライマリに到達できないセカンダリがゾーンへの応答を続ける期間です。RFC 1912 §2.2 は 2〜4 週間、RIPE-203 は約 6 週間を推奨しています。短すぎると連休中のプライマリ障害でゾーン全体が応答しなくなり、長すぎるとプライマリから切り離されたセカンダリが何か月も古いデータを返します。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 86400 3600
```

## 修正方法
expire を 2〜4 週間（例: `1209600`、2 週間）にしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::timer_out_of_range(
        cx,
        em,
        &SOA_EXPIRE_OUT_OF_RANGE,
        super::EXPIRE,
        |s| s.expire,
        (604_800, 3_628_800),
        |lang, v, low| {
            if low {
                (
                    tr!(
                        lang,
                        "SOA expire {v} is shorter than a week",
                        "SOA の expire {v} が 1 週間未満です"
                    ),
                    tr!(
                        lang,
                        "if the primary is unreachable this long, secondaries stop answering for the whole zone; RFC 1912 suggests two to four weeks, such as `1209600`",
                        "プライマリにこの期間到達できないと、セカンダリはゾーン全体への応答をやめます。RFC 1912 は 2〜4 週間（例: `1209600`）を推奨しています"
                    ),
                )
            } else {
                (
                    tr!(
                        lang,
                        "SOA expire {v} is longer than six weeks",
                        "SOA の expire {v} が 6 週間を超えています"
                    ),
                    tr!(
                        lang,
                        "secondaries cut off from the primary keep serving stale data this long; use two to four weeks, such as `1209600`",
                        "プライマリから切り離されたセカンダリがこの間古いデータを返し続けます。2〜4 週間（例: `1209600`）にしてください"
                    ),
                )
            }
        },
    );
}
