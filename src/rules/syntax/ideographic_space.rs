//! ZG016 `ideographic-space`: a full-width space (U+3000) between fields.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static IDEOGRAPHIC_SPACE: Rule = Rule {
    code: "ZG016",
    name: "ideographic-space",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a full-width space (U+3000) between fields"#,
        ja: r#"フィールド間の全角スペース（U+3000）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports U+3000 IDEOGRAPHIC SPACE used between fields, and reads it as a separator so that checking can go on.

## Why is this bad?
Zone files separate fields with ASCII spaces and tabs. Other checkers read a full-width space as part of a name, which produces a name nobody can query.

## Example
```
www　IN A   192.0.2.1
```

## How to fix
Replace it with an ASCII space or a tab.
"#,
        ja: r#"## 内容
フィールド間にある U+3000（全角スペース）を報告し、チェックを続けるため区切りとして読みます。

## 問題点
ゾーンファイルのフィールドは半角スペースとタブで区切ります。他のチェッカーは全角スペースを名前の一部と読み、誰も問い合わせられない名前になります。

## 例
```
www　IN A   192.0.2.1
```

## 修正方法
半角スペースかタブに置き換えてください。
"#,
    },
    check: Check::Emitted,
};
