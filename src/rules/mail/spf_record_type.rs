//! ZG511 `spf-record-type`: the SPF resource record type (99), which nothing reads any more.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SPF_RECORD_TYPE: Rule = Rule {
    code: "ZG511",
    name: "spf-record-type",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §3.1, §14.1",
    summary: Text {
        en: r#"an SPF record published with the obsolete type 99 instead of TXT"#,
        ja: r#"TXT ではなく廃止されたタイプ 99 で公開された SPF レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records of type `SPF` (type 99).

## Why is this bad?
RFC 7208 §3.1 retired the SPF record type: SPF is published only as TXT, and receivers no longer query type 99. An `SPF` record alone means the domain has no SPF; beside a TXT record it is dead weight that must be kept in step by hand, and many DNS hosts do not serve it at all.

## Example
```
@   IN SPF "v=spf1 include:spf.protection.outlook.com -all"
```

## How to fix
Publish the same text as a TXT record and remove the `SPF` record.
"#,
        ja: r#"## 内容
タイプ `SPF`（タイプ 99）のレコードを報告します。

## 問題点
RFC 7208 §3.1 で SPF レコードタイプは廃止され、SPF は TXT でのみ公開します。受信側はタイプ 99 を問い合わせません。`SPF` レコードだけならドメインに SPF がないのと同じで、TXT と並べても手で同期し続けなければならない無駄なレコードです。多くの DNS 事業者はこのタイプを扱いません。

## 例
```
@   IN SPF "v=spf1 include:spf.protection.outlook.com -all"
```

## 修正方法
同じ文字列を TXT レコードとして公開し、`SPF` レコードは削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::SPF) {
        let same_txt = super::text::Joined::of(cx.zone.rdata(record)).is_some_and(|spf| {
            cx.index.rrset(cx.zone, record.owner, RType::TXT).any(|i| {
                super::text::Joined::of(cx.zone.rdata(&cx.zone.records[i as usize]))
                    .is_some_and(|t| t.text == spf.text)
            })
        });
        let help = if same_txt {
            tr!(
                lang,
                "a TXT record with the same text exists; remove this one",
                "同じ文字列の TXT レコードがあるので、このレコードは削除してください"
            )
        } else {
            tr!(
                lang,
                "publish the text as a TXT record instead: `IN TXT \"v=spf1 ...\"`",
                "代わりに TXT レコードとして公開してください: `IN TXT \"v=spf1 ...\"`"
            )
        };
        em.emit(
            Diagnostic::new(
                &SPF_RECORD_TYPE,
                cx.type_span(record),
                tr!(
                    lang,
                    "the SPF record type is obsolete; receivers read SPF only from TXT records",
                    "SPF レコードタイプは廃止されています。受信側は TXT レコードの SPF だけを読みます"
                ),
            )
            .help(help),
        );
    }
}
