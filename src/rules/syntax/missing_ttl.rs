//! ZG035 `missing-ttl`: records without a TTL and no `$TTL`: the SOA minimum is used.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MISSING_TTL: Rule = Rule {
    code: "ZG035",
    name: "missing-ttl",
    severity: Severity::Warning,
    phase: Phase::Syntax,
    rfc: "RFC 2308 §4",
    summary: Text {
        en: r#"records without a TTL and no `$TTL`: the SOA minimum is used"#,
        ja: r#"TTL も `$TTL` もないレコード（SOA の minimum を使用）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports, once per file, that records have no TTL and there is no `$TTL`, so the SOA minimum is used, as BIND does.

## Why is this bad?
Since RFC 2308 the SOA minimum is the negative-caching TTL, not a default. Taking it as the TTL of every record is a legacy fallback that gives records a TTL nobody chose.

## Example
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## How to fix
Add `$TTL` at the top of the file with the TTL you intend.
"#,
        ja: r#"## 内容
TTL も `$TTL` もないため BIND と同様に SOA の minimum を使うことを、ファイルごとに 1 回報告します。

## 問題点
RFC 2308 以降、SOA の minimum はネガティブキャッシュの TTL で、既定値ではありません。すべてのレコードの TTL として使うのは古い代替措置で、誰も選んでいない TTL になります。

## 例
```
@       IN NS  ns1.example.jp.\n@       IN NS  ns2.example.net.\nns1     IN A   192.0.2.53
```

## 修正方法
ファイル先頭に意図する TTL で `$TTL` を追加してください。
"#,
    },
    check: Check::Emitted,
};
