//! Domain endings that tell a name written without its final dot was meant to be absolute.
//!
//! `lb.webhost.com` written in zone `example.co.jp` means `lb.webhost.com.example.co.jp.`:
//! nobody names a host in their own zone `….com`, so a relative name that ends in a top-level
//! domain, or in a well-known provider's domain, almost certainly lost its trailing dot. The
//! lists are short on purpose: they only have to recognise what customers point at.
//!
//! - Country-code TLDs: every two-letter ASCII TLD in the ICANN section of the Public Suffix
//!   List (<https://publicsuffix.org/list/>), which is the ISO 3166 set in the root zone plus
//!   `ac`, `eu`, `su`, `uk`.
//! - Generic TLDs: the legacy ones and the new ones customers' providers use most.
//! - Japanese second-level domains (JPRS): named in messages as the ending (`co.jp`).
//! - Providers: mail, CDN and hosting domains that customers' CNAME and MX records point to.

/// Two-letter country-code TLDs, sorted.
pub const CC_TLDS: &[&str] = &[
    "ac", "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax",
    "az", "ba", "bb", "be", "bf", "bg", "bh", "bi", "bj", "bm", "bn", "bo", "br", "bs", "bt", "bv",
    "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "cl", "cm", "cn", "co", "cr", "cu",
    "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee", "eg", "es", "et",
    "eu", "fi", "fj", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf", "gg", "gh", "gi", "gl", "gm",
    "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm", "hn", "hr", "ht", "hu", "id",
    "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jo", "jp", "ke", "kg", "ki", "km",
    "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc", "li", "lk", "lr", "ls", "lt", "lu", "lv",
    "ly", "ma", "mc", "md", "me", "mg", "mh", "mk", "ml", "mn", "mo", "mp", "mq", "mr", "ms", "mt",
    "mu", "mv", "mw", "mx", "my", "mz", "na", "nc", "ne", "nf", "ng", "ni", "nl", "no", "nr", "nu",
    "nz", "om", "pa", "pe", "pf", "ph", "pk", "pl", "pm", "pn", "pr", "ps", "pt", "pw", "py", "qa",
    "re", "ro", "rs", "ru", "rw", "sa", "sb", "sc", "sd", "se", "sg", "sh", "si", "sj", "sk", "sl",
    "sm", "sn", "so", "sr", "ss", "st", "su", "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg", "th",
    "tj", "tk", "tl", "tm", "tn", "to", "tr", "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy",
    "uz", "va", "vc", "ve", "vg", "vi", "vn", "vu", "wf", "ws", "ye", "yt", "zm", "zw",
];

/// Generic TLDs customers' targets end in, sorted.
pub const GENERIC_TLDS: &[&str] = &[
    "aero", "app", "arpa", "asia", "biz", "blog", "cloud", "club", "com", "coop", "design", "dev",
    "edu", "email", "gov", "info", "int", "jobs", "link", "live", "mil", "mobi", "museum",
    "nagoya", "name", "net", "network", "news", "online", "org", "osaka", "page", "pro", "shop",
    "site", "space", "store", "tech", "tel", "tokyo", "top", "travel", "website", "work", "xyz",
    "yokohama",
];

/// Second-level domains under `jp` (JPRS attribute-type and general-use).
pub const JP_SLDS: &[&str] = &["ac", "ad", "co", "ed", "go", "gr", "lg", "ne", "or"];

/// Well-known provider domains, most specific first, with what they are.
pub const PROVIDERS: &[(&str, Provider)] = &[
    ("mail.protection.outlook.com", Provider::Mail),
    ("protection.outlook.com", Provider::Mail),
    ("onmicrosoft.com", Provider::Mail),
    ("outlook.com", Provider::Mail),
    ("office365.com", Provider::Mail),
    ("microsoftonline.com", Provider::Service),
    ("lync.com", Provider::Service),
    ("teams.microsoft.com", Provider::Service),
    ("zendesk.com", Provider::Service),
    ("salesforce.com", Provider::Service),
    ("googlemail.com", Provider::Mail),
    ("google.com", Provider::Mail),
    ("gmail.com", Provider::Mail),
    ("amazonses.com", Provider::Mail),
    ("sendgrid.net", Provider::Mail),
    ("mailgun.org", Provider::Mail),
    ("cloudfront.net", Provider::Cdn),
    ("akamaiedge.net", Provider::Cdn),
    ("akamai.net", Provider::Cdn),
    ("edgekey.net", Provider::Cdn),
    ("edgesuite.net", Provider::Cdn),
    ("cloudflare.net", Provider::Cdn),
    ("fastly.net", Provider::Cdn),
    ("azureedge.net", Provider::Cdn),
    ("amazonaws.com", Provider::Hosting),
    ("azurewebsites.net", Provider::Hosting),
    ("cloudapp.net", Provider::Hosting),
    ("trafficmanager.net", Provider::Hosting),
    ("herokuapp.com", Provider::Hosting),
    ("herokudns.com", Provider::Hosting),
    ("github.io", Provider::Hosting),
    ("netlify.app", Provider::Hosting),
    ("vercel-dns.com", Provider::Hosting),
    ("myshopify.com", Provider::Hosting),
    ("ghs.googlehosted.com", Provider::Hosting),
    ("sakura.ne.jp", Provider::Hosting),
    ("xserver.jp", Provider::Hosting),
    ("lolipop.jp", Provider::Hosting),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    Mail,
    Cdn,
    Hosting,
    /// Other well-known online services (Microsoft 365's Teams/Skype endpoints, help desks...).
    Service,
}

/// True when `label` is a TLD in the lists (compared without case).
pub fn is_tld(label: &[u8]) -> bool {
    // This runs for every label of every relative target: the label is packed into one integer
    // and looked up in a sorted table of the lists, packed the same way.
    packed(label).is_some_and(|key| TLD_KEYS.binary_search(&key).is_ok())
}

/// Every TLD of the lists, packed by [`packed`], sorted.
static TLD_KEYS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<u64> = CC_TLDS
        .iter()
        .chain(GENERIC_TLDS)
        .filter_map(|t| packed(t.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys
});

/// A label of 2 to 8 octets, lowercased, as one big-endian integer (no TLD in the lists is
/// longer than 8 letters). A label holding a zero octet is refused (no TLD does), so that
/// distinct labels pack to distinct integers: `co\0` must not pack to what `co` does.
fn packed(label: &[u8]) -> Option<u64> {
    if !(2..=8).contains(&label.len()) || label.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 8];
    buf[..label.len()].copy_from_slice(label);
    buf.make_ascii_lowercase();
    Some(u64::from_be_bytes(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lowercase_and_complete_enough() {
        for list in [CC_TLDS, GENERIC_TLDS, JP_SLDS] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
        }
        assert!(CC_TLDS.len() >= 238, "{}", CC_TLDS.len());
        for tld in [
            "jp", "uk", "de", "cn", "eu", "io", "COM", "net", "org", "info", "biz",
        ] {
            assert!(is_tld(tld.as_bytes()), "{tld}");
        }
        for not in [
            "example", "aa", "zz", "local", "corp", "co\0", "c\0m", "x", "websites",
        ] {
            assert!(!is_tld(not.as_bytes()), "{not}");
        }
        assert!(
            GENERIC_TLDS
                .iter()
                .chain(CC_TLDS)
                .all(|t| (2..=8).contains(&t.len()))
        );
        for (p, _) in PROVIDERS {
            assert_eq!(*p, p.to_ascii_lowercase());
        }
    }
}
