//! ZG702 `origin-mismatch`: the zone is for another domain than the one applied for.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::source::Span;
use crate::tr;
use crate::zone::{OwnedName, RType};

pub static ORIGIN_MISMATCH: Rule = Rule {
    code: "ZG702",
    name: "origin-mismatch",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"the zone's SOA owner or `$ORIGIN` is another domain than the one applied for (`--origin`)"#,
        ja: r#"ゾーンの SOA の所有者や `$ORIGIN` が申込みのドメイン（`--origin`）と異なる"#,
    },
    docs: Text {
        en: r#"## What it does
When the operator names the domain applied for with `--origin`, compares it with what the file says it is for: the owner of its SOA record or, without an SOA, its `$ORIGIN` directives. Reports a file for another domain — not a subdomain of the one applied for — once, with the number of its records that fall outside the zone; those records are not reported again one by one (ZG112), nor its SOA off the apex (ZG103) or the missing apex NS (ZG201).

## Why is this bad?
Customers with several domains attach the wrong file, or reuse another domain's file as a template and forget to change `$ORIGIN`. Loaded under the applied-for name, every record of the other domain is either outside the zone or silently renamed, and the applied-for domain goes live without its real records.

## Example
```
; zonegate check --origin example.jp customer.zone
$ORIGIN example.com.
@   IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 900 1209600 3600
```

## How to fix
Ask the customer for the zone of the domain applied for, or correct the application if the file is right.
"#,
        ja: r#"## 内容
運用者が `--origin` で申込みのドメインを指定したとき、ファイル自体が示すドメイン（SOA レコードの所有者、SOA がなければ `$ORIGIN` 指示）と比べ、別のドメイン（申込みドメインのサブドメインでもないもの）のファイルを、ゾーンの外になるレコードの件数とともに 1 回だけ報告します。それらのレコードを 1 件ずつ（ZG112）、頂点以外の SOA（ZG103）や頂点の NS の欠落（ZG201）として重ねて報告することはしません。

## 問題点
複数のドメインを持つお客様が別のファイルを添付したり、他ドメインのファイルをひな型にして `$ORIGIN` を直し忘れたりします。申込みの名前で読み込むと、別ドメインのレコードはゾーンの外になるか黙って名前が変わり、申込みドメインは本来のレコードなしで公開されます。

## 例
```
; zonegate check --origin example.jp customer.zone
$ORIGIN example.com.
@   IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 900 1209600 3600
```

## 修正方法
申込みドメインのゾーンをお客様に依頼するか、ファイルが正しいなら申込み内容を訂正してください。
"#,
    },
    check: Check::Zone(check),
};

/// The first absolute `$ORIGIN` in the zone's files outside the applied-for domain.
fn foreign_origin(cx: &Context<'_>, applied: &OwnedName) -> Option<(Span, OwnedName)> {
    let mut files: Vec<_> = cx.zone.records.iter().map(|r| r.span.file).collect();
    files.sort();
    files.dedup();
    for file in files {
        let text = &cx.sources.get(file).text;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let mut words = line.split_ascii_whitespace();
            if !words
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("$ORIGIN"))
            {
                continue;
            }
            let Some(word) = words.next().filter(|w| w.ends_with('.')) else {
                continue;
            };
            let Ok(name) = OwnedName::from_text(word) else {
                continue;
            };
            if name.as_ref().is_subdomain_of(applied.as_ref()) {
                continue;
            }
            let at = start + line.find(word).unwrap_or(0);
            return Some((Span::new(file, at, at + word.len()), name));
        }
    }
    None
}

/// The other domain a file is for, when the operator's `--origin` names one it is not for: where
/// the file says so (its SOA owner, else a `$ORIGIN`), the name, and which of the two it was.
/// Zone rules that would only repeat this fault record by record (every owner outside the zone,
/// the SOA off the apex, no apex NS) stay quiet when it is set: one finding says it all.
pub(crate) fn foreign_zone(cx: &Context<'_>) -> Option<(Span, OwnedName, &'static str)> {
    let applied = cx.applied_origin?;
    match cx.zone.records.iter().find(|r| r.rtype == RType::SOA) {
        Some(soa) => {
            let owner = cx.zone.owner(soa);
            (!owner.is_subdomain_of(applied.as_ref()))
                .then(|| (cx.owner_span(soa), owner.to_owned(), "SOA"))
        }
        None => foreign_origin(cx, applied).map(|(span, name)| (span, name, "$ORIGIN")),
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let Some(applied) = cx.applied_origin else {
        return;
    };
    let Some((span, found, what)) = foreign_zone(cx) else {
        return;
    };
    let outside = cx
        .zone
        .records
        .iter()
        .filter(|r| cx.zone.owner(r).is_subdomain_of(found.as_ref()))
        .count();
    em.emit(
        Diagnostic::new(
            &ORIGIN_MISMATCH,
            span,
            tr!(
                lang,
                "this zone's {what} is for `{found}`, but the application is for `{applied}`; its {outside} record(s) lie outside the zone applied for",
                "このゾーンの {what} は `{found}` のものですが、申込みは `{applied}` です。そのレコード {outside} 件は申込みのゾーンの外にあります"
            ),
        )
        .help(tr!(
            lang,
            "ask the customer for the zone of `{applied}`, or correct the application if this file is right",
            "`{applied}` のゾーンをお客様に依頼するか、このファイルが正しいなら申込み内容を訂正してください"
        )),
    );
}
