//! ZG014 `invalid-escape`: a backslash escape that is not `\X` or `\DDD`.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_ESCAPE: Rule = Rule {
    code: "ZG014",
    name: "invalid-escape",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a backslash escape that is not `\X` or `\DDD`"#,
        ja: r#"`\X` でも `\DDD` でもないバックスラッシュのエスケープ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `\` followed by one or two digits, by a number above 255, or by the end of the line. `\DDD` needs exactly three decimal digits from 000 to 255.

## Why is this bad?
Servers read malformed escapes differently (some as octal, some as an error), so the record's data is uncertain.

## Example
```
txt     IN TXT "tab\9here"
```

## How to fix
Write `\DDD` with three decimal digits, such as `\032` for a space, or `\` before a single character.
"#,
        ja: r#"## 内容
`\` の後に数字が 1 桁か 2 桁しかないもの、255 を超える数、行末が続くものを報告します。`\DDD` には 000 から 255 の 10 進数 3 桁が必要です。

## 問題点
不正なエスケープはサーバーによって解釈が異なり（8 進数と読むもの、エラーとするもの）、レコードのデータが定まりません。

## 例
```
txt     IN TXT "tab\9here"
```

## 修正方法
空白なら `\032` のように 10 進 3 桁で `\DDD` と書くか、1 文字の前に `\` を書いてください。
"#,
    },
    check: Check::Emitted,
};
