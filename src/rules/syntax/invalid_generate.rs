//! ZG027 `invalid-generate`: a `$GENERATE` directive that cannot be read.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static INVALID_GENERATE: Rule = Rule {
    code: "ZG027",
    name: "invalid-generate",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "BIND 9 ARM, $GENERATE",
    summary: Text {
        en: r#"a `$GENERATE` directive that cannot be read"#,
        ja: r#"読み取れない `$GENERATE` ディレクティブ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports `$GENERATE` with a bad range, an empty range, step 0, a missing type or data, or a template modifier that cannot be applied.

## Why is this bad?
The records it should make are missing, and servers that do not implement `$GENERATE` refuse the zone outright.

## Example
```
$GENERATE 1-x host$ A 192.0.2.$
```

## How to fix
Write `$GENERATE start-stop[/step] owner [ttl] [class] type data`.
"#,
        ja: r#"## 内容
範囲が不正・空、ステップが 0、タイプやデータがない、テンプレートの修飾子を適用できない `$GENERATE` を報告します。

## 問題点
作られるはずのレコードが欠けます。`$GENERATE` に対応しないサーバーはゾーンをそもそも拒否します。

## 例
```
$GENERATE 1-x host$ A 192.0.2.$
```

## 修正方法
`$GENERATE 開始-終了[/ステップ] 所有者 [TTL] [クラス] タイプ データ` と書いてください。
"#,
    },
    check: Check::Emitted,
};
