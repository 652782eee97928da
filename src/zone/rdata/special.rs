//! The formats too irregular for a field list.

use super::{Parser, parse_uint};
use crate::diag::Diagnostic;
use crate::rules::syntax as r;
use crate::source::Span;

impl Parser<'_, '_, '_, '_> {
    fn invalid(&mut self, span: Span, en: String, ja: String, help: Option<(String, String)>) {
        let lang = self.lang();
        let message = match lang {
            crate::diag::Lang::En => en,
            crate::diag::Lang::Ja => ja,
        };
        let help = help.map(|(en, ja)| match lang {
            crate::diag::Lang::En => en,
            crate::diag::Lang::Ja => ja,
        });
        self.error(Diagnostic::new(&r::INVALID_RDATA_FIELD, span, message).maybe_help(help));
    }

    fn whole_span(&self) -> Span {
        match (self.toks.first(), self.toks.last()) {
            (Some(f), Some(l)) => f.span.to(l.span),
            _ => self.cx.type_span,
        }
    }

    /// RFC 1876 §3: `d1 [m1 [s1]] N|S d2 [m2 [s2]] E|W alt[m] [siz[m] [hp[m] [vp[m]]]]`.
    pub(super) fn loc(&mut self) {
        let span = self.whole_span();
        let texts: Vec<String> = self.rest().iter().map(|t| t.text().into_owned()).collect();
        match parse_loc(&texts) {
            Some(wire) => self.out.extend_from_slice(&wire),
            None => self.invalid(
                span,
                "invalid LOC data".into(),
                "LOC のデータが不正です".into(),
                Some((
                    "write `35 41 22.0 N 139 41 30.0 E 40m [size [hp [vp]]]` (RFC 1876 §3)".into(),
                    "`35 41 22.0 N 139 41 30.0 E 40m [サイズ [水平精度 [垂直精度]]]` の形で書いてください（RFC 1876 §3）".into(),
                )),
            ),
        }
    }

    /// RFC 1035 §3.4.2: `address protocol service...`.
    pub(super) fn wks(&mut self) {
        self.ipv4("address");
        let Some(proto) = self.expect("protocol") else {
            return;
        };
        let proto_num = match proto.text().to_ascii_lowercase().as_str() {
            "tcp" => Some(6),
            "udp" => Some(17),
            other => parse_uint(other, 255),
        };
        let Some(proto_num) = proto_num else {
            self.bad_number(&proto, "protocol", 255);
            return;
        };
        self.out.push(proto_num as u8);
        let mut bits = Vec::<u8>::new();
        for t in self.rest() {
            let port = parse_uint(&t.text(), 65535).or_else(|| well_known_port(&t.text()));
            match port {
                Some(p) => {
                    let p = p as usize;
                    if bits.len() <= p / 8 {
                        bits.resize(p / 8 + 1, 0);
                    }
                    bits[p / 8] |= 0x80 >> (p % 8);
                }
                None => self.bad_number(t, "service", 65535),
            }
        }
        self.out.extend_from_slice(&bits);
    }

    /// RFC 3123 §5: `[!]afi:address/prefix ...`.
    pub(super) fn apl(&mut self) {
        for t in self.rest() {
            let text = t.text();
            match parse_apl_item(&text) {
                Some(wire) => self.out.extend_from_slice(&wire),
                None => {
                    let shown = t.shown();
                    self.invalid(
                        t.span,
                        format!("invalid APL item `{shown}`"),
                        format!("APL の項目 `{shown}` が不正です"),
                        Some((
                            "write `1:192.0.2.0/24` or `!2:2001:db8::/32`".into(),
                            "`1:192.0.2.0/24` や `!2:2001:db8::/32` の形で書いてください".into(),
                        )),
                    );
                }
            }
        }
    }

    /// RFC 4025 §3.1: `precedence gateway-type algorithm gateway [public-key]`.
    pub(super) fn ipseckey(&mut self) {
        self.number("precedence", 255, 1);
        let gateway_type = self
            .toks
            .get(self.pos)
            .and_then(|t| parse_uint(&t.text(), 3));
        self.number("gateway type", 3, 1);
        self.number("algorithm", 255, 1);
        let Some(gw) = self.expect("gateway") else {
            return;
        };
        match gateway_type {
            Some(0) if gw.text() == "." => {}
            Some(1) => {
                self.pos -= 1;
                self.ipv4("gateway");
            }
            Some(2) => {
                self.pos -= 1;
                self.ipv6("gateway");
            }
            Some(3) => {
                self.name(&gw, "gateway");
            }
            Some(_) => {
                let shown = gw.shown();
                self.invalid(gw.span, format!("gateway `{shown}` does not match gateway type 0; write `.`"),
                    format!("ゲートウェイ `{shown}` がゲートウェイタイプ 0 と合いません。`.` と書いてください"), None);
            }
            None => {}
        }
        self.base64("public key", true);
    }

    /// RFC 8005 §3: `pk-algorithm hit public-key [rendezvous-server...]`.
    pub(super) fn hip(&mut self) {
        let Some(alg) = self.expect("public key algorithm") else {
            return;
        };
        let Some(alg) = parse_uint(&alg.text(), 255).map(|a| a as u8).or_else(|| {
            self.bad_number(&alg, "public key algorithm", 255);
            None
        }) else {
            return;
        };
        let Some(hit) = self.expect("HIT") else {
            return;
        };
        let Some(pk) = self.expect("public key") else {
            return;
        };
        let hit_bytes = data_encoding::HEXUPPER_PERMISSIVE.decode(hit.text().as_bytes());
        let pk_bytes = data_encoding::BASE64.decode(pk.text().as_bytes());
        let (hit_bytes, pk_bytes) = match (hit_bytes, pk_bytes) {
            (Ok(h), Ok(p)) if h.len() <= 255 && p.len() <= 65535 => (h, p),
            (Err(e), _) => return self.bad_encoding(hit.span, "HIT", "hex", e.to_string()),
            (_, Err(e)) => {
                return self.bad_encoding(pk.span, "public key", "base64", e.to_string());
            }
            _ => return self.bad_encoding(hit.span, "HIT", "hex", "too long".into()),
        };
        self.out.push(hit_bytes.len() as u8);
        self.out.push(alg);
        self.out
            .extend_from_slice(&(pk_bytes.len() as u16).to_be_bytes());
        self.out.extend_from_slice(&hit_bytes);
        self.out.extend_from_slice(&pk_bytes);
        for t in self.rest() {
            self.name(t, "rendezvous server");
        }
    }

    /// RFC 8777 §4.1: `precedence discovery-optional type relay`.
    pub(super) fn amtrelay(&mut self) {
        self.number("precedence", 255, 1);
        let d_tok = self.expect("discovery optional flag");
        let t_tok = self.expect("relay type");
        let (Some(d_tok), Some(t_tok)) = (d_tok, t_tok) else {
            return;
        };
        let (Some(d), Some(kind)) = (parse_uint(&d_tok.text(), 1), parse_uint(&t_tok.text(), 3))
        else {
            self.invalid(
                d_tok.span.to(t_tok.span),
                "AMTRELAY discovery flag must be 0 or 1 and relay type 0 to 3".into(),
                "AMTRELAY の discovery フラグは 0 か 1、リレータイプは 0 から 3 です".into(),
                None,
            );
            return;
        };
        self.out.push((d as u8) << 7 | kind as u8);
        match kind {
            0 => {
                if let Some(t) = self.next()
                    && t.text() != "."
                {
                    self.invalid(
                        t.span,
                        "relay type 0 takes `.` as its relay".into(),
                        "リレータイプ 0 のリレーは `.` です".into(),
                        None,
                    );
                }
            }
            1 => self.ipv4("relay"),
            2 => self.ipv6("relay"),
            _ => {
                if let Some(t) = self.expect("relay") {
                    self.name(&t, "relay");
                }
            }
        }
        self.expect_end();
    }

    /// RFC 1706 §5: `0x` and hex, dots allowed.
    pub(super) fn nsap(&mut self) {
        let Some(t) = self.expect("NSAP address") else {
            return;
        };
        let text = t.text();
        let hex = text
            .strip_prefix("0x")
            .or_else(|| text.strip_prefix("0X"))
            .map(|h| h.replace('.', ""));
        match hex.map(|h| data_encoding::HEXUPPER_PERMISSIVE.decode(h.as_bytes())) {
            Some(Ok(bytes)) if !bytes.is_empty() => self.out.extend_from_slice(&bytes),
            _ => {
                let shown = t.shown();
                self.invalid(
                    t.span,
                    format!("invalid NSAP address `{shown}`"),
                    format!("NSAP アドレス `{shown}` が不正です"),
                    Some((
                        "write `0x` followed by hex digits, dots allowed".into(),
                        "`0x` の後に 16 進数を書いてください（ドット可）".into(),
                    )),
                );
            }
        }
    }

    /// RFC 9460 SVCB and HTTPS, parsed by hickory, whose parser implements the parameter
    /// grammar in full. Relative target names are completed with the origin here, since hickory
    /// leaves them relative.
    pub(super) fn svcb(&mut self) {
        use hickory_proto::rr::RData;
        use hickory_proto::rr::rdata::{HTTPS, SVCB};
        let span = self.whole_span();
        let rest = self.rest();
        if rest.is_empty() {
            self.missing("priority and target");
            return;
        }
        let text: Vec<String> = rest
            .iter()
            .map(|t| {
                if t.is_quoted() {
                    format!("\"{}\"", t.raw)
                } else {
                    let text = t.text();
                    // hickory 0.26 does not know `dohpath` (RFC 9461, key 7); BIND reads it.
                    // Its value is a plain string, which is what the generic `key7` form holds.
                    match text.strip_prefix("dohpath=") {
                        Some(value) => format!("key7={value}"),
                        None => text.into_owned(),
                    }
                }
            })
            .collect();
        let rtype = self.cx.rtype;
        let parsed = RData::try_from_str(rtype.to_hickory(), &text.join(" "));
        let svcb = match parsed {
            Ok(RData::SVCB(s)) => s,
            Ok(RData::HTTPS(HTTPS(s))) => s,
            Ok(_) => unreachable!("hickory returns the type asked for"),
            Err(e) => {
                let detail = crate::diag::escape(&e.to_string()).into_owned();
                self.invalid(span, format!("invalid {rtype} data: {detail}"), format!("{rtype} のデータが不正です: {detail}"),
                    Some(("write `priority target key=value...`, such as `1 . alpn=h2,h3` (RFC 9460 §2.1)".into(),
                        "`1 . alpn=h2,h3` のように `優先度 ターゲット key=value...` と書いてください（RFC 9460 §2.1）".into())));
                return;
            }
        };
        let mut target = svcb.target_name.clone();
        if !target.is_fqdn() {
            match self.cx.origin {
                Some(origin) => match target.clone().append_domain(&origin.to_hickory()) {
                    Ok(t) => target = t,
                    Err(_) => {
                        self.invalid(
                            span,
                            "target name is too long once the origin is appended".into(),
                            "オリジンを付加するとターゲット名が長すぎます".into(),
                            None,
                        );
                        return;
                    }
                },
                None => {
                    self.invalid(
                        span,
                        "relative target name but no origin is known".into(),
                        "相対ターゲット名がありますが、オリジンが不明です".into(),
                        None,
                    );
                    return;
                }
            }
        }
        // RFC 9460 §2.1: parameters may be written in any order but each key once; the wire
        // form holds them in increasing key order (§2.2), which hickory's encoder insists on.
        // Found by the interop suite: BIND and Knot load `alpn=h2 mandatory=alpn`.
        let mut params = svcb.svc_params.clone();
        params.sort_by_key(|(key, _)| u16::from(*key));
        if let Some(pair) = params
            .windows(2)
            .find(|w| u16::from(w[0].0) == u16::from(w[1].0))
        {
            let key = pair[0].0;
            self.invalid(
                span,
                format!("SvcParam key `{key}` appears more than once"),
                format!("SvcParam のキー `{key}` が複数回書かれています"),
                Some((
                    "write each key once, with all its values: `alpn=h2,h3` (RFC 9460 §2.1)".into(),
                    "キーは一度だけ、値をまとめて書いてください: `alpn=h2,h3`（RFC 9460 §2.1）"
                        .into(),
                )),
            );
            return;
        }
        let svcb = SVCB::new(svcb.svc_priority, target, params);
        let rdata = if rtype == crate::zone::rtype::RType::HTTPS {
            RData::HTTPS(HTTPS(svcb))
        } else {
            RData::SVCB(svcb)
        };
        if super::view::emit_hickory(&rdata, self.out).is_err() {
            self.invalid(
                span,
                format!("{rtype} data could not be encoded"),
                format!("{rtype} のデータを符号化できません"),
                None,
            );
        }
    }
}

fn well_known_port(name: &str) -> Option<u64> {
    let table: &[(&str, u64)] = &[
        ("ftp-data", 20),
        ("ftp", 21),
        ("ssh", 22),
        ("telnet", 23),
        ("smtp", 25),
        ("domain", 53),
        ("http", 80),
        ("pop3", 110),
        ("imap", 143),
        ("https", 443),
        ("submission", 587),
    ];
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, p)| p)
}

fn parse_apl_item(text: &str) -> Option<Vec<u8>> {
    let (negate, rest) = match text.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (afi, rest) = rest.split_once(':')?;
    let (addr, prefix) = rest.rsplit_once('/')?;
    let afi = parse_uint(afi, 65535)? as u16;
    let prefix = parse_uint(prefix, 255)? as u8;
    let mut bytes = match afi {
        1 if prefix <= 32 => addr.parse::<std::net::Ipv4Addr>().ok()?.octets().to_vec(),
        2 if prefix <= 128 => addr.parse::<std::net::Ipv6Addr>().ok()?.octets().to_vec(),
        _ => return None,
    };
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    let mut out = afi.to_be_bytes().to_vec();
    out.push(prefix);
    out.push(u8::from(negate) << 7 | bytes.len() as u8);
    out.extend_from_slice(&bytes);
    Some(out)
}

/// Parses LOC presentation into its 16 wire octets.
pub fn parse_loc(tokens: &[String]) -> Option<Vec<u8>> {
    let mut it = tokens.iter().map(String::as_str).peekable();
    let mut angle = |pos: &str, neg: &str, max_deg: u64| -> Option<u32> {
        let deg = parse_uint(it.next()?, max_deg)?;
        let mut min = 0u64;
        let mut sec_thousandths = 0u64;
        let mut hemisphere = None;
        for slot in 0..2 {
            let next = it.next()?;
            if next.eq_ignore_ascii_case(pos) || next.eq_ignore_ascii_case(neg) {
                hemisphere = Some(next.eq_ignore_ascii_case(pos));
                break;
            }
            if slot == 0 {
                min = parse_uint(next, 59)?;
            } else {
                sec_thousandths = parse_fixed(next, 3)?;
                if sec_thousandths >= 60_000 {
                    return None;
                }
            }
        }
        let north = match hemisphere {
            Some(h) => h,
            None => {
                let h = it.next()?;
                if h.eq_ignore_ascii_case(pos) {
                    true
                } else if h.eq_ignore_ascii_case(neg) {
                    false
                } else {
                    return None;
                }
            }
        };
        let value = (deg * 3600 + min * 60) * 1000 + sec_thousandths;
        if value > max_deg * 3_600_000 {
            return None;
        }
        let base = 1u64 << 31;
        Some(if north { base + value } else { base - value } as u32)
    };
    let lat = angle("N", "S", 90)?;
    let lon = angle("E", "W", 180)?;
    let alt_text = it.next()?;
    let alt_text = alt_text.strip_suffix(['m', 'M']).unwrap_or(alt_text);
    let (negative, alt_abs) = match alt_text.strip_prefix('-') {
        Some(a) => (true, a),
        None => (false, alt_text),
    };
    let alt_cm = parse_fixed(alt_abs, 2)? as i64 * if negative { -1 } else { 1 };
    let alt = alt_cm + 10_000_000;
    if !(0..=u32::MAX as i64).contains(&alt) {
        return None;
    }
    let mut precision = [0x12u8, 0x16, 0x13];
    for slot in &mut precision {
        let Some(text) = it.next() else { break };
        let text = text.strip_suffix(['m', 'M']).unwrap_or(text);
        *slot = encode_precision(parse_fixed(text, 2)?)?;
    }
    if it.next().is_some() {
        return None;
    }
    let mut out = vec![0u8, precision[0], precision[1], precision[2]];
    out.extend_from_slice(&lat.to_be_bytes());
    out.extend_from_slice(&lon.to_be_bytes());
    out.extend_from_slice(&(alt as u32).to_be_bytes());
    Some(out)
}

/// A non-negative decimal with at most `places` fractional digits, scaled to an integer.
fn parse_fixed(text: &str, places: u32) -> Option<u64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty()
        || frac.len() > places as usize
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let int: u64 = int.parse().ok()?;
    let frac_val: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse::<u64>().ok()? * 10u64.pow(places - frac.len() as u32)
    };
    int.checked_mul(10u64.pow(places))?.checked_add(frac_val)
}

/// RFC 1876 precision: centimetres as a mantissa (high nibble) times a power of ten (low nibble).
fn encode_precision(cm: u64) -> Option<u8> {
    let mut exponent = 0u8;
    let mut mantissa = cm;
    while mantissa > 9 {
        if !mantissa.is_multiple_of(10) && exponent >= 9 {
            return None;
        }
        mantissa /= 10;
        exponent += 1;
    }
    (exponent <= 9).then_some((mantissa as u8) << 4 | exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(text: &str) -> Option<Vec<u8>> {
        parse_loc(
            &text
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn loc_rfc_1876_example() {
        // RFC 1876 Appendix A: cambridge-net.kei.com.
        let wire = loc("42 21 54 N 71 06 18 W -24m 30m").unwrap();
        assert_eq!(wire[..4], [0, 0x33, 0x16, 0x13]);
        assert_eq!(
            u32::from_be_bytes(wire[4..8].try_into().unwrap()),
            (1u64 << 31) as u32 + (42 * 3600 + 21 * 60 + 54) * 1000
        );
        assert_eq!(
            u32::from_be_bytes(wire[12..16].try_into().unwrap()),
            10_000_000 - 2400
        );
        assert!(loc("52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m").is_some());
        assert!(loc("91 N 0 E 0m").is_none());
        assert!(loc("35 N 139 X 0m").is_none());
    }

    #[test]
    fn apl_items() {
        assert_eq!(
            parse_apl_item("1:192.168.32.0/21").unwrap(),
            [0, 1, 21, 3, 192, 168, 32]
        );
        assert_eq!(
            parse_apl_item("!1:192.168.38.0/28").unwrap(),
            [0, 1, 28, 0x83, 192, 168, 38]
        );
        assert!(parse_apl_item("1:192.168.38.0/33").is_none());
    }
}
