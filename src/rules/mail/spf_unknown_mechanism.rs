//! ZG503 `spf-unknown-mechanism`: a word in an SPF record that is no mechanism.

use super::spf::{FaultKind, Kind};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_UNKNOWN_MECHANISM: Rule = Rule {
    code: "ZG503",
    name: "spf-unknown-mechanism",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §4.6.1, §5",
    summary: Text {
        en: r#"a term in an SPF record that is not a mechanism"#,
        ja: r#"SPF レコード中の、メカニズムではない項目"#,
    },
    docs: Text {
        en: r#"## What it does
Reports SPF terms that are neither one of the eight mechanisms (`all`, `include`, `a`, `mx`, `ptr`, `ip4`, `ip6`, `exists`) nor a modifier (`name=value`): typos such as `inlcude:`, `ipv4:` or `ip:`, `redirect:` written with a colon, and terms typed in full-width characters.

## Why is this bad?
A receiver that meets an unknown mechanism stops and returns "permerror" (RFC 7208 §4.6.1): the whole SPF record is void, and mail from the domain loses its SPF authentication.

## Example
```
@   IN TXT "v=spf1 ipv4:192.0.2.1 inlcude:spf.protection.outlook.com -all"
```

## How to fix
Use the mechanism's exact name: `ip4:192.0.2.1`, `include:spf.protection.outlook.com`; modifiers take `=`: `redirect=_spf.example.jp`.
"#,
        ja: r#"## 内容
8 つのメカニズム（`all`, `include`, `a`, `mx`, `ptr`, `ip4`, `ip6`, `exists`）でも修飾子（`name=value`）でもない SPF の項目を報告します。`inlcude:`・`ipv4:`・`ip:` のような綴り誤り、コロンで書いた `redirect:`、全角で入力した項目などです。

## 問題点
受信側は不明なメカニズムに出会うと評価をやめて "permerror" を返します（RFC 7208 §4.6.1）。SPF レコード全体が無効になり、ドメインのメールは SPF 認証を失います。

## 例
```
@   IN TXT "v=spf1 ipv4:192.0.2.1 inlcude:spf.protection.outlook.com -all"
```

## 修正方法
メカニズム名を正確に書いてください: `ip4:192.0.2.1`, `include:spf.protection.outlook.com`。修飾子は `=` を使います: `redirect=_spf.example.jp`。
"#,
    },
    check: Check::Zone(check),
};

/// What the customer probably meant by an unknown word.
fn suggestion(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "ipv4" | "ip" | "inet" | "inet4" => return Some("ip4"),
        "ipv6" | "inet6" => return Some("ip6"),
        "redirect" => return Some("redirect="),
        "exp" => return Some("exp="),
        "includes" => return Some("include"),
        _ => {}
    }
    crate::zone::customer::closest(
        &lower,
        ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"],
    )
    .filter(|s| s.len() > 2)
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for term in &rec.spf.terms {
            if term.kind != Kind::UnknownMechanism || term.split_at.is_some() {
                continue;
            }
            let shown = rec.shown(term.range.clone());
            let full_width = matches!(&term.fault, Some(f) if f.kind == FaultKind::NonAscii);
            let name = String::from_utf8_lossy(rec.bytes(term.name.clone())).into_owned();
            let (message, help) = if full_width {
                let ascii = crate::zone::customer::fullwidth_to_ascii_str(
                    &String::from_utf8_lossy(rec.bytes(term.range.clone())),
                );
                let ascii = crate::diag::escape(&ascii).into_owned();
                (
                    tr!(
                        lang,
                        "`{shown}` contains full-width characters; receivers reject the whole SPF record",
                        "`{shown}` に全角文字が含まれています。受信側は SPF レコード全体を無効とします"
                    ),
                    tr!(
                        lang,
                        "type it in half-width characters: `{ascii}`",
                        "半角で入力してください: `{ascii}`"
                    ),
                )
            } else {
                let name = crate::diag::escape(&name).into_owned();
                let help = match suggestion(&name) {
                    Some(s) if s.ends_with('=') => tr!(
                        lang,
                        "`{name}` is a modifier and takes `=`: write `{s}...`",
                        "`{name}` は修飾子なので `=` を使います: `{s}...` と書いてください"
                    ),
                    Some(s) => tr!(lang, "did you mean `{s}`?", "`{s}` のことですか?"),
                    None => tr!(
                        lang,
                        "the mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists",
                        "メカニズムは all, include, a, mx, ptr, ip4, ip6, exists です"
                    ),
                };
                (
                    tr!(
                        lang,
                        "`{shown}` is not an SPF mechanism; receivers reject the whole record (permerror)",
                        "`{shown}` は SPF のメカニズムではありません。受信側はレコード全体を無効（permerror）とします"
                    ),
                    help,
                )
            };
            em.emit(
                Diagnostic::new(
                    &SPF_UNKNOWN_MECHANISM,
                    rec.span(
                        cx,
                        if full_width {
                            term.range.clone()
                        } else {
                            term.name.clone()
                        },
                    ),
                    message,
                )
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    #[test]
    fn suggests_what_was_meant() {
        assert_eq!(suggestion("ipv4"), Some("ip4"));
        assert_eq!(suggestion("inlcude"), Some("include"));
        assert_eq!(suggestion("redirect"), Some("redirect="));
        assert_eq!(suggestion("exsits"), Some("exists"));
        assert_eq!(suggestion("zz"), None);
    }
}
