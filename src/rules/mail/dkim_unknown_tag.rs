//! ZG534 `dkim-unknown-tag`: a tag in a DKIM key record that verifiers ignore.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_UNKNOWN_TAG: Rule = Rule {
    code: "ZG534",
    name: "dkim-unknown-tag",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.6.1",
    summary: Text {
        en: r#"a tag in a DKIM key record that is not defined, which verifiers ignore"#,
        ja: r#"定義されておらず検証側が無視する DKIM 鍵レコードのタグ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports tags in DKIM key records other than `v`, `h`, `k`, `n`, `p`, `s` and `t` (and the retired `g`): misspellings, tags from the signature header (`a=`, `d=`, `b=`) pasted into the key record, or names in upper case (tag names are case-sensitive).

## Why is this bad?
Verifiers ignore unknown tags (RFC 6376 §3.6.1). Usually harmless, but a misspelt `p=` means the record has no key, and signature tags in a key record show that the wrong text was published.

## Example
```
selector1._domainkey IN TXT "v=DKIM1; K=rsa; p=MIIBIjANBgkq..."
```

## How to fix
Remove the tag, or write its defined name in lower case.
"#,
        ja: r#"## 内容
DKIM 鍵レコードのうち `v`, `h`, `k`, `n`, `p`, `s`, `t`（と廃止された `g`）以外のタグを報告します。綴り誤り、署名ヘッダーのタグ（`a=`, `d=`, `b=`）を鍵レコードに貼り付けたもの、大文字の名前（タグ名は大文字と小文字を区別します）などです。

## 問題点
検証側は不明なタグを無視します（RFC 6376 §3.6.1）。たいていは無害ですが、`p=` の綴り誤りならレコードに鍵がなく、署名のタグがあれば公開した文字列自体が間違っています。

## 例
```
selector1._domainkey IN TXT "v=DKIM1; K=rsa; p=MIIBIjANBgkq..."
```

## 修正方法
タグを削除するか、定義された名前を小文字で書いてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::dkim_records(cx) {
        for tag in &rec.tags.tags {
            let name = rec.bytes(tag.name.clone());
            if super::dkim::TAGS.iter().any(|k| k.as_bytes() == name) {
                continue;
            }
            let shown = rec.shown(tag.name.clone());
            let lower = shown.to_ascii_lowercase();
            let help = if super::dkim::TAGS.contains(&lower.as_str()) {
                tr!(
                    lang,
                    "tag names are case-sensitive: write `{lower}=`",
                    "タグ名は大文字と小文字を区別します。`{lower}=` と書いてください"
                )
            } else if ["a", "b", "bh", "c", "d", "i", "l", "q", "x", "z"].contains(&lower.as_str())
            {
                tr!(
                    lang,
                    "`{shown}=` belongs in a DKIM-Signature header, not in the key record; publish the key record the mail service gave",
                    "`{shown}=` は鍵レコードではなく DKIM-Signature ヘッダーのタグです。メールサービスから渡された鍵レコードを公開してください"
                )
            } else {
                tr!(
                    lang,
                    "remove it; the key record tags are v, h, k, n, p, s and t",
                    "削除してください。鍵レコードのタグは v, h, k, n, p, s, t です"
                )
            };
            em.emit(
                Diagnostic::new(
                    &DKIM_UNKNOWN_TAG,
                    rec.span(cx, tag.name.clone()),
                    tr!(
                        lang,
                        "unknown DKIM key tag `{shown}`; verifiers ignore it",
                        "不明な DKIM 鍵タグ `{shown}` です。検証側は無視します"
                    ),
                )
                .help(help),
            );
        }
    }
}
