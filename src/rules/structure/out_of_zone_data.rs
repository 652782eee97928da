//! ZG112 `out-of-zone-data`: a record whose owner is not at or below the zone apex.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::{Place, RType};

pub static OUT_OF_ZONE_DATA: Rule = Rule {
    code: "ZG112",
    name: "out-of-zone-data",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §4.2",
    summary: Text {
        en: r#"a record whose owner is outside the zone"#,
        ja: r#"所有者名がゾーンの外にあるレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record whose owner name is neither the zone apex nor below it, such as `www.example.net.` in the zone `example.jp.` (an SOA outside the apex is reported by ZG103 instead).

## Why is this bad?
A zone holds only the names at and below its apex (RFC 1034 §4.2). Servers drop such records (BIND and Knot with a warning, NSD refuses the zone), so the customer's record is silently not published. It usually means records of two domains were mixed in one file, an absolute name was mistyped, or `$ORIGIN` was changed to another domain.

## Example
```
$ORIGIN example.jp.
www               IN A  192.0.2.1
www.example.net.  IN A  192.0.2.2
```

## How to fix
Send records of another domain with that domain's own zone. If the name was meant to be in this zone, correct it (or the `$ORIGIN` above it).
"#,
        ja: r#"## 内容
所有者名がゾーン頂点でもその下でもないレコード（ゾーン `example.jp.` の中の `www.example.net.` など）を報告します（頂点外の SOA は ZG103 で報告します）。

## 問題点
ゾーンに含められるのは頂点とその下の名前だけです（RFC 1034 §4.2）。サーバーはこうしたレコードを捨てる（BIND と Knot は警告付き、NSD はゾーンを拒否）ため、お客様のレコードは黙って公開されません。2 つのドメインのレコードを 1 つのファイルに混ぜたか、絶対名を打ち間違えたか、`$ORIGIN` を別ドメインに変えた場合に起こります。

## 例
```
$ORIGIN example.jp.
www               IN A  192.0.2.1
www.example.net.  IN A  192.0.2.2
```

## 修正方法
別ドメインのレコードはそのドメインのゾーンとして送ってください。このゾーンのつもりの名前なら、名前（またはその上の `$ORIGIN`）を修正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let apex = show(cx.zone.apex());
    let lang = cx.lang;
    // A file for another domain than the one applied for is one fault (ZG702), not one per record.
    let foreign = crate::rules::policy::foreign_zone(cx).map(|f| f.1);
    for r in &cx.zone.records {
        if r.rtype == RType::SOA || tree.place(r.owner) != Place::Outside {
            continue;
        }
        if foreign
            .as_ref()
            .is_some_and(|f| cx.zone.owner(r).is_subdomain_of(f.as_ref()))
        {
            continue;
        }
        let owner = show(cx.zone.owner(r));
        em.emit(
            Diagnostic::new(
                &OUT_OF_ZONE_DATA,
                cx.owner_span(r),
                tr!(
                    lang,
                    "`{owner}` is outside the zone `{apex}`; this record will not be published",
                    "`{owner}` はゾーン `{apex}` の外にあるため、このレコードは公開されません"
                ),
            )
            .help(tr!(
                lang,
                "a zone holds only names at or below its apex; send another domain's records with that domain's zone, or correct the name (or the `$ORIGIN` above it)",
                "ゾーンには頂点とその下の名前しか含められません。別ドメインのレコードはそのドメインのゾーンとして送るか、名前（またはその上の `$ORIGIN`）を修正してください"
            )),
        );
    }
}
