//! ZG521 `multiple-dmarc-records`: more than one DMARC record at a `_dmarc` name.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use std::collections::HashMap;

pub static MULTIPLE_DMARC_RECORDS: Rule = Rule {
    code: "ZG521",
    name: "multiple-dmarc-records",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.6.3",
    summary: Text {
        en: r#"more than one `v=DMARC1` record at a `_dmarc` name"#,
        ja: r#"`_dmarc` の名前に `v=DMARC1` のレコードが複数ある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a `_dmarc` name with two or more TXT records that start with `v=DMARC1`.

## Why is this bad?
When policy discovery finds more than one DMARC record, it stops and DMARC is not applied (RFC 7489 §6.6.3): neither record counts, and reports stop arriving.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.jp"
_dmarc  IN TXT "v=DMARC1; p=quarantine"
```

## How to fix
Keep one record with the policy and every reporting address: `"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.jp"`.
"#,
        ja: r#"## 内容
`v=DMARC1` で始まる TXT レコードが 2 つ以上ある `_dmarc` の名前を報告します。

## 問題点
ポリシー検索で DMARC レコードが複数見つかると、検索はそこで終わり DMARC は適用されません（RFC 7489 §6.6.3）。どちらのレコードも効かず、レポートも届かなくなります。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.jp"
_dmarc  IN TXT "v=DMARC1; p=quarantine"
```

## 修正方法
ポリシーとすべてのレポート送付先を 1 つのレコードにまとめてください: `"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.jp"`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    // Exact duplicates are one record to DNS (ZG301 reports the line): only different texts count.
    let mut seen: HashMap<_, (crate::source::Span, Vec<&[u8]>)> = HashMap::new();
    for rec in super::valid_dmarc_records(cx) {
        let span = super::text::data_span(cx, rec.record);
        let wire = cx.zone.rdata(rec.record);
        let Some((first_span, texts)) = seen.get_mut(&rec.record.owner) else {
            seen.insert(rec.record.owner, (span, vec![wire]));
            continue;
        };
        if texts.contains(&wire) {
            continue;
        }
        texts.push(wire);
        let first_span = *first_span;
        let owner = cx.zone.owner(rec.record);
        em.emit(
            Diagnostic::new(
                &MULTIPLE_DMARC_RECORDS,
                span,
                tr!(
                    lang,
                    "`{owner}` has more than one DMARC record; receivers apply none of them",
                    "`{owner}` に DMARC レコードが複数あります。受信側はどれも適用しません"
                ),
            )
            .label(
                first_span,
                tr!(lang, "first DMARC record here", "最初の DMARC レコード"),
            )
            .help(tr!(
                lang,
                "merge them into one record with one policy and all reporting addresses",
                "ポリシー 1 つとすべてのレポート送付先を 1 つのレコードにまとめてください"
            )),
        );
    }
}
