//! ZG530 `dkim-syntax-error`: a DKIM key record that is not a valid tag list, lacks `p=`, or
//! does not start with its `v=`.

use super::taglist::TagFault;
use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_SYNTAX_ERROR: Rule = Rule {
    code: "ZG530",
    name: "dkim-syntax-error",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.2, §3.6.1",
    summary: Text {
        en: r#"a DKIM key record that is not a valid tag list, has no `p=`, or has `v=` not first"#,
        ja: r#"タグ並びが不正、`p=` がない、または `v=` が先頭にない DKIM 鍵レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Checks TXT records at `selector._domainkey` names: the text must be a `tag=value` list separated by `;` with each tag once, it must have the public key tag `p=`, and `v=DKIM1`, when present, must be the first tag.

## Why is this bad?
Verifiers that cannot parse a key record, or find a tag twice, discard it (RFC 6376 §3.2); a record without `p=` has no key; and a record whose `v=` is not first MUST be discarded (§3.6.1). Every message signed with this selector then fails DKIM, which with a DMARC policy of `quarantine` or `reject` sends the customer's mail to spam or back.

## Example
```
selector1._domainkey IN TXT "k=rsa; v=DKIM1; MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA..."
```

## How to fix
Publish the record exactly as the mail service gave it: `"v=DKIM1; k=rsa; p=MIIBIjANBgkq..."`, with `v=DKIM1` first and the key after `p=`.
"#,
        ja: r#"## 内容
`selector._domainkey` の名前にある TXT レコードを検査します。文字列は `;` で区切った `tag=value` の並びで、各タグは 1 回だけ、公開鍵のタグ `p=` が必須で、`v=DKIM1` を書く場合は最初のタグでなければなりません。

## 問題点
検証側は解釈できない鍵レコードや同じタグが 2 回ある鍵レコードを捨てます（RFC 6376 §3.2）。`p=` のないレコードには鍵がなく、`v=` が最初にないレコードは捨てなければならないと定められています（§3.6.1）。このセレクタで署名したメールはすべて DKIM に失敗し、DMARC ポリシーが `quarantine` や `reject` なら迷惑メール扱いや差し戻しになります。

## 例
```
selector1._domainkey IN TXT "k=rsa; v=DKIM1; MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA..."
```

## 修正方法
メールサービスから渡されたとおりに公開してください: `"v=DKIM1; k=rsa; p=MIIBIjANBgkq..."`。`v=DKIM1` を最初に、鍵は `p=` の後に書きます。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::dkim_records(cx) {
        for fault in &rec.tags.faults {
            let (message, help) =
                super::dmarc_syntax_error::describe(lang, fault, &rec.joined.text, "DKIM");
            let mut d = Diagnostic::new(&DKIM_SYNTAX_ERROR, rec.span(cx, fault.range()), message)
                .help(help);
            if let TagFault::Duplicate { first, .. } = fault {
                d = d.label(
                    rec.span(cx, first.clone()),
                    tr!(lang, "first one here", "最初の指定"),
                );
            }
            em.emit(d);
        }
        if let Some(pos) = rec
            .tags
            .tags
            .iter()
            .position(|t| rec.bytes(t.name.clone()) == b"v")
            && pos > 0
        {
            let v = &rec.tags.tags[pos];
            em.emit(
                Diagnostic::new(
                    &DKIM_SYNTAX_ERROR,
                    rec.span(cx, v.range.clone()),
                    tr!(
                        lang,
                        "`v=` must be the first tag of a DKIM key record; verifiers discard this record",
                        "`v=` は DKIM 鍵レコードの最初のタグでなければなりません。検証側はこのレコードを捨てます"
                    ),
                )
                .help(tr!(
                    lang,
                    "move `v=DKIM1;` to the start",
                    "`v=DKIM1;` を先頭に移してください"
                )),
            );
        }
        if rec.get("p").is_none() {
            // A bare base64 blob where `p=` was forgotten shows up as a tag-list fault too;
            // this finding names the consequence.
            em.emit(
                Diagnostic::new(
                    &DKIM_SYNTAX_ERROR,
                    super::text::data_span(cx, rec.record),
                    tr!(
                        lang,
                        "this DKIM key record has no `p=` public key",
                        "この DKIM 鍵レコードには `p=` の公開鍵がありません"
                    ),
                )
                .help(tr!(
                    lang,
                    "write the key after `p=`: \"v=DKIM1; k=rsa; p=MIIB...\"",
                    "鍵は `p=` の後に書いてください: \"v=DKIM1; k=rsa; p=MIIB...\""
                )),
            );
        }
    }
}
