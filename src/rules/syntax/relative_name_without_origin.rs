//! ZG037 `relative-name-without-origin`: a relative name when no origin is known.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static RELATIVE_NAME_WITHOUT_ORIGIN: Rule = Rule {
    code: "ZG037",
    name: "relative-name-without-origin",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a relative name when no origin is known"#,
        ja: r#"オリジンが不明な状態での相対名"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a name without a trailing dot when there is no `$ORIGIN`, no `--origin`, no absolute SOA owner and no domain in the file name to complete it with.

## Why is this bad?
Nobody can tell which domain the name belongs to.

## Example
```
$TTL 3600\nwww     IN A   192.0.2.1
```

## How to fix
Add `$ORIGIN example.co.jp.` at the top, pass `--origin`, or write absolute names ending in `.`.
"#,
        ja: r#"## 内容
`$ORIGIN`、`--origin`、絶対名の SOA 所有者、ファイル名中のドメインのいずれもなく、補完できない末尾ドットのない名前を報告します。

## 問題点
その名前がどのドメインに属するか誰にも分かりません。

## 例
```
$TTL 3600\nwww     IN A   192.0.2.1
```

## 修正方法
先頭に `$ORIGIN example.co.jp.` を追加するか、`--origin` を指定するか、`.` で終わる絶対名で書いてください。
"#,
    },
    check: Check::Emitted,
};
