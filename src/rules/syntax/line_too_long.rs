//! ZG004 `line-too-long`: a line longer than the intake limit.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LINE_TOO_LONG: Rule = Rule {
    code: "ZG004",
    name: "line-too-long",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a line longer than the intake limit"#,
        ja: r#"受付上限より長い行"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a line longer than `--max-line-length` (1 MiB by default) and skips it.

## Why is this bad?
Record data is at most 65,535 octets, which fits in a few hundred kilobytes of text even fully escaped. A longer line is damage or an attack on the checker.

## Example
```
txt     IN TXT "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
```

## How to fix
Check that the file is a zone file. If the line is a record, its data is too long for DNS.
"#,
        ja: r#"## 内容
`--max-line-length`（既定 1 MiB）より長い行を報告し、読み飛ばします。

## 問題点
レコードデータは最大 65,535 オクテットで、すべてエスケープしても数百 KB のテキストに収まります。それより長い行は破損か、チェッカーへの攻撃です。

## 例
```
txt     IN TXT "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
```

## 修正方法
ゾーンファイルかどうか確認してください。レコードであれば、データが DNS には長すぎます。
"#,
    },
    check: Check::Emitted,
};
