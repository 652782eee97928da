//! ZG312 `cname-loop`: CNAMEs in this zone that lead back to themselves.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static CNAME_LOOP: Rule = Rule {
    code: "ZG312",
    name: "cname-loop",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §3.6.2",
    summary: Text {
        en: r#"a loop of CNAMEs in this zone that lead back to themselves"#,
        ja: r#"このゾーン内で自分自身に戻る CNAME の連鎖"#,
    },
    docs: Text {
        en: r#"## What it does
Finds loops of CNAMEs inside the zone (`a` → `b` → `a`), including loops through a wildcard, and reports each loop once, at its first record in the file. A CNAME that names its own owner is ZG313's.

## Why is this bad?
Resolving any name of the loop never ends: resolvers stop after a few links and answer SERVFAIL (RFC 1034 §3.6.2 warns against loops). Every name in the loop, and every alias that leads into it, is unreachable.

## Example
```
www  IN CNAME  web.example.jp.
web  IN CNAME  www.example.jp.
```

## How to fix
Point one of the CNAMEs at the real host name (or replace it with A/AAAA records).
"#,
        ja: r#"## 内容
ゾーン内の CNAME のループ（`a` → `b` → `a`、ワイルドカード経由も含む）を見つけ、ループごとにファイル内で最初のレコードで 1 回報告します。自分の所有者名を指す CNAME は ZG313 で報告します。

## 問題点
ループ内の名前の名前解決は終わりません。リゾルバーは数段で打ち切り SERVFAIL を返します（RFC 1034 §3.6.2 はループに注意を促しています）。ループ内のすべての名前と、ループに至るすべての別名に到達できなくなります。

## 例
```
www  IN CNAME  web.example.jp.
web  IN CNAME  www.example.jp.
```

## 修正方法
どれか 1 つの CNAME を実際のホスト名に向ける（または A・AAAA レコードに置き換える）ようにしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let g = cx.cname_graph();
    let lang = cx.lang;
    for members in &g.loops {
        let records: Vec<_> = members.iter().filter_map(|&m| g.record(cx, m)).collect();
        let Some(first) = records.iter().min_by_key(|r| (r.span.file, r.span.start)) else {
            continue;
        };
        // Show the loop starting where the report is.
        let at = members.iter().position(|&m| m == first.owner).unwrap_or(0);
        let mut walk: Vec<String> = members[at..]
            .iter()
            .chain(&members[..at])
            .map(|&m| show_id(cx, m))
            .collect();
        walk.push(walk[0].clone());
        let walk = crate::rules::util::list(&walk, 8).replace(", ", " → ");
        let mut d = Diagnostic::new(
            &CNAME_LOOP,
            cx.rdata_field_span(first, 0),
            tr!(lang, "CNAME loop: {walk}", "CNAME のループ: {walk}"),
        )
        .help(tr!(
            lang,
            "resolving any of these names never ends and fails; point one of the CNAMEs at the real host name",
            "これらの名前の名前解決は終わらずに失敗します。どれか 1 つの CNAME を実際のホスト名に向けてください"
        ));
        for r in records.iter().filter(|r| r.span != first.span).take(3) {
            d = d.label(
                cx.rdata_field_span(r, 0),
                tr!(lang, "part of the loop", "ループの一部"),
            );
        }
        em.emit(d);
    }
}
