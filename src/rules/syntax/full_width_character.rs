//! ZG015 `full-width-character`: full-width letters, digits or symbols where ASCII was meant.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static FULL_WIDTH_CHARACTER: Rule = Rule {
    code: "ZG015",
    name: "full-width-character",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"full-width letters, digits or symbols where ASCII was meant"#,
        ja: r#"ASCII のはずの箇所にある全角の英数字・記号"#,
    },
    docs: Text {
        en: r#"## What it does
Reports full-width forms (U+FF01 to U+FF5E) outside quoted strings, gives each code point and the ASCII character that was meant, and reads on as if the ASCII had been typed.

## Why is this bad?
A Japanese input method types `ｗｗｗ` and `１９２．０．２．１` when its full-width mode is on. They look right on screen but are different characters: the name or address does not exist.

## Example
```
ｗｗｗ    IN A   192.0.2.1
```

## How to fix
Retype the text in half-width (ASCII) characters.
"#,
        ja: r#"## 内容
引用符で囲まれた文字列の外にある全角文字（U+FF01 から U+FF5E）を報告し、それぞれのコードポイントと意図された ASCII 文字を示します。以降は ASCII が入力されたものとして読み進めます。

## 問題点
日本語入力の全角モードでは `ｗｗｗ` や `１９２．０．２．１` と入力されます。画面上は正しく見えますが別の文字なので、その名前やアドレスは存在しません。

## 例
```
ｗｗｗ    IN A   192.0.2.1
```

## 修正方法
半角（ASCII）文字で入力し直してください。
"#,
    },
    check: Check::Emitted,
};
