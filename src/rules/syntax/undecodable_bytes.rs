//! ZG001 `undecodable-bytes`: bytes that are not valid in the file's encoding.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNDECODABLE_BYTES: Rule = Rule {
    code: "ZG001",
    name: "undecodable-bytes",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "WHATWG Encoding Standard",
    summary: Text {
        en: r#"bytes that are not valid in the file's encoding"#,
        ja: r#"ファイルの文字コードとして不正なバイト"#,
    },
    docs: Text {
        en: r#"## What it does
Reports every byte sequence that cannot be decoded in the file's encoding (detected, or given with `--encoding`). Each becomes U+FFFD so that checking can go on.

## Why is this bad?
A record with undecodable bytes is not what the customer typed. Usually the file was saved in one encoding and edited in another, and the damaged record would be served as garbage.

## Example
```
; \u682a\u5f0f\u4f1a\u793e\u30b5\u30f3\u30d7\u30eb \u30be\u30fc\u30f3\u60c5\u5831\ntxt     IN TXT "caf\ufffd menu"
```

## How to fix
Save the file again in one encoding (UTF-8 is best), or pass `--encoding` if detection chose wrongly.
"#,
        ja: r#"## 内容
ファイルの文字コード（自動判定または `--encoding` で指定）で解読できないバイト列をすべて報告します。解読できない箇所は U+FFFD に置き換えてチェックを続けます。

## 問題点
解読できないバイトを含むレコードは、お客様が入力した内容ではありません。多くの場合、ある文字コードで保存したファイルを別の文字コードで編集したことが原因で、そのレコードは壊れたまま公開されます。

## 例
```
; \u682a\u5f0f\u4f1a\u793e\u30b5\u30f3\u30d7\u30eb \u30be\u30fc\u30f3\u60c5\u5831\ntxt     IN TXT "caf\ufffd menu"
```

## 修正方法
ファイルを 1 つの文字コード（UTF-8 を推奨）で保存し直すか、判定が誤っている場合は `--encoding` を指定してください。
"#,
    },
    check: Check::Emitted,
};
