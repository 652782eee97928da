//! ZG510 `spf-ptr-mechanism`: the `ptr` mechanism, which RFC 7208 says not to use.

use super::spf::Mech;
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_PTR_MECHANISM: Rule = Rule {
    code: "ZG510",
    name: "spf-ptr-mechanism",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §5.5",
    summary: Text {
        en: r#"the SPF `ptr` mechanism, which should not be used"#,
        ja: r#"使うべきでない SPF の `ptr` メカニズム"#,
    },
    docs: Text {
        en: r#"## What it does
Reports the `ptr` mechanism in SPF records.

## Why is this bad?
`ptr` is slow and unreliable: it needs a reverse lookup and then forward lookups for every name found, it depends on reverse DNS the sender often does not control, and it loads the `in-addr.arpa` servers. RFC 7208 §5.5 says it SHOULD NOT be used, and some large receivers treat it as a failure to match.

## Example
```
@   IN TXT "v=spf1 ptr -all"
```

## How to fix
List the sending servers' addresses with `ip4:`/`ip6:`, or use `a`/`mx` or the provider's `include:`.
"#,
        ja: r#"## 内容
SPF レコード中の `ptr` メカニズムを報告します。

## 問題点
`ptr` は遅く不確実です。逆引きと、見つかった名前ごとの正引きが必要で、送信者が管理していないことの多い逆引き DNS に依存し、`in-addr.arpa` のサーバーに負荷をかけます。RFC 7208 §5.5 は使うべきでない（SHOULD NOT）としており、大手の受信側には一致しないものとして扱うところもあります。

## 例
```
@   IN TXT "v=spf1 ptr -all"
```

## 修正方法
送信サーバーのアドレスを `ip4:`・`ip6:` で列挙するか、`a`・`mx`、または事業者の `include:` を使ってください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for term in &rec.spf.terms {
            if term.mech() != Some(Mech::Ptr) || term.split_at.is_some() {
                continue;
            }
            let shown = rec.shown(term.range.clone());
            em.emit(
                Diagnostic::new(
                    &SPF_PTR_MECHANISM,
                    rec.span(cx, term.range.clone()),
                    tr!(
                        lang,
                        "`{shown}` relies on reverse DNS; RFC 7208 says not to use `ptr`",
                        "`{shown}` は逆引き DNS に依存します。RFC 7208 は `ptr` を使わないよう定めています"
                    ),
                )
                .help(tr!(
                    lang,
                    "list the sending servers with `ip4:`/`ip6:`, or use `a`, `mx` or the provider's `include:`",
                    "送信サーバーを `ip4:`・`ip6:` で列挙するか、`a`・`mx`・事業者の `include:` を使ってください"
                )),
            );
        }
    }
}
