//! ZG023 `include-refused`: `$INCLUDE` in a submitted file, refused by default.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INCLUDE_REFUSED: Rule = Rule {
    code: "ZG023",
    name: "include-refused",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"`$INCLUDE` in a submitted file, refused by default"#,
        ja: r#"提出ファイル中の `$INCLUDE`（既定で拒否）"#,
    },
    docs: Text {
        en: r#"## What it does
Refuses every `$INCLUDE` unless `--allow-include DIR` is given. The included file is never opened.

## Why is this bad?
A submitted zone is a stranger's file. `$INCLUDE /etc/shadow` would make a checker read the operator's own files and echo them back in its errors.

## Example
```
$INCLUDE "include/part.zone"
```

## How to fix
Paste the included records into the zone file. For trusted files, rerun with `--allow-include DIR`.
"#,
        ja: r#"## 内容
`--allow-include DIR` が指定されない限り、すべての `$INCLUDE` を拒否します。含めるファイルは開きません。

## 問題点
提出されたゾーンは外部の人のファイルです。`$INCLUDE /etc/shadow` はチェッカーにオペレーター自身のファイルを読ませ、エラーに表示させてしまいます。

## 例
```
$INCLUDE "include/part.zone"
```

## 修正方法
含めるレコードをゾーンファイルに貼り付けてください。信頼できるファイルなら `--allow-include DIR` を付けて再実行してください。
"#,
    },
    check: Check::Emitted,
};
