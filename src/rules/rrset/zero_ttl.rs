//! ZG304 `zero-ttl`: a TTL of 0.

use crate::diag::{Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static ZERO_TTL: Rule = Rule {
    code: "ZG304",
    name: "zero-ttl",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1035 §3.2.1",
    summary: Text {
        en: r#"a TTL of 0, which forbids caching"#,
        ja: r#"キャッシュを禁止する TTL 0"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records with a TTL of 0. A default TTL of 0 (from `$TTL`) is reported once, where it is first used.

## Why is this bad?
A TTL of 0 tells resolvers not to cache the record at all (RFC 1035 §3.2.1): every lookup by every user goes to the authoritative servers, and some resolvers and applications raise it to a minimum of their own anyway. It is legal, but almost never what the customer meant; usually a field was left empty in a spreadsheet.

## Example
```
www  0  IN A  192.0.2.1
```

## How to fix
Use a real TTL, such as `300` for a record that changes often or `3600` otherwise.
"#,
        ja: r#"## 内容
TTL が 0 のレコードを報告します。`$TTL` による既定の TTL 0 は、最初に使われた場所で 1 回報告します。

## 問題点
TTL 0 はリゾルバーにレコードをまったくキャッシュしないよう指示します（RFC 1035 §3.2.1）。すべての利用者のすべての問い合わせが権威サーバーに届き、一部のリゾルバーやアプリケーションは独自の最小値に引き上げます。文法上は正しいものの、お客様の意図であることはほとんどなく、通常は表計算シートの空欄が原因です。

## 例
```
www  0  IN A  192.0.2.1
```

## 修正方法
適切な TTL（頻繁に変わるレコードなら `300`、それ以外は `3600` など）を指定してください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    super::ttl_findings(
        cx,
        em,
        &ZERO_TTL,
        |t| t == 0,
        |lang, _| {
            (
                tr!(
                    lang,
                    "TTL 0: this record is never cached",
                    "TTL 0: このレコードはキャッシュされません"
                ),
                tr!(
                    lang,
                    "every lookup then goes to the authoritative servers; use a real TTL, such as `300` or `3600`",
                    "すべての問い合わせが権威サーバーに届きます。`300` や `3600` など適切な TTL を指定してください"
                ),
            )
        },
    );
}
