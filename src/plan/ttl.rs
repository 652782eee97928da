//! Where the waits come from: TTLs measured live, read from the zone, or assumed from a table of
//! the parent registries' defaults.
//!
//! The table's figures are the TTLs each registry publishes on delegations (NS), on DS records
//! and in its SOA (the negative TTL, RFC 2308 §5), and how long its registry takes to publish a
//! change. Where a figure is not certain the table takes the upper end, so that an assumed wait
//! is never shorter than the real one; `plan --live` measures the real ones.

use crate::zone::NameRef;

/// The mail-retry window: RFC 5321 §4.5.4.1 says the give-up time "generally needs to be at least
/// 4-5 days"; the plan takes the upper end, 5 days, before the old mail service may go.
pub const MAIL_RETRY_WINDOW: u64 = 5 * 86_400;

/// A step whose rollback takes longer than this to take effect is a point of no return.
pub const NO_RETURN_AFTER: u64 = 3_600;

/// A parent registry's defaults.
#[derive(Clone, Copy, Debug)]
pub struct TldDefaults {
    /// The suffixes it covers, for the README table.
    pub suffix: &'static str,
    pub parent_ns: u32,
    pub ds: u32,
    /// The parent's negative TTL: how long "no DS" is cached.
    pub negative: u32,
    /// How long after the registrar's request the parent zone carries a change.
    pub registry_delay: u32,
    /// The registry's timing, for the `ns-switch` and `remove-ds` steps.
    pub timing: crate::rules::Text,
}

/// `.jp`: JPRS publishes delegations with a one-day TTL; its zone is regenerated every 15
/// minutes, except 03:00–05:00 JST, when no updates are made (JPRS, announced 2006-02-20, in
/// force since 2006-04-03). The second levels (co.jp, ne.jp, or.jp, ac.jp, ad.jp, ed.jp, go.jp,
/// gr.jp, lg.jp) and the geographic names are in the same `jp` zone, with the same figures.
pub const JP: TldDefaults = TldDefaults {
    suffix: "jp, and every name under it (co.jp, ne.jp, or.jp, ac.jp, ad.jp, ed.jp, go.jp, gr.jp, lg.jp, geographic)",
    parent_ns: 86_400,
    ds: 86_400,
    negative: 900,
    registry_delay: 900,
    timing: crate::rules::Text {
        en: "the .jp registry publishes changes about 15 minutes after it processes them, and makes no updates between 03:00 and 05:00 JST: a change made then appears after 05:00",
        ja: ".jp レジストリは処理から約 15 分後に変更を反映し、03:00〜05:00（日本時間）は更新しません。この時間帯の変更は 05:00 以降に反映されます",
    },
};

/// `.com` and `.net` (Verisign): two-day delegations, one-day DS, changes published within
/// seconds to minutes.
pub const COM_NET: TldDefaults = TldDefaults {
    suffix: "com, net",
    parent_ns: 172_800,
    ds: 86_400,
    negative: 900,
    registry_delay: 300,
    timing: crate::rules::Text {
        en: "the registry publishes changes within minutes",
        ja: "レジストリは数分以内に変更を反映します",
    },
};

/// `.org`: taken at the upper end (one day) since the figures have changed over the years.
pub const ORG: TldDefaults = TldDefaults {
    suffix: "org",
    parent_ns: 86_400,
    ds: 86_400,
    negative: 3_600,
    registry_delay: 300,
    timing: crate::rules::Text {
        en: "the registry publishes changes within minutes",
        ja: "レジストリは数分以内に変更を反映します",
    },
};

/// Anything else: two days (the longest TTL TLDs commonly put on delegations), three hours of
/// negative caching (the upper end of RFC 2308 §5's advice), an hour for the registry.
pub const FALLBACK: TldDefaults = TldDefaults {
    suffix: "any other",
    parent_ns: 172_800,
    ds: 86_400,
    negative: 10_800,
    registry_delay: 3_600,
    timing: crate::rules::Text {
        en: "the registry's publishing delay is not known; an hour is assumed",
        ja: "レジストリの反映時間が不明なため 1 時間と仮定します",
    },
};

/// Every row, for the README.
pub const TABLE: &[TldDefaults] = &[JP, COM_NET, ORG, FALLBACK];

/// The defaults for a zone's parent, by the zone's top-level label.
pub fn defaults_for(zone: NameRef<'_>) -> &'static TldDefaults {
    let tld = zone
        .labels()
        .last()
        .map(|l| String::from_utf8_lossy(l).to_ascii_lowercase())
        .unwrap_or_default();
    match tld.as_str() {
        "jp" => &JP,
        "com" | "net" => &COM_NET,
        "org" => &ORG,
        _ => &FALLBACK,
    }
}

/// Where a figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// Asked of the servers (`--live`).
    Measured,
    /// Read from the submitted zone.
    Zone,
    /// From the spec.
    Spec,
    /// From the table of registry defaults.
    Assumed,
}

impl Source {
    pub fn label(self, lang: crate::diag::Lang) -> &'static str {
        use crate::diag::Lang::*;
        match (self, lang) {
            (Source::Measured, En) => "measured",
            (Source::Zone, En) => "from the zone",
            (Source::Spec, En) => "from the spec",
            (Source::Assumed, En) => "assumed",
            (Source::Measured, Ja) => "実測",
            (Source::Zone, Ja) => "ゾーンから",
            (Source::Spec, Ja) => "仕様から",
            (Source::Assumed, Ja) => "仮定",
        }
    }
}

/// One TTL the plan waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Ttl {
    pub seconds: u32,
    pub source: Source,
}

impl Ttl {
    pub fn new(seconds: u32, source: Source) -> Self {
        Ttl { seconds, source }
    }
}

/// The TTLs a plan depends on, with their sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Ttls {
    /// The delegation's NS TTL at the parent.
    pub parent_ns: Ttl,
    /// The apex NS TTL at the current host.
    pub child_ns: Ttl,
    /// The apex MX TTL at the current host (absent when the zone has no MX).
    pub mx: Option<Ttl>,
    /// How long "no such name" is cached for the zone: min(SOA TTL, MINIMUM) (RFC 2308 §5).
    pub negative: Ttl,
    /// The DS TTL at the parent.
    pub ds: Ttl,
    /// How long "no DS" is cached at the parent.
    pub parent_negative: Ttl,
    /// How long the registry takes to publish a change.
    pub registry_delay: Ttl,
    pub lowered: Ttl,
}

/// A duration for people: `86400 s (1 d)`, `87300 s (1 d 15 min)`, `300 s (5 min)`.
pub fn human(seconds: u64, lang: crate::diag::Lang) -> String {
    use crate::diag::Lang::*;
    let units: [(u64, &str, &str); 4] = [
        (86_400, "d", "日"),
        (3_600, "h", "時間"),
        (60, "min", "分"),
        (1, "s", "秒"),
    ];
    let mut parts = Vec::new();
    let mut rest = seconds;
    for (size, en, ja) in units {
        let n = rest / size;
        rest %= size;
        if n > 0 {
            parts.push(match lang {
                En => format!("{n} {en}"),
                Ja => format!("{n} {ja}"),
            });
        }
    }
    if seconds < 60 {
        return match lang {
            En => format!("{seconds} s"),
            Ja => format!("{seconds} 秒"),
        };
    }
    match lang {
        En => format!("{seconds} s ({})", parts.join(" ")),
        Ja => format!("{seconds} 秒（{}）", parts.join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Lang;
    use crate::zone::OwnedName;

    #[test]
    fn jp_second_levels_share_the_jp_figures() {
        for zone in [
            "example.jp.",
            "example.co.jp.",
            "example.tokyo.jp.",
            "EXAMPLE.NE.JP.",
        ] {
            let z = OwnedName::from_text(zone).unwrap();
            assert_eq!(defaults_for(z.as_ref()).parent_ns, 86_400, "{zone}");
        }
        let com = OwnedName::from_text("example.com.").unwrap();
        assert_eq!(defaults_for(com.as_ref()).parent_ns, 172_800);
        let other = OwnedName::from_text("example.test.").unwrap();
        assert_eq!(defaults_for(other.as_ref()).suffix, FALLBACK.suffix);
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human(86_400, Lang::En), "86400 s (1 d)");
        assert_eq!(human(518_400, Lang::En), "518400 s (6 d)");
        assert_eq!(human(87_300, Lang::En), "87300 s (1 d 15 min)");
        assert_eq!(human(5_400, Lang::En), "5400 s (1 h 30 min)");
        assert_eq!(human(300, Lang::En), "300 s (5 min)");
        assert_eq!(human(301, Lang::Ja), "301 秒（5 分 1 秒）");
        assert_eq!(human(59, Lang::Ja), "59 秒");
        assert_eq!(human(0, Lang::En), "0 s");
    }
}
