//! ZG526 `dmarc-invalid-tag-value`: a DMARC `adkim`, `aspf`, `fo`, `ri`, `rf`, `t` or `psd`
//! value receivers cannot read.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static DMARC_INVALID_TAG_VALUE: Rule = Rule {
    code: "ZG526",
    name: "dmarc-invalid-tag-value",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 7489 §6.3",
    summary: Text {
        en: r#"a DMARC `adkim`, `aspf`, `fo`, `ri`, `rf`, `t` or `psd` value that is not allowed"#,
        ja: r#"許されない値の DMARC の `adkim`・`aspf`・`fo`・`ri`・`rf`・`t`・`psd`"#,
    },
    docs: Text {
        en: r#"## What it does
Checks the values of the remaining DMARC tags: `adkim` and `aspf` are `r` (relaxed) or `s` (strict); `fo` is a colon-separated list of `0`, `1`, `d` and `s`; `ri` is a number of seconds; `rf` is `afrf`; and DMARCbis's `t` is `y` or `n`, `psd` is `y`, `n` or `u`.

## Why is this bad?
Receivers ignore a value they cannot read and use the default (RFC 7489 §6.3), so the record quietly does something else than written: `adkim=strict` is relaxed alignment, `fo=1,d` asks for no failure reports.

## Example
```
_dmarc  IN TXT "v=DMARC1; p=reject; adkim=strict; fo=1,d"
```

## How to fix
Use the defined values: `adkim=s; fo=1:d`.
"#,
        ja: r#"## 内容
残りの DMARC タグの値を検査します。`adkim` と `aspf` は `r`（緩和）か `s`（厳格）、`fo` は `0`・`1`・`d`・`s` のコロン区切り、`ri` は秒数、`rf` は `afrf`、DMARCbis の `t` は `y` か `n`、`psd` は `y`・`n`・`u` です。

## 問題点
受信側は読めない値を無視して既定値を使います（RFC 7489 §6.3）。レコードは書かれた内容と違う動作を黙って行います。`adkim=strict` は緩和アライメントになり、`fo=1,d` は失敗レポートを求めないことになります。

## 例
```
_dmarc  IN TXT "v=DMARC1; p=reject; adkim=strict; fo=1,d"
```

## 修正方法
定義された値を使ってください: `adkim=s; fo=1:d`
"#,
    },
    check: Check::Zone(check),
};

/// What a tag accepts, for the message; `None` when the value is fine.
fn judge(name: &str, value: &[u8]) -> Option<&'static str> {
    let lower = value.to_ascii_lowercase();
    let list_of = |allowed: &[&str]| {
        !lower.is_empty()
            && lower
                .split(|&b| b == b':')
                .all(|item| allowed.iter().any(|a| a.as_bytes() == item.trim_ascii()))
    };
    let ok = match name {
        "adkim" | "aspf" => matches!(&lower[..], b"r" | b"s"),
        "fo" => list_of(&["0", "1", "d", "s"]),
        "rf" => list_of(&["afrf", "iodef"]),
        "ri" => {
            !value.is_empty()
                && value.len() <= 10
                && value.iter().all(u8::is_ascii_digit)
                && std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some()
        }
        "t" => matches!(&lower[..], b"y" | b"n"),
        "psd" => matches!(&lower[..], b"y" | b"n" | b"u"),
        _ => true,
    };
    if ok {
        return None;
    }
    Some(match name {
        "adkim" | "aspf" => "`r` or `s`",
        "fo" => "`0`, `1`, `d`, `s` (colon-separated)",
        "rf" => "`afrf`",
        "ri" => "a number of seconds",
        "t" => "`y` or `n`",
        _ => "`y`, `n` or `u`",
    })
}

fn allowed_ja(en: &str) -> &'static str {
    match en {
        "`r` or `s`" => "`r` または `s`",
        "`0`, `1`, `d`, `s` (colon-separated)" => "`0`・`1`・`d`・`s`（コロン区切り）",
        "`afrf`" => "`afrf`",
        "a number of seconds" => "秒数",
        "`y` or `n`" => "`y` または `n`",
        _ => "`y`・`n`・`u` のいずれか",
    }
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let lang = cx.lang;
    for rec in super::valid_dmarc_records(cx) {
        for name in ["adkim", "aspf", "fo", "ri", "rf", "t", "psd"] {
            let Some((tag, value)) = rec.get(name) else {
                continue;
            };
            if tag.split_at.is_some() {
                continue;
            }
            let Some(allowed) = judge(name, value) else {
                continue;
            };
            let allowed_ja = allowed_ja(allowed);
            let shown = super::text::shown(value);
            let help = match (name, &value.to_ascii_lowercase()[..]) {
                ("adkim" | "aspf", b"strict") => {
                    tr!(lang, "write `{name}=s`", "`{name}=s` と書いてください")
                }
                ("adkim" | "aspf", b"relaxed") => {
                    tr!(lang, "write `{name}=r`", "`{name}=r` と書いてください")
                }
                ("fo" | "rf", v) if v.contains(&b',') => tr!(
                    lang,
                    "separate the options with `:`, not `,`",
                    "オプションは `,` ではなく `:` で区切ってください"
                ),
                _ => tr!(
                    lang,
                    "`{name}` takes {allowed}",
                    "`{name}` の値は {allowed_ja} です"
                ),
            };
            em.emit(
                Diagnostic::new(
                    &DMARC_INVALID_TAG_VALUE,
                    rec.span(cx, tag.value.clone()),
                    tr!(
                        lang,
                        "`{name}={shown}` is not a valid value; receivers ignore it and use the default",
                        "`{name}={shown}` は正しい値ではないため、受信側は無視して既定値を使います"
                    ),
                )
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::judge;

    #[test]
    fn judges_values() {
        assert_eq!(judge("adkim", b"s"), None);
        assert!(judge("adkim", b"strict").is_some());
        assert_eq!(judge("fo", b"1:d"), None);
        assert!(judge("fo", b"1,d").is_some());
        assert_eq!(judge("ri", b"86400"), None);
        assert!(judge("ri", b"1d").is_some());
        assert_eq!(judge("rf", b"afrf"), None);
        assert_eq!(judge("psd", b"u"), None);
    }
}
