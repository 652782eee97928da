//! ZG018 `non-ascii-name`: a domain name written in Unicode instead of its A-label.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NON_ASCII_NAME: Rule = Rule {
    code: "ZG018",
    name: "non-ascii-name",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 5891 §4",
    summary: Text {
        en: r#"a domain name written in Unicode instead of its A-label"#,
        ja: r#"A ラベルではなく Unicode で書かれたドメイン名"#,
    },
    docs: Text {
        en: r#"## What it does
Reports names with characters outside ASCII (other than full-width forms, see ZG015) and suggests the A-label (punycode), such as `日本語` → `xn--wgv71a119e`.

## Why is this bad?
DNS stores internationalised names as A-labels. A server loads the raw UTF-8 octets as a different name, which no browser or mail server will ever look up.

## Example
```
日本語  IN A   192.0.2.1
```

## How to fix
Write the A-label shown in the help.
"#,
        ja: r#"## 内容
ASCII 以外の文字（全角英数字は ZG015）を含む名前を報告し、`日本語` → `xn--wgv71a119e` のように A ラベル（Punycode）を示します。

## 問題点
DNS では国際化ドメイン名を A ラベルで格納します。UTF-8 のまま読み込まれると別の名前になり、ブラウザやメールサーバーが問い合わせることはありません。

## 例
```
日本語  IN A   192.0.2.1
```

## 修正方法
ヘルプに示された A ラベルで書いてください。
"#,
    },
    check: Check::Emitted,
};
