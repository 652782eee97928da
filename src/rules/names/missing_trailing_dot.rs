//! ZG412 `missing-trailing-dot`: a target outside the zone written without its trailing dot
//! (`lb.webhost.com` → `lb.webhost.com.example.co.jp.`).

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::suffixes::Provider;
use crate::rules::target::{Why, missing_dots_in_targets};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static MISSING_TRAILING_DOT: Rule = Rule {
    code: "ZG412",
    name: "missing-trailing-dot",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a target in another domain written without its trailing dot, so the origin is appended"#,
        ja: r#"他ドメインの指す先が末尾のドットなしで書かれ、オリジンが付加される"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a CNAME, MX, NS, SRV, PTR or DNAME target written without a trailing dot when it clearly names another domain: it ends in a top-level domain (`.com`, `.jp`, every two-letter country code, common generic TLDs), a Japanese second-level domain (`co.jp`, `ne.jp`, ...), or a well-known mail, CDN or hosting provider (`outlook.com`, `cloudfront.net`, `azurewebsites.net`, ...), and the name it became does not exist in the zone. The help shows the corrected name.

## Why is this bad?
A name without a final dot is relative, so the origin is appended (RFC 1035 §5.1): in the zone `example.co.jp.`, `lb.webhost.com` means `lb.webhost.com.example.co.jp.`, a name that does not exist. The zone loads without complaint, and the web site or mail that the record was for breaks at cutover. It is the most common error in hand-written zone files, and no server warns about it.

## Example
```
$ORIGIN example.co.jp.
www  IN CNAME  lb.webhost.com
@    IN MX     0 example-co-jp.mail.protection.outlook.com
```

## How to fix
Add the trailing dot: `lb.webhost.com.`, `example-co-jp.mail.protection.outlook.com.`.
"#,
        ja: r#"## 内容
CNAME・MX・NS・SRV・PTR・DNAME の指す先が末尾のドットなしで書かれ、明らかに別のドメインを指しているものを報告します。トップレベルドメイン（`.com`、`.jp`、すべての 2 文字の国別コード、主な分野別 TLD）、日本の第 2 レベルドメイン（`co.jp`、`ne.jp` など）、よく知られたメール・CDN・ホスティング事業者（`outlook.com`、`cloudfront.net`、`azurewebsites.net` など）で終わり、付加後の名前がゾーン内に存在しない場合です。ヘルプに修正後の名前を示します。

## 問題点
末尾にドットのない名前は相対名で、オリジンが付加されます（RFC 1035 §5.1）。ゾーン `example.co.jp.` では `lb.webhost.com` は存在しない名前 `lb.webhost.com.example.co.jp.` を意味します。ゾーンは問題なく読み込まれ、そのレコードが支えていた Web サイトやメールが切替時に壊れます。手書きのゾーンファイルで最も多い誤りで、どのサーバーも警告しません。

## 例
```
$ORIGIN example.co.jp.
www  IN CNAME  lb.webhost.com
@    IN MX     0 example-co-jp.mail.protection.outlook.com
```

## 修正方法
末尾にドットを付けてください: `lb.webhost.com.`、`example-co-jp.mail.protection.outlook.com.`。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for (_, m) in missing_dots_in_targets(cx) {
        let why = match &m.why {
            Why::OriginRepeated { .. } => continue,
            Why::Tld(t) => tr!(
                lang,
                "it ends in `.{t}`, a top-level domain",
                "`.{t}` というトップレベルドメインで終わっています"
            ),
            Why::Provider(d, Provider::Mail) => tr!(
                lang,
                "`{d}` is a mail provider's domain",
                "`{d}` はメール事業者のドメインです"
            ),
            Why::Provider(d, Provider::Cdn) => tr!(
                lang,
                "`{d}` is a CDN's domain",
                "`{d}` は CDN 事業者のドメインです"
            ),
            Why::Provider(d, Provider::Service) => tr!(
                lang,
                "`{d}` is a well-known online service's domain",
                "`{d}` はよく知られたオンラインサービスのドメインです"
            ),
            Why::Provider(d, Provider::Hosting) => tr!(
                lang,
                "`{d}` is a hosting provider's domain",
                "`{d}` はホスティング事業者のドメインです"
            ),
        };
        let (written, expanded, corrected) = (&m.written, &m.expanded, &m.corrected);
        em.emit(
            Diagnostic::new(
                &MISSING_TRAILING_DOT,
                m.span,
                tr!(
                    lang,
                    "`{written}` has no trailing dot, so it means `{expanded}`",
                    "`{written}` の末尾にドットがないため、`{expanded}` を意味します"
                ),
            )
            .help(tr!(
                lang,
                "{why}, so this must be `{corrected}`, with the final dot",
                "{why}。末尾にドットを付けて `{corrected}` と書いてください"
            )),
        );
    }
}
