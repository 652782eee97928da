//! ZG802 `lame-server`: a current name server answers for the zone without authority, or refuses.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LAME_SERVER: Rule = Rule {
    code: "ZG802",
    name: "lame-server",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 8499 §7, RFC 1912 §2.8",
    summary: Text {
        en: r#"a current name server answers for the zone without authority, or refuses"#,
        ja: r#"現在のネームサーバーがゾーンについて権威を持たずに応答するか、拒否する"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a current name server address whose answer to the zone's SOA query (RD=0) is not authoritative (the AA bit is clear), is REFUSED or SERVFAIL (or another error), or has no SOA: a lame delegation.

## Why is this bad?
Resolvers that reach a lame server get no usable answer and must try another, which slows every lookup; if all servers are lame the domain does not resolve. It also means the server no longer holds the zone, so what it serves cannot be compared.

## Example
```
127.0.0.3 (ns2.old-dns.jp.) answers REFUSED for `example.co.jp. SOA`
```

## How to fix
Ask the current host to load the zone on that server, or remove the server from the delegation (at the registrar) and from the zone's NS records.
"#,
        ja: r#"## 内容
ゾーンの SOA 問い合わせ（RD=0）に対して、権威のない応答（AA ビットなし）、REFUSED や SERVFAIL などのエラー、または SOA のない応答を返す現在のネームサーバーのアドレス（レイム委任）を報告します。

## 問題点
レイムなサーバーに当たったリゾルバーは使える応答を得られず、別のサーバーを試すため名前解決が遅くなります。すべてのサーバーがレイムなら名前解決できません。また、そのサーバーはもうゾーンを持っていないため、内容の比較もできません。

## 例
```
127.0.0.3 (ns2.old-dns.jp.) answers REFUSED for `example.co.jp. SOA`
```

## 修正方法
現在の事業者にそのサーバーへゾーンを載せるよう依頼するか、レジストラの委任とゾーンの NS レコードからそのサーバーを外してください。
"#,
    },
    check: Check::Emitted,
};
