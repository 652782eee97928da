//! ZG502 `spf-malformed-version`: a TXT record meant as SPF that receivers do not see as SPF.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static SPF_MALFORMED_VERSION: Rule = Rule {
    code: "ZG502",
    name: "spf-malformed-version",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §4.5",
    summary: Text {
        en: r#"a TXT record meant as SPF that does not start with exactly `v=spf1` and a space"#,
        ja: r#"SPF のつもりの TXT レコードが `v=spf1` と空白で正しく始まっていない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports TXT records that were meant as SPF but that receivers will not recognise: text that starts with a space, `v=spf1` run into the first term (`v=spf1include:...`), `v = spf1`, `spf1 ...` without `v=`, or the version typed in full-width characters (`ｖ＝ｓｐｆ１`).

## Why is this bad?
Receivers select SPF records by their first characters: exactly `v=spf1` followed by a space or the end of the text (RFC 7208 §4.5). Anything else is an ordinary TXT record, so the domain silently has no SPF, and its mail is more likely to be refused or filed as spam.

## Example
```
@   IN TXT "v=spf1" "include:spf.protection.outlook.com -all"
```
The strings are joined without a space: `v=spf1include:...`.

## How to fix
Start the text with `v=spf1` and a space, in ASCII: `"v=spf1 include:spf.protection.outlook.com -all"`.
"#,
        ja: r#"## 内容
SPF のつもりで書かれたのに受信側が SPF と認識しない TXT レコードを報告します。先頭が空白のもの、`v=spf1` と次の項目がつながったもの（`v=spf1include:...`）、`v = spf1`、`v=` のない `spf1 ...`、全角の `ｖ＝ｓｐｆ１` などです。

## 問題点
受信側は先頭の文字で SPF レコードを選びます。正確に `v=spf1` で始まり、その後が空白か文字列の終わりでなければなりません（RFC 7208 §4.5）。それ以外はただの TXT レコードとして扱われるため、ドメインに SPF がない状態になり、メールが拒否されたり迷惑メール扱いされやすくなります。

## 例
```
@   IN TXT "v=spf1" "include:spf.protection.outlook.com -all"
```
文字列は空白なしで連結されるため `v=spf1include:...` になります。

## 修正方法
半角の `v=spf1` と空白で始めてください: `"v=spf1 include:spf.protection.outlook.com -all"`
"#,
    },
    check: Check::Zone(check),
};

/// What is wrong with the start of a would-be SPF record.
#[derive(Debug, PartialEq, Eq)]
enum Fault {
    /// `v=spf1` followed by something other than a space; `at_boundary` when that is where two
    /// strings were joined.
    NoSpaceAfter {
        at_boundary: bool,
    },
    LeadingSpace,
    FullWidth,
    Misspelt,
}

/// Inspects text that is not SPF: does it look like a failed attempt at it, and how.
fn diagnose(text: &[u8], boundaries: &[usize]) -> Option<(Fault, std::ops::Range<usize>)> {
    let head = &text[..text.len().min(64)];
    let head = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    if head.len() >= 6 && head.as_bytes()[..6].eq_ignore_ascii_case(b"v=spf1") {
        let next = head[6..].chars().next()?;
        if next.is_ascii_digit() || next == '.' {
            return None; // `v=spf10`, `v=spf1.5`: some other scheme
        }
        return Some((
            Fault::NoSpaceAfter {
                at_boundary: boundaries.contains(&6),
            },
            6..6 + next.len_utf8(),
        ));
    }
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace());
    let lead = head.len() - trimmed.len();
    let folded = crate::zone::customer::fullwidth_to_ascii_str(trimmed).to_ascii_lowercase();
    let compact: String = folded
        .chars()
        .take(12)
        .filter(|c| !c.is_whitespace())
        .collect();
    let looks_like = ["v=spf1", "v:spf1", "v-spf1", "spf1", "v=spf ", "vspf1"]
        .iter()
        .any(|p| compact.starts_with(p.trim_end()))
        && !compact.starts_with("v=spf2")
        && !compact.starts_with("spf2");
    if !looks_like {
        return None;
    }
    let version_end = trimmed
        .char_indices()
        .take_while(|&(i, _)| i < 12)
        .find(|&(_, c)| c == '1' || c == '１')
        .map_or(trimmed.len().min(6), |(i, c)| i + c.len_utf8());
    let range = lead..lead + version_end;
    let fault = if trimmed.chars().next().is_some_and(|c| !c.is_ascii()) {
        Fault::FullWidth
    } else if lead > 0 && folded.starts_with("v=spf1") {
        return Some((Fault::LeadingSpace, 0..lead));
    } else {
        Fault::Misspelt
    };
    Some((fault, range))
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    // The records that are SPF, in the same (file) order: nothing to say about those, and
    // most of a zone's TXT records that mention SPF are.
    let mut spf = super::spf_record_indices(cx).peekable();
    for &i in cx.index.of_type(cx.zone, RType::TXT) {
        while spf.next_if(|&j| j < i).is_some() {}
        if spf.peek() == Some(&i) {
            continue;
        }
        let record = &cx.zone.records[i as usize];
        let wire = cx.zone.rdata(record);
        // Cheap filter: the first string mentions spf (any case, any width) near its start.
        let first = wire.get(1..).map_or(&[][..], |w| &w[..w.len().min(40)]);
        let mentions = first.windows(3).any(|w| w.eq_ignore_ascii_case(b"spf"))
            || first
                .windows(3)
                .any(|w| w == "ｓ".as_bytes() || w == "Ｓ".as_bytes());
        if !mentions && wire.first().is_some_and(|&l| l >= 12) {
            continue;
        }
        let Some(joined) = super::text::Joined::of(wire) else {
            continue;
        };
        if super::spf::is_spf(&joined.text) {
            continue;
        }
        let boundaries: Vec<usize> = joined.boundaries().collect();
        let Some((fault, range)) = diagnose(&joined.text, &boundaries) else {
            continue;
        };
        let span = super::text::span(cx, record, &joined, range.clone());
        let shown = joined.shown(0..joined.text.len().min(range.end + 12));
        let (message, help) = match fault {
            Fault::NoSpaceAfter { at_boundary: true } => (
                tr!(
                    lang,
                    "the strings are joined without a space, so `{shown}` does not start with `v=spf1 `",
                    "文字列は空白なしで連結されるため、`{shown}` は `v=spf1 ` で始まっていません"
                ),
                tr!(
                    lang,
                    "end the first string with a space: \"v=spf1 \"",
                    "最初の文字列の末尾に空白を入れてください: \"v=spf1 \""
                ),
            ),
            Fault::NoSpaceAfter { at_boundary: false } => (
                tr!(
                    lang,
                    "`v=spf1` must be followed by a space; receivers do not read `{shown}` as SPF",
                    "`v=spf1` の後には空白が必要です。受信側は `{shown}` を SPF として読みません"
                ),
                tr!(
                    lang,
                    "put a space after `v=spf1`",
                    "`v=spf1` の後に空白を入れてください"
                ),
            ),
            Fault::LeadingSpace => (
                tr!(
                    lang,
                    "the SPF text starts with a space; receivers look for `v=spf1` at the very start",
                    "SPF の文字列が空白で始まっています。受信側は先頭の `v=spf1` を探します"
                ),
                tr!(
                    lang,
                    "remove the space before `v=spf1`",
                    "`v=spf1` の前の空白を削除してください"
                ),
            ),
            Fault::FullWidth => (
                tr!(
                    lang,
                    "`{shown}` is typed in full-width characters; receivers do not read it as SPF",
                    "`{shown}` は全角文字で入力されているため、受信側は SPF として読みません"
                ),
                tr!(
                    lang,
                    "retype the record in half-width (ASCII) characters, starting with `v=spf1 `",
                    "半角（ASCII）文字で `v=spf1 ` から入力し直してください"
                ),
            ),
            Fault::Misspelt => (
                tr!(
                    lang,
                    "`{shown}` looks like SPF but does not start with `v=spf1 `; receivers ignore it",
                    "`{shown}` は SPF のようですが `v=spf1 ` で始まっていないため、受信側は無視します"
                ),
                tr!(
                    lang,
                    "start the text with exactly `v=spf1` and a space",
                    "文字列を正確に `v=spf1` と空白で始めてください"
                ),
            ),
        };
        em.emit(Diagnostic::new(&SPF_MALFORMED_VERSION, span, message).help(help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnoses_near_misses_only() {
        let d = |s: &str, b: &[usize]| diagnose(s.as_bytes(), b).map(|(f, _)| f);
        assert_eq!(
            d("v=spf1include:x.jp -all", &[6]),
            Some(Fault::NoSpaceAfter { at_boundary: true })
        );
        assert_eq!(
            d("v=spf1,a", &[]),
            Some(Fault::NoSpaceAfter { at_boundary: false })
        );
        assert_eq!(d(" v=spf1 -all", &[]), Some(Fault::LeadingSpace));
        assert_eq!(d("ｖ＝ｓｐｆ１ -all", &[]), Some(Fault::FullWidth));
        assert_eq!(d("v = spf1 -all", &[]), Some(Fault::Misspelt));
        assert_eq!(d("spf1 include:x.jp -all", &[]), Some(Fault::Misspelt));
        assert_eq!(d("v=spf2.0/pra -all", &[]), None);
        assert_eq!(d("google-site-verification=abc", &[]), None);
        assert_eq!(d("MS=ms12345678", &[]), None);
        assert_eq!(d("v=spf10", &[]), None);
    }
}
