//! ZG532 `dkim-revoked-key`: a DKIM key record with an empty `p=`.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DKIM_REVOKED_KEY: Rule = Rule {
    code: "ZG532",
    name: "dkim-revoked-key",
    severity: Severity::Info,
    phase: Phase::Zone,
    rfc: "RFC 6376 §3.6.1",
    summary: Text {
        en: r#"a DKIM selector whose key is revoked (empty `p=`)"#,
        ja: r#"鍵が失効している（`p=` が空の）DKIM セレクタ"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DKIM key records whose `p=` is empty.

## Why is this bad?
An empty `p=` means the key has been revoked (RFC 6376 §3.6.1): signatures made with this selector fail. That is deliberate after a key rotation, so this is only information; it is worth a look when the selector is still in use.

## Example
```
oldkey._domainkey IN TXT "v=DKIM1; p="
```

## How to fix
Nothing, if the selector is retired. If mail is still signed with it, publish the current key from the mail service.
"#,
        ja: r#"## 内容
`p=` が空の DKIM 鍵レコードを報告します。

## 問題点
空の `p=` は鍵の失効を意味し（RFC 6376 §3.6.1）、このセレクタでの署名は失敗します。鍵を入れ替えた後の意図的な設定なので情報としての報告ですが、まだそのセレクタを使っている場合は確認が必要です。

## 例
```
oldkey._domainkey IN TXT "v=DKIM1; p="
```

## 修正方法
使わなくなったセレクタなら対応は不要です。まだそのセレクタで署名しているなら、メールサービスから現在の鍵を公開してください。
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
        if !value.is_empty() {
            continue;
        }
        let owner = cx.zone.owner(rec.record);
        em.emit(
            Diagnostic::new(
                &DKIM_REVOKED_KEY,
                rec.span(cx, tag.range.clone()),
                tr!(
                    lang,
                    "the DKIM key at `{owner}` is revoked (empty `p=`); signatures with this selector fail",
                    "`{owner}` の DKIM 鍵は失効しています（`p=` が空）。このセレクタの署名は失敗します"
                ),
            )
            .help(tr!(
                lang,
                "fine for a retired selector; if mail is still signed with it, publish the current key",
                "使わなくなったセレクタなら問題ありません。まだ署名に使っているなら現在の鍵を公開してください"
            )),
        );
    }
}
