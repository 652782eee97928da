//! ZG550 `txt-split-without-separator`: an SPF, DMARC or DKIM text split into strings at a
//! place where the joined text loses its separator.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static TXT_SPLIT_WITHOUT_SEPARATOR: Rule = Rule {
    code: "ZG550",
    name: "txt-split-without-separator",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §3.3, RFC 6376 §3.6.2.2",
    summary: Text {
        en: r#"an SPF, DMARC or DKIM text split into strings where joining them runs two terms together"#,
        ja: r#"文字列の分割位置のせいで、連結すると 2 つの項目がつながる SPF・DMARC・DKIM の文字列"#,
    },
    docs: Text {
        en: r#"## What it does
Looks at SPF, DMARC and DKIM records written as several quoted strings, and reports a boundary where the strings meet without a separator although each side reads as a complete term: `"v=spf1 include:a.example.jp" "include:b.example.jp -all"`, or `"v=DMARC1; p=none" "rua=mailto:..."`.

## Why is this bad?
Mail software joins the strings of a TXT record with nothing between them (RFC 7208 §3.3, RFC 6376 §3.6.2.2). Customers split long records at a space and drop the space, so two terms become one (`include:a.example.jpinclude:b.example.jp`). SPF then looks up a name that does not exist and fails; DMARC reads `p=nonerua=...` as an invalid policy.

Splitting in the middle of a term is fine and not reported: `"...include:spf.prot" "ection.outlook.com -all"` joins back to the right text.

## Example
```
@   IN TXT "v=spf1 include:spf.protection.outlook.com" "include:spf.example-isp.jp -all"
```

## How to fix
Keep the separator inside one of the strings: end the first string with a space (SPF) or a `;` (DMARC, DKIM): `"v=spf1 include:spf.protection.outlook.com " "include:spf.example-isp.jp -all"`.
"#,
        ja: r#"## 内容
複数の引用符付き文字列で書かれた SPF・DMARC・DKIM のレコードで、区切りのないまま文字列がつながり、しかも両側がそれぞれ完結した項目として読める境界を報告します。例: `"v=spf1 include:a.example.jp" "include:b.example.jp -all"`、`"v=DMARC1; p=none" "rua=mailto:..."`。

## 問題点
メールソフトは TXT レコードの文字列を間に何も挟まずに連結します（RFC 7208 §3.3, RFC 6376 §3.6.2.2）。長いレコードを空白の位置で分けて空白を落とすと、2 つの項目が 1 つになります（`include:a.example.jpinclude:b.example.jp`）。SPF は存在しない名前を引いて失敗し、DMARC は `p=nonerua=...` を不正なポリシーと読みます。

項目の途中で分けるのは問題なく、報告しません: `"...include:spf.prot" "ection.outlook.com -all"` は正しい文字列に戻ります。

## 例
```
@   IN TXT "v=spf1 include:spf.protection.outlook.com" "include:spf.example-isp.jp -all"
```

## 修正方法
区切りをどちらかの文字列の中に残してください。SPF なら最初の文字列の末尾に空白、DMARC・DKIM なら `;` を入れます: `"v=spf1 include:spf.protection.outlook.com " "include:spf.example-isp.jp -all"`
"#,
    },
    check: Check::Zone(check),
};

fn emit(
    cx: &Context<'_>,
    em: &mut Emitter<'_>,
    span: crate::source::Span,
    left: String,
    right: String,
    spf: bool,
) {
    let lang = cx.lang;
    let sep = match (spf, lang) {
        (true, crate::diag::Lang::En) => "a space",
        (true, crate::diag::Lang::Ja) => "空白",
        (false, crate::diag::Lang::En) => "`;`",
        (false, crate::diag::Lang::Ja) => "`;`",
    };
    em.emit(
        Diagnostic::new(
            &TXT_SPLIT_WITHOUT_SEPARATOR,
            span,
            tr!(
                lang,
                "the strings are joined without a separator, so `{left}` runs into `{right}`",
                "文字列は区切りなしで連結されるため、`{left}` と `{right}` がつながります"
            ),
        )
        .help(tr!(
            lang,
            "end the first string with {sep}, or start the next one with it",
            "最初の文字列の末尾か、次の文字列の先頭に{sep}を入れてください"
        )),
    );
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    for rec in super::spf_records(cx) {
        for term in &rec.spf.terms {
            let Some(b) = term.split_at else { continue };
            let span = rec.span(cx, b.saturating_sub(1)..(b + 1).min(term.range.end));
            emit(
                cx,
                em,
                span,
                rec.shown(term.range.start..b),
                rec.shown(b..term.range.end),
                true,
            );
        }
    }
    let tagged = super::dmarc_records(cx).chain(super::dkim_records(cx));
    for rec in tagged {
        for tag in &rec.tags.tags {
            let Some(b) = tag.split_at else { continue };
            let span = rec.span(cx, b.saturating_sub(1)..(b + 1).min(tag.value.end));
            emit(
                cx,
                em,
                span,
                rec.shown(tag.range.start..b),
                rec.shown(b..tag.value.end),
                false,
            );
        }
    }
}
