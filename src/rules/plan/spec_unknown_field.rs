//! ZG902 `spec-unknown-field`: a field the cutover spec does not have.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_UNKNOWN_FIELD: Rule = Rule {
    code: "ZG902",
    name: "spec-unknown-field",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "zonegate cutover spec schema",
    summary: Text {
        en: r#"a field the cutover spec does not have"#,
        ja: r#"カットオーバー仕様に存在しないフィールド"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a key the cutover spec schema does not define, usually a typo (`namesevers`, `lowerd`), and suggests the field that was probably meant.

## Why is this bad?
A misspelt optional field is otherwise ignored silently: the plan would be made without the mail switch or with the default TTL the operator meant to change.

## Example
```
zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.]
ttl:
  lowerd: 300
```

## How to fix
Spell the field as the schema does, or remove it.
"#,
        ja: r#"## 内容
カットオーバー仕様のスキーマにないキー（多くは `namesevers`、`lowerd` のような綴り誤り）を報告し、意図されたと思われるフィールドを示します。

## 問題点
綴りを誤った任意フィールドは黙って無視されがちです。メール切替のない計画や、変えるつもりだった既定の TTL のままの計画ができてしまいます。

## 例
```
zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.]
ttl:
  lowerd: 300
```

## 修正方法
スキーマどおりの綴りにするか、削除してください。
"#,
    },
    check: Check::Emitted,
};
