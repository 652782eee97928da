//! ZG905 `spec-invalid-name`: a name in the cutover spec that is not a domain name.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_INVALID_NAME: Rule = Rule {
    code: "ZG905",
    name: "spec-invalid-name",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 1035 §2.3.1",
    summary: Text {
        en: r#"a name in the cutover spec that is not a domain name"#,
        ja: r#"ドメイン名として不正なカットオーバー仕様の名前"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a nameserver, MX exchange, autodiscover target or zone in the spec that is not a host name: an address where a name belongs, spaces, an empty label, a label over 63 octets, characters other than letters, digits and hyphens.

## Why is this bad?
The registry refuses such a nameserver, and mail to such an exchange bounces; an address is not a nameserver name (give it under `addresses`).

## Example
```
nameservers: [192.0.2.53, ns2.newdns.net.]
```

## How to fix
Write the host name, with a trailing dot (`ns1.newdns.net.`). Give the server's addresses in the mapping form: `{name: ns1.newdns.net., addresses: [192.0.2.53]}`.
"#,
        ja: r#"## 内容
ホスト名ではない、仕様中のネームサーバー、MX の宛先、autodiscover の宛先、ゾーン名を報告します（名前の位置のアドレス、空白、空のラベル、63 オクテットを超えるラベル、英数字とハイフン以外の文字）。

## 問題点
レジストリはそのようなネームサーバーを受け付けず、そのような宛先へのメールは戻ってきます。アドレスはネームサーバー名ではありません（`addresses` に書きます）。

## 例
```
nameservers: [192.0.2.53, ns2.newdns.net.]
```

## 修正方法
末尾にドットを付けたホスト名（`ns1.newdns.net.`）を書いてください。サーバーのアドレスはマッピング形式で書きます: `{name: ns1.newdns.net., addresses: [192.0.2.53]}`。
"#,
    },
    check: Check::Emitted,
};
