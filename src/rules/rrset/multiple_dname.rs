//! ZG316 `multiple-dname`: more than one DNAME at a name.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show_id;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static MULTIPLE_DNAME: Rule = Rule {
    code: "ZG316",
    name: "multiple-dname",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6672 §2.4",
    summary: Text {
        en: r#"more than one DNAME at a name"#,
        ja: r#"1 つの名前に複数の DNAME がある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports each DNAME at a name after the first one, when they point to different domains.

## Why is this bad?
A name can redirect its subtree to only one place (RFC 6672 §2.4). Servers refuse the zone (Knot) or pick one, so which redirection is served is unpredictable.

## Example
```
old  IN DNAME  new.example.jp.
old  IN DNAME  example.net.
```

## How to fix
Keep one DNAME.
"#,
        ja: r#"## 内容
1 つの名前にある 2 つ目以降の DNAME を、転送先が異なる場合に報告します。

## 問題点
名前はその下の木を 1 か所にしか転送できません（RFC 6672 §2.4）。サーバーはゾーンを拒否する（Knot）か一方を選ぶため、どちらの転送が応答されるか予測できません。

## 例
```
old  IN DNAME  new.example.jp.
old  IN DNAME  example.net.
```

## 修正方法
DNAME を 1 つにしてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (owner, first, r) in super::extra_values(cx, RType::DNAME) {
        let name = show_id(cx, owner);
        em.emit(
            Diagnostic::new(
                &MULTIPLE_DNAME,
                cx.rdata_field_span(r, 0),
                tr!(
                    lang,
                    "`{name}` has more than one DNAME",
                    "`{name}` に複数の DNAME があります"
                ),
            )
            .label(
                cx.rdata_field_span(first, 0),
                tr!(lang, "first DNAME here", "最初の DNAME はここ"),
            )
            .help(tr!(
                lang,
                "a name can redirect its subtree to one place only; keep one DNAME",
                "名前はその下を 1 か所にしか転送できません。DNAME を 1 つにしてください"
            )),
        );
    }
}
