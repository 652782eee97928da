//! ZG048 `invalid-encoded-data`: base64, base32 or hex data that does not decode.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_ENCODED_DATA: Rule = Rule {
    code: "ZG048",
    name: "invalid-encoded-data",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 4648",
    summary: Text {
        en: r#"base64, base32 or hex data that does not decode"#,
        ja: r#"復号できない base64・base32・16 進データ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports base64 (keys, signatures), base32hex (NSEC3) and hex (digests, fingerprints) fields that do not decode.

## Why is this bad?
The record cannot be loaded. Broken key material usually comes from a copy cut short or wrapped by a mail client.

## Example
```
host    IN SSHFP 1 1 123456789abcdef67890123456789abcdef6789zz
```

## How to fix
Copy the data again from its source.
"#,
        ja: r#"## 内容
復号できない base64（鍵、署名）、base32hex（NSEC3）、16 進（ダイジェスト、フィンガープリント）のフィールドを報告します。

## 問題点
レコードは読み込めません。壊れた鍵データは、途中で切れたコピーやメールソフトによる折り返しが原因であることが多いです。

## 例
```
host    IN SSHFP 1 1 123456789abcdef67890123456789abcdef6789zz
```

## 修正方法
元のデータから改めてコピーしてください。
"#,
    },
    check: Check::Emitted,
};
