//! The zone as a tree of names: which names exist, where the zone cuts and DNAMEs are, and what a
//! query for a name would find. The structure rules (delegations, glue, targets, DNAME) all ask
//! these questions; the tree answers each in O(log n), after one O(n log n) sort.
//!
//! Names are kept in DNSSEC canonical order (RFC 4034 §6.1), which is a depth-first walk of the
//! name tree: every subtree is a contiguous run, and a name's ancestors come before it. That
//! gives, without materialising any empty non-terminal:
//!
//! - whether a name exists (it is an owner, or an owner lies below it: RFC 4592 §2.2.2);
//! - a name's closest encloser (RFC 4592 §3.3.1): the deepest ancestor it shares with its
//!   neighbours in that order;
//! - for every owner, the highest zone cut or DNAME at or above it, in one scan with a stack.

use super::{NameId, NameRef, RType, Zone, ZoneIndex};
use std::cmp::Ordering;
use std::collections::HashSet;

/// Where a name sits relative to the zone's authoritative data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Authoritative data of this zone (including a DNAME's own owner).
    Auth,
    /// A delegation point: a name below the apex with NS records. Only NS, DS (and the DNSSEC
    /// records that go with them) are authoritative here; other data is occluded.
    Cut,
    /// Below the delegation at the given name: glue, or occluded data.
    BelowCut(NameId),
    /// Below a DNAME at the given name: occluded, and forbidden (RFC 6672 §2.4).
    BelowDname(NameId),
    /// Not at or below the apex.
    Outside,
}

/// What a query for a name would find in this zone's data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// The node holding the answer: the name itself, or the wildcard that matches it.
    pub node: Option<NameId>,
    /// The answer comes from a wildcard (RFC 4592).
    pub wildcard: bool,
    /// The name exists (an owner, or an empty non-terminal above owners).
    pub exists: bool,
    pub place: Place,
    /// Labels in the closest encloser (RFC 4592 §3.3.1): the deepest existing name at or above
    /// this one (the name itself when it exists; at least the apex for names in the zone).
    pub encloser_labels: usize,
}

/// Built once per check, lazily, by [`ZoneIndex::tree`].
#[derive(Debug)]
pub struct ZoneTree {
    /// Every interned name, in canonical order.
    sorted: Vec<NameId>,
    /// The canonical sort key of `sorted[i]` is `keys[key_at[i]..key_at[i + 1]]`.
    keys: Vec<u8>,
    key_at: Vec<u32>,
    /// Indexed by name id.
    place: Vec<Place>,
    /// Indexed by name id: the highest cut (`true`) or DNAME (`false`) at or above the name.
    top: Vec<Option<(NameId, bool)>>,
    failed: FailedIndex,
}

/// [`Zone::failed_could_be`] in O(1), for rules that ask it once per record.
#[derive(Debug, Default)]
struct FailedIndex {
    /// Types (or `None`, type unknown) of failed lines, any owner.
    any_owner: HashSet<Option<RType>>,
    /// Types of failed lines whose owner is unknown.
    unknown_owner: HashSet<Option<RType>>,
    by_owner: HashSet<(NameId, Option<RType>)>,
}

impl ZoneTree {
    pub fn new(zone: &Zone, index: &ZoneIndex) -> Self {
        let names = &zone.names;
        let apex = zone.apex();
        // Sort on byte keys that compare like canonical order, built once: a million names
        // sort in a fraction of the time comparing labels from the right would take.
        let mut unsorted_keys = Vec::with_capacity(names.len() * 24);
        let mut unsorted_at = Vec::with_capacity(names.len() + 1);
        // Names come in runs under one parent (a zone file lists a subdomain's hosts together):
        // the parent's key is made once per run, and each name adds its own label to it.
        let mut parent_wire: &[u8] = &[];
        let mut parent_key = Vec::new();
        for (_, name) in names.iter() {
            unsorted_at.push(unsorted_keys.len() as u32);
            let (Some(parent), Some(label)) = (name.parent(), name.first_label()) else {
                push_key_unfolded(name, &mut unsorted_keys);
                continue;
            };
            if parent.wire() != parent_wire {
                parent_wire = parent.wire();
                parent_key.clear();
                push_key_unfolded(parent, &mut parent_key);
            }
            unsorted_keys.extend_from_slice(&parent_key);
            push_label_unfolded(label, &mut unsorted_keys);
        }
        unsorted_at.push(unsorted_keys.len() as u32);
        // Lowercasing the keys in one pass over all of them costs a fraction of doing it per
        // label; the escapes and label ends are not letters.
        unsorted_keys.make_ascii_lowercase();
        let key_of = |id: NameId| {
            let i = id.0 as usize;
            &unsorted_keys[unsorted_at[i] as usize..unsorted_at[i + 1] as usize]
        };
        // Most of every key is the part all names share (the apex, read from the root): sort on
        // the 16 octets after it, packed into two integers (a radix sort on the first, then the
        // second within equal firsts), and compare whole keys only on a tie.
        // Packing pads short keys with zeros, which sort before any octet, so the integers are
        // in the keys' order and the result is the keys' order exactly (keys are distinct).
        let shared = match names.len() {
            0 => 0,
            _ => {
                let first = key_of(NameId(0));
                names.iter().fold(first.len(), |p, (id, _)| {
                    let k = key_of(id);
                    if k.starts_with(&first[..p]) {
                        return p;
                    }
                    k.iter()
                        .zip(&first[..p])
                        .take_while(|(a, b)| a == b)
                        .count()
                })
            }
        };
        let packed = |k: &[u8], at: usize| {
            if let Some(&eight) = k.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
                return u64::from_be_bytes(eight);
            }
            let mut buf = [0u8; 8];
            if let Some(rest) = k.get(at..) {
                buf[..rest.len()].copy_from_slice(rest);
            }
            u64::from_be_bytes(buf)
        };
        let mut order: Vec<(u64, u64, NameId)> = names
            .iter()
            .map(|(id, _)| {
                let k = key_of(id);
                (packed(k, shared), packed(k, shared + 8), id)
            })
            .collect();
        radix_sort(&mut order);
        // Names that share the first eight: ordered by the next eight, then by whole keys.
        for run in order.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_unstable_by(|a, b| {
                    a.1.cmp(&b.1).then_with(|| key_of(a.2).cmp(key_of(b.2)))
                });
            }
        }
        let sorted: Vec<NameId> = order.into_iter().map(|(_, _, id)| id).collect();
        let mut keys = Vec::with_capacity(unsorted_keys.len());
        let mut key_at = Vec::with_capacity(sorted.len() + 1);
        for &id in &sorted {
            key_at.push(keys.len() as u32);
            keys.extend_from_slice(key_of(id));
        }
        key_at.push(keys.len() as u32);
        drop(unsorted_keys);

        // One depth-first scan: the stack holds the in-zone owners that enclose the current name
        // (as positions in `sorted`), each with the highest cut or DNAME at or above it. A name
        // lies at or below another exactly when the other's key is a prefix of its key.
        let key = |i: usize| &keys[key_at[i] as usize..key_at[i + 1] as usize];
        let mut apex_key = Vec::new();
        canonical_key(apex, &mut apex_key);
        // Which names hold NS and DNAME records, from the records of those types rather than a
        // look at every name's records.
        let mut holds = vec![0u8; names.len()];
        for (bit, rtype) in [(1, RType::NS), (2, RType::DNAME)] {
            for &i in index.of_type(zone, rtype) {
                holds[zone.records[i as usize].owner.0 as usize] |= bit;
            }
        }
        let mut place = vec![Place::Outside; names.len()];
        let mut top = vec![None; names.len()];
        let mut stack: Vec<(usize, Option<(NameId, bool)>)> = Vec::new();
        for (i, &id) in sorted.iter().enumerate() {
            let k = key(i);
            if !k.starts_with(&apex_key) {
                continue;
            }
            while let Some(&(t, _)) = stack.last() {
                if k.starts_with(key(t)) {
                    break;
                }
                stack.pop();
            }
            let above = stack.last().and_then(|&(_, h)| h);
            let is_apex = k.len() == apex_key.len();
            let cut = !is_apex && holds[id.0 as usize] & 1 != 0;
            let dname = holds[id.0 as usize] & 2 != 0;
            place[id.0 as usize] = match above {
                Some((h, true)) => Place::BelowCut(h),
                Some((h, false)) => Place::BelowDname(h),
                None if cut => Place::Cut,
                None => Place::Auth,
            };
            // A cut wins over a DNAME at the same name: there the DNAME is the child's data.
            let highest = above.or(if cut {
                Some((id, true))
            } else if dname {
                Some((id, false))
            } else {
                None
            });
            top[id.0 as usize] = highest;
            stack.push((i, highest));
        }

        let mut failed = FailedIndex::default();
        for f in &zone.failed {
            failed.any_owner.insert(f.rtype);
            match f.owner {
                Some(o) => {
                    failed.by_owner.insert((o, f.rtype));
                }
                None => {
                    failed.unknown_owner.insert(f.rtype);
                }
            }
        }
        ZoneTree {
            sorted,
            keys,
            key_at,
            place,
            top,
            failed,
        }
    }

    fn key(&self, i: usize) -> &[u8] {
        &self.keys[self.key_at[i] as usize..self.key_at[i + 1] as usize]
    }

    /// Where an owner sits.
    pub fn place(&self, id: NameId) -> Place {
        self.place
            .get(id.0 as usize)
            .copied()
            .unwrap_or(Place::Outside)
    }

    /// The delegation points, in canonical order.
    pub fn cuts(&self) -> impl Iterator<Item = NameId> + '_ {
        self.sorted
            .iter()
            .copied()
            .filter(|&id| self.place(id) == Place::Cut)
    }

    /// [`Zone::failed_could_be`], without a scan of the failed lines per question.
    pub fn failed_could_be(&self, owner: Option<NameId>, rtype: RType) -> bool {
        let f = &self.failed;
        let t = [None, Some(rtype)];
        t.iter().any(|t| f.unknown_owner.contains(t))
            || owner.is_none() && t.iter().any(|t| f.any_owner.contains(t))
            || owner.is_some_and(|o| t.iter().any(|&t| f.by_owner.contains(&(o, t))))
    }

    /// True when a line whose owner was not understood may have been a `rtype` record.
    pub fn failed_with_unknown_owner(&self, rtype: RType) -> bool {
        let f = &self.failed.unknown_owner;
        f.contains(&None) || f.contains(&Some(rtype))
    }

    /// What a query for `name` would find: the node itself or a matching wildcard, whether the
    /// name exists at all, and whether the zone is authoritative for it.
    pub fn lookup(&self, zone: &Zone, name: NameRef<'_>) -> Lookup {
        let names = &zone.names;
        let outside = Lookup {
            node: None,
            wildcard: false,
            exists: false,
            place: Place::Outside,
            encloser_labels: 0,
        };
        if labels_above(name, zone.apex()).is_none() {
            return outside;
        }
        if let Some(id) = names.lookup(name) {
            return Lookup {
                node: Some(id),
                wildcard: false,
                exists: true,
                place: self.place(id),
                encloser_labels: name.label_count(),
            };
        }
        // Not an owner: find its neighbours in canonical order.
        let mut key = Vec::with_capacity(name.wire().len() + 8);
        canonical_key(name, &mut key);
        let (mut lo, mut hi) = (0, self.sorted.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.key(mid) < key.as_slice() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let pos = lo;
        let depth = |i: usize| {
            self.sorted
                .get(i)
                .map_or(0, |&id| common_suffix_labels(names.get(id), name))
        };
        let labels = name.label_count();
        let (pred, succ) = (pos.checked_sub(1).map_or(0, depth), depth(pos));
        if succ == labels {
            // An owner lies below: the name is an empty non-terminal.
            let place = self.place_below(zone, name, pos, labels, true);
            return Lookup {
                node: None,
                wildcard: false,
                exists: true,
                place,
                encloser_labels: labels,
            };
        }
        let (neighbour, ce_labels) = if succ >= pred {
            (pos, succ)
        } else {
            (pos - 1, pred)
        };
        // The apex encloses every name of the zone, whether or not it holds records.
        let ce_labels = ce_labels.max(zone.apex().label_count());
        let place = self.place_below(zone, name, neighbour, ce_labels, false);
        // A wildcard just below the closest encloser answers (RFC 4592 §3.3.1). Below a zone cut
        // it is glue for the child's servers, which is how Knot reads it too.
        let ce = suffix(name, ce_labels);
        let mut wire = Vec::with_capacity(ce.wire().len() + 2);
        wire.extend_from_slice(&[1, b'*']);
        wire.extend_from_slice(ce.wire());
        let node = NameRef::from_wire(&wire).and_then(|w| names.lookup(w));
        Lookup {
            node,
            wildcard: node.is_some(),
            exists: false,
            place,
            encloser_labels: ce_labels,
        }
    }

    /// The place of `name`, which is not an owner, from an owner next to it in canonical order:
    /// for an empty non-terminal, an owner below it; otherwise an owner that shares the closest
    /// encloser, `shared` labels long.
    fn place_below(
        &self,
        zone: &Zone,
        name: NameRef<'_>,
        neighbour: usize,
        shared: usize,
        ent: bool,
    ) -> Place {
        let Some(&n) = self.sorted.get(neighbour) else {
            return Place::Auth;
        };
        let Some((h, is_cut)) = self.top.get(n.0 as usize).copied().flatten() else {
            return Place::Auth;
        };
        let h_name = zone.names.get(h);
        let encloses = if ent {
            name.is_subdomain_of(h_name) && !name.eq_ignore_case(h_name)
        } else {
            suffix(name, shared).is_subdomain_of(h_name)
        };
        match (encloses, is_cut) {
            (false, _) => Place::Auth,
            (true, true) => Place::BelowCut(h),
            (true, false) => Place::BelowDname(h),
        }
    }
}

/// Appends a key whose byte order is the canonical order of names: the labels from the root,
/// each lowercased and ended by 0, with the octets 0 and 1 escaped as 1 1 and 1 2 so that the
/// end of a label sorts before any octet in it.
pub fn canonical_key(name: NameRef<'_>, out: &mut Vec<u8>) {
    let at = out.len();
    push_key_unfolded(name, out);
    out[at..].make_ascii_lowercase();
}

/// [`canonical_key`] before lowercasing, for callers that lowercase many keys at once.
fn push_key_unfolded(name: NameRef<'_>, out: &mut Vec<u8>) {
    let mut starts = [0u8; 128];
    let n = label_starts(name, &mut starts);
    let w = name.wire();
    for k in (0..n).rev() {
        push_label_unfolded(label_at(w, starts[k]), out);
    }
}

/// One label of a key, not lowercased: its octets, 0 and 1 escaped, then the 0 that ends it.
fn push_label_unfolded(label: &[u8], out: &mut Vec<u8>) {
    if label.iter().all(|&b| b > 1) {
        out.extend_from_slice(label);
    } else {
        for &b in label {
            match b {
                0 | 1 => out.extend_from_slice(&[1, b + 1]),
                b => out.push(b),
            }
        }
    }
    out.push(0);
}

/// Sorts on the first integer, least significant octet first, skipping the octets that are
/// the same in every item: a million names sort in a few passes, where comparing them would
/// take twenty rounds. Items equal in it keep no particular order.
fn radix_sort(items: &mut Vec<(u64, u64, NameId)>) {
    // Every pass's counts in one read of the items.
    let mut counts = vec![[0u32; 256]; 8];
    for it in items.iter() {
        for (k, c) in counts.iter_mut().enumerate() {
            c[((it.0 >> (k * 8)) & 0xff) as usize] += 1;
        }
    }
    let mut other = vec![(0, 0, NameId(0)); items.len()];
    for (pass, counts) in counts.iter().enumerate() {
        if counts.contains(&(items.len() as u32)) {
            continue;
        }
        let mut at = [0u32; 256];
        let mut sum = 0;
        for (slot, &count) in at.iter_mut().zip(counts) {
            *slot = sum;
            sum += count;
        }
        for it in items.iter() {
            let o = ((it.0 >> (pass * 8)) & 0xff) as usize;
            other[at[o] as usize] = *it;
            at[o] += 1;
        }
        std::mem::swap(items, &mut other);
    }
}

/// DNSSEC canonical order (RFC 4034 §6.1) without allocating: labels compared from the root,
/// each as lowercase octets.
pub fn canonical_cmp(a: NameRef<'_>, b: NameRef<'_>) -> Ordering {
    let (mut sa, mut sb) = ([0u8; 128], [0u8; 128]);
    let na = label_starts(a, &mut sa);
    let nb = label_starts(b, &mut sb);
    let (wa, wb) = (a.wire(), b.wire());
    for k in 1..=na.min(nb) {
        let la = label_at(wa, sa[na - k]);
        let lb = label_at(wb, sb[nb - k]);
        let ord = la
            .iter()
            .map(u8::to_ascii_lowercase)
            .cmp(lb.iter().map(u8::to_ascii_lowercase));
        if ord.is_ne() {
            return ord;
        }
    }
    na.cmp(&nb)
}

/// Offsets of each label's length octet; returns the number of labels (root excluded).
fn label_starts(name: NameRef<'_>, out: &mut [u8; 128]) -> usize {
    let w = name.wire();
    let (mut i, mut n) = (0usize, 0usize);
    while i < w.len() && w[i] != 0 && n < out.len() {
        out[n] = i as u8;
        n += 1;
        i += 1 + w[i] as usize;
    }
    n
}

fn label_at(wire: &[u8], at: u8) -> &[u8] {
    let at = at as usize;
    &wire[at + 1..at + 1 + wire[at] as usize]
}

/// How many labels, counted from the root, two names share (case-insensitively).
pub fn common_suffix_labels(a: NameRef<'_>, b: NameRef<'_>) -> usize {
    let (mut sa, mut sb) = ([0u8; 128], [0u8; 128]);
    let na = label_starts(a, &mut sa);
    let nb = label_starts(b, &mut sb);
    let (wa, wb) = (a.wire(), b.wire());
    let mut k = 0;
    while k < na.min(nb)
        && label_at(wa, sa[na - 1 - k]).eq_ignore_ascii_case(label_at(wb, sb[nb - 1 - k]))
    {
        k += 1;
    }
    k
}

/// How many labels `name` has above `ancestor`, when it is `ancestor` or lies below it (RFC 4343
/// case rules). [`NameRef::is_subdomain_of`] and two label counts in one walk, for the rules
/// that ask it of every record: the wire forms must end alike, at a label boundary.
pub fn labels_above(name: NameRef<'_>, ancestor: NameRef<'_>) -> Option<usize> {
    let (w, a) = (name.wire(), ancestor.wire());
    let cut = w.len().checked_sub(a.len())?;
    // Usually the ending was copied from the origin, case and all: an exact comparison first.
    let tail = &w[cut..];
    if tail != a && !tail.eq_ignore_ascii_case(a) {
        return None;
    }
    let (mut at, mut labels) = (0, 0);
    while at < cut {
        at += 1 + w[at] as usize;
        labels += 1;
    }
    (at == cut).then_some(labels)
}

/// The ancestor of `name` with `labels` labels (the name itself if it has no more).
pub fn suffix(name: NameRef<'_>, labels: usize) -> NameRef<'_> {
    let mut cut = name;
    for _ in labels..name.label_count() {
        cut = cut.parent().unwrap_or(cut);
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Emitter, Lang, RuleFilter};
    use crate::source::{SourceFile, Sources};
    use crate::zone::{NoIncludes, OwnedName, ParseOptions, parse};

    fn zone(text: &str) -> (Zone, ZoneIndex) {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::from_text("t.zone", text));
        let filter = RuleFilter::default();
        let mut em = Emitter::new(Lang::En, &filter);
        let z = parse(
            &mut sources,
            file,
            &ParseOptions::default(),
            &mut NoIncludes,
            &mut em,
        );
        let index = ZoneIndex::new(&z);
        (z, index)
    }

    fn find(z: &Zone, index: &ZoneIndex, name: &str) -> (Option<String>, bool, bool, Place) {
        let n = OwnedName::from_text(name).unwrap();
        let l = index.tree(z).lookup(z, n.as_ref());
        (
            l.node.map(|id| z.names.get(id).to_string()),
            l.wildcard,
            l.exists,
            l.place,
        )
    }

    const ZONE: &str = "$ORIGIN example.com.\n$TTL 3600\n\
        @ SOA ns1 host 1 7200 900 1209600 3600\n@ NS ns1\nns1 A 192.0.2.1\n\
        sub NS ns.sub\nns.sub A 192.0.2.2\nwww.sub A 192.0.2.3\n\
        d DNAME other.example.\nx.d A 192.0.2.4\n\
        *.w A 192.0.2.5\nb.a.w TXT x\n\
        c.b.e TXT y\n";

    #[test]
    fn places_of_owners() {
        let (z, index) = zone(ZONE);
        let tree = index.tree(&z);
        let place = |n: &str| {
            let id = z
                .names
                .lookup(OwnedName::from_text(n).unwrap().as_ref())
                .unwrap();
            tree.place(id)
        };
        let id = |n: &str| {
            z.names
                .lookup(OwnedName::from_text(n).unwrap().as_ref())
                .unwrap()
        };
        assert_eq!(place("example.com."), Place::Auth);
        assert_eq!(place("sub.example.com."), Place::Cut);
        assert_eq!(
            place("ns.sub.example.com."),
            Place::BelowCut(id("sub.example.com."))
        );
        assert_eq!(place("d.example.com."), Place::Auth);
        assert_eq!(
            place("x.d.example.com."),
            Place::BelowDname(id("d.example.com."))
        );
        assert_eq!(tree.cuts().count(), 1);
    }

    #[test]
    fn lookups_follow_rfc_4592() {
        let (z, index) = zone(ZONE);
        // An owner.
        assert_eq!(
            find(&z, &index, "ns1.example.com."),
            (Some("ns1.example.com.".into()), false, true, Place::Auth)
        );
        // Matched by the wildcard below its closest encloser.
        assert_eq!(
            find(&z, &index, "q.w.example.com."),
            (Some("*.w.example.com.".into()), true, false, Place::Auth)
        );
        // `a.w` exists (an empty non-terminal above `b.a.w`), so the wildcard does not match it,
        // nor names below it.
        assert_eq!(
            find(&z, &index, "a.w.example.com."),
            (None, false, true, Place::Auth)
        );
        assert_eq!(
            find(&z, &index, "zz.a.w.example.com."),
            (None, false, false, Place::Auth)
        );
        // Empty non-terminals two levels up.
        assert_eq!(
            find(&z, &index, "e.example.com."),
            (None, false, true, Place::Auth)
        );
        // Nothing at all.
        assert_eq!(
            find(&z, &index, "nope.example.com."),
            (None, false, false, Place::Auth)
        );
        // Below the cut and the DNAME, even when not an owner.
        let sub = z
            .names
            .lookup(OwnedName::from_text("sub.example.com.").unwrap().as_ref())
            .unwrap();
        assert_eq!(
            find(&z, &index, "new.sub.example.com.").3,
            Place::BelowCut(sub)
        );
        assert!(matches!(
            find(&z, &index, "y.x.d.example.com.").3,
            Place::BelowDname(_)
        ));
        assert_eq!(find(&z, &index, "example.net.").3, Place::Outside);
        // The closest encloser: `a.w` for a name below it, the apex for a name nowhere.
        let ce = |n: &str| {
            let n = OwnedName::from_text(n).unwrap();
            index.tree(&z).lookup(&z, n.as_ref()).encloser_labels
        };
        assert_eq!(ce("x.y.a.w.example.com."), 4);
        assert_eq!(ce("lb.webhost.com.example.com."), 2);
        assert_eq!(ce("ns1.example.com."), 3);
        assert_eq!(find(&z, &index, "com.").3, Place::Outside);
    }

    #[test]
    fn canonical_keys_sort_like_canonical_order() {
        let names = [
            "example.",
            "a.example.",
            "a\\000.example.",
            "a\\001.example.",
            "a\\002.example.",
            "yljkjljk.a.example.",
            "Z.a.example.",
            "zABC.a.EXAMPLE.",
            "z.example.",
            "\\000.z.example.",
            "\\001.z.example.",
            "*.z.example.",
            "\\200.z.example.",
        ];
        let parsed: Vec<OwnedName> = names
            .iter()
            .map(|n| OwnedName::from_text(n).unwrap())
            .collect();
        for a in &parsed {
            for b in &parsed {
                let (mut ka, mut kb) = (Vec::new(), Vec::new());
                canonical_key(a.as_ref(), &mut ka);
                canonical_key(b.as_ref(), &mut kb);
                assert_eq!(
                    ka.cmp(&kb),
                    a.as_ref().canonical_cmp(b.as_ref()),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn the_tree_sorts_names_in_canonical_order() {
        // Names that tie on the sixteen octets the sort packs, escapes, case, and names
        // outside the zone that share no prefix with the others.
        let mut text = String::from("$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 host 1 2 3 4 5\n");
        for owner in [
            "averyveryverylonglabel-a",
            "averyveryverylonglabel-b",
            "AVERYVERYVERYLONGLABEL-c",
            "x.averyveryverylonglabel-a",
            "a\\000",
            "a\\001",
            "a\\002",
            "A",
            "b.a",
            "*.a",
            "\\200",
            "z",
            "zz.y",
            "y",
            "other.net.",
            "com.",
            "a.b.c.d.e.f.g.h.i",
        ] {
            text.push_str(&format!("{owner} TXT x\n"));
        }
        for i in 0..300 {
            text.push_str(&format!("h{i}.s{} A 192.0.2.1\n", i % 7));
        }
        let (z, index) = zone(&text);
        let tree = index.tree(&z);
        let mut want: Vec<NameId> = z.names.iter().map(|(id, _)| id).collect();
        want.sort_by(|&a, &b| z.names.get(a).canonical_cmp(z.names.get(b)));
        assert_eq!(tree.sorted, want);
        assert_eq!(tree.sorted.len(), z.names.len());
    }

    #[test]
    fn labels_above_agrees_with_is_subdomain_of() {
        let names = [
            ".",
            "example.",
            "EXAMPLE.",
            "a.example.",
            "b.a.Example.",
            "xample.",
            "a.xample.",
            "\\007example.",
            "example.a.",
            "b\\.example.",
        ];
        let parsed: Vec<OwnedName> = names
            .iter()
            .map(|n| OwnedName::from_text(n).unwrap())
            .collect();
        for a in &parsed {
            for b in &parsed {
                let (a, b) = (a.as_ref(), b.as_ref());
                let want = a
                    .is_subdomain_of(b)
                    .then(|| a.label_count() - b.label_count());
                assert_eq!(labels_above(a, b), want, "{a} under {b}");
            }
        }
    }

    #[test]
    fn canonical_order_matches_the_allocating_one() {
        let names = [
            "example.",
            "a.example.",
            "yljkjljk.a.example.",
            "Z.a.example.",
            "zABC.a.EXAMPLE.",
            "z.example.",
            "\\001.z.example.",
            "*.z.example.",
            "\\200.z.example.",
        ];
        let parsed: Vec<OwnedName> = names
            .iter()
            .map(|n| OwnedName::from_text(n).unwrap())
            .collect();
        for a in &parsed {
            for b in &parsed {
                assert_eq!(
                    canonical_cmp(a.as_ref(), b.as_ref()),
                    a.as_ref().canonical_cmp(b.as_ref()),
                    "{a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn failed_lines_are_indexed() {
        let (z, index) = zone(
            "$ORIGIN example.com.\n$TTL 3600\n@ SOA ns1 host 1 7200 900 1209600 3600\n\
             ns1 A 999.1.1.1\n",
        );
        let tree = index.tree(&z);
        let ns1 = z
            .names
            .lookup(OwnedName::from_text("ns1.example.com.").unwrap().as_ref());
        assert!(ns1.is_some());
        assert!(tree.failed_could_be(ns1, RType::A));
        assert!(!tree.failed_could_be(ns1, RType::AAAA));
        assert_eq!(
            tree.failed_could_be(ns1, RType::MX),
            z.failed_could_be(ns1, RType::MX)
        );
        assert!(tree.failed_could_be(None, RType::A));
    }
}
