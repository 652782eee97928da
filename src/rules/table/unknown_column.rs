//! ZG061 `unknown-column`: a column of a record table whose heading is not understood, so it is not read.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static UNKNOWN_COLUMN: Rule = Rule {
    code: "ZG061",
    name: "unknown-column",
    severity: Severity::Warning,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §5 (record tables)",
    summary: Text {
        en: r#"a column of a record table whose heading is not understood, so it is not read"#,
        ja: r#"見出しを認識できず読み込まない、レコード表の列"#,
    },
    docs: Text {
        en: r#"## What it does
Reports a heading of the header row that zonegate does not recognise. Recognised headings, after ignoring case, full-width forms, spaces and notes in brackets (`TTL(秒)`, `ホスト名（サブドメイン）`):

- host: name, host, hostname, owner, ホスト名, ホスト, 名前, サブドメイン, レコード名, ドメイン名
- type: type, record type, タイプ, 種別, 種類, レコード種別, レコードタイプ, `Aレコード` in cells
- TTL: ttl, TTL(秒), TTL値
- priority: priority, preference, distance, 優先度, 優先順位, MX優先度, プライオリティ
- weight and port (SRV): weight, 重み, ウェイト; port, ポート
- value: value, data, content, target, address, 値, データ, 内容, 設定値, レコード値, 宛先
- ignored on purpose: No., #, 番号, 項番, class, クラス, 備考, メモ, コメント, 説明, 用途, remarks, note, comment, description

## Why is this bad?
A column that is not read may hold something the customer expects to be loaded, such as a second value column or a priority under an unusual name.

## Example
```
ホスト名,タイプ,値,重要度
www,A,192.0.2.1,高
```

## How to fix
Rename the column to one of the headings above, or to 備考 (remarks) if it is only a note.
"#,
        ja: r#"## 内容
見出し行のうち、zonegate が認識できない見出しを報告します。大文字小文字、全角、空白、括弧内の注記（`TTL(秒)`、`ホスト名（サブドメイン）`）を無視して、次の見出しを認識します。

- ホスト名: name, host, hostname, owner, ホスト名, ホスト, 名前, サブドメイン, レコード名, ドメイン名
- タイプ: type, record type, タイプ, 種別, 種類, レコード種別, レコードタイプ（セルの `Aレコード` も可）
- TTL: ttl, TTL(秒), TTL値
- 優先度: priority, preference, distance, 優先度, 優先順位, MX優先度, プライオリティ
- 重みとポート（SRV）: weight, 重み, ウェイト; port, ポート
- 値: value, data, content, target, address, 値, データ, 内容, 設定値, レコード値, 宛先
- 意図して読まない列: No., #, 番号, 項番, class, クラス, 備考, メモ, コメント, 説明, 用途, remarks, note, comment, description

## 問題点
読み込まない列に、お客様が登録を期待する内容（2 つ目の値の列や、別名の優先度など）が入っている可能性があります。

## 例
```
ホスト名,タイプ,値,重要度
www,A,192.0.2.1,高
```

## 修正方法
列名を上の見出しのいずれかに変えるか、メモだけなら「備考」にしてください。
"#,
    },
    check: Check::Emitted,
};
