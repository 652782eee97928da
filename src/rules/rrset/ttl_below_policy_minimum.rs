//! ZG306 `ttl-below-policy-minimum`: a TTL below the host's minimum (60 seconds by default).

use crate::diag::{Emitter, Severity};
use crate::rules::util::seconds;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static TTL_BELOW_POLICY_MINIMUM: Rule = Rule {
    code: "ZG306",
    name: "ttl-below-policy-minimum",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "intake policy (ttl.min); RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a TTL above 0 but below the host's minimum (60 seconds unless the policy says otherwise)"#,
        ja: r#"0 より大きくホスティング事業者の下限（ポリシーで変更しない限り 60 秒）未満の TTL"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records whose TTL is above 0 (TTL 0 is ZG304's) and below the intake policy's `ttl.min` (60 seconds by default). A default TTL from `$TTL` is reported once, where it is first used.

## Why is this bad?
Very short TTLs multiply the queries the host's servers must answer, and many resolvers raise them to a floor of their own (often 30 or 60 seconds), so the fast failover they are meant for does not happen as planned. The host sets its minimum in its intake policy.

## Example
```
www  5  IN A  192.0.2.1
```

## How to fix
Use at least the host's minimum, such as `60`, or `300` for a record that only changes during planned work.
"#,
        ja: r#"## 内容
TTL が 0 より大きく（TTL 0 は ZG304）、受付ポリシーの `ttl.min`（既定は 60 秒）未満のレコードを報告します。`$TTL` による既定の TTL は、最初に使われた場所で 1 回報告します。

## 問題点
非常に短い TTL はホスティング事業者のサーバーが応答すべき問い合わせを増やし、多くのリゾルバーは独自の下限（30 秒や 60 秒が多い）に引き上げるため、意図した素早い切り替えも計画どおりには起きません。下限は事業者が受付ポリシーで定めます。

## 例
```
www  5  IN A  192.0.2.1
```

## 修正方法
事業者の下限以上（例: `60`、計画作業のときだけ変わるレコードなら `300`）にしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let min = cx.policy.ttl.min;
    super::ttl_findings(
        cx,
        em,
        &TTL_BELOW_POLICY_MINIMUM,
        |t| t > 0 && t < min,
        |lang, t| {
            let (t, m) = (seconds(t), seconds(min));
            (
                tr!(
                    lang,
                    "TTL {t} is shorter than the host's minimum of {m}",
                    "TTL {t} がホスティング事業者の下限 {m} 未満です"
                ),
                tr!(
                    lang,
                    "many resolvers raise such TTLs anyway, and the servers get many more queries; use at least {m}",
                    "多くのリゾルバーはこうした TTL を引き上げ、サーバーへの問い合わせも増えます。{m} 以上にしてください"
                ),
            )
        },
    );
}
