//! ZG610 `ds-at-apex`: a DS record at the zone's apex.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static DS_AT_APEX: Rule = Rule {
    code: "ZG610",
    name: "ds-at-apex",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 4034 §5, RFC 4035 §2.4",
    summary: Text {
        en: r#"a DS record at the zone's apex, where it does not belong"#,
        ja: r#"置くべきでないゾーンの頂点にある DS レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DS records whose owner is the zone's apex.

## Why is this bad?
A DS record belongs to the parent side of a delegation (RFC 4034 §5, RFC 4035 §2.4): the DS for `example.jp` is published by the `jp` registry through the registrar, never in the `example.jp` zone. One at the apex is a copy of the parent's data that no resolver uses, and a sign that the domain is signed today: its DS at the parent must be removed (or replaced with the new host's) before the NS switch, or validating resolvers will fail the domain.

## Example
```
@   IN DS 12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
```

## How to fix
Remove the record from the zone. Ask the customer whether DNSSEC is on at the registrar, and plan the DS change with the cutover.
"#,
        ja: r#"## 内容
所有者がゾーンの頂点である DS レコードを報告します。

## 問題点
DS レコードは委任の親側に置くものです（RFC 4034 §5, RFC 4035 §2.4）。`example.jp` の DS は `jp` のレジストリがレジストラ経由で公開するもので、`example.jp` のゾーンには置きません。頂点にある DS は親のデータの写しで、どのリゾルバも使いません。またドメインが現在署名されている兆候でもあり、NS を切り替える前に親の DS を削除（または新しい事業者のものに置き換え）しないと、検証するリゾルバでドメインが解決できなくなります。

## 例
```
@   IN DS 12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
```

## 修正方法
ゾーンからレコードを削除してください。レジストラで DNSSEC が有効かをお客様に確認し、DS の変更を切替計画に入れてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let Some(apex) = cx.zone.names.lookup(cx.zone.apex()) else {
        return;
    };
    for i in cx.index.rrset(cx.zone, apex, RType::DS) {
        let record = &cx.zone.records[i as usize];
        let owner = cx.zone.apex();
        em.emit(
            Diagnostic::new(
                &DS_AT_APEX,
                cx.type_span(record),
                tr!(
                    lang,
                    "DS record at the apex `{owner}`; DS records belong in the parent zone",
                    "頂点 `{owner}` に DS レコードがあります。DS レコードは親ゾーンに置くものです"
                ),
            )
            .help(tr!(
                lang,
                "remove it; if DNSSEC is on at the registrar, the parent's DS must be removed or replaced before the NS switch",
                "削除してください。レジストラで DNSSEC が有効なら、NS を切り替える前に親の DS を削除するか置き換える必要があります"
            )),
        );
    }
}
