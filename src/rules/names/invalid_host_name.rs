//! ZG409 `invalid-host-name`: a name that must be a host name but is not (letters, digits and
//! inner hyphens).

use crate::diag::{Diagnostic, Emitter, Lang, Severity, escape};
use crate::rules::target::{address_like, target, target_field};
use crate::rules::util::show;
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;
use crate::zone::name::label_to_text;
use crate::zone::{NameRef, Place, RType};

pub static INVALID_HOST_NAME: Rule = Rule {
    code: "ZG409",
    name: "invalid-host-name",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 952, RFC 1123 §2.1, RFC 5891 §4.2.3.1",
    summary: Text {
        en: r#"a name that must be a host name but has characters or hyphens a host name cannot have"#,
        ja: r#"ホスト名であるべき名前に、ホスト名に使えない文字やハイフンがある"#,
    },
    docs: Text {
        en: r#"## What it does
Checks the names that must be host names: the owners of A, AAAA and MX records; the targets of NS, MX and SRV records; the SOA's primary server; and PTR targets in reverse zones. Each label must be letters, digits and hyphens, must not start or end with a hyphen (RFC 952, RFC 1123 §2.1), and may have `--` in its third and fourth characters only as an `xn--` IDN label (RFC 5891 §4.2.3.1). A leftmost `*` is allowed in owners. Underscores are fine everywhere else (`_dmarc`, `_domainkey`, `_sip._tls` TXT and SRV owners), and Active Directory's `_msdcs` names are exempt, as BIND exempts them.

## Why is this bad?
DNS itself accepts any octets, but the software around these records does not: mail servers refuse an MX host with `_`, TLS certificates cannot name it, and BIND by default refuses to load a primary zone with such names (`check-names`). `ab--cd` is reserved for internationalized names, and registries and browsers reject it.

## Example
```
mail_server  IN A   192.0.2.25
@            IN MX  10 mail_server.example.jp.
-www         IN A   192.0.2.80
```

## How to fix
Rename the host with letters, digits and inner hyphens only, such as `mail-server`, and update every record that points at it.
"#,
        ja: r#"## 内容
ホスト名でなければならない名前を検査します: A・AAAA・MX レコードの所有者名、NS・MX・SRV レコードの指す先、SOA のプライマリサーバー、逆引きゾーンの PTR の指す先です。各ラベルは英字・数字・ハイフンのみで、ハイフンで始まったり終わったりしてはならず（RFC 952、RFC 1123 §2.1）、3・4 文字目の `--` は IDN の `xn--` ラベルにしか使えません（RFC 5891 §4.2.3.1）。所有者名の左端の `*` は使えます。それ以外の場所（`_dmarc`、`_domainkey`、`_sip._tls` などの TXT・SRV の所有者名）ではアンダースコアは問題なく、Active Directory の `_msdcs` の名前は BIND と同様に対象外です。

## 問題点
DNS 自体は任意のオクテットを受け付けますが、これらのレコードを使うソフトウェアはそうではありません。メールサーバーは `_` を含む MX ホストを拒否し、TLS 証明書にもその名前を入れられず、BIND は既定でそうした名前のあるプライマリゾーンの読み込みを拒否します（`check-names`）。`ab--cd` は国際化ドメイン名のために予約されており、レジストリやブラウザが拒否します。

## 例
```
mail_server  IN A   192.0.2.25
@            IN MX  10 mail_server.example.jp.
-www         IN A   192.0.2.80
```

## 修正方法
英字・数字・内側のハイフンだけでホスト名を付け直し（例: `mail-server`）、それを指すすべてのレコードも更新してください。
"#,
    },
    check: Check::Zone(check),
};

/// What is wrong with a host name, and in which label.
enum Fault {
    Char(char),
    Underscore,
    LeadingHyphen,
    TrailingHyphen,
    ReservedHyphens,
}

fn fault(name: NameRef<'_>, wildcard_ok: bool) -> Option<(String, Fault)> {
    // Most names are letters and digits only, which no test below faults: one quick look.
    if letters_and_digits(name) {
        return None;
    }
    // Active Directory's names (`gc._msdcs`, `_ldap._tcp.dc._msdcs`) are exempt, as in BIND.
    if name.labels().any(|l| l.eq_ignore_ascii_case(b"_msdcs")) {
        return None;
    }
    for label in name.labels() {
        // In owners a `*` is a wildcard, or ZG410's when it is misplaced.
        if wildcard_ok && label.contains(&b'*') {
            continue;
        }
        let f = if let Some(&b) = label
            .iter()
            .find(|b| !b.is_ascii_alphanumeric() && **b != b'-' && **b != b'_')
        {
            Fault::Char(if b.is_ascii_graphic() { b as char } else { '?' })
        } else if label.contains(&b'_') {
            Fault::Underscore
        } else if label.starts_with(b"-") {
            Fault::LeadingHyphen
        } else if label.ends_with(b"-") {
            Fault::TrailingHyphen
        } else if label.len() >= 4
            && &label[2..4] == b"--"
            && !label[..2].eq_ignore_ascii_case(b"xn")
        {
            Fault::ReservedHyphens
        } else {
            continue;
        };
        // Only a faulty label is made into text: this runs for most names of the zone.
        return Some((escape(&label_to_text(label)).into_owned(), f));
    }
    None
}

/// True when every label of `name` is ASCII letters and digits only: one walk over the wire
/// form, label by label, each octet looked up in a table.
fn letters_and_digits(name: NameRef<'_>) -> bool {
    let w = name.wire();
    let mut at = 0;
    while let Some(&len) = w.get(at) {
        let end = at + 1 + len as usize;
        match w.get(at + 1..end) {
            Some([]) => return true,
            Some(label) if label.iter().all(|&b| ALNUM[b as usize]) => at = end,
            _ => return false,
        }
    }
    true
}

/// ASCII letters and digits, by octet.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn why(lang: Lang, label: &str, f: &Fault) -> String {
    match f {
        Fault::Char(c) => {
            let c = escape(&c.to_string()).into_owned();
            tr!(
                lang,
                "`{label}` contains `{c}`",
                "`{label}` に `{c}` が含まれています"
            )
        }
        Fault::Underscore => tr!(
            lang,
            "`{label}` contains `_`",
            "`{label}` に `_` が含まれています"
        ),
        Fault::LeadingHyphen => tr!(
            lang,
            "`{label}` starts with a hyphen",
            "`{label}` がハイフンで始まっています"
        ),
        Fault::TrailingHyphen => tr!(
            lang,
            "`{label}` ends with a hyphen",
            "`{label}` がハイフンで終わっています"
        ),
        Fault::ReservedHyphens => tr!(
            lang,
            "`{label}` has `--` in its third and fourth characters, which only `xn--` labels may",
            "`{label}` の 3・4 文字目が `--` ですが、これは `xn--` ラベルにしか使えません"
        ),
    }
}

/// True for names in reverse zones, where PTR targets must be host names, except the DNS-SD
/// browsing names of RFC 6763 §11.
fn reverse_ptr_owner(owner: NameRef<'_>) -> bool {
    let labels: Vec<&[u8]> = owner.labels().collect();
    let n = labels.len();
    let reverse = n >= 2
        && labels[n - 1].eq_ignore_ascii_case(b"arpa")
        && (labels[n - 2].eq_ignore_ascii_case(b"in-addr")
            || labels[n - 2].eq_ignore_ascii_case(b"ip6"));
    let dns_sd = n >= 3
        && labels[1].eq_ignore_ascii_case(b"_dns-sd")
        && labels[2].eq_ignore_ascii_case(b"_udp");
    reverse && !dns_sd
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let tree = cx.tree();
    let lang = cx.lang;
    // Each owner is looked at once, whether or not it is at fault: by id, not by hashing.
    let mut owners_done = vec![false; cx.zone.names.len()];
    for r in &cx.zone.records {
        if tree.place(r.owner) == Place::Outside {
            continue;
        }
        // The owner, for the types whose owner is a host.
        if matches!(r.rtype, RType::A | RType::AAAA | RType::MX)
            && !std::mem::replace(&mut owners_done[r.owner.0 as usize], true)
            && let Some((label, f)) = fault(cx.zone.owner(r), true)
        {
            let name = show(cx.zone.owner(r));
            let rtype = r.rtype.name();
            let why = why(lang, &label, &f);
            emit(
                cx,
                em,
                cx.owner_span(r),
                tr!(
                    lang,
                    "`{name}` owns an {rtype} record, so it must be a host name: {why}",
                    "`{name}` は {rtype} レコードの所有者なのでホスト名である必要があります: {why}"
                ),
            );
        }
        // The target, for the types whose target is a host.
        let hosted = match r.rtype {
            RType::NS | RType::MX | RType::SRV | RType::SOA => true,
            RType::PTR => reverse_ptr_owner(cx.zone.owner(r)),
            _ => false,
        };
        if !hosted || address_like(cx, r).is_some() {
            continue;
        }
        let (Some(t), Some(field)) = (target(cx, r), target_field(r.rtype)) else {
            continue;
        };
        if let Some((label, f)) = fault(t, false) {
            let name = show(t);
            let rtype = r.rtype.name();
            let why = why(lang, &label, &f);
            emit(
                cx,
                em,
                cx.rdata_field_span(r, field),
                tr!(
                    lang,
                    "{rtype} target `{name}` must be a host name: {why}",
                    "{rtype} の指す先 `{name}` はホスト名である必要があります: {why}"
                ),
            );
        }
    }
}

fn emit(cx: &Context<'_>, em: &mut Emitter<'_>, span: crate::source::Span, message: String) {
    let lang = cx.lang;
    em.emit(Diagnostic::new(&INVALID_HOST_NAME, span, message).help(tr!(
        lang,
        "host names use letters, digits and inner hyphens only; mail servers and certificates refuse others, and BIND refuses the zone by default: rename the host (for example `_` to `-`) and update what points at it",
        "ホスト名に使えるのは英字・数字・内側のハイフンだけです。それ以外はメールサーバーや証明書が拒否し、BIND も既定でゾーンを拒否します。ホストの名前を付け直し（例: `_` を `-` に）、それを指すレコードも更新してください"
    )));
}
