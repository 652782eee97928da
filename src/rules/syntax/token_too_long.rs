//! ZG005 `token-too-long`: a field longer than the intake limit.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static TOKEN_TOO_LONG: Rule = Rule {
    code: "ZG005",
    name: "token-too-long",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a field longer than the intake limit"#,
        ja: r#"受付上限より長いフィールド"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a single field longer than `--max-token-length` (256 KiB by default) and skips its record.

## Why is this bad?
No field of a valid record is that long; such a field would cost memory and time to no purpose.

## Example
```
txt     IN TXT yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
```

## How to fix
Check the record; long text must be split into strings of at most 255 octets.
"#,
        ja: r#"## 内容
`--max-token-length`（既定 256 KiB）より長いフィールドを報告し、そのレコードを読み飛ばします。

## 問題点
正しいレコードにこれほど長いフィールドはなく、メモリと時間を無駄にするだけです。

## 例
```
txt     IN TXT yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy
```

## 修正方法
レコードを確認してください。長い文字列は 255 オクテット以下に分割する必要があります。
"#,
    },
    check: Check::Emitted,
};
