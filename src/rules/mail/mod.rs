//! Mail rules: SPF (RFC 7208), DMARC (RFC 7489), DKIM (RFC 6376) and Microsoft 365's records.
//!
//! The records are TXT data read the way mail software reads them: strings joined first
//! ([`text::Joined`]), then parsed ([`spf`], [`taglist`]). Every rule selects its records with a
//! cheap prefix test on the wire data before joining, so a zone of a million records costs one
//! pass per rule and no allocation for records that are not mail policy.

pub mod dkim;
pub mod m365;
pub mod spf;
pub mod taglist;
pub mod text;

mod dkim_invalid_public_key;
mod dkim_invalid_tag_value;
mod dkim_revoked_key;
mod dkim_short_key;
mod dkim_syntax_error;
mod dkim_unknown_tag;
mod dkim_wrong_owner;
mod dmarc_invalid_percentage;
mod dmarc_invalid_policy;
mod dmarc_invalid_report_uri;
mod dmarc_invalid_tag_value;
mod dmarc_invalid_version;
mod dmarc_missing_policy;
mod dmarc_syntax_error;
mod dmarc_unknown_tag;
mod dmarc_wrong_owner;
mod m365_autodiscover;
mod m365_mx_not_only;
mod m365_mx_preference;
mod m365_spf_include;
mod m365_verification_format;
mod multiple_dmarc_records;
mod multiple_spf_records;
mod spf_all_not_last;
mod spf_duplicate_modifier;
mod spf_include_without_record;
mod spf_invalid_qualifier;
mod spf_invalid_term;
mod spf_malformed_version;
mod spf_ptr_mechanism;
mod spf_record_type;
mod spf_redirect_with_all;
mod spf_too_many_lookups;
mod spf_unknown_mechanism;
mod spf_unknown_modifier;
mod txt_split_without_separator;

pub use dkim_invalid_public_key::DKIM_INVALID_PUBLIC_KEY;
pub use dkim_invalid_tag_value::DKIM_INVALID_TAG_VALUE;
pub use dkim_revoked_key::DKIM_REVOKED_KEY;
pub use dkim_short_key::DKIM_SHORT_KEY;
pub use dkim_syntax_error::DKIM_SYNTAX_ERROR;
pub use dkim_unknown_tag::DKIM_UNKNOWN_TAG;
pub use dkim_wrong_owner::DKIM_WRONG_OWNER;
pub use dmarc_invalid_percentage::DMARC_INVALID_PERCENTAGE;
pub use dmarc_invalid_policy::DMARC_INVALID_POLICY;
pub use dmarc_invalid_report_uri::DMARC_INVALID_REPORT_URI;
pub use dmarc_invalid_tag_value::DMARC_INVALID_TAG_VALUE;
pub use dmarc_invalid_version::DMARC_INVALID_VERSION;
pub use dmarc_missing_policy::DMARC_MISSING_POLICY;
pub use dmarc_syntax_error::DMARC_SYNTAX_ERROR;
pub use dmarc_unknown_tag::DMARC_UNKNOWN_TAG;
pub use dmarc_wrong_owner::DMARC_WRONG_OWNER;
pub use m365_autodiscover::M365_AUTODISCOVER;
pub use m365_mx_not_only::M365_MX_NOT_ONLY;
pub use m365_mx_preference::M365_MX_PREFERENCE;
pub use m365_spf_include::M365_SPF_INCLUDE;
pub use m365_verification_format::M365_VERIFICATION_FORMAT;
pub use multiple_dmarc_records::MULTIPLE_DMARC_RECORDS;
pub use multiple_spf_records::MULTIPLE_SPF_RECORDS;
pub use spf_all_not_last::SPF_ALL_NOT_LAST;
pub use spf_duplicate_modifier::SPF_DUPLICATE_MODIFIER;
pub use spf_include_without_record::SPF_INCLUDE_WITHOUT_RECORD;
pub use spf_invalid_qualifier::SPF_INVALID_QUALIFIER;
pub use spf_invalid_term::SPF_INVALID_TERM;
pub use spf_malformed_version::SPF_MALFORMED_VERSION;
pub use spf_ptr_mechanism::SPF_PTR_MECHANISM;
pub use spf_record_type::SPF_RECORD_TYPE;
pub use spf_redirect_with_all::SPF_REDIRECT_WITH_ALL;
pub use spf_too_many_lookups::SPF_TOO_MANY_LOOKUPS;
pub use spf_unknown_mechanism::SPF_UNKNOWN_MECHANISM;
pub use spf_unknown_modifier::SPF_UNKNOWN_MODIFIER;
pub use txt_split_without_separator::TXT_SPLIT_WITHOUT_SEPARATOR;

use crate::rules::Context;
use crate::zone::{NameRef, RType, Record};
use std::cell::OnceCell;
use std::sync::OnceLock;
use text::Joined;

/// One SPF record (a TXT whose joined text is `v=spf1 ...`), parsed.
pub struct SpfRecord<'z> {
    pub record: &'z Record,
    pub joined: Held<'z, Joined>,
    pub spf: Held<'z, spf::Spf>,
    map: OnceCell<text::SpanMap>,
    nested: Held<'z, OnceLock<Vec<Option<Nested>>>>,
}

/// The in-zone name an `include:` or `redirect=` term leads to, and its owner id when the zone
/// has that name.
pub struct Nested {
    pub name: crate::zone::OwnedName,
    pub id: Option<crate::zone::NameId>,
}

/// A value parsed once per check and shared by the rules, or parsed for one use.
pub enum Held<'z, T> {
    Shared(&'z T),
    Owned(T),
}

impl<T> std::ops::Deref for Held<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Held::Shared(t) => t,
            Held::Owned(t) => t,
        }
    }
}

impl SpfRecord<'_> {
    /// The source span of bytes `range` of this record's joined text.
    pub fn span(&self, cx: &Context<'_>, range: std::ops::Range<usize>) -> crate::source::Span {
        self.map
            .get_or_init(|| text::SpanMap::new(cx, self.record, &self.joined))
            .span(&self.joined, range)
    }

    /// The text of bytes `range`, ready for a message.
    pub fn shown(&self, range: std::ops::Range<usize>) -> String {
        self.joined.shown(range)
    }

    pub fn bytes(&self, range: std::ops::Range<usize>) -> &[u8] {
        &self.joined.text[range]
    }

    /// What each term (by its index in `spf.terms`) leads to in the zone, if anything: worked
    /// out once per distinct SPF text, which most of a zone's SPF records share, for the rules
    /// that follow includes.
    pub fn nested(&self, cx: &Context<'_>) -> &[Option<Nested>] {
        self.nested.get_or_init(|| {
            (self.spf.terms.iter())
                .map(|term| {
                    let name = spf_too_many_lookups::nested_target(cx, &self.joined.text, term)?;
                    let id = cx.zone.names.lookup(name.as_ref());
                    Some(Nested { name, id })
                })
                .collect()
        })
    }
}

/// Parses a TXT record as SPF if it is one.
pub fn as_spf<'z>(cx: &Context<'z>, record: &'z Record) -> Option<SpfRecord<'z>> {
    if record.rtype != RType::TXT {
        return None;
    }
    let wire = cx.zone.rdata(record);
    if !text::starts_with_ignore_case(wire, spf::VERSION) {
        return None;
    }
    let joined = Joined::of(wire)?;
    if !spf::is_spf(&joined.text) {
        return None;
    }
    let spf = spf::Spf::parse(&joined.text, joined.starts.get(1..).unwrap_or_default());
    Some(SpfRecord {
        record,
        joined: Held::Owned(joined),
        spf: Held::Owned(spf),
        map: OnceCell::new(),
        nested: Held::Owned(OnceLock::new()),
    })
}

/// Which records the mail rules look at, found once per check: a dozen rules read the SPF
/// records, and scanning a million records for them once instead of a dozen times matters.
/// DMARC and DKIM keep only indices (4 bytes a record), and each rule parses what it reads.
/// SPF records are parsed once and shared, up to [`SPF_CACHE_BUDGET`] bytes: past it, each
/// rule parses the rest again, so memory stays bounded whatever the zone holds.
#[derive(Default)]
pub struct Selection {
    spf: OnceLock<SpfCache>,
    dmarc: OnceLock<Vec<u32>>,
    dkim: OnceLock<Vec<u32>>,
}

impl std::fmt::Debug for Selection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Selection").finish_non_exhaustive()
    }
}

/// How much memory the shared SPF parses may take (estimated), per check. A million-record
/// zone of ordinary mail records needs about a third of it.
pub const SPF_CACHE_BUDGET: usize = 48 << 20;

/// The SPF records of the zone in file order, each with its parse while the budget lasted.
/// Records with the same data share one parse: most of a zone's SPF records are copies of a few.
#[derive(Default)]
struct SpfCache {
    /// Each record, and the index of its parse in `parsed`.
    records: Vec<(u32, Option<u32>)>,
    parsed: Vec<ParsedSpf>,
}

struct ParsedSpf {
    joined: Joined,
    spf: spf::Spf,
    nested: OnceLock<Vec<Option<Nested>>>,
}

impl SpfCache {
    fn new(cx: &Context<'_>) -> SpfCache {
        let mut records = Vec::new();
        let mut parsed = Vec::new();
        let mut budget = SPF_CACHE_BUDGET;
        // Record data already read: whether it is SPF, and its parse if it was kept.
        let mut seen: std::collections::HashMap<&[u8], Option<Option<u32>>> =
            std::collections::HashMap::new();
        for &i in cx.index.of_type(cx.zone, RType::TXT) {
            let r = &cx.zone.records[i as usize];
            let wire = cx.zone.rdata(r);
            if !text::starts_with_ignore_case(wire, spf::VERSION) {
                continue;
            }
            if let Some(&known) = seen.get(wire) {
                if let Some(at) = known {
                    records.push((i, at));
                }
                continue;
            }
            let Some(joined) = Joined::of(wire) else {
                seen.insert(wire, None);
                continue;
            };
            if !spf::is_spf(&joined.text) {
                seen.insert(wire, None);
                continue;
            }
            let spf = spf::Spf::parse(&joined.text, joined.starts.get(1..).unwrap_or_default());
            let cost = size_of::<ParsedSpf>()
                + joined.text.len()
                + joined.starts.len() * size_of::<usize>()
                + spf.terms.len() * size_of::<spf::Term>()
                + spf.bad_separators.len() * size_of::<std::ops::Range<usize>>();
            let at = budget.checked_sub(cost).map(|left| {
                budget = left;
                parsed.push(ParsedSpf {
                    joined,
                    spf,
                    nested: OnceLock::new(),
                });
                (parsed.len() - 1) as u32
            });
            // Past the budget the data is not remembered either: the map stays bounded too.
            if at.is_some() {
                seen.insert(wire, Some(at));
            }
            records.push((i, at));
        }
        SpfCache { records, parsed }
    }
}

/// The TXT records `keep` picks, in file order.
fn select_txt<'z>(
    cx: &'z Context<'z>,
    cell: &'z OnceLock<Vec<u32>>,
    keep: impl Fn(&Record) -> bool,
) -> impl Iterator<Item = &'z Record> + 'z {
    cell.get_or_init(|| {
        (cx.index.of_type(cx.zone, RType::TXT).iter())
            .copied()
            .filter(|&i| keep(&cx.zone.records[i as usize]))
            .collect()
    })
    .iter()
    .map(|&i| &cx.zone.records[i as usize])
}

fn spf_cache<'z>(cx: &'z Context<'z>) -> &'z SpfCache {
    cx.mail.spf.get_or_init(|| SpfCache::new(cx))
}

/// Every SPF record of the zone, in file order.
pub fn spf_records<'z>(cx: &'z Context<'z>) -> impl Iterator<Item = SpfRecord<'z>> + 'z {
    let cache = spf_cache(cx);
    cache.records.iter().filter_map(move |&(i, at)| {
        let record = &cx.zone.records[i as usize];
        match at.map(|at| &cache.parsed[at as usize]) {
            Some(p) => Some(SpfRecord {
                record,
                joined: Held::Shared(&p.joined),
                spf: Held::Shared(&p.spf),
                map: OnceCell::new(),
                nested: Held::Shared(&p.nested),
            }),
            None => as_spf(cx, record),
        }
    })
}

/// The indices of the zone's SPF records (TXT whose text is SPF), in file order.
pub fn spf_record_indices<'z>(cx: &'z Context<'z>) -> impl Iterator<Item = u32> + 'z {
    spf_cache(cx).records.iter().map(|&(i, _)| i)
}

/// True when the name's first label is `label` (ASCII case ignored).
pub fn first_label_is(name: NameRef<'_>, label: &[u8]) -> bool {
    name.first_label()
        .is_some_and(|l| l.eq_ignore_ascii_case(label))
}

/// `prefix.name`, or `None` when that would be too long.
pub fn prepend(label: &[u8], name: NameRef<'_>) -> Option<crate::zone::OwnedName> {
    let mut wire = Vec::with_capacity(label.len() + 1 + name.wire().len());
    wire.push(u8::try_from(label.len()).ok()?);
    wire.extend_from_slice(label);
    wire.extend_from_slice(name.wire());
    crate::zone::OwnedName::from_wire(wire)
}

/// A domain named in SPF or DMARC text (`spf.example.jp`, with or without the final dot) as a
/// name, unless it holds macros or is not a valid name.
pub fn domain_name(text: &[u8]) -> Option<crate::zone::OwnedName> {
    if text.is_empty() || memchr::memchr(b'%', text).is_some() {
        return None;
    }
    // The usual domain (ASCII, no escapes) is made into wire form here, as the full parser
    // would make it: several rules ask this of every include of every SPF record.
    if text.is_ascii() && memchr::memchr(b'\\', text).is_none() && text != b"." {
        let body = text.strip_suffix(b".").unwrap_or(text);
        let mut wire = Vec::with_capacity(body.len() + 2);
        for label in body.split(|&b| b == b'.') {
            if label.is_empty() || label.len() > crate::zone::name::MAX_LABEL_LEN {
                return None;
            }
            wire.push(label.len() as u8);
            wire.extend_from_slice(label);
        }
        wire.push(0);
        return crate::zone::OwnedName::from_wire(wire);
    }
    let text = std::str::from_utf8(text).ok()?;
    crate::zone::OwnedName::from_text(text).ok()
}

/// True when `name` lies in the zone and is served by it: at or below the apex, and not at or
/// below a delegation (a name with NS records other than the apex).
pub fn served_here(cx: &Context<'_>, name: NameRef<'_>) -> bool {
    let apex = cx.zone.apex();
    if !name.is_subdomain_of(apex) {
        return false;
    }
    let mut cursor = Some(name);
    while let Some(n) = cursor {
        if n.eq_ignore_case(apex) {
            return true;
        }
        if let Some(id) = cx.zone.names.lookup(n)
            && cx.index.has(cx.zone, id, RType::NS)
        {
            return false;
        }
        cursor = n.parent();
    }
    true
}

/// True when a wildcard at or above `name` (up to the apex) could answer for it.
pub fn wildcard_covers(cx: &Context<'_>, name: NameRef<'_>) -> bool {
    let apex = cx.zone.apex();
    let mut cursor = name.parent();
    while let Some(n) = cursor {
        if let Some(w) = prepend(b"*", n)
            && cx.zone.names.lookup(w.as_ref()).is_some()
        {
            return true;
        }
        if n.eq_ignore_case(apex) {
            break;
        }
        cursor = n.parent();
    }
    false
}

/// The TXT records at `owner` whose joined text is SPF.
pub fn spf_at<'z>(
    cx: &'z Context<'z>,
    owner: crate::zone::NameId,
) -> impl Iterator<Item = SpfRecord<'z>> + 'z {
    cx.index
        .rrset(cx.zone, owner, RType::TXT)
        .filter_map(move |i| as_spf(cx, &cx.zone.records[i as usize]))
}

/// A TXT record read as a tag=value list (DMARC, DKIM).
pub struct TagRecord<'z> {
    pub record: &'z Record,
    pub joined: Joined,
    pub tags: taglist::TagList,
    map: OnceCell<text::SpanMap>,
}

impl TagRecord<'_> {
    pub fn span(&self, cx: &Context<'_>, range: std::ops::Range<usize>) -> crate::source::Span {
        self.map
            .get_or_init(|| text::SpanMap::new(cx, self.record, &self.joined))
            .span(&self.joined, range)
    }

    pub fn shown(&self, range: std::ops::Range<usize>) -> String {
        self.joined.shown(range)
    }

    pub fn bytes(&self, range: std::ops::Range<usize>) -> &[u8] {
        &self.joined.text[range]
    }

    /// The value of tag `name`, with the tag.
    pub fn get(&self, name: &str) -> Option<(&taglist::Tag, &[u8])> {
        self.tags.get(&self.joined.text, name)
    }

    /// The first tag is `v=<version>` exactly, as DMARC and DKIM select records.
    pub fn starts_with_version(&self, version: &[u8]) -> bool {
        self.tags.tags.first().is_some_and(|t| {
            self.bytes(t.name.clone()) == b"v" && self.bytes(t.value.clone()) == version
        }) && self.tags.faults.first().is_none_or(|f| {
            self.tags
                .tags
                .first()
                .is_some_and(|t| t.range.start < f.range().start)
        })
    }
}

fn tag_record<'z>(cx: &Context<'z>, record: &'z Record, known: &[&str]) -> Option<TagRecord<'z>> {
    let joined = Joined::of(cx.zone.rdata(record))?;
    let tags = taglist::TagList::parse(
        &joined.text,
        joined.starts.get(1..).unwrap_or_default(),
        known,
    );
    Some(TagRecord {
        record,
        joined,
        tags,
        map: OnceCell::new(),
    })
}

/// The tags of DMARC records, current and DMARCbis (`np`, `t`, `psd`).
pub const DMARC_TAGS: &[&str] = &[
    "v", "p", "sp", "np", "rua", "ruf", "adkim", "aspf", "ri", "fo", "rf", "pct", "t", "psd",
];

/// Every TXT record at a `_dmarc` name, as a tag list.
pub fn dmarc_records<'z>(cx: &'z Context<'z>) -> impl Iterator<Item = TagRecord<'z>> + 'z {
    select_txt(cx, &cx.mail.dmarc, |r| {
        first_label_is(cx.zone.owner(r), b"_dmarc")
    })
    .filter_map(|r| tag_record(cx, r, DMARC_TAGS))
}

/// The DMARC records receivers select at a `_dmarc` name: first tag exactly `v=DMARC1`.
pub fn valid_dmarc_records<'z>(cx: &'z Context<'z>) -> impl Iterator<Item = TagRecord<'z>> + 'z {
    dmarc_records(cx).filter(|r| r.starts_with_version(b"DMARC1"))
}

/// Every TXT record at a DKIM key name (`selector._domainkey.domain`), as a tag list.
pub fn dkim_records<'z>(cx: &'z Context<'z>) -> impl Iterator<Item = TagRecord<'z>> + 'z {
    select_txt(cx, &cx.mail.dkim, |r| {
        let owner = cx.zone.owner(r);
        // `_adsp._domainkey` held the retired ADSP policy (RFC 5617), not a key.
        dkim::is_key_owner(owner) && !first_label_is(owner, b"_adsp")
    })
    .filter_map(|r| tag_record(cx, r, dkim::TAGS))
}

/// Parses any TXT record as a tag list with the given scheme's tags.
pub fn as_tag_record<'z>(
    cx: &Context<'z>,
    record: &'z Record,
    known: &[&str],
) -> Option<TagRecord<'z>> {
    tag_record(cx, record, known)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_names_are_read_as_the_name_parser_reads_them() {
        let long_label = "a".repeat(64);
        let long_name = "abcdefghi.".repeat(26);
        let max_label = "b".repeat(63);
        let texts = [
            "spf.protection.outlook.com",
            "SPF.Protection.Outlook.COM.",
            "_spf.example.net",
            "a",
            ".",
            "..",
            "a..b",
            ".a",
            "a.b..",
            "a b.example",
            "@",
            "x\\.y.example",
            "x\\065.example.",
            "ｅｘａｍｐｌｅ.jp",
            long_label.as_str(),
            max_label.as_str(),
            long_name.as_str(),
            &long_name[..250],
            "-x-.example.",
        ];
        for text in texts {
            let want = crate::zone::OwnedName::from_text(text).ok();
            assert_eq!(domain_name(text.as_bytes()), want, "{text:?}");
        }
        assert_eq!(domain_name(b"%{d}.example"), None);
        assert_eq!(domain_name(b""), None);
    }
}
