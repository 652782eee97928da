//! ZG906 `spec-relative-name`: a target name in the cutover spec without a trailing dot.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_RELATIVE_NAME: Rule = Rule {
    code: "ZG906",
    name: "spec-relative-name",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a target name in the cutover spec without a trailing dot"#,
        ja: r#"末尾にドットのないカットオーバー仕様の宛先名"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a nameserver, MX exchange or autodiscover target written without its trailing dot.

## Why is this bad?
In a zone file a name without the dot is relative: `example-co-jp.mail.protection.outlook.com` becomes `example-co-jp.mail.protection.outlook.com.example.co.jp.` once pasted into the zone, and mail stops. The spec insists on the absolute form so the plan shows exactly what will be loaded.

## Example
```
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com}]
```

## How to fix
Add the trailing dot: `example-co-jp.mail.protection.outlook.com.`.
"#,
        ja: r#"## 内容
末尾のドットなしで書かれたネームサーバー、MX の宛先、autodiscover の宛先を報告します。

## 問題点
ゾーンファイルではドットのない名前は相対名です。`example-co-jp.mail.protection.outlook.com` はゾーンに貼り付けると `example-co-jp.mail.protection.outlook.com.example.co.jp.` になり、メールが止まります。計画に読み込む内容をそのまま示すため、仕様では絶対名を必須としています。

## 例
```
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com}]
```

## 修正方法
末尾にドットを付けてください: `example-co-jp.mail.protection.outlook.com.`。
"#,
    },
    check: Check::Emitted,
};
