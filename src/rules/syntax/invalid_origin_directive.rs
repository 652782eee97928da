//! ZG021 `invalid-origin-directive`: `$ORIGIN` without exactly one name.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_ORIGIN_DIRECTIVE: Rule = Rule {
    code: "ZG021",
    name: "invalid-origin-directive",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"`$ORIGIN` without exactly one name"#,
        ja: r#"名前がちょうど 1 つではない `$ORIGIN`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports `$ORIGIN` with no name or with extra fields.

## Why is this bad?
The origin completes every relative name that follows; without it they are completed wrongly or not at all.

## Example
```
$ORIGIN\nwww     IN A   192.0.2.1
```

## How to fix
Write `$ORIGIN example.co.jp.` with the trailing dot.
"#,
        ja: r#"## 内容
名前のない `$ORIGIN`、または余分なフィールドのある `$ORIGIN` を報告します。

## 問題点
オリジンは後に続くすべての相対名を補完します。これがないと相対名が誤って補完されるか、補完されません。

## 例
```
$ORIGIN\nwww     IN A   192.0.2.1
```

## 修正方法
末尾のドットを付けて `$ORIGIN example.co.jp.` と書いてください。
"#,
    },
    check: Check::Emitted,
};
