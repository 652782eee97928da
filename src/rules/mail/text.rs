//! TXT data as mail software reads it: the character-strings joined without separators
//! (RFC 7208 §3.3, RFC 6376 §3.6.2.2, RFC 7489 §6.1), with the map back to the source so that a
//! finding about one SPF term or one DMARC tag can put its caret on that term.

use crate::rules::Context;
use crate::source::Span;
use crate::zone::Record;
use crate::zone::lexer::{ESCAPED, FULLWIDTH, QUOTED};
use std::ops::Range;

/// The joined text of one TXT record, and where each of its strings starts in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Joined {
    pub text: Vec<u8>,
    /// Offset in `text` of each string's first octet; `starts[0] == 0`.
    pub starts: Vec<usize>,
}

impl Joined {
    /// The strings of TXT-like wire data, joined; `None` if the data is malformed.
    pub fn of(wire: &[u8]) -> Option<Joined> {
        let mut text = Vec::with_capacity(wire.len());
        let mut starts = Vec::with_capacity(1);
        let mut w = wire;
        while let Some((&len, rest)) = w.split_first() {
            starts.push(text.len());
            text.extend_from_slice(rest.get(..len as usize)?);
            w = &rest[len as usize..];
        }
        Some(Joined { text, starts })
    }

    /// Offsets where one string ends and the next begins: the places a separator may be missing.
    pub fn boundaries(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts
            .iter()
            .copied()
            .skip(1)
            .filter(|&b| b > 0 && b < self.text.len())
    }

    /// The text for messages: zone data escaped for the terminal, long texts shortened.
    pub fn shown(&self, range: Range<usize>) -> String {
        shown(&self.text[range])
    }
}

/// Zone data for a message: escaped and, when long, shortened.
pub fn shown(bytes: &[u8]) -> String {
    crate::zone::rdata::shorten(&crate::diag::escape_bytes(bytes))
}

/// True when the record's first string starts like `prefix` (ASCII case ignored), without
/// joining: the cheap test that keeps a million-record zone from allocating for every TXT.
/// Records whose first string is shorter than the prefix are joined and tested in full.
pub fn starts_with_ignore_case(wire: &[u8], prefix: &[u8]) -> bool {
    match wire.split_first() {
        Some((&len, rest)) if len as usize >= prefix.len() => rest
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix)),
        Some(_) => Joined::of(wire).is_some_and(|j| {
            j.text.len() >= prefix.len() && j.text[..prefix.len()].eq_ignore_ascii_case(prefix)
        }),
        None => false,
    }
}

/// Where the bytes of a record's joined text are in the source.
///
/// Exact when every string is written plainly (no escapes, no full-width forms outside quotes):
/// then each string's octets are its token's text, and an offset maps one to one. Otherwise,
/// and for generated records, table rows or RFC 3597 data, everything maps to the whole data
/// field. Built once per record (it lexes the record again), then each lookup is a binary
/// search, so a record with thousands of faulty terms costs no more than one lexing.
#[derive(Clone, Debug)]
pub struct SpanMap {
    whole: Span,
    /// Source offset of each string's first octet, when the map is exact.
    inner_starts: Option<Vec<usize>>,
}

impl SpanMap {
    pub fn new(cx: &Context<'_>, record: &Record, joined: &Joined) -> SpanMap {
        let tokens = cx.rdata_tokens(record);
        let whole = match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => first.0.to(last.0),
            _ => record.span,
        };
        let inexact = SpanMap {
            whole,
            inner_starts: None,
        };
        if tokens.len() != joined.starts.len() {
            return inexact;
        }
        let text = &cx.sources.get(record.span.file).text;
        let mut inner_starts = Vec::with_capacity(tokens.len());
        for (i, &(tspan, flags)) in tokens.iter().enumerate() {
            if flags & ESCAPED != 0 || (flags & FULLWIDTH != 0 && flags & QUOTED == 0) {
                return inexact;
            }
            let raw = &text.as_bytes()[tspan.range()];
            let inner: &[u8] = if flags & QUOTED != 0 {
                let r = raw.strip_prefix(b"\"").unwrap_or(raw);
                r.strip_suffix(b"\"").unwrap_or(r)
            } else {
                raw
            };
            let end = joined
                .starts
                .get(i + 1)
                .copied()
                .unwrap_or(joined.text.len());
            if inner != &joined.text[joined.starts[i]..end] {
                return inexact;
            }
            inner_starts.push(tspan.start as usize + usize::from(flags & QUOTED != 0));
        }
        SpanMap {
            whole,
            inner_starts: Some(inner_starts),
        }
    }

    /// The source span of bytes `range` of the joined text.
    pub fn span(&self, joined: &Joined, range: Range<usize>) -> Span {
        let Some(inner_starts) = &self.inner_starts else {
            return self.whole;
        };
        // A start offset belongs to the string it begins; an end offset to the string it closes.
        let locate = |offset: usize, is_end: bool| {
            let i = if is_end && offset > 0 {
                joined.starts.partition_point(|&s| s < offset) - 1
            } else {
                joined.starts.partition_point(|&s| s <= offset).max(1) - 1
            };
            inner_starts[i] + (offset - joined.starts[i])
        };
        let start = locate(range.start, false);
        let end = locate(range.end.max(range.start), true).max(start);
        Span::new(self.whole.file, start, end)
    }

    /// The whole data field.
    pub fn whole(&self) -> Span {
        self.whole
    }
}

/// Where bytes `range` of a record's joined text are in the source (see [`SpanMap`]), for a
/// single lookup.
pub fn span(cx: &Context<'_>, record: &Record, joined: &Joined, range: Range<usize>) -> Span {
    SpanMap::new(cx, record, joined).span(joined, range)
}

/// The whole data field of a record (all its strings), or the record when it cannot be found.
pub fn data_span(cx: &Context<'_>, record: &Record) -> Span {
    let tokens = cx.rdata_tokens(record);
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => first.0.to(last.0),
        _ => record.span,
    }
}

/// The first character at `offset` in `bytes` (UTF-8), and its length; a lone byte otherwise.
pub fn char_at(bytes: &[u8], offset: usize) -> (Option<char>, usize) {
    let rest = &bytes[offset..];
    let head = &rest[..rest.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    match valid.chars().next() {
        Some(c) => (Some(c), c.len_utf8()),
        None => (None, 1.min(rest.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_strings_and_finds_boundaries() {
        let j = Joined::of(b"\x03abc\x02de\x00").unwrap();
        assert_eq!(j.text, b"abcde");
        assert_eq!(j.starts, vec![0, 3, 5]);
        // An empty last string adds no boundary inside the text.
        assert_eq!(j.boundaries().collect::<Vec<_>>(), vec![3]);
        assert!(Joined::of(b"\x05ab").is_none());
    }

    #[test]
    fn prefix_test_handles_short_first_strings() {
        assert!(starts_with_ignore_case(b"\x08V=SPF1 a", b"v=spf1"));
        assert!(starts_with_ignore_case(b"\x03v=s\x05pf1 a", b"v=spf1"));
        assert!(!starts_with_ignore_case(b"\x03v=s", b"v=spf1"));
        assert!(!starts_with_ignore_case(b"", b"v=spf1"));
    }

    #[test]
    fn char_at_reads_utf8_and_stray_bytes() {
        assert_eq!(char_at("−all".as_bytes(), 0), (Some('−'), 3));
        assert_eq!(char_at(b"\xffx", 0), (None, 1));
    }
}
