//! ZG812 `live-rrset-differs`: a record set in the submission differs from the one served today.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_RRSET_DIFFERS: Rule = Rule {
    code: "ZG812",
    name: "live-rrset-differs",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 2181 §5",
    summary: Text {
        en: r#"a record set in the submission differs from the one served today"#,
        ja: r#"申請のレコードセットが現在公開されているものと異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Compares each RRset served today with the submission's RRset of the same owner and type, in wire form after RFC 4034 §6.2 canonicalisation (names in the data compared without case), and reports values that are served today but not submitted, and submitted values not served today.

## Why is this bad?
Values change at cutover. That may be intended (a new mail service), but is often a typo or an outdated export: the submitted address is last year's, or one of two MX hosts went missing.

## Example
```
`www.example.co.jp. A` differs from what 192.0.2.53 (ns1.old-dns.jp.) serves
```

## How to fix
Correct the submitted values, or confirm with the customer that the change is intended and suppress the finding with a reason.
"#,
        ja: r#"## 内容
現在公開されている各 RRset を、申請内の同じオーナー名・タイプの RRset とワイヤー形式で比較し（RFC 4034 §6.2 の正規化によりデータ内の名前は大文字小文字を区別しない）、現在公開されていて申請にない値と、申請にあって現在公開されていない値を報告します。

## 問題点
切替で値が変わります。意図した変更（新しいメールサービスなど）のこともありますが、多くは誤記か古いエクスポートです。申請のアドレスが昨年のものだったり、2 台の MX の 1 台が抜けていたりします。

## 例
```
`www.example.co.jp. A` differs from what 192.0.2.53 (ns1.old-dns.jp.) serves
```

## 修正方法
申請の値を修正するか、意図した変更であることをお客様に確認し、理由を付けて指摘を抑止してください。
"#,
    },
    check: Check::Emitted,
};
