//! ZG815 `not-served-live`: a record set in the submission is not served today.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NOT_SERVED_LIVE: Rule = Rule {
    code: "ZG815",
    name: "not-served-live",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "RFC 2181 §5",
    summary: Text {
        en: r#"a record set in the submission is not served today"#,
        ja: r#"申請のレコードセットが現在は公開されていない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an RRset in the submission that the current servers were asked about and do not serve (the name does not exist, or has no data of that type).

## Why is this bad?
New records are normal in a move, but an unexpected one can be a typo in the owner name (`ww` for `www`) that also leaves the intended name missing, or a record meant for another zone.

## Example
```
`shop.example.co.jp. A` is not served today: 192.0.2.53 (ns1.old-dns.jp.) answers NXDOMAIN
```

## How to fix
Nothing to do if the record is new. Otherwise correct its owner name.
"#,
        ja: r#"## 内容
現在のサーバーに問い合わせたが公開されていない（名前が存在しないか、そのタイプのデータがない）申請内の RRset を報告します。

## 問題点
移転で新しいレコードが増えるのは普通ですが、想定外のものはオーナー名の誤記（`www` を `ww` と書くなど）で、本来の名前が抜けていることもあります。別のゾーン向けのレコードの場合もあります。

## 例
```
`shop.example.co.jp. A` is not served today: 192.0.2.53 (ns1.old-dns.jp.) answers NXDOMAIN
```

## 修正方法
新しいレコードなら対応は不要です。そうでなければオーナー名を修正してください。
"#,
    },
    check: Check::Emitted,
};
