//! ZG803 `serial-mismatch`: the current name servers serve different SOA serials.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SERIAL_MISMATCH: Rule = Rule {
    code: "ZG803",
    name: "serial-mismatch",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 1996, RFC 1982",
    summary: Text {
        en: r#"the current name servers serve different SOA serials"#,
        ja: r#"現在のネームサーバー間で SOA シリアルが異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Compares the SOA serial each current name server address serves (over UDP and TCP) and reports the zone once when they differ, listing which servers serve which serial.

## Why is this bad?
Different serials mean the servers serve different versions of the zone: a secondary has stopped transferring, or an anycast node is stale. Resolvers get different answers depending on the server they reach, and the comparison with the submission depends on the server asked.

## Example
```
the current servers serve different SOA serials: 2024060101 at 192.0.2.53 (ns1.old-dns.jp.); 2024050101 at 198.51.100.53 (ns2.old-dns.jp.)
```

## How to fix
Ask the current host to bring the stale servers up to date before the cutover; compare with the newest serial's server (zonegate prefers it for the content comparison).
"#,
        ja: r#"## 内容
現在の各ネームサーバーのアドレスが（UDP と TCP で）返す SOA シリアルを比較し、異なる場合にどのサーバーがどのシリアルかを列挙してゾーンにつき 1 回報告します。

## 問題点
シリアルが異なるのは、サーバーが別の版のゾーンを返していることを意味します。セカンダリーのゾーン転送が止まっているか、エニーキャストのノードが古いままです。リゾルバーは当たったサーバーによって異なる応答を受け取り、申請内容との比較も問い合わせ先によって変わります。

## 例
```
the current servers serve different SOA serials: 2024060101 at 192.0.2.53 (ns1.old-dns.jp.); 2024050101 at 198.51.100.53 (ns2.old-dns.jp.)
```

## 修正方法
切替前に古いサーバーを最新にするよう現在の事業者に依頼してください。内容の比較には最新シリアルのサーバーを優先して使います。
"#,
    },
    check: Check::Emitted,
};
