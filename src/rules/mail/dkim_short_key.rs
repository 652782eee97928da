//! ZG535 `dkim-short-key`: an RSA DKIM key shorter than 1024 bits.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_SHORT_KEY: Rule = Rule {
    code: "ZG535",
    name: "dkim-short-key",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 8301 §3.2",
    summary: Text {
        en: r#"an RSA DKIM key shorter than 1024 bits, which verifiers reject"#,
        ja: r#"検証側が拒否する 1024 ビット未満の RSA の DKIM 鍵"#,
    },
    docs: Text {
        en: r#"## What it does
Measures the modulus of RSA keys in DKIM key records and reports keys shorter than 1024 bits.

## Why is this bad?
RFC 8301 §3.2: verifiers MUST NOT consider signatures made with RSA keys of less than 1024 bits valid. Such keys are also weak enough to be broken, which would let others sign mail as the customer. Signers should use 2048 bits.

## Example
```
old._domainkey IN TXT "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBA..."
```

## How to fix
Generate a 2048-bit key at the mail service, publish it under a new selector, switch signing to it, then revoke the old selector (`p=`).
"#,
        ja: r#"## 内容
DKIM 鍵レコードの RSA 鍵の長さを測り、1024 ビット未満の鍵を報告します。

## 問題点
RFC 8301 §3.2 により、検証側は 1024 ビット未満の RSA 鍵による署名を有効とみなしてはなりません。こうした鍵は解読されうるほど弱く、第三者がお客様になりすまして署名できるおそれもあります。署名には 2048 ビットの鍵を使うべきです。

## 例
```
old._domainkey IN TXT "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBA..."
```

## 修正方法
メールサービスで 2048 ビットの鍵を作り、新しいセレクタで公開して署名を切り替えたうえで、古いセレクタを失効（`p=`）させてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::dkim_records(cx) {
        let Some((tag, value)) = rec.get("p") else {
            continue;
        };
        if rec
            .get("k")
            .is_some_and(|(_, k)| !k.eq_ignore_ascii_case(b"rsa"))
        {
            continue;
        }
        let Some(bits) = super::dkim::decode_key(value)
            .as_deref()
            .and_then(super::dkim::rsa_bits)
        else {
            continue;
        };
        if bits >= 1024 {
            continue;
        }
        em.emit(
            Diagnostic::new(
                &DKIM_SHORT_KEY,
                rec.span(cx, tag.value.clone()),
                tr!(
                    lang,
                    "this RSA DKIM key is {bits} bits; verifiers reject keys shorter than 1024 bits",
                    "この RSA の DKIM 鍵は {bits} ビットです。検証側は 1024 ビット未満の鍵を拒否します"
                ),
            )
            .help(tr!(
                lang,
                "generate a 2048-bit key at the mail service and publish it under a new selector",
                "メールサービスで 2048 ビットの鍵を作り、新しいセレクタで公開してください"
            )),
        );
    }
}
