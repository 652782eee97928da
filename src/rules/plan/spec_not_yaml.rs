//! ZG901 `spec-not-yaml`: a cutover spec that is not valid YAML.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SPEC_NOT_YAML: Rule = Rule {
    code: "ZG901",
    name: "spec-not-yaml",
    severity: Severity::Error,
    phase: Phase::Plan,
    rfc: "YAML 1.2 §5",
    summary: Text {
        en: r#"a cutover spec that is not valid YAML"#,
        ja: r#"YAML として読めないカットオーバー仕様"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a cutover spec that the YAML parser cannot read: a bad indent, an unclosed quote or bracket, a tab used for indentation, an empty file, or more than one document. The finding is at the line and column where the parser stopped.

## Why is this bad?
No plan can be made from a spec that cannot be read; a guess at what it meant could switch the wrong servers.

## Example
```
zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.
ttl:
  lowered: 300
```

## How to fix
Fix the YAML at the position shown: close the bracket or quote, indent with spaces. The schema is in README.md ("The cutover spec").
"#,
        ja: r#"## 内容
YAML パーサーが読めないカットオーバー仕様を報告します（インデントの誤り、閉じていない引用符や括弧、インデントへのタブ、空のファイル、複数のドキュメントなど）。パーサーが停止した行と桁を示します。

## 問題点
読めない仕様からは計画を作れません。意図を推測すると、誤ったサーバーに切り替えるおそれがあります。

## 例
```
zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.
ttl:
  lowered: 300
```

## 修正方法
示された位置の YAML を直してください（括弧や引用符を閉じる、インデントは空白で行う）。スキーマは README.md の「The cutover spec」にあります。
"#,
    },
    check: Check::Emitted,
};
