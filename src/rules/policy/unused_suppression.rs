//! ZG705 `unused-suppression`: an inline `zonegate: ignore[...]` that suppressed nothing.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNUSED_SUPPRESSION: Rule = Rule {
    code: "ZG705",
    name: "unused-suppression",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "zonegate inline suppressions",
    summary: Text {
        en: r#"an inline `; zonegate: ignore[CODE]` comment that suppressed no finding"#,
        ja: r#"何も抑止しなかったインラインの `; zonegate: ignore[CODE]` コメント"#,
    },
    docs: Text {
        en: r#"## What it does
Reports codes in `; zonegate: ignore[CODE] reason` comments that matched no finding of their record, and codes that name no rule. Suppressions of rules that did not run (because of `--select`, `--ignore` or the policy) are not judged.

## Why is this bad?
A suppression outlives its reason: the record was fixed, or the comment sits one line off, or the code has a typo. Left in place it will silently hide a real fault the next time the record changes.

## Example
```
; zonegate: ignore[ZG510] legacy ptr, customer accepts the risk
@   IN TXT "v=spf1 include:spf.protection.outlook.com -all"
```

## How to fix
Remove the comment, or move it to the record (or the line above the record) whose finding it is meant for, with the right code.
"#,
        ja: r#"## 内容
`; zonegate: ignore[CODE] 理由` コメントのうち、そのレコードのどの指摘にも一致しなかったコードと、どのルールでもないコードを報告します。`--select`・`--ignore`・ポリシーで実行されなかったルールの抑止は判定しません。

## 問題点
抑止は理由がなくなっても残ります。レコードが直された、コメントが 1 行ずれている、コードを書き誤った、などです。そのままにすると、次にレコードが変わったときに本当の誤りを黙って隠します。

## 例
```
; zonegate: ignore[ZG510] legacy ptr, customer accepts the risk
@   IN TXT "v=spf1 include:spf.protection.outlook.com -all"
```

## 修正方法
コメントを削除するか、対象のレコード（またはその直前の行）に正しいコードで移してください。
"#,
    },
    check: Check::Emitted,
};
