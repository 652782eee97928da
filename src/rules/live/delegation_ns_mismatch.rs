//! ZG804 `delegation-ns-mismatch`: the parent's NS set for the zone differs from the zone's own.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static DELEGATION_NS_MISMATCH: Rule = Rule {
    code: "ZG804",
    name: "delegation-ns-mismatch",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 1034 §4.2.2, RFC 2181 §6.1",
    summary: Text {
        en: r#"the parent's NS set for the zone differs from the zone's own"#,
        ja: r#"親ゾーンの NS セットとゾーン自身の NS セットが異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Compares the NS set in the parent's referral (asked with RD=0 at the parent's servers) with the apex NS set the zone's own servers serve authoritatively, and reports the names found on one side only.

## Why is this bad?
Resolvers use the parent's set to find the zone and then often replace it with the child's. A server listed on one side only is used inconsistently; one that no longer serves the zone turns into a lame delegation. At cutover both sides change, and a stale entry on either side keeps traffic on the old host.

## Example
```
the parent (jp.) delegates to ns1.old-dns.jp., ns3.old-dns.jp. but the zone's own NS set is ns1.old-dns.jp., ns2.old-dns.jp.
```

## How to fix
Make the registrar's delegation and the zone's apex NS records list the same servers; plan the cutover so that they change together.
"#,
        ja: r#"## 内容
親ゾーンのサーバーに RD=0 で問い合わせた委任（リフェラル）の NS セットと、ゾーン自身のサーバーが権威をもって返す頂点の NS セットを比較し、片方にしかない名前を報告します。

## 問題点
リゾルバーは親の NS セットでゾーンを見つけ、その後しばしば子の NS セットに置き換えます。片方にしかないサーバーは一貫せずに使われ、もうゾーンを持たないサーバーはレイム委任になります。切替ではどちらも変わるため、どちらかに古い記載が残ると旧事業者に問い合わせが流れ続けます。

## 例
```
the parent (jp.) delegates to ns1.old-dns.jp., ns3.old-dns.jp. but the zone's own NS set is ns1.old-dns.jp., ns2.old-dns.jp.
```

## 修正方法
レジストラの委任とゾーン頂点の NS レコードに同じサーバーを記載し、切替時には両方を同時に変更する計画にしてください。
"#,
    },
    check: Check::Emitted,
};
