//! ZG062 `missing-cell`: a row of a record table whose type or value cell is empty.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_CELL: Rule = Rule {
    code: "ZG062",
    name: "missing-cell",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5 (record tables)",
    summary: Text {
        en: r#"a row of a record table whose type or value cell is empty"#,
        ja: r#"タイプまたは値のセルが空のレコード表の行"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a row that holds data but leaves the type or the value empty. An empty host means the zone apex, and an empty TTL the host's default, so only these two cells are required.

## Why is this bad?
A row with half a record cannot be loaded; guessing the type from the value would create records nobody asked for.

## Example
```
ホスト名,タイプ,値
www,,192.0.2.1
mail,MX,
```

## How to fix
Fill in the type (A, AAAA, CNAME, MX, TXT, ...) and the value, or delete the row.
"#,
        ja: r#"## 内容
データがあるのにタイプまたは値が空の行を報告します。ホスト名が空ならゾーン頂点、TTL が空なら事業者の既定値を意味するため、必須なのはこの 2 つのセルだけです。

## 問題点
半分だけのレコードは登録できません。値からタイプを推測すると、依頼されていないレコードを作ることになります。

## 例
```
ホスト名,タイプ,値
www,,192.0.2.1
mail,MX,
```

## 修正方法
タイプ（A, AAAA, CNAME, MX, TXT など）と値を記入するか、その行を削除してください。
"#,
    },
    check: Check::Emitted,
};
