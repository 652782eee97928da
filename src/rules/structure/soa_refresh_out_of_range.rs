//! ZG104 `soa-refresh-out-of-range`: an SOA refresh outside 20 minutes to one day.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_REFRESH_OUT_OF_RANGE: Rule = Rule {
    code: "ZG104",
    name: "soa-refresh-out-of-range",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA refresh shorter than 20 minutes or longer than a day"#,
        ja: r#"SOA の refresh が 20 分未満または 1 日超"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA refresh (the fourth number) below 1200 seconds (20 minutes) or above 86400 (one day).

## Why is this bad?
Refresh is how often secondary servers ask the primary whether the zone changed. RFC 1912 §2.2 suggests 1200 to 43200 seconds; zonegate accepts up to a day, as RIPE-203 recommends. Shorter only loads the primary; longer leaves secondaries that missed a NOTIFY serving old data for that long.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 300 60 1209600 3600
```

## How to fix
Use a refresh between 1200 and 43200 seconds, such as `7200` (two hours).
"#,
        ja: r#"## 内容
SOA の refresh（4 番目の数値）が 1200 秒（20 分）未満、または 86400 秒（1 日）を超える場合に報告します。

## 問題点
refresh はセカンダリサーバーがプライマリにゾーンの変更を問い合わせる間隔です。RFC 1912 §2.2 は 1200〜43200 秒を推奨しています。zonegate は RIPE-203 の推奨に合わせて 1 日まで許容します。短すぎるとプライマリの負荷が増えるだけで、長すぎると NOTIFY を受け取れなかったセカンダリが古いデータを長く返します。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 300 60 1209600 3600
```

## 修正方法
refresh を 1200〜43200 秒の値（例: `7200`、2 時間）にしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::timer_out_of_range(
        cx,
        em,
        &SOA_REFRESH_OUT_OF_RANGE,
        super::REFRESH,
        |s| s.refresh,
        (1200, 86_400),
        |lang, v, low| {
            if low {
                (
                    tr!(
                        lang,
                        "SOA refresh {v} is shorter than 20 minutes",
                        "SOA の refresh {v} が 20 分未満です"
                    ),
                    tr!(
                        lang,
                        "secondary servers ask the primary for changes this often; RFC 1912 suggests 1200 to 43200 seconds, such as `7200`",
                        "セカンダリサーバーはこの間隔でプライマリに変更を問い合わせます。RFC 1912 は 1200〜43200 秒（例: `7200`）を推奨しています"
                    ),
                )
            } else {
                (
                    tr!(
                        lang,
                        "SOA refresh {v} is longer than a day",
                        "SOA の refresh {v} が 1 日を超えています"
                    ),
                    tr!(
                        lang,
                        "a secondary that misses a change notification serves old data this long; use 1200 to 43200 seconds, such as `7200`",
                        "変更通知を受け取れなかったセカンダリはこの間古いデータを返します。1200〜43200 秒（例: `7200`）にしてください"
                    ),
                )
            }
        },
    );
}
