//! NS, delegation and glue rules (ZG2xx): the apex names its servers, the servers can be found,
//! and delegations below the apex carry the glue they need and nothing they hide.

mod missing_apex_ns;
mod missing_glue;
mod ns_target_is_address;
mod ns_target_is_cname;
mod ns_target_without_address;
mod occluded_data;
mod single_apex_ns;
mod unneeded_glue;

pub use missing_apex_ns::MISSING_APEX_NS;
pub use missing_glue::MISSING_GLUE;
pub use ns_target_is_address::NS_TARGET_IS_ADDRESS;
pub use ns_target_is_cname::NS_TARGET_IS_CNAME;
pub use ns_target_without_address::NS_TARGET_WITHOUT_ADDRESS;
pub use occluded_data::OCCLUDED_DATA;
pub use single_apex_ns::SINGLE_APEX_NS;
pub use unneeded_glue::UNNEEDED_GLUE;

use crate::rules::{Context, target};
use crate::zone::{Lookup, NameId, NameRef, Place, RType, Record};

/// The NS records that mean something: the apex's, and those at delegation points. NS records
/// below a delegation or a DNAME are occluded data, reported as such.
pub(crate) fn live_ns<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a Record> + 'a {
    let tree = cx.tree();
    cx.records_of(RType::NS)
        .filter(move |r| matches!(tree.place(r.owner), Place::Auth | Place::Cut))
}

/// Where an NS record's server is, seen from this zone.
pub(crate) enum Server<'a> {
    /// Outside the zone, or where this zone cannot tell (below a DNAME, or below another
    /// delegation, whose own servers answer for it).
    Elsewhere,
    /// At or below the delegation this NS record makes: its address must be here, as glue.
    OwnGlue(NameRef<'a>, Lookup),
    /// Authoritative data of this zone.
    InZone(NameRef<'a>, Lookup),
}

pub(crate) fn server<'a>(cx: &Context<'a>, ns: &Record) -> Server<'a> {
    let Some(name) = target::target(cx, ns) else {
        return Server::Elsewhere;
    };
    let found = target::lookup_target(cx, ns, name);
    let cut_here = |c: NameId| c == ns.owner && cx.tree().place(ns.owner) == Place::Cut;
    match found.place {
        Place::Auth => Server::InZone(name, found),
        Place::BelowCut(c) if cut_here(c) => Server::OwnGlue(name, found),
        Place::Cut if found.node.is_some_and(cut_here) => Server::OwnGlue(name, found),
        _ => Server::Elsewhere,
    }
}

/// True when `found` answers with an address, or a line that failed to parse may have been one.
pub(crate) fn has_address(cx: &Context<'_>, found: &Lookup, name: NameRef<'_>) -> bool {
    if found.node.is_some_and(|n| cx.has_address(n)) {
        return true;
    }
    let tree = cx.tree();
    // A name that is no owner can only have failed on a line whose owner was not understood.
    let id = cx.zone.names.lookup(name);
    [RType::A, RType::AAAA].into_iter().any(|t| match id {
        Some(id) => tree.failed_could_be(Some(id), t),
        None => tree.failed_with_unknown_owner(t),
    })
}
