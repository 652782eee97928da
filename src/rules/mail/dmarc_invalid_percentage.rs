//! ZG525 `dmarc-invalid-percentage`: a DMARC `pct=` that is not a whole number from 0 to 100.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_INVALID_PERCENTAGE: Rule = Rule {
    code: "ZG525",
    name: "dmarc-invalid-percentage",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3",
    summary: Text {
        en: r#"a DMARC `pct=` that is not a whole number from 0 to 100"#,
        ja: r#"0 から 100 の整数ではない DMARC の `pct=`"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a DMARC `pct=` value that is not a whole number from 0 to 100: `pct=50%`, `pct=0.5`, `pct=200`.

## Why is this bad?
`pct=` is the percentage of failing mail the policy applies to (RFC 7489 §6.3). A value receivers cannot read is ignored, and the default of 100 applies: a customer rolling out `p=reject` to 10% of mail rejects all of it.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=reject; pct=10%"
```

## How to fix
Write a bare integer: `pct=10`.
"#,
        ja: r#"## 内容
0 から 100 の整数ではない DMARC の `pct=` の値を報告します。`pct=50%`、`pct=0.5`、`pct=200` などです。

## 問題点
`pct=` は認証に失敗したメールのうちポリシーを適用する割合です（RFC 7489 §6.3）。受信側が読めない値は無視され、既定の 100 が適用されます。`p=reject` を 10% のメールから試すつもりのお客様は、すべてのメールを拒否することになります。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=reject; pct=10%"
```

## 修正方法
整数だけを書いてください: `pct=10`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        let Some((tag, value)) = rec.get("pct") else {
            continue;
        };
        let number =
            (!value.is_empty() && value.len() <= 3 && value.iter().all(u8::is_ascii_digit))
                .then(|| std::str::from_utf8(value).ok()?.parse::<u16>().ok())
                .flatten();
        if tag.split_at.is_some() || number.is_some_and(|n| n <= 100) {
            continue;
        }
        let shown = super::text::shown(value);
        let digits: String = shown
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>();
        let help = match digits.parse::<u16>() {
            Ok(n) if n <= 100 && !digits.is_empty() => tr!(
                lang,
                "write a bare integer: `pct={n}`",
                "整数だけを書いてください: `pct={n}`"
            ),
            _ => tr!(
                lang,
                "write a whole number from 0 to 100, such as `pct=100`",
                "`pct=100` のように 0 から 100 の整数を書いてください"
            ),
        };
        em.emit(
            Diagnostic::new(
                &DMARC_INVALID_PERCENTAGE,
                rec.span(cx, tag.value.clone()),
                tr!(
                    lang,
                    "`pct={shown}` is not a whole number from 0 to 100; receivers ignore it and apply the policy to all mail",
                    "`pct={shown}` は 0 から 100 の整数ではないため、受信側は無視してすべてのメールにポリシーを適用します"
                ),
            )
            .help(help),
        );
    }
}
