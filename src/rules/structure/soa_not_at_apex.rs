//! ZG103 `soa-not-at-apex`: an SOA record at a name other than the zone apex.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SOA_NOT_AT_APEX: Rule = Rule {
    code: "ZG103",
    name: "soa-not-at-apex",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.2",
    summary: Text {
        en: r#"an SOA record at a name other than the zone apex"#,
        ja: r#"ゾーン頂点以外の名前にある SOA レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA record whose owner is not the zone's apex (the origin given with `--origin`, or the zone's own SOA owner).

## Why is this bad?
The SOA marks the top of a zone (RFC 1035 §5.2); an SOA anywhere else is the start of another zone. Servers refuse it, and its presence usually means a subdomain's zone was pasted into this one, or a relative owner was completed with the wrong `$ORIGIN`.

## Example
```
$ORIGIN example.jp.
@      IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
shop   IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
```

## How to fix
Remove the extra SOA. If `shop.example.jp` is a zone of its own, send it as a separate file, and delegate it with NS records here.
"#,
        ja: r#"## 内容
所有者がゾーン頂点（`--origin` で指定した名前、またはゾーンの SOA の所有者）ではない SOA レコードを報告します。

## 問題点
SOA はゾーンの最上部を示します（RFC 1035 §5.2）。それ以外の場所にある SOA は別のゾーンの始まりです。サーバーは拒否します。サブドメインのゾーンを貼り付けたか、相対名が誤った `$ORIGIN` で補完された場合によく起こります。

## 例
```
$ORIGIN example.jp.
@      IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
shop   IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
```

## 修正方法
余分な SOA を削除してください。`shop.example.jp` が独立したゾーンなら別ファイルで送り、このゾーンでは NS レコードで委任してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let apex = cx.zone.apex();
    let lang = cx.lang;
    // The SOA of a file for another domain than the one applied for is ZG702's finding.
    let foreign = crate::rules::policy::foreign_zone(cx).map(|f| f.1);
    for r in cx.records_of(RType::SOA) {
        let owner = cx.zone.owner(r);
        // `example.jp IN SOA` without a dot in zone example.jp. is ZG411's (origin repeated).
        if owner.eq_ignore_case(apex)
            || foreign
                .as_ref()
                .is_some_and(|f| owner.eq_ignore_case(f.as_ref()))
            || owner.is_doubled(apex)
        {
            continue;
        }
        let (owner, apex) = (show(owner), show(apex));
        em.emit(
            Diagnostic::new(
                &SOA_NOT_AT_APEX,
                cx.owner_span(r),
                tr!(
                    lang,
                    "SOA record at `{owner}`, which is not the zone apex `{apex}`",
                    "ゾーン頂点 `{apex}` ではない `{owner}` に SOA レコードがあります"
                ),
            )
            .help(tr!(
                lang,
                "a zone's only SOA is at its apex; if `{owner}` is a zone of its own, send it as a separate file and delegate it here with NS records; if the owner or `$ORIGIN` is wrong, correct it",
                "ゾーンの SOA は頂点に 1 つだけです。`{owner}` が独立したゾーンなら別ファイルで送り、ここでは NS レコードで委任してください。所有者名や `$ORIGIN` の誤りなら修正してください"
            )),
        );
    }
}
