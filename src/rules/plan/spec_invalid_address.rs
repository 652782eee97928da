//! ZG910 `spec-invalid-address`: a nameserver address in the cutover spec that is not an IP address.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_INVALID_ADDRESS: Rule = Rule {
    code: "ZG910",
    name: "spec-invalid-address",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 4291 §2.2",
    summary: Text {
        en: r#"a nameserver address in the cutover spec that is not an IP address"#,
        ja: r#"IP アドレスとして不正なカットオーバー仕様のネームサーバーアドレス"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an entry of a nameserver's `addresses` that is not an IPv4 or IPv6 address, optionally with a port (`192.0.2.53`, `2001:db8::53`, `[2001:db8::53]:5353`, `127.0.0.1:5301`).

## Why is this bad?
`zonegate verify` asks these addresses whether the new servers serve the zone, and glue for in-zone nameservers comes from them: a wrong address checks the wrong server.

## Example
```
nameservers:
  - {name: ns1.newdns.net., addresses: [192.0.2.300]}
  - ns2.newdns.net.
```

## How to fix
Write the address in standard notation; put an IPv6 address with a port in brackets.
"#,
        ja: r#"## 内容
IPv4 または IPv6 アドレス（ポート付きも可: `192.0.2.53`、`2001:db8::53`、`[2001:db8::53]:5353`、`127.0.0.1:5301`）ではない、ネームサーバーの `addresses` の項目を報告します。

## 問題点
`zonegate verify` はこのアドレスに新しいサーバーがゾーンを返すか問い合わせ、ゾーン内のネームサーバーのグルーもここから作ります。誤ったアドレスでは別のサーバーを確認することになります。

## 例
```
nameservers:
  - {name: ns1.newdns.net., addresses: [192.0.2.300]}
  - ns2.newdns.net.
```

## 修正方法
標準の表記で書いてください。ポート付きの IPv6 アドレスは角括弧で囲みます。
"#,
    },
    check: Check::Emitted,
};
