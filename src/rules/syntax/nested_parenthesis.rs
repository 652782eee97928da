//! ZG013 `nested-parenthesis`: a `(` inside another `(`.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NESTED_PARENTHESIS: Rule = Rule {
    code: "ZG013",
    name: "nested-parenthesis",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a `(` inside another `(`"#,
        ja: r#"`(` の中の `(`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `(` opened while another is still open. Parentheses in zone files group lines; they do not nest.

## Why is this bad?
Servers reject nested parentheses, and a second `(` on a later line usually means the first was never closed.

## Example
```
txt     IN TXT ( "part one" ( "part two" ) )
```

## How to fix
Close the first `(` before opening another.
"#,
        ja: r#"## 内容
別の `(` が開いたままの状態で開かれた `(` を報告します。ゾーンファイルの括弧は行をまとめるもので、入れ子にはなりません。

## 問題点
サーバーは入れ子の括弧を拒否します。後の行の 2 つ目の `(` は、多くの場合最初の括弧の閉じ忘れです。

## 例
```
txt     IN TXT ( "part one" ( "part two" ) )
```

## 修正方法
次の `(` を開く前に最初の `(` を閉じてください。
"#,
    },
    check: Check::Emitted,
};
