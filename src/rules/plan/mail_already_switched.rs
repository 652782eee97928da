//! ZG913 `mail-already-switched`: the zone already has the new mail records, so mail moves with the delegation.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static MAIL_ALREADY_SWITCHED: Rule = Rule {
    code: "ZG913",
    name: "mail-already-switched",
    severity: Severity::Warning,
    phase: Phase::Plan,
    rfc: "RFC 5321 §5.1",
    summary: Text {
        en: r#"the zone already has the new mail records, so mail moves with the delegation"#,
        ja: r#"ゾーンに新しいメールのレコードが既にあり、メールが委任とともに移る"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a spec whose `mail` records (MX, SPF, autodiscover) are already in the submitted zone, when the plan runs without `--live` and so cannot see the mail records served today.

## Why is this bad?
Loading that zone at the new host moves mail at the NS switch rather than at the `mx-switch` step: for as long as the parent's NS TTL (a day for .jp), some senders use the old MX and some the new one, and nobody chose the moment.

## Example
```
; zone file
@  IN MX 0 example-co-jp.mail.protection.outlook.com.
# spec
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
```

## How to fix
Run `zonegate plan --live`, which provisions the mail records served today and switches them at `mx-switch`; or put today's MX, SPF and autodiscover in the zone file; or accept that mail moves with the delegation and drop `mail` from the spec.
"#,
        ja: r#"## 内容
`--live` なしで計画を作ったため現在のメールのレコードが見えず、仕様の `mail` のレコード（MX、SPF、autodiscover）が提出ゾーンに既にある場合に報告します。

## 問題点
そのゾーンを新しいホストに読み込むと、メールは `mx-switch` ではなく NS 切替の時点で移ります。親の NS TTL の間（.jp では 1 日）、送信側によって旧 MX と新 MX が混在し、切替の時点を誰も選べません。

## 例
```
; zone file
@  IN MX 0 example-co-jp.mail.protection.outlook.com.
# spec
mail:
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
```

## 修正方法
`zonegate plan --live` を使えば現在のメールのレコードで準備し、`mx-switch` で切り替えます。または現在の MX、SPF、autodiscover をゾーンファイルに書くか、メールが委任とともに移ることを受け入れて仕様から `mail` を外してください。
"#,
    },
    check: Check::Emitted,
};
