//! ZG540 `m365-mx-preference`: a Microsoft 365 MX whose preference is not 0.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::rdata::view;

pub static M365_MX_PREFERENCE: Rule = Rule {
    code: "ZG540",
    name: "m365-mx-preference",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "Microsoft 365 DNS records reference",
    summary: Text {
        en: r#"an MX to Microsoft 365 (`*.mail.protection.outlook.com`) with a preference other than 0"#,
        ja: r#"優先度が 0 ではない Microsoft 365（`*.mail.protection.outlook.com`）への MX"#,
    },
    docs: Text {
        en: r#"## What it does
Reports MX records pointing at Microsoft 365's inbound hosts (`<token>.mail.protection.outlook.com`, `<token>.<x>-v1.mx.microsoft`, and the 21Vianet and GCC High equivalents) whose preference is not 0. Only the suffix is checked: the token before it is assigned by Microsoft per domain and is never derived from the domain name.

## Why is this bad?
Microsoft's setup and its domain health check expect the MX at preference 0, the most preferred. With another value, any MX with a lower number wins, so mail can bypass Exchange Online — often a leftover record of the old provider — and the admin center reports the domain's MX as wrong.

## Example
```
@   IN MX 10 example-co-jp.mail.protection.outlook.com.
@   IN MX 5  mail.old-isp.jp.
```

## How to fix
Give the Microsoft 365 MX preference 0, and remove MX records of the previous mail system once mail has moved: `@ IN MX 0 example-co-jp.mail.protection.outlook.com.`
"#,
        ja: r#"## 内容
Microsoft 365 の受信ホスト（`<トークン>.mail.protection.outlook.com`、`<トークン>.<x>-v1.mx.microsoft`、21Vianet・GCC High の同等のもの）を指す MX のうち、優先度が 0 ではないものを報告します。見るのは末尾だけです。その前のトークンは Microsoft がドメインごとに割り当てるもので、ドメイン名から導くことはしません。

## 問題点
Microsoft の設定手順とドメインの正常性チェックは、最優先の 0 を前提にしています。ほかの値だと、それより小さい番号の MX（旧事業者のレコードの残りであることが多い）が優先され、メールが Exchange Online を通らなくなることがあり、管理センターでも MX が誤りと表示されます。

## 例
```
@   IN MX 10 example-co-jp.mail.protection.outlook.com.
@   IN MX 5  mail.old-isp.jp.
```

## 修正方法
Microsoft 365 の MX の優先度を 0 にし、メール移行後は旧メールシステムの MX を削除してください: `@ IN MX 0 example-co-jp.mail.protection.outlook.com.`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (record, cloud) in super::m365::cloud_mxs(cx) {
        let Some(mx) = view::mx(cx.zone.rdata(record)) else {
            continue;
        };
        if mx.preference == 0 {
            continue;
        }
        let pref = mx.preference;
        let exchange = mx.exchange;
        let service = cloud.name;
        em.emit(
            Diagnostic::new(
                &M365_MX_PREFERENCE,
                cx.rdata_field_span(record, 0),
                tr!(
                    lang,
                    "the {service} MX `{exchange}` has preference {pref}; Microsoft expects 0",
                    "{service} の MX `{exchange}` の優先度は {pref} ですが、Microsoft は 0 を前提にしています"
                ),
            )
            .help(tr!(
                lang,
                "set the preference to 0: `MX 0 {exchange}`",
                "優先度を 0 にしてください: `MX 0 {exchange}`"
            )),
        );
    }
}
