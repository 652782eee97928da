//! The tag=value lists of DKIM key records and DMARC records (RFC 6376 §3.2, which RFC 7489
//! §6.4 adopts), parsed with byte ranges for every tag, name and value.

use std::collections::HashMap;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The tag-spec, from its name to the end of its value.
    pub range: Range<usize>,
    pub name: Range<usize>,
    /// The value without surrounding whitespace.
    pub value: Range<usize>,
    /// The value runs across a string boundary where a `;` was needed (see ZG550).
    pub split_at: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagFault {
    /// A tag-spec without `=`.
    MissingEquals(Range<usize>),
    /// `=value` with no name.
    EmptyName(Range<usize>),
    /// A name that is not `ALPHA *(ALPHA / DIGIT / "_")`.
    BadName(Range<usize>),
    /// The same name twice: the whole list is invalid (RFC 6376 §3.2).
    Duplicate {
        at: Range<usize>,
        first: Range<usize>,
    },
}

impl TagFault {
    pub fn range(&self) -> Range<usize> {
        match self {
            TagFault::MissingEquals(r) | TagFault::EmptyName(r) | TagFault::BadName(r) => r.clone(),
            TagFault::Duplicate { at, .. } => at.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagList {
    /// Tags in order; a duplicate is kept out (its first occurrence stays).
    pub tags: Vec<Tag>,
    pub faults: Vec<TagFault>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim(text: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && is_ws(text[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && is_ws(text[r.end - 1]) {
        r.end -= 1;
    }
    r
}

impl TagList {
    /// Parses `text`. `boundaries` are the offsets where TXT strings were joined, and
    /// `known` the scheme's tag names, to find a tag run into the previous tag's value.
    pub fn parse(text: &[u8], boundaries: &[usize], known: &[&str]) -> TagList {
        let mut list = TagList::default();
        // Names seen so far, for duplicates: a hostile record may hold thousands of tags.
        let mut seen: HashMap<&[u8], usize> = HashMap::new();
        let mut start = 0;
        while start <= text.len() {
            let end = text[start..]
                .iter()
                .position(|&b| b == b';')
                .map_or(text.len(), |p| start + p);
            let spec = trim(text, start..end);
            start = end + 1;
            if spec.is_empty() {
                continue;
            }
            let Some(eq) = text[spec.clone()].iter().position(|&b| b == b'=') else {
                list.faults.push(TagFault::MissingEquals(spec));
                continue;
            };
            let name = trim(text, spec.start..spec.start + eq);
            let value = trim(text, spec.start + eq + 1..spec.end);
            if name.is_empty() {
                list.faults.push(TagFault::EmptyName(spec));
                continue;
            }
            let n = &text[name.clone()];
            if !n[0].is_ascii_alphabetic()
                || !n.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_')
            {
                list.faults.push(TagFault::BadName(name));
                continue;
            }
            if let Some(&first) = seen.get(n) {
                let first: &Tag = &list.tags[first];
                list.faults.push(TagFault::Duplicate {
                    at: name,
                    first: first.name.clone(),
                });
                continue;
            }
            seen.insert(n, list.tags.len());
            let split_at = split_point(text, value.clone(), boundaries, known);
            list.tags.push(Tag {
                range: spec,
                name,
                value,
                split_at,
            });
        }
        list
    }

    pub fn get<'t>(&self, text: &'t [u8], name: &str) -> Option<(&Tag, &'t [u8])> {
        self.tags
            .iter()
            .find(|t| &text[t.name.clone()] == name.as_bytes())
            .map(|t| (t, &text[t.value.clone()]))
    }
}

/// A boundary inside `value` with no whitespace on either side, after which the text reads
/// `name=` for a known tag name: the `;` between two tags was lost when the strings were joined.
fn split_point(
    text: &[u8],
    value: Range<usize>,
    boundaries: &[usize],
    known: &[&str],
) -> Option<usize> {
    let first = boundaries.partition_point(|&b| b <= value.start);
    boundaries[first..]
        .iter()
        .copied()
        .take_while(|&b| b < value.end)
        .find(|&b| {
            !is_ws(text[b - 1]) && !is_ws(text[b]) && {
                let rest = &text[b..value.end];
                let name_len = rest
                    .iter()
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_'))
                    .unwrap_or(rest.len());
                let after = trim(text, b + name_len..value.end);
                name_len > 0
                    && known.iter().any(|k| k.as_bytes() == &rest[..name_len])
                    && text.get(after.start) == Some(&b'=')
                    && text[after.start..after.end].iter().any(|&c| c != b'=')
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_whitespace_and_trailing_semicolon() {
        let text = b"v=DMARC1; p = reject ;rua=mailto:a@example.jp;";
        let l = TagList::parse(text, &[], &[]);
        assert!(l.faults.is_empty());
        let names: Vec<_> = l.tags.iter().map(|t| &text[t.name.clone()]).collect();
        assert_eq!(names, vec![&b"v"[..], b"p", b"rua"]);
        assert_eq!(l.get(text, "p").unwrap().1, b"reject");
    }

    #[test]
    fn reports_faults() {
        let text = b"v=DKIM1; k; =x; 1a=b; p=abc; p=def";
        let l = TagList::parse(text, &[], &[]);
        assert_eq!(l.tags.len(), 2);
        assert!(matches!(l.faults[0], TagFault::MissingEquals(_)));
        assert!(matches!(l.faults[1], TagFault::EmptyName(_)));
        assert!(matches!(l.faults[2], TagFault::BadName(_)));
        assert!(matches!(l.faults[3], TagFault::Duplicate { .. }));
    }

    #[test]
    fn finds_tags_run_together_at_a_boundary() {
        let text = b"v=DMARC1; p=nonerua=mailto:a@example.jp";
        let l = TagList::parse(text, &[16], &["v", "p", "rua"]);
        assert_eq!(l.tags[1].split_at, Some(16));
        // Base64 split anywhere is fine.
        let text = b"v=DKIM1; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA";
        let l = TagList::parse(text, &[30], &["v", "p", "k"]);
        assert_eq!(l.tags[1].split_at, None);
    }
}
