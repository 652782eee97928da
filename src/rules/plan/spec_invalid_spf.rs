//! ZG908 `spec-invalid-spf`: an SPF policy in the cutover spec that is not one.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_INVALID_SPF: Rule = Rule {
    code: "ZG908",
    name: "spec-invalid-spf",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 7208 §4.5",
    summary: Text {
        en: r#"an SPF policy in the cutover spec that is not one"#,
        ja: r#"SPF ポリシーとして不正なカットオーバー仕様の値"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `mail.spf` value that does not start with the version `v=spf1` followed by a space or the end, or that contains characters outside printable ASCII.

## Why is this bad?
Receivers ignore a TXT record without the exact version tag (RFC 7208 §4.5), so the domain would be left without SPF after the switch and Microsoft 365 mail would be marked as spoofed.

## Example
```
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
  spf: "spf1 include:spf.protection.outlook.com -all"
```

## How to fix
Start the policy with `v=spf1 `: `v=spf1 include:spf.protection.outlook.com -all`.
"#,
        ja: r#"## 内容
`v=spf1` の後に空白か末尾が続く形で始まらない、または印字可能な ASCII 以外の文字を含む `mail.spf` を報告します。

## 問題点
正確なバージョンタグのない TXT レコードは受信側に無視されるため（RFC 7208 §4.5）、切替後のドメインに SPF がなくなり、Microsoft 365 からのメールがなりすましと判定されます。

## 例
```
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
  spf: "spf1 include:spf.protection.outlook.com -all"
```

## 修正方法
ポリシーを `v=spf1 ` で始めてください: `v=spf1 include:spf.protection.outlook.com -all`。
"#,
    },
    check: Check::Emitted,
};
