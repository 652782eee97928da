//! ZG604 `caa-invalid-issuer-value`: a CAA `issue`, `issuewild` or `issuemail` value that does
//! not follow `domain [; key=value]*`.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;
use std::ops::Range;

pub static CAA_INVALID_ISSUER_VALUE: Rule = Rule {
    code: "ZG604",
    name: "caa-invalid-issuer-value",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 8659 §4.2, §4.3; RFC 9495 §3",
    summary: Text {
        en: r#"a CAA `issue`, `issuewild` or `issuemail` value that is not `domain [; key=value]*`"#,
        ja: r#"`ドメイン [; key=value]*` の形になっていない CAA の `issue`・`issuewild`・`issuemail` の値"#,
    },
    docs: Text {
        en: r#"## What it does
Checks the value of `issue`, `issuewild` and `issuemail` properties against RFC 8659 §4.2: an optional CA domain name (letters, digits and inner hyphens, labels separated by dots, no trailing dot), then optional `; key=value` parameters. It reports URLs (`https://letsencrypt.org`), trailing dots, several CAs in one record (`letsencrypt.org, digicert.com`), and malformed parameters.

## Why is this bad?
A CA that cannot parse the value treats the property as naming no CA it recognises, so it does not issue: a malformed record blocks the very CA it was meant to allow, and certificate renewals fail. Several CAs in one value are read as one malformed name.

## Example
```
@   IN CAA 0 issue "letsencrypt.org, digicert.com"
@   IN CAA 0 issue "https://letsencrypt.org/"
```

## How to fix
One record per CA, with the CA's domain exactly as the CA documents it:
```
@   IN CAA 0 issue "letsencrypt.org"
@   IN CAA 0 issue "digicert.com"
```
"#,
        ja: r#"## 内容
`issue`・`issuewild`・`issuemail` プロパティの値を RFC 8659 §4.2 に照らして検査します。任意の CA のドメイン名（英数字と途中のハイフン、ドット区切り、末尾のドットなし）と、任意の `; key=value` パラメータからなります。URL（`https://letsencrypt.org`）、末尾のドット、1 つのレコードに複数の CA（`letsencrypt.org, digicert.com`）、不正なパラメータを報告します。

## 問題点
値を解釈できない CA は、そのプロパティが自分を指していないものとして扱い、発行しません。不正なレコードは許可するはずの CA 自身を締め出し、証明書の更新が失敗します。1 つの値に複数の CA を書くと、1 つの不正な名前として読まれます。

## 例
```
@   IN CAA 0 issue "letsencrypt.org, digicert.com"
@   IN CAA 0 issue "https://letsencrypt.org/"
```

## 修正方法
CA ごとに 1 レコードとし、CA の文書どおりのドメインを書いてください:
```
@   IN CAA 0 issue "letsencrypt.org"
@   IN CAA 0 issue "digicert.com"
```
"#,
    },
    check: Check::Zone(check),
};

#[derive(Debug, PartialEq, Eq)]
enum Fault {
    Url,
    TrailingDot,
    SeveralIssuers,
    BadDomain,
    BadParameter,
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// `label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))`, also the parameter tag grammar.
fn is_label(l: &[u8]) -> bool {
    !l.is_empty()
        && l.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && l[0] != b'-'
        && l[l.len() - 1] != b'-'
}

fn trim(v: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && is_ws(v[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && is_ws(v[r.end - 1]) {
        r.end -= 1;
    }
    r
}

/// Judges an issuer value; the range is where the fault is.
fn judge(v: &[u8]) -> Option<(Fault, Range<usize>)> {
    let semi = v.iter().position(|&b| b == b';').unwrap_or(v.len());
    let domain = trim(v, 0..semi);
    let d = &v[domain.clone()];
    if !d.is_empty() {
        let fault = if d.windows(3).any(|w| w == b"://") {
            Some(Fault::Url)
        } else if d.iter().any(|&b| b == b',' || is_ws(b)) {
            Some(Fault::SeveralIssuers)
        } else if d.ends_with(b".")
            && d.len() > 1
            && d[..d.len() - 1].split(|&b| b == b'.').all(is_label)
        {
            Some(Fault::TrailingDot)
        } else if !d.split(|&b| b == b'.').all(is_label) {
            Some(Fault::BadDomain)
        } else {
            None
        };
        if let Some(f) = fault {
            return Some((f, domain));
        }
    }
    if semi >= v.len() {
        return None;
    }
    let mut start = semi + 1;
    while start <= v.len() {
        let end = v[start..]
            .iter()
            .position(|&b| b == b';')
            .map_or(v.len(), |p| start + p);
        let part = trim(v, start..end);
        start = end + 1;
        if part.is_empty() {
            continue;
        }
        let p = &v[part.clone()];
        let ok = match p.iter().position(|&b| b == b'=') {
            Some(eq) => {
                let tag = trim(p, 0..eq);
                let value = trim(p, eq + 1..p.len());
                is_label(&p[tag])
                    && p[value]
                        .iter()
                        .all(|&b| (0x21..=0x7E).contains(&b) && b != b';')
            }
            None => false,
        };
        if !ok {
            return Some((Fault::BadParameter, part));
        }
    }
    None
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::CAA) {
        let Some(caa) = view::caa(cx.zone.rdata(record)) else {
            continue;
        };
        let tag = String::from_utf8_lossy(caa.tag).to_ascii_lowercase();
        if !matches!(tag.as_str(), "issue" | "issuewild" | "issuemail") {
            continue;
        }
        let Some((fault, range)) = judge(caa.value) else {
            continue;
        };
        let shown = super::shown(&caa.value[range.clone()]);
        let span = super::value_span(cx, record, caa.value, range.clone());
        let (message, help) = match fault {
            Fault::Url => {
                let host = String::from_utf8_lossy(&caa.value[range])
                    .split("://")
                    .nth(1)
                    .and_then(|r| r.split(['/', ':']).next())
                    .map(|h| crate::diag::escape(h).into_owned())
                    .unwrap_or_default();
                (
                    tr!(
                        lang,
                        "`{shown}` is a URL; a CAA `{tag}` value names the CA by its domain",
                        "`{shown}` は URL です。CAA の `{tag}` の値には CA をドメインで書きます"
                    ),
                    tr!(
                        lang,
                        "write the CA's domain as the CA documents it, such as `\"{host}\"`",
                        "CA の文書どおりのドメインを書いてください。例: `\"{host}\"`"
                    ),
                )
            }
            Fault::TrailingDot => (
                tr!(
                    lang,
                    "`{shown}` ends with a dot; CAs compare the name without it and do not match",
                    "`{shown}` は末尾がドットです。CA はドットなしの名前と比較するため一致しません"
                ),
                tr!(
                    lang,
                    "remove the trailing dot",
                    "末尾のドットを削除してください"
                ),
            ),
            Fault::SeveralIssuers => (
                tr!(
                    lang,
                    "`{shown}` names several CAs in one `{tag}` value",
                    "1 つの `{tag}` の値に複数の CA `{shown}` が書かれています"
                ),
                tr!(
                    lang,
                    "write one CAA record per CA",
                    "CA ごとに 1 つの CAA レコードを書いてください"
                ),
            ),
            Fault::BadDomain => (
                tr!(
                    lang,
                    "`{shown}` is not a valid CA domain name",
                    "`{shown}` は CA のドメイン名として不正です"
                ),
                tr!(
                    lang,
                    "write the CA's domain (letters, digits, hyphens and dots), such as `letsencrypt.org`",
                    "`letsencrypt.org` のように CA のドメイン（英数字・ハイフン・ドット）を書いてください"
                ),
            ),
            Fault::BadParameter => (
                tr!(
                    lang,
                    "`{shown}` is not a valid `key=value` parameter",
                    "`{shown}` は `key=value` のパラメータとして不正です"
                ),
                tr!(
                    lang,
                    "write parameters as `; key=value` after the CA domain, such as `\"letsencrypt.org; validationmethods=dns-01\"`",
                    "パラメータは CA ドメインの後に `; key=value` と書いてください。例: `\"letsencrypt.org; validationmethods=dns-01\"`"
                ),
            ),
        };
        em.emit(Diagnostic::new(&CAA_INVALID_ISSUER_VALUE, span, message).help(help));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_issuer_values() {
        let j = |s: &str| judge(s.as_bytes()).map(|(f, _)| f);
        assert_eq!(j("letsencrypt.org"), None);
        assert_eq!(j(""), None);
        assert_eq!(j(";"), None);
        assert_eq!(
            j(" letsencrypt.org ; validationmethods=dns-01 ; accounturi=https://x/1"),
            None
        );
        assert_eq!(j("https://letsencrypt.org/"), Some(Fault::Url));
        assert_eq!(j("letsencrypt.org."), Some(Fault::TrailingDot));
        assert_eq!(
            j("letsencrypt.org, digicert.com"),
            Some(Fault::SeveralIssuers)
        );
        assert_eq!(j("lets_encrypt.org"), Some(Fault::BadDomain));
        assert_eq!(j("letsencrypt.org; dns-01"), Some(Fault::BadParameter));
    }
}
