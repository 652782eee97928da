//! ZG111 `soa-serial-malformed-date`: a date-style serial with an impossible date, or a future one.

use crate::diag::{Diagnostic, Emitter, Severity};
use crate::rules::{Check, Context, Phase, Rule, Text};
use crate::tr;

pub static SOA_SERIAL_MALFORMED_DATE: Rule = Rule {
    code: "ZG111",
    name: "soa-serial-malformed-date",
    severity: Severity::Warning,
    phase: Phase::Zone,
    rfc: "RFC 1912 §2.2",
    summary: Text {
        en: r#"a date-style SOA serial (YYYYMMDDnn) with an impossible or future date"#,
        ja: r#"日付形式（YYYYMMDDnn）の SOA シリアルの日付がありえないか未来"#,
    },
    docs: Text {
        en: r#"## What it does
Reads a ten-digit serial that starts with a year from 1990 to 2099 as the date form YYYYMMDDnn that RFC 1912 §2.2 recommends, and reports it when the month or day does not exist (`2024133101`, `2024023001`) or the date is more than a day in the future.

## Why is this bad?
A serial can only go up: secondaries transfer the zone only when it increases (RFC 1982). A mistyped date (a digit too many in the day, a month 13) or a date in the future jumps the serial ahead; every later change must then be numbered above it, and the date form stops meaning anything. Catching it at intake is the last cheap moment.

## Example
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024133101 7200 900 1209600 3600
```

## How to fix
If this serial is not yet served anywhere, write the real date (`2024123101`). If it already is, do not lower it: secondaries would ignore every change. Keep it, and let the host's own serial take over at cutover.
"#,
        ja: r#"## 内容
1990〜2099 年で始まる 10 桁のシリアルを RFC 1912 §2.2 が推奨する YYYYMMDDnn 形式の日付として読み、存在しない月や日（`2024133101`、`2024023001`）や 1 日以上先の未来の日付の場合に報告します。

## 問題点
シリアルは増やすことしかできません。セカンダリはシリアルが増えたときだけゾーンを転送します（RFC 1982）。日付の打ち間違い（日の桁が多い、13 月など）や未来の日付はシリアルを先に進めてしまい、以後の変更はすべてそれより大きい番号にする必要があり、日付形式の意味がなくなります。受付時に見つけるのが最も手間のかからない機会です。

## 例
```
@  IN SOA ns1.example.jp. hostmaster.example.jp. 2024133101 7200 900 1209600 3600
```

## 修正方法
このシリアルがまだどこでも使われていなければ正しい日付（`2024123101`）にしてください。すでに使われている場合は下げないでください（セカンダリが以後の変更をすべて無視します）。そのまま残し、切替時にホスティング事業者のシリアルに引き継いでください。
"#,
    },
    check: Check::Zone(check),
};

/// What is wrong with a serial read as YYYYMMDDnn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateFault {
    Month,
    Day,
    Future,
}

/// The fault of `serial` read as a date, given today's (year, month, day).
pub(crate) fn date_fault(serial: u32, today: (i64, u32, u32)) -> Option<DateFault> {
    let year = i64::from(serial / 1_000_000);
    if !(1990..=2099).contains(&year) {
        return None;
    }
    let month = (serial / 10_000) % 100;
    let day = (serial / 100) % 100;
    if !(1..=12).contains(&month) {
        return Some(DateFault::Month);
    }
    if day == 0 || day > days_in_month(year, month) {
        return Some(DateFault::Day);
    }
    // A day of slack: the customer's clock may be ahead of ours (Japan is UTC+9).
    (days_from_civil(year, month, day) > days_from_civil(today.0, today.1, today.2) + 1)
        .then_some(DateFault::Future)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn today() -> (i64, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

fn check(cx: &Context<'_>, em: &mut Emitter<'_>) {
    let Some((record, soa)) = super::apex_soa(cx) else {
        return;
    };
    let serial = soa.serial;
    let Some(fault) = date_fault(serial, today()) else {
        return;
    };
    let (y, m, d) = (
        serial / 1_000_000,
        (serial / 10_000) % 100,
        (serial / 100) % 100,
    );
    let lang = cx.lang;
    let message = match fault {
        DateFault::Month => tr!(
            lang,
            "SOA serial {serial} looks like a date (YYYYMMDDnn), but month {m:02} does not exist",
            "SOA シリアル {serial} は日付（YYYYMMDDnn）のようですが、{m:02} 月は存在しません"
        ),
        DateFault::Day => tr!(
            lang,
            "SOA serial {serial} looks like a date (YYYYMMDDnn), but {y}-{m:02} has no day {d:02}",
            "SOA シリアル {serial} は日付（YYYYMMDDnn）のようですが、{y} 年 {m} 月に {d} 日はありません"
        ),
        DateFault::Future => tr!(
            lang,
            "SOA serial {serial} is a date in the future ({y}-{m:02}-{d:02})",
            "SOA シリアル {serial} は未来の日付（{y}-{m:02}-{d:02}）です"
        ),
    };
    em.emit(
        Diagnostic::new(
            &SOA_SERIAL_MALFORMED_DATE,
            cx.rdata_field_span(record, super::SERIAL),
            message,
        )
        .help(tr!(
            lang,
            "if this serial is not served anywhere yet, write the real date; if it is, keep it: secondaries ignore a serial that goes down (RFC 1982)",
            "このシリアルがまだどこでも使われていなければ正しい日付にしてください。使われている場合はそのままにしてください（シリアルを下げるとセカンダリは変更を無視します。RFC 1982）"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: (i64, u32, u32) = (2024, 11, 21);

    #[test]
    fn dates_are_read_only_when_they_look_like_dates() {
        assert_eq!(date_fault(2024112101, TODAY), None);
        assert_eq!(date_fault(2024022901, TODAY), None, "2024 is a leap year");
        assert_eq!(date_fault(2023022901, TODAY), Some(DateFault::Day));
        assert_eq!(date_fault(1900022901, TODAY), None, "not a plausible year");
        assert_eq!(date_fault(2024133101, TODAY), Some(DateFault::Month));
        assert_eq!(date_fault(2024003101, TODAY), Some(DateFault::Month));
        assert_eq!(date_fault(2024043101, TODAY), Some(DateFault::Day));
        assert_eq!(date_fault(2024110001, TODAY), Some(DateFault::Day));
        assert_eq!(date_fault(2024112201, TODAY), None, "a day of slack");
        assert_eq!(date_fault(2024112301, TODAY), Some(DateFault::Future));
        assert_eq!(date_fault(1700000000, TODAY), None, "a Unix time");
        assert_eq!(date_fault(42, TODAY), None);
        assert_eq!(date_fault(u32::MAX, TODAY), None);
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-1, 0, 59, 365, 11_016, 19_683, 20_000, 47_482] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
