//! ZG406 `srv-owner-not-service-name`: an SRV record whose owner is not `_service._proto.name`.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{show, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SRV_OWNER_NOT_SERVICE_NAME: Rule = Rule {
    code: "ZG406",
    name: "srv-owner-not-service-name",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2782",
    summary: Text {
        en: r#"an SRV record whose owner is not of the form `_service._proto.name`"#,
        ja: r#"所有者名が `_サービス._プロトコル.名前` の形ではない SRV レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SRV record whose owner does not start with two underscore labels, the service and the protocol (`_sip._tls`, `_imaps._tcp`).

## Why is this bad?
Clients find an SRV record only by asking for `_service._proto.domain` (RFC 2782). Anywhere else it is never looked up, so the service silently cannot be found. Control panels that take "service", "protocol" and "name" in separate fields often lose the underscores or the order.

## Example
```
sip.tls  IN SRV  100 1 443 sipdir.online.lync.com.
```

## How to fix
Name it `_service._proto` under the domain, such as `_sip._tls IN SRV 100 1 443 sipdir.online.lync.com.`.
"#,
        ja: r#"## 内容
所有者名がサービスとプロトコルの 2 つのアンダースコア付きラベル（`_sip._tls`、`_imaps._tcp`）で始まらない SRV レコードを報告します。

## 問題点
クライアントは `_サービス._プロトコル.ドメイン` を問い合わせることでしか SRV レコードを見つけません（RFC 2782）。それ以外の場所では問い合わせられず、サービスは黙って見つからなくなります。「サービス」「プロトコル」「名前」を別々の欄で受け取るコントロールパネルでは、アンダースコアや順序が失われがちです。

## 例
```
sip.tls  IN SRV  100 1 443 sipdir.online.lync.com.
```

## 修正方法
ドメインの下に `_サービス._プロトコル` の形で名付けてください（例: `_sip._tls IN SRV 100 1 443 sipdir.online.lync.com.`）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let mut seen = std::collections::HashSet::new();
    for r in cx.records_of(RType::SRV) {
        let owner = cx.zone.owner(r);
        let mut labels = owner.labels();
        let service = labels.next();
        let proto = labels.next();
        let ok = service.is_some_and(|l| l.starts_with(b"_") || l == b"*")
            && proto.is_some_and(|l| l.starts_with(b"_"));
        if ok || !seen.insert(r.owner) {
            continue;
        }
        let name = show_id(cx, r.owner);
        let example = format!("_sip._tls.{}", show(cx.zone.apex()));
        em.emit(
            Diagnostic::new(
                &SRV_OWNER_NOT_SERVICE_NAME,
                cx.owner_span(r),
                tr!(
                    lang,
                    "SRV record at `{name}`: the owner must be `_service._proto.name`",
                    "`{name}` の SRV レコード: 所有者名は `_サービス._プロトコル.名前` の形が必要です"
                ),
            )
            .help(tr!(
                lang,
                "clients only look for SRV records at names like `{example}`; rename it with the service and protocol labels, each starting with `_`",
                "クライアントが SRV レコードを探すのは `{example}` のような名前だけです。`_` で始まるサービスとプロトコルのラベルで名前を付け直してください"
            )),
        );
    }
}
