//! ZG315 `data-below-dname`: records at a name below a DNAME.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::{Place, RType};

pub static DATA_BELOW_DNAME: Rule = Rule {
    code: "ZG315",
    name: "data-below-dname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6672 §2.4",
    summary: Text {
        en: r#"records at a name below a DNAME"#,
        ja: r#"DNAME より下の名前にあるレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports each name below a DNAME's owner that has records, once per name. (Below a DNAME that sits at a delegation, the delegation rules apply instead.)

## Why is this bad?
A DNAME redirects every name below its owner to another domain, so names below it cannot have data of their own (RFC 6672 §2.4: they MUST NOT exist). Servers refuse the zone (Knot, NSD) or never serve these records: the query is redirected first.

## Example
```
old      IN DNAME  new.example.jp.
www.old  IN A      192.0.2.1
```

## How to fix
Move the records to the target domain (`www.new.example.jp.`), or remove the DNAME if the names below it should keep their own data.
"#,
        ja: r#"## 内容
DNAME の所有者より下にあり、レコードを持つ名前を名前ごとに 1 回報告します（委任点にある DNAME の下では、委任のルールが適用されます）。

## 問題点
DNAME はその所有者より下のすべての名前を別のドメインへ転送するため、その下の名前は自分のデータを持てません（RFC 6672 §2.4: 存在してはならない）。サーバーはゾーンを拒否するか（Knot、NSD）、問い合わせが先に転送されるためこれらのレコードは決して応答されません。

## 例
```
old      IN DNAME  new.example.jp.
www.old  IN A      192.0.2.1
```

## 修正方法
レコードを転送先のドメイン（`www.new.example.jp.`）に移すか、その下の名前が独自のデータを持つべきなら DNAME を削除してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let lang = cx.lang;
    for (id, _) in cx.zone.names.iter() {
        let Place::BelowDname(d) = tree.place(id) else {
            continue;
        };
        let Some(first) = cx
            .records_at(id)
            .min_by_key(|r| (r.span.file, r.span.start))
        else {
            continue;
        };
        let (name, dname) = (show_id(cx, id), show_id(cx, d));
        let mut diag = Diagnostic::new(
            &DATA_BELOW_DNAME,
            cx.owner_span(first),
            tr!(
                lang,
                "`{name}` is below the DNAME at `{dname}`, so it cannot have records",
                "`{name}` は `{dname}` の DNAME より下にあるため、レコードを持てません"
            ),
        )
        .help(tr!(
            lang,
            "a DNAME redirects every name below `{dname}`; move these records to the DNAME's target domain, or remove the DNAME",
            "DNAME は `{dname}` より下のすべての名前を転送します。これらのレコードを DNAME の転送先ドメインに移すか、DNAME を削除してください"
        ));
        if let Some(r) = cx.rrset(d, RType::DNAME).next() {
            diag = diag.label(cx.type_span(r), tr!(lang, "DNAME here", "DNAME はここ"));
        }
        em.emit(diag);
    }
}
