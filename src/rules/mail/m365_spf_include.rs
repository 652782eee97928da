//! ZG544 `m365-spf-include`: a domain whose mail goes to Microsoft 365 but whose SPF does not
//! include Microsoft's servers.

use super::spf::{Kind, Mech, Modifier};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::{NameId, RType};
use std::collections::HashSet;

pub static M365_SPF_INCLUDE: Rule = Rule {
    code: "ZG544",
    name: "m365-spf-include",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7208 §5.2; Microsoft 365 DNS records reference",
    summary: Text {
        en: r#"an MX to Microsoft 365 without `include:spf.protection.outlook.com` in the SPF record"#,
        ja: r#"MX が Microsoft 365 なのに SPF に `include:spf.protection.outlook.com` がない"#,
    },
    docs: Text {
        en: r#"## What it does
For each name whose MX points at Microsoft 365, reads its SPF record (following `include:` and `redirect=` within the zone) and reports when it does not include `spf.protection.outlook.com` (`spf.protection.partner.outlook.cn` for 21Vianet, `spf.protection.office365.us` for GCC High), or when there is no SPF record at all. A record that hands the whole policy to another domain with `redirect=` is not judged.

## Why is this bad?
Mail sent from Exchange Online leaves from Microsoft's servers. If the domain's SPF does not authorise them, receivers see an SPF failure on every message the customer sends, and with `-all` or a DMARC policy the mail is refused or filed as spam.

## Example
```
@   IN MX  0 example-co-jp.mail.protection.outlook.com.
@   IN TXT "v=spf1 ip4:192.0.2.25 -all"
```

## How to fix
Add Microsoft's include before `all`: `"v=spf1 ip4:192.0.2.25 include:spf.protection.outlook.com -all"`.
"#,
        ja: r#"## 内容
MX が Microsoft 365 を指す名前ごとに SPF レコードを（ゾーン内の `include:`・`redirect=` をたどって）読み、`spf.protection.outlook.com`（21Vianet は `spf.protection.partner.outlook.cn`、GCC High は `spf.protection.office365.us`）を含まないもの、または SPF レコード自体がないものを報告します。`redirect=` でポリシー全体を他ドメインに委ねているレコードは判定しません。

## 問題点
Exchange Online から送るメールは Microsoft のサーバーから出ていきます。ドメインの SPF がそれを許可していないと、お客様が送るすべてのメールで受信側の SPF 検査が失敗し、`-all` や DMARC ポリシーがあれば拒否や迷惑メール扱いになります。

## 例
```
@   IN MX  0 example-co-jp.mail.protection.outlook.com.
@   IN TXT "v=spf1 ip4:192.0.2.25 -all"
```

## 修正方法
`all` の前に Microsoft の include を追加してください: `"v=spf1 ip4:192.0.2.25 include:spf.protection.outlook.com -all"`
"#,
    },
    check: Check::Zone(check),
};

/// What following an SPF record found.
#[derive(Default)]
struct Found {
    includes_microsoft: bool,
    /// The policy is handed to a domain outside the zone, where it cannot be read.
    redirected_away: bool,
}

/// Follows the SPF record at `owner` and its in-zone includes and redirects; `visited` bounds
/// the walk to each name once.
fn follow(
    cx: &Context<'_>,
    owner: NameId,
    include: &str,
    visited: &mut Vec<NameId>,
    found: &mut Found,
) {
    if visited.contains(&owner) || visited.len() > 20 {
        return;
    }
    visited.push(owner);
    let Some(rec) = super::spf_at(cx, owner).next() else {
        return;
    };
    let nested = rec.nested(cx);
    for (i, term) in rec.spf.evaluated() {
        let is_include = matches!(
            term.kind,
            Kind::Mechanism {
                mech: Mech::Include,
                ..
            }
        );
        let is_redirect = term.kind == Kind::Modifier(Modifier::Redirect);
        if !is_include && !is_redirect {
            continue;
        }
        let arg = rec.bytes(term.arg.clone());
        if is_include
            && super::m365::cloud_of_spf_include(arg).is_some_and(|c| c.spf_include == include)
        {
            found.includes_microsoft = true;
            return;
        }
        match nested.get(i) {
            Some(Some(target)) => {
                if let Some(id) = target.id {
                    follow(cx, id, include, visited, found);
                }
            }
            _ if is_redirect => found.redirected_away = true,
            _ => {}
        }
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let mut seen: HashSet<NameId> = HashSet::new();
    for (record, cloud) in super::m365::cloud_mxs(cx) {
        if seen.contains(&record.owner) {
            continue;
        }
        seen.insert(record.owner);
        let include = cloud.spf_include;
        let service = cloud.name;
        let owner = cx.zone.owner(record);
        match super::spf_at(cx, record.owner).next() {
            None => {
                // A line that failed to parse may have been the SPF record: say nothing twice.
                if cx.zone.failed_could_be(Some(record.owner), RType::TXT) {
                    continue;
                }
                em.emit(
                    Diagnostic::new(
                        &M365_SPF_INCLUDE,
                        cx.rdata_field_span(record, 1),
                        tr!(
                            lang,
                            "mail for `{owner}` goes to {service}, but `{owner}` has no SPF record",
                            "`{owner}` のメールは {service} ですが、`{owner}` に SPF レコードがありません"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "add a TXT record \"v=spf1 include:{include} -all\" at `{owner}`",
                        "`{owner}` に TXT レコード \"v=spf1 include:{include} -all\" を追加してください"
                    )),
                );
            }
            Some(rec) => {
                let mut found = Found::default();
                follow(cx, record.owner, include, &mut Vec::new(), &mut found);
                if found.includes_microsoft || found.redirected_away {
                    continue;
                }
                let at = match rec.spf.all_index() {
                    Some(i) => rec.span(cx, rec.spf.terms[i].range.clone()),
                    None => super::text::data_span(cx, rec.record),
                };
                em.emit(
                    Diagnostic::new(
                        &M365_SPF_INCLUDE,
                        at,
                        tr!(
                            lang,
                            "mail for `{owner}` goes to {service}, but its SPF record does not include `{include}`",
                            "`{owner}` のメールは {service} ですが、SPF レコードに `{include}` が含まれていません"
                        ),
                    )
                    .label(
                        cx.rdata_field_span(record, 1),
                        tr!(lang, "{service} MX here", "{service} の MX"),
                    )
                    .help(tr!(
                        lang,
                        "add `include:{include}` before `all`",
                        "`all` の前に `include:{include}` を追加してください"
                    )),
                );
            }
        }
    }
}
