//! ZG524 `dmarc-invalid-report-uri`: a DMARC `rua=`/`ruf=` entry that is not a `mailto:` URI.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use std::ops::Range;

pub static DMARC_INVALID_REPORT_URI: Rule = Rule {
    code: "ZG524",
    name: "dmarc-invalid-report-uri",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.2, §6.3",
    summary: Text {
        en: r#"a DMARC `rua=` or `ruf=` address that is not a valid `mailto:` URI"#,
        ja: r#"正しい `mailto:` URI ではない DMARC の `rua=`・`ruf=` の送付先"#,
    },
    docs: Text {
        en: r#"## What it does
Checks each comma-separated entry of `rua=` (aggregate reports) and `ruf=` (failure reports): it must be a `mailto:` URI with an address (`mailto:dmarc@example.jp`), optionally followed by a size limit (`!10m`). It reports a bare address without `mailto:`, other schemes, empty entries and malformed addresses or size limits.

## Why is this bad?
Receivers send reports only to URIs they can parse, and in practice only by mail (RFC 7489 §6.2 requires `mailto:` support and nothing else). A bare `dmarc@example.jp` is not a URI, so no report arrives, and the customer who set `p=none` to watch before tightening the policy watches nothing.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=none; rua=dmarc@example.jp"
```

## How to fix
Write each address as a `mailto:` URI, separated by commas: `rua=mailto:dmarc@example.jp,mailto:dmarc@report.example.net`. Reports to another domain also need that domain's authorisation record (RFC 7489 §7.1).
"#,
        ja: r#"## 内容
`rua=`（集約レポート）と `ruf=`（失敗レポート）のカンマ区切りの各項目を検査します。アドレス付きの `mailto:` URI（`mailto:dmarc@example.jp`）で、必要ならサイズ上限（`!10m`）が続く形でなければなりません。`mailto:` のないアドレス、ほかのスキーム、空の項目、不正なアドレスやサイズ上限を報告します。

## 問題点
受信側は解釈できる URI にしかレポートを送らず、実際にはメールでしか送りません（RFC 7489 §6.2 が求めるのは `mailto:` だけです）。`dmarc@example.jp` だけでは URI ではないのでレポートは届かず、ポリシーを強める前に `p=none` で様子を見ているつもりのお客様は何も見られません。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=none; rua=dmarc@example.jp"
```

## 修正方法
各アドレスを `mailto:` URI にし、カンマで区切ってください: `rua=mailto:dmarc@example.jp,mailto:dmarc@report.example.net`。他ドメインに送る場合は、そのドメインの承認レコードも必要です（RFC 7489 §7.1）。
"#,
    },
    check: Check::Zone(check),
};

#[derive(Debug, PartialEq, Eq)]
enum Fault {
    Empty,
    NoScheme,
    OtherScheme,
    BadAddress,
    BadSize,
}

/// Judges one entry; `range` is where the fault is, relative to the entry.
fn judge(entry: &[u8]) -> Option<(Fault, Range<usize>)> {
    if entry.is_empty() {
        return Some((Fault::Empty, 0..0));
    }
    // `!size` with an optional unit (RFC 7489 §6.4).
    let (uri, size) = match entry.iter().rposition(|&b| b == b'!') {
        Some(bang) => (&entry[..bang], Some(bang)),
        None => (entry, None),
    };
    if let Some(bang) = size {
        let s = &entry[bang + 1..];
        let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
        let unit_ok = match &s[digits..] {
            [] => true,
            [u] => b"kmgtKMGT".contains(u),
            _ => false,
        };
        if digits == 0 || !unit_ok {
            return Some((Fault::BadSize, bang..entry.len()));
        }
    }
    let scheme_end = uri.iter().position(|&b| b == b':');
    let Some(colon) = scheme_end.filter(|&c| {
        c > 0
            && uri[..c]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
    }) else {
        return Some((Fault::NoScheme, 0..uri.len()));
    };
    if !uri[..colon].eq_ignore_ascii_case(b"mailto") {
        return Some((Fault::OtherScheme, 0..colon + 1));
    }
    let addr = &uri[colon + 1..];
    let ok = match addr.iter().rposition(|&b| b == b'@') {
        Some(at) => {
            let (local, domain) = (&addr[..at], &addr[at + 1..]);
            !local.is_empty()
                && domain.contains(&b'.')
                && !domain.starts_with(b".")
                && !domain.ends_with(b".")
                && !domain.contains(&b'@')
                && addr.iter().all(|b| (0x21..0x7F).contains(b))
        }
        None => false,
    };
    (!ok).then_some((Fault::BadAddress, colon + 1..uri.len()))
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        for name in ["rua", "ruf"] {
            let Some((tag, value)) = rec.get(name) else {
                continue;
            };
            if tag.split_at.is_some() {
                continue;
            }
            let mut start = 0;
            for raw in value.split(|&b| b == b',') {
                let offset = tag.value.start + start;
                start += raw.len() + 1;
                // Whitespace around commas is allowed (*WSP "," *WSP).
                let lead = raw.iter().take_while(|b| b.is_ascii_whitespace()).count();
                let entry = raw[lead..].trim_ascii_end();
                let Some((fault, range)) = judge(entry) else {
                    continue;
                };
                let base = offset + lead;
                let shown = super::text::shown(entry);
                let span = if entry.is_empty() {
                    rec.span(cx, tag.range.clone())
                } else {
                    let range = if range.is_empty() {
                        0..entry.len()
                    } else {
                        range
                    };
                    rec.span(cx, base + range.start..base + range.end)
                };
                let (message, help) = match fault {
                    Fault::Empty => (
                        tr!(
                            lang,
                            "`{name}=` has an empty entry",
                            "`{name}=` に空の項目があります"
                        ),
                        tr!(
                            lang,
                            "list addresses as `mailto:` URIs separated by single commas, or remove `{name}=`",
                            "アドレスは `mailto:` URI にして 1 つのカンマで区切るか、`{name}=` を削除してください"
                        ),
                    ),
                    Fault::NoScheme => (
                        tr!(
                            lang,
                            "`{shown}` in `{name}=` is not a URI; receivers send no reports to it",
                            "`{name}=` の `{shown}` は URI ではないため、受信側はレポートを送りません"
                        ),
                        if entry.contains(&b'@') {
                            tr!(
                                lang,
                                "write it as `mailto:{shown}`",
                                "`mailto:{shown}` と書いてください"
                            )
                        } else {
                            tr!(
                                lang,
                                "write a `mailto:` URI such as `mailto:dmarc@example.jp`",
                                "`mailto:dmarc@example.jp` のような `mailto:` URI を書いてください"
                            )
                        },
                    ),
                    Fault::OtherScheme => (
                        tr!(
                            lang,
                            "`{shown}` in `{name}=` is not a `mailto:` URI; receivers send reports only by mail",
                            "`{name}=` の `{shown}` は `mailto:` URI ではありません。受信側はレポートをメールでしか送りません"
                        ),
                        tr!(
                            lang,
                            "use a mailbox: `mailto:dmarc@example.jp`",
                            "メールアドレスを使ってください: `mailto:dmarc@example.jp`"
                        ),
                    ),
                    Fault::BadAddress => (
                        tr!(
                            lang,
                            "`{shown}` in `{name}=` has no valid mail address",
                            "`{name}=` の `{shown}` には正しいメールアドレスがありません"
                        ),
                        tr!(
                            lang,
                            "write `mailto:` directly followed by an address such as `dmarc@example.jp`, without spaces",
                            "`mailto:` の直後に空白なしで `dmarc@example.jp` のようなアドレスを書いてください"
                        ),
                    ),
                    Fault::BadSize => (
                        tr!(
                            lang,
                            "the size limit in `{shown}` is malformed",
                            "`{shown}` のサイズ上限の書き方が不正です"
                        ),
                        tr!(
                            lang,
                            "write `!` and a number with an optional unit k, m, g or t, such as `!10m`",
                            "`!` の後に数値と任意の単位（k, m, g, t）を書いてください。例: `!10m`"
                        ),
                    ),
                };
                em.emit(Diagnostic::new(&DMARC_INVALID_REPORT_URI, span, message).help(help));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_report_uris() {
        assert_eq!(judge(b"mailto:dmarc@example.jp"), None);
        assert_eq!(judge(b"MAILTO:d@example.jp!10m"), None);
        assert_eq!(judge(b"mailto:d@example.jp!50"), None);
        assert_eq!(
            judge(b"dmarc@example.jp").map(|f| f.0),
            Some(Fault::NoScheme)
        );
        assert_eq!(
            judge(b"https://example.jp/r").map(|f| f.0),
            Some(Fault::OtherScheme)
        );
        assert_eq!(judge(b"mailto:").map(|f| f.0), Some(Fault::BadAddress));
        assert_eq!(judge(b"mailto:d@jp").map(|f| f.0), Some(Fault::BadAddress));
        assert_eq!(
            judge(b"mailto:d@example.jp!10x").map(|f| f.0),
            Some(Fault::BadSize)
        );
        assert_eq!(judge(b"").map(|f| f.0), Some(Fault::Empty));
    }
}
