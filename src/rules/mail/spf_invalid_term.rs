//! ZG506 `spf-invalid-term`: a known SPF mechanism or modifier with a malformed argument.

use super::spf::{FaultKind, Kind, Mech, Modifier};
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SPF_INVALID_TERM: Rule = Rule {
    code: "ZG506",
    name: "spf-invalid-term",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7208 §5, §6, §7.1, §12",
    summary: Text {
        en: r#"an SPF mechanism or modifier with a malformed argument"#,
        ja: r#"引数が不正な SPF のメカニズムまたは修飾子"#,
    },
    docs: Text {
        en: r#"## What it does
Reports SPF terms whose name is right but whose argument is not: `ip4:` and `ip6:` with a bad address or prefix length, `include:` or `exists:` without a domain, a domain without a dot or with an empty label, an invalid macro (`%{x}`), an argument on `all`, a mechanism written with `=` (`include=...`, which receivers read as an unknown modifier and skip), and terms separated by tabs or full-width spaces instead of ASCII spaces.

## Why is this bad?
A malformed term makes the record fail the SPF grammar, and receivers return "permerror" for the whole record (RFC 7208 §4.6). `include=` is worse: it is silently ignored, so the servers it should authorise fail SPF.

## Example
```
@   IN TXT "v=spf1 ip4:192.0.2.300 include=spf.protection.outlook.com -all"
```

## How to fix
Correct the argument: a valid address (`ip4:192.0.2.30`), a prefix length within 0–32 (IPv4) or 0–128 (IPv6), a full domain name after `include:`, and a colon after mechanism names. Separate terms with ASCII spaces.
"#,
        ja: r#"## 内容
名前は正しいが引数が不正な SPF 項目を報告します。アドレスやプレフィックス長が不正な `ip4:`・`ip6:`、ドメインのない `include:`・`exists:`、ドットのないドメインや空のラベル、不正なマクロ（`%{x}`）、引数付きの `all`、`=` で書いたメカニズム（`include=...` は不明な修飾子として読み飛ばされます）、半角空白ではなくタブや全角空白での区切りなどです。

## 問題点
不正な項目があるとレコードが SPF の文法に合わず、受信側はレコード全体について "permerror" を返します（RFC 7208 §4.6）。`include=` はさらに厄介で、黙って無視されるため、許可するはずのサーバーが SPF に失敗します。

## 例
```
@   IN TXT "v=spf1 ip4:192.0.2.300 include=spf.protection.outlook.com -all"
```

## 修正方法
引数を正してください。正しいアドレス（`ip4:192.0.2.30`）、0–32（IPv4）または 0–128（IPv6）のプレフィックス長、`include:` の後の完全なドメイン名、メカニズム名の後のコロン。項目は半角空白で区切ります。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::spf_records(cx) {
        for sep in &rec.spf.bad_separators {
            let tab = rec.bytes(sep.clone()) == b"\t";
            let what = match (tab, lang) {
                (true, crate::diag::Lang::En) => "a tab",
                (false, crate::diag::Lang::En) => "a full-width space",
                (true, crate::diag::Lang::Ja) => "タブ",
                (false, crate::diag::Lang::Ja) => "全角空白",
            };
            em.emit(
                Diagnostic::new(
                    &SPF_INVALID_TERM,
                    rec.span(cx, sep.clone()),
                    tr!(
                        lang,
                        "SPF terms are separated by {what}; only ASCII spaces separate them",
                        "SPF の項目が{what}で区切られています。区切りに使えるのは半角空白だけです"
                    ),
                )
                .help(tr!(
                    lang,
                    "replace it with an ASCII space",
                    "半角空白に置き換えてください"
                )),
            );
        }
        for term in &rec.spf.terms {
            let Some(fault) = &term.fault else { continue };
            if term.split_at.is_some() {
                continue;
            }
            // Unknown words with full-width characters are ZG503's.
            if term.kind == Kind::UnknownMechanism {
                continue;
            }
            let shown = rec.shown(term.range.clone());
            let arg = rec.shown(fault.range.clone());
            let name = match term.kind {
                Kind::Mechanism { mech, .. } => mech.name(),
                Kind::Modifier(Modifier::Redirect) => "redirect",
                Kind::Modifier(Modifier::Exp) => "exp",
                _ => "",
            };
            let (message, help) = match fault.kind {
                FaultKind::MissingDomain => (
                    tr!(
                        lang,
                        "`{shown}` needs a domain",
                        "`{shown}` にはドメインが必要です"
                    ),
                    if term.modifier().is_some() {
                        tr!(
                            lang,
                            "write `{name}=spf.example.jp`",
                            "`{name}=spf.example.jp` のように書いてください"
                        )
                    } else {
                        tr!(
                            lang,
                            "write `{name}:spf.example.jp`",
                            "`{name}:spf.example.jp` のように書いてください"
                        )
                    },
                ),
                FaultKind::InvalidDomain => (
                    tr!(
                        lang,
                        "`{arg}` in `{shown}` is not a valid domain name",
                        "`{shown}` の `{arg}` は正しいドメイン名ではありません"
                    ),
                    tr!(
                        lang,
                        "write the full domain name, such as `spf.protection.outlook.com`, with no empty labels",
                        "`spf.protection.outlook.com` のような完全なドメイン名を、空のラベルなしで書いてください"
                    ),
                ),
                FaultKind::InvalidMacro => (
                    tr!(
                        lang,
                        "`{arg}` in `{shown}` is not a valid SPF macro",
                        "`{shown}` の `{arg}` は正しい SPF マクロではありません"
                    ),
                    tr!(
                        lang,
                        "macros are `%{{s}}`, `%{{l}}`, `%{{o}}`, `%{{d}}`, `%{{i}}`, `%{{p}}`, `%{{h}}`, `%{{v}}` (with optional digits, `r` and delimiters), `%%`, `%_` and `%-`; write a literal `%` as `%%`",
                        "マクロは `%{{s}}`, `%{{l}}`, `%{{o}}`, `%{{d}}`, `%{{i}}`, `%{{p}}`, `%{{h}}`, `%{{v}}`（数字・`r`・区切り文字は任意）と `%%`, `%_`, `%-` です。`%` そのものは `%%` と書きます"
                    ),
                ),
                FaultKind::MissingAddress => (
                    tr!(
                        lang,
                        "`{shown}` needs an address",
                        "`{shown}` にはアドレスが必要です"
                    ),
                    if term.mech() == Some(Mech::Ip6) {
                        tr!(
                            lang,
                            "write `ip6:2001:db8::/32`",
                            "`ip6:2001:db8::/32` のように書いてください"
                        )
                    } else {
                        tr!(
                            lang,
                            "write `ip4:192.0.2.0/24`",
                            "`ip4:192.0.2.0/24` のように書いてください"
                        )
                    },
                ),
                FaultKind::InvalidIp4 => (
                    tr!(
                        lang,
                        "`{arg}` is not an IPv4 address",
                        "`{arg}` は IPv4 アドレスではありません"
                    ),
                    if rec.bytes(fault.range.clone()).contains(&b':') {
                        tr!(
                            lang,
                            "an IPv6 address goes in `ip6:`",
                            "IPv6 アドレスは `ip6:` に書きます"
                        )
                    } else {
                        tr!(
                            lang,
                            "write four decimal numbers from 0 to 255, such as `ip4:192.0.2.10`",
                            "`ip4:192.0.2.10` のように 0～255 の数を 4 つ書いてください"
                        )
                    },
                ),
                FaultKind::InvalidIp6 => (
                    tr!(
                        lang,
                        "`{arg}` is not an IPv6 address",
                        "`{arg}` は IPv6 アドレスではありません"
                    ),
                    tr!(
                        lang,
                        "write an IPv6 address such as `ip6:2001:db8::10`; an IPv4 address goes in `ip4:`",
                        "`ip6:2001:db8::10` のように書いてください。IPv4 アドレスは `ip4:` に書きます"
                    ),
                ),
                FaultKind::InvalidCidr { max } => (
                    tr!(
                        lang,
                        "`{arg}` in `{shown}` is not a prefix length from 0 to {max}",
                        "`{shown}` の `{arg}` は 0～{max} のプレフィックス長ではありません"
                    ),
                    tr!(
                        lang,
                        "write the prefix length as `/N` with N from 0 to {max}, without leading zeros",
                        "プレフィックス長は先頭に 0 を付けずに `/N`（N は 0～{max}）と書いてください"
                    ),
                ),
                FaultKind::UnexpectedArgument => (
                    tr!(
                        lang,
                        "`{shown}` has an argument `{arg}` that `{name}` does not take",
                        "`{shown}` の引数 `{arg}` は `{name}` には指定できません"
                    ),
                    if term.mech() == Some(Mech::All) {
                        tr!(
                            lang,
                            "`all` takes no argument: write `-all` or `~all`",
                            "`all` は引数を取りません。`-all` または `~all` と書いてください"
                        )
                    } else {
                        tr!(
                            lang,
                            "separate the mechanism from its argument with `:`, as in `{name}:example.jp`",
                            "メカニズムと引数は `{name}:example.jp` のように `:` で区切ってください"
                        )
                    },
                ),
                FaultKind::MechanismAsModifier(mech) => {
                    let mech = mech.name();
                    (
                        tr!(
                            lang,
                            "`{shown}` uses `=`, so receivers read it as an unknown modifier and skip it",
                            "`{shown}` は `=` を使っているため、受信側は不明な修飾子として読み飛ばします"
                        ),
                        tr!(
                            lang,
                            "mechanisms take `:`: `{mech}:...`",
                            "メカニズムは `:` を使います: `{mech}:...`"
                        ),
                    )
                }
                FaultKind::NonAscii => (
                    tr!(
                        lang,
                        "`{shown}` contains `{arg}`, which is not ASCII",
                        "`{shown}` に ASCII でない `{arg}` が含まれています"
                    ),
                    tr!(
                        lang,
                        "type the term in half-width characters; internationalised domains go in their A-label (`xn--`) form",
                        "項目は半角で入力してください。日本語ドメインは A ラベル（`xn--`）形式で書きます"
                    ),
                ),
            };
            let at = if fault.range.is_empty() {
                term.range.clone()
            } else {
                fault.range.clone()
            };
            em.emit(Diagnostic::new(&SPF_INVALID_TERM, rec.span(cx, at), message).help(help));
        }
    }
}
