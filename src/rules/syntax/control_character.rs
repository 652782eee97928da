//! ZG017 `control-character`: a control character in the zone data.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static CONTROL_CHARACTER: Rule = Rule {
    code: "ZG017",
    name: "control-character",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a control character in the zone data"#,
        ja: r#"ゾーンデータ中の制御文字"#,
    },
    docs: Text {
        en: r#"## What it does
Reports control characters (U+0000 to U+001F except tab, line feed and carriage return, and U+007F) anywhere in the file.

## Why is this bad?
Control characters are invisible in editors and can rewrite an operator's terminal; in a record they are almost always pasted by accident.

## Example
```
txt     IN TXT "bell\x07"
```

## How to fix
Remove the character. If it really belongs in a string, write it as `\DDD` inside quotes.
"#,
        ja: r#"## 内容
ファイル中の制御文字（タブ、改行、復帰を除く U+0000 から U+001F、および U+007F）を報告します。

## 問題点
制御文字はエディタで見えず、オペレーターの端末表示を書き換えることもあります。レコード中にあるのは、ほぼ誤って貼り付けたものです。

## 例
```
txt     IN TXT "bell\x07"
```

## 修正方法
その文字を削除してください。本当に文字列に必要なら、引用符内で `\DDD` と書いてください。
"#,
    },
    check: Check::Emitted,
};
