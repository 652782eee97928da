//! ZG603 `caa-unknown-critical-tag`: a critical CAA property no CA knows, which blocks issuance.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static CAA_UNKNOWN_CRITICAL_TAG: Rule = Rule {
    code: "ZG603",
    name: "caa-unknown-critical-tag",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 8659 §4.1, §5.4",
    summary: Text {
        en: r#"a CAA record with the critical flag and an undefined tag, which forbids all issuance"#,
        ja: r#"critical フラグ付きで未定義のタグを持ち、すべての発行を禁じる CAA レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports CAA records with the issuer critical flag (`128`) whose tag is not a defined property.

## Why is this bad?
A CA that finds a critical property it does not understand MUST NOT issue (RFC 8659 §4.1, §5.4). An unknown or misspelt critical tag therefore stops every CA from issuing certificates for the name and everything below it, and renewals fail — often noticed only when a certificate expires.

## Example
```
@   IN CAA 128 isue "letsencrypt.org"
```

## How to fix
Correct the tag (`issue`), or clear the flag (`0`) if the property is optional: `@ IN CAA 0 issue "letsencrypt.org"`.
"#,
        ja: r#"## 内容
issuer critical フラグ（`128`）付きで、タグが定義済みのプロパティではない CAA レコードを報告します。

## 問題点
理解できない critical プロパティを見つけた CA は発行してはなりません（RFC 8659 §4.1, §5.4）。未知のタグや綴りを誤ったタグが critical だと、その名前と配下のすべてについてどの CA も証明書を発行できず、更新も失敗します。証明書が切れて初めて気づくことが多い誤りです。

## 例
```
@   IN CAA 128 isue "letsencrypt.org"
```

## 修正方法
タグを正す（`issue`）か、任意のプロパティならフラグを `0` にしてください: `@ IN CAA 0 issue "letsencrypt.org"`
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
        if caa.flags & 0x80 == 0 {
            continue;
        }
        let (known, guess) = super::caa_unknown_tag::judge_tag(caa.tag);
        if known {
            continue;
        }
        let tag = crate::diag::escape_bytes(caa.tag);
        let help = match guess {
            Some(g) => tr!(
                lang,
                "did you mean `{g}`? otherwise clear the critical flag (write `0`)",
                "`{g}` のことですか? そうでなければ critical フラグを外してください（`0`）"
            ),
            None => tr!(
                lang,
                "use a defined tag, or clear the critical flag (write `0`)",
                "定義済みのタグを使うか、critical フラグを外してください（`0`）"
            ),
        };
        em.emit(
            Diagnostic::new(
                &CAA_UNKNOWN_CRITICAL_TAG,
                cx.rdata_field_span(record, 1),
                tr!(
                    lang,
                    "critical CAA tag `{tag}` is unknown, so no CA may issue certificates for this name",
                    "critical な CAA タグ `{tag}` は未知のため、どの CA もこの名前の証明書を発行できません"
                ),
            )
            .label(
                cx.rdata_field_span(record, 0),
                tr!(lang, "critical flag", "critical フラグ"),
            )
            .help(help),
        );
    }
}
