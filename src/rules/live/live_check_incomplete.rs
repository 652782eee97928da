//! ZG807 `live-check-incomplete`: part of the live comparison could not be made.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_CHECK_INCOMPLETE: Rule = Rule {
    code: "ZG807",
    name: "live-check-incomplete",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "zonegate practice",
    summary: Text {
        en: r#"part of the live comparison could not be made"#,
        ja: r#"ライブ比較の一部を実行できなかった"#,
    },
    docs: Text {
        en: r#"## What it does
Says what the live checks could not find out, and why: a resolver or server that did not answer, no route to an address (often: no IPv6 on the machine running the check), the overall deadline, a query that failed on every server. Each is labelled "could not check"; it is not a finding about the zone.

## Why is this bad?
A check that could not be made is not a check that passed. The operator should know which parts of the comparison are missing before accepting the submission.

## Example
```
could not check 3 of 212 name/type pairs: no answer within 2s after 3 attempts (`www.example.co.jp. A` at 192.0.2.53 (ns1.old-dns.jp.), ...)
```

## How to fix
Run the check again from a network that reaches the servers, with a longer `--timeout` or `--deadline`, or compare the missing parts by hand.
"#,
        ja: r#"## 内容
ライブチェックで確認できなかったこととその理由（応答しないリゾルバーやサーバー、アドレスへの経路がない（多くは実行環境に IPv6 がない）、全体の期限切れ、すべてのサーバーで失敗した問い合わせ）を示します。これは「確認できなかった」という表示であり、ゾーンについての指摘ではありません。

## 問題点
確認できなかったチェックは合格したチェックではありません。申請を受理する前に、比較のどの部分が欠けているかを運用者が知る必要があります。

## 例
```
could not check 3 of 212 name/type pairs: no answer within 2s after 3 attempts (`www.example.co.jp. A` at 192.0.2.53 (ns1.old-dns.jp.), ...)
```

## 修正方法
サーバーに届くネットワークから、より長い `--timeout` や `--deadline` で再実行するか、欠けた部分を手作業で比較してください。
"#,
    },
    check: Check::Emitted,
};
