//! The host's intake policy: what it accepts beyond what DNS allows, and the limits it applies
//! to untrusted files. Loaded from YAML with `--policy FILE`; every field has a default, so an
//! empty policy is the built-in one.

use crate::diag::Severity;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Per-rule severity overrides, by code (`ZG301: warning`) or `off` to disable.
    pub rules: BTreeMap<String, RuleSetting>,
    pub ttl: TtlPolicy,
    /// Record types the host serves; `None` means every type zonegate parses.
    pub allowed_types: Option<Vec<String>>,
    /// Names to probe in live checks beyond the built-in list (`check --live`).
    pub live_probe_names: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Error,
    Warning,
    Info,
    Off,
}

impl RuleSetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Error => Some(Severity::Error),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Off => None,
        }
    }
}

#[derive(Clone, Copy, Debug, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct TtlPolicy {
    /// Lowest TTL the host accepts without a warning.
    pub min: u32,
    /// Highest TTL the host accepts without a warning (one week by default).
    pub max: u32,
}

impl Default for TtlPolicy {
    fn default() -> Self {
        TtlPolicy {
            min: 60,
            max: 604_800,
        }
    }
}
