//! ZG402 `target-is-address`: an MX, SRV, CNAME, DNAME or PTR record that gives an IP address
//! where a name belongs.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::target::{address_like, target_field};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static TARGET_IS_ADDRESS: Rule = Rule {
    code: "ZG402",
    name: "target-is-address",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §3.3, RFC 2782",
    summary: Text {
        en: r#"an MX, SRV, CNAME, DNAME or PTR record that gives an IP address where a name belongs"#,
        ja: r#"名前を書くべき MX・SRV・CNAME・DNAME・PTR レコードに IP アドレスが書かれている"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an MX, SRV, CNAME, DNAME or PTR record whose target is written as an IPv4 or IPv6 address. (NS records have ZG203.)

## Why is this bad?
These records hold a host name (RFC 1035 §3.3, RFC 2782); the address belongs in an A or AAAA record of that host. `MX 10 192.0.2.25` is read as the name `192.0.2.25` (completed with the origin unless it ends with a dot), which does not exist: mail bounces, the alias leads nowhere.

## Example
```
@    IN MX     10 192.0.2.25
www  IN CNAME  192.0.2.80
```

## How to fix
Name a host and give it the address:
```
@     IN MX  10 mail.example.jp.
mail  IN A   192.0.2.25
www   IN A   192.0.2.80
```
For a CNAME to an address, use an A (or AAAA) record at the name instead.
"#,
        ja: r#"## 内容
ターゲットが IPv4 または IPv6 アドレスとして書かれた MX・SRV・CNAME・DNAME・PTR レコードを報告します（NS レコードは ZG203）。

## 問題点
これらのレコードにはホスト名を書きます（RFC 1035 §3.3、RFC 2782）。アドレスはそのホストの A・AAAA レコードに書くものです。`MX 10 192.0.2.25` は `192.0.2.25` という名前（末尾にドットがなければオリジンで補完）として読まれ、その名前は存在しないため、メールは返送され、別名はどこにも向かいません。

## 例
```
@    IN MX     10 192.0.2.25
www  IN CNAME  192.0.2.80
```

## 修正方法
ホスト名を書き、そのホストにアドレスを指定してください。
```
@     IN MX  10 mail.example.jp.
mail  IN A   192.0.2.25
www   IN A   192.0.2.80
```
CNAME にアドレスを書いていた場合は、その名前に A（または AAAA）レコードを置いてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for r in cx.zone.records.iter().filter(|r| {
        matches!(
            r.rtype,
            RType::MX | RType::SRV | RType::CNAME | RType::DNAME | RType::PTR
        )
    }) {
        let Some(addr) = address_like(cx, r) else {
            continue;
        };
        let Some(field) = target_field(r.rtype) else {
            continue;
        };
        let rtype = r.rtype.name();
        let a = if addr.contains(':') { "AAAA" } else { "A" };
        let help = if r.rtype == RType::CNAME {
            tr!(
                lang,
                "an alias cannot point at an address; replace the CNAME with `{a} {addr}` at this name",
                "別名はアドレスを指せません。この名前の CNAME を `{a} {addr}` に置き換えてください"
            )
        } else {
            tr!(
                lang,
                "write a host name here, such as `host.example.jp.`, and give that host the address with an {a} record (`host IN {a} {addr}`)",
                "ここにはホスト名（例: `host.example.jp.`）を書き、そのホストに {a} レコードでアドレスを指定してください（`host IN {a} {addr}`）"
            )
        };
        em.emit(
            Diagnostic::new(
                &TARGET_IS_ADDRESS,
                cx.rdata_field_span(r, field),
                tr!(
                    lang,
                    "{rtype} record gives the address `{addr}` where a host name belongs",
                    "{rtype} レコードのホスト名を書くべき所にアドレス `{addr}` が書かれています"
                ),
            )
            .help(help),
        );
    }
}
