//! ZG102 `multiple-soa`: more than one SOA record at the apex.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{canonical_rdata, show};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static MULTIPLE_SOA: Rule = Rule {
    code: "ZG102",
    name: "multiple-soa",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.2",
    summary: Text {
        en: r#"more than one SOA record at the apex"#,
        ja: r#"頂点に複数の SOA レコードがある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports every SOA record at the apex after the first one, when their data differ. An exact repeat of the same SOA is a duplicate record (ZG301), not a second SOA.

## Why is this bad?
A zone has exactly one SOA (RFC 1035 §5.2). With two, servers disagree: BIND and NSD refuse the zone, Knot silently keeps the first. Two SOAs usually mean two zone files were pasted together, or an edited copy of the SOA was added instead of replacing the old one.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024020101 7200 900 1209600 3600
```

## How to fix
Keep one SOA (usually the one with the higher serial) and delete the others.
"#,
        ja: r#"## 内容
頂点にある 2 つ目以降の SOA レコードを、データが異なる場合に報告します。同じ SOA をそのまま繰り返したものは 2 つ目の SOA ではなく重複レコード（ZG301）です。

## 問題点
ゾーンの SOA はちょうど 1 つです（RFC 1035 §5.2）。2 つあるとサーバーごとに扱いが分かれ、BIND と NSD はゾーンを拒否し、Knot は黙って最初のものを使います。2 つのゾーンファイルを貼り合わせたか、SOA を書き換えずに編集したコピーを追加した場合に起こります。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024020101 7200 900 1209600 3600
```

## 修正方法
SOA を 1 つ（通常はシリアルの大きい方）だけ残し、他を削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some(apex) = super::apex_id(cx) else {
        return;
    };
    let mut soas = cx.rrset(apex, RType::SOA);
    let Some(first) = soas.next() else { return };
    let first_data = canonical_rdata(RType::SOA, cx.zone.rdata(first));
    let mut seen = vec![first_data];
    let lang = cx.lang;
    let name = show(cx.zone.apex());
    for r in soas {
        let data = canonical_rdata(RType::SOA, cx.zone.rdata(r));
        if seen.contains(&data) {
            continue;
        }
        seen.push(data);
        em.emit(
            Diagnostic::new(
                &MULTIPLE_SOA,
                cx.type_span(r),
                tr!(
                    lang,
                    "a second SOA record for `{name}`",
                    "`{name}` に 2 つ目の SOA レコードがあります"
                ),
            )
            .label(
                cx.type_span(first),
                tr!(lang, "first SOA here", "最初の SOA はここ"),
            )
            .help(tr!(
                lang,
                "a zone has exactly one SOA; keep one (usually the one with the higher serial) and delete the others",
                "ゾーンの SOA は 1 つだけです。1 つ（通常はシリアルの大きい方）を残し、他を削除してください"
            )),
        );
    }
}
