//! SOA and zone structure rules (ZG1xx): one SOA at the apex, sensible timers and serial, and
//! no data outside the zone.

mod missing_soa;
mod multiple_soa;
mod out_of_zone_data;
mod soa_expire_not_above_refresh;
mod soa_expire_out_of_range;
mod soa_minimum_out_of_range;
mod soa_not_at_apex;
mod soa_refresh_out_of_range;
mod soa_retry_not_below_refresh;
mod soa_retry_out_of_range;
mod soa_serial_malformed_date;
mod soa_serial_zero;

pub use missing_soa::MISSING_SOA;
pub use multiple_soa::MULTIPLE_SOA;
pub use out_of_zone_data::OUT_OF_ZONE_DATA;
pub use soa_expire_not_above_refresh::SOA_EXPIRE_NOT_ABOVE_REFRESH;
pub use soa_expire_out_of_range::SOA_EXPIRE_OUT_OF_RANGE;
pub use soa_minimum_out_of_range::SOA_MINIMUM_OUT_OF_RANGE;
pub use soa_not_at_apex::SOA_NOT_AT_APEX;
pub use soa_refresh_out_of_range::SOA_REFRESH_OUT_OF_RANGE;
pub use soa_retry_not_below_refresh::SOA_RETRY_NOT_BELOW_REFRESH;
pub use soa_retry_out_of_range::SOA_RETRY_OUT_OF_RANGE;
pub use soa_serial_malformed_date::SOA_SERIAL_MALFORMED_DATE;
pub use soa_serial_zero::SOA_SERIAL_ZERO;

use crate::rules::Context;
use crate::zone::rdata::view::{self, Soa};
use crate::zone::{NameId, RType, Record};

/// The apex's name id, when the apex has records (or a line that failed there).
pub(crate) fn apex_id(cx: &Context<'_>) -> Option<NameId> {
    cx.zone.names.lookup(cx.zone.apex())
}

/// The zone's SOA: the first one at the apex, in file order.
pub(crate) fn apex_soa<'a>(cx: &Context<'a>) -> Option<(&'a Record, Soa<'a>)> {
    let apex = apex_id(cx)?;
    cx.rrset(apex, RType::SOA)
        .find_map(|r| view::soa(cx.zone.rdata(r)).map(|s| (r, s)))
}

/// True when nothing could be read as records and the reader has already said why (a table
/// without a header row, a file of garbage): "no SOA" and "no NS" would only repeat it.
pub(crate) fn unreadable(cx: &Context<'_>, em: &crate::diag::Emitter<'_>) -> bool {
    cx.zone.records.is_empty() && em.has_errors()
}

/// True when the zone's SOA and apex NS records are not to be expected: the input is a record
/// table (the host makes them), or nothing could be read from it (see [`unreadable`]).
pub(crate) fn apex_not_expected(cx: &Context<'_>, em: &crate::diag::Emitter<'_>) -> bool {
    cx.table_input || unreadable(cx, em)
}

/// SOA data fields: MNAME, RNAME, serial, refresh, retry, expire, minimum.
pub(crate) const SERIAL: usize = 2;
pub(crate) const REFRESH: usize = 3;
pub(crate) const RETRY: usize = 4;
pub(crate) const EXPIRE: usize = 5;
pub(crate) const MINIMUM: usize = 6;

/// Reports one SOA timer outside `low..=high`, at its field, with the rule's own texts.
pub(crate) fn timer_out_of_range(
    cx: &Context<'_>,
    em: &mut crate::diag::Emitter<'_>,
    rule: &'static crate::rules::Rule,
    field: usize,
    pick: fn(&Soa<'_>) -> u32,
    (low, high): (u32, u32),
    texts: fn(crate::diag::Lang, String, bool) -> (String, String),
) {
    let Some((record, soa)) = apex_soa(cx) else {
        return;
    };
    let value = pick(&soa);
    if (low..=high).contains(&value) {
        return;
    }
    let (message, help) = texts(cx.lang, crate::rules::util::seconds(value), value < low);
    em.emit(
        crate::diag::Diagnostic::new(rule, cx.rdata_field_span(record, field), message).help(help),
    );
}
