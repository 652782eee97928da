//! ZG543 `m365-verification-format`: a Microsoft 365 domain verification TXT that is not
//! `MS=ms` and eight digits.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static M365_VERIFICATION_FORMAT: Rule = Rule {
    code: "ZG543",
    name: "m365-verification-format",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "Microsoft 365 domain verification",
    summary: Text {
        en: r#"a Microsoft 365 verification TXT that is not `MS=ms` followed by eight digits"#,
        ja: r#"`MS=ms` と 8 桁の数字になっていない Microsoft 365 の確認用 TXT"#,
    },
    docs: Text {
        en: r#"## What it does
Reports TXT records that start with `MS=` but are not exactly `MS=ms` followed by eight digits: a missing `ms`, a wrong number of digits, spaces, or full-width characters.

## Why is this bad?
Microsoft 365 proves that the customer owns the domain by looking up this exact text. A damaged value fails verification, so the domain cannot be added to the tenant — or, when it is already verified, the record that proves it at re-verification is wrong.

## Example
```
@   IN TXT "MS=12345678"
```

## How to fix
Copy the value from the Microsoft 365 admin center exactly, in half-width characters: `@ IN TXT "MS=ms12345678"`.
"#,
        ja: r#"## 内容
`MS=` で始まるのに、正確に `MS=ms` と 8 桁の数字になっていない TXT レコードを報告します。`ms` の欠落、桁数の誤り、空白、全角文字などです。

## 問題点
Microsoft 365 はこの文字列そのものを引いて、お客様がドメインを所有していることを確認します。値が壊れていると確認に失敗し、テナントにドメインを追加できません。確認済みの場合も、再確認のときに証明となるレコードが誤っていることになります。

## 例
```
@   IN TXT "MS=12345678"
```

## 修正方法
Microsoft 365 管理センターの値を半角で正確に写してください: `@ IN TXT "MS=ms12345678"`
"#,
    },
    check: Check::Zone(check),
};

/// True for `MS=ms########` exactly.
fn is_valid(text: &[u8]) -> bool {
    text.len() == 13
        && text[..5].eq_ignore_ascii_case(b"MS=ms")
        && text[5..].iter().all(u8::is_ascii_digit)
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::TXT) {
        let wire = cx.zone.rdata(record);
        let full_width = wire
            .get(1..)
            .is_some_and(|w| w.starts_with("ＭＳ".as_bytes()));
        if !full_width && !super::text::starts_with_ignore_case(wire, b"ms=") {
            continue;
        }
        let Some(joined) = super::text::Joined::of(wire) else {
            continue;
        };
        if is_valid(&joined.text) {
            continue;
        }
        let shown = joined.shown(0..joined.text.len());
        let folded =
            crate::zone::customer::fullwidth_to_ascii_str(&String::from_utf8_lossy(&joined.text));
        let digits: String = folded.chars().filter(char::is_ascii_digit).collect();
        let help = if digits.len() == 8 {
            tr!(
                lang,
                "write `MS=ms{digits}`, in half-width characters, as the admin center shows it",
                "管理センターの表示どおり、半角で `MS=ms{digits}` と書いてください"
            )
        } else {
            tr!(
                lang,
                "copy the value from the Microsoft 365 admin center exactly: `MS=ms` and eight digits",
                "Microsoft 365 管理センターの値を正確に写してください: `MS=ms` と 8 桁の数字です"
            )
        };
        em.emit(
            Diagnostic::new(
                &M365_VERIFICATION_FORMAT,
                super::text::data_span(cx, record),
                tr!(
                    lang,
                    "`{shown}` is not a Microsoft 365 verification value (`MS=ms` and eight digits)",
                    "`{shown}` は Microsoft 365 の確認用の値（`MS=ms` と 8 桁の数字）になっていません"
                ),
            )
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn accepts_only_the_exact_format() {
        assert!(is_valid(b"MS=ms12345678"));
        assert!(!is_valid(b"MS=12345678"));
        assert!(!is_valid(b"MS=ms1234567"));
        assert!(is_valid(b"ms=ms12345678"));
        assert!(!is_valid(b"MS=ms12345678 "));
    }
}
