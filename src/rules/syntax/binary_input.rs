//! ZG003 `binary-input`: a file that is not text: a PDF, an archive or another binary.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static BINARY_INPUT: Rule = Rule {
    code: "ZG003",
    name: "binary-input",
    severity: Severity::Error,
    phase: Phase::Source,
    rfc: "RFC 1035 §5",
    summary: Text {
        en: r#"a file that is not text: a PDF, an archive or another binary"#,
        ja: r#"テキストではないファイル（PDF、アーカイブなどのバイナリ）"#,
    },
    docs: Text {
        en: r#"## What it does
Recognises files that are not zone text at all: PDFs, ZIP archives, Word documents, images, and anything with NUL bytes that is not UTF-16.

## Why is this bad?
Customers attach the wrong file: the application form as a PDF, or a screenshot. Reading such a file as a zone gives a wall of meaningless errors instead of the one thing to say.

## Example
```
1 0 obj\n<< /Type /Catalog >>\x00\x00\x00\nendobj
```

## How to fix
Ask the customer for the zone file, or for the record table saved as CSV or Excel.
"#,
        ja: r#"## 内容
PDF、ZIP アーカイブ、Word 文書、画像、UTF-16 以外で NUL バイトを含むものなど、ゾーンのテキストではないファイルを見分けます。

## 問題点
お客様は申込書の PDF やスクリーンショットなど、違うファイルを添付することがあります。それをゾーンとして読むと、伝えるべき 1 点の代わりに無意味なエラーが大量に出ます。

## 例
```
1 0 obj\n<< /Type /Catalog >>\x00\x00\x00\nendobj
```

## 修正方法
お客様にゾーンファイル、または CSV か Excel で保存したレコード表を依頼してください。
"#,
    },
    check: Check::Emitted,
};
