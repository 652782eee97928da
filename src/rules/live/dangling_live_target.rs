//! ZG821 `dangling-live-target`: a CNAME, MX, NS or SRV target outside the zone does not resolve.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static DANGLING_LIVE_TARGET: Rule = Rule {
    code: "ZG821",
    name: "dangling-live-target",
    severity: Severity::Error,
    phase: Phase::Live,
    rfc: "RFC 2181 §10.3, RFC 1034 §3.6.2",
    summary: Text {
        en: r#"a CNAME, MX, NS or SRV target outside the zone does not resolve"#,
        ja: r#"ゾーン外を指す CNAME・MX・NS・SRV のターゲットが名前解決できない"#,
    },
    docs: Text {
        en: r#"## What it does
Looks up, through the resolver, every target outside the zone that the submission's CNAME, MX, NS and SRV records point at. A CNAME target that does not exist, or an MX, NS or SRV target without any A or AAAA record, is reported. The null MX and SRV target `.` are skipped.

## Why is this bad?
The record is published but leads nowhere: mail to the domain bounces, a service is not found, a delegation is lame, or a CNAME to a deleted cloud resource can be taken over by whoever registers it next (subdomain takeover).

## Example
```
`www.example.co.jp. CNAME` points at `old-shop.azurewebsites.net.`, which does not exist (NXDOMAIN from 192.0.2.1)
```

## How to fix
Correct the target, or remove the record. For a CNAME to a cloud service, re-create the resource or delete the record before someone else claims the name.
"#,
        ja: r#"## 内容
申請の CNAME・MX・NS・SRV レコードが指すゾーン外のターゲットをすべてリゾルバーで引き、存在しない CNAME ターゲット、または A も AAAA もない MX・NS・SRV ターゲットを報告します。null MX と SRV のターゲット `.` は対象外です。

## 問題点
レコードは公開されても行き先がありません。メールは返送され、サービスは見つからず、委任はレイムになります。削除済みのクラウドリソースへの CNAME は、次にその名前を登録した人に乗っ取られるおそれがあります（サブドメインテイクオーバー）。

## 例
```
`www.example.co.jp. CNAME` points at `old-shop.azurewebsites.net.`, which does not exist (NXDOMAIN from 192.0.2.1)
```

## 修正方法
ターゲットを修正するかレコードを削除してください。クラウドサービスへの CNAME なら、他人に名前を取られる前にリソースを作り直すかレコードを削除してください。
"#,
    },
    check: Check::Emitted,
};
