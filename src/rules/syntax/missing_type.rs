//! ZG031 `missing-type`: a record without a type.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_TYPE: Rule = Rule {
    code: "ZG031",
    name: "missing-type",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a record without a type"#,
        ja: r#"タイプのないレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a line that has an owner, and perhaps a TTL and class, but no record type.

## Why is this bad?
Without a type there is no record: the line is refused by every server.

## Example
```
www     3600 IN
```

## How to fix
Write `owner [TTL] [class] TYPE data`.
"#,
        ja: r#"## 内容
所有者（と TTL、クラス）はあるがレコードタイプがない行を報告します。

## 問題点
タイプがなければレコードになりません。どのサーバーもこの行を拒否します。

## 例
```
www     3600 IN
```

## 修正方法
`所有者 [TTL] [クラス] タイプ データ` の形で書いてください。
"#,
    },
    check: Check::Emitted,
};
