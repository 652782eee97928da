//! ZG025 `include-unreadable`: `$INCLUDE` of a file that cannot be read.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INCLUDE_UNREADABLE: Rule = Rule {
    code: "ZG025",
    name: "include-unreadable",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"`$INCLUDE` of a file that cannot be read"#,
        ja: r#"読めないファイルの `$INCLUDE`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an allowed include that does not exist, is not a regular file, or cannot be read.

## Why is this bad?
The included records are missing from the zone; the server would refuse to load it.

## Example
```
$INCLUDE "include/missing.zone"
```

## How to fix
Fix the path, or add the file.
"#,
        ja: r#"## 内容
存在しない、通常のファイルではない、または読めない include を報告します。

## 問題点
含めるはずのレコードがゾーンから欠け、サーバーはゾーンを読み込めません。

## 例
```
$INCLUDE "include/missing.zone"
```

## 修正方法
パスを直すか、ファイルを追加してください。
"#,
    },
    check: Check::Emitted,
};
