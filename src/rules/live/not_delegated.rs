//! ZG806 `not-delegated`: the parent does not delegate the zone: nothing is served today.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NOT_DELEGATED: Rule = Rule {
    code: "ZG806",
    name: "not-delegated",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "RFC 1034 §4.2",
    summary: Text {
        en: r#"the parent does not delegate the zone: nothing is served today"#,
        ja: r#"親ゾーンがゾーンを委任していない（現在は何も公開されていない）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a zone for which the parent's servers answer NXDOMAIN: the domain is not delegated, so there is no current content to compare.

## Why is this bad?
Nothing is lost at cutover, but the domain does not resolve until it is delegated: a new registration, or one whose delegation was removed. The rest of the live checks (dangling targets, SPF, DS) still run.

## Example
```
the parent (jp.) has no delegation for `example.co.jp.` (NXDOMAIN from 203.119.1.1 (a.dns.jp.)): there is nothing to compare
```

## How to fix
Nothing in the submission. Make sure the registration is complete and delegate the domain to the new servers at cutover.
"#,
        ja: r#"## 内容
親ゾーンのサーバーが NXDOMAIN を返すゾーンを報告します。ドメインが委任されておらず、比較する現在の内容はありません。

## 問題点
切替で失われるものはありませんが、委任されるまでドメインは名前解決できません。新規登録か、委任が削除されたドメインです。他のライブチェック（ターゲット、SPF、DS）は実行されます。

## 例
```
the parent (jp.) has no delegation for `example.co.jp.` (NXDOMAIN from 203.119.1.1 (a.dns.jp.)): there is nothing to compare
```

## 修正方法
申請内容の修正は不要です。登録が完了していることを確認し、切替時に新しいサーバーへ委任してください。
"#,
    },
    check: Check::Emitted,
};
