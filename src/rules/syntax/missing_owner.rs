//! ZG030 `missing-owner`: a record that starts with a blank but has no previous owner.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_OWNER: Rule = Rule {
    code: "ZG030",
    name: "missing-owner",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a record that starts with a blank but has no previous owner"#,
        ja: r#"行頭が空白だが直前の所有者がないレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record whose line starts with a space or tab (meaning "same owner as above") when there is no record above to take the owner from.

## Why is this bad?
The record has no owner, so it cannot be loaded. Often the owner was typed in a spreadsheet column that did not survive the export.

## Example
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## How to fix
Write the owner in column 1; `@` means the zone apex.
"#,
        ja: r#"## 内容
行頭が空白またはタブ（「上と同じ所有者」の意味）なのに、所有者を引き継ぐ上のレコードがない場合に報告します。

## 問題点
所有者のないレコードは読み込めません。表計算ソフトの列に入力した所有者がエクスポートで失われたことがよくあります。

## 例
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## 修正方法
1 桁目に所有者名を書いてください。`@` はゾーン頂点です。
"#,
    },
    check: Check::Emitted,
};
