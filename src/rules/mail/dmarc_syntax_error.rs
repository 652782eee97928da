//! ZG528 `dmarc-syntax-error`: a DMARC record that is not a valid tag list.

use super::taglist::TagFault;
use crate::diag::{Diagnostic, Emitter, Lang, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_SYNTAX_ERROR: Rule = Rule {
    code: "ZG528",
    name: "dmarc-syntax-error",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.4, RFC 6376 §3.2",
    summary: Text {
        en: r#"a DMARC record that is not a valid `tag=value; ...` list"#,
        ja: r#"正しい `tag=value; ...` の並びになっていない DMARC レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DMARC records whose tag list is malformed: a part without `=` (often a `;` inside a value, or a `,` used where `;` was needed), a tag with no name, a name with characters other than letters, digits and `_`, or the same tag twice.

## Why is this bad?
DMARC records use the DKIM tag-list syntax (RFC 7489 §6.4, RFC 6376 §3.2). Receivers that cannot parse the list, or find a tag twice, treat the record as invalid and apply no DMARC.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=reject, rua=mailto:dmarc@example.jp; p=none"
```

## How to fix
Write `name=value` pairs separated by `;`, each tag once: `"v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"`.
"#,
        ja: r#"## 内容
タグの並びが不正な DMARC レコードを報告します。`=` のない部分（値の中の `;` や、`;` の代わりに使った `,` が原因のことが多い）、名前のないタグ、英数字と `_` 以外を含む名前、同じタグの重複です。

## 問題点
DMARC レコードは DKIM のタグ並びの文法を使います（RFC 7489 §6.4, RFC 6376 §3.2）。並びを解釈できなかったり同じタグが 2 回あったりすると、受信側はレコードを不正として DMARC を適用しません。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=reject, rua=mailto:dmarc@example.jp; p=none"
```

## 修正方法
`name=value` の組を `;` で区切り、各タグは 1 回だけ書いてください: `"v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"`
"#,
    },
    check: Check::Zone(check),
};

/// The message and help for one tag-list fault, shared with the DKIM rule.
pub(super) fn describe(
    lang: Lang,
    fault: &TagFault,
    text: &[u8],
    scheme: &str,
) -> (String, String) {
    let shown = super::text::shown(&text[fault.range()]);
    match fault {
        TagFault::MissingEquals(_) => (
            tr!(
                lang,
                "`{shown}` in the {scheme} record is not a `tag=value` pair",
                "{scheme} レコードの `{shown}` は `tag=value` の形になっていません"
            ),
            tr!(
                lang,
                "separate tags with `;` and write each as `name=value`",
                "タグは `;` で区切り、それぞれ `name=value` と書いてください"
            ),
        ),
        TagFault::EmptyName(_) => (
            tr!(
                lang,
                "`{shown}` in the {scheme} record has no tag name",
                "{scheme} レコードの `{shown}` にはタグ名がありません"
            ),
            tr!(
                lang,
                "write the tag name before `=`",
                "`=` の前にタグ名を書いてください"
            ),
        ),
        TagFault::BadName(_) => (
            tr!(
                lang,
                "`{shown}` is not a valid {scheme} tag name",
                "`{shown}` は {scheme} のタグ名として不正です"
            ),
            tr!(
                lang,
                "tag names are a letter followed by letters, digits or `_`; check for a missing `;` before it",
                "タグ名は英字で始まり英数字か `_` が続きます。前に `;` が抜けていないか確認してください"
            ),
        ),
        TagFault::Duplicate { .. } => (
            tr!(
                lang,
                "the {scheme} tag `{shown}` appears twice; receivers reject the whole record",
                "{scheme} タグ `{shown}` が 2 回あります。受信側はレコード全体を無効とします"
            ),
            tr!(
                lang,
                "keep one `{shown}=`",
                "`{shown}=` は 1 つだけにしてください"
            ),
        ),
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        for fault in &rec.tags.faults {
            let (message, help) = describe(lang, fault, &rec.joined.text, "DMARC");
            let mut d = Diagnostic::new(&DMARC_SYNTAX_ERROR, rec.span(cx, fault.range()), message)
                .help(help);
            if let TagFault::Duplicate { first, .. } = fault {
                d = d.label(
                    rec.span(cx, first.clone()),
                    tr!(lang, "first one here", "最初の指定"),
                );
            }
            em.emit(d);
        }
    }
}
