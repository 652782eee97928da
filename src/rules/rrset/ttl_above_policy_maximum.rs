//! ZG305 `ttl-above-policy-maximum`: a TTL above the host's maximum (one week by default).

use crate::diag::{Emitter, Severity};
use crate::rules::util::seconds;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static TTL_ABOVE_POLICY_MAXIMUM: Rule = Rule {
    code: "ZG305",
    name: "ttl-above-policy-maximum",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "intake policy (ttl.max); RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a TTL above the host's maximum (one week unless the policy says otherwise)"#,
        ja: r#"ホスティング事業者の上限（ポリシーで変更しない限り 1 週間）を超える TTL"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records whose TTL is above the intake policy's `ttl.max` (604800 seconds, one week, by default) and at most 2147483647 (larger TTLs are ZG307's). A default TTL from `$TTL` is reported once, where it is first used.

## Why is this bad?
A record may stay in caches for as long as its TTL. With TTLs of weeks, a change (the cutover itself, a new mail server, a fix after an incident) takes weeks to reach everyone, and there is no way to hurry it. Many resolvers cap TTLs at a week or a day anyway, so a longer TTL buys nothing.

## Example
```
www  2592000  IN A  192.0.2.1
```

## How to fix
Use a TTL of a day (`86400`) or less; lower it further a few days before a planned change.
"#,
        ja: r#"## 内容
TTL が受付ポリシーの `ttl.max`（既定は 604800 秒 = 1 週間）を超え、2147483647 以下のレコードを報告します（それより大きい TTL は ZG307）。`$TTL` による既定の TTL は、最初に使われた場所で 1 回報告します。

## 問題点
レコードは TTL の間キャッシュに残ります。TTL が数週間だと、変更（切替そのもの、新しいメールサーバー、障害後の修正）が全員に届くまで数週間かかり、早める方法はありません。多くのリゾルバーは TTL を 1 週間や 1 日で打ち切るため、長い TTL に利点はありません。

## 例
```
www  2592000  IN A  192.0.2.1
```

## 修正方法
TTL を 1 日（`86400`）以下にし、予定した変更の数日前にはさらに下げてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let max = cx.policy.ttl.max;
    super::ttl_findings(
        cx,
        em,
        &TTL_ABOVE_POLICY_MAXIMUM,
        |t| t > max && t <= i32::MAX as u32,
        |lang, t| {
            let (t, m) = (seconds(t), seconds(max));
            (
                tr!(
                    lang,
                    "TTL {t} is longer than the host's maximum of {m}",
                    "TTL {t} がホスティング事業者の上限 {m} を超えています"
                ),
                tr!(
                    lang,
                    "changes, the cutover included, take this long to reach every cache; use a day (`86400`) or less",
                    "切替を含む変更がすべてのキャッシュに届くまでこの時間がかかります。1 日（`86400`）以下にしてください"
                ),
            )
        },
    );
}
