//! ZG808 `live-coverage`: how much of the current zone the live comparison covered.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_COVERAGE: Rule = Rule {
    code: "ZG808",
    name: "live-coverage",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "RFC 5936",
    summary: Text {
        en: r#"how much of the current zone the live comparison covered"#,
        ja: r#"ライブ比較が現在のゾーンをどこまで網羅したか"#,
    },
    docs: Text {
        en: r#"## What it does
Reports, once per zone, how the current content was read: a full zone transfer (AXFR) from one server, which compares everything, or, when every server refused the transfer, probes of every name in the submission and a list of names customers often forget, with how many names, types and queries that took.

## Why is this bad?
Probing finds only names that someone thought to ask for. A record at a name that is neither in the submission nor in the probe list is invisible to it and would disappear at cutover unnoticed.

## Example
```
AXFR was refused by 2 servers; compared by probing 37 names (30 from the submission, 7 from the list of commonly forgotten names): 212 name/type pairs in 148 queries
```

## How to fix
For a full comparison ask the current host for a zone transfer to the checking machine, or for an export of the zone; add names you expect to the policy's `live_probe_names`.
"#,
        ja: r#"## 内容
現在の内容をどう読んだかをゾーンごとに 1 回報告します。1 台のサーバーからのゾーン転送（AXFR）ですべてを比較したか、すべてのサーバーが転送を拒否したため申請内のすべての名前とよく忘れられる名前の一覧を問い合わせたか（名前・タイプ・問い合わせの数）です。

## 問題点
問い合わせによる比較では、誰かが思いついた名前しか見つかりません。申請にも一覧にもない名前のレコードは見えず、切替時に気づかれないまま消えます。

## 例
```
AXFR was refused by 2 servers; compared by probing 37 names (30 from the submission, 7 from the list of commonly forgotten names): 212 name/type pairs in 148 queries
```

## 修正方法
完全な比較のため、現在の事業者にチェック元へのゾーン転送の許可、またはゾーンのエクスポートを依頼してください。想定される名前はポリシーの `live_probe_names` に追加してください。
"#,
    },
    check: Check::Emitted,
};
