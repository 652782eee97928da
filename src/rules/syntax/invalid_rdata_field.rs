//! ZG049 `invalid-rdata-field`: a record data field that is malformed for its type.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_RDATA_FIELD: Rule = Rule {
    code: "ZG049",
    name: "invalid-rdata-field",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 3597 §5",
    summary: Text {
        en: r#"a record data field that is malformed for its type"#,
        ja: r#"タイプに対して不正なレコードデータのフィールド"#,
    },
    docs: Text {
        en: r#"## What it does
Reports fields that are malformed in a type-specific way: a CAA tag with punctuation, a type bitmap entry that is not a type, a signature time that is not a date, LOC, APL, SVCB and other structured data that does not parse.

## Why is this bad?
The record cannot be loaded.

## Example
```
@       IN CAA 0 iss-ue "letsencrypt.org"
```

## How to fix
Fix the field as the help says.
"#,
        ja: r#"## 内容
句読点を含む CAA タグ、タイプではないタイプビットマップの要素、日付ではない署名時刻、解析できない LOC・APL・SVCB などの構造化データなど、タイプ固有の形式に反するフィールドを報告します。

## 問題点
レコードは読み込めません。

## 例
```
@       IN CAA 0 iss-ue "letsencrypt.org"
```

## 修正方法
ヘルプに従ってフィールドを直してください。
"#,
    },
    check: Check::Emitted,
};
