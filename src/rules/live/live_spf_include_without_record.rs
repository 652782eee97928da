//! ZG824 `live-spf-include-without-record`: an SPF include or redirect names a domain outside the zone without exactly one SPF record.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_SPF_INCLUDE_WITHOUT_RECORD: Rule = Rule {
    code: "ZG824",
    name: "live-spf-include-without-record",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 7208 §5.2, RFC 7208 §6.1",
    summary: Text {
        en: r#"an SPF include or redirect names a domain outside the zone without exactly one SPF record"#,
        ja: r#"SPF の include または redirect 先のゾーン外ドメインに SPF レコードがちょうど 1 つない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an `include:` or `redirect=` in the submission's SPF chain whose domain, outside the zone, publishes no SPF record, or more than one, as the resolver sees it. Targets inside the zone are ZG513's, judged from the submission.

## Why is this bad?
An include of a domain without SPF is a permerror (RFC 7208 §5.2), and so is a redirect (§6.1): the whole SPF evaluation fails, not just that term. Typical causes are a typo in the provider's name and a provider that moved its SPF elsewhere.

## Example
```
SPF for `example.co.jp.` includes `spf.old-mailer.example.`, which has no SPF record
```

## How to fix
Correct the domain from the provider's documentation, or remove the include.
"#,
        ja: r#"## 内容
申請の SPF 連鎖で、`include:` または `redirect=` の先のゾーン外のドメインが、リゾルバーから見て SPF レコードを公開していないか、複数公開しているものを報告します。ゾーン内の先は ZG513 が申請内容から判定します。

## 問題点
SPF のないドメインの include は permerror です（RFC 7208 §5.2）。redirect も同じです（§6.1）。その項目だけでなく SPF の評価全体が失敗します。よくある原因は事業者名の誤記と、事業者の SPF の移動です。

## 例
```
SPF for `example.co.jp.` includes `spf.old-mailer.example.`, which has no SPF record
```

## 修正方法
事業者の資料でドメインを確認して修正するか、include を削除してください。
"#,
    },
    check: Check::Emitted,
};
