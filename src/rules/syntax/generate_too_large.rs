//! ZG028 `generate-too-large`: a `$GENERATE` that would make more records than the limit.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static GENERATE_TOO_LARGE: Rule = Rule {
    code: "ZG028",
    name: "generate-too-large",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "intake limit (--max-generate)",
    summary: Text {
        en: r#"a `$GENERATE` that would make more records than the limit"#,
        ja: r#"上限より多くのレコードを作る `$GENERATE`"#,
    },
    docs: Text {
        en: r#"## What it does
Refuses a `$GENERATE` whose range would make more than `--max-generate` records (65,536 by default), or more than are left of the total all the `$GENERATE` lines of a file may make together: 16 times `--max-generate` (1,048,576 by default). The count is computed from the range; nothing is expanded.

## Why is this bad?
`$GENERATE 0-4294967295` is four billion records from one line: an easy way to exhaust a checker or a server. Lines under the limit add up the same way: a 64 MiB file of `$GENERATE 1-65536` lines asks for a hundred billion records.

## Example
```
$GENERATE 0-4294967295 host$ A 192.0.2.1
```

## How to fix
Split the range, send a zone this large as records, or raise the limit if the zone really needs it.
"#,
        ja: r#"## 内容
範囲から作られるレコードが `--max-generate`（既定 65,536）を超える `$GENERATE`、またはファイル内のすべての `$GENERATE` を合わせた上限（`--max-generate` の 16 倍、既定 1,048,576）の残りを超える `$GENERATE` を拒否します。件数は範囲から計算し、展開はしません。

## 問題点
`$GENERATE 0-4294967295` は 1 行で 40 億件のレコードになり、チェッカーやサーバーを簡単に枯渇させます。上限以下の行も積み重なります。`$GENERATE 1-65536` の行だけで 64 MiB のファイルは 1,000 億件のレコードを求めます。

## 例
```
$GENERATE 0-4294967295 host$ A 192.0.2.1
```

## 修正方法
範囲を分割するか、これほど大きなゾーンはレコードとして送るか、本当に必要なら上限を上げてください。
"#,
    },
    check: Check::Emitted,
};
