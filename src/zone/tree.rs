//! The zone as a tree of names: which names exist, where the zone cuts and DNAMEs are, and what a
//! query for a name would find. The structure rules (delegations, glue, targets, DNAME) all ask
//! these questions; the tree answers each with a few hash lookups, after one build that sorts
//! nothing but the delegation points.
//!
//! The nodes are the owners and the empty non-terminals where paths part (RFC 4592 §2.2.2:
//! names that hold no records but have owners below them, down to the apex), each linked to the
//! closest node above it. The other empty non-terminals lie in chains, runs of names with one
//! name below each (`b.c` and `c` above an owner `a.b.c` alone); a chain is kept as its highest
//! name, pointing to the node at its foot. That gives, without sorting anything:
//!
//! - whether a name exists (it is a node, or in a chain);
//! - a name's closest encloser (RFC 4592 §3.3.1): its deepest ancestor that is a node or in a
//!   chain;
//! - for every node, the highest zone cut or DNAME at or above it, from its parent's.

use super::{NameId, NameRef, NameTable, RType, Zone, ZoneIndex};
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
    /// Indexed by name id.
    place: Vec<Place>,
    /// Indexed by node id (the owners' name ids, then the empty non-terminals that are nodes,
    /// `names.len()` on): the highest cut or DNAME at or above the node.
    top: Vec<Top>,
    ents: Ents,
    /// The delegation points, in canonical order.
    cuts: Vec<NameId>,
    failed: FailedIndex,
}

/// The highest cut or DNAME at or above a node, in four octets (the tree holds one per node):
/// the owner's id shifted left once, the low bit set for a cut. Name ids stay below 2³¹, as every
/// name but the root takes at least three of a name table's 2³² octets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Top(u32);

impl Top {
    const NONE: Top = Top(u32::MAX);
    /// Not worked out yet (while the tree is built).
    const UNSET: Top = Top(u32::MAX - 1);

    fn new(owner: NameId, cut: bool) -> Top {
        Top(owner.0 << 1 | u32::from(cut))
    }

    fn get(self) -> Option<(NameId, bool)> {
        (self.0 < Top::UNSET.0).then_some((NameId(self.0 >> 1), self.0 & 1 != 0))
    }

    /// The place of a name strictly below a node with this top, or of an empty non-terminal
    /// whose parent has it.
    fn below(self) -> Place {
        match self.get() {
            Some((h, true)) => Place::BelowCut(h),
            Some((h, false)) => Place::BelowDname(h),
            None => Place::Auth,
        }
    }
}

/// The empty non-terminals the tree keeps, found by name like the owners in [`NameTable`]
/// (without case, hashed by the zone's name table so one hash serves both): the nodes, and the
/// highest name of each chain. Only those: a hostile zone of 127-label names would have 126 per
/// owner, in time and memory the square of the name length. Each name is a suffix of an owner's,
/// kept as that owner and the octet where it starts there rather than as a copy.
#[derive(Debug, Default)]
struct Ents {
    owner: Vec<NameId>,
    at: Vec<u8>,
    what: Vec<Ent>,
    index: hashbrown::HashTable<u32>,
    /// The entry of each node, in node order (`names.len()` on).
    nodes: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ent {
    /// A node: its id.
    Node(u32),
    /// The highest name of a chain: the node at its foot, and the top of the node above the
    /// chain, which every name in it shares (set once the tree is built).
    Chain(u32, Top),
}

impl Ents {
    fn wire<'z>(&self, names: &'z NameTable, e: usize) -> &'z [u8] {
        &names.get(self.owner[e]).wire()[self.at[e] as usize..]
    }

    /// The entry of `name`, hashed by [`NameTable::hash`] of `names`.
    fn find(&self, names: &NameTable, name: NameRef<'_>, hash: u64) -> Option<usize> {
        self.index
            .find(hash, |&e| {
                self.wire(names, e as usize)
                    .eq_ignore_ascii_case(name.wire())
            })
            .map(|&e| e as usize)
    }

    /// Adds the name `at` octets into `owner`'s, which is not in the table yet; `hashes` holds
    /// the hash of every name in the table, this one's included.
    fn insert(&mut self, owner: NameId, at: usize, what: Ent, hash: u64, hashes: &[u64]) -> usize {
        let e = self.owner.len();
        self.owner.push(owner);
        self.at.push(at as u8);
        self.what.push(what);
        self.index
            .insert_unique(hash, e as u32, |&other| hashes[other as usize]);
        e
    }
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

/// Parent links while the tree is built: the apex has none, and owners outside it are no node.
const NO_PARENT: u32 = u32::MAX;
const OUTSIDE: u32 = u32::MAX - 1;

impl ZoneTree {
    pub fn new(zone: &Zone, index: &ZoneIndex) -> Self {
        let names = &zone.names;
        let apex = zone.apex();
        let n = names.len();
        let mut links = Links {
            names,
            apex_labels: apex.label_count(),
            ents: Ents::default(),
            parent: vec![OUTSIDE; n],
            hashes: Vec::new(),
            recent: [(&[], NO_PARENT); 256],
        };
        for (id, name) in names.iter() {
            // Most names are found below a node seen just before, without a look at the apex.
            let up = name.parent().unwrap_or(NameRef::ROOT);
            let (seen, node) = links.recent[up.wire().len()];
            if same_octets(seen, up.wire()) && !name.is_root() {
                links.parent[id.0 as usize] = node;
                continue;
            }
            links.parent[id.0 as usize] = match labels_above(name, apex) {
                None => continue,
                Some(0) => NO_PARENT,
                Some(depth) => links.attach(id, up, depth),
            };
        }
        let Links {
            mut ents, parent, ..
        } = links;

        // Which names hold NS and DNAME records, from the records of those types rather than a
        // look at every name's records.
        let mut holds = vec![0u8; n];
        for (bit, rtype) in [(1, RType::NS), (2, RType::DNAME)] {
            for &i in index.of_type(zone, rtype) {
                holds[zone.records[i as usize].owner.0 as usize] |= bit;
            }
        }
        // Each node's top from its parent's: climb from a node to the first one whose top is
        // known, then work down again (on a stack: names can have 127 labels).
        let mut place = vec![Place::Outside; n];
        let mut top = vec![Top::UNSET; parent.len()];
        let mut path = Vec::new();
        for v in 0..parent.len() {
            if top[v] != Top::UNSET || parent[v] == OUTSIDE {
                continue;
            }
            let mut u = v;
            let mut above = loop {
                path.push(u);
                match parent[u] {
                    NO_PARENT => break Top::NONE,
                    p if top[p as usize] != Top::UNSET => break top[p as usize],
                    p => u = p as usize,
                }
            };
            while let Some(w) = path.pop() {
                if w < n {
                    let id = NameId(w as u32);
                    // The apex is no cut, but a DNAME there counts.
                    let cut = parent[w] != NO_PARENT && holds[w] & 1 != 0;
                    let dname = holds[w] & 2 != 0;
                    place[w] = match above.get() {
                        Some(_) => above.below(),
                        None if cut => Place::Cut,
                        None => Place::Auth,
                    };
                    // A cut wins over a DNAME at the same name: there the DNAME is the child's
                    // data.
                    if above == Top::NONE && (cut || dname) {
                        above = Top::new(id, cut);
                    }
                }
                top[w] = above;
            }
        }
        // A chain's names are no cut, so they share the top of the node above them.
        for what in &mut ents.what {
            if let Ent::Chain(foot, chain_top) = what {
                *chain_top = parent
                    .get(*foot as usize)
                    .and_then(|&p| top.get(p as usize))
                    .copied()
                    .unwrap_or(Top::NONE);
            }
        }
        drop(parent);

        let cuts = canonical_order(
            names,
            apex.label_count(),
            (0..n as u32)
                .map(NameId)
                .filter(|id| place[id.0 as usize] == Place::Cut),
        );

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
            place,
            top,
            ents,
            cuts,
            failed,
        }
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
        self.cuts.iter().copied()
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
        let apex = zone.apex();
        let Some(depth) = labels_above(name, apex) else {
            return Lookup {
                node: None,
                wildcard: false,
                exists: false,
                place: Place::Outside,
                encloser_labels: 0,
            };
        };
        let labels = name.label_count();
        let hash = names.hash(name);
        if let Some(id) = names.lookup_hashed(name, hash) {
            return Lookup {
                node: Some(id),
                wildcard: false,
                exists: true,
                place: self.place(id),
                encloser_labels: labels,
            };
        }
        // The closest encloser: the name itself or the first ancestor that is a node or in a
        // chain (`above` labels above the apex), and the top there. The apex encloses every name
        // of the zone, whether or not it is one.
        let (mut at, mut above, mut hash) = (name, depth, hash);
        let found = loop {
            if above < depth
                && let Some(id) = names.lookup_hashed(at, hash)
            {
                break Some((above, self.top[id.0 as usize]));
            }
            match self.ents.find(names, at, hash).map(|e| self.ents.what[e]) {
                Some(Ent::Node(v)) => break Some((above, self.top[v as usize])),
                // The name or an ancestor lies in a chain: the encloser is where the name's path
                // and the chain's part, at the chain's highest name or below.
                Some(Ent::Chain(foot, top)) => {
                    let foot = node_wire(names, &self.ents, foot);
                    let shared = common_labels(name.wire(), foot).saturating_sub(labels - depth);
                    break Some((shared.clamp(above, depth), top));
                }
                None => {}
            }
            match at.parent().filter(|_| above > 0) {
                Some(up) => (at, above, hash) = (up, above - 1, names.hash(up)),
                None => break None,
            }
        };
        let (encloser, top) = found.unwrap_or((0, Top::NONE));
        if found.is_some() && encloser == depth {
            // An empty non-terminal.
            return Lookup {
                node: None,
                wildcard: false,
                exists: true,
                place: top.below(),
                encloser_labels: labels,
            };
        }
        // A cut or DNAME at the encloser or above puts the name below it.
        let place = top.below();
        // A wildcard just below the closest encloser answers (RFC 4592 §3.3.1). Below a zone cut
        // it is glue for the child's servers, which is how Knot reads it too.
        let ce = suffix(name, labels - depth + encloser);
        let mut wire = Vec::with_capacity(ce.wire().len() + 2);
        wire.extend_from_slice(&[1, b'*']);
        wire.extend_from_slice(ce.wire());
        let node = NameRef::from_wire(&wire).and_then(|w| names.lookup(w));
        Lookup {
            node,
            wildcard: node.is_some(),
            exists: false,
            place,
            encloser_labels: labels - depth + encloser,
        }
    }
}

/// The wire form of node `v`: an owner's name, or an empty non-terminal's.
fn node_wire<'z>(names: &'z NameTable, ents: &Ents, v: u32) -> &'z [u8] {
    match (v as usize).checked_sub(names.len()) {
        None => names.get(NameId(v)).wire(),
        Some(k) => ents.wire(names, ents.nodes[k] as usize),
    }
}

/// The parent links while the tree is built.
struct Links<'z> {
    names: &'z NameTable,
    apex_labels: usize,
    ents: Ents,
    /// Indexed by node id: the closest node above, [`NO_PARENT`] for the apex, [`OUTSIDE`] for
    /// owners outside it.
    parent: Vec<u32>,
    /// The hash of each entry in `ents`, so that growing their index hashes none again.
    hashes: Vec<u64>,
    /// The last node found of each wire length, by its exact octets. Names come in runs under
    /// one parent (a zone file lists a subdomain's hosts together), and the runs under a
    /// subdomain are often short ones between names under the apex: `_sip._tcp.h12` between
    /// `h11` and `h13`.
    recent: [(&'z [u8], u32); 256],
}

impl<'z> Links<'z> {
    /// Links owner `x`, `depth` labels below the apex, whose parent is `up`, to the closest
    /// node above it, walking up from `up` to a node or a chain: a node is its parent, with a new
    /// chain between them if there are names between; a chain is split where `x`'s path leaves
    /// it, by a new node there. Returns `x`'s parent.
    fn attach(&mut self, x: NameId, up: NameRef<'z>, depth: usize) -> u32 {
        let names = self.names;
        let xw = names.get(x).wire();
        // `at`, `above` labels below the apex, and the name below it on the way (with its hash).
        let (mut at, mut above) = (up, depth - 1);
        let mut below: Option<(NameRef<'z>, u64)> = None;
        let parent = loop {
            let hash = names.hash(at);
            if let Some(o) = names.lookup_hashed(at, hash) {
                break o.0;
            }
            match self.ents.find(names, at, hash) {
                Some(e) => match self.ents.what[e] {
                    Ent::Node(v) => break v,
                    Ent::Chain(foot, _) => return self.split(e, above, x, depth, foot),
                },
                // The apex holds no records, but is a node as an owner lies below it.
                None if above == 0 => {
                    break self.node(x, xw.len() - at.wire().len(), hash, NO_PARENT);
                }
                None => {}
            }
            below = Some((at, hash));
            match at.parent() {
                Some(p) => (at, above) = (p, above - 1),
                None => break NO_PARENT,
            }
        };
        match below {
            // Names lie between: a chain, headed by the highest of them.
            Some((head, hash)) => {
                self.entry(
                    x,
                    xw.len() - head.wire().len(),
                    Ent::Chain(x.0, Top::NONE),
                    hash,
                );
            }
            // The parent is the node of `up`, spelled so.
            None => self.recent[up.wire().len()] = (up.wire(), parent),
        }
        parent
    }

    /// Splits the chain of entry `e`, whose highest name is `above` labels below the apex and
    /// whose foot is node `foot`, where the path of owner `x` (`depth` labels below the apex)
    /// leaves it: a new node there, with a chain on each side of it where names lie between.
    /// Returns the new node, `x`'s parent.
    fn split(&mut self, e: usize, above: usize, x: NameId, depth: usize, foot: u32) -> u32 {
        let names = self.names;
        let xw = names.get(x).wire();
        let fw = node_wire(names, &self.ents, foot);
        let (foot_owner, foot_at) = match (foot as usize).checked_sub(names.len()) {
            None => (NameId(foot), 0),
            Some(k) => {
                let fe = self.ents.nodes[k] as usize;
                (self.ents.owner[fe], self.ents.at[fe] as usize)
            }
        };
        let above_chain = self.parent[foot as usize];
        // Labels below the apex where the paths part: at the chain's head or below, above both
        // `x` and the foot (which is no owner's ancestor, as `x`'s walk up found no node).
        let part = common_labels(xw, fw).saturating_sub(self.apex_labels);
        let foot_depth = label_count(fw).saturating_sub(self.apex_labels);
        let node = if part == above {
            // At the head: it becomes the node.
            let node = self.new_node(e, above_chain);
            self.ents.what[e] = Ent::Node(node);
            node
        } else {
            let at = skip_labels(xw, depth.saturating_sub(part));
            let hash = names.hash(NameRef::from_wire(&xw[at..]).unwrap_or(NameRef::ROOT));
            let node = self.node(x, at, hash, above_chain);
            self.ents.what[e] = Ent::Chain(node, Top::NONE);
            node
        };
        // Below it, the rest of the old chain down to its foot, and a new one down to `x`.
        for (owner, owner_at, wire, depth) in
            [(foot_owner, foot_at, fw, foot_depth), (x, 0, xw, depth)]
        {
            if part + 1 < depth {
                let at = skip_labels(wire, depth.saturating_sub(part + 1));
                let hash = names.hash(NameRef::from_wire(&wire[at..]).unwrap_or(NameRef::ROOT));
                let tip = if owner == x { x.0 } else { foot };
                self.entry(owner, owner_at + at, Ent::Chain(tip, Top::NONE), hash);
            }
        }
        self.parent[foot as usize] = node;
        node
    }

    /// A new empty non-terminal node, named `at` octets into owner `owner`'s name.
    fn node(&mut self, owner: NameId, at: usize, hash: u64, parent: u32) -> u32 {
        let node = self.parent.len() as u32;
        let e = self.entry(owner, at, Ent::Node(node), hash);
        self.new_node(e, parent)
    }

    /// Registers entry `e` as a new node below `parent`, and returns its id.
    fn new_node(&mut self, e: usize, parent: u32) -> u32 {
        let node = self.parent.len() as u32;
        self.parent.push(parent);
        self.ents.nodes.push(e as u32);
        node
    }

    fn entry(&mut self, owner: NameId, at: usize, what: Ent, hash: u64) -> usize {
        self.hashes.push(hash);
        self.ents.insert(owner, at, what, hash, &self.hashes)
    }
}

/// How many labels, counted from the root, two names share (case-insensitively).
fn common_labels(a: &[u8], b: &[u8]) -> usize {
    let (mut sa, mut sb) = ([0u8; 128], [0u8; 128]);
    let na = label_starts(a, &mut sa);
    let nb = label_starts(b, &mut sb);
    let mut k = 0;
    while k < na.min(nb)
        && label_at(a, sa[na - 1 - k]).eq_ignore_ascii_case(label_at(b, sb[nb - 1 - k]))
    {
        k += 1;
    }
    k
}

fn label_count(wire: &[u8]) -> usize {
    label_starts(wire, &mut [0u8; 128])
}

/// The offset in `wire` after its first `labels` labels.
fn skip_labels(wire: &[u8], labels: usize) -> usize {
    let mut at = 0;
    for _ in 0..labels {
        at += 1 + wire.get(at).copied().unwrap_or(0) as usize;
    }
    at.min(wire.len().saturating_sub(1))
}

/// `ids`, names at or below a common ancestor `ancestor_labels` long, in canonical order, which
/// is there the order of their labels above it: each is sorted on a byte key of those labels
/// alone, which compares in a fraction of the time [`NameRef::canonical_cmp`] takes (a zone of
/// delegations can have a million cuts). The first eight octets of a key, as an integer, decide
/// most comparisons.
fn canonical_order(
    names: &NameTable,
    ancestor_labels: usize,
    ids: impl Iterator<Item = NameId>,
) -> Vec<NameId> {
    let mut ids: Vec<NameId> = ids.collect();
    let mut keys = Vec::new();
    let mut key_at = Vec::with_capacity(ids.len() + 1);
    for &id in &ids {
        key_at.push(keys.len());
        let name = names.get(id);
        push_key(
            name,
            name.label_count().saturating_sub(ancestor_labels),
            &mut keys,
        );
    }
    key_at.push(keys.len());
    // Lowercasing all keys in one pass costs a fraction of doing it per label; the escapes and
    // label ends are not letters.
    keys.make_ascii_lowercase();
    let key = |i: u32| &keys[key_at[i as usize]..key_at[i as usize + 1]];
    let mut order: Vec<(u64, u32)> = (0..ids.len() as u32)
        .map(|i| {
            // Padded with zeros, which sort before any octet: the integers are in the keys' order.
            let mut first = [0u8; 8];
            let k = key(i);
            let len = k.len().min(8);
            first[..len].copy_from_slice(&k[..len]);
            (u64::from_be_bytes(first), i)
        })
        .collect();
    order.sort_unstable();
    // Keys that start alike: ordered by the rest.
    for run in order.chunk_by_mut(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| key(a.1).cmp(key(b.1)));
        }
    }
    let unsorted = std::mem::take(&mut ids);
    ids.extend(order.iter().map(|&(_, i)| unsorted[i as usize]));
    ids
}

/// Appends a key for the first `labels` labels of `name` whose byte order is their canonical
/// order, before lowercasing: the labels from the root, each ended by 0, with the octets 0 and 1
/// escaped as 1 1 and 1 2 so that the end of a label sorts before any octet in it.
fn push_key(name: NameRef<'_>, labels: usize, out: &mut Vec<u8>) {
    let mut starts = [0u8; 128];
    let n = label_starts(name.wire(), &mut starts).min(labels);
    let w = name.wire();
    for &at in starts[..n].iter().rev() {
        let label = label_at(w, at);
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
}

/// `a == b` for short runs of octets such as names, eight at a time: a call to `memcmp` costs
/// more than the comparison, and the tree makes one for every name.
fn same_octets(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() || len < 8 {
        return a == b;
    }
    let word = |s: &[u8], at: usize| s.get(at..).and_then(|s| s.first_chunk::<8>()).copied();
    let mut at = 0;
    while at + 8 < len {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    // The last eight, overlapping the ones before.
    word(a, len - 8) == word(b, len - 8)
}

/// Offsets of each label's length octet; returns the number of labels (root excluded).
fn label_starts(w: &[u8], out: &mut [u8; 128]) -> usize {
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
    fn keys_sort_like_canonical_order() {
        // Whole names, and the labels above `example.`, which all of them share.
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
        let mut table = NameTable::default();
        let key = |n: &OwnedName, above: usize| {
            let mut k = Vec::new();
            push_key(n.as_ref(), n.as_ref().label_count() - above, &mut k);
            k.make_ascii_lowercase();
            k
        };
        for a in &parsed {
            for b in &parsed {
                let want = a.as_ref().canonical_cmp(b.as_ref());
                assert_eq!(key(a, 0).cmp(&key(b, 0)), want, "{a} vs {b}");
                assert_eq!(key(a, 1).cmp(&key(b, 1)), want, "{a} vs {b}");
            }
        }
        let ids: Vec<NameId> = parsed.iter().map(|n| table.intern(n.as_ref())).collect();
        let mut want = ids.clone();
        want.sort_by(|&a, &b| table.get(a).canonical_cmp(table.get(b)));
        assert_eq!(canonical_order(&table, 1, ids.iter().rev().copied()), want);
    }

    #[test]
    fn cuts_come_in_canonical_order() {
        // Delegations whose names differ late, by escapes and by case, nested ones (below a cut,
        // so no cut themselves), and names outside the zone, in no particular order.
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
            text.push_str(&format!("{owner} NS ns.example.net.\n"));
        }
        for i in 0..300 {
            text.push_str(&format!("h{i}.s{} NS ns.example.net.\n", i % 7));
        }
        let (z, index) = zone(&text);
        let tree = index.tree(&z);
        let cuts: Vec<NameId> = tree.cuts().collect();
        let mut want: Vec<NameId> = z
            .names
            .iter()
            .map(|(id, _)| id)
            .filter(|&id| tree.place(id) == Place::Cut)
            .collect();
        want.sort_by(|&a, &b| z.names.get(a).canonical_cmp(z.names.get(b)));
        assert_eq!(cuts, want);
        assert_eq!(cuts.len(), 11 + 300);
    }

    #[test]
    fn deep_chains_are_kept_by_their_ends() {
        // Owners of 100 labels, each alone below its own label under the apex: 99 empty
        // non-terminals each, kept as one chain entry. Then owners that leave those chains
        // halfway, at the top, and just above the foot; and one owner inside a chain.
        let deep = "a.".repeat(98);
        let mut text = String::from("$ORIGIN example.\n$TTL 3600\n@ SOA ns1 host 1 2 3 4 5\n");
        for i in 0..200 {
            text.push_str(&format!("{deep}x.u{i} TXT x\n"));
        }
        let half = "a.".repeat(49);
        text.push_str(&format!("b.{half}x.u0 TXT x\n"));
        text.push_str("b.x.u1 TXT x\n");
        text.push_str(&format!("b.{}x.u2 TXT x\n", "a.".repeat(97)));
        text.push_str(&format!("{half}x.u3 NS ns.example.net.\n"));
        let (z, index) = zone(&text);
        let tree = index.tree(&z);
        assert!(
            tree.ents.what.len() <= 2 * z.names.len(),
            "{}",
            tree.ents.what.len()
        );
        let find = |n: &str| {
            let n = OwnedName::from_text(&format!("{n}.example.")).unwrap();
            let l = tree.lookup(&z, n.as_ref());
            (l.exists, l.encloser_labels, l.place)
        };
        let id = |n: &str| {
            z.names
                .lookup(OwnedName::from_text(n).unwrap().as_ref())
                .unwrap()
        };
        // Inside a chain, at its head, and off it.
        assert_eq!(find(&format!("{half}x.u9")), (true, 52, Place::Auth));
        assert_eq!(find("u9"), (true, 2, Place::Auth));
        assert_eq!(find("x.u9"), (true, 3, Place::Auth));
        assert_eq!(find(&format!("c.{half}x.u9")), (false, 52, Place::Auth));
        assert_eq!(find("c.u9"), (false, 2, Place::Auth));
        assert_eq!(find("u999"), (false, 1, Place::Auth));
        // Where the chains were split, above and below the new nodes.
        assert_eq!(find(&format!("{half}x.u0")), (true, 52, Place::Auth));
        assert_eq!(find(&format!("a.{half}x.u0")), (true, 53, Place::Auth));
        assert_eq!(find(&format!("c.{half}x.u0")), (false, 52, Place::Auth));
        assert_eq!(find(&format!("c.a.{half}x.u0")), (false, 53, Place::Auth));
        assert_eq!(find("c.x.u1"), (false, 3, Place::Auth));
        assert_eq!(
            find(&format!("{}x.u2", "a.".repeat(96))),
            (true, 99, Place::Auth)
        );
        // A cut halfway down a chain: everything below it, in the chain or not, lies below it.
        let cut = id(&format!("{half}x.u3.example."));
        assert_eq!(tree.place(cut), Place::Cut);
        assert_eq!(
            tree.place(id(&format!("{deep}x.u3.example."))),
            Place::BelowCut(cut)
        );
        assert_eq!(
            find(&format!("a.{half}x.u3")),
            (true, 53, Place::BelowCut(cut))
        );
        assert_eq!(
            find(&format!("c.{half}x.u3")),
            (false, 52, Place::BelowCut(cut))
        );
        assert_eq!(find("x.u3"), (true, 3, Place::Auth));
    }

    #[test]
    fn same_octets_agrees_with_eq() {
        let base: Vec<u8> = (0..40).collect();
        for len in 0..40 {
            let a = &base[..len];
            assert!(same_octets(a, a));
            assert!(!same_octets(a, &base[..len + 1]));
            for at in 0..len {
                let mut b = a.to_vec();
                b[at] ^= 0x20;
                assert!(!same_octets(a, &b), "{len} {at}");
            }
        }
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

    /// The tree against its definitions, worked out by brute force over every owner.
    mod oracle {
        use super::*;
        use proptest::prelude::*;

        /// A name as lowercase labels from the root.
        type Labels = Vec<Vec<u8>>;

        fn from_root(name: NameRef<'_>) -> Labels {
            let mut l: Labels = name.labels().map(|l| l.to_ascii_lowercase()).collect();
            l.reverse();
            l
        }

        fn text(labels: &[String], suffix: &str) -> String {
            let mut t: String = labels.iter().map(|l| format!("{l}.")).collect();
            if suffix != "." || t.is_empty() {
                t.push_str(suffix);
            }
            t
        }

        struct Oracle {
            apex: Labels,
            owners: Vec<(Labels, NameId)>,
            ns: Vec<Labels>,
            dname: Vec<Labels>,
        }

        impl Oracle {
            fn new(z: &Zone) -> Self {
                let of = |t: RType| {
                    z.records
                        .iter()
                        .filter(|r| r.rtype == t)
                        .map(|r| from_root(z.owner(r)))
                        .collect()
                };
                Oracle {
                    apex: from_root(z.apex()),
                    owners: z.names.iter().map(|(id, n)| (from_root(n), id)).collect(),
                    ns: of(RType::NS),
                    dname: of(RType::DNAME),
                }
            }

            fn id(&self, name: &[Vec<u8>]) -> Option<NameId> {
                self.owners
                    .iter()
                    .find(|(o, _)| o.as_slice() == name)
                    .map(|&(_, id)| id)
            }

            fn in_zone(&self, name: &[Vec<u8>]) -> bool {
                name.starts_with(&self.apex)
            }

            fn place(&self, name: &[Vec<u8>]) -> Place {
                if !self.in_zone(name) {
                    return Place::Outside;
                }
                let cut =
                    |a: &[Vec<u8>]| a.len() > self.apex.len() && self.ns.iter().any(|o| o == a);
                let dname = |a: &[Vec<u8>]| self.dname.iter().any(|o| o == a);
                for k in self.apex.len()..name.len() {
                    let a = &name[..k];
                    if cut(a) {
                        return Place::BelowCut(self.id(a).unwrap());
                    }
                    if dname(a) {
                        return Place::BelowDname(self.id(a).unwrap());
                    }
                }
                if cut(name) { Place::Cut } else { Place::Auth }
            }

            fn lookup(&self, name: &[Vec<u8>]) -> (Option<Labels>, bool, bool, Place, usize) {
                if !self.in_zone(name) {
                    return (None, false, false, Place::Outside, 0);
                }
                let place = self.place(name);
                if self.id(name).is_some() {
                    return (Some(name.to_vec()), false, true, place, name.len());
                }
                if self
                    .owners
                    .iter()
                    .any(|(o, _)| o.len() > name.len() && o.starts_with(name))
                {
                    return (None, false, true, place, name.len());
                }
                let ce = self
                    .owners
                    .iter()
                    .filter(|(o, _)| self.in_zone(o))
                    .map(|(o, _)| o.iter().zip(name).take_while(|(a, b)| a == b).count())
                    .fold(self.apex.len(), usize::max)
                    .min(name.len());
                let mut wild = name[..ce].to_vec();
                wild.push(b"*".to_vec());
                match self.id(&wild) {
                    Some(_) => (Some(wild), true, false, place, ce),
                    None => (None, false, false, place, ce),
                }
            }
        }

        fn label() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("a".to_owned()),
                Just("A".to_owned()),
                Just("b".to_owned()),
                Just("B".to_owned()),
                Just("c".to_owned()),
                Just("*".to_owned()),
            ]
        }

        /// Mostly names below the apex, some anywhere.
        fn name(apex: &'static str) -> impl Strategy<Value = String> {
            (
                proptest::collection::vec(label(), 0..7),
                prop_oneof![
                    6 => Just(apex),
                    1 => Just("a."),
                    1 => Just("c."),
                    1 => Just("."),
                ],
            )
                .prop_map(|(labels, suffix)| text(&labels, suffix))
        }

        fn case() -> impl Strategy<Value = (&'static str, Vec<(String, &'static str)>, Vec<String>)>
        {
            prop_oneof![Just("a."), Just("B.a."), Just(".")].prop_flat_map(|apex| {
                let record = (
                    name(apex),
                    prop_oneof![
                        3 => Just("A 192.0.2.1"),
                        2 => Just("NS ns.example.net."),
                        2 => Just("DNAME t.example.net."),
                        1 => Just("TXT x"),
                    ],
                );
                (
                    Just(apex),
                    proptest::collection::vec(record, 0..32),
                    proptest::collection::vec(name(apex), 1..16),
                )
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1000))]
            #[test]
            fn the_tree_agrees_with_its_definitions((apex, records, queries) in case()) {
                let mut text = String::new();
                for (owner, data) in &records {
                    text.push_str(&format!("{owner} 3600 IN {data}\n"));
                }
                let mut sources = Sources::default();
                let file = sources.add(SourceFile::from_text("t.zone", &text));
                let filter = RuleFilter::default();
                let mut em = Emitter::new(Lang::En, &filter);
                let options = ParseOptions {
                    origin: Some(OwnedName::from_text(apex).unwrap()),
                    ..ParseOptions::default()
                };
                let z = parse(&mut sources, file, &options, &mut NoIncludes, &mut em);
                prop_assert_eq!(z.records.len(), records.len(), "{}", text);
                let index = ZoneIndex::new(&z);
                let tree = index.tree(&z);
                let oracle = Oracle::new(&z);
                for (id, n) in z.names.iter() {
                    prop_assert_eq!(tree.place(id), oracle.place(&from_root(n)), "{} in\n{}", n, text);
                }
                let mut cuts: Vec<NameId> = z
                    .names
                    .iter()
                    .filter(|(_, n)| oracle.place(&from_root(*n)) == Place::Cut)
                    .map(|(id, _)| id)
                    .collect();
                cuts.sort_by(|&a, &b| z.names.get(a).canonical_cmp(z.names.get(b)));
                prop_assert_eq!(tree.cuts().collect::<Vec<_>>(), cuts);
                let owners = z.names.iter().map(|(_, n)| n.to_string());
                for q in queries.iter().cloned().chain(owners) {
                    let q = OwnedName::from_text(&q).unwrap();
                    let l = tree.lookup(&z, q.as_ref());
                    let got = (
                        l.node.map(|id| from_root(z.names.get(id))),
                        l.wildcard,
                        l.exists,
                        l.place,
                        l.encloser_labels,
                    );
                    prop_assert_eq!(got, oracle.lookup(&from_root(q.as_ref())), "{} in\n{}", q, text);
                }
            }
        }
    }
}
