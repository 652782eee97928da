//! ZG602 `caa-unknown-tag`: a CAA property tag no CA knows.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;
use crate::zone::rdata::view;

pub static CAA_UNKNOWN_TAG: Rule = Rule {
    code: "ZG602",
    name: "caa-unknown-tag",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 8659 §4.1, §4.2",
    summary: Text {
        en: r#"a CAA property tag that is not defined (non-critical, so CAs ignore it)"#,
        ja: r#"定義されていない CAA プロパティタグ（critical ではないので CA は無視する）"#,
    },
    docs: Text {
        en: r#"## What it does
Reports CAA records without the critical flag whose tag is not one of `issue`, `issuewild`, `iodef` (RFC 8659), `issuemail` (RFC 9495), `issuevmc`, `contactemail` and `contactphone` (CA/Browser Forum). Critical ones are ZG603.

## Why is this bad?
CAs ignore properties they do not know unless they are critical. A misspelt `issue` (`isue`, `issuer`) therefore restricts nothing: any CA may issue for the domain, which is what CAA was published to prevent.

## Example
```
@   IN CAA 0 issuer "letsencrypt.org"
```

## How to fix
Correct the tag: `@ IN CAA 0 issue "letsencrypt.org"`.
"#,
        ja: r#"## 内容
critical フラグのない CAA レコードのうち、タグが `issue`, `issuewild`, `iodef`（RFC 8659）、`issuemail`（RFC 9495）、`issuevmc`, `contactemail`, `contactphone`（CA/Browser Forum）以外のものを報告します。critical のものは ZG603 が報告します。

## 問題点
CA は critical でない未知のプロパティを無視します。綴りを誤った `issue`（`isue`, `issuer`）は何も制限せず、どの CA でも発行できてしまいます。CAA を公開した目的が果たされません。

## 例
```
@   IN CAA 0 issuer "letsencrypt.org"
```

## 修正方法
タグを正してください: `@ IN CAA 0 issue "letsencrypt.org"`
"#,
    },
    check: Check::Zone(check),
};

/// Property tags defined by RFC 8659, RFC 9495 and the CA/Browser Forum.
pub const KNOWN_TAGS: &[&str] = &[
    "issue",
    "issuewild",
    "iodef",
    "issuemail",
    "issuevmc",
    "contactemail",
    "contactphone",
];

/// The known tag `tag` stands for: exact without case, or a near miss.
pub fn judge_tag(tag: &[u8]) -> (bool, Option<&'static str>) {
    let text = String::from_utf8_lossy(tag).to_ascii_lowercase();
    if KNOWN_TAGS.contains(&text.as_str()) {
        return (true, None);
    }
    let guess = match text.as_str() {
        "issuer" | "issues" => Some("issue"),
        "wildcard" | "issue-wild" | "issue_wild" => Some("issuewild"),
        _ => crate::zone::customer::closest(&text, KNOWN_TAGS.iter().copied()),
    };
    (false, guess)
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for record in cx.records_of(RType::CAA) {
        let Some(caa) = view::caa(cx.zone.rdata(record)) else {
            continue;
        };
        if caa.flags & 0x80 != 0 {
            continue;
        }
        let (known, guess) = judge_tag(caa.tag);
        if known {
            continue;
        }
        let tag = crate::diag::escape_bytes(caa.tag);
        let help = match guess {
            Some(g) => tr!(lang, "did you mean `{g}`?", "`{g}` のことですか?"),
            None => tr!(
                lang,
                "the tags are issue, issuewild, iodef, issuemail, issuevmc, contactemail and contactphone",
                "タグは issue, issuewild, iodef, issuemail, issuevmc, contactemail, contactphone です"
            ),
        };
        em.emit(
            Diagnostic::new(
                &CAA_UNKNOWN_TAG,
                cx.rdata_field_span(record, 1),
                tr!(
                    lang,
                    "unknown CAA tag `{tag}`; CAs ignore it",
                    "不明な CAA タグ `{tag}` です。CA は無視します"
                ),
            )
            .help(help),
        );
    }
}
