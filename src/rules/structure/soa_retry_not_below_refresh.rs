//! ZG108 `soa-retry-not-below-refresh`: an SOA retry at or above its refresh.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::seconds;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_RETRY_NOT_BELOW_REFRESH: Rule = Rule {
    code: "ZG108",
    name: "soa-retry-not-below-refresh",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA retry at or above the refresh"#,
        ja: r#"SOA の retry が refresh 以上"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA whose retry (fifth number) is not smaller than its refresh (fourth number).

## Why is this bad?
Retry is the wait after a failed refresh, so it is meant to be a fraction of the refresh (RFC 1912 §2.2): a secondary that could not reach the primary should try again sooner than its next regular check. When retry is as long as refresh, a failure simply costs a full refresh interval, and the two numbers were often swapped by mistake.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 900 7200 1209600 3600
```

## How to fix
Make retry smaller than refresh, such as refresh `7200` and retry `900`.
"#,
        ja: r#"## 内容
SOA の retry（5 番目の数値）が refresh（4 番目の数値）より小さくない場合に報告します。

## 問題点
retry はリフレッシュに失敗した後の待ち時間なので、refresh の数分の 1 にするものです（RFC 1912 §2.2）。プライマリに到達できなかったセカンダリは、次の定期確認より早く再試行すべきです。retry が refresh 以上では失敗のたびに refresh 1 回分待つことになり、2 つの値を取り違えていることもよくあります。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 900 7200 1209600 3600
```

## 修正方法
retry を refresh より小さくしてください（例: refresh `7200`、retry `900`）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some((record, soa)) = super::apex_soa(cx) else {
        return;
    };
    if soa.retry < soa.refresh {
        return;
    }
    let (retry, refresh) = (seconds(soa.retry), seconds(soa.refresh));
    let lang = cx.lang;
    em.emit(
        Diagnostic::new(
            &SOA_RETRY_NOT_BELOW_REFRESH,
            cx.rdata_field_span(record, super::RETRY),
            tr!(
                lang,
                "SOA retry {retry} is not shorter than refresh {refresh}",
                "SOA の retry {retry} が refresh {refresh} より短くありません"
            ),
        )
        .label(
            cx.rdata_field_span(record, super::REFRESH),
            tr!(lang, "refresh", "refresh（更新間隔）"),
        )
        .help(tr!(
            lang,
            "retry is the wait after a failed refresh and should be a fraction of it, such as refresh `7200` and retry `900`; were the two swapped?",
            "retry はリフレッシュ失敗後の待ち時間で、refresh の数分の 1 にします（例: refresh `7200`、retry `900`）。2 つの値を取り違えていませんか"
        )),
    );
}
