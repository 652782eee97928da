//! ZG301 `duplicate-record`: the same record twice.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{data_span, show};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DUPLICATE_RECORD: Rule = Rule {
    code: "ZG301",
    name: "duplicate-record",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 2181 §5",
    summary: Text {
        en: r#"the same record written twice"#,
        ja: r#"同じレコードが 2 回書かれている"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record that repeats an earlier one exactly: same owner, type and data.

## Why is this bad?
An RRset is a set: it cannot hold the same record twice (RFC 2181 §5), so servers keep one copy and drop the rest. Nothing breaks, but the repeat is a sign of a copy-and-paste slip, and sometimes one copy was meant to be edited (a second MX host, a new address) and was not.

## Example
```
www  IN A  192.0.2.1
www  IN A  192.0.2.1
```

## How to fix
Delete the repeated line; if it was meant to be a different record, correct it.
"#,
        ja: r#"## 内容
所有者名・タイプ・データがすべて前のレコードと同じレコードを報告します。

## 問題点
RRset は集合なので同じレコードを 2 つ持てません（RFC 2181 §5）。サーバーは 1 つだけ残して他を捨てます。問題は起きませんが、コピー＆ペーストの誤りの兆候であり、片方を編集するつもり（2 台目の MX ホスト、新しいアドレスなど）で忘れていることもあります。

## 例
```
www  IN A  192.0.2.1
www  IN A  192.0.2.1
```

## 修正方法
重複している行を削除してください。別のレコードのつもりだった場合は修正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for d in super::duplicates(cx).into_iter().filter(|d| d.exact) {
        let owner = show(cx.zone.owner(d.record));
        let rtype = d.record.rtype.name();
        em.emit(
            Diagnostic::new(
                &DUPLICATE_RECORD,
                data_span(cx, d.record),
                tr!(
                    lang,
                    "duplicate `{owner}` {rtype} record",
                    "`{owner}` の {rtype} レコードが重複しています"
                ),
            )
            .label(data_span(cx, d.original), tr!(lang, "first written here", "最初の記述はここ"))
            .help(tr!(
                lang,
                "a server keeps one copy; delete this line, or correct it if it was meant to be a different record",
                "サーバーは 1 つしか残しません。この行を削除するか、別のレコードのつもりだった場合は修正してください"
            )),
        );
    }
}
