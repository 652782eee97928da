//! ZG701 `registrar-pseudo-record`: a registrar control-panel feature exported as a record type.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static REGISTRAR_PSEUDO_RECORD: Rule = Rule {
    code: "ZG701",
    name: "registrar-pseudo-record",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §3.2.2",
    summary: Text {
        en: r#"a registrar control-panel feature exported as a record type"#,
        ja: r#"レコードタイプとしてエクスポートされたレジストラの機能"#,
    },
    docs: Text {
        en: r#"## What it does
Reports pseudo-types that control panels export but no DNS server knows: `URL`, `REDIRECT`, `FRAME`, `FWD`, `MBOXFW`, `ALIAS`, `ANAME` and similar, with what to publish instead.

## Why is this bad?
These are HTTP or mail-forwarding services run by the old provider. They stop working at cutover unless the customer replaces them with real records and a real service.

## Example
```
www     IN URL https://shop.example.com/
```

## How to fix
Publish A/AAAA or CNAME records for a web server that redirects, or MX records for the mail service; ask the host about its forwarding service.
"#,
        ja: r#"## 内容
コントロールパネルがエクスポートするが DNS サーバーは知らない擬似タイプ（`URL`, `REDIRECT`, `FRAME`, `FWD`, `MBOXFW`, `ALIAS`, `ANAME` など）を報告し、代わりに何を記載すべきかを示します。

## 問題点
これらは旧事業者が提供する HTTP 転送やメール転送のサービスです。お客様が実際のレコードとサービスに置き換えない限り、切替時に機能しなくなります。

## 例
```
www     IN URL https://shop.example.com/
```

## 修正方法
リダイレクトする Web サーバーの A/AAAA・CNAME、またはメールサービスの MX を記載し、ホスティング事業者に転送サービスについて確認してください。
"#,
    },
    check: Check::Emitted,
};
