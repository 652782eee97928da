//! ZG611 `dnssec-records-present`: DNSSEC records left in a submitted zone.

use crate::diag::{Diagnostic, Emitter, Lang, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::RType;

pub static DNSSEC_RECORDS_PRESENT: Rule = Rule {
    code: "ZG611",
    name: "dnssec-records-present",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 4035 §2; RFC 6781 §4.3.5; RFC 8078",
    summary: Text {
        en: r#"old DNSSEC material (DNSKEY, RRSIG, NSEC, NSEC3, NSEC3PARAM, CDS, CDNSKEY, ZONEMD) in a submitted zone"#,
        ja: r#"提出されたゾーンにある DNSKEY・RRSIG・NSEC・NSEC3・NSEC3PARAM・CDS・CDNSKEY・ZONEMD レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Reports DNSSEC material in the submitted zone, once per type with the number of records: keys (DNSKEY), signatures (RRSIG), denial-of-existence chains (NSEC, NSEC3, NSEC3PARAM), the child's DS signals to the parent (CDS, CDNSKEY), and zone digests (ZONEMD).

## Why is this bad?
These records are made by the old host's signer with the old host's keys. The new host signs the zone itself (or serves it unsigned), so loaded as data they are wrong from the first change: signatures expire, NSEC chains stop matching the names, a ZONEMD digest no longer matches. CDS/CDNSKEY are worse: a parent that automates DS updates (RFC 8078) could install the old keys. Above all, they show the domain is signed today: the DS at the parent must be removed, or replaced with the new host's, before the NS switch (RFC 6781 §4.3.5), or validating resolvers will reject every answer.

## Example
```
@   IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==
```

## How to fix
Submit the unsigned zone (BIND: the file before `dnssec-signzone`; or `ldns-read-zone -s`). Ask the customer whether DNSSEC is on at the registrar, and plan the DS removal or replacement before the NS change.
"#,
        ja: r#"## 内容
提出されたゾーンにある DNSSEC 関連のレコードを、タイプごとに件数を添えて 1 回ずつ報告します。鍵（DNSKEY）、署名（RRSIG）、不在証明の連鎖（NSEC, NSEC3, NSEC3PARAM）、子から親への DS 通知（CDS, CDNSKEY）、ゾーンダイジェスト（ZONEMD）です。

## 問題点
これらは旧事業者の署名システムが旧事業者の鍵で作ったものです。新しい事業者はゾーンを自分で署名する（または署名せずに配信する）ため、データとして取り込むと最初の変更から誤りになります。署名は期限切れになり、NSEC の連鎖は名前と合わなくなり、ZONEMD のダイジェストも一致しなくなります。CDS・CDNSKEY はさらに危険で、DS 更新を自動化している親（RFC 8078）が旧事業者の鍵を登録するおそれがあります。何より、ドメインが現在署名されていることを示しています。NS を切り替える前に、親の DS を削除するか新しい事業者のものに置き換えないと（RFC 6781 §4.3.5）、検証するリゾルバはすべての応答を拒否します。

## 例
```
@   IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==
```

## 修正方法
署名前のゾーンを提出してもらってください（BIND なら `dnssec-signzone` にかける前のファイル、または `ldns-read-zone -s` の出力）。レジストラで DNSSEC が有効かをお客様に確認し、NS 変更の前に DS の削除か置き換えを計画してください。
"#,
    },
    check: Check::Zone(check),
};

const TYPES: [RType; 8] = [
    RType::DNSKEY,
    RType::RRSIG,
    RType::NSEC,
    RType::NSEC3,
    RType::NSEC3PARAM,
    RType::CDS,
    RType::CDNSKEY,
    RType::ZONEMD,
];

fn help(rtype: RType, lang: Lang) -> String {
    match rtype {
        RType::DNSKEY => tr!(
            lang,
            "the zone is signed by the old host: remove the keys, and have the DS at the parent removed or replaced before the NS switch",
            "ゾーンは旧事業者が署名しています。鍵を削除し、NS を切り替える前に親の DS を削除するか置き換えてください"
        ),
        RType::CDS | RType::CDNSKEY => tr!(
            lang,
            "remove them: a parent that automates DS updates (RFC 8078) could install the old host's keys",
            "削除してください。DS 更新を自動化している親（RFC 8078）が旧事業者の鍵を登録するおそれがあります"
        ),
        RType::ZONEMD => tr!(
            lang,
            "remove it: the digest stops matching as soon as the host changes the SOA or NS",
            "削除してください。事業者が SOA や NS を変えた時点でダイジェストは一致しなくなります"
        ),
        _ => tr!(
            lang,
            "submit the unsigned zone; the new host signs with its own keys, and the DS at the parent must be handled before the NS switch",
            "署名前のゾーンを提出してください。新しい事業者は自分の鍵で署名し、親の DS は NS 切替前に対処が必要です"
        ),
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rtype in TYPES {
        // The first record in file order, and how many there are.
        let of_type = cx.index.of_type(cx.zone, rtype);
        let Some(&first) = of_type.first() else {
            continue;
        };
        let record = &cx.zone.records[first as usize];
        let n = of_type.len();
        let message = if n == 1 {
            tr!(
                lang,
                "a {rtype} record from the old host's DNSSEC signing; the new host signs with its own keys",
                "旧事業者の DNSSEC 署名による {rtype} レコードがあります。新しい事業者は自分の鍵で署名します"
            )
        } else {
            tr!(
                lang,
                "{n} {rtype} records from the old host's DNSSEC signing; the new host signs with its own keys",
                "旧事業者の DNSSEC 署名による {rtype} レコードが {n} 件あります。新しい事業者は自分の鍵で署名します"
            )
        };
        em.emit(
            Diagnostic::new(&DNSSEC_RECORDS_PRESENT, cx.type_span(record), message)
                .help(help(rtype, lang)),
        );
    }
}
