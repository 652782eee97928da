//! Encodings shared by several field kinds.

/// Writes an RFC 4034 §4.1.2 type bitmap for `types` (sorted and deduplicated here).
pub fn write_bitmap(types: &mut Vec<u16>, out: &mut Vec<u8>) {
    types.sort_unstable();
    types.dedup();
    let mut i = 0;
    while i < types.len() {
        let window = (types[i] >> 8) as u8;
        let mut bits = [0u8; 32];
        let mut len = 0;
        while i < types.len() && (types[i] >> 8) as u8 == window {
            let low = (types[i] & 0xFF) as usize;
            bits[low / 8] |= 0x80 >> (low % 8);
            len = len.max(low / 8 + 1);
            i += 1;
        }
        out.push(window);
        out.push(len as u8);
        out.extend_from_slice(&bits[..len]);
    }
}

/// An IPv4 address written the plain way, four numbers 0-255 without leading zeros, read
/// without `Ipv4Addr`'s general parser: this runs for most records of a large zone. `None` for
/// anything else, which the caller hands to `Ipv4Addr` for its verdict and error (a test checks
/// that the two agree).
pub fn plain_ipv4(text: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut at = 0;
    for (k, slot) in out.iter_mut().enumerate() {
        if k > 0 {
            if text.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        (*slot, at) = plain_octet(text, at)?;
    }
    (at == text.len()).then_some(out)
}

/// The number 0-255 at `text[at..]`, one to three digits without a leading zero, and where it
/// ends; each digit is looked at once, without a loop's bookkeeping.
fn plain_octet(text: &[u8], at: usize) -> Option<(u8, usize)> {
    let digit = |at: usize| {
        text.get(at)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|&d| d < 10)
    };
    let first = digit(at)?;
    let Some(second) = digit(at + 1) else {
        return Some((first, at + 1));
    };
    if first == 0 {
        return None;
    }
    let Some(third) = digit(at + 2) else {
        return Some((first * 10 + second, at + 2));
    };
    let value = u16::from(first) * 100 + u16::from(second) * 10 + u16::from(third);
    u8::try_from(value).ok().map(|v| (v, at + 3))
}

/// The value of each hexadecimal digit, and 16 for every other octet: one load instead of three
/// ranges to test, for each of the twenty-odd digits of an address.
static HEX: [u8; 256] = {
    let mut table = [16u8; 256];
    let mut d = 0;
    while d < 16 {
        let digit = b"0123456789abcdef"[d];
        table[digit as usize] = d as u8;
        table[digit.to_ascii_uppercase() as usize] = d as u8;
        d += 1;
    }
    table
};

/// An IPv6 address made of hexadecimal groups, with at most one `::` (no embedded IPv4), read
/// in one pass without `Ipv6Addr`'s general parser, which tries an IPv4 address at every group.
/// `None` for anything else, which the caller hands to `Ipv6Addr` (a test checks that the two
/// agree).
pub fn plain_ipv6(text: &[u8]) -> Option<[u8; 16]> {
    let hex = |b: u8| Some(HEX[usize::from(b)]).filter(|&d| d < 16);
    let mut words = [0u16; 8];
    let (mut n, mut gap, mut at) = (0, None, 0);
    if text.starts_with(b"::") {
        gap = Some(0);
        at = 2;
    }
    while at < text.len() {
        let start = at;
        let mut value = 0u16;
        while let Some(d) = text.get(at).and_then(|&b| hex(b))
            && at - start < 4
        {
            value = value << 4 | u16::from(d);
            at += 1;
        }
        if at == start || n == 8 {
            return None;
        }
        words[n] = value;
        n += 1;
        match text.get(at) {
            None => break,
            Some(b':') => at += 1,
            Some(_) => return None,
        }
        if text.get(at) == Some(&b':') {
            if gap.is_some() {
                return None;
            }
            gap = Some(n);
            at += 1;
        } else if at == text.len() {
            // A single `:` at the end.
            return None;
        }
    }
    match gap {
        None if n == 8 => {}
        // The `::` stands for at least one group of zeros.
        Some(g) if n < 8 => {
            let tail = n - g;
            words.copy_within(g..n, 8 - tail);
            words[g..8 - tail].fill(0);
        }
        _ => return None,
    }
    let mut out = [0u8; 16];
    for (pair, word) in out.chunks_exact_mut(2).zip(words) {
        pair.copy_from_slice(&word.to_be_bytes());
    }
    Some(out)
}

/// Reads a type bitmap back into type codes; `None` if malformed.
pub fn read_bitmap(mut wire: &[u8]) -> Option<Vec<u16>> {
    let mut types = Vec::new();
    let mut last_window = None;
    while !wire.is_empty() {
        let (&window, rest) = wire.split_first()?;
        let (&len, rest) = rest.split_first()?;
        if len == 0
            || len > 32
            || rest.len() < len as usize
            || last_window.is_some_and(|w| w >= window)
        {
            return None;
        }
        for (byte_index, byte) in rest[..len as usize].iter().enumerate() {
            for bit in 0..8 {
                if byte & (0x80 >> bit) != 0 {
                    types.push(u16::from(window) << 8 | (byte_index * 8 + bit) as u16);
                }
            }
        }
        last_window = Some(window);
        wire = &rest[len as usize..];
    }
    Some(types)
}

/// A signature time (RFC 4034 §3.2): `YYYYMMDDHHmmSS` in UTC, or a decimal number of seconds.
/// Times past 2106 wrap, as the serial arithmetic of RFC 1982 intends.
pub fn parse_sig_time(text: &str) -> Option<u32> {
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
        return None;
    }
    if text.len() != 14 {
        return text.parse::<u32>().ok();
    }
    let n = |range: std::ops::Range<usize>| text[range].parse::<u64>().ok();
    let (year, month, day) = (n(0..4)?, n(4..6)?, n(6..8)?);
    let (hour, minute, second) = (n(8..10)?, n(10..12)?, n(12..14)?);
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
        || year < 1970
    {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some((days * 86_400 + hour * 3_600 + minute * 60 + second) as u32)
}

/// Formats seconds since the epoch as `YYYYMMDDHHmmSS`.
pub fn format_sig_time(secs: u32) -> String {
    let secs = u64::from(secs);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn is_leap(y: u64) -> bool {
    y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400))
}

fn days_in_month(y: u64, m: u64) -> u64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) as u64
}

fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    ((if m <= 2 { y + 1 } else { y }) as u64, m as u64, d as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ipv4_reads_what_ipv4addr_reads() {
        let mut cases: Vec<String> = [
            "0.0.0.0",
            "255.255.255.255",
            "192.0.2.1",
            "10.0.0.256",
            "01.2.3.4",
            "1.2.3",
            "1.2.3.4.",
            "1.2.3.4.5",
            "1.2.3.4.5.6",
            ".1.2.3",
            "1..2.3",
            "1.2.3.4 ",
            "1.2.3.+4",
            "1.2.3.0x1",
            "0001.2.3.4",
            "1.2.3.٤",
            "",
            "...",
            "999.1.1.1",
        ]
        .map(String::from)
        .to_vec();
        // Every one- and two-character octet, in every position.
        for a in ["0", "9", "00", "07", "10", "99", "a", "-1", " 1"] {
            for at in 0..4 {
                let mut octets = ["1", "2", "3", "4"];
                octets[at] = a;
                cases.push(octets.join("."));
            }
        }
        for octet in 0..1000 {
            cases.push(format!("{octet}.0.0.{octet}"));
        }
        for text in &cases {
            let std = text.parse::<std::net::Ipv4Addr>().ok().map(|a| a.octets());
            match plain_ipv4(text.as_bytes()) {
                Some(fast) => assert_eq!(Some(fast), std, "{text:?}"),
                // The two accept the same addresses: the fallback only words the error.
                None => assert_eq!(std, None, "{text:?}"),
            }
        }
    }

    #[test]
    fn plain_ipv6_reads_what_ipv6addr_reads() {
        let mut cases: Vec<String> = [
            "::",
            "::1",
            "1::",
            "2001:db8::1",
            "2001:db8:96d1:58a8::74fd",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "1:2:3:4::5:6:7:8",
            "1::2::3",
            ":::",
            ":1::",
            "1:",
            ":1",
            "1:2:3:4:5:6:7",
            "12345::",
            "0000:00:0::ffff",
            "FFFF::AbCd",
            "::ffff:192.0.2.1",
            "g::",
            "1 ::",
            "",
            "1:2:3:4:5:6:7:8:9",
            "::1:2:3:4:5:6:7",
            "1:2:3:4:5:6::7",
        ]
        .map(String::from)
        .to_vec();
        // Strings of up to nine characters from the alphabet addresses are written in, chosen
        // by a fixed generator so every run checks the same ones.
        let alphabet = b"0f:F:a9:.:g:";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            let state = crate::zone::rdata::xorshift(&mut seed);
            let len = (state % 10) as usize;
            let text: String = (0..len)
                .map(|k| alphabet[(state >> (8 + 5 * k)) as usize % alphabet.len()] as char)
                .collect();
            cases.push(text);
        }
        let mut read = 0;
        for text in &cases {
            let std = text.parse::<std::net::Ipv6Addr>().ok().map(|a| a.octets());
            match plain_ipv6(text.as_bytes()) {
                Some(fast) => {
                    assert_eq!(Some(fast), std, "{text:?}");
                    read += 1;
                }
                // Only an embedded IPv4 address is left to the general parser.
                None => assert!(std.is_none() || text.contains('.'), "{text:?}"),
            }
        }
        assert!(read > 1000, "only {read} addresses were read");
    }

    #[test]
    fn bitmap_round_trip() {
        let mut types = vec![1, 15, 46, 47, 1234, 2];
        let mut wire = Vec::new();
        write_bitmap(&mut types, &mut wire);
        assert_eq!(read_bitmap(&wire).unwrap(), vec![1, 2, 15, 46, 47, 1234]);
        assert_eq!(&wire[..3], &[0, 6, 0b0110_0000]);
    }

    #[test]
    fn signature_times() {
        assert_eq!(parse_sig_time("20240101000000"), Some(1_704_067_200));
        assert_eq!(format_sig_time(1_704_067_200), "20240101000000");
        assert_eq!(parse_sig_time("1704067200"), Some(1_704_067_200));
        assert_eq!(parse_sig_time("20240230000000"), None);
        assert_eq!(parse_sig_time("2024013"), Some(2_024_013));
        assert_eq!(parse_sig_time("x"), None);
    }
}
