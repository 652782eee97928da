//! ZG303 `ttl-mismatch`: records of one RRset with different TTLs.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{seconds, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static TTL_MISMATCH: Rule = Rule {
    code: "ZG303",
    name: "ttl-mismatch",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2181 §5.2",
    summary: Text {
        en: r#"records of one RRset with different TTLs"#,
        ja: r#"同じ RRset のレコードの TTL が異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an RRset (the records of one name and type) whose records do not all have the same TTL, once per RRset, at the first record that differs.

## Why is this bad?
The TTL belongs to the whole RRset (RFC 2181 §5.2): servers and caches serve one TTL for the set, and they differ in which one they pick (BIND uses the first, others the lowest). The TTL the customer meant for one record is silently not the one published.

## Example
```
www  300   IN A  192.0.2.1
www  3600  IN A  192.0.2.2
```

## How to fix
Give every record of the set the same TTL.
"#,
        ja: r#"## 内容
RRset（同じ名前・タイプのレコード群）の TTL がすべて同じではない場合に、RRset ごとに 1 回、最初に異なるレコードで報告します。

## 問題点
TTL は RRset 全体に属します（RFC 2181 §5.2）。サーバーやキャッシュは集合に 1 つの TTL を使い、どれを選ぶかは実装によって異なります（BIND は最初のもの、他は最小値など）。お客様があるレコードに意図した TTL は、黙って公開されません。

## 例
```
www  300   IN A  192.0.2.1
www  3600  IN A  192.0.2.2
```

## 修正方法
RRset のすべてのレコードに同じ TTL を指定してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let zone = cx.zone;
    let lang = cx.lang;
    for (owner, rtype, set) in cx.index.rrsets_of_several(zone) {
        // An RRSIG set is really one set per covered type, each with its own TTL.
        if rtype == RType::RRSIG {
            continue;
        }
        let first = &zone.records[set[0] as usize];
        let Some(other) = set
            .iter()
            .map(|&i| &zone.records[i as usize])
            .find(|r| r.ttl != first.ttl)
        else {
            continue;
        };
        let (name, ty) = (show_id(cx, owner), rtype.name());
        let (t, t0) = (seconds(other.ttl), seconds(first.ttl));
        let at = |r| cx.ttl_span(r).unwrap_or_else(|| cx.type_span(r));
        em.emit(
            Diagnostic::new(
                &TTL_MISMATCH,
                at(other),
                tr!(
                    lang,
                    "TTL {t} differs from the TTL {t0} of the other `{name}` {ty} records",
                    "TTL {t} が、他の `{name}` の {ty} レコードの TTL {t0} と異なります"
                ),
            )
            .label(at(first), tr!(lang, "TTL {t0} here", "TTL {t0} はここ"))
            .help(tr!(
                lang,
                "a TTL belongs to the whole set and servers pick one of them; give every `{name}` {ty} record the same TTL",
                "TTL は RRset 全体に属し、サーバーはどれか 1 つを使います。`{name}` の {ty} レコードすべてに同じ TTL を指定してください"
            )),
        );
    }
}
