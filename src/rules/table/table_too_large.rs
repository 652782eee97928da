//! ZG066 `table-too-large`: a record table with more rows, columns or cell text than zonegate reads.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static TABLE_TOO_LARGE: Rule = Rule {
    code: "ZG066",
    name: "table-too-large",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "RFC 1035 §5 (record tables)",
    summary: Text {
        en: r#"a record table with more rows, columns or cell text than zonegate reads"#,
        ja: r#"zonegate が読み込む上限を超える行・列・文字量のレコード表"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a table whose rows (beyond 200,000), columns (beyond 64) or cell text (beyond 64 MiB) were not read.

## Why is this bad?
Records past the limit would be silently lost at cutover. A real record table is a few hundred rows; a sheet far larger is usually another export, or a hostile file.

## Example
```
(a sheet with data in column BZ, or a million rows)
```

## How to fix
Send only the records: delete other data from the sheet, or split the table.
"#,
        ja: r#"## 内容
行（200,000 超）、列（64 超）、セルの文字量（64 MiB 超）が上限を超え、読み込まなかった部分がある表を報告します。

## 問題点
上限を超えたレコードは切り替え時に黙って失われます。実際のレコード表は数百行程度で、はるかに大きいシートは別のエクスポートか、悪意のあるファイルであることがほとんどです。

## 例
```
(a sheet with data in column BZ, or a million rows)
```

## 修正方法
レコードだけを送ってください。シートの他のデータを削除するか、表を分けてください。
"#,
    },
    check: Check::Emitted,
};
