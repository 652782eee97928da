//! The faults customers make when they type a zone by hand, and what they meant.
//!
//! A Japanese input method leaves full-width letters, digits and spaces in what should be ASCII;
//! people write `1hr` for a TTL, `AAA` for `AAAA`, and Japanese domain names in Unicode. Each
//! function here turns such a fault into the text the customer should have written, so the
//! diagnostic can say exactly what to type instead.

/// The ASCII character a full-width form stands for (U+FF01–U+FF5E map to U+0021–U+007E).
/// U+3000 IDEOGRAPHIC SPACE is a separator and handled by the lexer.
pub fn fullwidth_to_ascii(c: char) -> Option<char> {
    let cp = c as u32;
    (0xFF01..=0xFF5E)
        .contains(&cp)
        .then(|| char::from_u32(cp - 0xFEE0).expect("ASCII range"))
}

/// `text` with full-width forms replaced by ASCII.
pub fn fullwidth_to_ascii_str(text: &str) -> String {
    text.chars()
        .map(|c| fullwidth_to_ascii(c).unwrap_or(c))
        .collect()
}

/// The A-label (punycode) spelling of a name written with Unicode labels, such as
/// `日本語.example.jp.` → `xn--wgv71a119e.example.jp.`. `None` when IDNA rejects it.
pub fn to_a_label(text: &str) -> Option<String> {
    let (body, dot) = match text.strip_suffix('.') {
        Some(body) => (body, "."),
        None => (text, ""),
    };
    let ascii = idna::domain_to_ascii(&fullwidth_to_ascii_str(body)).ok()?;
    // Punycode keeps a label's ASCII characters as they are, controls and spaces included: such
    // a "suggestion" is no host name, and it must not carry a control character to a terminal.
    (!ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_graphic()))
        .then(|| format!("{ascii}{dot}"))
}

/// The closest of `candidates` to `typo`, if it is close enough to be what was meant: at most one
/// edit for short words and two for longer ones, ignoring case.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typo = typo.to_ascii_uppercase();
    let limit = if typo.len() <= 3 { 1 } else { 2 };
    // Among equally close candidates, prefer one the typo is a subsequence of: a dropped
    // letter (`AAA` for `AAAA`) is a likelier slip than a changed one (`AAA` for `CAA`).
    candidates
        .into_iter()
        .map(|c| (osa_distance(&typo, &c.to_ascii_uppercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, !is_subsequence(&typo, &c.to_ascii_uppercase()), c.len()))
        .map(|(_, c)| c)
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions (`MXX` → `MX`, `CNMAE` → `CNAME`).
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 3 {
        return a.len().abs_diff(b.len());
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// What a mistyped TTL probably meant: `1hr` → `1h`, `30min` → `30m`, `1時間` → `1h`,
/// `1,800` → `1800`, `1:30` → `1h30m`. `None` when nothing sensible comes out.
pub fn ttl_suggestion(original: &str) -> Option<String> {
    let text = fullwidth_to_ascii_str(original)
        .to_ascii_lowercase()
        .replace([',', '_', ' '], "");
    if text.contains(':') {
        return clock_ttl(&text);
    }
    let units: &[(&str, &str)] = &[
        ("seconds", "s"),
        ("second", "s"),
        ("secs", "s"),
        ("sec", "s"),
        ("秒", "s"),
        ("minutes", "m"),
        ("minute", "m"),
        ("mins", "m"),
        ("min", "m"),
        ("分", "m"),
        ("hours", "h"),
        ("hour", "h"),
        ("hrs", "h"),
        ("hr", "h"),
        ("時間", "h"),
        ("時", "h"),
        ("days", "d"),
        ("day", "d"),
        ("日", "d"),
        ("weeks", "w"),
        ("week", "w"),
        ("wks", "w"),
        ("wk", "w"),
        ("週間", "w"),
        ("週", "w"),
    ];
    let mut out = String::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        out.push_str(&rest[..digits]);
        rest = &rest[digits..];
        if rest.is_empty() {
            break;
        }
        let (unit, len) = units
            .iter()
            .find(|(word, _)| rest.starts_with(word))
            .map(|(word, unit)| (*unit, word.len()))
            .or_else(|| {
                rest.chars()
                    .next()
                    .filter(|c| "smhdw".contains(*c))
                    .map(|c| (&rest[..1], c.len_utf8()))
            })?;
        out.push_str(unit);
        rest = &rest[len..];
    }
    (hickory_proto::serialize::txt::parse_ttl(&out).is_ok() && out != original).then_some(out)
}

/// A TTL written as a clock time, `H:MM` or `H:MM:SS`, as spreadsheets show a time typed into a
/// cell (Excel reads `1:00` as one hour), in BIND's unit form: `1:30` → `1h30m`.
fn clock_ttl(text: &str) -> Option<String> {
    let parts: Vec<&str> = text.split(':').collect();
    let number = |p: &str, max: u64| -> Option<u64> {
        (!p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
            .filter(|&v| v <= max)
    };
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (number(h, 999)?, number(m, 59)?, 0),
        [h, m, s] => (number(h, 999)?, number(m, 59)?, number(s, 59)?),
        _ => return None,
    };
    let mut out = String::new();
    for (value, unit) in [(h, 'h'), (m, 'm'), (sec, 's')] {
        if value > 0 {
            out.push_str(&format!("{value}{unit}"));
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth() {
        assert_eq!(fullwidth_to_ascii('Ａ'), Some('A'));
        assert_eq!(fullwidth_to_ascii('１'), Some('1'));
        assert_eq!(fullwidth_to_ascii('．'), Some('.'));
        assert_eq!(fullwidth_to_ascii('あ'), None);
        assert_eq!(
            fullwidth_to_ascii_str("ｗｗｗ．ｅｘａｍｐｌｅ"),
            "www.example"
        );
    }

    #[test]
    fn punycode() {
        assert_eq!(to_a_label("日本語").as_deref(), Some("xn--wgv71a119e"));
        assert_eq!(
            to_a_label("日本語.example.jp.").as_deref(),
            Some("xn--wgv71a119e.example.jp.")
        );
        // Punycode keeps ASCII as it is: a control character or a space makes no host name.
        assert_eq!(to_a_label("日本\u{12}語.jp."), None);
        assert_eq!(to_a_label("日本 語.jp."), None);
    }

    #[test]
    fn type_typos() {
        let types = [
            "A", "AAAA", "CNAME", "MX", "TXT", "SRV", "NS", "SOA", "CAA", "PTR",
        ];
        assert_eq!(closest("AAA", types), Some("AAAA"));
        assert_eq!(closest("cnmae", types), Some("CNAME"));
        assert_eq!(closest("MXX", types), Some("MX"));
        assert_eq!(closest("TXTT", types), Some("TXT"));
        assert_eq!(closest("BANANA", types), None);
    }

    #[test]
    fn ttl_typos() {
        assert_eq!(ttl_suggestion("1hr").as_deref(), Some("1h"));
        assert_eq!(ttl_suggestion("30min").as_deref(), Some("30m"));
        assert_eq!(ttl_suggestion("1時間").as_deref(), Some("1h"));
        assert_eq!(ttl_suggestion("１時間").as_deref(), Some("1h"));
        assert_eq!(ttl_suggestion("2days").as_deref(), Some("2d"));
        assert_eq!(ttl_suggestion("1,800").as_deref(), Some("1800"));
        assert_eq!(ttl_suggestion("1:00").as_deref(), Some("1h"));
        assert_eq!(ttl_suggestion("1:30").as_deref(), Some("1h30m"));
        assert_eq!(ttl_suggestion("0:05:00").as_deref(), Some("5m"));
        assert_eq!(ttl_suggestion("１：００").as_deref(), Some("1h"));
        assert_eq!(ttl_suggestion("0:00"), None);
        assert_eq!(ttl_suggestion("1:60"), None);
        assert_eq!(ttl_suggestion("1:2:3:4"), None);
        assert_eq!(ttl_suggestion("3600"), None);
        assert_eq!(ttl_suggestion("abc"), None);
    }
}
