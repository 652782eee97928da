//! ZG825 `ds-at-parent`: the parent has DS records for the zone: DNSSEC must be handled at cutover.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static DS_AT_PARENT: Rule = Rule {
    code: "ZG825",
    name: "ds-at-parent",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 4035 §2.4, RFC 6781 §4.3.5",
    summary: Text {
        en: r#"the parent has DS records for the zone: DNSSEC must be handled at cutover"#,
        ja: r#"親ゾーンにゾーンの DS レコードがある（切替時に DNSSEC の対応が必要）"#,
    },
    docs: Text {
        en: r#"## What it does
Asks the parent's servers (or, with `--authoritative`, the resolver) for the zone's DS records and reports them.

## Why is this bad?
A DS at the parent tells validating resolvers to expect signatures made with the current host's keys. After the NS switch the new host signs with other keys (or not at all), validation fails and the whole domain goes dark for every validating resolver, until the DS TTL after the DS is removed.

## Example
```
the parent (jp.) has 1 DS record for `example.co.jp.` (TTL 86400)
```

## How to fix
Remove the DS at the registrar and wait for its TTL to pass before the NS switch, or run a multi-signer key rollover with both hosts (RFC 8901).
"#,
        ja: r#"## 内容
親ゾーンのサーバー（`--authoritative` 指定時はリゾルバー）にゾーンの DS レコードを問い合わせ、あれば報告します。

## 問題点
親の DS は、検証リゾルバーに現在の事業者の鍵による署名を期待させます。NS の切替後、新しい事業者は別の鍵で署名する（または署名しない）ため検証に失敗し、DS を削除してその TTL が過ぎるまで、すべての検証リゾルバーからドメイン全体が見えなくなります。

## 例
```
the parent (jp.) has 1 DS record for `example.co.jp.` (TTL 86400)
```

## 修正方法
NS の切替前にレジストラで DS を削除し、その TTL が過ぎるのを待ってください。または両事業者でマルチサイナーの鍵更新を行ってください（RFC 8901）。
"#,
    },
    check: Check::Emitted,
};
