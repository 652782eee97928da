//! ZG911 `spec-zone-mismatch`: a cutover spec for another zone than the zone file.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_ZONE_MISMATCH: Rule = Rule {
    code: "ZG911",
    name: "spec-zone-mismatch",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "zonegate cutover spec schema",
    summary: Text {
        en: r#"a cutover spec for another zone than the zone file"#,
        ja: r#"ゾーンファイルと異なるゾーンのカットオーバー仕様"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a spec whose `zone` differs from the zone file's origin.

## Why is this bad?
The plan would switch one domain's delegation with another domain's records: the wrong spec was picked up, or the wrong zone file.

## Example
```
zone: example.co.jp     # while the zone file is sample.co.jp
```

## How to fix
Give the spec and the zone file of the same domain.
"#,
        ja: r#"## 内容
`zone` がゾーンファイルのオリジンと異なる仕様を報告します。

## 問題点
あるドメインの委任を別のドメインのレコードで切り替えることになります。取り違えた仕様またはゾーンファイルが指定されています。

## 例
```
zone: example.co.jp     # while the zone file is sample.co.jp
```

## 修正方法
同じドメインの仕様とゾーンファイルを指定してください。
"#,
    },
    check: Check::Emitted,
};
