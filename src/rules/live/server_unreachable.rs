//! ZG801 `server-unreachable`: a current name server does not answer over UDP or TCP.

use crate::diag::Severity;
use crate::rules::{Check, Phase, Rule, Text};

pub static SERVER_UNREACHABLE: Rule = Rule {
    code: "ZG801",
    name: "server-unreachable",
    severity: Severity::Warning,
    phase: Phase::Live,
    rfc: "RFC 1035 §4.2, RFC 7766 §5",
    summary: Text {
        en: r#"a current name server does not answer over UDP or TCP"#,
        ja: r#"現在のネームサーバーが UDP または TCP で応答しない"#,
    },
    docs: Text {
        en: r#"## What it does
Sends the zone's SOA query, with RD=0, to every address of every current name server (from the delegation, the zone's own NS set, or `--authoritative`), once over UDP and once over TCP, and reports an address that does not answer on one transport or both after the configured timeout and retries.

## Why is this bad?
A server that does not answer makes resolvers wait and retry, and the comparison with the current content may miss what only that server serves. A server that answers over UDP but not TCP breaks every answer too large for UDP: RFC 7766 makes TCP mandatory.

## Example
```
192.0.2.53 (ns1.old-dns.jp.) does not answer over UDP or TCP: no answer within 2s after 3 attempts
```

## How to fix
Ask the current host to fix or remove the server. Check the address in the delegation at the registrar. If the address is right and the server is down for maintenance, run the check again later.
"#,
        ja: r#"## 内容
現在のネームサーバー（親の委任、ゾーン自身の NS、または `--authoritative` で指定したもの）のすべてのアドレスに、RD=0 で SOA を UDP と TCP で 1 回ずつ問い合わせ、タイムアウトと再試行の後も片方または両方で応答しないアドレスを報告します。

## 問題点
応答しないサーバーがあるとリゾルバーは待たされ再試行を繰り返します。また、そのサーバーだけが返す内容を比較で見落とすおそれがあります。UDP で応答して TCP で応答しないサーバーは UDP に収まらない応答をすべて壊します。RFC 7766 は TCP 対応を必須としています。

## 例
```
192.0.2.53 (ns1.old-dns.jp.) does not answer over UDP or TCP: no answer within 2s after 3 attempts
```

## 修正方法
現在の事業者にサーバーの修理または削除を依頼してください。レジストラでの委任先アドレスも確認してください。アドレスが正しく保守中なだけなら、後でもう一度チェックしてください。
"#,
    },
    check: Check::Emitted,
};
