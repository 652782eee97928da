//! ZG805 `glue-mismatch`: glue at the parent differs from the addresses the zone serves for a name server.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static GLUE_MISMATCH: Rule = Rule {
    code: "ZG805",
    name: "glue-mismatch",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 1034 §4.2.1, RFC 9471",
    summary: Text {
        en: r#"glue at the parent differs from the addresses the zone serves for a name server"#,
        ja: r#"親ゾーンのグルーとゾーンが返すネームサーバーのアドレスが異なる"#,
    },
    docs: Text {
        en: r#"## What it does
For each name server with glue in the parent's referral, asks the zone's own servers (or, for a name outside the zone, the resolver) for its A and AAAA records and reports a family whose addresses differ from the glue.

## Why is this bad?
Resolvers reach the servers through the glue first. Glue that points at an old address sends queries to a machine that may not serve the zone any more, or to someone else's.

## Example
```
the parent's glue for ns1.example.co.jp. is 192.0.2.53, but the zone serves 192.0.2.54
```

## How to fix
Update the glue (host object) at the registrar, or the zone's address records, so they agree.
"#,
        ja: r#"## 内容
親ゾーンのリフェラルにグルーがある各ネームサーバーについて、ゾーン自身のサーバー（ゾーン外の名前ならリゾルバー）に A と AAAA を問い合わせ、グルーと異なるアドレスファミリーを報告します。

## 問題点
リゾルバーはまずグルーを使ってサーバーに到達します。古いアドレスを指すグルーは、もうゾーンを持たないマシンや他人のマシンに問い合わせを送ります。

## 例
```
the parent's glue for ns1.example.co.jp. is 192.0.2.53, but the zone serves 192.0.2.54
```

## 修正方法
レジストラのグルー（ホストオブジェクト）かゾーンのアドレスレコードを更新し、一致させてください。
"#,
    },
    check: Check::Emitted,
};
