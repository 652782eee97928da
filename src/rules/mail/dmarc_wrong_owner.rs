//! ZG529 `dmarc-wrong-owner`: a DMARC record at a name receivers never look at.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static DMARC_WRONG_OWNER: Rule = Rule {
    code: "ZG529",
    name: "dmarc-wrong-owner",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.1",
    summary: Text {
        en: r#"a DMARC record at a name other than `_dmarc.<domain>`"#,
        ja: r#"`_dmarc.<ドメイン>` 以外の名前にある DMARC レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports TXT records that start with `v=DMARC1` at a name whose first label is not `_dmarc`: at the apex, at `dmarc`, at `_dmarc_` or another misspelling.

## Why is this bad?
Receivers look for a domain's DMARC policy only at `_dmarc.<domain>` (RFC 7489 §6.1). A record anywhere else is never read, so the domain has no DMARC policy although the customer believes it has one.

## Example
```
@       IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"
dmarc   IN TXT "v=DMARC1; p=reject"
```

## How to fix
Move the record to `_dmarc` (relative to the domain it protects): `_dmarc IN TXT "v=DMARC1; p=reject; ..."`.
"#,
        ja: r#"## 内容
最初のラベルが `_dmarc` ではない名前にある、`v=DMARC1` で始まる TXT レコードを報告します。ゾーンの頂点、`dmarc`、`_dmarc_` などの綴り誤りの名前です。

## 問題点
受信側はドメインの DMARC ポリシーを `_dmarc.<ドメイン>` でしか探しません（RFC 7489 §6.1）。ほかの場所のレコードは読まれず、お客様は DMARC があるつもりでも実際にはありません。

## 例
```
@       IN TXT "v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"
dmarc   IN TXT "v=DMARC1; p=reject"
```

## 修正方法
保護するドメインから見て `_dmarc` の位置にレコードを移してください: `_dmarc IN TXT "v=DMARC1; p=reject; ..."`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::TXT) {
        if !super::text::starts_with_ignore_case(cx.zone.rdata(record), b"v=dmarc1") {
            continue;
        }
        let owner = cx.zone.owner(record);
        if super::first_label_is(owner, b"_dmarc") {
            continue;
        }
        // A misspelt `_dmarc` label stands for its parent; anything else for itself.
        let first = owner.first_label().unwrap_or_default();
        let first_text = String::from_utf8_lossy(first).to_ascii_lowercase();
        let misspelt = first_text.contains("dmarc")
            || first_text.contains("dmark")
            || crate::zone::customer::osa_distance(&first_text, "_dmarc") <= 2;
        let protected = if misspelt {
            owner.parent().unwrap_or(owner)
        } else {
            owner
        };
        let Some(right) = super::prepend(b"_dmarc", protected) else {
            continue;
        };
        let right = right.as_ref().relative_to(cx.zone.apex());
        em.emit(
            Diagnostic::new(
                &DMARC_WRONG_OWNER,
                cx.owner_span(record),
                tr!(
                    lang,
                    "receivers look for DMARC only at `_dmarc` names; this record at `{owner}` is never read",
                    "受信側は DMARC を `_dmarc` の名前でしか探しません。`{owner}` にあるこのレコードは読まれません"
                ),
            )
            .help(tr!(
                lang,
                "move it to `{right}`",
                "`{right}` に移してください"
            )),
        );
    }
}
