//! ZG033 `query-type-in-zone`: a query or transfer type used as record data.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static QUERY_TYPE_IN_ZONE: Rule = Rule {
    code: "ZG033",
    name: "query-type-in-zone",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 6895 §3.1",
    summary: Text {
        en: r#"a query or transfer type used as record data"#,
        ja: r#"レコードデータとして使われた問い合わせ・転送用のタイプ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records of the meta types ANY, AXFR, IXFR, MAILA, MAILB, OPT, TSIG and TKEY, which exist only in queries and transfers.

## Why is this bad?
No server loads them; the line is refused.

## Example
```
www     IN ANY 192.0.2.1
```

## How to fix
Remove the line, or use a data type such as A, MX or TXT.
"#,
        ja: r#"## 内容
問い合わせや転送にのみ存在するメタタイプ（ANY, AXFR, IXFR, MAILA, MAILB, OPT, TSIG, TKEY）のレコードを報告します。

## 問題点
どのサーバーも読み込まず、この行は拒否されます。

## 例
```
www     IN ANY 192.0.2.1
```

## 修正方法
この行を削除するか、A, MX, TXT などのデータタイプを使ってください。
"#,
    },
    check: Check::Emitted,
};
