//! ZG605 `caa-invalid-iodef`: a CAA `iodef` that is not a `mailto:` or `http(s):` URL.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static CAA_INVALID_IODEF: Rule = Rule {
    code: "ZG605",
    name: "caa-invalid-iodef",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 8659 §4.4",
    summary: Text {
        en: r#"a CAA `iodef` value that is not a `mailto:`, `http:` or `https:` URL"#,
        ja: r#"`mailto:`・`http:`・`https:` の URL ではない CAA の `iodef` の値"#,
    },
    docs: Text {
        en: r#"## What it does
Reports `iodef` properties whose value is not a `mailto:` URL with an address or an `http:`/`https:` URL with a host — most often a bare mail address.

## Why is this bad?
CAs report refused certificate requests to the `iodef` URL (RFC 8659 §4.4). One they cannot use means the customer never hears of attempts to obtain certificates for the domain.

## Example
```
@   IN CAA 0 iodef "security@example.jp"
```

## How to fix
Write a URL: `@ IN CAA 0 iodef "mailto:security@example.jp"`.
"#,
        ja: r#"## 内容
値がアドレス付きの `mailto:` URL でも、ホスト付きの `http:`・`https:` URL でもない `iodef` プロパティを報告します。多いのはメールアドレスだけを書いたものです。

## 問題点
CA は拒否した証明書要求を `iodef` の URL に報告します（RFC 8659 §4.4）。使えない値だと、ドメインの証明書を取ろうとする試みをお客様が知ることができません。

## 例
```
@   IN CAA 0 iodef "security@example.jp"
```

## 修正方法
URL で書いてください: `@ IN CAA 0 iodef "mailto:security@example.jp"`
"#,
    },
    check: Check::Zone(check),
};

fn valid(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    if let Some(addr) = lower.strip_prefix("mailto:") {
        return addr
            .rsplit_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
            && !addr.contains(char::is_whitespace);
    }
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.contains(char::is_whitespace)
    })
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::CAA) {
        let Some(caa) = view::caa(cx.zone.rdata(record)) else {
            continue;
        };
        if !caa.tag.eq_ignore_ascii_case(b"iodef") {
            continue;
        }
        let text = String::from_utf8_lossy(caa.value);
        let trimmed = text.trim();
        if valid(trimmed) {
            continue;
        }
        let shown = super::shown(caa.value);
        let help = if trimmed.contains('@') && !trimmed.contains(':') {
            let esc = crate::diag::escape(trimmed);
            tr!(
                lang,
                "write it as a URL: `\"mailto:{esc}\"`",
                "URL で書いてください: `\"mailto:{esc}\"`"
            )
        } else {
            tr!(
                lang,
                "write a `mailto:` URL such as `\"mailto:security@example.jp\"`, or an `https:` URL",
                "`\"mailto:security@example.jp\"` のような `mailto:` URL か、`https:` の URL を書いてください"
            )
        };
        em.emit(
            Diagnostic::new(
                &CAA_INVALID_IODEF,
                super::value_span(cx, record, caa.value, 0..caa.value.len()),
                tr!(
                    lang,
                    "CAA `iodef` value `{shown}` is not a mailto: or http(s): URL; CAs cannot report to it",
                    "CAA の `iodef` の値 `{shown}` は mailto: や http(s): の URL ではないため、CA は報告できません"
                ),
            )
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::valid;

    #[test]
    fn accepts_mailto_and_http_urls() {
        assert!(valid("mailto:security@example.jp"));
        assert!(valid("https://example.jp/caa"));
        assert!(valid("http://example.jp"));
        assert!(!valid("security@example.jp"));
        assert!(!valid("mailto:"));
        assert!(!valid("https://"));
        assert!(!valid("ftp://example.jp"));
    }
}
