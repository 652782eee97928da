//! ZG404 `null-mx-with-other-mx`: a null MX ("this domain takes no mail") beside other MX records.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static NULL_MX_WITH_OTHER_MX: Rule = Rule {
    code: "ZG404",
    name: "null-mx-with-other-mx",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7505 §3",
    summary: Text {
        en: r#"a null MX beside other MX records"#,
        ja: r#"null MX と他の MX レコードが並んでいる"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a name that has a null MX (`MX 0 .`, "this domain accepts no mail", RFC 7505) and also MX records naming mail servers.

## Why is this bad?
A null MX must be the only MX of its name (RFC 7505 §3). With both, senders disagree: some bounce every message at once because of the null MX, others deliver to the listed server. It usually means a "no mail" setting was left in place after mail was set up.

## Example
```
@  IN MX  0 .
@  IN MX  10 mail.example.jp.
```

## How to fix
If the domain receives mail, delete the null MX. If it does not, delete the other MX records.
"#,
        ja: r#"## 内容
null MX（`MX 0 .`、「このドメインはメールを受け付けない」、RFC 7505）と、メールサーバーを示す MX レコードの両方を持つ名前を報告します。

## 問題点
null MX はその名前の唯一の MX でなければなりません（RFC 7505 §3）。両方あると送信側の扱いが分かれ、null MX を見てすぐに返送するものと、記載されたサーバーに配送するものがあります。メールを設定した後に「メールなし」の設定が残っていることが多い原因です。

## 例
```
@  IN MX  0 .
@  IN MX  10 mail.example.jp.
```

## 修正方法
メールを受け取るドメインなら null MX を削除し、受け取らないなら他の MX レコードを削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    // Most zones have no null MX at all: then there is nothing to look at.
    if crate::rules::mail::m365::special_mxs(cx).null.is_empty() {
        return;
    }
    for (owner, rtype, set) in cx.index.rrsets_of_several(cx.zone) {
        if rtype != RType::MX {
            continue;
        }
        let records: Vec<_> = set.iter().map(|&i| &cx.zone.records[i as usize]).collect();
        let is_null = |r: &&crate::zone::Record| {
            view::mx(cx.zone.rdata(r)).is_some_and(|m| m.exchange.is_root())
        };
        let Some(null) = records.iter().find(|r| is_null(r)) else {
            continue;
        };
        let others: Vec<_> = records.iter().filter(|r| !is_null(r)).collect();
        if others.is_empty() {
            continue;
        }
        let name = show_id(cx, owner);
        let mut d = Diagnostic::new(
            &NULL_MX_WITH_OTHER_MX,
            cx.rdata_field_span(null, 1),
            tr!(
                lang,
                "`{name}` has a null MX (\"no mail\") and also MX records naming mail servers",
                "`{name}` に null MX（「メールなし」）と、メールサーバーを示す MX レコードの両方があります"
            ),
        )
        .help(tr!(
            lang,
            "senders disagree on which to follow; delete the null MX if the domain receives mail, or the other MX records if it does not",
            "送信側によってどちらに従うかが分かれます。メールを受け取るなら null MX を、受け取らないなら他の MX レコードを削除してください"
        ));
        for r in others.iter().take(3) {
            d = d.label(
                cx.rdata_field_span(r, 1),
                tr!(lang, "mail server", "メールサーバー"),
            );
        }
        em.emit(d);
    }
}
