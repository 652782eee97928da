//! ZG011 `unclosed-parenthesis`: a `(` that is never closed.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNCLOSED_PARENTHESIS: Rule = Rule {
    code: "ZG011",
    name: "unclosed-parenthesis",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a `(` that is never closed"#,
        ja: r#"閉じられない `(`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `(` that is not closed by a `)`. For recovery the record is read as ending before the next line that starts in column 1, where the next record most likely begins.

## Why is this bad?
An unclosed parenthesis turns the rest of the file into one record in most servers, so every record after it is lost.

## Example
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## How to fix
Add the `)` at the end of the record.
"#,
        ja: r#"## 内容
`)` で閉じられない `(` を報告します。回復のため、1 桁目から始まる次の行（次のレコードの開始と考えられる位置）の手前でレコードが終わるものとして読みます。

## 問題点
閉じられない括弧があると、多くのサーバーでファイルの残りが 1 つのレコードになり、それ以降のレコードがすべて失われます。

## 例
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## 修正方法
レコードの終わりに `)` を追加してください。
"#,
    },
    check: Check::Emitted,
};
