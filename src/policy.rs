//! The host's intake policy: what it accepts beyond what DNS allows, and the limits it applies
//! to untrusted files. Loaded from YAML with `--policy FILE`; every field has a default, so an
//! empty policy is the built-in one.
//!
//! ```yaml
//! rules:                 # by code, code prefix or rule name: error, warning, info or off
//!   ZG301: warning
//!   ZG512: off
//!   spf-ptr-mechanism: error
//! ttl: { min: 60, max: 604800 }
//! allowed_types: [A, AAAA, CNAME, MX, TXT, SRV, CAA]
//! include_dir: includes/ # relative to this file
//! limits: { max_file_size: 16777216, max_generate: 1000 }
//! fail_on: warning
//! host:                  # what the host puts at the apex (ZG704)
//!   nameservers: [ns1.dns-host.jp., ns2.dns-host.jp.]
//!   soa: { mname: ns1.dns-host.jp., rname: hostmaster.dns-host.jp. }
//! ```
//!
//! Loading is pure ([`Policy::from_yaml`]); reading the file is the command line's job. Every
//! fault — bad YAML, an unknown field, a bad value, a code no rule has — is reported with its
//! line and column, so the operator can fix the file without guessing.

use crate::diag::{Lang, Severity};
use crate::zone::{OwnedName, RType};
use serde::de::{self, Deserializer};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::num::{NonZeroU64, NonZeroUsize};
use std::path::PathBuf;

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Per-rule settings by code (`ZG301`), prefix (`ZG5`) or name: a severity, or `off`.
    pub rules: BTreeMap<RuleKey, RuleSetting>,
    pub ttl: TtlPolicy,
    /// Record types the host serves; `None` means every type zonegate parses. SOA and NS are
    /// always allowed: every zone has them, and the host rewrites the apex ones.
    pub allowed_types: Option<Vec<TypeName>>,
    /// The directory `$INCLUDE` may read from (`--allow-include` wins); relative paths are
    /// resolved against the policy file's directory when it is loaded.
    pub include_dir: Option<PathBuf>,
    pub limits: Limits,
    /// Reject files with findings at least this severe (`--fail-on` wins).
    pub fail_on: Option<Severity>,
    /// The apex records the host serves instead of the customer's (ZG704).
    pub host: Option<HostPolicy>,
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

#[derive(Clone, Copy, Debug, serde::Serialize)]
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

impl<'de> serde::Deserialize<'de> for TtlPolicy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(default, deny_unknown_fields)]
        struct Raw {
            min: u32,
            max: u32,
        }
        impl Default for Raw {
            fn default() -> Self {
                let t = TtlPolicy::default();
                Raw {
                    min: t.min,
                    max: t.max,
                }
            }
        }
        let raw = Raw::deserialize(d)?;
        if raw.min > raw.max {
            let (min, max) = (raw.min, raw.max);
            return Err(de::Error::custom(msg(
                format!("ttl.min ({min}) is above ttl.max ({max})"),
                format!("ttl.min（{min}）が ttl.max（{max}）を超えています"),
            )));
        }
        Ok(TtlPolicy {
            min: raw.min,
            max: raw.max,
        })
    }
}

/// Limits for untrusted files; each one a default that the matching `--max-*` flag overrides.
#[derive(Clone, Copy, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    pub max_file_size: Option<NonZeroU64>,
    pub max_line_length: Option<NonZeroUsize>,
    pub max_token_length: Option<NonZeroUsize>,
    pub max_fields: Option<NonZeroUsize>,
    pub max_generate: Option<u64>,
    pub max_include_depth: Option<usize>,
    pub max_diagnostics: Option<usize>,
}

/// The host's own apex records, to list what intake will change (ZG704).
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct HostPolicy {
    pub nameservers: Vec<DomainName>,
    pub soa: Option<HostSoa>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct HostSoa {
    pub mname: Option<DomainName>,
    pub rname: Option<DomainName>,
    pub refresh: Option<u32>,
    pub retry: Option<u32>,
    pub expire: Option<u32>,
    pub minimum: Option<u32>,
}

/// A rule code, code prefix or `ALL`, stored upper case; a rule name is stored as its code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct RuleKey(pub String);

impl<'de> serde::Deserialize<'de> for RuleKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.eq_ignore_ascii_case("ALL") {
            return Ok(RuleKey("ALL".into()));
        }
        let upper = text.to_ascii_uppercase();
        if crate::rules::registry::RULES
            .iter()
            .any(|r| crate::diag::matches_code(&upper, r.code))
            && upper.starts_with("ZG")
        {
            return Ok(RuleKey(upper));
        }
        if let Some(rule) = crate::rules::find(&text) {
            return Ok(RuleKey(rule.code.to_owned()));
        }
        let shown = crate::diag::escape(&text).into_owned();
        Err(de::Error::custom(msg(
            format!("no rule matches `{shown}`; see `zonegate rules`"),
            format!("`{shown}` に一致するルールがありません。`zonegate rules` を参照してください"),
        )))
    }
}

/// A record type mnemonic (`MX`) or `TYPEnnn`, checked when the policy is read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct TypeName(pub String);

impl TypeName {
    pub fn rtype(&self) -> RType {
        RType::from_name(&self.0).expect("checked when the policy was read")
    }
}

impl<'de> serde::Deserialize<'de> for TypeName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match RType::from_name(&text) {
            Some(_) => Ok(TypeName(text)),
            None => {
                let shown = crate::diag::escape(&text).into_owned();
                Err(de::Error::custom(msg(
                    format!("`{shown}` is not a record type"),
                    format!("`{shown}` はレコードタイプではありません"),
                )))
            }
        }
    }
}

/// An absolute domain name, the trailing dot optional.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainName(pub OwnedName);

impl serde::Serialize for DomainName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for DomainName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        OwnedName::from_text(&text).map(DomainName).map_err(|_| {
            let shown = crate::diag::escape(&text).into_owned();
            de::Error::custom(msg(
                format!("`{shown}` is not a domain name"),
                format!("`{shown}` はドメイン名ではありません"),
            ))
        })
    }
}

/// A fault in a policy file, with its place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct PolicyError {
    /// 1-based; 0 when the fault has no place (an empty document, say).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

thread_local! {
    /// The language of messages made while deserialising: serde's `Deserialize` has no way to
    /// carry it, and the policy is read on one thread.
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

fn msg(en: String, ja: String) -> String {
    match LANG.with(Cell::get) {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

impl Policy {
    /// Parses a policy. Errors carry the line and column of the fault.
    pub fn from_yaml(text: &str, lang: Lang) -> Result<Policy, PolicyError> {
        LANG.with(|l| l.set(lang));
        // An empty file (or one with only comments) is the built-in policy.
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Policy::default());
        }
        let result = serde_yaml::from_str::<Policy>(text);
        LANG.with(|l| l.set(Lang::En));
        result.map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            let mut message = e.to_string();
            // yaml_serde appends " at line N column M"; the place goes in front instead.
            if let Some(at) = message.find(" at line ") {
                let tail = &message[at + " at line ".len()..];
                let end = tail
                    .find(|c: char| !(c.is_ascii_digit() || c == ' ' || c.is_ascii_alphabetic()))
                    .map_or(tail.len(), |i| i);
                message.replace_range(at..at + " at line ".len() + end, "");
            }
            PolicyError {
                line,
                column,
                message: crate::diag::escape(&message).into_owned(),
            }
        })
    }

    /// The allowed types, or `None` when every type is.
    pub fn allowed_rtypes(&self) -> Option<Vec<RType>> {
        self.allowed_types
            .as_ref()
            .map(|types| types.iter().map(TypeName::rtype).collect())
    }

    /// The rule settings as (pattern, severity or `None` for off), for [`crate::diag::RuleFilter`].
    pub fn rule_settings(&self) -> Vec<(String, Option<Severity>)> {
        self.rules
            .iter()
            .map(|(k, v)| (k.0.clone(), v.severity()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_policy() {
        let p = Policy::from_yaml(
            "rules:\n  ZG501: warning\n  zg5: off\n  spf-ptr-mechanism: error\n\
             ttl: { min: 30, max: 86400 }\nallowed_types: [A, AAAA, MX, TXT]\n\
             include_dir: inc\nlimits: { max_file_size: 1000, max_generate: 10 }\n\
             fail_on: warning\nhost: { nameservers: [ns1.host.jp, ns2.host.jp.] }\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!(p.rules.len(), 3);
        assert_eq!(p.rules[&RuleKey("ZG5".into())], RuleSetting::Off);
        assert_eq!(p.rules[&RuleKey("ZG510".into())], RuleSetting::Error);
        assert_eq!(p.ttl.max, 86400);
        assert_eq!(p.allowed_rtypes().unwrap()[2], RType::MX);
        assert_eq!(p.limits.max_file_size.map(|n| n.get()), Some(1000));
        assert_eq!(p.fail_on, Some(Severity::Warning));
        assert_eq!(p.host.unwrap().nameservers[0].0.to_string(), "ns1.host.jp.");
    }

    /// The example in README.md is a policy that loads.
    #[test]
    fn readme_example_parses() {
        let readme = include_str!("../README.md");
        let section = &readme[readme.find("### Intake policy").unwrap()..];
        let start = section.find("```yaml\n").unwrap() + "```yaml\n".len();
        let end = start + section[start..].find("```").unwrap();
        let p = Policy::from_yaml(&section[start..end], Lang::En).unwrap();
        assert!(p.host.is_some() && p.limits.max_diagnostics == Some(500));
    }

    #[test]
    fn empty_policy_is_the_default() {
        let p = Policy::from_yaml("# nothing here\n\n", Lang::En).unwrap();
        assert!(p.rules.is_empty() && p.allowed_types.is_none());
        assert_eq!(p.ttl.max, 604_800);
    }

    #[test]
    fn errors_have_line_and_column() {
        let e = Policy::from_yaml("rules:\n  ZG501: warning\nruls: {}\n", Lang::En).unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        assert!(e.message.contains("unknown field `ruls`"), "{e}");
        assert!(!e.message.contains("at line"), "{e}");

        let e = Policy::from_yaml("rules:\n  ZG999: off\n", Lang::En).unwrap_err();
        assert_eq!((e.line, e.column), (2, 3), "{e}");
        assert!(e.message.contains("no rule matches `ZG999`"), "{e}");

        let e = Policy::from_yaml("rules:\n  ZG001: loud\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("loud"), "{e}");

        let e = Policy::from_yaml("allowed_types: [A, AAA]\n", Lang::Ja).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.contains("レコードタイプではありません"), "{e}");

        let e = Policy::from_yaml("limits:\n  max_fields: 0\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 2, "{e}");

        let e = Policy::from_yaml("ttl: {min: 10, max: 5}\n", Lang::En).unwrap_err();
        assert!(e.message.contains("ttl.min"), "{e}");

        let e = Policy::from_yaml("rules: [\n", Lang::En).unwrap_err();
        assert!(e.line >= 1, "{e}");
    }
}
