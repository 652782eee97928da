//! ZG010 `unclosed-quote`: a quoted string that is not closed on its line.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNCLOSED_QUOTE: Rule = Rule {
    code: "ZG010",
    name: "unclosed-quote",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a quoted string that is not closed on its line"#,
        ja: r#"行内で閉じられていない引用符付き文字列"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `"` that opens a string which is not closed before the end of the line. The string is read to the end of the line and checking goes on with the next line.

## Why is this bad?
Servers disagree on what an unclosed quote means: some read on into the next records, silently swallowing them. Either way the record is not what was meant.

## Example
```
@       IN TXT "v=spf1 include:spf.protection.outlook.com -all
```

## How to fix
Add the closing `"`. To put a quote inside a string, write `\"`.
"#,
        ja: r#"## 内容
行末までに閉じられない `"` を報告します。文字列は行末までと見なし、次の行からチェックを続けます。

## 問題点
閉じられていない引用符の扱いはサーバーによって異なり、次のレコードまで読み込んで黙って飲み込むものもあります。いずれにせよ、意図したレコードにはなりません。

## 例
```
@       IN TXT "v=spf1 include:spf.protection.outlook.com -all
```

## 修正方法
閉じる `"` を追加してください。文字列中に引用符を入れるには `\"` と書きます。
"#,
    },
    check: Check::Emitted,
};
