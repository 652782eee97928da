//! ZG909 `spec-too-few-nameservers`: fewer than two distinct nameservers in the cutover spec.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_TOO_FEW_NAMESERVERS: Rule = Rule {
    code: "ZG909",
    name: "spec-too-few-nameservers",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 1034 §4.1",
    summary: Text {
        en: r#"fewer than two distinct nameservers in the cutover spec"#,
        ja: r#"カットオーバー仕様のネームサーバーが 2 つ未満"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `nameservers` list with fewer than two distinct servers, counting a server listed twice once.

## Why is this bad?
RFC 1034 §4.1 asks for at least two servers so that one failure does not take the domain off the Internet, and the .jp registry and most others refuse a delegation to a single server.

## Example
```
nameservers: [ns1.newdns.net., ns1.newdns.net.]
```

## How to fix
List every nameserver of the new host, at least two.
"#,
        ja: r#"## 内容
重複を 1 つと数えて、異なるサーバーが 2 つ未満の `nameservers` を報告します。

## 問題点
RFC 1034 §4.1 は、1 台の障害でドメインがインターネットから消えないよう 2 台以上のサーバーを求めています。.jp レジストリを含む多くのレジストリは 1 台だけへの委任を受け付けません。

## 例
```
nameservers: [ns1.newdns.net., ns1.newdns.net.]
```

## 修正方法
新しいホストのネームサーバーをすべて（2 つ以上）記載してください。
"#,
    },
    check: Check::Emitted,
};
