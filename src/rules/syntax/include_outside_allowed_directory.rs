//! ZG024 `include-outside-allowed-directory`: `$INCLUDE` of a file outside the allowed directory.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INCLUDE_OUTSIDE_ALLOWED_DIRECTORY: Rule = Rule {
    code: "ZG024",
    name: "include-outside-allowed-directory",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"`$INCLUDE` of a file outside the allowed directory"#,
        ja: r#"許可されたディレクトリの外のファイルの `$INCLUDE`"#,
    },
    docs: Text {
        en: r#"## What it does
With `--allow-include DIR`, refuses an include whose path, once symbolic links and `..` are resolved, lies outside DIR.

## Why is this bad?
`../` and symbolic links are the usual ways out of a directory; checking the canonical path closes both.

## Example
```
$INCLUDE "ZG024.secret"
```

## How to fix
Move the file into the allowed directory, or include it by a path inside it.
"#,
        ja: r#"## 内容
`--allow-include DIR` の指定時、シンボリックリンクと `..` を解決したパスが DIR の外にある include を拒否します。

## 問題点
`../` とシンボリックリンクはディレクトリから抜け出す典型的な手段です。正規化したパスを確認すれば両方を防げます。

## 例
```
$INCLUDE "ZG024.secret"
```

## 修正方法
ファイルを許可されたディレクトリに移すか、その中のパスで含めてください。
"#,
    },
    check: Check::Emitted,
};
