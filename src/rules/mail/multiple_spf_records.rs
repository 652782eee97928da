//! ZG501 `multiple-spf-records`: more than one SPF record at a name.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use std::collections::HashMap;

pub static MULTIPLE_SPF_RECORDS: Rule = Rule {
    code: "ZG501",
    name: "multiple-spf-records",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §3.2, §4.5",
    summary: Text {
        en: r#"more than one `v=spf1` TXT record at a name"#,
        ja: r#"同じ名前に `v=spf1` の TXT レコードが複数ある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a name with two or more TXT records whose text (strings joined) starts with `v=spf1`.

## Why is this bad?
A domain must not publish more than one SPF record (RFC 7208 §3.2). A receiver that finds two returns "permerror" and ignores both, so the domain has no SPF at all, and mail from it is more likely to be rejected or filed as spam. It usually happens when a second service (a newsletter tool, Microsoft 365) is added by pasting its SPF record beside the old one.

## Example
```
@   IN TXT "v=spf1 include:spf.example-isp.jp -all"
@   IN TXT "v=spf1 include:spf.protection.outlook.com -all"
```

## How to fix
Merge them into one record: keep one `v=spf1`, list every `include:`/`ip4:`/`ip6:` term once, and end with one `all`:
```
@   IN TXT "v=spf1 include:spf.example-isp.jp include:spf.protection.outlook.com -all"
```
"#,
        ja: r#"## 内容
連結した文字列が `v=spf1` で始まる TXT レコードが 2 つ以上ある名前を報告します。

## 問題点
1 つのドメインが公開できる SPF レコードは 1 つだけです（RFC 7208 §3.2）。受信側は 2 つ見つけると "permerror" を返して両方とも無視するため、ドメインに SPF がないのと同じになり、送ったメールが拒否されたり迷惑メール扱いされやすくなります。メール配信サービスや Microsoft 365 を追加するときに、新しい SPF レコードを既存のものの横に貼り付けて起こることがほとんどです。

## 例
```
@   IN TXT "v=spf1 include:spf.example-isp.jp -all"
@   IN TXT "v=spf1 include:spf.protection.outlook.com -all"
```

## 修正方法
1 つのレコードにまとめてください。`v=spf1` は 1 回、`include:`・`ip4:`・`ip6:` の各項目も 1 回ずつ書き、最後に `all` を 1 つ置きます。
```
@   IN TXT "v=spf1 include:spf.example-isp.jp include:spf.protection.outlook.com -all"
```
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    // Per owner: the first SPF record's span, and the data of each distinct one. An exact
    // duplicate is one record to DNS (an RRset holds no duplicates; ZG301 reports the line), so
    // only different texts count.
    // The first record's span is found only when there is a second: finding it lexes the line
    // again.
    // By owner id: the first SPF record; the distinct data are kept only for owners with more.
    let mut firsts: Vec<Option<&crate::zone::Record>> = vec![None; cx.zone.names.len()];
    let mut more: HashMap<_, Vec<&[u8]>> = HashMap::new();
    for spf in super::spf_records(cx) {
        let record = spf.record;
        let wire = cx.zone.rdata(record);
        let Some(first) = firsts[record.owner.0 as usize] else {
            firsts[record.owner.0 as usize] = Some(record);
            continue;
        };
        let texts = more
            .entry(record.owner)
            .or_insert_with(|| vec![cx.zone.rdata(first)]);
        if texts.contains(&wire) {
            continue;
        }
        texts.push(wire);
        let first_span = super::text::data_span(cx, first);
        let owner = cx.zone.owner(record);
        em.emit(
            Diagnostic::new(
                &MULTIPLE_SPF_RECORDS,
                super::text::data_span(cx, record),
                tr!(
                    lang,
                    "`{owner}` has more than one SPF record; receivers ignore them all",
                    "`{owner}` に SPF レコードが複数あります。受信側はすべて無視します"
                ),
            )
            .label(
                first_span,
                tr!(lang, "first SPF record here", "最初の SPF レコード"),
            )
            .help(tr!(
                lang,
                "merge them into one `v=spf1` record with every include and address, and one `all` at the end",
                "すべての include とアドレスを 1 つの `v=spf1` レコードにまとめ、最後に `all` を 1 つ置いてください"
            )),
        );
    }
}
