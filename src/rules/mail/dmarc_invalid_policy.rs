//! ZG523 `dmarc-invalid-policy`: a DMARC `p=`, `sp=` or `np=` value that is not a policy.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_INVALID_POLICY: Rule = Rule {
    code: "ZG523",
    name: "dmarc-invalid-policy",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3, §6.6.3",
    summary: Text {
        en: r#"a DMARC `p=`, `sp=` or `np=` value other than `none`, `quarantine` or `reject`"#,
        ja: r#"`none`・`quarantine`・`reject` 以外の DMARC の `p=`・`sp=`・`np=` の値"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DMARC policy tags — `p=`, `sp=` (subdomains) and `np=` (non-existent subdomains, DMARCbis) — whose value is not `none`, `quarantine` or `reject`: typos (`quarantene`), translations, or values such as `fail` borrowed from SPF.

## Why is this bad?
With an invalid `p=` or `sp=`, receivers apply no DMARC at all, or treat the domain as `p=none` when a valid `rua=` is present (RFC 7489 §6.6.3): mail that fails authentication is delivered as if no policy existed.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=quarantene; rua=mailto:dmarc@example.jp"
```

## How to fix
Use one of the three policies: `p=none`, `p=quarantine` or `p=reject`.
"#,
        ja: r#"## 内容
DMARC のポリシータグ `p=`、`sp=`（サブドメイン）、`np=`（存在しないサブドメイン、DMARCbis）のうち、値が `none`・`quarantine`・`reject` 以外のものを報告します。綴り誤り（`quarantene`）、翻訳した値、SPF から持ち込んだ `fail` などです。

## 問題点
`p=` や `sp=` が不正だと、受信側は DMARC を適用しないか、正しい `rua=` があれば `p=none` として扱います（RFC 7489 §6.6.3）。認証に失敗したメールもポリシーがないかのように配送されます。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=quarantene; rua=mailto:dmarc@example.jp"
```

## 修正方法
3 つのポリシーのいずれかを使ってください: `p=none`、`p=quarantine`、`p=reject`。
"#,
    },
    check: Check::Zone(check),
};

const POLICIES: [&str; 3] = ["none", "quarantine", "reject"];

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        for name in ["p", "sp", "np"] {
            let Some((tag, value)) = rec.get(name) else {
                continue;
            };
            if tag.split_at.is_some()
                || POLICIES
                    .iter()
                    .any(|p| p.as_bytes().eq_ignore_ascii_case(value))
            {
                continue;
            }
            let shown = super::text::shown(value);
            let guess = crate::zone::customer::closest(&shown, POLICIES);
            let help = match guess {
                Some(g) => tr!(
                    lang,
                    "did you mean `{name}={g}`?",
                    "`{name}={g}` のことですか?"
                ),
                None => tr!(
                    lang,
                    "the policies are `none`, `quarantine` and `reject`",
                    "ポリシーは `none`、`quarantine`、`reject` のいずれかです"
                ),
            };
            em.emit(
                Diagnostic::new(
                    &DMARC_INVALID_POLICY,
                    rec.span(cx, tag.value.clone()),
                    tr!(
                        lang,
                        "`{name}={shown}` is not a DMARC policy; receivers do not apply it",
                        "`{name}={shown}` は DMARC のポリシーではないため、受信側は適用しません"
                    ),
                )
                .help(help),
            );
        }
    }
}
