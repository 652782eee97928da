//! ZG060 `no-header-row`: a record table without a header row naming the type and value columns.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NO_HEADER_ROW: Rule = Rule {
    code: "ZG060",
    name: "no-header-row",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5 (record tables)",
    summary: Text {
        en: r#"a record table without a header row naming the type and value columns"#,
        ja: r#"タイプと値の列を示す見出し行がないレコード表"#,
    },
    docs: Text {
        en: r#"## What it does
Looks for the header row of a record table (CSV, TSV or a worksheet) in its first 30 rows, under any title rows, and reports a table where no row names both a type column and a value column.

## Why is this bad?
Without headers, zonegate cannot tell a host from a value, and guessing would turn a customer's table into wrong records. Templates vary, so the heading names are matched generously, but they must be there.

## Example
```
DNS設定申請書
www,A,192.0.2.1
mail,MX,10 mail.example.jp.
```

## How to fix
Add a header row above the records, such as `host,type,ttl,priority,value` or `ホスト名,タイプ,TTL,優先度,値`. `zonegate explain ZG061` lists the headings that are understood.
"#,
        ja: r#"## 内容
レコード表（CSV、TSV、ワークシート）の先頭 30 行から、タイトル行の下にある見出し行を探し、タイプの列と値の列の両方を示す行がない表を報告します。

## 問題点
見出しがないと、ホスト名と値を区別できません。推測で読むとお客様の表が誤ったレコードになります。テンプレートごとに見出しは異なるため名前は幅広く認識しますが、見出し自体は必要です。

## 例
```
DNS設定申請書
www,A,192.0.2.1
mail,MX,10 mail.example.jp.
```

## 修正方法
レコードの上に `ホスト名,タイプ,TTL,優先度,値`（または `host,type,ttl,priority,value`）のような見出し行を入れてください。認識できる見出しは `zonegate explain ZG061` に一覧があります。
"#,
    },
    check: Check::Emitted,
};
