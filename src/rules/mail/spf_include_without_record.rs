//! ZG513 `spf-include-without-record`: an `include:` or `redirect=` to a name of this zone that
//! has no SPF record.

use super::spf::Modifier;
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SPF_INCLUDE_WITHOUT_RECORD: Rule = Rule {
    code: "ZG513",
    name: "spf-include-without-record",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §5.2, §6.1",
    summary: Text {
        en: r#"an SPF `include:` or `redirect=` to a name in this zone that has no SPF record"#,
        ja: r#"SPF レコードのない同じゾーン内の名前への `include:` または `redirect=`"#,
    },
    docs: Text {
        en: r#"## What it does
Follows `include:` and `redirect=` terms whose domain lies in the submitted zone, and reports those whose target has no SPF record there (the name is missing, or has no TXT starting with `v=spf1`). Targets in other domains, below delegations, behind CNAMEs or wildcards, or built from macros are not judged.

## Why is this bad?
When the target of `include:` or `redirect=` has no SPF record, receivers return "permerror" (RFC 7208 §5.2, §6.1): the whole record fails, not just the one term. It typically happens when `_spf.example.jp` was kept at the old host or renamed during the move.

## Example
```
@   IN TXT "v=spf1 include:_spf.example.jp -all"
; no record at _spf.example.jp
```

## How to fix
Add the SPF record at the target name (`_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"`), or correct the domain in the term.
"#,
        ja: r#"## 内容
ドメインが提出されたゾーン内にある `include:`・`redirect=` をたどり、その先に SPF レコードがないもの（名前がない、または `v=spf1` で始まる TXT がない）を報告します。他のドメイン、委任の下、CNAME やワイルドカードの先、マクロで組み立てる名前は判定しません。

## 問題点
`include:` や `redirect=` の先に SPF レコードがないと、受信側は "permerror" を返します（RFC 7208 §5.2, §6.1）。その項目だけでなくレコード全体が失敗します。`_spf.example.jp` を旧事業者に残したり、移行中に名前を変えたりしたときによく起こります。

## 例
```
@   IN TXT "v=spf1 include:_spf.example.jp -all"
; _spf.example.jp にはレコードがない
```

## 修正方法
参照先の名前に SPF レコードを追加する（`_spf IN TXT "v=spf1 ip4:192.0.2.0/24 -all"`）か、項目のドメインを正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        let nested = rec.nested(cx);
        for (term, nested) in rec.spf.terms.iter().zip(nested) {
            if term.split_at.is_some() {
                continue;
            }
            // A redirect beside `all` is never followed (ZG508 says so).
            if term.modifier() == Some(Modifier::Redirect) && rec.spf.all_index().is_some() {
                continue;
            }
            let Some(super::Nested { name: target, id }) = nested else {
                continue;
            };
            let id = *id;
            let exists = id.is_some_and(|id| !cx.index.at(id).is_empty());
            let (message, help) = match id {
                Some(id) if exists => {
                    if cx.index.has(cx.zone, id, RType::CNAME)
                        || super::spf_at(cx, id).next().is_some()
                    {
                        continue;
                    }
                    (
                        tr!(
                            lang,
                            "`{target}` has no SPF record, so `{}` fails with permerror",
                            "`{target}` に SPF レコードがないため、`{}` は permerror になります",
                            rec.shown(term.range.clone())
                        ),
                        tr!(
                            lang,
                            "add a TXT record \"v=spf1 ...\" at `{target}`",
                            "`{target}` に TXT レコード \"v=spf1 ...\" を追加してください"
                        ),
                    )
                }
                _ => {
                    if super::wildcard_covers(cx, target.as_ref()) {
                        continue;
                    }
                    (
                        tr!(
                            lang,
                            "`{target}` does not exist in this zone, so `{}` fails with permerror",
                            "`{target}` はこのゾーンに存在しないため、`{}` は permerror になります",
                            rec.shown(term.range.clone())
                        ),
                        tr!(
                            lang,
                            "add the SPF record at `{target}`, or correct the domain",
                            "`{target}` に SPF レコードを追加するか、ドメインを正してください"
                        ),
                    )
                }
            };
            em.emit(
                Diagnostic::new(
                    &SPF_INCLUDE_WITHOUT_RECORD,
                    rec.span(cx, term.arg.clone()),
                    message,
                )
                .help(help),
            );
        }
    }
}
