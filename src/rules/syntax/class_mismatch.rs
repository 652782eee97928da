//! ZG036 `class-mismatch`: a record whose class differs from the zone's.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static CLASS_MISMATCH: Rule = Rule {
    code: "ZG036",
    name: "class-mismatch",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.2",
    summary: Text {
        en: r#"a record whose class differs from the zone's"#,
        ja: r#"ゾーンと異なるクラスのレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record whose class (CH, HS, CS or CLASSnnn) differs from the class of the zone's first record.

## Why is this bad?
All records of a zone have one class; servers refuse the zone otherwise.

## Example
```
version CH TXT "1.0"
```

## How to fix
Write `IN`, or leave the class out.
"#,
        ja: r#"## 内容
ゾーンの最初のレコードと異なるクラス（CH, HS, CS, CLASSnnn）のレコードを報告します。

## 問題点
ゾーンのレコードはすべて同じクラスです。そうでなければサーバーはゾーンを拒否します。

## 例
```
version CH TXT "1.0"
```

## 修正方法
`IN` と書くか、クラスを省略してください。
"#,
    },
    check: Check::Emitted,
};
