//! ZG109 `soa-expire-not-above-refresh`: an SOA expire no longer than refresh plus retry.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::seconds;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_EXPIRE_NOT_ABOVE_REFRESH: Rule = Rule {
    code: "ZG109",
    name: "soa-expire-not-above-refresh",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA expire no longer than refresh plus retry"#,
        ja: r#"SOA の expire が refresh と retry の和以下"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA whose expire (sixth number) is not longer than its refresh plus retry.

## Why is this bad?
A secondary that fails one refresh tries again after retry; if expire has passed by then, it stops answering for the zone. Expire is meant to be many times the refresh (RFC 1912 §2.2 suggests two to four weeks against hours), so that one unreachable moment of the primary does not take the zone down. Expire and refresh are also easily swapped.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 1209600 900 7200 3600
```

## How to fix
Make expire many times the refresh, such as refresh `7200` and expire `1209600` (two weeks).
"#,
        ja: r#"## 内容
SOA の expire（6 番目の数値）が refresh と retry の和より長くない場合に報告します。

## 問題点
リフレッシュに 1 回失敗したセカンダリは retry 後に再試行しますが、それまでに expire を過ぎるとゾーンへの応答をやめます。expire は refresh の何倍にもするものです（RFC 1912 §2.2 は refresh が数時間に対して expire は 2〜4 週間を推奨）。そうすればプライマリに一時的に到達できなくてもゾーンは止まりません。expire と refresh の取り違えもよくあります。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 1209600 900 7200 3600
```

## 修正方法
expire を refresh の何倍にもしてください（例: refresh `7200`、expire `1209600`（2 週間））。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some((record, soa)) = super::apex_soa(cx) else {
        return;
    };
    let sum = u64::from(soa.refresh) + u64::from(soa.retry);
    if u64::from(soa.expire) > sum {
        return;
    }
    let expire = seconds(soa.expire);
    let lang = cx.lang;
    em.emit(
        Diagnostic::new(
            &SOA_EXPIRE_NOT_ABOVE_REFRESH,
            cx.rdata_field_span(record, super::EXPIRE),
            tr!(
                lang,
                "SOA expire {expire} is not longer than refresh + retry ({sum})",
                "SOA の expire {expire} が refresh + retry（{sum}）より長くありません"
            ),
        )
        .label(
            cx.rdata_field_span(record, super::REFRESH),
            tr!(lang, "refresh", "refresh（更新間隔）"),
        )
        .help(tr!(
            lang,
            "after one failed refresh, secondaries would stop answering for the zone; make expire many times the refresh, such as `1209600` (two weeks)",
            "1 回のリフレッシュ失敗でセカンダリがゾーンへの応答をやめてしまいます。expire を refresh の何倍にもしてください（例: `1209600`、2 週間）"
        )),
    );
}
