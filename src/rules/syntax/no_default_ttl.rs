//! ZG038 `no-default-ttl`: a record without a TTL and nothing to take one from.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NO_DEFAULT_TTL: Rule = Rule {
    code: "ZG038",
    name: "no-default-ttl",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 2308 §4",
    summary: Text {
        en: r#"a record without a TTL and nothing to take one from"#,
        ja: r#"TTL がなく、引き継ぐ値もないレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record without a TTL when there is no `$TTL`, no earlier TTL and no SOA record before it.

## Why is this bad?
BIND refuses such a zone ("no TTL specified").

## Example
```
@       3600 IN NS ns1.example.jp.\n@       3600 IN NS ns2.example.net.\nns1     3600 IN A 192.0.2.53
```

## How to fix
Add `$TTL 3600` at the top of the file, or give the record a TTL.
"#,
        ja: r#"## 内容
`$TTL`、それ以前の TTL、前方の SOA レコードのいずれもない状態で TTL のないレコードを報告します。

## 問題点
BIND はこのようなゾーンを拒否します（"no TTL specified"）。

## 例
```
@       3600 IN NS ns1.example.jp.\n@       3600 IN NS ns2.example.net.\nns1     3600 IN A 192.0.2.53
```

## 修正方法
ファイル先頭に `$TTL 3600` を追加するか、レコードに TTL を書いてください。
"#,
    },
    check: Check::Emitted,
};
