//! ZG203 `ns-target-is-address`: an NS record that gives an IP address instead of a name.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::target::address_like;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static NS_TARGET_IS_ADDRESS: Rule = Rule {
    code: "ZG203",
    name: "ns-target-is-address",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §3.3.11",
    summary: Text {
        en: r#"an NS record that gives an IP address instead of a server name"#,
        ja: r#"サーバー名ではなく IP アドレスを書いた NS レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an NS record whose data is written as an IPv4 or IPv6 address.

## Why is this bad?
An NS record names a server (RFC 1035 §3.3.11); its address is a separate A or AAAA record. `NS 192.0.2.53` is read as the name `192.0.2.53` (relative to the origin, unless it ends with a dot), which does not exist, so the delegation is broken.

## Example
```
@  IN NS  192.0.2.53
```

## How to fix
Write the server's host name, and give its address with an A record if it is inside this zone:
```
@    IN NS  ns1.example.jp.
ns1  IN A   192.0.2.53
```
"#,
        ja: r#"## 内容
データが IPv4 または IPv6 アドレスとして書かれた NS レコードを報告します。

## 問題点
NS レコードはサーバーの名前を示します（RFC 1035 §3.3.11）。アドレスは別の A・AAAA レコードです。`NS 192.0.2.53` は `192.0.2.53` という名前（末尾にドットがなければオリジンからの相対名）として読まれ、その名前は存在しないので委任が壊れます。

## 例
```
@  IN NS  192.0.2.53
```

## 修正方法
サーバーのホスト名を書き、このゾーン内のサーバーなら A レコードでアドレスを指定してください。
```
@    IN NS  ns1.example.jp.
ns1  IN A   192.0.2.53
```
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for r in cx.records_of(RType::NS) {
        let Some(addr) = address_like(cx, r) else {
            continue;
        };
        let a = if addr.contains(':') { "AAAA" } else { "A" };
        em.emit(
            Diagnostic::new(
                &NS_TARGET_IS_ADDRESS,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "NS record gives the address `{addr}`, not a server name",
                    "NS レコードにサーバー名ではなくアドレス `{addr}` が書かれています"
                ),
            )
            .help(tr!(
                lang,
                "write the server's host name, such as `ns1.example.jp.`; if the server is inside this zone, give its address with an {a} record (`ns1 IN {a} {addr}`)",
                "サーバーのホスト名（例: `ns1.example.jp.`）を書いてください。このゾーン内のサーバーなら {a} レコードでアドレスを指定してください（`ns1 IN {a} {addr}`）"
            )),
        );
    }
}
