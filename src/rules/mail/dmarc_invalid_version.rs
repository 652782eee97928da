//! ZG520 `dmarc-invalid-version`: a record at `_dmarc` meant as DMARC that does not start with
//! `v=DMARC1`.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_INVALID_VERSION: Rule = Rule {
    code: "ZG520",
    name: "dmarc-invalid-version",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3, §6.6.3",
    summary: Text {
        en: r#"a DMARC record whose first tag is not exactly `v=DMARC1`"#,
        ja: r#"最初のタグが正確に `v=DMARC1` ではない DMARC レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports TXT records at a `_dmarc` name that are meant as DMARC (they mention DMARC, or carry a `p=` policy) but whose first tag is not exactly `v=DMARC1`: the version in lower case (`v=dmarc1`), placed after other tags, missing, or another version.

## Why is this bad?
Receivers keep only records that begin with `v=DMARC1`, spelt exactly so (RFC 7489 §6.3: the value "MUST match precisely", and the tag "MUST be the first"), and discard the rest (§6.6.3). The domain then has no DMARC policy at all, whatever the record says.

## Example
```
_dmarc  IN TXT "p=reject; v=DMARC1; rua=mailto:dmarc@example.jp"
```

## How to fix
Start the record with `v=DMARC1;` exactly: `"v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"`.
"#,
        ja: r#"## 内容
`_dmarc` の名前にある TXT レコードのうち、DMARC のつもりのもの（DMARC に言及しているか `p=` ポリシーを持つもの）で、最初のタグが正確に `v=DMARC1` ではないものを報告します。小文字の `v=dmarc1`、ほかのタグの後ろにあるもの、ないもの、別のバージョンなどです。

## 問題点
受信側は正確に `v=DMARC1` で始まるレコードだけを採用し（RFC 7489 §6.3: 値は「厳密に一致しなければならず」、タグは「最初でなければならない」）、それ以外は捨てます（§6.6.3）。レコードに何が書かれていても、ドメインには DMARC ポリシーがないことになります。

## 例
```
_dmarc  IN TXT "p=reject; v=DMARC1; rua=mailto:dmarc@example.jp"
```

## 修正方法
レコードを正確に `v=DMARC1;` で始めてください: `"v=DMARC1; p=reject; rua=mailto:dmarc@example.jp"`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::dmarc_records(cx) {
        if rec.starts_with_version(b"DMARC1") {
            continue;
        }
        let text = &rec.joined.text;
        let lower = text.to_ascii_lowercase();
        let policy = rec.get("p").is_some_and(|(_, v)| {
            [&b"none"[..], b"quarantine", b"reject"]
                .iter()
                .any(|p| v.eq_ignore_ascii_case(p))
        });
        let mentions = lower.windows(5).any(|w| w == b"dmarc");
        if !policy && !mentions {
            continue;
        }
        let first = rec.tags.tags.first();
        let v = rec.get("v");
        let (span, message) = match (first, v) {
            (Some(f), Some((vt, value))) if f == vt => {
                let shown = super::text::shown(value);
                let span = rec.span(cx, vt.value.clone());
                if value.eq_ignore_ascii_case(b"DMARC1") {
                    (
                        span,
                        tr!(
                            lang,
                            "the version must be written exactly `DMARC1`, not `{shown}`; receivers ignore this record",
                            "バージョンは `{shown}` ではなく正確に `DMARC1` と書く必要があります。受信側はこのレコードを無視します"
                        ),
                    )
                } else {
                    (
                        span,
                        tr!(
                            lang,
                            "`{shown}` is not a DMARC version; receivers ignore this record",
                            "`{shown}` は DMARC のバージョンではありません。受信側はこのレコードを無視します"
                        ),
                    )
                }
            }
            (_, Some((vt, _))) => (
                rec.span(cx, vt.range.clone()),
                tr!(
                    lang,
                    "`v=DMARC1` must be the first tag; receivers ignore this record",
                    "`v=DMARC1` は最初のタグでなければなりません。受信側はこのレコードを無視します"
                ),
            ),
            (_, None) => (
                super::text::data_span(cx, rec.record),
                tr!(
                    lang,
                    "this DMARC record does not start with `v=DMARC1`; receivers ignore it",
                    "この DMARC レコードは `v=DMARC1` で始まっていないため、受信側は無視します"
                ),
            ),
        };
        em.emit(
            Diagnostic::new(&DMARC_INVALID_VERSION, span, message).help(tr!(
                lang,
                "start the record with exactly `v=DMARC1;`",
                "レコードを正確に `v=DMARC1;` で始めてください"
            )),
        );
    }
}
