//! ZG536 `dkim-wrong-owner`: a DKIM key record at a name verifiers never look at.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static DKIM_WRONG_OWNER: Rule = Rule {
    code: "ZG536",
    name: "dkim-wrong-owner",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.6.2.1",
    summary: Text {
        en: r#"a DKIM key record at a name other than `selector._domainkey.<domain>`"#,
        ja: r#"`selector._domainkey.<ドメイン>` 以外の名前にある DKIM 鍵レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports TXT records that start with `v=DKIM1` at a name that is not `<selector>._domainkey.<domain>`: `selector1.domainkey` without the underscore, `selector1_domainkey` with an underscore for the dot, `_domainkey` without a selector, or the apex.

## Why is this bad?
Verifiers fetch the key from `<selector>._domainkey.<domain>`, the selector taken from the signature (RFC 6376 §3.6.2.1). A key anywhere else is never found, and every signature fails.

## Example
```
selector1.domainkey IN TXT "v=DKIM1; k=rsa; p=MIIBIjANBgkq..."
```

## How to fix
Publish the key at `<selector>._domainkey`, with the selector the mail service signs with: `selector1._domainkey IN TXT "v=DKIM1; ..."`.
"#,
        ja: r#"## 内容
`<selector>._domainkey.<ドメイン>` ではない名前にある、`v=DKIM1` で始まる TXT レコードを報告します。アンダースコアのない `selector1.domainkey`、ドットの代わりにアンダースコアを使った `selector1_domainkey`、セレクタのない `_domainkey`、ゾーンの頂点などです。

## 問題点
検証側は署名に書かれたセレクタを使って `<selector>._domainkey.<ドメイン>` から鍵を取得します（RFC 6376 §3.6.2.1）。ほかの場所の鍵は見つからず、すべての署名が失敗します。

## 例
```
selector1.domainkey IN TXT "v=DKIM1; k=rsa; p=MIIBIjANBgkq..."
```

## 修正方法
メールサービスが署名に使うセレクタで、`<selector>._domainkey` に鍵を公開してください: `selector1._domainkey IN TXT "v=DKIM1; ..."`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let apex = cx.zone.apex();
    for record in cx.records_of(RType::TXT) {
        if !super::text::starts_with_ignore_case(cx.zone.rdata(record), b"v=dkim1") {
            continue;
        }
        let owner = cx.zone.owner(record);
        if super::dkim::is_key_owner(owner) {
            continue;
        }
        let labels: Vec<&[u8]> = owner.labels().collect();
        let lower = |l: &[u8]| String::from_utf8_lossy(l).to_ascii_lowercase();
        let first = labels.first().map(|l| lower(l)).unwrap_or_default();
        let second = labels.get(1).map(|l| lower(l)).unwrap_or_default();
        // What the customer probably meant, relative to the zone.
        let meant = if first == "_domainkey" {
            None
        } else if second == "domainkey" {
            owner
                .parent()
                .and_then(|p| p.parent())
                .and_then(|rest| super::prepend(b"_domainkey", rest))
                .and_then(|dk| super::prepend(labels[0], dk.as_ref()))
        } else if let Some(sel) = first
            .strip_suffix("_domainkey")
            .or_else(|| first.strip_suffix("._domainkey"))
            .filter(|s| !s.is_empty())
        {
            owner
                .parent()
                .and_then(|rest| super::prepend(b"_domainkey", rest))
                .and_then(|dk| super::prepend(&labels[0][..sel.len()], dk.as_ref()))
        } else {
            None
        };
        let help = match (&meant, first.as_str()) {
            (Some(m), _) => {
                let m = m.as_ref().relative_to(apex);
                tr!(lang, "did you mean `{m}`?", "`{m}` のことですか?")
            }
            (None, "_domainkey") => tr!(
                lang,
                "put the selector in front: `selector1._domainkey`, with the selector the mail service signs with",
                "前にセレクタを付けてください: `selector1._domainkey`（メールサービスが署名に使うセレクタ）"
            ),
            (None, _) => tr!(
                lang,
                "publish the key at `<selector>._domainkey`, with the selector the mail service signs with",
                "メールサービスが署名に使うセレクタで `<selector>._domainkey` に公開してください"
            ),
        };
        em.emit(
            Diagnostic::new(
                &DKIM_WRONG_OWNER,
                cx.owner_span(record),
                tr!(
                    lang,
                    "verifiers look for DKIM keys only at `<selector>._domainkey` names; this key at `{owner}` is never found",
                    "検証側は DKIM 鍵を `<selector>._domainkey` の名前でしか探しません。`{owner}` にあるこの鍵は見つかりません"
                ),
            )
            .help(help),
        );
    }
}
