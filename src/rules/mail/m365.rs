//! Microsoft 365's mail records, by cloud. The MX host's first label is a token Microsoft
//! assigns per domain (`example-co-jp` today, something else tomorrow, and a different form on
//! the newer `mx.microsoft` hosts), so the rules only ever look at the suffix: they never compute
//! the host a domain "should" use.

use crate::zone::NameRef;

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

/// The cloud whose MX hosts `exchange` belongs to. Compares wire forms, without making text:
/// this runs for every MX of the zone.
pub fn cloud_of_mx(exchange: NameRef<'_>) -> Option<&'static Cloud> {
    let wire = exchange.wire();
    // A suffix `.a.b.` is the wire `\x01a\x01b\x00`; it must follow a whole label.
    // The suffix's wire form is built on the stack: this runs for every MX, from four rules.
    let ends_with = |suffix: &str| {
        // First the last label alone (`\x03com\x00`): it rules out almost every MX host.
        let last = suffix
            .trim_end_matches('.')
            .rsplit('.')
            .next()
            .unwrap_or_default();
        let Some(at) = wire.len().checked_sub(last.len() + 2) else {
            return false;
        };
        if wire[at] as usize != last.len()
            || !wire[at + 1..wire.len() - 1].eq_ignore_ascii_case(last.as_bytes())
        {
            return false;
        }
        let mut buf = [0u8; 64];
        let mut len = 0;
        let mut labels = 0;
        for l in suffix.trim_matches('.').split('.') {
            let Some(slot) = buf.get_mut(len..len + 1 + l.len()) else {
                return false;
            };
            slot[0] = l.len() as u8;
            slot[1..].copy_from_slice(l.as_bytes());
            len += 1 + l.len();
            labels += 1;
        }
        len += 1;
        let Some(tail) = buf.get(..len) else {
            return false;
        };
        wire.len() > tail.len()
            && wire[wire.len() - tail.len()..].eq_ignore_ascii_case(tail)
            && exchange.labels().count() > labels
            && {
                // The suffix starts at a label boundary.
                let mut at = 0;
                while at < wire.len() - tail.len() {
                    at += 1 + wire[at] as usize;
                }
                at == wire.len() - tail.len()
            }
    };
    CLOUDS
        .iter()
        .find(|c| c.mx_suffixes.iter().any(|s| ends_with(s)))
}

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
        assert!(cloud_of_spf_include(b"SPF.protection.outlook.com.").is_some());
    }
}
