//! ZG046 `name-too-long`: a name longer than 255 octets.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static NAME_TOO_LONG: Rule = Rule {
    code: "ZG046",
    name: "name-too-long",
    severity: Severity::Error,
    phase: Phase::Syntax,
    rfc: "RFC 1035 §2.3.4",
    summary: Text {
        en: r#"a name longer than 255 octets"#,
        ja: r#"255 オクテットを超える名前"#,
    },
    docs: Text {
        en: r#"## What it does
Reports names longer than 255 octets in wire form, including names that become too long when the origin is appended to them.

## Why is this bad?
The name cannot be encoded; the record is refused.

## Example
```
label00.label01.label02.label03.label04.label05.label06.label07.label08.label09.label10.label11.labe...
```

## How to fix
Shorten the name. If the origin was appended by mistake, end the name with `.`.
"#,
        ja: r#"## 内容
ワイヤ形式で 255 オクテットを超える名前を報告します。オリジンを付加した結果長すぎる名前も含みます。

## 問題点
名前を符号化できず、レコードは拒否されます。

## 例
```
label00.label01.label02.label03.label04.label05.label06.label07.label08.label09.label10.label11.labe...
```

## 修正方法
名前を短くしてください。誤ってオリジンが付加されたのなら、名前の最後に `.` を付けてください。
"#,
    },
    check: Check::Emitted,
};
