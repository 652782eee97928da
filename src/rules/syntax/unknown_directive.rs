//! ZG020 `unknown-directive`: a `$` directive that does not exist.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNKNOWN_DIRECTIVE: Rule = Rule {
    code: "ZG020",
    name: "unknown-directive",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a `$` directive that does not exist"#,
        ja: r#"存在しない `$` ディレクティブ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports lines starting with `$` that are not `$ORIGIN`, `$TTL`, `$INCLUDE` or `$GENERATE`, and suggests the closest one.

## Why is this bad?
A misspelt `$ORIGIN` is ignored, so every relative name after it lands in the wrong domain.

## Example
```
$ORGIN example.jp.\nwww     IN A   192.0.2.1
```

## How to fix
Fix the spelling.
"#,
        ja: r#"## 内容
`$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE` 以外の `$` で始まる行を報告し、最も近いものを示します。

## 問題点
`$ORIGIN` の綴りを誤ると無視され、その後の相対名がすべて違うドメインに入ります。

## 例
```
$ORGIN example.jp.\nwww     IN A   192.0.2.1
```

## 修正方法
綴りを直してください。
"#,
    },
    check: Check::Emitted,
};
