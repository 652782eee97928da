//! ZG542 `m365-autodiscover`: a Microsoft 365 domain whose `autodiscover` is missing or does not
//! point at Microsoft.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::{NameId, NameRef, RType};
use std::collections::HashSet;

pub static M365_AUTODISCOVER: Rule = Rule {
    code: "ZG542",
    name: "m365-autodiscover",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "Microsoft 365 DNS records reference",
    summary: Text {
        en: r#"a Microsoft 365 domain whose `autodiscover` is not a CNAME to `autodiscover.outlook.com.`"#,
        ja: r#"`autodiscover` が `autodiscover.outlook.com.` への CNAME ではない Microsoft 365 のドメイン"#,
    },
    docs: Text {
        en: r#"## What it does
For each name whose MX points at Microsoft 365, looks at `autodiscover.<name>`: it should be a CNAME to `autodiscover.outlook.com.` (`autodiscover.partner.outlook.cn.` for 21Vianet, `autodiscover.office365.us.` for GCC High). Reports an `autodiscover` that is an address record, a CNAME elsewhere, or missing (unless an `_autodiscover._tcp` SRV record is there instead).

## Why is this bad?
Outlook and mobile mail apps find the user's mailbox through `autodiscover`. Left pointing at the old mail server, or missing, new profiles cannot be set up and existing ones can break or show certificate warnings after cutover.

## Example
```
@             IN MX    0 example-co-jp.mail.protection.outlook.com.
autodiscover  IN A     192.0.2.25
```

## How to fix
`autodiscover IN CNAME autodiscover.outlook.com.` — with the trailing dot. For a hybrid Exchange deployment that deliberately keeps autodiscover on premises, suppress this finding with a reason.
"#,
        ja: r#"## 内容
MX が Microsoft 365 を指す名前ごとに `autodiscover.<名前>` を調べます。`autodiscover.outlook.com.`（21Vianet は `autodiscover.partner.outlook.cn.`、GCC High は `autodiscover.office365.us.`）への CNAME であるべきです。アドレスレコードの `autodiscover`、ほかを指す CNAME、存在しないもの（代わりに `_autodiscover._tcp` の SRV がある場合を除く）を報告します。

## 問題点
Outlook やモバイルのメールアプリは `autodiscover` でメールボックスを見つけます。旧メールサーバーを指したままだったり存在しなかったりすると、切替後に新しいプロファイルを設定できず、既存のものも動かなくなったり証明書の警告が出たりします。

## 例
```
@             IN MX    0 example-co-jp.mail.protection.outlook.com.
autodiscover  IN A     192.0.2.25
```

## 修正方法
`autodiscover IN CNAME autodiscover.outlook.com.`（末尾のドットを忘れずに）。ハイブリッド Exchange で意図的にオンプレミスの autodiscover を使う場合は、理由を付けてこの指摘を抑止してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let mut seen: HashSet<NameId> = HashSet::new();
    for (record, cloud) in super::m365::cloud_mxs(cx) {
        if seen.contains(&record.owner) {
            continue;
        }
        seen.insert(record.owner);
        let owner = cx.zone.owner(record);
        let Some(name) = super::prepend(b"autodiscover", owner) else {
            continue;
        };
        let expected = cloud.autodiscover;
        let service = cloud.name;
        let rel = name.as_ref().relative_to(cx.zone.apex());
        let found = cx
            .zone
            .names
            .lookup(name.as_ref())
            .filter(|&id| !cx.index.at(id).is_empty());
        match found {
            Some(id) => {
                let at = cx.index.at(id);
                let first = &cx.zone.records[at[0] as usize];
                let cname = at
                    .iter()
                    .map(|&i| &cx.zone.records[i as usize])
                    .find(|r| r.rtype == RType::CNAME);
                match cname {
                    Some(c) => {
                        let Some(target) = NameRef::from_wire(cx.zone.rdata(c)) else {
                            continue;
                        };
                        if target.to_string().eq_ignore_ascii_case(expected) {
                            continue;
                        }
                        em.emit(
                            Diagnostic::new(
                                &M365_AUTODISCOVER,
                                cx.rdata_field_span(c, 0),
                                tr!(
                                    lang,
                                    "`{rel}` points at `{target}`, but mail is with {service}",
                                    "メールは {service} ですが、`{rel}` は `{target}` を指しています"
                                ),
                            )
                            .help(tr!(
                                lang,
                                "point it at Microsoft: `{rel} IN CNAME {expected}`",
                                "Microsoft を指してください: `{rel} IN CNAME {expected}`"
                            )),
                        );
                    }
                    None => {
                        let ty = first.rtype;
                        em.emit(
                            Diagnostic::new(
                                &M365_AUTODISCOVER,
                                cx.type_span(first),
                                tr!(
                                    lang,
                                    "mail is with {service}, but `{rel}` has {ty} data instead of the CNAME to `{expected}` that Outlook uses to find mailboxes",
                                    "メールは {service} ですが、`{rel}` は Outlook がメールボックスを見つけるための `{expected}` への CNAME ではなく {ty} レコードです"
                                ),
                            )
                            .help(tr!(
                                lang,
                                "replace it with `{rel} IN CNAME {expected}`",
                                "`{rel} IN CNAME {expected}` に置き換えてください"
                            )),
                        );
                    }
                }
            }
            None => {
                let srv = super::prepend(b"_tcp", owner)
                    .and_then(|t| super::prepend(b"_autodiscover", t.as_ref()))
                    .and_then(|n| cx.zone.names.lookup(n.as_ref()))
                    .is_some_and(|id| cx.index.has(cx.zone, id, RType::SRV));
                if srv
                    || super::wildcard_covers(cx, name.as_ref())
                    || !super::served_here(cx, name.as_ref())
                {
                    continue;
                }
                em.emit(
                    Diagnostic::new(
                        &M365_AUTODISCOVER,
                        cx.rdata_field_span(record, 1),
                        tr!(
                            lang,
                            "mail is with {service}, but there is no `{rel}` record for Outlook to find mailboxes",
                            "メールは {service} ですが、Outlook がメールボックスを見つけるための `{rel}` レコードがありません"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "add `{rel} IN CNAME {expected}`",
                        "`{rel} IN CNAME {expected}` を追加してください"
                    )),
                );
            }
        }
    }
}
