//! Name and target rules (ZG4xx): mail and service targets that resolve, host names where host
//! names are required, wildcards, and names that lost their trailing dot.

mod invalid_host_name;
mod malformed_null_mx;
mod misplaced_wildcard;
mod missing_trailing_dot;
mod mx_target_is_cname;
mod mx_target_without_address;
mod null_mx_with_other_mx;
mod origin_repeated;
mod srv_owner_not_service_name;
mod srv_target_is_cname;
mod srv_target_without_address;
mod target_is_address;

pub use invalid_host_name::INVALID_HOST_NAME;
pub use malformed_null_mx::MALFORMED_NULL_MX;
pub use misplaced_wildcard::MISPLACED_WILDCARD;
pub use missing_trailing_dot::MISSING_TRAILING_DOT;
pub use mx_target_is_cname::MX_TARGET_IS_CNAME;
pub use mx_target_without_address::MX_TARGET_WITHOUT_ADDRESS;
pub use null_mx_with_other_mx::NULL_MX_WITH_OTHER_MX;
pub use origin_repeated::ORIGIN_REPEATED;
pub use srv_owner_not_service_name::SRV_OWNER_NOT_SERVICE_NAME;
pub use srv_target_is_cname::SRV_TARGET_IS_CNAME;
pub use srv_target_without_address::SRV_TARGET_WITHOUT_ADDRESS;
pub use target_is_address::TARGET_IS_ADDRESS;

use crate::rules::{Context, target};
use crate::zone::{NameRef, Place, RType, Record};

/// What an MX or SRV record's host is, seen from this zone.
pub(crate) enum Host<'a> {
    /// A CNAME in this zone (the record shown).
    Cname(NameRef<'a>, &'a Record),
    /// In this zone's data, with no address.
    NoAddress(NameRef<'a>),
    /// Fine, elsewhere, `.`, or already reported by the rule for its real fault.
    Other,
}

/// The types whose records [`hosts`] describes.
#[derive(Clone, Copy)]
pub(crate) enum Hosted {
    Mx,
    Srv,
}

/// [`Host::Other`] and [`Host::NoAddress`] in [`hosts`]' memo; any other value is the index of
/// the CNAME record of [`Host::Cname`].
const OTHER: u32 = u32::MAX;
const NO_ADDRESS: u32 = u32::MAX - 1;

/// [`host`] for every MX (or SRV) record, in file order, worked out once for the four rules
/// that ask it of each of them.
pub(crate) fn hosts<'c, 'a>(
    cx: &'c Context<'a>,
    of: Hosted,
) -> impl Iterator<Item = (&'a Record, Host<'a>)> + 'c {
    let (rtype, slot) = match of {
        Hosted::Mx => (RType::MX, 0),
        Hosted::Srv => (RType::SRV, 1),
    };
    let zone = cx.zone;
    let of_type = cx.index.of_type(zone, rtype);
    let facts = cx.memo.hosts[slot].get_or_init(|| {
        of_type
            .iter()
            .map(|&i| match host(cx, &zone.records[i as usize]) {
                Host::Other => OTHER,
                Host::NoAddress(_) => NO_ADDRESS,
                Host::Cname(_, cname) => cx.record_index(cname).map_or(OTHER, |c| c as u32),
            })
            .collect()
    });
    of_type.iter().zip(facts).map(move |(&i, &fact)| {
        let r = &zone.records[i as usize];
        let name = if fact == OTHER {
            None
        } else {
            target::target(cx, r)
        };
        let host = match (name, fact) {
            (None, _) => Host::Other,
            (Some(name), NO_ADDRESS) => Host::NoAddress(name),
            (Some(name), cname) => Host::Cname(name, &zone.records[cname as usize]),
        };
        (r, host)
    })
}

/// The host an MX or SRV record of this zone's own data points at.
fn host<'a>(cx: &Context<'a>, record: &'a Record) -> Host<'a> {
    if cx.tree().place(record.owner) != Place::Auth {
        return Host::Other;
    }
    let Some(name) = target::target(cx, record) else {
        return Host::Other;
    };
    if name.is_root() {
        return Host::Other;
    }
    let found = target::lookup_target(cx, record, name);
    if found.place != Place::Auth {
        return Host::Other;
    }
    let state = if let Some(cname) = found.node.and_then(|n| cx.rrset(n, RType::CNAME).next()) {
        Host::Cname(name, cname)
    } else if crate::rules::delegation::has_address(cx, &found, name) {
        Host::Other
    } else {
        Host::NoAddress(name)
    };
    // A target that is an address, or lost its trailing dot, has its own rule.
    if !matches!(state, Host::Other) && target::suspect(cx, record) {
        return Host::Other;
    }
    state
}
