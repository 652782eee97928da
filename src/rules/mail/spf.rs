//! An SPF record (RFC 7208 §4.5, §12) parsed into terms with their byte ranges in the joined
//! text, so each SPF rule can judge one aspect and point at the term at fault.
//!
//! The parser follows the ABNF of RFC 7208 §12 and never fails: a term it cannot read is kept,
//! classified by what is wrong with it. Mechanism and modifier names are matched without case,
//! as ABNF strings are.

use std::ops::Range;

/// The version section, matched without case and followed by a space or the end (§4.5).
pub const VERSION: &[u8] = b"v=spf1";

/// Most DNS-querying terms an evaluation may cause (§4.6.4).
pub const LOOKUP_LIMIT: usize = 10;

/// True when receivers treat `text` (the joined TXT) as an SPF record (§4.5).
pub fn is_spf(text: &[u8]) -> bool {
    text.len() >= VERSION.len()
        && text[..VERSION.len()].eq_ignore_ascii_case(VERSION)
        && (text.len() == VERSION.len() || text[VERSION.len()] == b' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mech {
    All,
    Include,
    A,
    Mx,
    Ptr,
    Ip4,
    Ip6,
    Exists,
}

impl Mech {
    pub const ALL: [Mech; 8] = [
        Mech::All,
        Mech::Include,
        Mech::A,
        Mech::Mx,
        Mech::Ptr,
        Mech::Ip4,
        Mech::Ip6,
        Mech::Exists,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mech::All => "all",
            Mech::Include => "include",
            Mech::A => "a",
            Mech::Mx => "mx",
            Mech::Ptr => "ptr",
            Mech::Ip4 => "ip4",
            Mech::Ip6 => "ip6",
            Mech::Exists => "exists",
        }
    }

    fn from_name(name: &[u8]) -> Option<Mech> {
        Mech::ALL
            .into_iter()
            .find(|m| m.name().as_bytes().eq_ignore_ascii_case(name))
    }

    /// Mechanisms that cost a DNS lookup and count against the limit of ten (§4.6.4).
    pub fn queries_dns(self) -> bool {
        matches!(
            self,
            Mech::Include | Mech::A | Mech::Mx | Mech::Ptr | Mech::Exists
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    Redirect,
    Exp,
    /// Receivers ignore modifiers they do not know (§6).
    Unknown,
}

/// Why a term's first character is not a valid start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierFault {
    /// A character that is neither a qualifier nor a letter; `meant` is the qualifier a
    /// look-alike (a Unicode minus, a full-width tilde) stands for.
    NotAQualifier { meant: Option<char> },
    /// Two qualifiers, `-~all`.
    Doubled,
    /// A qualifier and nothing after it.
    Alone,
    /// A qualifier in front of a modifier, `-redirect=...`.
    OnModifier,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Mechanism {
        qualifier: Option<u8>,
        mech: Mech,
    },
    Modifier(Modifier),
    /// A word that is no mechanism: receivers return "permerror" (§4.6.1).
    UnknownMechanism,
    BadQualifier(QualifierFault),
}

/// What is wrong with a known term's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultKind {
    /// `include`, `exists`, `redirect` and `exp` need a domain.
    MissingDomain,
    /// The domain-spec does not end in a top label, or holds characters it may not.
    InvalidDomain,
    /// A `%` that does not start a valid macro (§7.1).
    InvalidMacro,
    MissingAddress,
    InvalidIp4,
    InvalidIp6,
    /// A prefix length out of range or badly written; `max` is 32 or 128.
    InvalidCidr {
        max: u8,
    },
    /// An argument where the mechanism takes none (`all:x`, `ip4` written `ip4=`...).
    UnexpectedArgument,
    /// A mechanism name followed by `=`: read as an unknown modifier and silently ignored.
    MechanismAsModifier(Mech),
    /// A character outside printable ASCII (a full-width letter, say).
    NonAscii,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub range: Range<usize>,
    pub kind: FaultKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The whole term, qualifier included.
    pub range: Range<usize>,
    /// The mechanism or modifier name.
    pub name: Range<usize>,
    /// The argument after `:` or `=` (empty range when there is none), CIDR lengths included.
    pub arg: Range<usize>,
    pub kind: Kind,
    pub fault: Option<Fault>,
    /// The term runs across a string boundary where a space was needed: two terms joined
    /// into one (see ZG550). Other rules leave such a term to that rule.
    pub split_at: Option<usize>,
}

impl Term {
    pub fn mech(&self) -> Option<Mech> {
        match self.kind {
            Kind::Mechanism { mech, .. } => Some(mech),
            _ => None,
        }
    }

    pub fn modifier(&self) -> Option<Modifier> {
        match self.kind {
            Kind::Modifier(m) => Some(m),
            _ => None,
        }
    }

    /// A well-formed mechanism or known modifier.
    pub fn is_clean(&self) -> bool {
        self.fault.is_none()
            && matches!(
                self.kind,
                Kind::Mechanism { .. } | Kind::Modifier(Modifier::Redirect | Modifier::Exp)
            )
    }
}

/// A parsed SPF record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spf {
    pub terms: Vec<Term>,
    /// Separators other than ASCII spaces (tabs, full-width spaces): a syntax error (§12).
    pub bad_separators: Vec<Range<usize>>,
}

impl Spf {
    /// Parses `text`, which [`is_spf`]. `boundaries` are the offsets where TXT strings were
    /// joined, to find terms run together by a missing space.
    pub fn parse(text: &[u8], boundaries: &[usize]) -> Spf {
        let mut spf = Spf::default();
        let mut i = VERSION.len().min(text.len());
        while i < text.len() {
            // Separators: spaces; tabs and ideographic spaces are reported but also separate,
            // so the terms around them are still checked.
            if text[i] == b' ' {
                i += 1;
                continue;
            }
            if let Some(len) = other_space(&text[i..]) {
                spf.bad_separators.push(i..i + len);
                i += len;
                continue;
            }
            let start = i;
            while i < text.len() && text[i] != b' ' && other_space(&text[i..]).is_none() {
                i += 1;
            }
            let mut term = parse_term(text, start..i);
            term.split_at = split_point(text, &term, boundaries);
            spf.terms.push(term);
        }
        spf
    }

    /// Index of the first `all` mechanism.
    pub fn all_index(&self) -> Option<usize> {
        self.terms.iter().position(|t| t.mech() == Some(Mech::All))
    }

    /// The terms a receiver may evaluate, each with its index in `terms`: everything up to and
    /// including `all`; `redirect` only when there is no `all` (§6.1).
    pub fn evaluated(&self) -> impl Iterator<Item = (usize, &Term)> {
        let all = self.all_index();
        let end = all.map_or(self.terms.len(), |a| a + 1);
        self.terms
            .iter()
            .enumerate()
            .filter(move |&(i, t)| match t.kind {
                Kind::Modifier(Modifier::Redirect) => all.is_none(),
                Kind::Modifier(_) => false,
                _ => i < end,
            })
    }
}

/// Length of a tab or ideographic space (U+3000) at the start of `bytes`.
fn other_space(bytes: &[u8]) -> Option<usize> {
    if bytes.first() == Some(&b'\t') {
        Some(1)
    } else if bytes.starts_with("\u{3000}".as_bytes()) {
        Some(3)
    } else {
        None
    }
}

/// The qualifier a look-alike character stands for: dashes and minus signs for `-`, wave dashes
/// for `~`, full-width forms for their ASCII.
pub fn lookalike_qualifier(c: char) -> Option<char> {
    let ascii = crate::zone::customer::fullwidth_to_ascii(c);
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => Some('-'),
        '\u{301C}' | '\u{223C}' | '\u{02DC}' => Some('~'),
        _ => ascii.filter(|a| matches!(a, '+' | '-' | '~' | '?')),
    }
}

fn parse_term(text: &[u8], range: Range<usize>) -> Term {
    let t = &text[range.clone()];
    let base = range.start;
    let mut term = Term {
        range: range.clone(),
        name: range.clone(),
        arg: range.end..range.end,
        kind: Kind::UnknownMechanism,
        fault: None,
        split_at: None,
    };
    // Qualifier.
    let mut pos = 0;
    let mut qualifier = None;
    if let Some(&q) = t.first()
        && matches!(q, b'+' | b'-' | b'~' | b'?')
    {
        qualifier = Some(q);
        pos = 1;
        match t.get(1) {
            None => {
                term.kind = Kind::BadQualifier(QualifierFault::Alone);
                return term;
            }
            Some(b'+' | b'-' | b'~' | b'?') => {
                term.name = base..base + 2;
                term.kind = Kind::BadQualifier(QualifierFault::Doubled);
                return term;
            }
            _ => {}
        }
    }
    match t.get(pos) {
        Some(c) if c.is_ascii_alphabetic() => {}
        _ => {
            let (c, len) = super::text::char_at(t, pos);
            term.name = base + pos..base + pos + len;
            term.kind = Kind::BadQualifier(QualifierFault::NotAQualifier {
                meant: c.and_then(lookalike_qualifier),
            });
            if let Some(ascii) = c.and_then(crate::zone::customer::fullwidth_to_ascii)
                && ascii.is_ascii_alphabetic()
            {
                // A full-width letter: the whole term was typed in full-width.
                term.kind = Kind::UnknownMechanism;
                term.fault = Some(Fault {
                    range: term.name.clone(),
                    kind: FaultKind::NonAscii,
                });
            }
            return term;
        }
    }
    // Name: ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
    let name_start = pos;
    while pos < t.len() && (t[pos].is_ascii_alphanumeric() || matches!(t[pos], b'-' | b'_' | b'.'))
    {
        pos += 1;
    }
    let name = &t[name_start..pos];
    term.name = base + name_start..base + pos;
    let after = t.get(pos).copied();
    term.arg = (base + pos + 1).min(range.end)..range.end;
    if after == Some(b'=') {
        if qualifier.is_some() {
            term.kind = Kind::BadQualifier(QualifierFault::OnModifier);
            term.name = base..base + 1;
            return term;
        }
        let arg = term.arg.clone();
        if let Some(mech) = Mech::from_name(name) {
            term.kind = Kind::Modifier(Modifier::Unknown);
            term.fault = Some(Fault {
                range: base + pos..base + pos + 1,
                kind: FaultKind::MechanismAsModifier(mech),
            });
            return term;
        }
        let modifier = if name.eq_ignore_ascii_case(b"redirect") {
            Modifier::Redirect
        } else if name.eq_ignore_ascii_case(b"exp") {
            Modifier::Exp
        } else {
            Modifier::Unknown
        };
        term.kind = Kind::Modifier(modifier);
        term.fault = match modifier {
            Modifier::Unknown => check_macro_string(text, arg),
            _ => check_domain_spec(text, arg),
        };
        return term;
    }
    let Some(mech) = Mech::from_name(name) else {
        term.kind = Kind::UnknownMechanism;
        if let Some(off) = t[pos..].iter().position(|b| !b.is_ascii()) {
            // `include：` with a full-width colon, and the like.
            let (_, len) = super::text::char_at(t, pos + off);
            term.fault = Some(Fault {
                range: base + pos + off..base + pos + off + len,
                kind: FaultKind::NonAscii,
            });
        }
        return term;
    };
    term.kind = Kind::Mechanism { qualifier, mech };
    let rest = base + pos..range.end;
    term.fault = check_mechanism(text, mech, rest);
    if after != Some(b':') {
        term.arg = range.end..range.end;
    }
    term
}

/// Checks what follows a mechanism's name: `rest` starts at the first octet after it.
fn check_mechanism(text: &[u8], mech: Mech, rest: Range<usize>) -> Option<Fault> {
    let r = &text[rest.clone()];
    let fault = |range: Range<usize>, kind| Some(Fault { range, kind });
    if let Some(off) = r.iter().position(|b| !(0x21..0x7F).contains(b)) {
        let (_, len) = super::text::char_at(r, off);
        return fault(
            rest.start + off..rest.start + off + len,
            FaultKind::NonAscii,
        );
    }
    match mech {
        Mech::All => (!r.is_empty()).then(|| Fault {
            range: rest.clone(),
            kind: FaultKind::UnexpectedArgument,
        }),
        Mech::Include | Mech::Exists => match r.first() {
            Some(b':') if r.len() > 1 => check_domain_spec(text, rest.start + 1..rest.end),
            Some(b':') | None => fault(rest, FaultKind::MissingDomain),
            Some(_) => fault(rest, FaultKind::UnexpectedArgument),
        },
        Mech::Ptr => match r.first() {
            None => None,
            Some(b':') => check_domain_spec(text, rest.start + 1..rest.end),
            Some(_) => fault(rest, FaultKind::UnexpectedArgument),
        },
        Mech::A | Mech::Mx => {
            // [ ":" domain-spec ] [ ip4-cidr-length ] [ "/" ip6-cidr-length ], read from the end.
            let (domain_end, cidr) = split_dual_cidr(r);
            if let Some((range, max)) = cidr {
                return fault(
                    rest.start + range.start..rest.start + range.end,
                    FaultKind::InvalidCidr { max },
                );
            }
            let d = &r[..domain_end];
            match d.first() {
                None => None,
                Some(b':') => check_domain_spec(text, rest.start + 1..rest.start + domain_end),
                Some(_) => fault(
                    rest.start..rest.start + domain_end,
                    FaultKind::UnexpectedArgument,
                ),
            }
        }
        Mech::Ip4 | Mech::Ip6 => {
            let max = if mech == Mech::Ip4 { 32 } else { 128 };
            match r.first() {
                Some(b':') if r.len() > 1 => {}
                Some(b':') | None => return fault(rest, FaultKind::MissingAddress),
                Some(_) => return fault(rest, FaultKind::UnexpectedArgument),
            }
            let body = &r[1..];
            let (addr, prefix) = match body.iter().rposition(|&b| b == b'/') {
                Some(slash) => (&body[..slash], Some(slash)),
                None => (body, None),
            };
            let addr_text = std::str::from_utf8(addr).unwrap_or("");
            let valid = if mech == Mech::Ip4 {
                addr_text.parse::<std::net::Ipv4Addr>().is_ok()
            } else {
                addr_text.parse::<std::net::Ipv6Addr>().is_ok()
            };
            if !valid {
                return fault(
                    rest.start + 1..rest.start + 1 + addr.len(),
                    if mech == Mech::Ip4 {
                        FaultKind::InvalidIp4
                    } else {
                        FaultKind::InvalidIp6
                    },
                );
            }
            if let Some(slash) = prefix {
                let digits = &body[slash + 1..];
                if !valid_cidr(digits, max) {
                    let s = rest.start + 1 + slash;
                    return fault(s..rest.end, FaultKind::InvalidCidr { max });
                }
            }
            None
        }
    }
}

/// `/N` with N in 0..=max, no leading zeros (`ip4-cidr-length`, `ip6-cidr-length`).
fn valid_cidr(digits: &[u8], max: u8) -> bool {
    !digits.is_empty()
        && digits.len() <= 3
        && digits.iter().all(u8::is_ascii_digit)
        && (digits == b"0" || digits[0] != b'0')
        && std::str::from_utf8(digits)
            .ok()
            .and_then(|d| d.parse::<u16>().ok())
            .is_some_and(|n| n <= u16::from(max))
}

/// Splits the dual CIDR length off the end of an `a`/`mx` argument: the offset where it
/// starts, and a faulty part with its limit.
fn split_dual_cidr(r: &[u8]) -> (usize, Option<(Range<usize>, u8)>) {
    // Only a slash followed by digits (or the `//` of an IPv6 length) starts a CIDR length; a
    // slash elsewhere is part of a macro-string.
    let mut end = r.len();
    let mut bad = None;
    let digits_before = |end: usize| {
        let mut s = end;
        while s > 0 && r[s - 1].is_ascii_digit() {
            s -= 1;
        }
        s
    };
    // IPv6 part: `//N`.
    let s = digits_before(end);
    if s >= 2 && r[s - 1] == b'/' && r[s - 2] == b'/' {
        if !valid_cidr(&r[s..end], 128) {
            bad = Some((s - 2..end, 128));
        }
        end = s - 2;
    }
    let s = digits_before(end);
    if s >= 1 && r[s - 1] == b'/' && s < end {
        if !valid_cidr(&r[s..end], 32) && bad.is_none() {
            bad = Some((s - 1..end, 32));
        }
        end = s - 1;
    } else if end > 0 && r[end - 1] == b'/' && bad.is_none() {
        // A slash with nothing after it.
        bad = Some((end - 1..r.len(), 32));
        end -= 1;
    }
    (end, bad)
}

/// `macro-string` (§7.1): literals 0x21–0x7E except `%`, and `%{...}`, `%%`, `%_`, `%-`.
fn check_macro_string(text: &[u8], range: Range<usize>) -> Option<Fault> {
    let r = &text[range.clone()];
    let mut i = 0;
    while i < r.len() {
        match r[i] {
            b'%' => match macro_len(&r[i..]) {
                Some(len) => i += len,
                None => {
                    let end = r[i + 1..]
                        .iter()
                        .position(|&b| b == b'}')
                        .map_or((i + 2).min(r.len()), |p| i + 2 + p);
                    return Some(Fault {
                        range: range.start + i..range.start + end,
                        kind: FaultKind::InvalidMacro,
                    });
                }
            },
            0x21..=0x7E => i += 1,
            _ => {
                let (_, len) = super::text::char_at(r, i);
                return Some(Fault {
                    range: range.start + i..range.start + i + len,
                    kind: FaultKind::NonAscii,
                });
            }
        }
    }
    None
}

/// Length of the macro at the start of `r` (which starts with `%`), if valid.
fn macro_len(r: &[u8]) -> Option<usize> {
    match r.get(1)? {
        b'%' | b'_' | b'-' => Some(2),
        b'{' => {
            let letter = r.get(2)?.to_ascii_lowercase();
            if !b"slodiphcrtv".contains(&letter) {
                return None;
            }
            let mut i = 3;
            while r.get(i)?.is_ascii_digit() {
                i += 1;
            }
            if r.get(i)?.eq_ignore_ascii_case(&b'r') {
                i += 1;
            }
            while b".-+,/_=".contains(r.get(i)?) {
                i += 1;
            }
            (*r.get(i)? == b'}').then_some(i + 1)
        }
        _ => None,
    }
}

/// `domain-spec = macro-string domain-end`, with `domain-end` a `.toplabel` (optionally a
/// trailing dot) or a macro. Never empty: even the optional domains of `a`, `mx` and `ptr` must
/// follow their `:`.
fn check_domain_spec(text: &[u8], range: Range<usize>) -> Option<Fault> {
    if range.is_empty() {
        return Some(Fault {
            range,
            kind: FaultKind::MissingDomain,
        });
    }
    if let Some(f) = check_macro_string(text, range.clone()) {
        return Some(f);
    }
    let r = &text[range.clone()];
    let bad = || {
        Some(Fault {
            range: range.clone(),
            kind: FaultKind::InvalidDomain,
        })
    };
    if r.ends_with(b"}") || r.ends_with(b"%%") || r.ends_with(b"%_") || r.ends_with(b"%-") {
        // Ends in a macro: the domain is known only at evaluation time.
        return None;
    }
    if r.windows(2).any(|w| w == b"..") || r.starts_with(b".") {
        return bad();
    }
    let body = r.strip_suffix(b".").unwrap_or(r);
    let Some(dot) = body.iter().rposition(|&b| b == b'.') else {
        return bad();
    };
    is_toplabel(&body[dot + 1..])
        .then_some(())
        .map_or_else(bad, |_| None)
}

/// `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`:
/// letters and digits, inner hyphens, and not all digits.
fn is_toplabel(l: &[u8]) -> bool {
    !l.is_empty()
        && l.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && l[0] != b'-'
        && l[l.len() - 1] != b'-'
        && (l.iter().any(u8::is_ascii_alphabetic) || l.contains(&b'-'))
}

/// When a term runs across a string boundary that has no space on either side, and each side
/// would be a valid term of its own, the strings were joined without the space the customer
/// meant to keep: the offset of that boundary.
fn split_point(text: &[u8], term: &Term, boundaries: &[usize]) -> Option<usize> {
    // Boundaries are sorted: only those inside the term are looked at, so a record of many
    // strings and many terms costs a binary search per term.
    let first = boundaries.partition_point(|&b| b <= term.range.start);
    boundaries[first..]
        .iter()
        .copied()
        .take_while(|&b| b < term.range.end)
        .find(|&b| {
            let left = parse_term(text, term.range.start..b);
            let right = parse_term(text, b..term.range.end);
            left.is_clean() && right.is_clean()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Spf {
        Spf::parse(s.as_bytes(), &[])
    }

    fn kinds(s: &str) -> Vec<(String, Kind, Option<FaultKind>)> {
        parse(s)
            .terms
            .iter()
            .map(|t| {
                (
                    s[t.range.clone()].to_owned(),
                    t.kind,
                    t.fault.as_ref().map(|f| f.kind),
                )
            })
            .collect()
    }

    #[test]
    fn recognises_spf_records() {
        assert!(is_spf(b"v=spf1"));
        assert!(is_spf(b"V=SPF1 -all"));
        assert!(!is_spf(b"v=spf1include:x.jp"));
        assert!(!is_spf(b" v=spf1 -all"));
        assert!(!is_spf(b"v=spf10"));
    }

    #[test]
    fn parses_valid_terms() {
        let s = "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx:mail.example.jp/24//64 \
                 include:spf.protection.outlook.com exists:%{i}._spf.%{d} ptr ?all \
                 redirect=_spf.example.jp exp=explain.%{d2} foo=bar";
        for (term, kind, fault) in kinds(s) {
            assert_eq!(fault, None, "{term}: {kind:?}");
        }
        let spf = parse(s);
        assert_eq!(spf.terms.len(), 11);
        assert_eq!(spf.terms[10].modifier(), Some(Modifier::Unknown));
        assert_eq!(
            spf.terms[7].kind,
            Kind::Mechanism {
                qualifier: Some(b'?'),
                mech: Mech::All
            }
        );
    }

    #[test]
    fn classifies_faults() {
        let k = kinds(
            "v=spf1 ip4:192.0.2.300 ip4:192.0.2.0/33 include: include:localhost all:x \
             a/ mx// exists:%{z}.x.jp include=spf.example.jp",
        );
        let faults: Vec<_> = k.iter().map(|(_, _, f)| *f).collect();
        assert_eq!(
            faults,
            vec![
                Some(FaultKind::InvalidIp4),
                Some(FaultKind::InvalidCidr { max: 32 }),
                Some(FaultKind::MissingDomain),
                Some(FaultKind::InvalidDomain),
                Some(FaultKind::UnexpectedArgument),
                Some(FaultKind::InvalidCidr { max: 32 }),
                Some(FaultKind::InvalidCidr { max: 128 }),
                Some(FaultKind::InvalidMacro),
                Some(FaultKind::MechanismAsModifier(Mech::Include)),
            ]
        );
    }

    #[test]
    fn classifies_qualifiers_and_unknown_words() {
        let k =
            kinds("v=spf1 !all −all ~-all - -redirect=x.jp foo ｉｎｃｌｕｄｅ:x.jp redirect:x.jp");
        assert_eq!(
            k[0].1,
            Kind::BadQualifier(QualifierFault::NotAQualifier { meant: None })
        );
        assert_eq!(
            k[1].1,
            Kind::BadQualifier(QualifierFault::NotAQualifier { meant: Some('-') })
        );
        assert_eq!(k[2].1, Kind::BadQualifier(QualifierFault::Doubled));
        assert_eq!(k[3].1, Kind::BadQualifier(QualifierFault::Alone));
        assert_eq!(k[4].1, Kind::BadQualifier(QualifierFault::OnModifier));
        assert_eq!(k[5].1, Kind::UnknownMechanism);
        assert_eq!(
            (k[6].1, k[6].2),
            (Kind::UnknownMechanism, Some(FaultKind::NonAscii))
        );
        assert_eq!(k[7].1, Kind::UnknownMechanism);
    }

    #[test]
    fn tabs_and_ideographic_spaces_are_bad_separators_that_still_separate() {
        let spf = parse("v=spf1 a\tmx\u{3000}-all");
        assert_eq!(spf.terms.len(), 3);
        assert_eq!(spf.bad_separators, vec![8..9, 11..14]);
    }

    #[test]
    fn finds_terms_joined_across_strings() {
        let text = b"v=spf1 include:a.example.jpinclude:b.example.jp -all";
        let spf = Spf::parse(text, &[27]);
        assert_eq!(spf.terms[0].split_at, Some(27));
        // A domain split in the middle is fine: the right half is no term of its own.
        let text = b"v=spf1 include:spf.protection.outlook.com -all";
        let spf = Spf::parse(text, &[22]);
        assert_eq!(spf.terms[0].split_at, None);
    }

    #[test]
    fn evaluated_terms_stop_at_all_and_skip_redirect_with_all() {
        let spf = parse("v=spf1 a -all mx redirect=x.example.jp");
        let names: Vec<_> = spf.evaluated().map(|(_, t)| t.mech()).collect();
        assert_eq!(names, vec![Some(Mech::A), Some(Mech::All)]);
        let spf = parse("v=spf1 a redirect=x.example.jp");
        assert_eq!(spf.evaluated().count(), 2);
    }
}
