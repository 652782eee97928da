//! ZG101 `missing-soa`: the zone has no SOA record.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::source::Span;
use crate::tr;
use crate::zone::RType;

pub static MISSING_SOA: Rule = Rule {
    code: "ZG101",
    name: "missing-soa",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.2",
    summary: Text {
        en: r#"the zone has no SOA record"#,
        ja: r#"ゾーンに SOA レコードがない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a zone file that has no SOA record anywhere. A line that looked like an SOA but failed to parse is reported by its own rule instead. Record tables (CSV, workbooks) list the customer's records only and are not expected to have one: the host makes the SOA.

## Why is this bad?
Every zone has exactly one SOA record at its apex (RFC 1035 §5.2). Without it no DNS server loads the zone: BIND, Knot and NSD all refuse it. It is often missing when the customer exported only "their records" from a control panel.

## Example
```
$ORIGIN example.jp.
@    IN NS  ns1.example.net.
www  IN A   192.0.2.1
```

## How to fix
Add an SOA at the apex, for example `@ IN SOA ns1.example.net. hostmaster.example.jp. 2024010101 7200 900 1209600 3600`. The host may replace it with its own at cutover, but the file must be a complete zone.
"#,
        ja: r#"## 内容
SOA レコードがどこにもないゾーンファイルを報告します。SOA のように見えて構文解析に失敗した行は、その行のルールで報告されます。レコード表（CSV、ブック）はお客様のレコードだけを記載するもので、SOA はホスティング事業者が作成するため対象外です。

## 問題点
すべてのゾーンは頂点にちょうど 1 つの SOA レコードを持ちます（RFC 1035 §5.2）。SOA がないと BIND、Knot、NSD のいずれもゾーンを読み込みません。コントロールパネルから「自分のレコード」だけをエクスポートした場合によく欠落します。

## 例
```
$ORIGIN example.jp.
@    IN NS  ns1.example.net.
www  IN A   192.0.2.1
```

## 修正方法
頂点に SOA を追加してください。例: `@ IN SOA ns1.example.net. hostmaster.example.jp. 2024010101 7200 900 1209600 3600`。切替時にホスティング事業者の SOA に置き換えられる場合でも、ファイルは完全なゾーンである必要があります。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let zone = cx.zone;
    if zone.records.iter().any(|r| r.rtype == RType::SOA)
        || cx.tree().failed_could_be(super::apex_id(cx), RType::SOA)
        || super::apex_not_expected(cx, em)
    {
        return;
    }
    // Point at where the SOA belongs: the first record of the file.
    let span = zone
        .records
        .iter()
        .filter(|r| r.span.file == cx.file)
        .min_by_key(|r| r.span.start)
        .map_or(Span::new(cx.file, 0, 0), |r| cx.owner_span(r));
    let apex = show(zone.apex());
    let lang = cx.lang;
    let message = if zone.origin_source == crate::zone::OriginSource::None {
        tr!(
            lang,
            "the zone has no SOA record",
            "ゾーンに SOA レコードがありません"
        )
    } else {
        tr!(
            lang,
            "the zone `{apex}` has no SOA record",
            "ゾーン `{apex}` に SOA レコードがありません"
        )
    };
    em.emit(
        Diagnostic::new(&MISSING_SOA, span, message)
        .help(tr!(
            lang,
            "add one at the apex, such as `@ IN SOA ns1.example.net. hostmaster.{apex} 2024010101 7200 900 1209600 3600`; no DNS server loads a zone without it",
            "頂点に追加してください。例: `@ IN SOA ns1.example.net. hostmaster.{apex} 2024010101 7200 900 1209600 3600`。SOA のないゾーンはどの DNS サーバーも読み込みません"
        )),
    );
}
