//! ZG533 `dkim-invalid-tag-value`: a DKIM `v`, `k`, `h` or `s` value that makes the key unusable.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_INVALID_TAG_VALUE: Rule = Rule {
    code: "ZG533",
    name: "dkim-invalid-tag-value",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.6.1, RFC 8301 §3.1, RFC 8463",
    summary: Text {
        en: r#"a DKIM key record whose `v`, `k`, `h` or `s` value makes the key unusable"#,
        ja: r#"`v`・`k`・`h`・`s` の値のせいで鍵が使えない DKIM 鍵レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Checks the values in DKIM key records that decide whether the key can be used: `v` must be `DKIM1`; `k` must be `rsa` or `ed25519`; `h`, when present, must allow `sha256` (a key limited to `sha1` is unusable since RFC 8301); `s`, when present, must include `email` or `*`.

## Why is this bad?
Verifiers discard a record with another version, cannot use a key of an unknown type, and no longer accept SHA-1 signatures (RFC 8301 §3.1); a key whose service types exclude email does not apply to mail. In each case every signature with this selector fails.

## Example
```
selector1._domainkey IN TXT "v=DKIM1; k=rsa2048; h=sha1; p=MIIBIjANBgkq..."
```

## How to fix
Use the values the mail service gave: usually `v=DKIM1; k=rsa; p=...` with no `h=` or `s=` at all.
"#,
        ja: r#"## 内容
DKIM 鍵レコードのうち、鍵が使えるかどうかを決める値を検査します。`v` は `DKIM1`、`k` は `rsa` か `ed25519`、`h` を書くなら `sha256` を含むこと（RFC 8301 以降 `sha1` だけの鍵は使えません）、`s` を書くなら `email` か `*` を含むことです。

## 問題点
検証側は別バージョンのレコードを捨て、未知の種類の鍵は使えず、SHA-1 の署名はもう受け付けません（RFC 8301 §3.1）。サービス種別にメールを含まない鍵はメールに適用されません。どの場合も、このセレクタの署名はすべて失敗します。

## 例
```
selector1._domainkey IN TXT "v=DKIM1; k=rsa2048; h=sha1; p=MIIBIjANBgkq..."
```

## 修正方法
メールサービスから渡された値を使ってください。通常は `v=DKIM1; k=rsa; p=...` で、`h=` や `s=` はありません。
"#,
    },
    check: Check::Zone(check),
};

fn list(value: &[u8]) -> Vec<Vec<u8>> {
    value
        .split(|&b| b == b':')
        .map(|s| s.trim_ascii().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::dkim_records(cx) {
        let mut report = |range: std::ops::Range<usize>, message: String, help: String| {
            em.emit(
                Diagnostic::new(&DKIM_INVALID_TAG_VALUE, rec.span(cx, range), message).help(help),
            );
        };
        if let Some((tag, value)) = rec.get("v")
            && value != b"DKIM1"
            && tag.split_at.is_none()
        {
            let shown = super::text::shown(value);
            report(
                tag.value.clone(),
                tr!(
                    lang,
                    "`v={shown}` is not `DKIM1`; verifiers discard this key record",
                    "`v={shown}` は `DKIM1` ではないため、検証側はこの鍵レコードを捨てます"
                ),
                tr!(
                    lang,
                    "write `v=DKIM1` exactly, or leave `v=` out",
                    "正確に `v=DKIM1` と書くか、`v=` を省いてください"
                ),
            );
        }
        if let Some((tag, value)) = rec.get("k")
            && !value.eq_ignore_ascii_case(b"rsa")
            && !value.eq_ignore_ascii_case(b"ed25519")
            && tag.split_at.is_none()
        {
            let shown = super::text::shown(value);
            report(
                tag.value.clone(),
                tr!(
                    lang,
                    "`k={shown}` is not a DKIM key type; verifiers cannot use this key",
                    "`k={shown}` は DKIM の鍵の種類ではないため、検証側はこの鍵を使えません"
                ),
                tr!(
                    lang,
                    "the key types are `rsa` and `ed25519`; the key size is not part of `k=`",
                    "鍵の種類は `rsa` と `ed25519` です。鍵長は `k=` に含めません"
                ),
            );
        }
        if let Some((tag, value)) = rec.get("h")
            && tag.split_at.is_none()
        {
            let algs = list(value);
            if !algs.iter().any(|a| a == b"sha256") {
                let shown = super::text::shown(value);
                let sha1_only = algs.iter().any(|a| a == b"sha1");
                report(
                    tag.value.clone(),
                    if sha1_only {
                        tr!(
                            lang,
                            "`h={shown}` limits the key to SHA-1, which verifiers no longer accept",
                            "`h={shown}` は鍵を SHA-1 に限定していますが、検証側はもう SHA-1 を受け付けません"
                        )
                    } else {
                        tr!(
                            lang,
                            "`h={shown}` names no hash algorithm verifiers use",
                            "`h={shown}` には検証側が使うハッシュアルゴリズムがありません"
                        )
                    },
                    tr!(
                        lang,
                        "remove `h=`, or write `h=sha256`, and sign with rsa-sha256",
                        "`h=` を削除するか `h=sha256` と書き、rsa-sha256 で署名してください"
                    ),
                );
            }
        }
        if let Some((tag, value)) = rec.get("s")
            && tag.split_at.is_none()
        {
            let types = list(value);
            if !types.iter().any(|t| t == b"*" || t == b"email") {
                let shown = super::text::shown(value);
                report(
                    tag.value.clone(),
                    tr!(
                        lang,
                        "`s={shown}` does not include `email`, so the key does not apply to mail",
                        "`s={shown}` に `email` が含まれないため、この鍵はメールに適用されません"
                    ),
                    tr!(
                        lang,
                        "remove `s=`, or write `s=email`",
                        "`s=` を削除するか `s=email` と書いてください"
                    ),
                );
            }
        }
    }
}
