//! ZG410 `misplaced-wildcard`: a `*` that is not a whole leftmost label, so not a wildcard.

use crate::diag::{Diagnostic, Emitter, Severity, escape};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::name::label_to_text;

pub static MISPLACED_WILDCARD: Rule = Rule {
    code: "ZG410",
    name: "misplaced-wildcard",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 4592 §2.1.1",
    summary: Text {
        en: r#"a `*` that is not the whole leftmost label, so it is not a wildcard"#,
        ja: r#"左端のラベル全体ではないためワイルドカードにならない `*`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an owner name with a `*` anywhere but as its whole leftmost label: `www.*.example.jp.`, `*www.example.jp.`, `shop*.example.jp.`. Reported once per name.

## Why is this bad?
Only a leftmost label that is exactly `*` makes a wildcard (RFC 4592 §2.1.1). Anywhere else `*` is an ordinary character: the record answers only for a name with a literal asterisk, which nobody queries, so the names the customer meant to cover get no answer. Some checkers (validns) reject such names outright.

## Example
```
www.*   IN A  192.0.2.1
*shop   IN A  192.0.2.2
```

## How to fix
Put the wildcard first as its own label (`*.www`, or `*` for every name directly below the zone), or list the names one by one.
"#,
        ja: r#"## 内容
`*` が左端のラベル全体以外の場所にある所有者名（`www.*.example.jp.`、`*www.example.jp.`、`shop*.example.jp.`）を名前ごとに 1 回報告します。

## 問題点
ワイルドカードになるのは、ちょうど `*` だけの左端のラベルだけです（RFC 4592 §2.1.1）。それ以外の場所の `*` はただの文字で、レコードは文字どおりアスタリスクを含む（誰も問い合わせない）名前にしか応答せず、お客様が対象にしたかった名前には応答がありません。このような名前を拒否するチェッカー（validns）もあります。

## 例
```
www.*   IN A  192.0.2.1
*shop   IN A  192.0.2.2
```

## 修正方法
ワイルドカードを独立したラベルとして先頭に置く（`*.www`、ゾーン直下のすべての名前なら `*`）か、名前を 1 つずつ記載してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (id, name) in cx.zone.names.iter() {
        // One scan of the whole wire form rules out almost every name (a length octet of 42
        // reads as `*` too, and the labels below sort that out).
        if memchr::memchr(b'*', name.wire()).is_none() {
            continue;
        }
        let bad = name
            .labels()
            .enumerate()
            .find(|(i, l)| l.contains(&b'*') && !(*i == 0 && *l == b"*"));
        let Some((i, label)) = bad else { continue };
        let Some(first) = cx
            .records_at(id)
            .min_by_key(|r| (r.span.file, r.span.start))
        else {
            continue;
        };
        let shown = show(name);
        let label = escape(&label_to_text(label)).into_owned();
        let message = if label == "*" && i > 0 {
            tr!(
                lang,
                "`*` in the middle of `{shown}` is not a wildcard",
                "`{shown}` の途中にある `*` はワイルドカードではありません"
            )
        } else {
            tr!(
                lang,
                "`{label}` in `{shown}` is not a wildcard: `*` must be a label of its own",
                "`{shown}` の `{label}` はワイルドカードではありません: `*` は単独のラベルである必要があります"
            )
        };
        em.emit(
            Diagnostic::new(&MISPLACED_WILDCARD, cx.owner_span(first), message).help(tr!(
                lang,
                "only a leftmost `*` label matches other names; put the wildcard first (`*.www`), or list the names one by one",
                "他の名前に一致するのは左端の `*` ラベルだけです。ワイルドカードを先頭に置く（`*.www`）か、名前を 1 つずつ記載してください"
            )),
        );
    }
}
