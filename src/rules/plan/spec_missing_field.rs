//! ZG903 `spec-missing-field`: a required field of the cutover spec is missing.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_MISSING_FIELD: Rule = Rule {
    code: "ZG903",
    name: "spec-missing-field",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "zonegate cutover spec schema",
    summary: Text {
        en: r#"a required field of the cutover spec is missing"#,
        ja: r#"カットオーバー仕様の必須フィールドがない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a mapping that lacks a required field: `zone` or `nameservers` at the top, `mx` under `mail`, `preference` or `exchange` in an MX entry, `name` in a nameserver given as a mapping.

## Why is this bad?
The plan cannot be made without it, and no default would be safe: a cutover to nameservers nobody named is not a plan.

## Example
```
zone: example.co.jp
ttl:
  lowered: 300
```

## How to fix
Add the field. The schema is in README.md ("The cutover spec").
"#,
        ja: r#"## 内容
必須フィールドが欠けたマッピングを報告します（最上位の `zone` や `nameservers`、`mail` の下の `mx`、MX 項目の `preference` や `exchange`、マッピングで書いたネームサーバーの `name`）。

## 問題点
これがなければ計画を作れず、安全な既定値もありません。誰も指定していないネームサーバーへの切替は計画ではありません。

## 例
```
zone: example.co.jp
ttl:
  lowered: 300
```

## 修正方法
フィールドを追加してください。スキーマは README.md の「The cutover spec」にあります。
"#,
    },
    check: Check::Emitted,
};
