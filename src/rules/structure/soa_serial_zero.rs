//! ZG110 `soa-serial-zero`: an SOA serial of 0.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_SERIAL_ZERO: Rule = Rule {
    code: "ZG110",
    name: "soa-serial-zero",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"an SOA serial of 0"#,
        ja: r#"SOA のシリアルが 0"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an SOA whose serial (third number) is 0.

## Why is this bad?
A serial of 0 is legal, but it almost always means the serial was never set: an export tool's placeholder, or a template. Secondaries transfer the zone only when the serial increases (RFC 1982), so a zone that starts at 0 and is later edited by hand is easily left with a serial that does not move. RFC 1912 §2.2 recommends the date form YYYYMMDDnn.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 0 7200 900 1209600 3600
```

## How to fix
Use a date-based serial, such as `2024112101` for the first change on 21 November 2024.
"#,
        ja: r#"## 内容
SOA のシリアル（3 番目の数値）が 0 の場合に報告します。

## 問題点
シリアル 0 は文法上は正しいものの、ほとんどの場合シリアルが設定されていないこと（エクスポートツールの仮の値やテンプレート）を意味します。セカンダリはシリアルが増えたときだけゾーンを転送する（RFC 1982）ため、0 から始まって手で編集されたゾーンはシリアルが更新されないままになりがちです。RFC 1912 §2.2 は YYYYMMDDnn の日付形式を推奨しています。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 0 7200 900 1209600 3600
```

## 修正方法
日付形式のシリアルにしてください（例: 2024 年 11 月 21 日の最初の変更なら `2024112101`）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some((record, soa)) = super::apex_soa(cx) else {
        return;
    };
    if soa.serial != 0 {
        return;
    }
    let lang = cx.lang;
    em.emit(
        Diagnostic::new(
            &SOA_SERIAL_ZERO,
            cx.rdata_field_span(record, super::SERIAL),
            tr!(lang, "SOA serial is 0", "SOA のシリアルが 0 です"),
        )
        .help(tr!(
            lang,
            "0 usually means the serial was never set; use the date form YYYYMMDDnn, such as `2024112101`",
            "0 は通常シリアルが未設定であることを意味します。YYYYMMDDnn の日付形式（例: `2024112101`）にしてください"
        )),
    );
}
