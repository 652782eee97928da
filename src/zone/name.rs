//! Domain names: parsed from presentation text into uncompressed wire form, viewed without
//! copying, and interned so that each owner name is stored once.
//!
//! zonegate parses names itself rather than with `hickory_proto::rr::Name::parse`, for three
//! reasons an intake validator cannot live with: hickory decodes `\DDD` as octal, not decimal
//! (hickory-dns/hickory-dns#3955; RFC 1035 §5.1 says decimal), it rejects legal labels such as
//! `-x` or `a\032b` (names are any octets, RFC 2181 §11; host name rules are a separate check),
//! and its errors carry no position. [`NameRef::to_hickory`] hands the result to hickory where
//! hickory types are needed, through `Name::from_labels`, which checks what it must.

use std::fmt;
use std::hash::BuildHasher;

pub const MAX_LABEL_LEN: usize = 63;
pub const MAX_NAME_LEN: usize = 255;

/// A borrowed, absolute domain name in uncompressed wire form: length-prefixed labels ending
/// with the root label (a zero byte).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameRef<'a>(&'a [u8]);

impl<'a> NameRef<'a> {
    pub const ROOT: NameRef<'static> = NameRef(&[0]);

    /// Checks that `wire` is one well-formed uncompressed name and nothing more.
    pub fn from_wire(wire: &'a [u8]) -> Option<Self> {
        let len = wire_name_len(wire)?;
        (len == wire.len()).then_some(NameRef(wire))
    }

    /// The name [`parse_name`] wrote to `wire` (all of it), taken without checking it again:
    /// what `parse_name` writes is well formed, and a second check would cost an owner name
    /// about as much as hashing it.
    pub(in crate::zone) fn parsed(wire: &'a [u8]) -> Self {
        debug_assert!(
            NameRef::from_wire(wire).is_some(),
            "{wire:?} is not a parsed name"
        );
        NameRef(wire)
    }

    /// The name at the start of `wire`, and what follows it.
    pub fn split_from(wire: &'a [u8]) -> Option<(Self, &'a [u8])> {
        let len = wire_name_len(wire)?;
        Some((NameRef(&wire[..len]), &wire[len..]))
    }

    pub fn wire(self) -> &'a [u8] {
        self.0
    }

    pub fn labels(self) -> Labels<'a> {
        Labels { rest: self.0 }
    }

    pub fn label_count(self) -> usize {
        self.labels().count()
    }

    pub fn is_root(self) -> bool {
        self.0 == [0]
    }

    pub fn first_label(self) -> Option<&'a [u8]> {
        self.labels().next()
    }

    pub fn is_wildcard(self) -> bool {
        self.first_label() == Some(b"*")
    }

    /// The name without its first label; `None` for the root.
    pub fn parent(self) -> Option<NameRef<'a>> {
        let len = *self.0.first()? as usize;
        (len > 0).then(|| NameRef(&self.0[1 + len..]))
    }

    /// Equality as DNS defines it: ASCII letters compare without case (RFC 4343).
    /// True for `example.jp.example.jp.` and the origin `example.jp.`: the name a relative
    /// `example.jp` becomes there, the classic missing trailing dot.
    pub fn is_doubled(self, origin: NameRef<'_>) -> bool {
        !origin.is_root()
            && self.label_count() == 2 * origin.label_count()
            && self.is_subdomain_of(origin)
            && self
                .labels()
                .zip(origin.labels())
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    }

    pub fn eq_ignore_case(self, other: NameRef<'_>) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }

    /// True when `self` is `other` or lies below it.
    pub fn is_subdomain_of(self, other: NameRef<'_>) -> bool {
        let mut cursor = Some(self);
        let depth = self.label_count().checked_sub(other.label_count());
        let Some(depth) = depth else { return false };
        for _ in 0..depth {
            cursor = cursor.and_then(NameRef::parent);
        }
        cursor.is_some_and(|c| c.eq_ignore_case(other))
    }

    /// The labels of `self` that lie above `ancestor`'s, or `None` if it is not below it.
    pub fn strip_suffix(self, ancestor: NameRef<'_>) -> Option<Vec<&'a [u8]>> {
        if !self.is_subdomain_of(ancestor) {
            return None;
        }
        let keep = self.label_count() - ancestor.label_count();
        Some(self.labels().take(keep).collect())
    }

    /// Presentation text relative to `origin` (`@` for the origin itself), or absolute when the
    /// name is not below it.
    pub fn relative_to(self, origin: NameRef<'_>) -> String {
        match self.strip_suffix(origin) {
            Some(labels) if labels.is_empty() => "@".to_owned(),
            Some(labels) => labels
                .iter()
                .map(|l| label_to_text(l))
                .collect::<Vec<_>>()
                .join("."),
            None => self.to_string(),
        }
    }

    pub fn to_owned(self) -> OwnedName {
        OwnedName(self.0.to_vec())
    }

    pub fn to_lowercase(self) -> OwnedName {
        OwnedName(self.0.to_ascii_lowercase())
    }

    /// The hickory form of this name, for the network and for hickory's typed record data.
    pub fn to_hickory(self) -> hickory_proto::rr::Name {
        let mut name = hickory_proto::rr::Name::from_labels(self.labels())
            .expect("a NameRef holds at most 255 octets in labels of at most 63");
        name.set_fqdn(true);
        name
    }

    /// DNSSEC canonical order (RFC 4034 §6.1): compare label by label from the root, each label
    /// as lowercase octets.
    pub fn canonical_cmp(self, other: NameRef<'_>) -> std::cmp::Ordering {
        let a: Vec<&[u8]> = self.labels().collect();
        let b: Vec<&[u8]> = other.labels().collect();
        for (x, y) in a.iter().rev().zip(b.iter().rev()) {
            let ord = x
                .iter()
                .map(u8::to_ascii_lowercase)
                .cmp(y.iter().map(u8::to_ascii_lowercase));
            if ord.is_ne() {
                return ord;
            }
        }
        a.len().cmp(&b.len())
    }

    /// True when every label is a host name label: letters, digits and inner hyphens
    /// (RFC 952, RFC 1123 §2.1).
    pub fn is_ldh(self) -> bool {
        self.labels().all(is_ldh_label)
    }
}

pub fn is_ldh_label(label: &[u8]) -> bool {
    !label.is_empty()
        && label
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        && label[0] != b'-'
        && label[label.len() - 1] != b'-'
}

impl fmt::Display for NameRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_root() {
            return f.write_str(".");
        }
        for label in self.labels() {
            f.write_str(&label_to_text(label))?;
            f.write_str(".")?;
        }
        Ok(())
    }
}

impl fmt::Debug for NameRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NameRef({self})")
    }
}

/// A label in presentation form: the characters that mean something in a zone file are
/// backslash-escaped and everything outside printable ASCII is written `\DDD`, so the text is
/// safe for a terminal and parses back to the same octets.
pub fn label_to_text(label: &[u8]) -> String {
    let mut out = String::with_capacity(label.len());
    for &b in label {
        match b {
            b'.' | b'\\' | b'"' | b'(' | b')' | b';' | b'@' | b'$' => {
                out.push('\\');
                out.push(b as char);
            }
            0x21..=0x7E => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03}")),
        }
    }
    out
}

/// Iterator over the labels of a name, leftmost first, without the root.
pub struct Labels<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Labels<'a> {
    type Item = &'a [u8];
    fn next(&mut self) -> Option<&'a [u8]> {
        let len = *self.rest.first()? as usize;
        if len == 0 || self.rest.len() < 1 + len {
            return None;
        }
        let label = &self.rest[1..1 + len];
        self.rest = &self.rest[1 + len..];
        Some(label)
    }
}

/// Length of the uncompressed wire name at the start of `wire`, if well formed.
fn wire_name_len(wire: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        let len = *wire.get(i)? as usize;
        if len > MAX_LABEL_LEN {
            return None;
        }
        i += 1 + len;
        if i > MAX_NAME_LEN || i > wire.len() {
            return None;
        }
        if len == 0 {
            return Some(i);
        }
    }
}

/// An owned absolute name in wire form.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OwnedName(Vec<u8>);

impl OwnedName {
    pub fn as_ref(&self) -> NameRef<'_> {
        NameRef(&self.0)
    }

    pub fn root() -> Self {
        OwnedName(vec![0])
    }

    pub fn from_wire(wire: Vec<u8>) -> Option<Self> {
        NameRef::from_wire(&wire)?;
        Some(OwnedName(wire))
    }

    /// Parses absolute presentation text such as `example.co.jp.` (the trailing dot optional).
    pub fn from_text(text: &str) -> Result<Self, NameError> {
        let mut wire = Vec::new();
        let text = if text.ends_with('.') && !text.ends_with("\\.") || text == "." {
            text.to_owned()
        } else {
            format!("{text}.")
        };
        parse_name(&text, None, &mut wire)?;
        Ok(OwnedName(wire))
    }

    pub fn from_hickory(name: &hickory_proto::rr::Name) -> Self {
        let mut wire = Vec::with_capacity(name.len() + 1);
        for label in name.iter() {
            wire.push(label.len() as u8);
            wire.extend_from_slice(label);
        }
        wire.push(0);
        OwnedName(wire)
    }

    pub fn into_wire(self) -> Vec<u8> {
        self.0
    }
}

impl fmt::Display for OwnedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_ref().fmt(f)
    }
}

impl fmt::Debug for OwnedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OwnedName({self})")
    }
}

/// What is wrong with a name, and where in its text (byte offsets within the token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameError {
    pub kind: NameErrorKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameErrorKind {
    /// Two dots in a row, or a leading dot.
    EmptyLabel,
    /// A label of more than 63 octets (RFC 1035 §2.3.4).
    LabelTooLong(usize),
    /// More than 255 octets in wire form (RFC 1035 §2.3.4); `appended` when the origin made it so.
    NameTooLong { len: usize, appended: bool },
    /// A relative name and no origin to complete it.
    NoOrigin,
    /// `\` followed by something that is neither one character nor three decimal digits ≤ 255.
    BadEscape,
}

/// What the parser noticed about a name that parsed: the caller may warn about these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameNotes {
    /// The text was relative and the origin was appended.
    pub relative: bool,
    /// Some characters were full-width forms, read as their ASCII equivalents.
    pub fullwidth: bool,
    /// Some characters were neither ASCII nor full-width forms (raw UTF-8 in a label).
    pub non_ascii: bool,
}

/// Parses presentation text (as written in the file, escapes and all) into wire form, appending
/// it to `out`. `@` is the origin; a name without a trailing dot is relative to `origin`.
///
/// Full-width forms (U+FF01–U+FF5E) are read as the ASCII characters they stand for, so that
/// checking can go on; the lexer has already reported them.
pub fn parse_name(
    text: &str,
    origin: Option<NameRef<'_>>,
    out: &mut Vec<u8>,
) -> Result<NameNotes, NameError> {
    match parse_plain_name(text.as_bytes(), origin, out) {
        Some(notes) => Ok(notes),
        None => parse_any_name(text, origin, out),
    }
}

/// [`parse_name`] for the names nearly every record holds: no escape, no non-ASCII character,
/// and well-formed (labels of 1 to 63 octets, at most 255 in all, an origin for a relative
/// name). The text is copied once, each dot becoming the length of the label after it. `None`,
/// with `out` as it was, for `@` and for anything else, which [`parse_any_name`] reads (a
/// property test checks that the two agree on what this one reads), so that a name's faults
/// are found in one place.
pub(in crate::zone) fn parse_plain_name(
    text: &[u8],
    origin: Option<NameRef<'_>>,
    out: &mut Vec<u8>,
) -> Option<NameNotes> {
    if text.is_empty() || text.len() >= MAX_NAME_LEN || text == b"@" {
        return None;
    }
    let base = out.len();
    out.reserve(1 + text.len() + origin.map_or(0, |o| o.0.len()));
    out.push(0);
    out.extend_from_slice(text);
    let wire = &mut out[base..];
    // `wire[len_at]` is the length octet of the label being read: the placeholder in front,
    // then each dot in turn.
    let mut len_at = 0;
    for at in 1..wire.len() {
        match wire[at] {
            b'.' => {
                let len = at - len_at - 1;
                if len == 0 || len > MAX_LABEL_LEN {
                    out.truncate(base);
                    return None;
                }
                wire[len_at] = len as u8;
                len_at = at;
            }
            b'\\' | 0x80.. => {
                out.truncate(base);
                return None;
            }
            _ => {}
        }
    }
    let last = wire.len() - len_at - 1;
    if last == 0 {
        // A trailing dot: the octet it became is the root label's, and the name is complete.
        wire[len_at] = 0;
        return Some(NameNotes::default());
    }
    let Some(origin) =
        origin.filter(|o| last <= MAX_LABEL_LEN && wire.len() + o.0.len() <= MAX_NAME_LEN)
    else {
        out.truncate(base);
        return None;
    };
    wire[len_at] = last as u8;
    out.extend_from_slice(origin.0);
    Some(NameNotes {
        relative: true,
        ..NameNotes::default()
    })
}

/// [`parse_name`] for any text: escapes, full-width and other non-ASCII characters, and every
/// fault, with where it is. Kept out of line, so that a plain name costs no more than the short
/// path's own work.
#[inline(never)]
fn parse_any_name(
    text: &str,
    origin: Option<NameRef<'_>>,
    out: &mut Vec<u8>,
) -> Result<NameNotes, NameError> {
    let base = out.len();
    let mut notes = NameNotes::default();
    let err = |kind, start, end| NameError { kind, start, end };
    if text == "@" {
        let origin = origin.ok_or(err(NameErrorKind::NoOrigin, 0, 1))?;
        out.extend_from_slice(origin.wire());
        notes.relative = true;
        return Ok(notes);
    }
    if text == "." {
        out.push(0);
        return Ok(notes);
    }
    let bytes = text.as_bytes();
    let mut label_len_at = out.len();
    out.push(0);
    let mut label_start = 0usize;
    let mut absolute = false;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'.' => {
                let len = out.len() - label_len_at - 1;
                if len == 0 {
                    out.truncate(base);
                    return Err(err(NameErrorKind::EmptyLabel, i, i + 1));
                }
                if len > MAX_LABEL_LEN {
                    out.truncate(base);
                    return Err(err(NameErrorKind::LabelTooLong(len), label_start, i));
                }
                out[label_len_at] = len as u8;
                i += 1;
                if i == bytes.len() {
                    absolute = true;
                    break;
                }
                label_len_at = out.len();
                out.push(0);
                label_start = i;
            }
            b'\\' => match decode_escape(bytes, i) {
                Some((octet, next)) if octet < 0x80 || bytes[i + 1].is_ascii_digit() => {
                    out.push(octet);
                    i = next;
                }
                // `\` before a multi-byte character escapes all of it (found by fuzzing: taking
                // its first byte alone left `i` inside the character).
                Some(_) => {
                    let c_len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                    out.extend_from_slice(&bytes[i + 1..i + 1 + c_len]);
                    i += 1 + c_len;
                }
                None => {
                    out.truncate(base);
                    let end = crate::source::floor_char_boundary(text, (i + 4).min(bytes.len()));
                    return Err(err(NameErrorKind::BadEscape, i, end.max(i + 1)));
                }
            },
            0x80.. => {
                let c = text[i..].chars().next().expect("i is a char boundary");
                if let Some(ascii) = crate::zone::customer::fullwidth_to_ascii(c) {
                    notes.fullwidth = true;
                    out.push(ascii as u8);
                } else {
                    notes.non_ascii = true;
                    out.extend_from_slice(&bytes[i..i + c.len_utf8()]);
                }
                i += c.len_utf8();
            }
            _ => {
                // A run of plain octets at once, as most names are nothing else; no longer than
                // a label can be, so the check below still stops a hostile token early.
                let window = &bytes[i..bytes.len().min(i + MAX_LABEL_LEN + 1)];
                let run = window
                    .iter()
                    .position(|&c| matches!(c, b'.' | b'\\' | 0x80..))
                    .unwrap_or(window.len());
                out.extend_from_slice(&bytes[i..i + run]);
                i += run;
            }
        }
        // A label may not grow without bound while we wait for its dot: a hostile 12 MiB token
        // must cost 64 bytes of output, not 12 MiB.
        if out.len() - label_len_at - 1 > MAX_LABEL_LEN {
            out.truncate(base);
            let end = bytes[i..]
                .iter()
                .position(|&c| c == b'.')
                .map_or(bytes.len(), |p| i + p);
            let len = end - label_start;
            return Err(err(NameErrorKind::LabelTooLong(len), label_start, end));
        }
    }
    if !absolute {
        let len = out.len() - label_len_at - 1;
        if len == 0 {
            out.truncate(base);
            return Err(err(
                NameErrorKind::EmptyLabel,
                bytes.len().saturating_sub(1),
                bytes.len(),
            ));
        }
        if len > MAX_LABEL_LEN {
            out.truncate(base);
            return Err(err(
                NameErrorKind::LabelTooLong(len),
                label_start,
                bytes.len(),
            ));
        }
        out[label_len_at] = len as u8;
        let Some(origin) = origin else {
            out.truncate(base);
            return Err(err(NameErrorKind::NoOrigin, 0, bytes.len()));
        };
        out.extend_from_slice(origin.wire());
        notes.relative = true;
    } else {
        out.push(0);
    }
    let len = out.len() - base;
    if len > MAX_NAME_LEN {
        out.truncate(base);
        return Err(err(
            NameErrorKind::NameTooLong {
                len,
                appended: notes.relative,
            },
            0,
            bytes.len(),
        ));
    }
    Ok(notes)
}

/// Decodes the escape starting at `bytes[i] == b'\\'`: `\DDD` (decimal, ≤ 255) or `\X`.
/// Returns the octet and the index after the escape.
pub fn decode_escape(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    let next = *bytes.get(i + 1)?;
    if next.is_ascii_digit() {
        let digits = bytes.get(i + 1..i + 4)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = digits
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
        u8::try_from(value).ok().map(|v| (v, i + 4))
    } else if next < 0x80 {
        Some((next, i + 2))
    } else {
        // `\` before a multi-byte character escapes the whole character; its first octet is
        // returned and the rest follow as ordinary octets.
        Some((next, i + 2))
    }
}

/// Index of a name in a [`NameTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NameId(pub u32);

/// Interned names, compared without case: each distinct owner is stored once, as wire bytes
/// in one arena, and found again by hash. The first spelling seen is the one kept, as BIND does.
pub struct NameTable {
    bytes: Vec<u8>,
    starts: Vec<u32>,
    index: hashbrown::HashTable<u32>,
    /// Keys the name hash, so that a hostile zone cannot choose names that collide.
    seed: HashSeed,
    /// Each name's hash, kept only by a table whose names will be interned again in the table
    /// it is a [`NameTable::sibling`] of (a piece of a file read on another thread): the merge
    /// then needs no second hashing.
    hashes: Option<Vec<u64>>,
}

impl Default for NameTable {
    fn default() -> Self {
        NameTable::with_capacity(0, 0)
    }
}

impl fmt::Debug for NameTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NameTable")
            .field("len", &self.len())
            .finish()
    }
}

impl NameTable {
    /// A table with room for `names` names of `bytes` wire octets in all, so that filling it
    /// neither moves the arena nor rehashes the index.
    pub fn with_capacity(names: usize, bytes: usize) -> Self {
        NameTable {
            bytes: Vec::with_capacity(bytes),
            starts: Vec::with_capacity(names),
            index: hashbrown::HashTable::with_capacity(names),
            seed: HashSeed::random(),
            hashes: None,
        }
    }

    /// Makes room for `names` more names of `bytes` more octets.
    pub fn reserve(&mut self, names: usize, bytes: usize) {
        self.bytes.reserve(bytes);
        self.starts.reserve(names);
        let (arena, starts, seed) = (&self.bytes, &self.starts, &self.seed);
        (self.index).reserve(names, |&id| {
            hash_lowercase(seed, name_in(arena, starts, id))
        });
        if let Some(hashes) = &mut self.hashes {
            hashes.reserve(names);
        }
    }

    /// Forgets every name and keeps the memory, the seed and whether hashes are kept.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.starts.clear();
        self.index.clear();
        if let Some(hashes) = &mut self.hashes {
            hashes.clear();
        }
    }

    /// This table, keeping the hash of each name it interns from now on (see
    /// [`NameTable::hashes`]).
    pub fn keeping_hashes(mut self) -> Self {
        self.hashes.get_or_insert_with(Vec::new);
        self
    }

    /// The hash of each name, in id order, when the table keeps them.
    pub fn hashes(&self) -> Option<&[u64]> {
        self.hashes.as_deref()
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn get(&self, id: NameId) -> NameRef<'_> {
        NameRef(name_in(&self.bytes, &self.starts, id.0))
    }

    pub fn intern(&mut self, name: NameRef<'_>) -> NameId {
        self.intern_hashed(name, self.hash(name))
    }

    /// [`NameTable::intern`] with the name's hash already computed by [`NameTable::hash`] of
    /// this table or of one made with its [`NameTable::sibling`], for merging tables whose
    /// hashes were computed on other threads.
    pub fn intern_hashed(&mut self, name: NameRef<'_>, hash: u64) -> NameId {
        // One probe finds the name or the slot for it: a new name is a cache miss in a table of
        // a million, and most owners are new.
        let (bytes, starts, seed) = (&self.bytes, &self.starts, &self.seed);
        let entry = self.index.entry(
            hash,
            |&id| name_in(bytes, starts, id).eq_ignore_ascii_case(name.wire()),
            |&id| hash_lowercase(seed, name_in(bytes, starts, id)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(found) => NameId(*found.get()),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                let id = self.starts.len() as u32;
                slot.insert(id);
                self.starts.push(self.bytes.len() as u32);
                self.bytes.extend_from_slice(name.wire());
                if let Some(hashes) = &mut self.hashes {
                    hashes.push(hash);
                }
                NameId(id)
            }
        }
    }

    /// An empty table with room for `names` names of `bytes` octets that hashes names as this
    /// one does, so that its hashes serve [`NameTable::intern_hashed`] here.
    pub fn sibling(&self, names: usize, bytes: usize) -> Self {
        NameTable {
            seed: self.seed,
            ..NameTable::with_capacity(names, bytes)
        }
    }

    pub fn lookup(&self, name: NameRef<'_>) -> Option<NameId> {
        self.lookup_hashed(name, self.hash(name))
    }

    /// [`NameTable::lookup`] with the name's hash already computed by [`NameTable::hash`], for
    /// callers that look one name up in this table and in an index hashed the same way.
    pub fn lookup_hashed(&self, name: NameRef<'_>, hash: u64) -> Option<NameId> {
        self.index
            .find(hash, |&id| self.get(NameId(id)).eq_ignore_case(name))
            .map(|&id| NameId(id))
    }

    pub fn iter(&self) -> impl Iterator<Item = (NameId, NameRef<'_>)> {
        (0..self.len() as u32).map(|i| (NameId(i), self.get(NameId(i))))
    }

    pub fn hash(&self, name: NameRef<'_>) -> u64 {
        hash_lowercase(&self.seed, name.wire())
    }

    /// Bytes of memory held, for the benchmarks' bytes-per-record figures.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.starts.capacity() * 4
            + self.index.capacity() * 5
            + self.hashes.as_ref().map_or(0, |h| h.capacity() * 8)
    }
}

/// The wire form of name `id` in a [`NameTable`]'s arena: from its start to the next name's.
/// A free function, so that the table's index can read names while the table is borrowed.
fn name_in<'t>(bytes: &'t [u8], starts: &[u32], id: u32) -> &'t [u8] {
    let start = starts[id as usize] as usize;
    let end = starts
        .get(id as usize + 1)
        .map_or(bytes.len(), |&e| e as usize);
    &bytes[start..end]
}

/// Two random keys for [`hash_lowercase`], drawn once per table.
#[derive(Clone, Copy)]
struct HashSeed(u64, u64);

impl HashSeed {
    fn random() -> Self {
        // hashbrown's default hasher is seeded at random per process and per instance.
        let random = hashbrown::DefaultHashBuilder::default();
        HashSeed(random.hash_one(1u8), random.hash_one(2u8))
    }
}

/// The hash of a name's wire form with ASCII letters lowercased, so names that differ only in
/// case hash alike. Eight bytes at a time, lowercased in place in a register, each folded in by
/// one keyed 64x64->128-bit multiply (foldhash's step, without its general-purpose
/// bookkeeping): this runs for every owner name of a zone, every target a rule looks up, and on
/// every table resize, so it must not copy the name to a buffer.
fn hash_lowercase(seed: &HashSeed, wire: &[u8]) -> u64 {
    let fold = |a: u64, b: u64| {
        let full = u128::from(a) * u128::from(b);
        full as u64 ^ (full >> 64) as u64
    };
    let mut h = seed.0;
    let mut chunks = wire.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        h = fold(h ^ ascii_lowercase_word(word), seed.1);
    }
    let tail = tail_word(chunks.remainder());
    // The length goes in with the tail, so `a` and `a\0` hash apart.
    let last = ascii_lowercase_word(tail) ^ (wire.len() as u64) << 56;
    fold(fold(h ^ last, seed.1), seed.0 ^ 0x9e37_79b9_7f4a_7c15)
}

/// The last one to seven octets of a name as one little-endian word, zero above them: two reads
/// that may overlap instead of a loop over the octets, as every name has such a tail.
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let (low, high, width) = match n {
        4.. => {
            let read = |at: usize| {
                u64::from(u32::from_le_bytes(
                    rest[at..at + 4].try_into().expect("four octets"),
                ))
            };
            (read(0), read(n - 4), n - 4)
        }
        2.. => {
            let read = |at: usize| {
                u64::from(u16::from_le_bytes(
                    rest[at..at + 2].try_into().expect("two octets"),
                ))
            };
            (read(0), read(n - 2), n - 2)
        }
        1 => (u64::from(rest[0]), 0, 0),
        0 => return 0,
    };
    // Where the reads overlap, both hold the same octets in the same places.
    low | high << (8 * width)
}

/// Lowercases the ASCII capital letters among eight bytes at once and leaves every other byte as
/// it is (the SWAR form of `u8::to_ascii_lowercase`).
fn ascii_lowercase_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = word & !HIGH;
    // A byte's high bit ends up set when its low seven bits are at least `A`, and, in the
    // second sum, when they are above `Z`; neither sum carries into the next byte.
    let at_least_a = low7 + ONES * (0x80 - b'A' as u64);
    let above_z = low7 + ONES * (0x80 - b'Z' as u64 - 1);
    let upper = at_least_a & !above_z & !word & HIGH;
    word | (upper >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, origin: Option<&str>) -> Result<String, NameError> {
        let origin = origin.map(|o| OwnedName::from_text(o).unwrap());
        let mut out = Vec::new();
        parse_name(text, origin.as_ref().map(OwnedName::as_ref), &mut out)?;
        Ok(NameRef::from_wire(&out).unwrap().to_string())
    }

    #[test]
    fn absolute_relative_and_at() {
        assert_eq!(parse("www.example.com.", None).unwrap(), "www.example.com.");
        assert_eq!(
            parse("www", Some("example.com.")).unwrap(),
            "www.example.com."
        );
        assert_eq!(parse("@", Some("example.com.")).unwrap(), "example.com.");
        assert_eq!(parse(".", None).unwrap(), ".");
        assert_eq!(
            parse("www", None).unwrap_err().kind,
            NameErrorKind::NoOrigin
        );
    }

    #[test]
    fn decimal_escapes_per_rfc_1035() {
        // hickory-dns#3955 decodes these as octal; RFC 1035 §5.1 says decimal.
        assert_eq!(parse("x\\065y.", None).unwrap(), "xAy.");
        assert_eq!(parse("a\\.b.example.", None).unwrap(), "a\\.b.example.");
        assert_eq!(parse("a\\032b.", None).unwrap(), "a\\032b.");
        assert_eq!(
            parse("bad\\256.", None).unwrap_err().kind,
            NameErrorKind::BadEscape
        );
        assert_eq!(
            parse("bad\\25.", None).unwrap_err().kind,
            NameErrorKind::BadEscape
        );
    }

    #[test]
    fn label_and_name_limits_point_at_the_fault() {
        let long = format!("ok.{}.example.", "a".repeat(64));
        let e = parse(&long, None).unwrap_err();
        assert_eq!(e.kind, NameErrorKind::LabelTooLong(64));
        assert_eq!((e.start, e.end), (3, 67));
        let e = parse("a..b.", None).unwrap_err();
        assert_eq!(e.kind, NameErrorKind::EmptyLabel);
        assert_eq!(e.start, 2);
        let many = "a.".repeat(128);
        assert!(matches!(
            parse(&many, None).unwrap_err().kind,
            NameErrorKind::NameTooLong { len: 257, .. }
        ));
        let rel = "a.".repeat(120) + "b";
        let origin = "c".repeat(20) + ".";
        assert!(matches!(
            parse(&rel, Some(&origin)).unwrap_err().kind,
            NameErrorKind::NameTooLong { appended: true, .. }
        ));
    }

    #[test]
    fn subdomains_and_canonical_order() {
        let a = OwnedName::from_text("WWW.Example.com.").unwrap();
        let b = OwnedName::from_text("example.COM.").unwrap();
        assert!(a.as_ref().is_subdomain_of(b.as_ref()));
        assert!(!b.as_ref().is_subdomain_of(a.as_ref()));
        assert_eq!(a.as_ref().relative_to(b.as_ref()), "WWW");
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
        for pair in parsed.windows(2) {
            assert_eq!(
                pair[0].as_ref().canonical_cmp(pair[1].as_ref()),
                std::cmp::Ordering::Less,
                "{} < {}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn a_doubled_origin_is_recognised() {
        let name = |t: &str| OwnedName::from_text(t).unwrap();
        let origin = name("example.jp.");
        assert!(
            name("example.jp.example.jp.")
                .as_ref()
                .is_doubled(origin.as_ref())
        );
        assert!(
            name("EXAMPLE.jp.example.JP.")
                .as_ref()
                .is_doubled(origin.as_ref())
        );
        assert!(!name("www.example.jp.").as_ref().is_doubled(origin.as_ref()));
        assert!(!name("example.jp.").as_ref().is_doubled(origin.as_ref()));
        assert!(
            !name("other.jp.example.jp.")
                .as_ref()
                .is_doubled(origin.as_ref())
        );
        assert!(
            !name("example.jp.example.com.")
                .as_ref()
                .is_doubled(origin.as_ref())
        );
        assert!(!name(".").as_ref().is_doubled(name(".").as_ref()));
    }

    #[test]
    fn interning_ignores_case_and_keeps_first_spelling() {
        let mut t = NameTable::default();
        let a = t.intern(OwnedName::from_text("WWW.example.com.").unwrap().as_ref());
        let b = t.intern(OwnedName::from_text("www.EXAMPLE.com.").unwrap().as_ref());
        let c = t.intern(OwnedName::from_text("mail.example.com.").unwrap().as_ref());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(t.get(a).to_string(), "WWW.example.com.");
        assert_eq!(
            t.lookup(OwnedName::from_text("Mail.Example.Com.").unwrap().as_ref()),
            Some(c)
        );
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn word_lowercasing_matches_bytewise_lowercasing() {
        // Every byte value in every position, next to neighbours that would expose a carry.
        for b in 0..=255u8 {
            for neighbour in [0x00, 0x40, 0x5A, 0x5B, 0x7F, 0x80, 0xC1, 0xFF] {
                for at in 0..8 {
                    let mut bytes = [neighbour; 8];
                    bytes[at] = b;
                    let want = u64::from_le_bytes(bytes.map(|x| x.to_ascii_lowercase()));
                    assert_eq!(
                        ascii_lowercase_word(u64::from_le_bytes(bytes)),
                        want,
                        "{bytes:02x?}"
                    );
                }
            }
        }
    }

    #[test]
    fn hashes_ignore_case_and_tell_lengths_apart() {
        let h = HashSeed::random();
        let long = b"\x10WWW-Example-Host\x03COM\x00";
        assert_eq!(
            hash_lowercase(&h, long),
            hash_lowercase(&h, &long.to_ascii_lowercase())
        );
        assert_ne!(
            hash_lowercase(&h, b"\x01a\x00"),
            hash_lowercase(&h, b"\x01b\x00")
        );
        assert_ne!(hash_lowercase(&h, b"\x00"), hash_lowercase(&h, b"\x00\x00"));
    }

    #[test]
    fn tail_words_read_as_the_octets_one_by_one() {
        let bytes: Vec<u8> = (0..7u8).map(|k| 0x81 + 0x13 * k).collect();
        for n in 0..8 {
            let rest = &bytes[..n];
            let want = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k));
            assert_eq!(tail_word(rest), want, "{rest:02x?}");
        }
    }

    mod plain_names {
        use super::*;
        use proptest::prelude::*;

        /// Name text from pieces that meet both parsers' every branch: plain labels of every
        /// length around the limit, dots, `@`, escapes, full-width and other non-ASCII text.
        fn text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                6 => proptest::sample::select(&["www", "h21", "a", "-", "_sip", "*", "xn--p1ai", "A-Z09"][..])
                    .prop_map(str::to_owned),
                6 => Just(".".to_owned()),
                1 => proptest::sample::select(&["@", "\\", "\\.", "\\065", "\\256", "\\1", "é", "ｗ", "あ", "\0", " ", "\"", "\u{7f}"][..])
                    .prop_map(str::to_owned),
                2 => (55usize..70).prop_map(|n| "x".repeat(n)),
            ];
            proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
        }

        /// No origin, the root, or labels of any length up to the name limit, so that appending
        /// one meets the 255-octet limit at every length.
        fn origin() -> impl Strategy<Value = Option<OwnedName>> {
            let labels = proptest::collection::vec(1usize..=63, 0..6);
            prop_oneof![
                Just(None),
                labels.prop_filter_map("over 255 octets", |lens| {
                    let labels: Vec<String> = lens.iter().map(|&n| "o".repeat(n)).collect();
                    OwnedName::from_text(&format!("{}.", labels.join(".")))
                        .ok()
                        .map(Some)
                }),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5000))]

            /// The short path reads a name exactly as the general parser does, or leaves it to it.
            #[test]
            fn plain_names_read_as_the_general_parser_reads_them(text in text(), origin in origin(), prefix in proptest::collection::vec(any::<u8>(), 0..3)) {
                let origin = origin.as_ref().map(OwnedName::as_ref);
                let mut general = prefix.clone();
                let want = parse_any_name(&text, origin, &mut general);
                let mut plain = prefix.clone();
                match parse_plain_name(text.as_bytes(), origin, &mut plain) {
                    Some(notes) => {
                        prop_assert_eq!(Ok(notes), want);
                        prop_assert_eq!(&plain, &general);
                    }
                    None => prop_assert_eq!(&plain, &prefix),
                }
                let mut through = prefix.clone();
                prop_assert_eq!(parse_name(&text, origin, &mut through), parse_any_name(&text, origin, &mut prefix.clone()));
                prop_assert_eq!(through, general);
            }
        }

        /// Random text rarely lands on the limits; these names are built to, at every length
        /// around them.
        #[test]
        fn plain_names_agree_at_the_limits() {
            let mut origins = vec![None, Some(OwnedName::root())];
            for len in 1..=40 {
                origins.push(Some(
                    OwnedName::from_text(&format!("{}.", "o".repeat(len))).unwrap(),
                ));
            }
            for label in [1, 7, 62, 63, 64] {
                let pattern = format!("{}.", "x".repeat(label)).repeat(300);
                for len in (1..12).chain(200..=260) {
                    let relative = pattern[..len].trim_end_matches('.').to_owned();
                    let absolute = format!("{}.", &pattern[..len - 1]);
                    for text in [relative, absolute] {
                        for origin in &origins {
                            let origin = origin.as_ref().map(OwnedName::as_ref);
                            let mut general = Vec::new();
                            let want = parse_any_name(&text, origin, &mut general);
                            let mut plain = Vec::new();
                            if let Some(notes) =
                                parse_plain_name(text.as_bytes(), origin, &mut plain)
                            {
                                assert_eq!(Ok(notes), want, "{text} in {origin:?}");
                                assert_eq!(plain, general, "{text} in {origin:?}");
                            } else {
                                assert!(plain.is_empty());
                            }
                        }
                    }
                }
            }
        }

        #[test]
        fn the_short_path_reads_the_common_names() {
            let origin = OwnedName::from_text("bench.example.").unwrap();
            for text in [
                "h21",
                "_sip._tcp.h12",
                "sip14.example.net.",
                "a.b",
                &"x".repeat(63),
                &"a.".repeat(127),
            ] {
                let mut out = Vec::new();
                assert!(
                    parse_plain_name(text.as_bytes(), Some(origin.as_ref()), &mut out).is_some(),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn hickory_round_trip() {
        let n = OwnedName::from_text("a\\032b.example.").unwrap();
        let h = n.as_ref().to_hickory();
        assert_eq!(OwnedName::from_hickory(&h), n);
    }
}
