//! ZG512 `spf-too-many-lookups`: more than ten DNS-querying terms, counted statically.

use super::Nested;
use super::spf::{Kind, LOOKUP_LIMIT, Mech, Modifier, Term};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::NameId;
use std::collections::HashMap;

pub static SPF_TOO_MANY_LOOKUPS: Rule = Rule {
    code: "ZG512",
    name: "spf-too-many-lookups",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §4.6.4",
    summary: Text {
        en: r#"an SPF record that needs more than 10 DNS lookups, or whose includes loop"#,
        ja: r#"DNS 問い合わせが 10 回を超える、または include が循環する SPF レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Counts the terms that cost a DNS lookup — `include`, `a`, `mx`, `ptr`, `exists` and `redirect` — in each SPF record, following `include:` and `redirect=` into records of the same zone, and reports records that need more than ten, or whose includes lead back to themselves. Terms after `all` are not counted, since they are never evaluated. Includes of other domains count one each here; their own lookups come on top, so the real total can be higher.

## Why is this bad?
RFC 7208 §4.6.4 limits an evaluation to ten such lookups; at the eleventh, receivers stop with "permerror" and the domain's mail fails SPF. Records grow past the limit one service at a time, and the failure shows only at receivers.

## Example
```
@   IN TXT "v=spf1 a mx include:a.example include:b.example include:c.example include:d.example include:e.example include:f.example include:g.example include:h.example include:i.example -all"
```

## How to fix
Remove includes of services no longer used; replace `a`/`mx` and small includes with the `ip4:`/`ip6:` addresses they stand for; or move part of the record to a subdomain that the main one redirects to only if the total stays within ten.
"#,
        ja: r#"## 内容
各 SPF レコードで DNS 問い合わせを伴う項目（`include`, `a`, `mx`, `ptr`, `exists`, `redirect`）を数え、同じゾーン内のレコードへの `include:`・`redirect=` はたどって合計し、10 回を超えるもの、または include が自分自身に戻るものを報告します。`all` より後の項目は評価されないので数えません。他のドメインの include はここでは 1 回と数えますが、実際にはその中の問い合わせも加わるため、合計はさらに多くなり得ます。

## 問題点
RFC 7208 §4.6.4 は 1 回の評価での問い合わせを 10 回に制限しています。11 回目で受信側は "permerror" として評価をやめ、ドメインのメールは SPF に失敗します。サービスを追加するたびにレコードは少しずつ膨らみ、失敗は受信側でしか分かりません。

## 例
```
@   IN TXT "v=spf1 a mx include:a.example include:b.example include:c.example include:d.example include:e.example include:f.example include:g.example include:h.example include:i.example -all"
```

## 修正方法
使わなくなったサービスの include を削除し、`a`・`mx` や小さな include は対応する `ip4:`・`ip6:` アドレスに置き換えてください。
"#,
    },
    check: Check::Zone(check),
};

/// Lookups counted for one name's SPF record, and a loop found on the way.
#[derive(Clone, Copy, Default)]
struct Walk {
    count: usize,
    looped_to: Option<NameId>,
}

/// Whether a term costs a lookup.
fn costs_lookup(term: &Term) -> bool {
    match term.kind {
        Kind::Mechanism { mech, .. } => mech.queries_dns(),
        Kind::Modifier(Modifier::Redirect) => true,
        _ => false,
    }
}

/// The in-zone name an `include:` or `redirect=` leads to.
pub(super) fn nested_target(
    cx: &Context<'_>,
    bytes: &[u8],
    term: &Term,
) -> Option<crate::zone::OwnedName> {
    let follows = matches!(
        term.kind,
        Kind::Mechanism {
            mech: Mech::Include,
            ..
        } | Kind::Modifier(Modifier::Redirect)
    );
    if !follows || term.fault.is_some() {
        return None;
    }
    let name = super::domain_name(&bytes[term.arg.clone()])?;
    super::served_here(cx, name.as_ref()).then_some(name)
}

struct Counter<'c, 'z> {
    cx: &'c Context<'z>,
    memo: HashMap<NameId, usize>,
    stack: Vec<NameId>,
}

impl Counter<'_, '_> {
    /// Lookups for the SPF record at `owner`, given that `spent` were counted before it. The
    /// walk stops as soon as the running total passes the limit: every level of nesting costs
    /// at least one lookup, so the recursion is at most eleven deep, however long a chain of
    /// includes the zone holds.
    fn walk(&mut self, owner: NameId, spent: usize) -> Walk {
        if self.stack.contains(&owner) {
            return Walk {
                count: LOOKUP_LIMIT + 1,
                looped_to: Some(owner),
            };
        }
        if let Some(&count) = self.memo.get(&owner) {
            return Walk {
                count,
                looped_to: None,
            };
        }
        let cx = self.cx;
        let Some(rec) = super::spf_at(cx, owner).next() else {
            return Walk::default();
        };
        self.stack.push(owner);
        let mut walk = Walk::default();
        let mut complete = true;
        let nested = rec.nested(cx);
        for (i, term) in rec.spf.evaluated() {
            walk.count += usize::from(costs_lookup(term));
            if spent + walk.count > LOOKUP_LIMIT {
                complete = false;
                break;
            }
            if let Some(Some(Nested { id: Some(id), .. })) = nested.get(i) {
                let inner = self.walk(*id, spent + walk.count);
                walk.count += inner.count;
                walk.looped_to = walk.looped_to.or(inner.looped_to);
                if spent + walk.count > LOOKUP_LIMIT {
                    complete = false;
                    break;
                }
            }
        }
        self.stack.pop();
        // A walk cut short, or one that met a loop, depends on where it started: not memoised.
        if complete && walk.looped_to.is_none() {
            self.memo.insert(owner, walk.count);
        }
        walk
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let mut counter = Counter {
        cx,
        memo: HashMap::new(),
        stack: Vec::new(),
    };
    for rec in super::spf_records(cx) {
        counter.stack.clear();
        counter.stack.push(rec.record.owner);
        let mut total = 0usize;
        let mut crossing: Option<&Term> = None;
        let mut looped: Option<(&Term, NameId)> = None;
        let nested = rec.nested(cx);
        for (i, term) in rec.spf.evaluated() {
            total += usize::from(costs_lookup(term));
            if let Some(Some(Nested { id: Some(id), .. })) = nested.get(i)
                && total <= LOOKUP_LIMIT
            {
                let inner = counter.walk(*id, total);
                total += inner.count;
                if let (None, Some(to)) = (looped, inner.looped_to) {
                    looped = Some((term, to));
                }
            }
            if total > LOOKUP_LIMIT && crossing.is_none() {
                crossing = Some(term);
            }
        }
        let owner_name = cx.zone.owner(rec.record);
        if let Some((term, to)) = looped {
            let shown = rec.shown(term.range.clone());
            let to = cx.zone.names.get(to);
            em.emit(
                Diagnostic::new(
                    &SPF_TOO_MANY_LOOKUPS,
                    rec.span(cx, term.range.clone()),
                    tr!(
                        lang,
                        "`{shown}` leads back to `{to}`; receivers follow the loop until the 10-lookup limit and fail (permerror)",
                        "`{shown}` は `{to}` に戻ります。受信側はこの循環を 10 回の上限までたどって失敗（permerror）します"
                    ),
                )
                .help(tr!(
                    lang,
                    "break the loop: the SPF record of `{owner_name}` must not be included, directly or indirectly, by the records it includes",
                    "循環を解消してください。`{owner_name}` の SPF レコードを、それが include するレコードから（間接的にも）include してはいけません"
                )),
            );
            continue;
        }
        let Some(term) = crossing else { continue };
        let shown = rec.shown(term.range.clone());
        em.emit(
            Diagnostic::new(
                &SPF_TOO_MANY_LOOKUPS,
                rec.span(cx, term.range.clone()),
                tr!(
                    lang,
                    "SPF evaluation needs at least {total} DNS lookups; `{shown}` goes past the limit of 10 (permerror)",
                    "SPF の評価に DNS 問い合わせが {total} 回以上必要です。`{shown}` で上限の 10 回を超えます（permerror）"
                ),
            )
            .help(tr!(
                lang,
                "remove includes that are no longer used, or replace `a`, `mx` and small includes with `ip4:`/`ip6:` addresses; includes of other domains add their own lookups on top of this count",
                "使っていない include を削除するか、`a`・`mx`・小さな include を `ip4:`・`ip6:` のアドレスに置き換えてください。他ドメインの include では、その中の問い合わせがこの回数にさらに加わります"
            )),
        );
    }
}
