//! ZG311 `cname-chain`: a CNAME whose target, in this zone, is another CNAME.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use std::collections::HashSet;

pub static CNAME_CHAIN: Rule = Rule {
    code: "ZG311",
    name: "cname-chain",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1034 §5.2.2, RFC 1912 §2.4",
    summary: Text {
        en: r#"a CNAME whose target in this zone is another CNAME"#,
        ja: r#"このゾーン内の CNAME を指す CNAME"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a CNAME whose target is a name of this zone (or matches a wildcard of it) that is itself a CNAME, and shows the chain. Chains that end in a loop are reported by ZG312 at the loop.

## Why is this bad?
Resolvers follow chains, but each link costs a lookup and a chance to fail, and some resolvers give up after a few links (RFC 1034 §5.2.2; RFC 1912 §2.4 advises against chains). Inside one zone a chain is never needed: the first alias can point straight at the final name.

## Example
```
www   IN CNAME  web.example.jp.
web   IN CNAME  shop.example.net.
```

## How to fix
Point the first CNAME at the end of the chain (`www IN CNAME shop.example.net.`).
"#,
        ja: r#"## 内容
このゾーンの名前（またはそのワイルドカードに一致する名前）を指す CNAME で、指す先自身も CNAME であるものを報告し、連鎖を表示します。ループに至る連鎖は ZG312 がループの位置で報告します。

## 問題点
リゾルバーは連鎖をたどりますが、1 段ごとに問い合わせと失敗の機会が増え、数段で諦めるリゾルバーもあります（RFC 1034 §5.2.2。RFC 1912 §2.4 は連鎖を避けるよう勧めています）。1 つのゾーン内では連鎖は不要で、最初の別名から最終的な名前を直接指せます。

## 例
```
www   IN CNAME  web.example.jp.
web   IN CNAME  shop.example.net.
```

## 修正方法
最初の CNAME を連鎖の最後の名前に向けてください（`www IN CNAME shop.example.net.`）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let g = cx.cname_graph();
    let in_loop: HashSet<_> = g.loops.iter().flatten().copied().collect();
    let lang = cx.lang;
    for (owner, first) in g.links() {
        if in_loop.contains(&owner) {
            continue;
        }
        let Some(r) = g.record(cx, owner) else {
            continue;
        };
        // The chain as resolution walks it, cut short after a few links.
        let mut chain = vec![show_id(cx, owner)];
        let mut seen = HashSet::from([owner]);
        let mut cur = owner;
        while let Some(n) = g.next(cur) {
            if chain.len() > 4 || !seen.insert(n) {
                chain.push("…".into());
                break;
            }
            chain.push(show_id(cx, n));
            cur = n;
        }
        if let Some(end) = g
            .record(cx, cur)
            .and_then(|r| crate::rules::target::target(cx, r))
            && chain.last().is_none_or(|l| l != "…")
        {
            chain.push(crate::rules::util::show(end));
        }
        let next = show_id(cx, first);
        let chain = chain.join(" → ");
        em.emit(
            Diagnostic::new(
                &CNAME_CHAIN,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "CNAME target `{next}` is itself a CNAME: {chain}",
                    "CNAME の指す先 `{next}` 自身も CNAME です: {chain}"
                ),
            )
            .help(tr!(
                lang,
                "each link costs resolvers a lookup and some give up on long chains; point this CNAME straight at the end of the chain",
                "連鎖の 1 段ごとにリゾルバーの問い合わせが増え、長い連鎖で諦めるリゾルバーもあります。この CNAME を連鎖の最後の名前に直接向けてください"
            )),
        );
    }
}
