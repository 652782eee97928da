//! ZG531 `dkim-invalid-public-key`: a DKIM `p=` that is not a key.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_INVALID_PUBLIC_KEY: Rule = Rule {
    code: "ZG531",
    name: "dkim-invalid-public-key",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.6.1, RFC 8463 §4.2",
    summary: Text {
        en: r#"a DKIM `p=` value that is not valid base64 or not a public key of the `k=` type"#,
        ja: r#"正しい base64 ではない、または `k=` の種類の公開鍵ではない DKIM の `p=`"#,
    },
    docs: Text {
        en: r#"## What it does
Decodes the `p=` value of DKIM key records (whitespace inside it is allowed) and reports values that are not base64, RSA keys that are not DER-encoded public keys, and Ed25519 keys that are not 32 octets. An empty `p=` is a revoked key, reported by ZG532.

## Why is this bad?
A key that cannot be decoded verifies nothing: every message signed with the selector fails DKIM (RFC 6376 §3.6.1). Keys get damaged when copied from a web page: a character lost at a line break, quotes or `\` pasted into the middle, or the PEM header `-----BEGIN PUBLIC KEY-----` included.

## Example
```
selector1._domainkey IN TXT "v=DKIM1; k=rsa; p=-----BEGIN PUBLIC KEY-----MIIBIjANBgkq..."
```

## How to fix
Copy the key again from the mail service, without PEM header and footer lines; split it into quoted strings of at most 255 characters if it is long.
"#,
        ja: r#"## 内容
DKIM 鍵レコードの `p=` の値を（途中の空白は許して）復号し、base64 でない値、DER 形式の公開鍵になっていない RSA 鍵、32 オクテットでない Ed25519 鍵を報告します。空の `p=` は失効した鍵で、ZG532 が報告します。

## 問題点
復号できない鍵では何も検証できず、そのセレクタで署名したメールはすべて DKIM に失敗します（RFC 6376 §3.6.1）。Web ページから写すときに鍵は壊れがちです。改行位置で文字が抜ける、引用符や `\` が途中に入る、PEM の見出し `-----BEGIN PUBLIC KEY-----` まで含めてしまう、などです。

## 例
```
selector1._domainkey IN TXT "v=DKIM1; k=rsa; p=-----BEGIN PUBLIC KEY-----MIIBIjANBgkq..."
```

## 修正方法
PEM の見出しと末尾の行を除いて、メールサービスから鍵を写し直してください。長い場合は 255 文字以下の引用符付き文字列に分けます。
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
        if value.is_empty() || tag.split_at.is_some() {
            continue;
        }
        let k = rec.get("k").map_or(&b"rsa"[..], |(_, v)| v);
        let span = rec.span(cx, tag.value.clone());
        let (message, help) = match super::dkim::decode_key(value) {
            None => {
                let pem = value.windows(5).any(|w| w == b"-----");
                let bad = value.iter().position(|b| {
                    !(b.is_ascii_alphanumeric() || b"+/=".contains(b) || b.is_ascii_whitespace())
                });
                let what = match bad {
                    Some(i) => super::text::shown(&value[i..(i + 1).min(value.len())]),
                    None => String::new(),
                };
                (
                    if what.is_empty() {
                        tr!(
                            lang,
                            "the DKIM public key is not valid base64 (its length or padding is wrong)",
                            "DKIM の公開鍵が正しい base64 ではありません（長さか末尾の `=` が不正です）"
                        )
                    } else {
                        tr!(
                            lang,
                            "the DKIM public key is not valid base64: it contains `{what}`",
                            "DKIM の公開鍵が正しい base64 ではありません: `{what}` が含まれています"
                        )
                    },
                    if pem {
                        tr!(
                            lang,
                            "leave out the `-----BEGIN PUBLIC KEY-----` and `-----END PUBLIC KEY-----` lines",
                            "`-----BEGIN PUBLIC KEY-----` と `-----END PUBLIC KEY-----` の行は含めないでください"
                        )
                    } else {
                        tr!(
                            lang,
                            "copy the key again from the mail service; a character was probably lost or added",
                            "メールサービスから鍵を写し直してください。文字が抜けたか余分に入った可能性があります"
                        )
                    },
                )
            }
            Some(key) if k.eq_ignore_ascii_case(b"ed25519") => {
                if key.len() == 32 {
                    continue;
                }
                let len = key.len();
                (
                    tr!(
                        lang,
                        "an Ed25519 DKIM key is 32 octets; this one is {len}",
                        "Ed25519 の DKIM 鍵は 32 オクテットですが、この鍵は {len} オクテットです"
                    ),
                    tr!(
                        lang,
                        "publish the raw 32-octet key in base64 (RFC 8463), not a DER structure",
                        "DER 構造ではなく、32 オクテットの鍵そのものを base64 で公開してください（RFC 8463）"
                    ),
                )
            }
            Some(key) if k.eq_ignore_ascii_case(b"rsa") => {
                if super::dkim::rsa_bits(&key).is_some() {
                    continue;
                }
                (
                    tr!(
                        lang,
                        "the DKIM public key decodes, but not to an RSA public key",
                        "DKIM の公開鍵は復号できますが、RSA の公開鍵になっていません"
                    ),
                    tr!(
                        lang,
                        "copy the key again from the mail service; it may be truncated, or be a private key or certificate",
                        "メールサービスから鍵を写し直してください。途中で切れているか、秘密鍵や証明書の可能性があります"
                    ),
                )
            }
            // An unknown `k=` is ZG533's.
            Some(_) => continue,
        };
        em.emit(Diagnostic::new(&DKIM_INVALID_PUBLIC_KEY, span, message).help(help));
    }
}
