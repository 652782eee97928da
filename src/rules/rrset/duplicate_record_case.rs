//! ZG302 `duplicate-record-case`: the same record twice, written differently.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::{data_span, show};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DUPLICATE_RECORD_CASE: Rule = Rule {
    code: "ZG302",
    name: "duplicate-record-case",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 4343 §3",
    summary: Text {
        en: r#"the same record twice, written with different case or escapes"#,
        ja: r#"大文字・小文字やエスケープの違いだけで同じレコードが 2 回ある"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a record that looks different from an earlier one but is the same record to DNS: names in its data differ only in upper and lower case (`Mail.Example.jp.` and `mail.example.jp.`), or characters are written as escapes (`\065` for `A`), or a string is quoted in one and not the other.

## Why is this bad?
DNS compares names without regard to case (RFC 4343 §3) and reads escapes as the characters they stand for, so the two lines are one record and servers keep only one (RFC 2181 §5). A customer who wrote both usually meant two different records.

## Example
```
@  IN MX  10 mail.example.jp.
@  IN MX  10 MAIL.example.jp.
```

## How to fix
Delete one of the lines; if they were meant to differ, correct the second.
"#,
        ja: r#"## 内容
見た目は前のレコードと違っても DNS 上は同じレコードを報告します。データ中の名前が大文字・小文字だけ違う（`Mail.Example.jp.` と `mail.example.jp.`）、文字がエスケープで書かれている（`A` を `\065`）、文字列の引用符の有無が違う、などです。

## 問題点
DNS は名前を大文字・小文字を区別せずに比較し（RFC 4343 §3）、エスケープはその文字として読むため、2 行は 1 つのレコードで、サーバーは 1 つしか残しません（RFC 2181 §5）。両方を書いたお客様は、通常 2 つの異なるレコードのつもりです。

## 例
```
@  IN MX  10 mail.example.jp.
@  IN MX  10 MAIL.example.jp.
```

## 修正方法
どちらかの行を削除してください。異なるレコードのつもりなら 2 行目を修正してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for d in super::duplicates(cx).into_iter().filter(|d| !d.exact) {
        let owner = show(cx.zone.owner(d.record));
        let rtype = d.record.rtype.name();
        em.emit(
            Diagnostic::new(
                &DUPLICATE_RECORD_CASE,
                data_span(cx, d.record),
                tr!(
                    lang,
                    "this `{owner}` {rtype} record is the same as an earlier one, written differently",
                    "この `{owner}` の {rtype} レコードは、書き方が違うだけで前のレコードと同じです"
                ),
            )
            .label(data_span(cx, d.original), tr!(lang, "same record here", "同じレコードはここ"))
            .help(tr!(
                lang,
                "DNS compares names without case and reads escapes as characters, so a server keeps only one; delete one, or correct it if they were meant to differ",
                "DNS は名前を大文字・小文字を区別せずに比較し、エスケープを文字として読むため、サーバーは 1 つしか残しません。どちらかを削除するか、別のつもりなら修正してください"
            )),
        );
    }
}
