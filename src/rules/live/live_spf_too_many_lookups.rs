//! ZG822 `live-spf-too-many-lookups`: an SPF record needs more than 10 DNS lookups.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_SPF_TOO_MANY_LOOKUPS: Rule = Rule {
    code: "ZG822",
    name: "live-spf-too-many-lookups",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 7208 §4.6.4",
    summary: Text {
        en: r#"an SPF record needs more than 10 DNS lookups"#,
        ja: r#"SPF レコードが 10 回を超える DNS 参照を必要とする"#,
    },
    docs: Text {
        en: r#"## What it does
Follows the `include` and `redirect` chain of every SPF record in the submission (names in the zone from the submission, others through the resolver) and counts the terms that cost a DNS lookup: `include`, `a`, `mx`, `ptr`, `exists` and `redirect`. More than 10 in total is reported, with the chain. ZG512 counts the zone's own records offline and reports a record already over 10 there; this rule reports what only the other domains' records push over the limit.

## Why is this bad?
RFC 7208 §4.6.4 makes receivers stop at 10 lookups and return permerror, which most treat as a fail: mail from the domain is rejected or lands in spam. The count grows without anyone editing the record, whenever an included provider adds includes of its own.

## Example
```
SPF for `example.co.jp.` needs 12 DNS lookups, more than the 10 RFC 7208 allows
```

## How to fix
Remove includes of services no longer used, replace `a` and `mx` by `ip4`/`ip6` where the addresses are stable, or split mail streams onto subdomains with their own SPF.
"#,
        ja: r#"## 内容
申請内のすべての SPF レコードについて `include` と `redirect` の連鎖をたどり（ゾーン内の名前は申請から、それ以外はリゾルバーで）、DNS 参照を伴う項目（`include`・`a`・`mx`・`ptr`・`exists`・`redirect`）を数えます。合計が 10 を超えると、連鎖を示して報告します。ZG512 はゾーン自身のレコードをオフラインで数え、そこで既に 10 を超えるレコードを報告します。このルールは、他のドメインのレコードを加えて初めて上限を超えるものを報告します。

## 問題点
RFC 7208 §4.6.4 により受信側は 10 回で評価を打ち切り permerror を返し、多くはこれを fail として扱います。ドメインからのメールは拒否されるか迷惑メールになります。取り込んだ事業者が自分の include を増やすだけで、誰もレコードを編集しなくても回数は増えます。

## 例
```
SPF for `example.co.jp.` needs 12 DNS lookups, more than the 10 RFC 7208 allows
```

## 修正方法
使っていないサービスの include を外す、アドレスが固定なら `a`・`mx` を `ip4`・`ip6` に置き換える、またはメールの送信元ごとにサブドメインを分けて個別の SPF にしてください。
"#,
    },
    check: Check::Emitted,
};
