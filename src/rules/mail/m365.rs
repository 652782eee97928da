//! Microsoft 365's mail records, by cloud. The MX host's first label is a token Microsoft
//! assigns per domain (`example-co-jp` today, something else tomorrow, and a different form on
//! the newer `mx.microsoft` hosts), so the rules only ever look at the suffix: they never compute
//! the host a domain "should" use.

use crate::rules::Context;
use crate::zone::rdata::view;
use crate::zone::{NameRef, RType, Record};

#[derive(Debug)]
pub struct Cloud {
    pub name: &'static str,
    /// MX host suffixes, lowercase, with the final dot.
    pub mx_suffixes: &'static [&'static str],
    /// The SPF include that authorises Microsoft's outbound servers.
    pub spf_include: &'static str,
    /// Where `autodiscover` should point.
    pub autodiscover: &'static str,
}

pub static CLOUDS: &[Cloud] = &[
    Cloud {
        name: "Microsoft 365",
        mx_suffixes: &[".mail.protection.outlook.com.", ".mx.microsoft."],
        spf_include: "spf.protection.outlook.com",
        autodiscover: "autodiscover.outlook.com.",
    },
    Cloud {
        name: "Microsoft 365 operated by 21Vianet",
        mx_suffixes: &[".mail.protection.partner.outlook.cn."],
        spf_include: "spf.protection.partner.outlook.cn",
        autodiscover: "autodiscover.partner.outlook.cn.",
    },
    Cloud {
        name: "Microsoft 365 GCC High",
        mx_suffixes: &[".mail.protection.office365.us."],
        spf_include: "spf.protection.office365.us",
        autodiscover: "autodiscover.office365.us.",
    },
];

/// The MX records of a zone that the mail rules single out, found in one pass over the MX
/// records (see [`special_mxs`]).
#[derive(Debug, Default)]
pub struct SpecialMxs {
    /// MX records whose host is one of a cloud's, with the cloud, in file order.
    pub cloud: Vec<(u32, &'static Cloud)>,
    /// Owners with such an MX, one flag per name id (empty when there is none).
    pub cloud_owners: crate::rules::NameSet,
    /// Null MX records (RFC 7505: the host is the root), in file order.
    pub null: Vec<u32>,
}

/// The zone's cloud and null MX records, worked out on first use.
pub fn special_mxs<'c>(cx: &'c Context<'_>) -> &'c SpecialMxs {
    cx.memo.special_mxs.get_or_init(|| {
        let mut found = SpecialMxs::default();
        for &i in cx.index.of_type(cx.zone, RType::MX) {
            let Some(mx) = view::mx(cx.zone.rdata(&cx.zone.records[i as usize])) else {
                continue;
            };
            if mx.exchange.is_root() {
                found.null.push(i);
            } else if let Some(cloud) = cloud_of_mx(mx.exchange) {
                found.cloud.push((i, cloud));
            }
        }
        // A flag per name only for the zones that need one: most have no cloud MX.
        if !found.cloud.is_empty() {
            found.cloud_owners = crate::rules::NameSet::new(cx.zone.names.len());
            for &(i, _) in &found.cloud {
                found.cloud_owners.insert(cx.zone.records[i as usize].owner);
            }
        }
        found
    })
}

/// The MX records whose host is one of a cloud's, with the cloud, in file order.
pub fn cloud_mxs<'c, 'a>(
    cx: &'c Context<'a>,
) -> impl Iterator<Item = (&'a Record, &'static Cloud)> + 'c {
    let zone = cx.zone;
    special_mxs(cx)
        .cloud
        .iter()
        .map(move |&(i, cloud)| (&zone.records[i as usize], cloud))
}

/// The cloud whose MX hosts `exchange` belongs to. Compares wire forms, without making text:
/// this runs for every MX of the zone (in [`special_mxs`]).
pub fn cloud_of_mx(exchange: NameRef<'_>) -> Option<&'static Cloud> {
    let wire = exchange.wire();
    MX_TAILS.iter().find_map(|(tail, cloud)| {
        // A suffix `.a.b.` is the wire `\x01a\x01b\x00`, after at least one whole label.
        let cut = wire.len().checked_sub(tail.len()).filter(|&c| c > 0)?;
        if !wire[cut..].eq_ignore_ascii_case(tail) {
            return None;
        }
        let mut at = 0;
        while at < cut {
            at += 1 + wire[at] as usize;
        }
        (at == cut).then_some(*cloud)
    })
}

/// Every cloud's MX host suffixes in wire form, in the order of [`CLOUDS`].
static MX_TAILS: std::sync::LazyLock<Vec<(Vec<u8>, &'static Cloud)>> =
    std::sync::LazyLock::new(|| {
        CLOUDS
            .iter()
            .flat_map(|c| c.mx_suffixes.iter().map(move |s| (s, c)))
            .map(|(s, c)| {
                let mut wire = Vec::new();
                for l in s.trim_matches('.').split('.') {
                    wire.push(l.len() as u8);
                    wire.extend_from_slice(l.as_bytes());
                }
                wire.push(0);
                (wire, c)
            })
            .collect()
    });

/// The cloud whose SPF include `domain` is (final dot optional, case ignored).
pub fn cloud_of_spf_include(domain: &[u8]) -> Option<&'static Cloud> {
    let d = domain.strip_suffix(b".").unwrap_or(domain);
    CLOUDS
        .iter()
        .find(|c| c.spf_include.as_bytes().eq_ignore_ascii_case(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_microsoft_mx_hosts_by_suffix_only() {
        let n = |s: &str| crate::zone::OwnedName::from_text(s).unwrap();
        let c = cloud_of_mx(n("Example-co-jp.mail.protection.outlook.com.").as_ref());
        assert_eq!(c.map(|c| c.spf_include), Some("spf.protection.outlook.com"));
        assert!(cloud_of_mx(n("example-co-jp.o-v1.mx.microsoft.").as_ref()).is_some());
        assert!(cloud_of_mx(n("mail.protection.outlook.com.").as_ref()).is_none());
        assert!(cloud_of_mx(n("mx.example.jp.").as_ref()).is_none());
        // Only after a whole label: `xmail` is not `mail`.
        assert!(cloud_of_mx(n("a.xmail.protection.outlook.com.").as_ref()).is_none());
        assert!(cloud_of_mx(n("a.b.MAIL.protection.outlook.COM.").as_ref()).is_some());
        let cn = cloud_of_mx(n("x.mail.protection.partner.outlook.cn.").as_ref());
        assert_eq!(
            cn.map(|c| c.name),
            Some("Microsoft 365 operated by 21Vianet")
        );
        assert!(cloud_of_spf_include(b"SPF.protection.outlook.com.").is_some());
    }
}
