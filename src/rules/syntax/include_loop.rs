//! ZG026 `include-loop`: `$INCLUDE` that loops or nests too deeply.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INCLUDE_LOOP: Rule = Rule {
    code: "ZG026",
    name: "include-loop",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"`$INCLUDE` that loops or nests too deeply"#,
        ja: r#"ループする、または入れ子が深すぎる `$INCLUDE`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an include of a file that is already being read (a loop), or nesting deeper than `--max-include-depth` (8 by default).

## Why is this bad?
Without the check, a file that includes itself would be read forever.

## Example
```
$INCLUDE "include/loop.zone"
```

## How to fix
Remove the include that closes the loop.
"#,
        ja: r#"## 内容
読み込み中のファイルを再び含める include（ループ）や、`--max-include-depth`（既定 8）を超える入れ子を報告します。

## 問題点
この確認がないと、自分自身を含めるファイルは永久に読み込まれます。

## 例
```
$INCLUDE "include/loop.zone"
```

## 修正方法
ループを作っている include を削除してください。
"#,
    },
    check: Check::Emitted,
};
