//! The zone: what a submitted file says, as records in file order.
//!
//! Records are small (32 bytes) and hold no strings: the owner is an interned [`NameId`] and the
//! data is a slice of one wire-format arena. That keeps a million-record zone in well under the
//! memory other checkers need, and gives every rule, the formatter and the live comparison one
//! exact representation to compare: wire form, as servers see it.

pub mod customer;
pub mod fmt;
mod generate;
pub mod lexer;
pub mod name;
mod parser;
pub mod rdata;
pub mod rtype;
pub mod tree;

pub use name::{NameId, NameRef, NameTable, OwnedName};
pub use parser::{
    IncludeError, IncludeLoader, NoIncludes, ParseOptions, TableOptions, TableRecord,
    origin_from_file_name, parse, parse_table,
};
pub use rtype::RType;
pub use tree::{Lookup, Place, ZoneTree};

use crate::source::Span;
use hickory_proto::rr::DNSClass;

/// One resource record as the file gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    pub owner: NameId,
    pub rtype: RType,
    pub class: u16,
    pub ttl: u32,
    rdata_start: u32,
    rdata_len: u16,
    pub flags: u8,
    /// The whole entry in the source, owner to last token (for `$GENERATE`, the directive).
    pub span: Span,
}

impl Record {
    /// The TTL was written on the record itself, not taken from `$TTL` or the previous record.
    pub const TTL_EXPLICIT: u8 = 1;
    /// The record came from a `$GENERATE` directive.
    pub const GENERATED: u8 = 2;
    /// The owner field was blank: the previous record's owner was used.
    pub const OWNER_INHERITED: u8 = 4;
    /// The data contains a relative name that was completed with the origin.
    pub const RELATIVE_TARGET: u8 = 8;

    /// A record whose data the zone will attach when it is added.
    pub fn new(owner: NameId, rtype: RType, class: u16, ttl: u32, flags: u8, span: Span) -> Self {
        Record {
            owner,
            rtype,
            class,
            ttl,
            rdata_start: 0,
            rdata_len: 0,
            flags,
            span,
        }
    }

    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A line that looked like a record but did not parse: rules that check for the absence of a
/// type (no SOA, no NS) consult these so that one fault is not reported twice.
#[derive(Clone, Copy, Debug)]
pub struct FailedRecord {
    pub owner: Option<NameId>,
    pub rtype: Option<RType>,
    pub span: Span,
}

/// Where a record's fields are in its source, for records read from a table.
#[derive(Clone, Debug)]
pub struct FieldSpans {
    pub owner: Span,
    pub ttl: Option<Span>,
    pub rtype: Span,
    pub rdata: Vec<Span>,
}

/// An inline `; zonegate: ignore[CODE,...] reason` and the byte range of the entry it covers.
#[derive(Clone, Debug)]
pub struct Suppression {
    pub span: Span,
    pub codes: Vec<String>,
    pub reason: String,
    /// Where the comment itself is, for reporting unused suppressions.
    pub comment: Span,
}

#[derive(Debug)]
pub struct Zone {
    /// The apex: `--origin`, else the SOA owner, else the first origin in effect.
    pub origin: OwnedName,
    pub class: DNSClass,
    pub names: NameTable,
    pub records: Vec<Record>,
    /// The records' data, one arena per group of types ([`rdata_group`]), in file order within
    /// each.
    rdata: [Vec<u8>; RDATA_GROUPS],
    pub failed: Vec<FailedRecord>,
    pub suppressions: Vec<Suppression>,
    /// Where the fields of records read from a table are (by record span), as their source
    /// text cannot be lexed again as a zone line. Empty for zone files.
    pub field_spans: std::collections::HashMap<Span, FieldSpans>,
    /// How the origin was found, for the report.
    pub origin_source: OriginSource,
}

/// Where a zone's origin came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OriginSource {
    CommandLine,
    OriginDirective,
    SoaOwner,
    FileName,
    /// A record table named its domain above the header, or its hosts are all full names.
    Table,
    None,
}

/// How many threads `threads` (`--threads`) means for a piece of work: 0 is automatic, one
/// per core up to 4 when the work is `large` enough to be worth starting them, else 1. Reading
/// a file and running the rules each decide what large is.
pub fn thread_count(threads: usize, large: bool) -> usize {
    match threads {
        0 if !large => 1,
        0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
        n => n,
    }
}

/// How many arenas a zone keeps its records' data in.
const RDATA_GROUPS: usize = 10;

/// The arena a record of type `rtype` keeps its data in: the common types each have their own.
/// The rules walk the records of one type at a time (every NS target, every MX host, every
/// SPF text), and in one arena for all types each record's data would be a cache miss of its
/// own among the others' data; in its type's arena, the walk reads memory in order. At 1M
/// records, the rules took about 8% less time on one thread.
fn rdata_group(rtype: RType) -> usize {
    match rtype {
        RType::A => 1,
        RType::AAAA => 2,
        RType::NS => 3,
        RType::CNAME => 4,
        RType::MX => 5,
        RType::TXT => 6,
        RType::SRV => 7,
        RType::CAA => 8,
        RType::PTR => 9,
        _ => 0,
    }
}

impl Zone {
    pub fn new(origin: OwnedName, origin_source: OriginSource) -> Self {
        Zone {
            origin,
            class: DNSClass::IN,
            names: NameTable::default(),
            records: Vec::new(),
            rdata: Default::default(),
            failed: Vec::new(),
            suppressions: Vec::new(),
            field_spans: std::collections::HashMap::new(),
            origin_source,
        }
    }

    /// Makes room for the records of `text_len` bytes of zone text, so that reading a large
    /// zone does not grow (and rehash) its tables a score of times. Generated and exported zones
    /// spend 30–40 bytes of text per record and have a little fewer names than records; a
    /// guess that is too high costs address space, not memory, until it is written. The data
    /// arenas are left to grow: how the data divides among them is not known, and an arena
    /// large enough to matter grows by being remapped, not copied.
    pub fn reserve_for_text(&mut self, text_len: usize) {
        let records = text_len / 40;
        self.records.reserve(records);
        self.names.reserve(records, records * 16);
    }

    /// Appends what another parser read from the text after this zone's, as if one parser had
    /// read both. `other`'s names are interned here in its order, which is the order of their
    /// first appearance, so every name id is the one a single pass gives. `other`'s names are
    /// hashed as this zone's are when its table is a [`NameTable::sibling`] of this one's that
    /// kept its hashes. Returns what each of `other`'s name ids became, and leaves `other`
    /// empty, its memory kept for reuse.
    pub(crate) fn append(&mut self, other: &mut Zone) -> Vec<NameId> {
        let ids: Vec<NameId> = match other.names.hashes() {
            Some(hashes) => (other.names.iter().zip(hashes))
                .map(|((_, n), &h)| self.names.intern_hashed(n, h))
                .collect(),
            None => (other.names.iter())
                .map(|(_, n)| self.names.intern(n))
                .collect(),
        };
        let base = self.rdata.each_mut().map(|arena| arena.len() as u32);
        for (arena, more) in self.rdata.iter_mut().zip(&other.rdata) {
            arena.extend_from_slice(more);
        }
        self.records.extend(other.records.iter().map(|r| Record {
            owner: ids[r.owner.0 as usize],
            rdata_start: r.rdata_start + base[rdata_group(r.rtype)],
            ..*r
        }));
        self.failed
            .extend(other.failed.iter().map(|f| FailedRecord {
                owner: f.owner.map(|o| ids[o.0 as usize]),
                ..*f
            }));
        self.suppressions.append(&mut other.suppressions);
        self.field_spans.extend(other.field_spans.drain());
        other.records.clear();
        other.rdata.iter_mut().for_each(Vec::clear);
        other.failed.clear();
        other.names.clear();
        ids
    }

    pub fn apex(&self) -> NameRef<'_> {
        self.origin.as_ref()
    }

    pub fn rdata(&self, record: &Record) -> &[u8] {
        let start = record.rdata_start as usize;
        &self.rdata[rdata_group(record.rtype)][start..start + record.rdata_len as usize]
    }

    /// The arena the data of a `rtype` record is written to, before [`Zone::push`] adds it.
    fn rdata_arena(&mut self, rtype: RType) -> &mut Vec<u8> {
        &mut self.rdata[rdata_group(rtype)]
    }

    pub fn owner(&self, record: &Record) -> NameRef<'_> {
        self.names.get(record.owner)
    }

    /// Adds `record`, whose data is its type's arena ([`Zone::rdata_arena`]) from `rdata_start`
    /// to its end.
    fn push(&mut self, mut record: Record, rdata_start: usize) {
        record.rdata_start = rdata_start as u32;
        record.rdata_len = (self.rdata_arena(record.rtype).len() - rdata_start) as u16;
        self.records.push(record);
    }

    /// Adds a record with the given data (tests, and table formats that build wire data).
    pub fn add(
        &mut self,
        owner: NameRef<'_>,
        rtype: RType,
        ttl: u32,
        rdata: &[u8],
        span: Span,
    ) -> NameId {
        let owner = self.names.intern(owner);
        let arena = self.rdata_arena(rtype);
        let start = arena.len();
        arena.extend_from_slice(rdata);
        self.push(
            Record::new(
                owner,
                rtype,
                u16::from(self.class),
                ttl,
                Record::TTL_EXPLICIT,
                span,
            ),
            start,
        );
        owner
    }

    /// Presentation text of a record's data.
    pub fn rdata_text(&self, record: &Record) -> String {
        let w = self.rdata(record);
        rdata::present::rdata_to_text(record.rtype, w).unwrap_or_else(|| rdata::present::generic(w))
    }

    /// True when a line that failed to parse might have been a `rtype` record at `owner`
    /// (an unknown owner counts as anywhere).
    pub fn failed_could_be(&self, owner: Option<NameId>, rtype: RType) -> bool {
        self.failed.iter().any(|f| {
            f.rtype.is_none_or(|t| t == rtype)
                && (owner.is_none() || f.owner.is_none() || f.owner == owner)
        })
    }

    /// Approximate memory held, for the benchmarks' bytes-per-record figures.
    pub fn heap_bytes(&self) -> usize {
        self.records.capacity() * std::mem::size_of::<Record>()
            + self.rdata.iter().map(Vec::capacity).sum::<usize>()
            + self.names.heap_bytes()
    }
}

/// The records grouped for lookups: by owner, and by owner and type (RRsets), in file order
/// within each group. Built once per check; the rules share it.
#[derive(Debug)]
pub struct ZoneIndex {
    /// Record indices sorted by (owner, type, file order).
    order: Vec<u32>,
    /// For each owner id, the range of `order` holding its records.
    by_owner: Vec<(u32, u32)>,
    /// The name tree, built the first time a rule asks for it.
    tree: std::sync::OnceLock<ZoneTree>,
    /// The records by type, built on first use: record indices grouped by type, in file order
    /// within each, and each type's range of them.
    by_type: std::sync::OnceLock<ByType>,
    /// The RRsets of two records or more (the ranges of `order` holding them), built on first
    /// use: the rules about records that repeat or disagree within a set skip the rest.
    several: std::sync::OnceLock<Vec<(u32, u32)>>,
}

/// Record indices grouped by type (file order within a type), each type's range of them, and
/// each record's place within its type's range.
#[derive(Debug)]
struct ByType {
    indices: Vec<u32>,
    ranges: Vec<(RType, u32, u32)>,
    ranks: Vec<u32>,
}

impl ZoneIndex {
    pub fn new(zone: &Zone) -> Self {
        let mut order: Vec<u32> = (0..zone.records.len() as u32).collect();
        // Owner ids follow file order, so the records are almost sorted already, which the
        // sort finds in one pass (a counting sort on the owner measured slower).
        order.sort_by_key(|&i| {
            let r = &zone.records[i as usize];
            (r.owner, r.rtype, i)
        });
        let mut by_owner = vec![(0u32, 0u32); zone.names.len()];
        let mut i = 0;
        while i < order.len() {
            let owner = zone.records[order[i] as usize].owner;
            let start = i;
            while i < order.len() && zone.records[order[i] as usize].owner == owner {
                i += 1;
            }
            by_owner[owner.0 as usize] = (start as u32, i as u32);
        }
        ZoneIndex {
            order,
            by_owner,
            tree: std::sync::OnceLock::new(),
            by_type: std::sync::OnceLock::new(),
            several: std::sync::OnceLock::new(),
        }
    }

    /// Indices of the records of type `rtype`, in file order. `zone` must be the zone this
    /// index was built from.
    pub fn of_type(&self, zone: &Zone, rtype: RType) -> &[u32] {
        let by_type = self.by_type(zone);
        match by_type.ranges.binary_search_by_key(&rtype, |&(t, _, _)| t) {
            Ok(k) => {
                let (_, start, end) = by_type.ranges[k];
                &by_type.indices[start as usize..end as usize]
            }
            Err(_) => &[],
        }
    }

    /// The types the zone has records of, in type order.
    pub fn types(&self, zone: &Zone) -> impl Iterator<Item = RType> + '_ {
        self.by_type(zone).ranges.iter().map(|&(t, _, _)| t)
    }

    /// Indices of the records whose type `wanted` picks, in file order: one look per type
    /// rather than per record, for the rules about types that few zones have.
    pub fn of_types(&self, zone: &Zone, wanted: impl Fn(RType) -> bool) -> Vec<u32> {
        let mut found: Vec<u32> = (self.types(zone))
            .filter(|&t| wanted(t))
            .flat_map(|t| self.of_type(zone, t).iter().copied())
            .collect();
        found.sort_unstable();
        found
    }

    /// Where record `i` is in [`ZoneIndex::of_type`] of its type, so that tables kept in that
    /// order are read without a search.
    pub fn rank_in_type(&self, zone: &Zone, i: usize) -> Option<usize> {
        self.by_type(zone).ranks.get(i).map(|&r| r as usize)
    }

    /// [`ZoneIndex::new`], with the records by type worked out at the same time on a second
    /// thread when `threads` allows one: the rules start with both, and one of their threads
    /// would otherwise wait while the other builds it.
    pub fn new_on(zone: &Zone, threads: usize) -> Self {
        if threads < 2 {
            return ZoneIndex::new(zone);
        }
        std::thread::scope(|s| {
            let by_type = s.spawn(|| ByType::new(zone));
            let index = ZoneIndex::new(zone);
            let by_type = (by_type.join()).unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let _ = index.by_type.set(by_type);
            index
        })
    }

    fn by_type(&self, zone: &Zone) -> &ByType {
        self.by_type.get_or_init(|| ByType::new(zone))
    }

    /// Every RRset of two records or more, as [`ZoneIndex::rrsets`] gives them.
    pub fn rrsets_of_several<'z>(
        &'z self,
        zone: &'z Zone,
    ) -> impl Iterator<Item = (NameId, RType, &'z [u32])> + 'z {
        let several = self.several.get_or_init(|| {
            self.rrset_ranges(zone)
                .filter(|(start, end)| end - start >= 2)
                .map(|(start, end)| (start as u32, end as u32))
                .collect()
        });
        several.iter().map(move |&(s, e)| {
            let set = &self.order[s as usize..e as usize];
            let first = &zone.records[set[0] as usize];
            (first.owner, first.rtype, set)
        })
    }

    /// The zone's name tree (cuts, DNAMEs, existence, wildcards), built on first use. `zone`
    /// must be the zone this index was built from.
    pub fn tree(&self, zone: &Zone) -> &ZoneTree {
        self.tree.get_or_init(|| ZoneTree::new(zone, self))
    }

    /// Indices of the records at `owner`, grouped by type.
    pub fn at(&self, owner: NameId) -> &[u32] {
        let (s, e) = self
            .by_owner
            .get(owner.0 as usize)
            .copied()
            .unwrap_or((0, 0));
        &self.order[s as usize..e as usize]
    }

    /// Indices of the records of one RRset.
    pub fn rrset<'z>(
        &'z self,
        zone: &'z Zone,
        owner: NameId,
        rtype: RType,
    ) -> impl Iterator<Item = u32> + 'z {
        self.at(owner)
            .iter()
            .copied()
            .filter(move |&i| zone.records[i as usize].rtype == rtype)
    }

    pub fn has(&self, zone: &Zone, owner: NameId, rtype: RType) -> bool {
        self.rrset(zone, owner, rtype).next().is_some()
    }

    /// Every RRset: (owner, type, record indices in file order).
    pub fn rrsets<'z>(
        &'z self,
        zone: &'z Zone,
    ) -> impl Iterator<Item = (NameId, RType, &'z [u32])> + 'z {
        self.rrset_ranges(zone).map(move |(start, end)| {
            let first = &zone.records[self.order[start] as usize];
            (first.owner, first.rtype, &self.order[start..end])
        })
    }

    /// The range of `order` each RRset takes, in order.
    fn rrset_ranges<'z>(&'z self, zone: &'z Zone) -> impl Iterator<Item = (usize, usize)> + 'z {
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= self.order.len() {
                return None;
            }
            let first = &zone.records[self.order[i] as usize];
            let start = i;
            while i < self.order.len() {
                let r = &zone.records[self.order[i] as usize];
                if r.owner != first.owner || r.rtype != first.rtype {
                    break;
                }
                i += 1;
            }
            Some((start, i))
        })
    }
}

impl ByType {
    fn new(zone: &Zone) -> ByType {
        // A counting sort on the type: two passes, and the file order kept within a type.
        let mut counts = vec![0u32; 1 << 16];
        for r in &zone.records {
            counts[r.rtype.0 as usize] += 1;
        }
        let mut ranges = Vec::new();
        let mut at = 0u32;
        for (t, count) in counts.iter_mut().enumerate() {
            let n = *count;
            if n > 0 {
                ranges.push((RType(t as u16), at, at + n));
            }
            *count = at;
            at += n;
        }
        let mut indices = vec![0u32; zone.records.len()];
        for (i, r) in zone.records.iter().enumerate() {
            let slot = &mut counts[r.rtype.0 as usize];
            indices[*slot as usize] = i as u32;
            *slot += 1;
        }
        let mut ranks = vec![0u32; zone.records.len()];
        for &(_, start, end) in &ranges {
            for (rank, &i) in indices[start as usize..end as usize].iter().enumerate() {
                ranks[i as usize] = rank as u32;
            }
        }
        ByType {
            indices,
            ranges,
            ranks,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_owner_has_its_records_in_type_then_file_order() {
        let span = Span::new(crate::source::FileId(0), 0, 1);
        let mut zone = Zone::new(
            OwnedName::from_text("example.").unwrap(),
            OriginSource::None,
        );
        let owners = [
            "b.example.",
            "a.example.",
            "b.example.",
            "c.example.",
            "b.example.",
        ];
        let types = [RType::TXT, RType::A, RType::A, RType::MX, RType::TXT];
        let mut k = 0u32;
        for round in 0..3 {
            for (o, &t) in owners.iter().zip(&types).skip(round) {
                let owner = OwnedName::from_text(o).unwrap();
                zone.add(owner.as_ref(), t, 60, &k.to_be_bytes(), span);
                k += 1;
            }
        }
        let index = ZoneIndex::new(&zone);
        for (id, _) in zone.names.iter() {
            let mut want: Vec<u32> = (0..zone.records.len() as u32)
                .filter(|&i| zone.records[i as usize].owner == id)
                .collect();
            want.sort_by_key(|&i| (zone.records[i as usize].rtype, i));
            assert_eq!(index.at(id), want, "{}", zone.names.get(id));
        }
        let all: usize = zone.names.iter().map(|(id, _)| index.at(id).len()).sum();
        assert_eq!(all, zone.records.len());
        // Built with the records by type on a second thread, the index is the same.
        let both = ZoneIndex::new_on(&zone, 2);
        for (id, _) in zone.names.iter() {
            assert_eq!(both.at(id), index.at(id));
        }
        assert!(both.types(&zone).eq(index.types(&zone)));
        for t in index.types(&zone) {
            assert_eq!(both.of_type(&zone, t), index.of_type(&zone, t));
        }
        for i in 0..zone.records.len() {
            assert_eq!(both.rank_in_type(&zone, i), index.rank_in_type(&zone, i));
        }
    }

    #[test]
    fn each_type_keeps_its_data_together_and_appending_keeps_every_record_s_data() {
        let name = |t: &str| OwnedName::from_text(t).unwrap();
        let span = Span::new(crate::source::FileId(0), 0, 1);
        let mut whole = Zone::new(name("example."), OriginSource::CommandLine);
        let mut piece = Zone::new(OwnedName::root(), OriginSource::None);
        piece.names = whole.names.sibling(0, 0).keeping_hashes();
        // SPF (99) shares the arena of the types without one of their own.
        let types = [
            RType::A,
            RType::NS,
            RType::TXT,
            RType(99),
            RType::MX,
            RType::SOA,
        ];
        let mut want = Vec::new();
        for i in 0..36u8 {
            let rtype = types[usize::from(i) % types.len()];
            let data: Vec<u8> = (0..=i % 5).map(|k| i.wrapping_mul(7) ^ k).collect();
            let zone = if i < 18 { &mut whole } else { &mut piece };
            zone.add(
                name(&format!("h{i}.example.")).as_ref(),
                rtype,
                60,
                &data,
                span,
            );
            want.push((rtype, data));
        }
        whole.append(&mut piece);
        let got: Vec<(RType, Vec<u8>)> = (whole.records.iter())
            .map(|r| (r.rtype, whole.rdata(r).to_vec()))
            .collect();
        assert_eq!(got, want);
        // The data of the records of a type with an arena of its own is one run, in file order.
        for rtype in [RType::A, RType::NS, RType::TXT, RType::MX] {
            let mut at = 0;
            for r in whole.records.iter().filter(|r| r.rtype == rtype) {
                assert_eq!(r.rdata_start as usize, at, "{rtype}");
                at += usize::from(r.rdata_len);
            }
        }
    }

    #[test]
    fn append_merges_as_one_pass_and_leaves_the_piece_empty_for_reuse() {
        let name = |t: &str| OwnedName::from_text(t).unwrap();
        let span = Span::new(crate::source::FileId(0), 0, 1);
        let mut whole = Zone::new(name("example."), OriginSource::CommandLine);
        whole.add(
            name("a.example.").as_ref(),
            RType::A,
            60,
            &[192, 0, 2, 1],
            span,
        );
        let mut piece = Zone::new(OwnedName::root(), OriginSource::None);
        piece.names = whole.names.sibling(0, 0).keeping_hashes();
        for (owner, last) in [("b.example.", 2), ("A.example.", 3)] {
            piece.add(name(owner).as_ref(), RType::A, 60, &[192, 0, 2, last], span);
        }
        // `A.example.` is `a.example.`, which the zone already has.
        assert_eq!(whole.append(&mut piece), [NameId(1), NameId(0)]);
        assert!(
            piece.records.is_empty()
                && piece.rdata.iter().all(Vec::is_empty)
                && piece.names.is_empty()
        );
        assert_eq!(piece.names.hashes(), Some(&[][..]));
        // Reused, the piece's ids start again from 0, and its hashes are this text's.
        piece.add(
            name("c.example.").as_ref(),
            RType::A,
            60,
            &[192, 0, 2, 4],
            span,
        );
        piece.add(
            name("b.example.").as_ref(),
            RType::A,
            60,
            &[192, 0, 2, 5],
            span,
        );
        assert_eq!(whole.append(&mut piece), [NameId(2), NameId(1)]);
        let owners: Vec<(String, Vec<u8>)> = (whole.records.iter())
            .map(|r| (whole.owner(r).to_string(), whole.rdata(r).to_vec()))
            .collect();
        let want = [("a", 1), ("b", 2), ("a", 3), ("c", 4), ("b", 5)]
            .map(|(o, last)| (format!("{o}.example."), vec![192, 0, 2, last]));
        assert_eq!(owners, want);
    }

    #[test]
    fn records_of_a_type_keep_file_order_and_know_their_rank() {
        let origin = OwnedName::from_text("example.").unwrap();
        let mut zone = Zone::new(origin.clone(), OriginSource::CommandLine);
        let types = [
            RType::A,
            RType::MX,
            RType::A,
            RType::TXT,
            RType::MX,
            RType::A,
        ];
        for (i, &rtype) in types.iter().enumerate() {
            let span = Span::new(crate::source::FileId(0), i, i + 1);
            zone.add(origin.as_ref(), rtype, 3600, &[], span);
        }
        let index = ZoneIndex::new(&zone);
        assert_eq!(index.of_type(&zone, RType::A), &[0, 2, 5]);
        assert_eq!(index.of_type(&zone, RType::MX), &[1, 4]);
        assert_eq!(index.of_type(&zone, RType::TXT), &[3]);
        assert!(index.of_type(&zone, RType::AAAA).is_empty());
        for (i, r) in zone.records.iter().enumerate() {
            let rank = index.rank_in_type(&zone, i).unwrap();
            assert_eq!(index.of_type(&zone, r.rtype)[rank], i as u32, "record {i}");
        }
        assert_eq!(index.rank_in_type(&zone, types.len()), None);
    }
}
