//! Rules for other record types: CAA (RFC 8659), DNSSEC material left in a submitted zone, and
//! obsolete types.

mod caa_invalid_flags;
mod caa_invalid_iodef;
mod caa_invalid_issuer_value;
mod caa_unknown_critical_tag;
mod caa_unknown_tag;
mod dnssec_records_present;
mod ds_at_apex;
mod obsolete_type;

pub use caa_invalid_flags::CAA_INVALID_FLAGS;
pub use caa_invalid_iodef::CAA_INVALID_IODEF;
pub use caa_invalid_issuer_value::CAA_INVALID_ISSUER_VALUE;
pub use caa_unknown_critical_tag::CAA_UNKNOWN_CRITICAL_TAG;
pub use caa_unknown_tag::CAA_UNKNOWN_TAG;
pub use dnssec_records_present::DNSSEC_RECORDS_PRESENT;
pub use ds_at_apex::DS_AT_APEX;
pub use obsolete_type::OBSOLETE_TYPE;

use crate::rules::Context;
use crate::source::Span;
use crate::zone::Record;
use crate::zone::lexer::{ESCAPED, QUOTED};

/// A CAA value for a message: escaped and shortened.
fn shown(bytes: &[u8]) -> String {
    crate::rules::mail::text::shown(bytes)
}

/// Where bytes `range` of a CAA record's value are in the source: exact when the value token is
/// written without escapes, else the whole value field.
fn value_span(
    cx: &Context<'_>,
    record: &Record,
    value: &[u8],
    range: std::ops::Range<usize>,
) -> Span {
    let tokens = cx.rdata_tokens(record);
    let Some(&(span, flags)) = tokens.get(2) else {
        return cx.rdata_field_span(record, 2);
    };
    if tokens.len() != 3 || flags & ESCAPED != 0 {
        return span;
    }
    let quoted = flags & QUOTED != 0;
    let text = &cx.sources.get(record.span.file).text.as_bytes()[span.range()];
    let inner: &[u8] = if quoted {
        let t = text.strip_prefix(b"\"").unwrap_or(text);
        t.strip_suffix(b"\"").unwrap_or(t)
    } else {
        text
    };
    if inner != value {
        return span;
    }
    let base = span.start as usize + usize::from(quoted);
    Span::new(
        span.file,
        base + range.start,
        base + range.end.max(range.start),
    )
}
