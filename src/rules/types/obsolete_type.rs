//! ZG612 `obsolete-type`: a record type that is obsolete or experimental.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static OBSOLETE_TYPE: Rule = Rule {
    code: "ZG612",
    name: "obsolete-type",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 3597 §4; IANA DNS parameters",
    summary: Text {
        en: r#"a record of an obsolete or experimental type"#,
        ja: r#"廃止または実験的なタイプのレコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports records whose type IANA lists as obsolete or experimental: MD, MF, MB, MG, MR, NULL, WKS, MINFO, X25, ISDN, RT, NSAP, NSAP-PTR, SIG, KEY, PX, GPOS, NXT, A6, DLV and the like. (The SPF type is ZG511's.)

## Why is this bad?
Nothing on today's Internet uses these types: mail stopped using MB/MG/MR decades ago, A6 was withdrawn for AAAA (RFC 6563), SIG/KEY/NXT were replaced by DNSSEC's RRSIG/DNSKEY/NSEC, DLV was shut down (RFC 8749). Many DNS hosts cannot serve them, and a record that was copied along from an old panel does nothing but fail at load time on the new host.

## Example
```
@   IN WKS 192.0.2.1 TCP smtp http
```

## How to fix
Remove the record, or replace it with its modern form (A6 → AAAA, SIG/KEY → the new host's DNSSEC).
"#,
        ja: r#"## 内容
IANA が廃止または実験的としているタイプのレコードを報告します。MD, MF, MB, MG, MR, NULL, WKS, MINFO, X25, ISDN, RT, NSAP, NSAP-PTR, SIG, KEY, PX, GPOS, NXT, A6, DLV などです（SPF タイプは ZG511 が扱います）。

## 問題点
これらのタイプは今のインターネットでは使われていません。MB・MG・MR はメールで使われなくなって久しく、A6 は AAAA のために撤回され（RFC 6563）、SIG・KEY・NXT は DNSSEC の RRSIG・DNSKEY・NSEC に置き換えられ、DLV は運用を終えました（RFC 8749）。多くの DNS 事業者は配信できず、古いパネルから写されただけのレコードは新しい事業者での読み込み時に失敗する以外に何もしません。

## 例
```
@   IN WKS 192.0.2.1 TCP smtp http
```

## 修正方法
レコードを削除するか、現在の形に置き換えてください（A6 → AAAA、SIG・KEY → 新しい事業者の DNSSEC）。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    let obsolete = |t: RType| t != RType::SPF && t.info().is_some_and(|i| i.obsolete);
    for i in cx.index.of_types(cx.zone, obsolete) {
        let record = &cx.zone.records[i as usize];
        let Some(info) = record.rtype.info() else {
            continue;
        };
        let name = info.name;
        let rfc = info.rfc;
        em.emit(
            Diagnostic::new(
                &OBSOLETE_TYPE,
                cx.type_span(record),
                tr!(
                    lang,
                    "`{name}` ({rfc}) is an obsolete record type that nothing uses today",
                    "`{name}`（{rfc}）は現在使われていない廃止済みのレコードタイプです"
                ),
            )
            .help(tr!(
                lang,
                "remove the record, or replace it with its modern equivalent",
                "レコードを削除するか、現在の同等のものに置き換えてください"
            )),
        );
    }
}
