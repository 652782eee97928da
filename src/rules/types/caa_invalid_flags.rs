//! ZG601 `caa-invalid-flags`: CAA flags other than 0 and 128.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static CAA_INVALID_FLAGS: Rule = Rule {
    code: "ZG601",
    name: "caa-invalid-flags",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 8659 §4.1",
    summary: Text {
        en: r#"a CAA record whose flags are not 0 or 128 (issuer critical)"#,
        ja: r#"フラグが 0 または 128（issuer critical）ではない CAA レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports CAA records whose flags field is anything but `0` or `128`.

## Why is this bad?
Only one flag is defined: issuer critical, the most significant bit, written `128` (RFC 8659 §4.1). The other bits are reserved and must be zero. `1` is the usual mistake, from reading "bit 0" as the value 1: it sets a reserved bit and leaves the record non-critical, the opposite of what was meant.

## Example
```
@   IN CAA 1 issue "letsencrypt.org"
```

## How to fix
Write `0`, or `128` for a property a CA must understand before issuing: `@ IN CAA 0 issue "letsencrypt.org"`.
"#,
        ja: r#"## 内容
フラグ欄が `0` と `128` 以外の CAA レコードを報告します。

## 問題点
定義されているフラグは最上位ビットの issuer critical だけで、値は `128` です（RFC 8659 §4.1）。ほかのビットは予約されており 0 でなければなりません。「ビット 0」を値 1 と読んだ `1` がよくある誤りで、予約ビットを立てるだけで critical にはならず、意図と逆になります。

## 例
```
@   IN CAA 1 issue "letsencrypt.org"
```

## 修正方法
`0` と書くか、CA が理解してから発行すべきプロパティなら `128` と書いてください: `@ IN CAA 0 issue "letsencrypt.org"`
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::CAA) {
        let Some(caa) = view::caa(cx.zone.rdata(record)) else {
            continue;
        };
        let flags = caa.flags;
        if flags == 0 || flags == 128 {
            continue;
        }
        let help = if flags & 0x80 != 0 {
            tr!(
                lang,
                "write `128` for issuer critical; the other bits are reserved",
                "issuer critical なら `128` と書いてください。ほかのビットは予約されています"
            )
        } else {
            tr!(
                lang,
                "write `0`, or `128` if CAs must understand this property before issuing",
                "`0` と書くか、CA が理解してから発行すべきプロパティなら `128` と書いてください"
            )
        };
        em.emit(
            Diagnostic::new(
                &CAA_INVALID_FLAGS,
                cx.rdata_field_span(record, 0),
                tr!(
                    lang,
                    "CAA flags `{flags}` set reserved bits; only 0 and 128 (issuer critical) are defined",
                    "CAA フラグ `{flags}` は予約ビットを立てています。定義されているのは 0 と 128（issuer critical）だけです"
                ),
            )
            .help(help),
        );
    }
}
