//! ZG201 `missing-apex-ns`: the zone apex has no NS records.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::structure::apex_soa;
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::source::Span;
use crate::tr;
use crate::zone::RType;

pub static MISSING_APEX_NS: Rule = Rule {
    code: "ZG201",
    name: "missing-apex-ns",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1034 §4.2.1",
    summary: Text {
        en: r#"the zone apex has no NS records"#,
        ja: r#"ゾーン頂点に NS レコードがない"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a zone file with no NS record at its apex. A line that looked like an apex NS but failed to parse is reported by its own rule instead. Record tables (CSV, workbooks) are not expected to list the apex NS: the host sets its own.

## Why is this bad?
The apex NS records name the zone's authoritative servers (RFC 1034 §4.2.1); a zone without them is incomplete and BIND and Knot refuse to load it. Exports from control panels often leave them out because the old provider filled them in.

## Example
```
$ORIGIN example.jp.
@    IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
www  IN A   192.0.2.1
```

## How to fix
Add the zone's name servers at the apex, such as `@ IN NS ns1.example.net.` and `@ IN NS ns2.example.net.`. The host replaces them with its own at cutover; the file must still be a complete zone.
"#,
        ja: r#"## 内容
頂点に NS レコードがないゾーンファイルを報告します。頂点の NS のように見えて構文解析に失敗した行は、その行のルールで報告されます。レコード表（CSV、ブック）は頂点の NS を記載しなくてもかまいません（ホスティング事業者が設定します）。

## 問題点
頂点の NS レコードはゾーンの権威サーバーを示します（RFC 1034 §4.2.1）。ないとゾーンは不完全で、BIND と Knot は読み込みを拒否します。旧事業者が自動で設定していたため、コントロールパネルからのエクスポートでは欠落しがちです。

## 例
```
$ORIGIN example.jp.
@    IN SOA ns1.example.jp. hostmaster.example.jp. 2024010101 7200 900 1209600 3600
www  IN A   192.0.2.1
```

## 修正方法
頂点にゾーンのネームサーバーを追加してください（例: `@ IN NS ns1.example.net.` と `@ IN NS ns2.example.net.`）。切替時にホスティング事業者のものに置き換えられますが、ファイルは完全なゾーンである必要があります。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let apex = crate::rules::structure::apex_id(cx);
    if apex.is_some_and(|a| cx.index.has(cx.zone, a, RType::NS))
        || cx.tree().failed_could_be(apex, RType::NS)
        || crate::rules::structure::apex_not_expected(cx, em)
        // A file for another domain than the one applied for (ZG702) has its NS at its own apex.
        || crate::rules::policy::foreign_zone(cx).is_some()
    {
        return;
    }
    let span = match apex_soa(cx) {
        Some((soa, _)) => cx.owner_span(soa),
        None => cx
            .zone
            .records
            .iter()
            .filter(|r| r.span.file == cx.file)
            .min_by_key(|r| r.span.start)
            .map_or(Span::new(cx.file, 0, 0), |r| cx.owner_span(r)),
    };
    let name = show(cx.zone.apex());
    let lang = cx.lang;
    let message = if cx.zone.origin_source == crate::zone::OriginSource::None {
        tr!(
            lang,
            "the zone apex has no NS records",
            "ゾーン頂点に NS レコードがありません"
        )
    } else {
        tr!(
            lang,
            "the zone apex `{name}` has no NS records",
            "ゾーン頂点 `{name}` に NS レコードがありません"
        )
    };
    em.emit(
        Diagnostic::new(&MISSING_APEX_NS, span, message)
        .help(tr!(
            lang,
            "add the zone's name servers at the apex, such as `@ IN NS ns1.example.net.` and `@ IN NS ns2.example.net.`",
            "頂点にゾーンのネームサーバーを追加してください（例: `@ IN NS ns1.example.net.` と `@ IN NS ns2.example.net.`）"
        )),
    );
}
