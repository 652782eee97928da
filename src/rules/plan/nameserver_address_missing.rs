//! ZG912 `nameserver-address-missing`: a new nameserver inside the zone without an address for its glue.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NAMESERVER_ADDRESS_MISSING: Rule = Rule {
    code: "ZG912",
    name: "nameserver-address-missing",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 1034 §4.2.1",
    summary: Text {
        en: r#"a new nameserver inside the zone without an address for its glue"#,
        ja: r#"グルー用のアドレスがないゾーン内の新しいネームサーバー"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a new nameserver whose name is inside the zone being moved (`ns1.example.co.jp.` for `example.co.jp`) when neither the spec (`addresses`) nor the zone file (A/AAAA) gives its address.

## Why is this bad?
A nameserver inside its own zone can only be found through glue at the parent; without an address the registry refuses the delegation, or resolvers cannot reach the zone at all after the switch.

## Example
```
zone: example.co.jp
nameservers: [ns1.example.co.jp., ns2.newdns.net.]
```

## How to fix
Give the address: `{name: ns1.example.co.jp., addresses: [192.0.2.53]}`, and add the same A/AAAA records to the zone.
"#,
        ja: r#"## 内容
移行するゾーンの内側の名前を持つ新しいネームサーバー（`example.co.jp` に対する `ns1.example.co.jp.`）で、仕様（`addresses`）にもゾーンファイル（A/AAAA）にもアドレスがないものを報告します。

## 問題点
自身のゾーン内にあるネームサーバーは親のグルーでしか見つけられません。アドレスがなければレジストリが委任を受け付けないか、切替後にリゾルバーがゾーンに到達できません。

## 例
```
zone: example.co.jp
nameservers: [ns1.example.co.jp., ns2.newdns.net.]
```

## 修正方法
アドレスを指定し（`{name: ns1.example.co.jp., addresses: [192.0.2.53]}`）、同じ A/AAAA レコードをゾーンにも追加してください。
"#,
    },
    check: Check::Emitted,
};
