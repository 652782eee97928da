//! ZG039 `windows-aging-stamp`: a Windows DNS `[AGING:nnnn]` stamp between owner and TTL.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static WINDOWS_AGING_STAMP: Rule = Rule {
    code: "ZG039",
    name: "windows-aging-stamp",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a Windows DNS `[AGING:nnnn]` stamp, which no other server reads, on a dynamically registered record"#,
        ja: r#"他のサーバーが読めない Windows DNS の `[AGING:nnnn]` 印が付いた動的登録レコード"#,
    },
    docs: Text {
        en: r#"## What it does
Finds the `[AGING:nnnn]` stamp that the Windows DNS server (Active Directory) writes between the owner and the TTL of records that clients registered dynamically, when a zone is exported from it. zonegate reads the record as if the stamp were not there, so the record itself is still checked and the stamp is the only finding on its line.

## Why is this bad?
The stamp is not part of the master-file format (RFC 1035 §5.1): BIND, Knot and NSD refuse the whole zone because of it. It also marks a record that a computer registered for itself — usually an internal host of the customer's Active Directory domain, which does not belong in public DNS and tells the internet the names and addresses of the office network.

## Example
```
@                       [AGING:3710745] 600 A 192.0.2.11
```

## How to fix
Check with the customer whether the record belongs in public DNS. Delete it if not; otherwise delete the `[AGING:…]` stamp.
"#,
        ja: r#"## 内容
Windows DNS サーバー（Active Directory）からエクスポートしたゾーンで、クライアントが動的に登録したレコードの所有者名と TTL の間に書かれる `[AGING:nnnn]` 印を見つけます。zonegate は印がないものとしてレコードを読むため、レコード自体も検査され、その行の指摘は印についてだけになります。

## 問題点
この印はマスターファイル形式（RFC 1035 §5.1）にはなく、BIND・Knot・NSD はこれがあるとゾーン全体を読み込みません。また、コンピューターが自分で登録したレコードの印で、通常はお客様の Active Directory ドメインの社内ホストです。公開 DNS に載せるものではなく、載せると社内ネットワークの名前とアドレスをインターネットに知らせることになります。

## 例
```
@                       [AGING:3710745] 600 A 192.0.2.11
```

## 修正方法
そのレコードを公開 DNS に載せるべきかお客様に確認してください。不要なら削除し、必要なら `[AGING:…]` の印を削除してください。
"#,
    },
    check: Check::Emitted,
};
