//! ZG309 `multiple-cname`: more than one CNAME at a name.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static MULTIPLE_CNAME: Rule = Rule {
    code: "ZG309",
    name: "multiple-cname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 2181 §10.1",
    summary: Text {
        en: r#"more than one CNAME at a name"#,
        ja: r#"1 つの名前に複数の CNAME がある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports each CNAME at a name after the first one, when they point to different names (a repeat of the same CNAME is a duplicate record, ZG301/ZG302).

## Why is this bad?
A name is an alias for exactly one other name (RFC 2181 §10.1). Servers refuse a zone with two, or keep one at random. Customers add a second CNAME hoping to balance load between two targets, which DNS cannot do this way.

## Example
```
www  IN CNAME  web1.example.net.
www  IN CNAME  web2.example.net.
```

## How to fix
Keep one CNAME. To spread traffic over several servers, use several A/AAAA records at the name instead.
"#,
        ja: r#"## 内容
1 つの名前にある 2 つ目以降の CNAME を、指す先が異なる場合に報告します（同じ CNAME の繰り返しは重複レコード ZG301・ZG302）。

## 問題点
名前はちょうど 1 つの別の名前の別名です（RFC 2181 §10.1）。サーバーは 2 つあるゾーンを拒否するか、どちらか一方を任意に残します。2 つの宛先に負荷分散するつもりで CNAME を追加するお客様がいますが、DNS ではこの方法ではできません。

## 例
```
www  IN CNAME  web1.example.net.
www  IN CNAME  web2.example.net.
```

## 修正方法
CNAME を 1 つにしてください。複数のサーバーに振り分けるには、その名前に複数の A・AAAA レコードを置いてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (owner, first, r) in super::extra_values(cx, RType::CNAME) {
        let name = show_id(cx, owner);
        em.emit(
            Diagnostic::new(
                &MULTIPLE_CNAME,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "`{name}` has more than one CNAME",
                    "`{name}` に複数の CNAME があります"
                ),
            )
            .label(cx.rdata_field_span(first, 0), tr!(lang, "first CNAME here", "最初の CNAME はここ"))
            .help(tr!(
                lang,
                "a name can be an alias for only one name; keep one CNAME, or use several A/AAAA records to spread traffic",
                "名前は 1 つの名前の別名にしかなれません。CNAME を 1 つにするか、振り分けには複数の A・AAAA レコードを使ってください"
            )),
        );
    }
}
