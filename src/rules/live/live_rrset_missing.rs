//! ZG811 `live-rrset-missing`: a record set served today is missing from the submission.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_RRSET_MISSING: Rule = Rule {
    code: "ZG811",
    name: "live-rrset-missing",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 2181 §5",
    summary: Text {
        en: r#"a record set served today is missing from the submission"#,
        ja: r#"現在公開されているレコードセットが申請にない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports each RRset (owner name and type) that a current authoritative server serves for the zone but the submission does not contain. The server and the query are named, with a `dig` command to see it.

## Why is this bad?
At cutover the new host serves only what was submitted: this RRset disappears from the internet. A forgotten AAAA takes a shop off IPv6, a forgotten SRV breaks Teams or Skype federation, a forgotten DKIM selector makes mail fail DMARC.

## Example
```
`shop.example.co.jp. AAAA` is served by 192.0.2.53 (ns1.old-dns.jp.) but missing from the submission
```

## How to fix
Add the records to the submission (the help shows the values served today), or confirm with the customer that they are to be dropped and suppress the finding with a reason.
"#,
        ja: r#"## 内容
現在の権威サーバーが返しているのに申請に含まれていない RRset（オーナー名とタイプ）を報告します。サーバーと問い合わせ、確認用の `dig` コマンドを示します。

## 問題点
切替後、新しい事業者は申請された内容しか返しません。この RRset はインターネットから消えます。AAAA を忘れればショップが IPv6 で見えなくなり、SRV を忘れれば Teams や Skype の連携が壊れ、DKIM のセレクターを忘れればメールが DMARC に失敗します。

## 例
```
`shop.example.co.jp. AAAA` is served by 192.0.2.53 (ns1.old-dns.jp.) but missing from the submission
```

## 修正方法
レコードを申請に追加するか（現在の値はヘルプに示します）、削除してよいことをお客様に確認し、理由を付けて指摘を抑止してください。
"#,
    },
    check: Check::Emitted,
};
