//! ZG002 `file-too-large`: a file larger than the intake limit.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static FILE_TOO_LARGE: Rule = Rule {
    code: "ZG002",
    name: "file-too-large",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "intake limit (--max-file-size)",
    summary: Text {
        en: r#"a file larger than the intake limit"#,
        ja: r#"受付上限を超える大きさのファイル"#,
    },
    docs: Text {
        en: r#"## What it does
Refuses a file larger than `--max-file-size` (64 MiB by default) without reading the rest of it.

## Why is this bad?
No customer zone is that large. A file that big is a mistake (a database dump, an archive) or an attempt to exhaust the checker's memory.

## Example
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## How to fix
Send the zone itself. If a zone really is that large, raise the limit with `--max-file-size` or the policy's `limits.max_file_size`.
"#,
        ja: r#"## 内容
`--max-file-size`（既定 64 MiB）を超えるファイルを、残りを読まずに拒否します。

## 問題点
これほど大きなお客様のゾーンはありません。誤ったファイル（データベースのダンプやアーカイブ）か、チェッカーのメモリを使い果たさせる試みです。

## 例
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## 修正方法
ゾーンそのものを送ってください。本当に大きなゾーンなら `--max-file-size` またはポリシーの `limits.max_file_size` で上限を上げてください。
"#,
    },
    check: Check::Emitted,
};
