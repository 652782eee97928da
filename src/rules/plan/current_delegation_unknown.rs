//! ZG914 `current-delegation-unknown`: the zone already lists the new nameservers, so the current delegation is unknown.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static CURRENT_DELEGATION_UNKNOWN: Rule = Rule {
    code: "ZG914",
    name: "current-delegation-unknown",
    severity: Severity::Warning,
    phase: Phase::Plan,
    rfc: "RFC 1034 §4.2.2",
    summary: Text {
        en: r#"the zone already lists the new nameservers, so the current delegation is unknown"#,
        ja: r#"ゾーンに新しいネームサーバーが既にあり、現在の委任が分からない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a zone file whose apex NS set is already the spec's `nameservers`, when the plan runs without `--live`: the nameservers serving the domain today, which the `ns-switch` step replaces and its rollback restores, are not known.

## Why is this bad?
The `ns-switch` diff and rollback cannot name the servers to go back to; in an emergency the operator would have to find them first.

## Example
```
; zone file
@  IN NS ns1.newdns.net.
@  IN NS ns2.newdns.net.
# spec
nameservers: [ns1.newdns.net., ns2.newdns.net.]
```

## How to fix
Run `zonegate plan --live` to read the current delegation from the parent, or note today's nameservers (`dig NS example.co.jp`) in the change ticket.
"#,
        ja: r#"## 内容
`--live` なしで計画を作り、ゾーンファイルの頂点の NS が既に仕様の `nameservers` と同じ場合に報告します。`ns-switch` で置き換え、その切り戻しで戻す現在のネームサーバーが分かりません。

## 問題点
`ns-switch` の差分と切り戻しに戻す先のサーバー名を書けません。緊急時にはまずそれを調べる必要があります。

## 例
```
; zone file
@  IN NS ns1.newdns.net.
@  IN NS ns2.newdns.net.
# spec
nameservers: [ns1.newdns.net., ns2.newdns.net.]
```

## 修正方法
`zonegate plan --live` で親から現在の委任を読むか、現在のネームサーバー（`dig NS example.co.jp`）を作業票に記録してください。
"#,
    },
    check: Check::Emitted,
};
