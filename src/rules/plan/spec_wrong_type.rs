//! ZG904 `spec-wrong-type`: a cutover spec value of the wrong type.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_WRONG_TYPE: Rule = Rule {
    code: "ZG904",
    name: "spec-wrong-type",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "zonegate cutover spec schema",
    summary: Text {
        en: r#"a cutover spec value of the wrong type"#,
        ja: r#"型の誤ったカットオーバー仕様の値"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a value of the wrong kind: a list where one value belongs, text where a number belongs, a number outside its type (an MX preference above 65535), text where `true` or `false` belongs.

## Why is this bad?
The spec would be read as something else, or not at all.

## Example
```
mail:
  mx: [{preference: high, exchange: example-co-jp.mail.protection.outlook.com.}]
```

## How to fix
Write the value as the schema asks: numbers without quotes or units, lists in `[...]` or as `-` items, `true` or `false`.
"#,
        ja: r#"## 内容
値の種類の誤りを報告します（1 つの値の位置にリスト、数値の位置に文字列、型の範囲外の数値（65535 を超える MX 優先度）など）。

## 問題点
仕様が別の意味に読まれるか、まったく読めません。

## 例
```
mail:
  mx: [{preference: high, exchange: example-co-jp.mail.protection.outlook.com.}]
```

## 修正方法
スキーマどおりに書いてください（数値は引用符や単位なし、リストは `[...]` か `-` 項目、真偽値は `true` か `false`）。
"#,
    },
    check: Check::Emitted,
};
