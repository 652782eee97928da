//! Record data: from tokens to wire form, and back.
//!
//! [`parse`] reads the tokens after the type field according to the type's field list in
//! [`crate::zone::rtype::TYPES`], appending the wire form to the zone's arena. Each fault becomes
//! a diagnostic on its own token, and parsing goes on with the next field, so a record with two
//! bad fields yields two findings. RFC 3597 generic data (`\# len hex`) is accepted for every type.
//!
//! Why not `hickory_proto::rr::RData::try_from_str` for the types it knows? It ignores extra
//! tokens (`A 192.0.2.1 192.0.2.2` parses), decodes `\DDD` wrongly (hickory-dns#3955), and has
//! no positions. It stays the parser for SVCB/HTTPS, whose grammar it implements in full, and the
//! `hickory_agrees` test checks this parser against it for every type both read.

mod fields;
pub mod present;
mod special;
pub mod view;

use crate::diag::{Diagnostic, Emitter, escape};
use crate::rules::syntax as r;
use crate::source::Span;
use crate::tr;
use crate::zone::lexer::{ESCAPED, FULLWIDTH, QUOTED};
use crate::zone::name::{NameError, NameErrorKind, NameNotes, NameRef};
use crate::zone::rtype::{Field, RType, Special};
use std::borrow::Cow;

/// A token of record data: its text as written (quotes removed), where it is, and how it was
/// written. Generated records (`$GENERATE`) make these from text that exists only in memory,
/// pointing their spans at the directive.
#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub raw: &'a str,
    pub span: Span,
    pub flags: u8,
}

impl<'a> Tok<'a> {
    pub fn is_quoted(&self) -> bool {
        self.flags & QUOTED != 0
    }

    /// The octets the token stands for, escapes decoded.
    pub fn value(&self) -> Cow<'a, [u8]> {
        unescape(self.raw, self.flags)
    }

    /// The text for keywords, numbers and names: full-width forms read as ASCII, escapes kept.
    pub fn text(&self) -> Cow<'a, str> {
        if self.flags & FULLWIDTH != 0 && !self.is_quoted() {
            Cow::Owned(crate::zone::customer::fullwidth_to_ascii_str(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    /// The token as shown in a message: escaped for the terminal, shortened if long.
    pub fn shown(&self) -> String {
        shorten(&escape(self.raw))
    }
}

/// Long tokens are cut in messages; the caret shows the whole of them anyway.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    }
}

/// Decodes `\X` and `\DDD` escapes and, outside quotes, full-width forms.
pub fn unescape(raw: &str, flags: u8) -> Cow<'_, [u8]> {
    if flags & (ESCAPED | FULLWIDTH) == 0 {
        return Cow::Borrowed(raw.as_bytes());
    }
    let fullwidth = flags & FULLWIDTH != 0 && flags & QUOTED == 0;
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => match crate::zone::name::decode_escape(bytes, i) {
                Some((octet, next)) if bytes[i + 1].is_ascii_digit() => {
                    out.push(octet);
                    i = next;
                }
                Some(_) => {
                    let c_len = raw[i + 1..].chars().next().map_or(1, char::len_utf8);
                    out.extend_from_slice(&bytes[i + 1..i + 1 + c_len]);
                    i += 1 + c_len;
                }
                None => {
                    out.push(b'\\');
                    i += 1;
                }
            },
            0x80.. if fullwidth => {
                let c = raw[i..].chars().next().expect("char boundary");
                match crate::zone::customer::fullwidth_to_ascii(c) {
                    Some(a) => out.push(a as u8),
                    None => out.extend_from_slice(&bytes[i..i + c.len_utf8()]),
                }
                i += c.len_utf8();
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Everything parsing one record's data needs to know.
pub struct Context<'a> {
    pub rtype: RType,
    /// The span of the type token, for "missing data" findings.
    pub type_span: Span,
    pub origin: Option<NameRef<'a>>,
    /// Names with a dot inside are complete even without the trailing dot: record tables are
    /// written that way (`mail.example.net` means the mail server, never
    /// `mail.example.net.example.co.jp.`). A name without a dot is still relative to the zone.
    pub dotted_names_absolute: bool,
}

/// What parsing noticed that the caller may want to report at record level.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Notes {
    /// Some name in the data was relative (not `@`) and completed with the origin: the record
    /// is marked, and the "missing trailing dot" rules look at such records.
    pub relative_name: bool,
}

/// The record's faults have been reported; the record is not added.
#[derive(Debug)]
pub struct Reported;

/// Parses `toks` as the data of a `cx.rtype` record, appending the wire form to `out`.
/// On failure, `out` is left as it was and every fault has been reported.
pub fn parse(
    cx: &Context<'_>,
    toks: &[Tok<'_>],
    out: &mut Vec<u8>,
    em: &mut Emitter<'_>,
) -> Result<Notes, Reported> {
    match parse_plain(cx, toks, out) {
        Some(notes) => Ok(notes),
        None => parse_any(cx, toks, out, em),
    }
}

/// [`parse`] for the data nearly every record of a large zone holds: numbers, names and
/// addresses only (A, AAAA, NS, CNAME, PTR, MX, SRV...), one token a field, each written the
/// plain way (no quotes, escapes or non-ASCII text), and nothing to report. It is read field by
/// field without the machinery of [`Parser`], which is there for the faults. `None`, with `out`
/// as it was, for anything else, which [`parse_any`] reads (a property test checks that the two
/// agree on what this one reads), so that the findings come from one place.
fn parse_plain(cx: &Context<'_>, toks: &[Tok<'_>], out: &mut Vec<u8>) -> Option<Notes> {
    let info = cx.rtype.info()?;
    if cx.dotted_names_absolute
        || info.meta
        || toks.is_empty()
        || toks.len() != info.fields.len()
        || has_second_opinion(cx.rtype)
    {
        return None;
    }
    let start = out.len();
    let mut notes = Notes::default();
    for (field, t) in info.fields.iter().zip(toks) {
        let text = t.raw.as_bytes();
        let read = t.flags == 0
            && match *field {
                Field::U8(_) => plain_number(t.raw, 1, out),
                Field::U16(_) => plain_number(t.raw, 2, out),
                Field::U32(_) => plain_number(t.raw, 4, out),
                Field::Ipv4(_) => fields::plain_ipv4(text)
                    .map(|a| out.extend_from_slice(&a))
                    .is_some(),
                Field::Ipv6(_) => fields::plain_ipv6(text)
                    .map(|a| out.extend_from_slice(&a))
                    .is_some(),
                Field::Name(..) => {
                    match crate::zone::name::parse_plain_name(text, cx.origin, out) {
                        Some(name) => {
                            notes.relative_name |= name.relative;
                            true
                        }
                        None => false,
                    }
                }
                _ => false,
            };
        if !read {
            out.truncate(start);
            return None;
        }
    }
    Some(notes)
}

/// A number field of `width` octets, appended in network order; false if `text` is not one.
fn plain_number(text: &str, width: usize, out: &mut Vec<u8>) -> bool {
    let max = u64::MAX >> (64 - 8 * width);
    match parse_uint(text, max) {
        Some(v) => {
            out.extend_from_slice(&v.to_be_bytes()[8 - width..]);
            true
        }
        None => false,
    }
}

/// [`parse`] for any data, with a finding for each fault.
fn parse_any(
    cx: &Context<'_>,
    toks: &[Tok<'_>],
    out: &mut Vec<u8>,
    em: &mut Emitter<'_>,
) -> Result<Notes, Reported> {
    let start = out.len();
    let mut p = Parser {
        cx,
        toks,
        pos: 0,
        out,
        em,
        failed: false,
        notes: Notes::default(),
    };
    if toks
        .first()
        .is_some_and(|t| t.raw == "\\#" && !t.is_quoted())
    {
        p.generic();
    } else {
        match cx.rtype.info() {
            Some(info) if info.meta => {
                unreachable!("meta types are refused before their data is read")
            }
            Some(info) => {
                for field in info.fields {
                    p.field(*field);
                }
                p.expect_end();
            }
            None => p.fail_unknown_type_without_generic(),
        }
    }
    if !p.failed {
        p.second_opinion(start);
    }
    if !p.failed && p.out.len() - start > u16::MAX as usize {
        let span = toks.first().map_or(cx.type_span, |f| {
            f.span.to(toks.last().expect("nonempty").span)
        });
        let len = p.out.len() - start;
        let lang = p.em.lang;
        p.em.emit(Diagnostic::new(
            &r::INVALID_RDATA_FIELD,
            span,
            tr!(
                lang,
                "record data is {len} octets long; the limit is 65535",
                "レコードデータが {len} オクテットあります。上限は 65535 です"
            ),
        ));
        p.failed = true;
    }
    if p.failed {
        p.out.truncate(start);
        Err(Reported)
    } else {
        Ok(p.notes)
    }
}

struct Parser<'p, 'a, 'e, 'f> {
    cx: &'p Context<'a>,
    toks: &'p [Tok<'p>],
    pos: usize,
    out: &'p mut Vec<u8>,
    em: &'e mut Emitter<'f>,
    failed: bool,
    notes: Notes,
}

impl<'p> Parser<'p, '_, '_, '_> {
    fn lang(&self) -> crate::diag::Lang {
        self.em.lang
    }

    fn next(&mut self) -> Option<Tok<'p>> {
        let t = self.toks.get(self.pos).copied();
        self.pos += 1;
        t
    }

    fn rest(&mut self) -> &'p [Tok<'p>] {
        let rest = &self.toks[self.pos.min(self.toks.len())..];
        self.pos = self.toks.len();
        rest
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.em.emit(diagnostic);
        self.failed = true;
    }

    /// The field's token, or a "missing" finding on the last token present.
    fn expect(&mut self, what: &str) -> Option<Tok<'p>> {
        match self.next() {
            Some(t) => Some(t),
            None => {
                if self.pos == self.toks.len() + 1 {
                    self.missing(what);
                }
                None
            }
        }
    }

    fn missing(&mut self, what: &str) {
        let rtype = self.cx.rtype;
        let span = self.toks.last().map_or(self.cx.type_span, |t| t.span);
        let lang = self.lang();
        let format = crate::zone::rdata::present::format_hint(rtype);
        self.error(
            Diagnostic::new(
                &r::MISSING_RDATA,
                span,
                tr!(
                    lang,
                    "{rtype} record is missing its {what}",
                    "{rtype} レコードに {what} がありません"
                ),
            )
            .help(tr!(
                lang,
                "a {rtype} record reads `{format}`",
                "{rtype} レコードの書式は `{format}` です"
            )),
        );
    }

    /// hickory's parser as a second opinion, for the types where it knows semantics this
    /// parser's field list does not (NAPTR flags, SSHFP and TLSA parameters, CAA properties...).
    /// The common types are left out: for them the `hickory_agrees` property test shows both
    /// parsers agree. hickory reads the canonical text of what was parsed (the arena from
    /// `start`), so mnemonics it does not know (CERT's `PKIX`, RFC 4398 §2.2) arrive as numbers;
    /// data that needs `\DDD` escapes is left out, since hickory decodes them wrongly
    /// (hickory-dns#3955).
    fn second_opinion(&mut self, start: usize) {
        thread_local! {
            /// The last data hickory accepted on this thread. Zones repeat the same CAA or
            /// SSHFP data on many names, and asking hickory costs thousands of instructions.
            static ACCEPTED: std::cell::RefCell<(RType, Vec<u8>)> =
                const { std::cell::RefCell::new((RType(0), Vec::new())) };
        }
        if !has_second_opinion(self.cx.rtype) {
            return;
        }
        let data = &self.out[start..];
        let rtype = self.cx.rtype;
        if ACCEPTED.with_borrow(|(t, d)| *t == rtype && d == data) {
            return;
        }
        let Some(text) = present::rdata_to_text(rtype, data) else {
            return;
        };
        if text
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'\\' && w[1].is_ascii_digit())
        {
            return;
        }
        let Err(e) = hickory_proto::rr::RData::try_from_str(rtype.to_hickory(), &text) else {
            ACCEPTED.with_borrow_mut(|(t, d)| {
                *t = rtype;
                d.clear();
                d.extend_from_slice(data);
            });
            return;
        };
        let detail = escape(&e.to_string()).into_owned();
        // Point at the field hickory names, if it names one of ours.
        let fields = self.cx.rtype.info().map_or(&[][..], |i| i.fields);
        let named = fields
            .iter()
            .position(|f| field_name(*f).is_some_and(|n| detail.contains(n)));
        let span = match named.and_then(|i| self.toks.get(i)) {
            Some(t) => t.span,
            None => self.toks.first().map_or(self.cx.type_span, |f| {
                f.span.to(self.toks[self.toks.len() - 1].span)
            }),
        };
        let rtype = self.cx.rtype;
        let lang = self.lang();
        self.error(Diagnostic::new(
            &r::INVALID_RDATA_FIELD,
            span,
            tr!(
                lang,
                "invalid {rtype} data: {detail}",
                "{rtype} のデータが不正です: {detail}"
            ),
        ));
    }

    fn expect_end(&mut self) {
        if self.pos < self.toks.len() {
            self.extra_data();
        }
    }

    /// Out of line: the check above runs for every record, this for almost none.
    #[cold]
    fn extra_data(&mut self) {
        let extra = &self.toks[self.pos..];
        let span = extra[0].span.to(extra[extra.len() - 1].span);
        let rtype = self.cx.rtype;
        let first = extra[0].shown();
        let lang = self.lang();
        let format = crate::zone::rdata::present::format_hint(rtype);
        let help = if rtype == RType::A || rtype == RType::AAAA {
            tr!(
                lang,
                "write one address per record: add another {rtype} line for `{first}`",
                "1 レコードに 1 アドレスです。`{first}` には別の {rtype} 行を追加してください"
            )
        } else {
            tr!(
                lang,
                "a {rtype} record reads `{format}`; quote text that contains spaces",
                "{rtype} レコードの書式は `{format}` です。空白を含む文字列は引用符で囲んでください"
            )
        };
        self.error(
            Diagnostic::new(
                &r::EXTRA_RDATA,
                span,
                tr!(
                    lang,
                    "unexpected `{first}` after the {rtype} record's data",
                    "{rtype} レコードのデータの後に余分な `{first}` があります"
                ),
            )
            .help(help),
        );
        self.pos = self.toks.len();
    }

    fn field(&mut self, field: Field) {
        match field {
            Field::U8(name) => self.number(name, u8::MAX as u64, 1),
            Field::U16(name) => self.number(name, u16::MAX as u64, 2),
            Field::U32(name) => self.number(name, u32::MAX as u64, 4),
            Field::Period(name) => self.period(name),
            Field::Name(name, _) => {
                if let Some(t) = self.expect(name) {
                    self.name(&t, name);
                }
            }
            Field::Ipv4(name) => self.ipv4(name),
            Field::Ipv6(name) => self.ipv6(name),
            Field::Str(name) => {
                if let Some(t) = self.expect(name) {
                    self.character_string(&t);
                }
            }
            Field::StrOpt(_) => {
                if let Some(t) = self.toks.get(self.pos).copied() {
                    self.pos += 1;
                    self.character_string(&t);
                }
            }
            Field::Strs => {
                if self.expect("text").is_some() {
                    self.pos -= 1;
                    for t in self.rest() {
                        self.character_string(t);
                    }
                }
            }
            Field::Base64 { name, optional } => self.base64(name, optional),
            Field::Hex { name, optional } => self.hex(name, optional),
            Field::Salt => self.salt(),
            Field::Base32Hex => self.base32hex(),
            Field::Bitmap => self.bitmap(),
            Field::Time(name) => self.time(name),
            Field::TypeCode(name) => self.type_code(name),
            Field::Algorithm => self.mnemonic(
                "algorithm",
                crate::zone::rtype::ALGORITHMS
                    .iter()
                    .map(|&(n, v)| (n, v as u64)),
                1,
            ),
            Field::CertType => self.mnemonic(
                "certificate type",
                crate::zone::rtype::CERT_TYPES
                    .iter()
                    .map(|&(n, v)| (n, v as u64)),
                2,
            ),
            Field::Eui48 => self.eui("EUI-48 address", 6),
            Field::Eui64 => self.eui("EUI-64 address", 8),
            Field::Ilnp64(name) => self.ilnp64(name),
            Field::Text(name) => {
                if let Some(t) = self.expect(name) {
                    let value = t.value();
                    self.out.extend_from_slice(&value);
                }
            }
            Field::CaaTag => self.caa_tag(),
            Field::Special(kind) => match kind {
                Special::Loc => self.loc(),
                Special::Wks => self.wks(),
                Special::Apl => self.apl(),
                Special::IpsecKey => self.ipseckey(),
                Special::Hip => self.hip(),
                Special::AmtRelay => self.amtrelay(),
                Special::Nsap => self.nsap(),
                Special::Svcb => self.svcb(),
                Special::GenericOnly => self.generic_only(),
            },
        }
    }

    /// Parses a name token and appends its wire form.
    fn name(&mut self, t: &Tok<'_>, field: &str) -> Option<NameNotes> {
        let mut text = t.text();
        if self.cx.dotted_names_absolute
            && !text.ends_with('.')
            && text.trim_end_matches('.').contains('.')
        {
            text = Cow::Owned(format!("{text}."));
        }
        match crate::zone::name::parse_name(&text, self.cx.origin, self.out) {
            Ok(notes) => {
                if notes.relative && text != "@" {
                    self.notes.relative_name = true;
                }
                if notes.non_ascii {
                    self.non_ascii_name(t, &text);
                }
                Some(notes)
            }
            Err(e) => {
                report_name_error(self.em, t, &e, field);
                self.failed = true;
                None
            }
        }
    }

    /// A Unicode label: reported with its A-label, which is what the customer meant.
    fn non_ascii_name(&mut self, t: &Tok<'_>, text: &str) {
        let lang = self.lang();
        let shown = t.shown();
        let help = match crate::zone::customer::to_a_label(text) {
            Some(ascii) => tr!(
                lang,
                "write the A-label (punycode): `{ascii}`",
                "A ラベル（Punycode）で書いてください: `{ascii}`"
            ),
            None => tr!(
                lang,
                "domain names in zone files must be ASCII; convert each label to its A-label (punycode)",
                "ゾーンファイルのドメイン名は ASCII で書きます。各ラベルを A ラベル（Punycode）に変換してください"
            ),
        };
        self.error(
            Diagnostic::new(
                &r::NON_ASCII_NAME,
                t.span,
                tr!(
                    lang,
                    "name `{shown}` contains non-ASCII characters",
                    "名前 `{shown}` に ASCII 以外の文字が含まれています"
                ),
            )
            .help(help),
        );
    }

    fn number(&mut self, name: &str, max: u64, width: usize) {
        let Some(t) = self.expect(name) else { return };
        match parse_uint(&t.text(), max) {
            Some(v) => self.out.extend_from_slice(&v.to_be_bytes()[8 - width..]),
            None => self.bad_number(&t, name, max),
        }
    }

    fn bad_number(&mut self, t: &Tok<'_>, name: &str, max: u64) {
        let lang = self.lang();
        let shown = t.shown();
        let rtype = self.cx.rtype;
        let text = t.text();
        let help = if text.parse::<u128>().is_ok() {
            tr!(
                lang,
                "{name} must be at most {max}",
                "{name} は {max} 以下でなければなりません"
            )
        } else if text.parse::<f64>().is_ok() || text.starts_with('-') {
            tr!(
                lang,
                "{name} is a whole number from 0 to {max}",
                "{name} は 0 から {max} までの整数です"
            )
        } else {
            let format = crate::zone::rdata::present::format_hint(rtype);
            tr!(
                lang,
                "{name} is a number from 0 to {max}; a {rtype} record reads `{format}`",
                "{name} は 0 から {max} までの数値です。{rtype} レコードの書式は `{format}` です"
            )
        };
        self.error(
            Diagnostic::new(
                &r::INVALID_NUMBER,
                t.span,
                tr!(
                    lang,
                    "invalid {rtype} {name} `{shown}`",
                    "{rtype} の {name} `{shown}` が不正です"
                ),
            )
            .help(help),
        );
    }

    fn period(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        match hickory_proto::serialize::txt::parse_ttl(&text) {
            Ok(v) => self.out.extend_from_slice(&v.to_be_bytes()),
            Err(_) => {
                let lang = self.lang();
                let shown = t.shown();
                let help = match crate::zone::customer::ttl_suggestion(&text) {
                    Some(s) => tr!(lang, "did you mean `{s}`?", "`{s}` のことですか?"),
                    None => tr!(
                        lang,
                        "write seconds (`3600`) or a duration with units s, m, h, d, w (`1h`)",
                        "秒数（`3600`）または単位 s, m, h, d, w 付きの期間（`1h`）で書いてください"
                    ),
                };
                self.error(
                    Diagnostic::new(
                        &r::INVALID_NUMBER,
                        t.span,
                        tr!(
                            lang,
                            "invalid SOA {name} `{shown}`",
                            "SOA の {name} `{shown}` が不正です"
                        ),
                    )
                    .help(help),
                );
            }
        }
    }

    fn ipv4(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        if let Some(octets) = fields::plain_ipv4(text.as_bytes()) {
            self.out.extend_from_slice(&octets);
            return;
        }
        match text.parse::<std::net::Ipv4Addr>() {
            Ok(a) => self.out.extend_from_slice(&a.octets()),
            Err(_) => {
                let lang = self.lang();
                let shown = t.shown();
                let help = if text.parse::<std::net::Ipv6Addr>().is_ok() {
                    tr!(
                        lang,
                        "this is an IPv6 address: use an AAAA record",
                        "これは IPv6 アドレスです。AAAA レコードを使ってください"
                    )
                } else if text.contains('/') {
                    tr!(
                        lang,
                        "write a single address, without a prefix length",
                        "プレフィックス長を付けず、アドレスを 1 つだけ書いてください"
                    )
                } else if text.split('.').count() != 4 {
                    tr!(
                        lang,
                        "an IPv4 address has four numbers separated by dots, such as `192.0.2.1`",
                        "IPv4 アドレスは `192.0.2.1` のように 4 つの数値をドットで区切って書きます"
                    )
                } else {
                    tr!(
                        lang,
                        "each of the four numbers is from 0 to 255, without leading zeros",
                        "4 つの数値はそれぞれ 0 から 255 で、先頭に 0 を付けません"
                    )
                };
                self.error(
                    Diagnostic::new(
                        &r::INVALID_ADDRESS,
                        t.span,
                        tr!(
                            lang,
                            "`{shown}` is not an IPv4 address",
                            "`{shown}` は IPv4 アドレスではありません"
                        ),
                    )
                    .help(help),
                );
            }
        }
    }

    fn ipv6(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        if let Some(octets) = fields::plain_ipv6(text.as_bytes()) {
            self.out.extend_from_slice(&octets);
            return;
        }
        match text.parse::<std::net::Ipv6Addr>() {
            Ok(a) => self.out.extend_from_slice(&a.octets()),
            Err(_) => {
                let lang = self.lang();
                let shown = t.shown();
                let help = if text.parse::<std::net::Ipv4Addr>().is_ok() {
                    tr!(
                        lang,
                        "this is an IPv4 address: use an A record",
                        "これは IPv4 アドレスです。A レコードを使ってください"
                    )
                } else if text.contains('/') {
                    tr!(
                        lang,
                        "write a single address, without a prefix length",
                        "プレフィックス長を付けず、アドレスを 1 つだけ書いてください"
                    )
                } else {
                    tr!(
                        lang,
                        "an IPv6 address is up to eight groups of hex digits separated by colons, such as `2001:db8::1`",
                        "IPv6 アドレスは `2001:db8::1` のように 16 進数のグループをコロンで区切って書きます"
                    )
                };
                self.error(
                    Diagnostic::new(
                        &r::INVALID_ADDRESS,
                        t.span,
                        tr!(
                            lang,
                            "`{shown}` is not an IPv6 address",
                            "`{shown}` は IPv6 アドレスではありません"
                        ),
                    )
                    .help(help),
                );
            }
        }
    }

    fn character_string(&mut self, t: &Tok<'_>) {
        let value = t.value();
        if value.len() > 255 {
            let lang = self.lang();
            let len = value.len();
            self.error(Diagnostic::new(&r::STRING_TOO_LONG, t.span, tr!(lang,
                "character string is {len} octets long; the limit is 255",
                "文字列が {len} オクテットあります。上限は 255 です"))
                .help(tr!(lang, "split it into several quoted strings of at most 255 octets each: \"part1\" \"part2\"; they are joined when read",
                    "255 オクテット以下の複数の引用符付き文字列に分けてください: \"part1\" \"part2\"（読み取り時に連結されます）")));
            return;
        }
        self.out.push(value.len() as u8);
        self.out.extend_from_slice(&value);
    }

    fn joined_rest(&mut self) -> (String, Option<Span>) {
        let rest = self.rest();
        let span = rest.first().map(|f| f.span.to(rest[rest.len() - 1].span));
        (rest.iter().map(|t| t.text().into_owned()).collect(), span)
    }

    fn bad_encoding(&mut self, span: Span, name: &str, kind: &str, detail: String) {
        let lang = self.lang();
        let rtype = self.cx.rtype;
        self.error(Diagnostic::new(
            &r::INVALID_ENCODED_DATA,
            span,
            tr!(
                lang,
                "invalid {kind} in {rtype} {name}: {detail}",
                "{rtype} の {name} の {kind} が不正です: {detail}"
            ),
        ));
    }

    fn base64(&mut self, name: &str, optional: bool) {
        if self.pos >= self.toks.len() {
            if !optional {
                self.missing(name);
            }
            return;
        }
        let (text, span) = self.joined_rest();
        if optional && text == "-" {
            return;
        }
        match data_encoding::BASE64.decode(text.as_bytes()) {
            Ok(bytes) => self.out.extend_from_slice(&bytes),
            Err(e) => {
                self.bad_encoding(span.expect("tokens present"), name, "base64", e.to_string())
            }
        }
    }

    fn hex(&mut self, name: &str, optional: bool) {
        if self.pos >= self.toks.len() {
            if !optional {
                self.missing(name);
            }
            return;
        }
        let (text, span) = self.joined_rest();
        match data_encoding::HEXUPPER_PERMISSIVE.decode(text.as_bytes()) {
            Ok(bytes) => self.out.extend_from_slice(&bytes),
            Err(e) => self.bad_encoding(span.expect("tokens present"), name, "hex", e.to_string()),
        }
    }

    fn salt(&mut self) {
        let Some(t) = self.expect("salt") else { return };
        let text = t.text();
        if text == "-" {
            self.out.push(0);
            return;
        }
        match data_encoding::HEXUPPER_PERMISSIVE.decode(text.as_bytes()) {
            Ok(bytes) if bytes.len() <= 255 => {
                self.out.push(bytes.len() as u8);
                self.out.extend_from_slice(&bytes);
            }
            Ok(_) => self.bad_encoding(t.span, "salt", "hex", "longer than 255 octets".into()),
            Err(e) => self.bad_encoding(t.span, "salt", "hex", e.to_string()),
        }
    }

    fn base32hex(&mut self) {
        let Some(t) = self.expect("next hashed owner") else {
            return;
        };
        let text = t.text().to_ascii_uppercase();
        match data_encoding::BASE32HEX_NOPAD.decode(text.as_bytes()) {
            Ok(bytes) if !bytes.is_empty() && bytes.len() <= 255 => {
                self.out.push(bytes.len() as u8);
                self.out.extend_from_slice(&bytes);
            }
            Ok(_) => self.bad_encoding(
                t.span,
                "next hashed owner",
                "base32hex",
                "wrong length".into(),
            ),
            Err(e) => self.bad_encoding(t.span, "next hashed owner", "base32hex", e.to_string()),
        }
    }

    fn bitmap(&mut self) {
        let mut types = Vec::new();
        for t in self.rest() {
            match RType::from_name(&t.text()) {
                Some(rt) => types.push(rt.0),
                None => {
                    let lang = self.lang();
                    let shown = t.shown();
                    self.error(Diagnostic::new(
                        &r::INVALID_RDATA_FIELD,
                        t.span,
                        tr!(
                            lang,
                            "`{shown}` in the type bitmap is not a record type",
                            "タイプビットマップの `{shown}` はレコードタイプではありません"
                        ),
                    ));
                }
            }
        }
        fields::write_bitmap(&mut types, self.out);
    }

    fn time(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        match fields::parse_sig_time(&t.text()) {
            Some(v) => self.out.extend_from_slice(&v.to_be_bytes()),
            None => {
                let lang = self.lang();
                let shown = t.shown();
                self.error(
                    Diagnostic::new(
                        &r::INVALID_RDATA_FIELD,
                        t.span,
                        tr!(
                            lang,
                            "invalid signature {name} `{shown}`",
                            "署名の {name} `{shown}` が不正です"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "write YYYYMMDDHHmmSS in UTC, or seconds since 1970",
                        "UTC の YYYYMMDDHHmmSS か、1970 年からの秒数で書いてください"
                    )),
                );
            }
        }
    }

    fn type_code(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        match RType::from_name(&t.text()) {
            Some(rt) => self.out.extend_from_slice(&rt.0.to_be_bytes()),
            None => {
                let lang = self.lang();
                let shown = t.shown();
                self.error(Diagnostic::new(
                    &r::INVALID_RDATA_FIELD,
                    t.span,
                    tr!(
                        lang,
                        "{name} `{shown}` is not a record type",
                        "{name} `{shown}` はレコードタイプではありません"
                    ),
                ));
            }
        }
    }

    fn mnemonic(
        &mut self,
        name: &str,
        table: impl Iterator<Item = (&'static str, u64)>,
        width: usize,
    ) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        let max = if width == 1 {
            u8::MAX as u64
        } else {
            u16::MAX as u64
        };
        let value = parse_uint(&text, max).or_else(|| {
            table
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&text))
                .map(|(_, v)| v)
        });
        match value {
            Some(v) => self.out.extend_from_slice(&v.to_be_bytes()[8 - width..]),
            None => self.bad_number(&t, name, max),
        }
    }

    fn eui(&mut self, name: &str, octets: usize) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        let parts: Vec<&str> = text.split('-').collect();
        let parsed: Option<Vec<u8>> = (parts.len() == octets)
            .then(|| {
                parts
                    .iter()
                    .map(|p| {
                        if p.len() == 2 {
                            u8::from_str_radix(p, 16).ok()
                        } else {
                            None
                        }
                    })
                    .collect()
            })
            .flatten();
        match parsed {
            Some(bytes) => self.out.extend_from_slice(&bytes),
            None => {
                let lang = self.lang();
                let shown = t.shown();
                let example = if octets == 6 {
                    "00-00-5e-00-53-2a"
                } else {
                    "00-00-5e-ef-10-00-00-2a"
                };
                self.error(Diagnostic::new(&r::INVALID_RDATA_FIELD, t.span, tr!(lang,
                    "invalid {name} `{shown}`", "{name} `{shown}` が不正です"))
                    .help(tr!(lang, "write {octets} pairs of hex digits separated by hyphens, such as `{example}`",
                        "`{example}` のように 16 進数 2 桁の組を {octets} 個ハイフンで区切って書いてください")));
            }
        }
    }

    fn ilnp64(&mut self, name: &str) {
        let Some(t) = self.expect(name) else { return };
        let text = t.text();
        let parts: Vec<&str> = text.split(':').collect();
        let parsed: Option<Vec<u16>> = (parts.len() == 4)
            .then(|| {
                parts
                    .iter()
                    .map(|p| {
                        if (1..=4).contains(&p.len()) {
                            u16::from_str_radix(p, 16).ok()
                        } else {
                            None
                        }
                    })
                    .collect()
            })
            .flatten();
        match parsed {
            Some(groups) => groups
                .iter()
                .for_each(|g| self.out.extend_from_slice(&g.to_be_bytes())),
            None => {
                let lang = self.lang();
                let shown = t.shown();
                self.error(Diagnostic::new(&r::INVALID_RDATA_FIELD, t.span, tr!(lang,
                    "invalid {name} `{shown}`", "{name} `{shown}` が不正です"))
                    .help(tr!(lang, "write four groups of hex digits separated by colons, such as `0014:4fff:ff20:ee64`",
                        "`0014:4fff:ff20:ee64` のように 16 進数 4 グループをコロンで区切って書いてください")));
            }
        }
    }

    fn caa_tag(&mut self) {
        let Some(t) = self.expect("tag") else { return };
        let value = t.value();
        if value.is_empty() || value.len() > 255 || !value.iter().all(u8::is_ascii_alphanumeric) {
            let lang = self.lang();
            let shown = t.shown();
            self.error(
                Diagnostic::new(
                    &r::INVALID_RDATA_FIELD,
                    t.span,
                    tr!(
                        lang,
                        "CAA tag `{shown}` may contain only letters and digits",
                        "CAA タグ `{shown}` には英字と数字しか使えません"
                    ),
                )
                .help(tr!(
                    lang,
                    "the tags in use are issue, issuewild, iodef and issuemail (RFC 8659 §4)",
                    "使われるタグは issue, issuewild, iodef, issuemail です（RFC 8659 §4）"
                )),
            );
            return;
        }
        self.out.push(value.len() as u8);
        self.out.extend_from_slice(&value);
    }

    /// RFC 3597 §5: `\# length hex...`.
    fn generic(&mut self) {
        self.pos = 1;
        let lang = self.lang();
        let Some(len_tok) = self.next() else {
            let span = self.toks[0].span;
            self.error(
                Diagnostic::new(
                    &r::INVALID_GENERIC_RDATA,
                    span,
                    tr!(
                        lang,
                        "generic record data `\\#` needs a length and hex data",
                        "汎用レコードデータ `\\#` には長さと 16 進データが必要です"
                    ),
                )
                .help(tr!(
                    lang,
                    "write `\\# 4 C0000201` (RFC 3597 §5)",
                    "`\\# 4 C0000201` のように書いてください（RFC 3597 §5）"
                )),
            );
            return;
        };
        let Some(len) = parse_uint(&len_tok.text(), u16::MAX as u64) else {
            let shown = len_tok.shown();
            self.error(Diagnostic::new(
                &r::INVALID_GENERIC_RDATA,
                len_tok.span,
                tr!(
                    lang,
                    "`{shown}` is not a data length from 0 to 65535",
                    "`{shown}` は 0 から 65535 のデータ長ではありません"
                ),
            ));
            return;
        };
        let (hex, span) = self.joined_rest();
        let bytes = match data_encoding::HEXUPPER_PERMISSIVE.decode(hex.as_bytes()) {
            Ok(b) => b,
            Err(e) => {
                self.bad_encoding(
                    span.unwrap_or(len_tok.span),
                    "generic data",
                    "hex",
                    e.to_string(),
                );
                return;
            }
        };
        if bytes.len() as u64 != len {
            let actual = bytes.len();
            self.error(
                Diagnostic::new(
                    &r::INVALID_GENERIC_RDATA,
                    span.unwrap_or(len_tok.span),
                    tr!(
                        lang,
                        "generic data is {actual} octets long, but its length says {len}",
                        "汎用データは {actual} オクテットですが、長さは {len} と書かれています"
                    ),
                )
                .label(
                    len_tok.span,
                    tr!(lang, "length given here", "ここで指定された長さ"),
                ),
            );
            return;
        }
        // RFC 3597 §5: generic data for a known type must still be valid data of that type.
        if self.cx.rtype.info().is_some() && present::rdata_to_text(self.cx.rtype, &bytes).is_none()
        {
            let rtype = self.cx.rtype;
            self.error(Diagnostic::new(
                &r::INVALID_GENERIC_RDATA,
                span.unwrap_or(len_tok.span),
                tr!(
                    lang,
                    "generic data is not valid {rtype} data",
                    "汎用データが {rtype} のデータとして正しくありません"
                ),
            ));
            return;
        }
        self.out.extend_from_slice(&bytes);
    }

    fn generic_only(&mut self) {
        let rtype = self.cx.rtype;
        let span = self.toks.first().map_or(self.cx.type_span, |t| t.span);
        let lang = self.lang();
        self.pos = self.toks.len();
        self.error(Diagnostic::new(
            &r::INVALID_GENERIC_RDATA,
            span,
            tr!(
                lang,
                "{rtype} has no text format; write its data as `\\# length hex`",
                "{rtype} にはテキスト書式がありません。データは `\\# 長さ 16進` で書いてください"
            ),
        ));
    }

    fn fail_unknown_type_without_generic(&mut self) {
        let rtype = self.cx.rtype;
        let span = self.toks.first().map_or(self.cx.type_span, |t| t.span);
        let lang = self.lang();
        self.pos = self.toks.len();
        self.error(
            Diagnostic::new(
                &r::INVALID_GENERIC_RDATA,
                span,
                tr!(
                    lang,
                    "{rtype} data must be written in the generic form `\\# length hex`",
                    "{rtype} のデータは汎用形式 `\\# 長さ 16進` で書く必要があります"
                ),
            )
            .help(tr!(
                lang,
                "RFC 3597 §5: a type known only by number has no other text format",
                "RFC 3597 §5: 番号だけで知られるタイプには他のテキスト書式がありません"
            )),
        );
    }
}

/// The name of a field, as hickory's messages call it.
fn field_name(field: Field) -> Option<&'static str> {
    match field {
        Field::U8(n)
        | Field::U16(n)
        | Field::U32(n)
        | Field::Str(n)
        | Field::Text(n)
        | Field::Name(n, _) => Some(n),
        Field::Base64 { name, .. } | Field::Hex { name, .. } => Some(name),
        Field::CaaTag => Some("tag"),
        _ => None,
    }
}

/// An unsigned decimal number no larger than `max`; digits only (no sign, no `0x`).
pub fn parse_uint(text: &str, max: u64) -> Option<u64> {
    if text.is_empty() || text.len() > 20 {
        return None;
    }
    // Nineteen digits cannot overflow a u64; twenty can, and are left to `parse`.
    if text.len() < 20 {
        let mut value = 0u64;
        for b in text.bytes() {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                return None;
            }
            value = value * 10 + u64::from(digit);
        }
        return (value <= max).then_some(value);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().filter(|&v| v <= max)
}

/// The types whose data hickory reads again ([`Parser::second_opinion`]).
fn has_second_opinion(rtype: RType) -> bool {
    const TYPES: &[RType] = &[
        RType::NAPTR,
        RType::SSHFP,
        RType::TLSA,
        RType(53),
        RType::CAA,
        RType(37),
        RType(61),
        RType(62),
        RType::HINFO,
    ];
    TYPES.contains(&rtype)
}

/// Turns a name parse failure into the diagnostic that says what is wrong and where.
pub fn report_name_error(em: &mut Emitter<'_>, t: &Tok<'_>, e: &NameError, field: &str) {
    let lang = em.lang;
    let shown = t.shown();
    // Offsets in `e` are in the normalised text; they match the source unless full-width forms
    // (three bytes each in UTF-8, one after normalising) came first, in which case we point at
    // the whole token rather than at the wrong characters.
    let sub = if t.flags & (FULLWIDTH | QUOTED) == 0 && e.end <= t.raw.len() {
        Span {
            file: t.span.file,
            start: t.span.start + e.start as u32,
            end: t.span.start + e.end.max(e.start + 1) as u32,
        }
    } else {
        t.span
    };
    let d = match &e.kind {
        NameErrorKind::BadEscape => {
            // The lexer reported this escape already; one finding per fault.
            return;
        }
        NameErrorKind::EmptyLabel => Diagnostic::new(&r::EMPTY_LABEL, sub, tr!(lang,
            "{field} `{shown}` has an empty label", "{field} `{shown}` に空のラベルがあります"))
            .help(tr!(lang, "remove the extra dot; only the root may be empty, as the final `.`",
                "余分なドットを削除してください。空にできるのは最後の `.`（ルート）だけです")),
        NameErrorKind::LabelTooLong(len) => Diagnostic::new(&r::LABEL_TOO_LONG, sub, tr!(lang,
            "label is {len} octets long; the limit is 63", "ラベルが {len} オクテットあります。上限は 63 です"))
            .help(tr!(lang, "shorten the label, or split it with dots (RFC 1035 §2.3.4)",
                "ラベルを短くするか、ドットで分割してください（RFC 1035 §2.3.4）")),
        NameErrorKind::NameTooLong { len, appended } => {
            let d = Diagnostic::new(&r::NAME_TOO_LONG, t.span, tr!(lang,
                "name `{shown}` is {len} octets long; the limit is 255", "名前 `{shown}` は {len} オクテットあります。上限は 255 です"));
            if *appended {
                d.help(tr!(lang, "the origin was appended because the name has no trailing dot; if it is already complete, end it with `.`",
                    "末尾にドットがないためオリジンが付加されました。完全な名前なら最後に `.` を付けてください"))
            } else {
                d.help(tr!(lang, "a domain name is at most 255 octets in wire form (RFC 1035 §2.3.4)",
                    "ドメイン名はワイヤ形式で 255 オクテット以下です（RFC 1035 §2.3.4）"))
            }
        }
        NameErrorKind::NoOrigin => Diagnostic::new(&r::RELATIVE_NAME_WITHOUT_ORIGIN, t.span, tr!(lang,
            "relative name `{shown}` but no origin is known", "相対名 `{shown}` がありますが、オリジンが不明です"))
            .help(tr!(lang, "add `$ORIGIN example.co.jp.` at the top of the file, pass --origin, or end the name with `.`",
                "ファイル先頭に `$ORIGIN example.co.jp.` を書くか、--origin を指定するか、名前の最後に `.` を付けてください")),
    };
    em.emit(d);
}

/// The next state of a xorshift generator: the tests' "random" texts, the same on every run.
#[cfg(test)]
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[cfg(test)]
mod tests {
    use super::*;

    mod plain {
        use super::*;
        use crate::diag::{Lang, RuleFilter};
        use crate::source::FileId;
        use crate::zone::lexer::NON_ASCII;
        use crate::zone::name::OwnedName;
        use crate::zone::rtype::TYPES;
        use proptest::prelude::*;

        fn span(start: u32) -> Span {
            Span {
                file: FileId(0),
                start,
                end: start + 1,
            }
        }

        const NUMBERS: &[&str] = &[
            "0",
            "1",
            "10",
            "255",
            "256",
            "65535",
            "65536",
            "4294967295",
            "4294967296",
            "01",
            "-1",
            "+1",
            "",
            " 1",
            "1h",
        ];
        const ADDRESSES: &[&str] = &[
            "192.0.2.1",
            "10.70.75.26",
            "1.2.3",
            "01.2.3.4",
            "1.2.3.4.",
            "2001:db8::1",
            "2001:db8:96d1:58a8::74fd",
            "::",
            "::ffff:192.0.2.1",
            "1::2::3",
            "FFFF::abcd",
        ];
        const NAMES: &[&str] = &[
            "h1",
            "mail",
            "sip14.example.net.",
            "@",
            ".",
            "a..b",
            "a.b",
            "\\#",
            "a\\.b",
            "é",
            "ｗ",
            "*",
            "_sip._tcp",
            "issue",
            "\"x\"",
        ];

        /// A token from `pool`, or a long one, usually with no flags.
        fn token_from(pool: Vec<&'static str>) -> BoxedStrategy<(String, u8)> {
            let text = prop_oneof![
                6 => proptest::sample::select(pool).prop_map(str::to_owned),
                1 => (60usize..66).prop_map(|n| "x".repeat(n)),
            ];
            let flags = prop_oneof![
                6 => Just(0),
                1 => proptest::sample::select(&[QUOTED, ESCAPED, FULLWIDTH, NON_ASCII][..]),
            ];
            (text, flags).boxed()
        }

        /// A type, and tokens that are mostly one of the right kind for each of its fields,
        /// well or badly written, so that the short path is taken and refused often.
        fn record() -> impl Strategy<Value = (RType, Vec<(String, u8)>)> {
            let types: Vec<RType> = TYPES
                .iter()
                .filter(|t| !t.meta)
                .map(|t| RType(t.code))
                .collect();
            let any = [NUMBERS, ADDRESSES, NAMES].concat();
            proptest::sample::select(types).prop_flat_map(move |rtype| {
                let shaped: Vec<BoxedStrategy<(String, u8)>> = rtype
                    .info()
                    .expect("a known type")
                    .fields
                    .iter()
                    .map(|field| match field {
                        Field::U8(_) | Field::U16(_) | Field::U32(_) => {
                            token_from(NUMBERS.to_vec())
                        }
                        Field::Ipv4(_) | Field::Ipv6(_) => token_from(ADDRESSES.to_vec()),
                        Field::Name(..) => token_from(NAMES.to_vec()),
                        _ => token_from(any.clone()),
                    })
                    .collect();
                let toks = prop_oneof![
                    3 => shaped,
                    1 => proptest::collection::vec(token_from(any.clone()), 0..6),
                ];
                toks.prop_map(move |toks| (rtype, toks))
            })
        }

        fn origin() -> impl Strategy<Value = Option<OwnedName>> {
            prop_oneof![
                Just(None),
                Just(Some(OwnedName::from_text("bench.example.").unwrap())),
                // Appending this one to a long name passes the 255-octet limit.
                Just(Some(
                    OwnedName::from_text(&format!("{}.", vec!["o".repeat(60); 4].join(".")))
                        .unwrap()
                )),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5000))]

            /// What the short path reads, the general parser reads the same, without a finding;
            /// what it does not read, it leaves alone.
            #[test]
            fn plain_data_reads_as_the_general_parser_reads_it(
                (rtype, tokens) in record(),
                origin in origin(),
                dotted_names_absolute in any::<bool>(),
            ) {
                let toks: Vec<Tok<'_>> = tokens
                    .iter()
                    .enumerate()
                    .map(|(k, (raw, flags))| Tok { raw, span: span(10 * k as u32), flags: *flags })
                    .collect();
                let cx = Context {
                    rtype,
                    type_span: span(0),
                    dotted_names_absolute,
                    origin: origin.as_ref().map(OwnedName::as_ref),
                };
                let mut plain = vec![7];
                let read = parse_plain(&cx, &toks, &mut plain);
                let filter = RuleFilter::default();
                let mut em = Emitter::new(Lang::En, &filter);
                let mut any = vec![7];
                let want = parse_any(&cx, &toks, &mut any, &mut em);
                match read {
                    Some(notes) => {
                        prop_assert!(em.is_empty(), "{:?}", em.diagnostics());
                        prop_assert_eq!(want.ok(), Some(notes));
                        prop_assert_eq!(plain, any);
                    }
                    None => prop_assert_eq!(plain, vec![7]),
                }
            }
        }

        /// The records of the bench zone take the short path.
        #[test]
        fn the_common_records_are_read_plainly() {
            let origin = OwnedName::from_text("bench.example.").unwrap();
            for (rtype, data) in [
                (RType::A, &["10.70.75.26"][..]),
                (RType::AAAA, &["2001:db8:96d1:58a8::74fd"]),
                (RType::CNAME, &["h1"]),
                (RType::NS, &["ns1.example.net."]),
                (RType::MX, &["10", "mail"]),
                (RType::SRV, &["10", "15", "5060", "sip14.example.net."]),
            ] {
                let toks: Vec<Tok<'_>> = data
                    .iter()
                    .map(|raw| Tok {
                        raw,
                        span: span(1),
                        flags: 0,
                    })
                    .collect();
                let cx = Context {
                    rtype,
                    type_span: span(0),
                    dotted_names_absolute: false,
                    origin: Some(origin.as_ref()),
                };
                assert!(
                    parse_plain(&cx, &toks, &mut Vec::new()).is_some(),
                    "{rtype} {data:?}"
                );
            }
        }
    }

    /// The digit loop reads what `str::parse` reads, at every length around 19 and 20 digits
    /// and with stray characters anywhere.
    #[test]
    fn uints_read_as_std_reads_them() {
        let by_std = |text: &str, max: u64| {
            (!text.is_empty() && text.len() <= 20 && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<u64>().ok())
                .flatten()
                .filter(|&v| v <= max)
        };
        let mut texts: Vec<String> = [
            "",
            "0",
            "00",
            "255",
            "256",
            "65535",
            "65536",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
            "1844674407370955161",
            "9999999999999999999",
            "000000000000000000001",
            "+1",
            "-1",
            " 1",
            "1 ",
            "1_0",
            "0x10",
            "١",
            "１",
        ]
        .map(String::from)
        .to_vec();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            let state = xorshift(&mut seed);
            let len = (state % 23) as usize;
            let mut text: String = (0..len)
                .map(|k| char::from(b'0' + (state >> (k % 60)) as u8 % 10))
                .collect();
            if state & 0xF00 == 0 && len > 0 {
                let at = (state >> 20) as usize % len;
                text.replace_range(at..at + 1, ["/", ":", "a", " "][(state >> 30) as usize % 4]);
            }
            texts.push(text);
        }
        for text in &texts {
            for max in [0, 1, 255, 65535, u64::from(u32::MAX), u64::MAX] {
                assert_eq!(parse_uint(text, max), by_std(text, max), "{text:?} ≤ {max}");
            }
        }
    }
}
