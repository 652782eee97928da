//! ZG067 `unreadable-workbook`: a workbook that cannot be read: damaged, password-protected, or without the sheet asked for.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNREADABLE_WORKBOOK: Rule = Rule {
    code: "ZG067",
    name: "unreadable-workbook",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "ECMA-376, MS-XLS",
    summary: Text {
        en: r#"a workbook that cannot be read: damaged, password-protected, or without the sheet asked for"#,
        ja: r#"読み込めないブック（破損、パスワード保護、指定のシートがない）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an `.xlsx` or `.xls` file that cannot be read: it is damaged, protected by a password, its parts expand to more than 256 MiB, or it has no sheet of the name given with `--sheet`.

## Why is this bad?
Nothing in such a file can be checked, and the operator needs to know why to ask the customer for the right file.

## Example
```
zonegate check --sheet レコード一覧 annex.xlsx   # the workbook has only the sheet 申込書
```

## How to fix
Ask for the workbook without a password, saved again from Excel, or pass `--sheet` with one of the sheet names listed in the message.
"#,
        ja: r#"## 内容
読み込めない `.xlsx` / `.xls` ファイルを報告します。破損している、パスワードで保護されている、展開すると 256 MiB を超える、`--sheet` で指定した名前のシートがない、のいずれかです。

## 問題点
このようなファイルは何も確認できません。正しいファイルを依頼するために、読めない理由をオペレーターが知る必要があります。

## 例
```
zonegate check --sheet レコード一覧 annex.xlsx   # the workbook has only the sheet 申込書
```

## 修正方法
パスワードなしのブックや、Excel で保存し直したブックを依頼するか、メッセージに一覧したシート名のいずれかを `--sheet` に指定してください。
"#,
    },
    check: Check::Emitted,
};
