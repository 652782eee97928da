//! ZG411 `origin-repeated`: a relative name that already ends with the origin, so the origin
//! appears twice (`mail.example.jp` → `mail.example.jp.example.jp.`).

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::target::{MissingDot, NameField, Why, missing_dot_in, missing_dots_in_targets};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static ORIGIN_REPEATED: Rule = Rule {
    code: "ZG411",
    name: "origin-repeated",
    severity: Severity::Error,
    phase: Phase::Zone,
    rfc: "RFC 1035 §5.1",
    summary: Text {
        en: r#"a full name written without its trailing dot, so the origin is added twice"#,
        ja: r#"末尾のドットなしで書かれた完全な名前に、オリジンが二重に付加される"#,
    },
    docs: Text {
        en: r#"## What it does
Reports an owner, or a CNAME, MX, NS, SRV, PTR or DNAME target, written as a full name that ends with the zone's origin but without the trailing dot: in the zone `example.jp.`, `mail.example.jp` means `mail.example.jp.example.jp.`. Only names written without a dot are reported, never ones that were meant to be relative.

## Why is this bad?
A name without a final dot is relative, and the origin is appended to it (RFC 1035 §5.1). The customer wrote the full name, so the record ends up at, or points to, a name that does not exist: the web site, mail or delegation breaks at cutover, while the zone still loads without complaint.

## Example
```
$ORIGIN example.jp.
@                IN MX  10 mail.example.jp
www.example.jp   IN A   192.0.2.1
```

## How to fix
Add the trailing dot (`mail.example.jp.`), or write the name relative to the origin (`mail`, `www`).
"#,
        ja: r#"## 内容
所有者名、または CNAME・MX・NS・SRV・PTR・DNAME の指す先が、ゾーンのオリジンで終わる完全な名前として末尾のドットなしで書かれているものを報告します。ゾーン `example.jp.` では `mail.example.jp` は `mail.example.jp.example.jp.` を意味します。ドットなしで書かれた名前だけを対象とし、相対名として意図された名前は報告しません。

## 問題点
末尾にドットのない名前は相対名で、オリジンが付加されます（RFC 1035 §5.1）。お客様は完全な名前を書いたつもりなので、レコードは存在しない名前に置かれるか、存在しない名前を指すことになります。ゾーンは問題なく読み込まれるまま、切替時に Web サイト、メール、委任が壊れます。

## 例
```
$ORIGIN example.jp.
@                IN MX  10 mail.example.jp
www.example.jp   IN A   192.0.2.1
```

## 修正方法
末尾にドットを付ける（`mail.example.jp.`）か、オリジンからの相対名（`mail`、`www`）で書いてください。
"#,
    },
    check: Check::Zone(check),
};

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    // Owners: only names that hold the apex's labels twice can be at fault, which a look at
    // each name (not each record) rules out for almost all of them. Their records, in file
    // order: each line that writes the owner so needs the fix (lines with a blank owner do not).
    let apex = cx.zone.apex();
    let mut owned: Vec<u32> = (cx.zone.names.iter())
        .filter(|&(_, n)| repeats_apex(n, apex))
        .flat_map(|(id, _)| cx.index.at(id).iter().copied())
        .collect();
    owned.sort_unstable();
    // Targets: the missing dots already found. Both in file order, a record's owner first.
    let mut targets = missing_dots_in_targets(cx)
        .filter(|(_, m)| matches!(m.why, Why::OriginRepeated { .. }))
        .peekable();
    for i in owned {
        while let Some((_, m)) = targets.next_if(|&(j, _)| j < i) {
            report(cx, em, m, false);
        }
        let r = &cx.zone.records[i as usize];
        if let Some(m) = missing_dot_in(cx, r, cx.zone.owner(r), NameField::Owner)
            && matches!(m.why, Why::OriginRepeated { .. })
        {
            report(cx, em, &m, true);
        }
    }
    for (_, m) in targets {
        report(cx, em, m, false);
    }
}

/// True when `name` is below the apex and its labels above the apex end with the apex's first
/// label: the shape of `www.example.jp.example.jp.` (also after another `$ORIGIN` below it).
fn repeats_apex(name: crate::zone::NameRef<'_>, apex: crate::zone::NameRef<'_>) -> bool {
    let Some(first) = apex.first_label() else {
        return false;
    };
    // One walk over the labels above where the apex would start; this runs for every name.
    let (w, a) = (name.wire(), apex.wire());
    let Some(cut) = w.len().checked_sub(a.len()) else {
        return false;
    };
    let (mut at, mut found) = (0, false);
    while at < cut {
        let len = w[at] as usize;
        let Some(label) = w.get(at + 1..at + 1 + len) else {
            return false;
        };
        found |= label.eq_ignore_ascii_case(first);
        at += 1 + len;
    }
    found && at == cut && (&w[cut..] == a || w[cut..].eq_ignore_ascii_case(a))
}

fn report(cx: &Context<'_>, em: &mut Emitter<'_>, m: &MissingDot, owner: bool) {
    let Why::OriginRepeated { origin } = &m.why else {
        return;
    };
    let lang = cx.lang;
    let (written, expanded, corrected) = (&m.written, &m.expanded, &m.corrected);
    let message = if owner {
        tr!(
            lang,
            "`{written}` has no trailing dot, so this record is at `{expanded}`",
            "`{written}` の末尾にドットがないため、このレコードは `{expanded}` に置かれます"
        )
    } else {
        tr!(
            lang,
            "`{written}` has no trailing dot, so it means `{expanded}`",
            "`{written}` の末尾にドットがないため、`{expanded}` を意味します"
        )
    };
    em.emit(
        Diagnostic::new(&ORIGIN_REPEATED, m.span, message).help(tr!(
            lang,
            "a name without a final dot gets the origin `{origin}` appended; write `{corrected}`, or the name relative to the origin",
            "末尾にドットのない名前にはオリジン `{origin}` が付加されます。`{corrected}` と書くか、オリジンからの相対名で書いてください"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::{NameRef, OwnedName};

    /// The definition, label by label, that `repeats_apex` computes in one walk.
    fn by_definition(name: NameRef<'_>, apex: NameRef<'_>) -> bool {
        let Some(first) = apex.first_label() else {
            return false;
        };
        name.is_subdomain_of(apex)
            && name
                .labels()
                .take(name.label_count() - apex.label_count())
                .any(|l| l.eq_ignore_ascii_case(first))
    }

    #[test]
    fn the_one_walk_agrees_with_the_definition() {
        let names = [
            ".",
            "example.jp.",
            "EXAMPLE.JP.",
            "www.example.jp.",
            "www.example.jp.example.jp.",
            "www.Example.jp.EXAMPLE.jp.",
            "example.www.example.jp.",
            "example.jp.example.com.",
            "examplex.jp.example.jp.",
            "a.example.b.example.jp.",
            "jp.",
            "example.",
        ];
        let parsed: Vec<OwnedName> = names
            .iter()
            .map(|n| OwnedName::from_text(n).unwrap())
            .collect();
        for apex in &parsed {
            for name in &parsed {
                assert_eq!(
                    repeats_apex(name.as_ref(), apex.as_ref()),
                    by_definition(name.as_ref(), apex.as_ref()),
                    "{name} in {apex}"
                );
            }
        }
    }
}
