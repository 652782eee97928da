//! ZG541 `m365-mx-not-only`: other MX records beside Microsoft 365's.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static M365_MX_NOT_ONLY: Rule = Rule {
    code: "ZG541",
    name: "m365-mx-not-only",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "Microsoft 365 DNS records reference",
    summary: Text {
        en: r#"an MX beside the Microsoft 365 MX at the same name"#,
        ja: r#"同じ名前で Microsoft 365 の MX と並んでいる MX"#,
    },
    docs: Text {
        en: r#"## What it does
At a name with an MX to Microsoft 365, reports every other MX record (one that does not point at Microsoft's inbound hosts).

## Why is this bad?
Microsoft 365 expects its MX to be the only one. Senders use the other hosts whenever they rank first or Exchange Online is briefly unreachable, and mail delivered there bypasses Microsoft's filtering, may never reach the mailboxes, or is refused by a server that was switched off after the move. A backup MX of the previous provider is the usual cause.

## Example
```
@   IN MX 0  example-co-jp.mail.protection.outlook.com.
@   IN MX 10 mail.old-isp.jp.
```

## How to fix
Remove the other MX records once mail has moved to Microsoft 365. If a hybrid or third-party gateway is intended, route it through Exchange Online connectors instead, and suppress this finding with a reason.
"#,
        ja: r#"## 内容
Microsoft 365 への MX がある名前で、それ以外の（Microsoft の受信ホストを指さない）MX レコードをすべて報告します。

## 問題点
Microsoft 365 は自分の MX だけがあることを前提にしています。ほかのホストの順位が上のときや Exchange Online に一時的につながらないとき、送信側はそちらを使います。そこに届いたメールは Microsoft のフィルタを通らず、メールボックスに届かないことや、移行後に停止したサーバーに拒否されることがあります。旧事業者のバックアップ MX が残っているのがよくある原因です。

## 例
```
@   IN MX 0  example-co-jp.mail.protection.outlook.com.
@   IN MX 10 mail.old-isp.jp.
```

## 修正方法
メールが Microsoft 365 に移ったら、ほかの MX は削除してください。ハイブリッド構成や他社ゲートウェイを意図している場合は Exchange Online のコネクタを経由させ、理由を付けてこの指摘を抑止してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let special = super::m365::special_mxs(cx);
    if special.cloud.is_empty() {
        return;
    }
    for (owner, rtype, records) in cx.index.rrsets_of_several(cx.zone) {
        if rtype != RType::MX || !special.cloud_owners.contains(&owner) {
            continue;
        }
        let mxs: Vec<_> = records
            .iter()
            .map(|&i| {
                let r = &cx.zone.records[i as usize];
                let cloud =
                    view::mx(cx.zone.rdata(r)).and_then(|m| super::m365::cloud_of_mx(m.exchange));
                (r, cloud)
            })
            .collect();
        let Some(&(ms_record, Some(cloud))) = mxs.iter().find(|(_, c)| c.is_some()) else {
            continue;
        };
        let owner = cx.zone.names.get(owner);
        let service = cloud.name;
        for &(r, c) in &mxs {
            if c.is_some() {
                continue;
            }
            let Some(mx) = view::mx(cx.zone.rdata(r)) else {
                continue;
            };
            // The null MX (RFC 7505) beside others is ZG2xx's business.
            if mx.exchange.is_root() {
                continue;
            }
            let exchange = mx.exchange;
            em.emit(
                Diagnostic::new(
                    &M365_MX_NOT_ONLY,
                    cx.rdata_field_span(r, 1),
                    tr!(
                        lang,
                        "`{owner}` receives mail with {service}, but also has an MX to `{exchange}`",
                        "`{owner}` は {service} でメールを受信していますが、`{exchange}` への MX もあります"
                    ),
                )
                .label(
                    cx.rdata_field_span(ms_record, 1),
                    tr!(lang, "{service} MX here", "{service} の MX"),
                )
                .help(tr!(
                    lang,
                    "remove this MX once mail has moved; mail delivered to it bypasses {service}",
                    "メール移行後はこの MX を削除してください。ここに届くメールは {service} を通りません"
                )),
            );
        }
    }
}
