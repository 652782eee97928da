//! ZG314 `dangling-cname`: a CNAME to a name of this zone that does not exist.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{show, show_id};
use crate::rules::{Check, Context, Phase, Rule, Text, target};
use crate::tr;
use crate::zone::{Place, RType};

pub static DANGLING_CNAME: Rule = Rule {
    code: "ZG314",
    name: "dangling-cname",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1034 §3.6.2",
    summary: Text {
        en: r#"a CNAME to a name of this zone that does not exist"#,
        ja: r#"このゾーン内の存在しない名前を指す CNAME"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a CNAME whose target lies in this zone's own data but does not exist there: no records, no names below it, no matching wildcard. Targets in other zones cannot be checked offline; targets that look like a lost trailing dot or an IP address have their own rules.

## Why is this bad?
The alias leads nowhere: resolvers answer "no such name" (NXDOMAIN) for it. It is usually a typo in the target, or a record that was deleted while the alias stayed.

## Example
```
www  IN CNAME  wbe.example.jp.
web  IN A      192.0.2.1
```

## How to fix
Correct the target, or add the records it should have.
"#,
        ja: r#"## 内容
このゾーン自身のデータ内の名前を指すのに、その名前が存在しない（レコードも、その下の名前も、一致するワイルドカードもない）CNAME を報告します。他のゾーンの名前はオフラインでは確認できません。末尾のドット抜けや IP アドレスのような指す先は、それぞれのルールで報告します。

## 問題点
別名の行き先がなく、リゾルバーは「その名前はない」（NXDOMAIN）と応答します。指す先の打ち間違いか、別名を残したまま削除されたレコードがよくある原因です。

## 例
```
www  IN CNAME  wbe.example.jp.
web  IN A      192.0.2.1
```

## 修正方法
指す先を修正するか、指す先に必要なレコードを追加してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let unknown_failures = cx.zone.failed.iter().any(|f| f.owner.is_none());
    let lang = cx.lang;
    for r in cx.records_of(RType::CNAME) {
        if unknown_failures || tree.place(r.owner) != Place::Auth {
            continue;
        }
        let Some(t) = target::target(cx, r) else {
            continue;
        };
        let found = target::lookup_target(cx, r, t);
        if found.place != Place::Auth
            || found.exists
            || found.node.is_some()
            || target::suspect(cx, r)
        {
            continue;
        }
        let (name, to) = (show_id(cx, r.owner), show(t));
        em.emit(
            Diagnostic::new(
                &DANGLING_CNAME,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "CNAME target `{to}` does not exist in this zone",
                    "CNAME の指す先 `{to}` はこのゾーンに存在しません"
                ),
            )
            .help(tr!(
                lang,
                "resolvers answer \"no such name\" for `{name}`; correct the target, or add the records it should have",
                "リゾルバーは `{name}` に「その名前はない」と応答します。指す先を修正するか、必要なレコードを追加してください"
            )),
        );
    }
}
