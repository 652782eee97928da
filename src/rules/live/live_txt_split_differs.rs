//! ZG813 `live-txt-split-differs`: a TXT set matches the live data but is split into strings differently.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static LIVE_TXT_SPLIT_DIFFERS: Rule = Rule {
    code: "ZG813",
    name: "live-txt-split-differs",
    severity: Severity::Info,
    phase: Phase::Live,
    rfc: "RFC 1035 §3.3.14, RFC 7208 §3.3",
    summary: Text {
        en: r#"a TXT set matches the live data but is split into strings differently"#,
        ja: r#"TXT データは現在の値と同じだが文字列の分割が異なる"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a TXT (or SPF) RRset whose values equal the ones served today once each record's strings are joined, but whose division into `<character-string>`s differs.

## Why is this bad?
SPF, DKIM and DMARC readers join the strings, so the meaning is the same; a few applications read the strings separately. The difference usually comes from an editor or a control panel that splits long values at another length.

## Example
```
`selector1._domainkey.example.co.jp. TXT` splits its strings differently from what 192.0.2.53 (ns1.old-dns.jp.) serves
```

## How to fix
Nothing to do for SPF, DKIM or DMARC. If an application reads the strings one by one, submit them split as they are today.
"#,
        ja: r#"## 内容
各レコードの文字列を連結すると現在の値と一致するが、`<character-string>` への分割が異なる TXT（または SPF）RRset を報告します。

## 問題点
SPF・DKIM・DMARC の読み手は文字列を連結するため意味は同じです。ただし、文字列を個別に読むアプリケーションもあります。この違いは通常、長い値を別の長さで分割するエディターやコントロールパネルから生じます。

## 例
```
`selector1._domainkey.example.co.jp. TXT` splits its strings differently from what 192.0.2.53 (ns1.old-dns.jp.) serves
```

## 修正方法
SPF・DKIM・DMARC なら対応は不要です。文字列を個別に読むアプリケーションがあれば、現在と同じ分割で申請してください。
"#,
    },
    check: Check::Emitted,
};
