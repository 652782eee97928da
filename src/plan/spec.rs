//! The cutover spec: what the operator decides about a switch, in YAML.
//!
//! ```yaml
//! zone: example.co.jp
//! nameservers: [ns1.newdns.net., ns2.newdns.net.]     # the new host's servers
//! mail:                                               # optional: the MX switch
//!   mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
//!   spf: "v=spf1 include:spf.protection.outlook.com -all"   # optional
//!   autodiscover: autodiscover.outlook.com.                 # optional
//! ttl:
//!   lowered: 300                                      # TTL used during the switch
//! ```
//!
//! Reading is two passes. `yaml_serde` reads the structure: a syntax error, an unknown field, a
//! missing one or a value of the wrong type stops it, and its error carries the line and column.
//! The values are then checked one by one, so that every semantic fault is reported at once;
//! `yaml_serde`'s `Value` keeps no positions, so each fault's position is found by reading the
//! text again with a seed that walks to the fault's path and fails there ([`locate`]): the
//! library's own error mark is then exactly the node's start, in flow and block style alike.

use crate::diag::{Diagnostic, Lang, escape};
use crate::rules::plan as r;
use crate::source::{FileId, Sources, Span};
use crate::tr;
use crate::zone::OwnedName;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::net::{IpAddr, SocketAddr};

/// Specs larger than this are refused unread: a spec is a dozen lines.
pub const MAX_SPEC_SIZE: u64 = 1 << 20;

/// Longest lowered TTL: above a day nothing is lowered.
pub const MAX_LOWERED_TTL: u64 = 86_400;
/// RFC 2181 §8.
pub const MAX_TTL: u64 = 2_147_483_647;

/// The spec, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    pub zone: OwnedName,
    pub nameservers: Vec<Nameserver>,
    pub mail: Option<Mail>,
    pub ttl: TtlSpec,
    /// Whether the parent has a DS for the zone; `None` when the spec does not say (then
    /// `--live` finds out, or the plan assumes none and its preflight checks).
    pub parent_ds: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nameserver {
    pub name: OwnedName,
    /// Where to ask it (`verify`) and its glue when it is inside the zone; port 53 unless given.
    pub addresses: Vec<SocketAddr>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub mx: Vec<(u16, OwnedName)>,
    pub spf: Option<String>,
    pub autodiscover: Option<OwnedName>,
    /// Who switches MX: the customer, or the operator as a paid service (the hybrid plan).
    pub by: MailActor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailActor {
    Customer,
    Operator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TtlSpec {
    pub lowered: u32,
    /// The TTL every lowered RRset gets back; `None` restores each one's TTL from the zone.
    pub restore: Option<u32>,
}

impl Default for TtlSpec {
    fn default() -> Self {
        TtlSpec {
            lowered: 300,
            restore: None,
        }
    }
}

// ---- The structure, as yaml_serde reads it. ----

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    zone: String,
    nameservers: Vec<RawNameserver>,
    #[serde(default)]
    mail: Option<RawMail>,
    #[serde(default)]
    ttl: Option<RawTtl>,
    #[serde(default)]
    parent_ds: Option<bool>,
}

/// `ns1.example.` or `{name: ns1.example., addresses: [...]}`.
struct RawNameserver {
    name: String,
    addresses: Vec<String>,
    mapping: bool,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNameserverMap {
    name: String,
    #[serde(default)]
    addresses: Vec<String>,
}

impl<'de> serde::Deserialize<'de> for RawNameserver {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNameserver;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a nameserver name, or a mapping with `name` and `addresses`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNameserver, E> {
                Ok(RawNameserver {
                    name: v.to_owned(),
                    addresses: Vec::new(),
                    mapping: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawNameserver, A::Error> {
                let m: RawNameserverMap =
                    serde::Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawNameserver {
                    name: m.name,
                    addresses: m.addresses,
                    mapping: true,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMail {
    mx: Vec<RawMx>,
    #[serde(default)]
    spf: Option<String>,
    #[serde(default)]
    autodiscover: Option<String>,
    #[serde(default)]
    by: Option<MailActor>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMx {
    preference: u16,
    exchange: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTtl {
    #[serde(default)]
    lowered: Option<u64>,
    #[serde(default)]
    restore: Option<u64>,
}

/// Every field of the schema, for "did you mean".
const FIELDS: &[&str] = &[
    "zone",
    "nameservers",
    "mail",
    "ttl",
    "parent_ds",
    "name",
    "addresses",
    "mx",
    "spf",
    "autodiscover",
    "by",
    "preference",
    "exchange",
    "lowered",
    "restore",
];

/// One step of a path into the YAML document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// A spec in `sources`, read and checked. `spec` is `None` when an error stopped it.
pub struct Parsed {
    pub spec: Option<Spec>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the spec in file `file` of `sources`.
pub fn parse(sources: &Sources, file: FileId, lang: Lang) -> Parsed {
    let text = &sources.get(file).text;
    let mut diagnostics = Vec::new();
    // An empty document reads as null, which serde reports as a missing field: say what it is.
    if matches!(
        serde_yaml::from_str::<serde_yaml::Value>(text),
        Ok(serde_yaml::Value::Null)
    ) {
        diagnostics.push(
            Diagnostic::new(
                &r::SPEC_NOT_YAML,
                Span::new(file, 0, 0),
                tr!(lang, "the cutover spec is empty", "カットオーバー仕様が空です"),
            )
            .help(tr!(
                lang,
                "write at least `zone:` and `nameservers:`; the schema is in README.md (\"The cutover spec\")",
                "少なくとも `zone:` と `nameservers:` を書いてください。スキーマは README.md の「The cutover spec」にあります"
            )),
        );
        return Parsed {
            spec: None,
            diagnostics,
        };
    }
    let raw: RawSpec = match serde_yaml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            diagnostics.push(structural(text, file, &e, lang));
            return Parsed {
                spec: None,
                diagnostics,
            };
        }
    };
    let mut cx = Checker {
        text,
        file,
        lang,
        diagnostics,
    };
    let spec = cx.check(raw);
    let failed = cx
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diag::Severity::Error);
    Parsed {
        spec: if failed { None } else { spec },
        diagnostics: cx.diagnostics,
    }
}

/// A yaml_serde error as a finding: ZG901 for YAML itself, ZG902–ZG904 for the schema.
fn structural(text: &str, file: FileId, e: &serde_yaml::Error, lang: Lang) -> Diagnostic {
    let shown = e.to_string();
    // yaml_serde writes `path: message at line L column C`; keep the message.
    let without_mark = match shown.find(" at line ") {
        Some(i) => &shown[..i],
        None => &shown[..],
    };
    let (path, message) = match without_mark.split_once(": ") {
        Some((p, m)) if !p.contains(' ') && !p.is_empty() => (Some(p), m),
        _ => (None, without_mark),
    };
    let span = match e.location() {
        Some(loc) => node_span(text, file, loc.index().min(text.len())),
        None => Span::new(file, text.len(), text.len()),
    };
    let at = path
        .map(|p| tr!(lang, " in `{}`", "（`{}`）", escape(p)))
        .unwrap_or_default();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let field = backticked(rest).unwrap_or_default();
        let suggestion = suggest(&field);
        let field = escape(&field);
        let d = Diagnostic::new(
            &r::SPEC_UNKNOWN_FIELD,
            span,
            tr!(
                lang,
                "unknown field `{field}`{at}",
                "不明なフィールド `{field}`{at}"
            ),
        );
        let expected: Vec<String> = rest
            .split_once("expected")
            .map(|(_, list)| {
                list.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(|s| format!("`{}`", escape(s)))
                    .collect()
            })
            .unwrap_or_default();
        let help = match (suggestion, expected.is_empty()) {
            (Some(s), _) => tr!(
                lang,
                "did you mean `{s}`?",
                "`{s}` のことではありませんか？"
            ),
            (None, false) => {
                let list = expected.join(", ");
                tr!(
                    lang,
                    "the fields here are {list}",
                    "ここに書けるフィールドは {list} です"
                )
            }
            (None, true) => tr!(
                lang,
                "this mapping takes no fields",
                "このマッピングにはフィールドを書けません"
            ),
        };
        return d.help(help);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = escape(&backticked(rest).unwrap_or_default()).into_owned();
        return Diagnostic::new(
            &r::SPEC_MISSING_FIELD,
            span,
            tr!(
                lang,
                "missing field `{field}`{at}",
                "フィールド `{field}` がありません{at}"
            ),
        )
        .help(tr!(
            lang,
            "add `{field}:`; the schema is in README.md (\"The cutover spec\")",
            "`{field}:` を追加してください。スキーマは README.md の「The cutover spec」にあります"
        ));
    }
    if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
        || message.starts_with("unknown variant")
    {
        let detail = escape(message);
        return Diagnostic::new(
            &r::SPEC_WRONG_TYPE,
            span,
            tr!(lang, "{detail}{at}", "値の型が違います: {detail}{at}"),
        )
        .help(tr!(
            lang,
            "numbers without quotes or units, names as text, lists in `[...]` or as `-` items",
            "数値は引用符や単位なし、名前は文字列、リストは `[...]` か `-` 項目で書いてください"
        ));
    }
    let detail = escape(message);
    // libyaml adds where the construct it was reading began: `..., while parsing a flow
    // sequence at line 2 column 14`.
    let context = shown.split_once(", while parsing ").and_then(|(_, rest)| {
        let (what, at) = rest.rsplit_once(" at line ")?;
        let (line, column) = at.split_once(" column ")?;
        let (line, column) = (
            line.trim().parse::<usize>().ok()?,
            column.trim().parse::<usize>().ok()?,
        );
        let offset = offset_of(text, line, column)?;
        Some((what.to_owned(), node_span(text, file, offset)))
    });
    let d = Diagnostic::new(
        &r::SPEC_NOT_YAML,
        span,
        tr!(
            lang,
            "the cutover spec is not valid YAML: {detail}",
            "カットオーバー仕様が YAML として読めません: {detail}"
        ),
    )
    .help(tr!(
        lang,
        "indent with spaces, close every quote and bracket, and keep one document per file",
        "インデントは空白で、引用符と括弧はすべて閉じ、1 ファイルに 1 ドキュメントにしてください"
    ));
    match context {
        Some((what, span)) => {
            let what = escape(&what);
            d.label(
                span,
                tr!(
                    lang,
                    "while reading {what} that starts here",
                    "ここから始まる {what} の読み込み中"
                ),
            )
        }
        None => d,
    }
}

/// The byte offset of a 1-based line and column (columns in characters), as libyaml counts.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let rest = &text[start..];
    let within = rest
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

fn backticked(text: &str) -> Option<String> {
    let mut parts = text.split('`');
    parts.next()?;
    parts.next().map(str::to_owned)
}

/// The schema field closest to a misspelt one (edit distance at most 2, or a prefix).
fn suggest(field: &str) -> Option<&'static str> {
    let lower = field.to_ascii_lowercase();
    FIELDS
        .iter()
        .map(|f| (distance(&lower, f), *f))
        .filter(|(d, f)| *d <= 2 || (lower.len() >= 3 && f.starts_with(&lower)))
        .min()
        .map(|(_, f)| f)
}

/// Levenshtein distance, for short field names only.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() > 64 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

struct Checker<'t> {
    text: &'t str,
    file: FileId,
    lang: Lang,
    diagnostics: Vec<Diagnostic>,
}

/// Findings located by re-reading the spec at most; past this the rest point at its start, so
/// a hostile spec with a million bad entries costs a million checks, not a million re-reads.
const MAX_LOCATED: usize = 100;

impl Checker<'_> {
    fn at(&self, path: &[Seg]) -> Span {
        if self.diagnostics.len() >= MAX_LOCATED {
            return Span::new(self.file, 0, 0);
        }
        locate(self.text, self.file, path)
    }

    fn check(&mut self, raw: RawSpec) -> Option<Spec> {
        let lang = self.lang;
        let zone = self.zone_name(&raw.zone);
        let mut nameservers = Vec::new();
        for (i, ns) in raw.nameservers.iter().enumerate() {
            let path: Vec<Seg> = if ns.mapping {
                vec![Seg::Key("nameservers"), Seg::Index(i), Seg::Key("name")]
            } else {
                vec![Seg::Key("nameservers"), Seg::Index(i)]
            };
            let name = self.target(&ns.name, &path, tr!(lang, "nameserver", "ネームサーバー"));
            let mut addresses = Vec::new();
            for (j, a) in ns.addresses.iter().enumerate() {
                match parse_address(a) {
                    Some(addr) => addresses.push(addr),
                    None => {
                        let span = self.at(&[
                            Seg::Key("nameservers"),
                            Seg::Index(i),
                            Seg::Key("addresses"),
                            Seg::Index(j),
                        ]);
                        let shown = escape(a);
                        self.diagnostics.push(
                            Diagnostic::new(
                                &r::SPEC_INVALID_ADDRESS,
                                span,
                                tr!(
                                    lang,
                                    "`{shown}` is not an IP address",
                                    "`{shown}` は IP アドレスではありません"
                                ),
                            )
                            .help(tr!(
                                lang,
                                "write `192.0.2.53`, `2001:db8::53`, or with a port `127.0.0.1:5301`, `[2001:db8::53]:5353`",
                                "`192.0.2.53`、`2001:db8::53`、ポート付きなら `127.0.0.1:5301`、`[2001:db8::53]:5353` のように書いてください"
                            )),
                        );
                    }
                }
            }
            if let Some(name) = name {
                nameservers.push(Nameserver { name, addresses });
            }
        }
        let mut distinct: Vec<&OwnedName> = Vec::new();
        for ns in &nameservers {
            if !distinct
                .iter()
                .any(|d| d.as_ref().eq_ignore_case(ns.name.as_ref()))
            {
                distinct.push(&ns.name);
            }
        }
        if distinct.len() < 2 && nameservers.len() == raw.nameservers.len() {
            let n = distinct.len();
            let span = self.at(&[Seg::Key("nameservers")]);
            self.diagnostics.push(
                Diagnostic::new(
                    &r::SPEC_TOO_FEW_NAMESERVERS,
                    span,
                    if n == 0 {
                        tr!(
                            lang,
                            "no nameserver; a delegation needs at least two",
                            "ネームサーバーがありません。委任には 2 つ以上必要です"
                        )
                    } else {
                        tr!(
                            lang,
                            "only one distinct nameserver; a delegation needs at least two",
                            "異なるネームサーバーが 1 つだけです。委任には 2 つ以上必要です"
                        )
                    },
                )
                .help(tr!(
                    lang,
                    "list every nameserver of the new host",
                    "新しいホストのネームサーバーをすべて記載してください"
                )),
            );
        }
        let mail = raw.mail.as_ref().map(|m| self.mail(m));
        let ttl = self.ttl(raw.ttl.as_ref());
        Some(Spec {
            zone: zone?,
            nameservers,
            mail: match mail {
                Some(m) => Some(m?),
                None => None,
            },
            ttl: ttl?,
            parent_ds: raw.parent_ds,
        })
    }

    fn zone_name(&mut self, text: &str) -> Option<OwnedName> {
        let lang = self.lang;
        match host_name(text.strip_suffix('.').unwrap_or(text)) {
            Ok(name) if !name.as_ref().is_root() => Some(name),
            _ => {
                let span = self.at(&[Seg::Key("zone")]);
                let shown = escape(text);
                self.diagnostics.push(
                    Diagnostic::new(
                        &r::SPEC_INVALID_NAME,
                        span,
                        tr!(
                            lang,
                            "zone `{shown}` is not a domain name",
                            "ゾーン `{shown}` はドメイン名ではありません"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "write the domain being moved, such as `example.co.jp`",
                        "移行するドメイン名（`example.co.jp` など）を書いてください"
                    )),
                );
                None
            }
        }
    }

    /// A target name: a host name with its trailing dot.
    fn target(&mut self, text: &str, path: &[Seg], what: String) -> Option<OwnedName> {
        let lang = self.lang;
        let shown = escape(text);
        let trimmed = text.strip_suffix('.').unwrap_or(text);
        let is_address = trimmed.parse::<IpAddr>().is_ok();
        let name = match host_name(trimmed) {
            Ok(name) if !is_address && name.as_ref().label_count() >= 2 => name,
            other => {
                let span = self.at(path);
                let why = match other {
                    _ if is_address => tr!(
                        lang,
                        "it is an address; give addresses under `addresses`",
                        "これはアドレスです。アドレスは `addresses` に書いてください"
                    ),
                    Ok(_) => tr!(
                        lang,
                        "a host name has at least two labels",
                        "ホスト名には 2 つ以上のラベルが必要です"
                    ),
                    Err(reason) => reason.get(lang).to_owned(),
                };
                self.diagnostics.push(
                    Diagnostic::new(
                        &r::SPEC_INVALID_NAME,
                        span,
                        tr!(
                            lang,
                            "{what} `{shown}` is not a host name",
                            "{what} `{shown}` はホスト名ではありません"
                        ),
                    )
                    .help(why),
                );
                return None;
            }
        };
        if !text.ends_with('.') {
            let span = self.at(path);
            self.diagnostics.push(
                Diagnostic::new(
                    &r::SPEC_RELATIVE_NAME,
                    span,
                    tr!(
                        lang,
                        "{what} `{shown}` has no trailing dot",
                        "{what} `{shown}` の末尾にドットがありません"
                    ),
                )
                .help(tr!(
                    lang,
                    "write `{shown}.`: in a zone file a name without the dot is relative to the zone",
                    "`{shown}.` と書いてください。ゾーンファイルではドットのない名前はゾーンからの相対名になります"
                )),
            );
            return None;
        }
        Some(name)
    }

    fn mail(&mut self, m: &RawMail) -> Option<Mail> {
        let lang = self.lang;
        let mut ok = true;
        let mut mx = Vec::new();
        for (i, entry) in m.mx.iter().enumerate() {
            let path = [
                Seg::Key("mail"),
                Seg::Key("mx"),
                Seg::Index(i),
                Seg::Key("exchange"),
            ];
            match self.target(
                &entry.exchange,
                &path,
                tr!(lang, "MX exchange", "MX の宛先"),
            ) {
                Some(name) => mx.push((entry.preference, name)),
                None => ok = false,
            }
        }
        if m.mx.is_empty() {
            let span = self.at(&[Seg::Key("mail"), Seg::Key("mx")]);
            self.diagnostics.push(
                Diagnostic::new(
                    &r::SPEC_MISSING_FIELD,
                    span,
                    tr!(lang, "`mail.mx` is empty", "`mail.mx` が空です"),
                )
                .help(tr!(
                    lang,
                    "give at least one `{{preference: 0, exchange: ...}}`, or remove `mail` when mail does not move",
                    "`{{preference: 0, exchange: ...}}` を 1 つ以上書くか、メールを移さないなら `mail` を削除してください"
                )),
            );
            ok = false;
        }
        let spf = match &m.spf {
            Some(spf) => {
                let lower = spf.to_ascii_lowercase();
                let versioned = lower == "v=spf1" || lower.starts_with("v=spf1 ");
                let printable = spf.bytes().all(|b| (0x20..0x7f).contains(&b));
                if !versioned || !printable {
                    let span = self.at(&[Seg::Key("mail"), Seg::Key("spf")]);
                    let shown = escape(spf);
                    let help = if printable {
                        tr!(
                            lang,
                            "an SPF policy starts with `v=spf1 `",
                            "SPF ポリシーは `v=spf1 ` で始まります"
                        )
                    } else {
                        tr!(
                            lang,
                            "write the policy in printable ASCII only",
                            "ポリシーは印字可能な ASCII だけで書いてください"
                        )
                    };
                    self.diagnostics.push(
                        Diagnostic::new(
                            &r::SPEC_INVALID_SPF,
                            span,
                            tr!(
                                lang,
                                "`{shown}` is not an SPF policy",
                                "`{shown}` は SPF ポリシーではありません"
                            ),
                        )
                        .help(help),
                    );
                    ok = false;
                }
                Some(spf.clone())
            }
            None => None,
        };
        let autodiscover = match &m.autodiscover {
            Some(a) => {
                let path = [Seg::Key("mail"), Seg::Key("autodiscover")];
                let name = self.target(
                    a,
                    &path,
                    tr!(lang, "autodiscover target", "autodiscover の宛先"),
                );
                ok &= name.is_some();
                name
            }
            None => None,
        };
        ok.then(|| Mail {
            mx,
            spf,
            autodiscover,
            by: m.by.unwrap_or(MailActor::Customer),
        })
    }

    fn ttl(&mut self, raw: Option<&RawTtl>) -> Option<TtlSpec> {
        let lang = self.lang;
        let mut out = TtlSpec::default();
        let Some(raw) = raw else {
            return Some(out);
        };
        let mut ok = true;
        for (key, value, max) in [
            ("lowered", raw.lowered, MAX_LOWERED_TTL),
            ("restore", raw.restore, MAX_TTL),
        ] {
            let Some(v) = value else { continue };
            if v == 0 || v > max {
                let span = self.at(&[Seg::Key("ttl"), Seg::Key(key)]);
                let help = if v == 0 {
                    tr!(
                        lang,
                        "a TTL of 0 stops caching; use 300 for a switch",
                        "TTL 0 はキャッシュを止めます。切替には 300 を使ってください"
                    )
                } else if key == "lowered" {
                    tr!(
                        lang,
                        "a lowered TTL above a day lowers nothing; 300 is usual",
                        "1 日を超える TTL では下げたことになりません。通常は 300 です"
                    )
                } else {
                    tr!(
                        lang,
                        "RFC 2181 §8 caps TTLs at 2147483647",
                        "RFC 2181 §8 により TTL の上限は 2147483647 です"
                    )
                };
                self.diagnostics.push(
                    Diagnostic::new(
                        &r::SPEC_TTL_OUT_OF_RANGE,
                        span,
                        tr!(
                            lang,
                            "`ttl.{key}` is {v}, outside 1–{max} seconds",
                            "`ttl.{key}` が {v} で、1〜{max} 秒の範囲外です"
                        ),
                    )
                    .help(help),
                );
                ok = false;
            } else if key == "lowered" {
                out.lowered = v as u32;
            } else {
                out.restore = Some(v as u32);
            }
        }
        ok.then_some(out)
    }
}

/// A host name: LDH labels (underscores allowed, as in service names), from text without the
/// trailing dot. The reason is given in both languages.
fn host_name(text: &str) -> Result<OwnedName, crate::rules::Text> {
    use crate::rules::Text;
    if text.is_empty() {
        return Err(Text {
            en: "the name is empty",
            ja: "名前が空です",
        });
    }
    for label in text.split('.') {
        if label.is_empty() {
            return Err(Text {
                en: "two dots in a row, or a leading dot, make an empty label",
                ja: "ドットの連続または先頭のドットは空のラベルになります",
            });
        }
        if label.len() > 63 {
            return Err(Text {
                en: "a label is longer than 63 octets (RFC 1035 §2.3.4)",
                ja: "63 オクテットを超えるラベルがあります（RFC 1035 §2.3.4）",
            });
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            || label.starts_with('-')
            || label.ends_with('-')
        {
            return Err(Text {
                en: "a host name has letters, digits and hyphens only, and no hyphen at either end of a label (RFC 952, RFC 1123 §2.1); write Unicode names as A-labels (`xn--...`)",
                ja: "ホスト名には英字、数字、ハイフンのみを使い、ラベルの先頭と末尾にはハイフンを置けません（RFC 952、RFC 1123 §2.1）。Unicode の名前は A ラベル（`xn--...`）で書いてください",
            });
        }
    }
    OwnedName::from_text(text).map_err(|_| Text {
        en: "the name is longer than 255 octets (RFC 1035 §2.3.4)",
        ja: "名前が 255 オクテットを超えています（RFC 1035 §2.3.4）",
    })
}

/// `192.0.2.1`, `2001:db8::1`, `127.0.0.1:5301`, `[2001:db8::1]:5353`; port 53 by default.
pub fn parse_address(text: &str) -> Option<SocketAddr> {
    let text = text.trim();
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(SocketAddr::new(ip, 53));
    }
    text.parse::<SocketAddr>().ok()
}

/// The span of the node at `path` in the YAML `text` (found by yaml_serde itself; see the module
/// docs), or of the whole text's start when the path is not there.
pub fn locate(text: &str, file: FileId, path: &[Seg]) -> Span {
    let de = serde_yaml::Deserializer::from_str(text);
    match Locate(path).deserialize(de) {
        Err(e) if e.to_string().contains(HERE) => match e.location() {
            Some(loc) => node_span(text, file, loc.index().min(text.len())),
            None => Span::new(file, 0, 0),
        },
        _ => Span::new(file, 0, 0),
    }
}

const HERE: &str = "zonegate-locate-here";

/// The extent of the scalar (or collection opener) that starts at byte `start`: a quoted
/// scalar to its closing quote, a plain one to the end of its line or a comment, or, inside a
/// flow collection, to the next `,`, `]` or `}`.
fn node_span(text: &str, file: FileId, start: usize) -> Span {
    let mut start = start;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let rest = &text[start..];
    let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    let line = &rest[..line_end];
    let len = match line.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let mut end = line.len();
            let mut escaped = false;
            for (i, c) in line.char_indices().skip(1) {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    end = i + 1;
                    break;
                }
                escaped = false;
            }
            end
        }
        Some('[' | '{') => {
            // To the matching bracket on the same line, else the bracket alone.
            let mut depth = 0i32;
            let mut quote: Option<char> = None;
            let mut end = 1;
            for (i, c) in line.char_indices() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') => quote = Some(c),
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        }
        None => 0,
        Some(_) => {
            let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let before = &text[line_start..start];
            let depth = before.matches(['[', '{']).count() as i64
                - before.matches([']', '}']).count() as i64;
            let mut end = line.find(" #").unwrap_or(line.len());
            if let Some(i) = line[..end].find(": ") {
                end = i;
            } else if line[..end].ends_with(':') {
                end -= 1;
            }
            if depth > 0
                && let Some(i) = line[..end].find([',', ']', '}'])
            {
                end = i;
            }
            line[..end].trim_end().len()
        }
    };
    Span::new(file, start, start + len)
}

struct Locate<'p>(&'p [Seg]);

impl<'de> DeserializeSeed<'de> for Locate<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            d.deserialize_any(Here)
        } else {
            d.deserialize_any(Walk(self.0))
        }
    }
}

/// Fails on whatever node it is given, so that the error carries the node's mark.
struct Here;

impl<'de> Visitor<'de> for Here {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_some<D: de::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom(HERE))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(HERE))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(HERE))
    }
}

/// Walks one step of the path; every other node is skipped.
struct Walk<'p>(&'p [Seg]);

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().expect("walk has a path");
        let mut i = 0;
        loop {
            if *first == Seg::Index(i) {
                return seq.next_element_seed(Locate(rest)).map(|_| ());
            }
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().expect("walk has a path");
        while let Some(key) = map.next_key::<AnyKey>()? {
            match (first, key.0) {
                (Seg::Key(k), Some(key)) if *k == key => {
                    return map.next_value_seed(Locate(rest));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A mapping key: its text when it is a string.
struct AnyKey(Option<String>);

impl<'de> serde::Deserialize<'de> for AnyKey {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnyKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnyKey, E> {
                Ok(AnyKey(Some(v.to_owned())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<AnyKey, E> {
                Ok(AnyKey(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<AnyKey, E> {
                Ok(AnyKey(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<AnyKey, E> {
                Ok(AnyKey(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<AnyKey, E> {
                Ok(AnyKey(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<AnyKey, E> {
                Ok(AnyKey(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyKey, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(AnyKey(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyKey, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(AnyKey(None))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn read(text: &str) -> (Sources, Parsed) {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::from_text("cutover.yaml", text));
        let parsed = parse(&sources, file, Lang::En);
        (sources, parsed)
    }

    fn positions(text: &str) -> Vec<(&'static str, u32, u32, String)> {
        let (sources, parsed) = read(text);
        parsed
            .diagnostics
            .iter()
            .map(|d| {
                let p = sources.get(d.span.file).position(d.span.start);
                let shown = sources.get(d.span.file).text[d.span.range()].to_owned();
                (d.rule.code, p.line, p.column, shown)
            })
            .collect()
    }

    const EXAMPLE: &str = "zone: example.co.jp
nameservers: [ns1.newdns.net., ns2.newdns.net.]     # the new host's servers
mail:                                               # optional: the MX switch
  mx: [{preference: 0, exchange: example-co-jp.mail.protection.outlook.com.}]
  spf: \"v=spf1 include:spf.protection.outlook.com -all\"   # optional
  autodiscover: autodiscover.outlook.com.                 # optional
ttl:
  lowered: 300                                      # TTL used during the switch
";

    #[test]
    fn the_issue_example_reads() {
        let (_, parsed) = read(EXAMPLE);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let spec = parsed.spec.unwrap();
        assert_eq!(spec.zone.to_string(), "example.co.jp.");
        assert_eq!(spec.nameservers.len(), 2);
        let mail = spec.mail.unwrap();
        assert_eq!(mail.mx[0].0, 0);
        assert_eq!(
            mail.mx[0].1.to_string(),
            "example-co-jp.mail.protection.outlook.com."
        );
        assert_eq!(mail.by, MailActor::Customer);
        assert_eq!(spec.ttl.lowered, 300);
    }

    #[test]
    fn semantic_errors_are_all_reported_at_their_positions() {
        let text = "zone: example.co.jp
nameservers:
  - ns1.newdns.net
  - {name: 192.0.2.1, addresses: [192.0.2.300]}
mail:
  mx: [{preference: 0, exchange: mail.example.net}]
  spf: \"spf1 -all\"
ttl:
  lowered: 0
";
        assert_eq!(
            positions(text),
            vec![
                ("ZG906", 3, 5, "ns1.newdns.net".into()),
                ("ZG905", 4, 12, "192.0.2.1".into()),
                ("ZG910", 4, 35, "192.0.2.300".into()),
                ("ZG906", 6, 34, "mail.example.net".into()),
                ("ZG908", 7, 8, "\"spf1 -all\"".into()),
                ("ZG907", 9, 12, "0".into()),
            ]
        );
    }

    #[test]
    fn structural_errors_carry_the_library_position() {
        let p = positions(
            "zone: example.co.jp\nnameservers: [a.example., b.example.]\nttl:\n  lowerd: 300\n",
        );
        assert_eq!(p, vec![("ZG902", 4, 3, "lowerd".into())]);
        let p = positions("zone: example.co.jp\nttl:\n  lowered: 300\n");
        assert_eq!(p[0].0, "ZG903");
        let p = positions(
            "zone: example.co.jp\nnameservers: [a.example., b.example.]\nmail:\n  mx: [{preference: 70000, exchange: m.example.}]\n",
        );
        assert_eq!((p[0].0, p[0].1, p[0].2), ("ZG904", 4, 21));
        let p = positions("zone: example.co.jp\nnameservers: [a.example., b.example.\n");
        assert_eq!(p[0].0, "ZG901");
        let p = positions("");
        assert_eq!(p[0].0, "ZG901");
    }

    #[test]
    fn a_single_nameserver_is_too_few() {
        let p = positions("zone: example.co.jp\nnameservers: [a.example., A.example.]\n");
        assert_eq!(p, vec![("ZG909", 2, 14, "[a.example., A.example.]".into())]);
    }

    #[test]
    fn unknown_fields_suggest_the_nearest() {
        let (_, parsed) = read("zone: example.co.jp\nnamesevers: [a.example., b.example.]\n");
        assert_eq!(
            parsed.diagnostics[0].help.as_deref(),
            Some("did you mean `nameservers`?")
        );
    }

    #[test]
    fn a_hostile_spec_stays_cheap() {
        let mut text = String::from("zone: example.co.jp\nnameservers:\n");
        for i in 0..20_000 {
            text.push_str(&format!("  - bad{i}\n"));
        }
        let (_, parsed) = read(&text);
        assert_eq!(parsed.diagnostics.len(), 20_000);
        assert!(parsed.spec.is_none());
    }

    #[test]
    fn addresses_take_ports() {
        assert_eq!(
            parse_address("127.0.0.1:5301"),
            Some("127.0.0.1:5301".parse().unwrap())
        );
        assert_eq!(
            parse_address("2001:db8::1"),
            Some("[2001:db8::1]:53".parse().unwrap())
        );
        assert_eq!(parse_address("ns1.example."), None);
    }
}
