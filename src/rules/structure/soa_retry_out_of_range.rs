//! ZG105 `soa-retry-out-of-range`: an SOA retry outside two minutes to one day.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_RETRY_OUT_OF_RANGE: Rule = Rule {
    code: "ZG105",
    name: "soa-retry-out-of-range",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA retry shorter than 2 minutes or longer than a day"#,
        ja: r#"SOA の retry が 2 分未満または 1 日超"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA retry (the fifth number) below 120 seconds or above 86400 (one day).

## Why is this bad?
Retry is how long a secondary waits after a failed refresh before trying again. RFC 1912 §2.2 suggests 120 to 7200 seconds. Below two minutes, an unreachable primary is hammered by its secondaries; above a day, one failed attempt leaves the secondaries out of date for a day.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 10 1209600 3600
```

## How to fix
Use a retry between 120 and 7200 seconds, shorter than the refresh, such as `900` (15 minutes).
"#,
        ja: r#"## 内容
SOA の retry（5 番目の数値）が 120 秒未満、または 86400 秒（1 日）を超える場合に報告します。

## 問題点
retry はリフレッシュに失敗したセカンダリが再試行するまでの待ち時間です。RFC 1912 §2.2 は 120〜7200 秒を推奨しています。2 分未満では到達できないプライマリにセカンダリが問い合わせを繰り返し、1 日を超えると 1 回の失敗でセカンダリが 1 日古いままになります。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 10 1209600 3600
```

## 修正方法
retry を refresh より短い 120〜7200 秒の値（例: `900`、15 分）にしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::timer_out_of_range(
        cx,
        em,
        &SOA_RETRY_OUT_OF_RANGE,
        super::RETRY,
        |s| s.retry,
        (120, 86_400),
        |lang, v, low| {
            if low {
                (
                    tr!(
                        lang,
                        "SOA retry {v} is shorter than 2 minutes",
                        "SOA の retry {v} が 2 分未満です"
                    ),
                    tr!(
                        lang,
                        "after a failed refresh, secondaries try again this often; RFC 1912 suggests 120 to 7200 seconds, such as `900`",
                        "リフレッシュに失敗したセカンダリはこの間隔で再試行します。RFC 1912 は 120〜7200 秒（例: `900`）を推奨しています"
                    ),
                )
            } else {
                (
                    tr!(
                        lang,
                        "SOA retry {v} is longer than a day",
                        "SOA の retry {v} が 1 日を超えています"
                    ),
                    tr!(
                        lang,
                        "one failed refresh leaves secondaries out of date this long; use 120 to 7200 seconds, such as `900`",
                        "1 回のリフレッシュ失敗でセカンダリがこの間古いままになります。120〜7200 秒（例: `900`）にしてください"
                    ),
                )
            }
        },
    );
}
