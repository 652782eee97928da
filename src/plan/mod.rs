//! Cutover plans (`zonegate plan`): the ordered steps that move a zone to a new DNS host, and
//! optionally its mail to a new service, with the waits, checks, rollbacks and record diffs
//! an operator follows.
//!
//! Everything here is pure: the zone (already checked), the [`spec::Spec`] and, with `--live`,
//! what was [`Observed`] go in; a [`Plan`] comes out. The network side lives in
//! [`crate::live`] and `zonegate verify`.
//!
//! # The model
//!
//! Records live in three places, and each step changes one of them:
//!
//! - the **current host** serves the submitted zone today (its apex NS and mail records as
//!   observed, when `--live` observed them);
//! - the **new host** is loaded with the submitted zone, its apex NS replaced by the spec's
//!   nameservers and the SOA MNAME by the first of them, the mail records as they are today;
//! - the **parent** holds the delegation: NS, glue for nameservers inside the zone, and DS.
//!
//! The records that will change (apex NS, and with a mail switch MX, the SPF TXT RRset and
//! autodiscover) run at the lowered TTL from `lower-ttl` until `restore-ttl`.

pub mod records;
pub mod render;
pub mod spec;
pub mod ttl;

use crate::diag::{Diagnostic, Lang, escape};
use crate::rules::plan as r;
use crate::source::{FileId, Sources};
use crate::tr;
use crate::zone::rdata::view;
use crate::zone::{NameRef, OwnedName, RType, Zone};
use records::{Rr, mx_rdata, name_rdata, render as render_records, txt_rdata, unified};
use sha2::Digest;
use spec::{MailActor, Seg, Spec};
use ttl::{Source, Ttl, Ttls};

/// The steps, in order. Ids are stable: scripts and `verify --step` name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepId {
    Preflight,
    LowerTtl,
    RemoveDs,
    Provision,
    NsSwitch,
    MxSwitch,
    RestoreTtl,
    Decommission,
}

impl StepId {
    pub const ALL: [StepId; 8] = [
        StepId::Preflight,
        StepId::LowerTtl,
        StepId::RemoveDs,
        StepId::Provision,
        StepId::NsSwitch,
        StepId::MxSwitch,
        StepId::RestoreTtl,
        StepId::Decommission,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepId::Preflight => "preflight",
            StepId::LowerTtl => "lower-ttl",
            StepId::RemoveDs => "remove-ds",
            StepId::Provision => "provision",
            StepId::NsSwitch => "ns-switch",
            StepId::MxSwitch => "mx-switch",
            StepId::RestoreTtl => "restore-ttl",
            StepId::Decommission => "decommission",
        }
    }

    pub fn parse(text: &str) -> Option<StepId> {
        StepId::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl std::fmt::Display for StepId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who carries a step out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The domain's owner (at the current DNS host, or the mail service).
    Customer,
    /// The new DNS host.
    Operator,
    /// The registrar, which sends the change to the registry.
    Registrar,
}

impl Actor {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Actor::Customer, Lang::En) => "customer",
            (Actor::Operator, Lang::En) => "operator",
            (Actor::Registrar, Lang::En) => "registrar",
            (Actor::Customer, Lang::Ja) => "お客様",
            (Actor::Operator, Lang::Ja) => "事業者",
            (Actor::Registrar, Lang::Ja) => "レジストラ",
        }
    }
}

/// One step. Every text is in English and in Japanese (`*_ja`), so the plan and its hash are
/// the same whichever language it is read in.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Step {
    pub id: StepId,
    pub title: String,
    pub title_ja: String,
    pub actor: Actor,
    /// What to do.
    pub action: String,
    pub action_ja: String,
    /// The wait after this step before the next may start.
    pub wait_seconds: u64,
    /// The TTL (or delay) the wait comes from, and where that figure came from.
    pub wait_reason: String,
    pub wait_reason_ja: String,
    /// What shows the step holds.
    pub verify: String,
    pub verify_ja: String,
    /// Whether `zonegate verify --step ID` checks it.
    pub verifiable: bool,
    pub rollback: String,
    pub rollback_ja: String,
    /// How long the rollback takes to take effect everywhere; `null` when the operator cannot
    /// roll it back.
    pub rollback_seconds: Option<u64>,
    /// The rollback takes more than an hour to take effect, or cannot be done.
    pub point_of_no_return: bool,
    pub notes: Vec<String>,
    pub notes_ja: Vec<String>,
    /// The records before and after, as a unified diff of `zonegate fmt` lines.
    pub diff: Option<String>,
    /// The exact reverse of `diff`.
    pub rollback_diff: Option<String>,
}

/// A cutover plan.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Plan {
    /// The JSON schema's version.
    pub version: u32,
    pub zone: String,
    /// SHA-256 of the plan's canonical JSON without this field (see [`Plan::digest`]).
    pub sha256: String,
    /// TTLs were measured (`--live`) where they could be.
    pub live: bool,
    /// The plan was made despite errors in the zone (`--force`).
    pub forced: bool,
    /// The parent registry whose defaults were assumed where nothing was measured.
    pub registry: &'static str,
    pub ttls: Ttls,
    pub points_of_no_return: Vec<StepId>,
    pub steps: Vec<Step>,
    /// The records at each place between the steps, for `verify` and the tests (not part of
    /// the JSON, which has them as diffs).
    #[serde(skip)]
    pub states: States,
}

/// The record sets the steps move between.
#[derive(Clone, Debug, Default)]
pub struct States {
    /// The current host, today.
    pub old: Vec<Rr>,
    /// The current host with the TTLs lowered.
    pub old_lowered: Vec<Rr>,
    /// The new host as provisioned.
    pub new: Vec<Rr>,
    /// The new host after the mail switch.
    pub switched: Vec<Rr>,
    /// The new host with the TTLs restored.
    pub restored: Vec<Rr>,
    /// The delegation today, without its DS, and after the switch.
    pub parent_old: Vec<Rr>,
    pub parent_no_ds: Vec<Rr>,
    pub parent_new: Vec<Rr>,
    /// The RRsets that change (and run at the lowered TTL).
    pub changing: Vec<(OwnedName, RType)>,
}

impl States {
    /// The records before and after a step, where the step changes records.
    pub fn around(&self, id: StepId) -> Option<(&[Rr], &[Rr])> {
        Some(match id {
            StepId::LowerTtl => (&self.old, &self.old_lowered),
            StepId::RemoveDs => (&self.parent_old, &self.parent_no_ds),
            StepId::Provision => (&[], &self.new),
            StepId::NsSwitch => (&self.parent_no_ds, &self.parent_new),
            StepId::MxSwitch => (&self.new, &self.switched),
            StepId::RestoreTtl => (&self.switched, &self.restored),
            StepId::Preflight | StepId::Decommission => return None,
        })
    }
}

impl Plan {
    /// The SHA-256 of the plan's canonical JSON with `sha256` left out: keys sorted, no
    /// whitespace (RFC 8785's form for data without floating-point numbers). Anyone can recompute
    /// it from the JSON output: drop `sha256`, sort keys, serialise compactly, hash.
    pub fn digest(&self) -> String {
        let mut value = serde_json::to_value(self).expect("a plan serialises");
        if let Some(map) = value.as_object_mut() {
            map.remove("sha256");
        }
        // serde_json's Map is ordered by key (no `preserve_order`), so this is canonical.
        let canonical = serde_json::to_string(&value).expect("a value serialises");
        data_encoding::HEXLOWER.encode(&sha2::Sha256::digest(canonical.as_bytes()))
    }

    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }
}

/// What `--live` found. Every field is optional: what could not be measured is taken from the
/// zone or the registry table, and marked so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    pub parent_ns_ttl: Option<u32>,
    pub child_ns_ttl: Option<u32>,
    pub mx_ttl: Option<u32>,
    pub negative_ttl: Option<u32>,
    pub ds_ttl: Option<u32>,
    /// The delegation's NS set at the parent.
    pub current_ns: Option<Vec<OwnedName>>,
    /// DS data at the parent (`Some(empty)`: the parent has none).
    pub parent_ds: Option<Vec<Vec<u8>>>,
    /// The mail records served today.
    pub current_mail: Option<MailRecords>,
}

/// Mail records at one place: the apex MX RRset, the SPF TXT record, and whatever is at
/// `autodiscover.ZONE` (CNAME, A, AAAA), as wire data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailRecords {
    pub mx: Vec<Vec<u8>>,
    pub spf: Option<Vec<u8>>,
    pub autodiscover: Vec<(RType, Vec<u8>)>,
}

/// What the plan is made from.
pub struct Inputs<'a> {
    pub zone: &'a Zone,
    pub spec: &'a Spec,
    pub observed: Option<&'a Observed>,
    /// `--force` was given and the zone has errors.
    pub forced_errors: Option<u64>,
}

/// The plan-phase findings about the spec against the zone (ZG911–ZG914), positioned in the
/// spec file.
pub fn cross_check(
    sources: &Sources,
    spec_file: FileId,
    zone: &Zone,
    spec: &Spec,
    observed: Option<&Observed>,
    lang: Lang,
) -> Vec<Diagnostic> {
    let text = &sources.get(spec_file).text;
    let at = |path: &[Seg]| spec::locate(text, spec_file, path);
    let mut out = Vec::new();
    let apex = zone.apex();
    if !spec.zone.as_ref().eq_ignore_case(apex) {
        let (s, z) = (spec.zone.to_string(), apex.to_string());
        let (s, z) = (escape(&s), escape(&z));
        out.push(
            Diagnostic::new(
                &r::SPEC_ZONE_MISMATCH,
                at(&[Seg::Key("zone")]),
                tr!(
                    lang,
                    "the spec is for `{s}` but the zone file is `{z}`",
                    "仕様は `{s}` 用ですが、ゾーンファイルは `{z}` です"
                ),
            )
            .help(tr!(
                lang,
                "give the spec and the zone file of the same domain",
                "同じドメインの仕様とゾーンファイルを指定してください"
            )),
        );
        return out;
    }
    let rrs = records::from_zone(zone);
    for (i, ns) in spec.nameservers.iter().enumerate() {
        let inside = ns.name.as_ref().is_subdomain_of(apex);
        let in_zone_address = rrs
            .iter()
            .any(|r| r.is(ns.name.as_ref(), RType::A) || r.is(ns.name.as_ref(), RType::AAAA));
        if inside && ns.addresses.is_empty() && !in_zone_address {
            let name = ns.name.to_string();
            let name = escape(&name);
            let path = [Seg::Key("nameservers"), Seg::Index(i)];
            out.push(
                Diagnostic::new(
                    &r::NAMESERVER_ADDRESS_MISSING,
                    at(&path),
                    tr!(
                        lang,
                        "nameserver `{name}` is inside the zone but has no address for its glue",
                        "ネームサーバー `{name}` はゾーン内にありますが、グルー用のアドレスがありません"
                    ),
                )
                .help(tr!(
                    lang,
                    "write `{{name: {name}, addresses: [...]}}` and add its A/AAAA records to the zone",
                    "`{{name: {name}, addresses: [...]}}` と書き、その A/AAAA レコードをゾーンにも追加してください"
                )),
            );
        }
    }
    let live = observed.is_some();
    if let Some(mail) = &spec.mail
        && observed.is_none_or(|o| o.current_mail.is_none())
    {
        let zone_mail = mail_records(&rrs, apex);
        if same_mx(&zone_mail.mx, &target_mx(mail)) {
            out.push(
                Diagnostic::new(
                    &r::MAIL_ALREADY_SWITCHED,
                    at(&[Seg::Key("mail"), Seg::Key("mx")]),
                    tr!(
                        lang,
                        "the zone already has these MX records, so mail moves with the delegation, not at `mx-switch`",
                        "ゾーンに既にこの MX があるため、メールは `mx-switch` ではなく委任とともに移ります"
                    ),
                )
                .help(tr!(
                    lang,
                    "run with --live to provision today's mail records, or put them in the zone file",
                    "--live を付けて現在のメールのレコードで準備するか、ゾーンファイルに現在のレコードを書いてください"
                )),
            );
        }
    }
    if !live {
        let zone_ns = apex_ns(&rrs, apex);
        let spec_ns: Vec<OwnedName> = spec.nameservers.iter().map(|n| n.name.clone()).collect();
        if same_names(&zone_ns, &spec_ns) {
            out.push(
                Diagnostic::new(
                    &r::CURRENT_DELEGATION_UNKNOWN,
                    at(&[Seg::Key("nameservers")]),
                    tr!(
                        lang,
                        "the zone already lists these nameservers, so the servers `ns-switch` replaces are unknown",
                        "ゾーンに既にこのネームサーバーがあるため、`ns-switch` で置き換える現在のサーバーが分かりません"
                    ),
                )
                .help(tr!(
                    lang,
                    "run with --live to read the current delegation, or record today's nameservers in the change ticket",
                    "--live を付けて現在の委任を読むか、現在のネームサーバーを作業票に記録してください"
                )),
            );
        }
    }
    out
}

fn lower_name(n: NameRef<'_>) -> OwnedName {
    n.to_lowercase()
}

fn same_names(a: &[OwnedName], b: &[OwnedName]) -> bool {
    let mut a: Vec<OwnedName> = a.iter().map(|n| lower_name(n.as_ref())).collect();
    let mut b: Vec<OwnedName> = b.iter().map(|n| lower_name(n.as_ref())).collect();
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    !a.is_empty() && a == b
}

/// MX data compared without regard to case or order.
fn same_mx(a: &[Vec<u8>], b: &[Vec<u8>]) -> bool {
    let norm = |v: &[Vec<u8>]| {
        let mut v: Vec<Vec<u8>> = v.iter().map(|w| w.to_ascii_lowercase()).collect();
        v.sort();
        v.dedup();
        v
    };
    !a.is_empty() && norm(a) == norm(b)
}

fn apex_ns(rrs: &[Rr], apex: NameRef<'_>) -> Vec<OwnedName> {
    rrs.iter()
        .filter(|r| r.is(apex, RType::NS))
        .filter_map(|r| NameRef::from_wire(&r.rdata).map(|n| n.to_owned()))
        .collect()
}

fn is_spf(rdata: &[u8]) -> bool {
    view::joined_text(rdata).is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        t == b"v=spf1" || t.starts_with(b"v=spf1 ")
    })
}

fn autodiscover_name(apex: NameRef<'_>) -> OwnedName {
    let mut wire = vec![12u8];
    wire.extend_from_slice(b"autodiscover");
    wire.extend_from_slice(apex.wire());
    OwnedName::from_wire(wire).unwrap_or_else(|| apex.to_owned())
}

const AUTODISCOVER_TYPES: [RType; 3] = [RType::CNAME, RType::A, RType::AAAA];

fn mail_records(rrs: &[Rr], apex: NameRef<'_>) -> MailRecords {
    let ad = autodiscover_name(apex);
    MailRecords {
        mx: rrs
            .iter()
            .filter(|r| r.is(apex, RType::MX))
            .map(|r| r.rdata.clone())
            .collect(),
        spf: rrs
            .iter()
            .find(|r| r.is(apex, RType::TXT) && is_spf(&r.rdata))
            .map(|r| r.rdata.clone()),
        autodiscover: rrs
            .iter()
            .filter(|r| AUTODISCOVER_TYPES.iter().any(|&t| r.is(ad.as_ref(), t)))
            .map(|r| (r.rtype, r.rdata.clone()))
            .collect(),
    }
}

fn target_mx(mail: &spec::Mail) -> Vec<Vec<u8>> {
    mail.mx.iter().map(|(p, x)| mx_rdata(*p, x)).collect()
}

/// Replaces the mail records of `rrs` by `mail`, for the parts the spec changes. New records
/// get `ttl`; replaced RRsets keep their TTL.
fn with_mail(
    rrs: &[Rr],
    apex: &OwnedName,
    spec: &spec::Mail,
    mail: &MailRecords,
    ttl: u32,
) -> Vec<Rr> {
    let ad = autodiscover_name(apex.as_ref());
    let ttl_of = |owner: NameRef<'_>, t: RType| {
        rrs.iter()
            .filter(|r| r.is(owner, t))
            .map(|r| r.ttl)
            .max()
            .unwrap_or(ttl)
    };
    let mx_ttl = ttl_of(apex.as_ref(), RType::MX);
    let txt_ttl = ttl_of(apex.as_ref(), RType::TXT);
    let ad_ttl = AUTODISCOVER_TYPES
        .iter()
        .filter_map(|&t| {
            rrs.iter()
                .filter(|r| r.is(ad.as_ref(), t))
                .map(|r| r.ttl)
                .max()
        })
        .max()
        .unwrap_or(ttl);
    let mut out: Vec<Rr> = rrs
        .iter()
        .filter(|r| {
            !(r.is(apex.as_ref(), RType::MX)
                || spec.spf.is_some() && r.is(apex.as_ref(), RType::TXT) && is_spf(&r.rdata)
                || spec.autodiscover.is_some()
                    && AUTODISCOVER_TYPES.iter().any(|&t| r.is(ad.as_ref(), t)))
        })
        .cloned()
        .collect();
    for mx in &mail.mx {
        out.push(Rr::new(apex, RType::MX, mx_ttl, mx.clone()));
    }
    if spec.spf.is_some()
        && let Some(spf) = &mail.spf
    {
        out.push(Rr::new(apex, RType::TXT, txt_ttl, spf.clone()));
    }
    if spec.autodiscover.is_some() {
        for (t, data) in &mail.autodiscover {
            out.push(Rr::new(&ad, *t, ad_ttl, data.clone()));
        }
    }
    // One TTL per RRset (RFC 2181 §5.2): a TXT RRset gains the SPF record at its TTL.
    out
}

/// The RRsets that change in the cutover, so run at the lowered TTL.
fn changing(apex: &OwnedName, spec: &Spec) -> Vec<(OwnedName, RType)> {
    let mut keys = vec![(apex.clone(), RType::NS)];
    if let Some(mail) = &spec.mail {
        keys.push((apex.clone(), RType::MX));
        if mail.spf.is_some() {
            keys.push((apex.clone(), RType::TXT));
        }
        if mail.autodiscover.is_some() {
            let ad = autodiscover_name(apex.as_ref());
            for t in AUTODISCOVER_TYPES {
                keys.push((ad.clone(), t));
            }
        }
    }
    keys
}

fn in_keys(keys: &[(OwnedName, RType)], r: &Rr) -> bool {
    keys.iter().any(|(o, t)| r.is(o.as_ref(), *t))
}

fn lowered(rrs: &[Rr], keys: &[(OwnedName, RType)], ttl: u32) -> Vec<Rr> {
    rrs.iter()
        .map(|r| {
            let mut r = r.clone();
            if in_keys(keys, &r) && r.ttl > ttl {
                r.ttl = ttl;
            }
            r
        })
        .collect()
}

fn set_ttl(rrs: &mut [Rr], owner: NameRef<'_>, rtype: RType, ttl: u32) {
    for r in rrs.iter_mut().filter(|r| r.is(owner, rtype)) {
        r.ttl = ttl;
    }
}

/// Builds the plan. The caller has checked the spec and the zone.
pub fn build(inputs: &Inputs<'_>) -> Plan {
    Builder::new(inputs).build()
}

/// Both languages at once: `both!("en {x}", "ja {x}")` is `(String, String)`.
macro_rules! both {
    ($en:literal, $ja:literal $(,)?) => {
        (format!($en), format!($ja))
    };
    ($en:literal, $ja:literal, $($args:tt)*) => {
        (format!($en, $($args)*), format!($ja, $($args)*))
    };
}

struct Builder<'a> {
    inputs: &'a Inputs<'a>,
    spec: &'a Spec,
    apex: OwnedName,
    ttls: Ttls,
    defaults: &'static ttl::TldDefaults,
    keys: Vec<(OwnedName, RType)>,
    zone_rrs: Vec<Rr>,
    /// The current host.
    old: Vec<Rr>,
    /// The new host as provisioned.
    new: Vec<Rr>,
    /// The new host after the mail switch.
    switched: Vec<Rr>,
    /// The new host with the TTLs restored.
    restored: Vec<Rr>,
    /// The delegation today, with and without DS, and after the switch.
    parent_old: Vec<Rr>,
    parent_no_ds: Vec<Rr>,
    parent_new: Vec<Rr>,
    has_ds: Option<bool>,
    current_ns: Vec<OwnedName>,
}

impl<'a> Builder<'a> {
    fn new(inputs: &'a Inputs<'a>) -> Self {
        let spec = inputs.spec;
        let zone = inputs.zone;
        let apex = zone.origin.clone();
        let defaults = ttl::defaults_for(apex.as_ref());
        let obs = inputs.observed.cloned().unwrap_or_default();
        let zone_rrs = records::from_zone(zone);
        let ttl_in_zone = |t: RType| {
            zone_rrs
                .iter()
                .filter(|r| r.is(apex.as_ref(), t))
                .map(|r| r.ttl)
                .max()
        };
        let soa = zone_rrs.iter().find(|r| r.is(apex.as_ref(), RType::SOA));
        let zone_negative = soa.and_then(|r| view::soa(&r.rdata).map(|s| s.minimum.min(r.ttl)));
        let measured_or = |m: Option<u32>, z: Option<u32>, default: u32| match (m, z) {
            (Some(v), _) => Ttl::new(v, Source::Measured),
            (None, Some(v)) => Ttl::new(v, Source::Zone),
            (None, None) => Ttl::new(default, Source::Assumed),
        };
        let soa_ttl = soa.map_or(3_600, |r| r.ttl);
        let ttls = Ttls {
            parent_ns: measured_or(obs.parent_ns_ttl, None, defaults.parent_ns),
            child_ns: measured_or(obs.child_ns_ttl, ttl_in_zone(RType::NS), soa_ttl),
            mx: match (obs.mx_ttl, ttl_in_zone(RType::MX)) {
                (Some(v), _) => Some(Ttl::new(v, Source::Measured)),
                (None, Some(v)) => Some(Ttl::new(v, Source::Zone)),
                (None, None) => None,
            },
            negative: measured_or(obs.negative_ttl, zone_negative, defaults.negative),
            ds: measured_or(obs.ds_ttl, None, defaults.ds),
            parent_negative: Ttl::new(defaults.negative, Source::Assumed),
            registry_delay: Ttl::new(defaults.registry_delay, Source::Assumed),
            lowered: Ttl::new(spec.ttl.lowered, Source::Spec),
        };
        let keys = changing(&apex, spec);
        Builder {
            inputs,
            spec,
            apex,
            ttls,
            defaults,
            keys,
            zone_rrs,
            old: Vec::new(),
            new: Vec::new(),
            switched: Vec::new(),
            restored: Vec::new(),
            parent_old: Vec::new(),
            parent_no_ds: Vec::new(),
            parent_new: Vec::new(),
            has_ds: None,
            current_ns: Vec::new(),
        }
    }

    fn observed(&self) -> Option<&Observed> {
        self.inputs.observed
    }

    /// Works out every state the steps move between.
    fn states(&mut self) {
        let apex = self.apex.clone();
        let a = apex.as_ref();
        let spec = self.spec;
        let lowered_ttl = spec.ttl.lowered;
        // The mail records served before the switch: the zone's, unless the zone already has the
        // target and --live saw what is served today.
        let zone_mail = mail_records(&self.zone_rrs, a);
        let mut base = self.zone_rrs.clone();
        if let Some(mail) = &spec.mail
            && same_mx(&zone_mail.mx, &target_mx(mail))
            && let Some(current) = self.observed().and_then(|o| o.current_mail.clone())
        {
            base = with_mail(
                &base,
                &apex,
                mail,
                &current,
                self.ttls.mx.map_or(3_600, |t| t.seconds),
            );
        }
        // The current host: its delegation as observed, its TTLs as measured.
        let zone_ns = apex_ns(&self.zone_rrs, a);
        self.current_ns = self
            .observed()
            .and_then(|o| o.current_ns.clone())
            .filter(|ns| !ns.is_empty())
            .unwrap_or(zone_ns);
        let child_ns_ttl = self.ttls.child_ns.seconds;
        let mut old: Vec<Rr> = base
            .iter()
            .filter(|r| !r.is(a, RType::NS))
            .cloned()
            .collect();
        for ns in &self.current_ns {
            old.push(Rr::new(&apex, RType::NS, child_ns_ttl, name_rdata(ns)));
        }
        if let Some(mx) = self.ttls.mx {
            set_ttl(&mut old, a, RType::MX, mx.seconds);
        }
        self.old = old;
        // The new host: the spec's nameservers, SOA MNAME, lowered TTLs, glue from the spec.
        let spec_ns: Vec<OwnedName> = spec.nameservers.iter().map(|n| n.name.clone()).collect();
        let mut new: Vec<Rr> = base
            .iter()
            .filter(|r| !r.is(a, RType::NS))
            .map(|r| {
                let mut r = r.clone();
                if r.is(a, RType::SOA)
                    && let Some(soa) = view::soa(&r.rdata)
                    && let Some(first) = spec_ns.first()
                {
                    let mut data = first.as_ref().wire().to_vec();
                    data.extend_from_slice(soa.rname.wire());
                    for v in [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum] {
                        data.extend_from_slice(&v.to_be_bytes());
                    }
                    r.rdata = data;
                }
                r
            })
            .collect();
        let ns_ttl = ttl_in(&self.zone_rrs, a, RType::NS).unwrap_or(child_ns_ttl);
        for ns in &spec_ns {
            new.push(Rr::new(&apex, RType::NS, ns_ttl, name_rdata(ns)));
        }
        for ns in &spec.nameservers {
            let n = ns.name.as_ref();
            let has_address = base
                .iter()
                .any(|r| r.is(n, RType::A) || r.is(n, RType::AAAA));
            if n.is_subdomain_of(a) && !has_address {
                for addr in &ns.addresses {
                    new.push(address_rr(&ns.name, ns_ttl, addr.ip()));
                }
            }
        }
        let originals = new.clone();
        self.new = lowered(&new, &self.keys, lowered_ttl);
        // The mail switch, at the lowered TTL.
        self.switched = match &spec.mail {
            Some(mail) => {
                let target = MailRecords {
                    mx: target_mx(mail),
                    spf: mail.spf.as_deref().map(txt_rdata),
                    autodiscover: mail
                        .autodiscover
                        .iter()
                        .map(|t| (RType::CNAME, name_rdata(t)))
                        .collect(),
                };
                let switched = with_mail(&self.new, &apex, mail, &target, lowered_ttl);
                lowered(&switched, &self.keys, lowered_ttl)
            }
            None => self.new.clone(),
        };
        // Restored: the spec's TTL, else each RRset's own from the zone, else the zone's MX TTL
        // (or SOA TTL) for RRsets the zone did not have.
        let fallback = self
            .ttls
            .mx
            .map_or(soa_ttl(&self.zone_rrs, a), |t| t.seconds);
        let mut restored = self.switched.clone();
        for r in restored.iter_mut().filter(|r| in_keys(&self.keys, r)) {
            r.ttl = spec.ttl.restore.unwrap_or_else(|| {
                ttl_in(&originals, r.owner.as_ref(), r.rtype)
                    .or_else(|| ttl_in(&self.zone_rrs, r.owner.as_ref(), r.rtype))
                    .unwrap_or(fallback)
            });
        }
        self.restored = restored;
        // The parent.
        let parent_ttl = self.ttls.parent_ns.seconds;
        let ds_ttl = self.ttls.ds.seconds;
        let mut parent_no_ds: Vec<Rr> = self
            .current_ns
            .iter()
            .map(|ns| Rr::new(&apex, RType::NS, parent_ttl, name_rdata(ns)))
            .collect();
        parent_no_ds.extend(glue(&self.current_ns, &self.zone_rrs, a, parent_ttl, &[]));
        let observed_ds = self.observed().and_then(|o| o.parent_ds.clone());
        self.has_ds = match (&observed_ds, spec.parent_ds) {
            (Some(ds), _) => Some(!ds.is_empty()),
            (None, given) => given,
        };
        let mut parent_old = parent_no_ds.clone();
        for ds in observed_ds.iter().flatten() {
            parent_old.push(Rr::new(&apex, RType::DS, ds_ttl, ds.clone()));
        }
        self.parent_old = parent_old;
        self.parent_no_ds = parent_no_ds;
        let mut parent_new: Vec<Rr> = spec_ns
            .iter()
            .map(|ns| Rr::new(&apex, RType::NS, parent_ttl, name_rdata(ns)))
            .collect();
        parent_new.extend(glue(
            &spec_ns,
            &self.zone_rrs,
            a,
            parent_ttl,
            &spec.nameservers,
        ));
        self.parent_new = parent_new;
    }

    fn diff(&self, before: &[Rr], after: &[Rr], place: &str) -> (Option<String>, Option<String>) {
        let (b, a) = (
            render_records(&self.apex, before),
            render_records(&self.apex, after),
        );
        let (bl, al) = (format!("{place}, before"), format!("{place}, after"));
        (unified(&b, &a, &bl, &al), unified(&a, &b, &al, &bl))
    }

    fn build(mut self) -> Plan {
        self.states();
        let mut steps = vec![self.preflight(), self.lower_ttl()];
        if self.has_ds == Some(true) {
            steps.push(self.remove_ds());
        }
        steps.push(self.provision());
        steps.push(self.ns_switch());
        if self.spec.mail.is_some() {
            steps.push(self.mx_switch());
        }
        steps.push(self.restore_ttl());
        steps.push(self.decommission());
        for s in &mut steps {
            s.point_of_no_return = s.rollback_seconds.is_none_or(|t| t > ttl::NO_RETURN_AFTER);
        }
        let mut plan = Plan {
            version: 1,
            zone: self.apex.to_string(),
            sha256: String::new(),
            live: self.observed().is_some(),
            forced: self.inputs.forced_errors.is_some(),
            registry: self.defaults.suffix,
            ttls: self.ttls,
            points_of_no_return: steps
                .iter()
                .filter(|s| s.point_of_no_return)
                .map(|s| s.id)
                .collect(),
            steps,
            states: States {
                old_lowered: lowered(&self.old, &self.keys, self.spec.ttl.lowered),
                old: self.old,
                new: self.new,
                switched: self.switched,
                restored: self.restored,
                parent_old: self.parent_old,
                parent_no_ds: self.parent_no_ds,
                parent_new: self.parent_new,
                changing: self.keys,
            },
        };
        plan.sha256 = plan.digest();
        plan
    }

    fn ttl_text(&self, t: Ttl) -> (String, String) {
        (
            format!(
                "{}, {}",
                ttl::human(t.seconds.into(), Lang::En),
                t.source.label(Lang::En)
            ),
            format!(
                "{}、{}",
                ttl::human(t.seconds.into(), Lang::Ja),
                t.source.label(Lang::Ja)
            ),
        )
    }

    fn names(list: &[OwnedName]) -> String {
        list.iter()
            .map(|n| format!("`{}`", escape(&n.to_string())))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn preflight(&self) -> Step {
        let zone = escape(&self.apex.to_string()).into_owned();
        let (action, action_ja) = both!(
            "Check that the zone passes `zonegate check` and that this plan was made from the reviewed zone and spec (compare the SHA-256). Confirm that the new host has the zone ready to load and that the registrar holds the domain (hybrid plan: registration moves to the host).",
            "`zonegate check` でゾーンに問題がないこと、この計画がレビュー済みのゾーンと仕様から作られたこと（SHA-256 を照合）を確認します。新しいホストでゾーンを読み込む準備ができていること、レジストラがドメインを管理していること（ハイブリッドプラン: 登録はホストに移管）を確認します。"
        );
        let mut notes = Vec::new();
        let mut notes_ja = Vec::new();
        if let Some(n) = self.inputs.forced_errors {
            let (en, ja) = both!(
                "made with --force: the zone has {n} error(s); loading it as it is will lose or break records",
                "--force で作成: ゾーンにエラーが {n} 件あります。このまま読み込むとレコードが失われるか壊れます"
            );
            notes.push(en);
            notes_ja.push(ja);
        }
        if self.has_ds.is_none() {
            let (en, ja) = both!(
                "whether the parent has a DS for `{zone}` is not known: ask a parent server (`dig +norec DS {zone}`); if it has one, plan again with `parent_ds: true` or --live",
                "親に `{zone}` の DS があるか分かりません。親のサーバーに確認し（`dig +norec DS {zone}`）、あれば `parent_ds: true` または --live で計画を作り直してください"
            );
            notes.push(en);
            notes_ja.push(ja);
        }
        let (title, title_ja) = both!("Preflight", "事前確認");
        let (wait_reason, wait_reason_ja) = both!("no wait", "待ち時間なし");
        let (verify, verify_ja) = both!(
            "`zonegate check` accepts the zone and `zonegate plan` prints the same SHA-256",
            "`zonegate check` がゾーンを受理し、`zonegate plan` が同じ SHA-256 を表示する"
        );
        let (rollback, rollback_ja) = both!("nothing to undo", "戻す作業はありません");
        Step {
            id: StepId::Preflight,
            title,
            title_ja,
            actor: Actor::Operator,
            action,
            action_ja,
            wait_seconds: 0,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: false,
            rollback,
            rollback_ja,
            rollback_seconds: Some(0),
            point_of_no_return: false,
            notes,
            notes_ja,
            diff: None,
            rollback_diff: None,
        }
    }

    /// The RRset names the plan lowers, for the texts.
    fn key_names(&self) -> String {
        let mut seen: Vec<String> = Vec::new();
        for (o, t) in &self.keys {
            let present = self.old.iter().any(|r| r.is(o.as_ref(), *t))
                || self.switched.iter().any(|r| r.is(o.as_ref(), *t));
            let s = format!("`{} {}`", escape(&o.to_string()), t);
            if present && !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen.join(", ")
    }

    fn lower_ttl(&self) -> Step {
        let lowered_ttl = self.spec.ttl.lowered;
        let after = lowered(&self.old, &self.keys, lowered_ttl);
        let (diff, rollback_diff) = self.diff(&self.old, &after, "current host");
        let longest = self
            .old
            .iter()
            .filter(|r| in_keys(&self.keys, r) && r.ttl > lowered_ttl)
            .max_by_key(|r| r.ttl);
        let keys = self.key_names();
        let low = ttl::human(lowered_ttl.into(), Lang::En);
        let low_ja = ttl::human(lowered_ttl.into(), Lang::Ja);
        let (wait_seconds, (wait_reason, wait_reason_ja)) = match longest {
            Some(r) => {
                let source = if r.rtype == RType::NS {
                    self.ttls.child_ns.source
                } else if r.rtype == RType::MX {
                    self.ttls.mx.map_or(Source::Zone, |t| t.source)
                } else {
                    Source::Zone
                };
                let (h, hj) = (
                    ttl::human(r.ttl.into(), Lang::En),
                    ttl::human(r.ttl.into(), Lang::Ja),
                );
                let (se, sj) = (source.label(Lang::En), source.label(Lang::Ja));
                let what = format!("{} {}", escape(&r.owner.to_string()), r.rtype);
                (
                    u64::from(r.ttl),
                    both!(
                        "the longest TTL lowered, `{what}` {h} ({se}): caches that took the old TTL must expire before anything changes",
                        "下げる TTL のうち最長の `{what}` の {hj}（{sj}）。旧 TTL でキャッシュした分が切れるまで待ちます"
                    ),
                )
            }
            None => (
                0,
                both!(
                    "no wait: every TTL that changes is already at most {low}",
                    "待ち時間なし: 変更する TTL はすべて既に {low_ja} 以下です"
                ),
            ),
        };
        let (title, title_ja) = both!("Lower the TTLs", "TTL を下げる");
        let (action, action_ja) = both!(
            "At the current DNS host, set the TTL of {keys} to {low}. Leave every other record as it is.",
            "現在の DNS ホストで {keys} の TTL を {low_ja} にします。ほかのレコードは変えません。"
        );
        let (verify, verify_ja) = both!(
            "the current servers answer {keys} with a TTL of at most {low}",
            "現在のサーバーが {keys} を {low_ja} 以下の TTL で返す"
        );
        let (rollback, rollback_ja) = both!(
            "set the TTLs back at the current host; caches drop the lowered TTLs within {low}",
            "現在のホストで TTL を元に戻します。下げた TTL のキャッシュは {low_ja} 以内に切れます"
        );
        Step {
            id: StepId::LowerTtl,
            title,
            title_ja,
            actor: Actor::Customer,
            action,
            action_ja,
            wait_seconds,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(lowered_ttl.into()),
            point_of_no_return: false,
            notes: Vec::new(),
            notes_ja: Vec::new(),
            diff,
            rollback_diff,
        }
    }

    fn registry_notes(&self) -> (Vec<String>, Vec<String>) {
        (
            vec![self.defaults.timing.en.to_owned()],
            vec![self.defaults.timing.ja.to_owned()],
        )
    }

    fn remove_ds(&self) -> Step {
        let zone = escape(&self.apex.to_string()).into_owned();
        let (diff, rollback_diff) = self.diff(&self.parent_old, &self.parent_no_ds, "parent zone");
        let (ds, ds_ja) = self.ttl_text(self.ttls.ds);
        let (delay, delay_ja) = self.ttl_text(self.ttls.registry_delay);
        let (neg, neg_ja) = self.ttl_text(self.ttls.parent_negative);
        let (mut notes, mut notes_ja) = self.registry_notes();
        if diff.is_none() {
            let (en, ja) = both!(
                "the DS records are not known offline: `zonegate plan --live` shows them",
                "DS レコードはオフラインでは分かりません。`zonegate plan --live` で表示されます"
            );
            notes.push(en);
            notes_ja.push(ja);
        }
        let (title, title_ja) = both!("Remove the DS at the parent", "親の DS を削除する");
        let (action, action_ja) = both!(
            "Ask the registrar to remove every DS record of `{zone}` at the registry. The old host keeps signing until the switch is over; the new host serves the zone unsigned, and a DS for it is added only once it signs.",
            "レジストラに依頼し、レジストリにある `{zone}` の DS レコードをすべて削除します。旧ホストは切替が終わるまで署名を続けます。新しいホストは署名なしでゾーンを返し、署名を始めてから DS を登録します。"
        );
        let (wait_reason, wait_reason_ja) = both!(
            "the DS TTL at the parent, {ds}, after the registry publishes the removal ({delay}): a validating resolver that still holds the DS would reject the unsigned new servers",
            "親での DS の TTL {ds_ja}（レジストリの反映 {delay_ja} の後）。DS を保持した検証リゾルバーは署名のない新サーバーを拒否します"
        );
        let (verify, verify_ja) = both!(
            "the parent's servers answer `{zone} DS` with no records",
            "親のサーバーが `{zone} DS` にレコードなしで応答する"
        );
        let (rollback, rollback_ja) = both!(
            "ask the registrar to add the DS records back; resolvers that cached \"no DS\" see them after the registry publishes ({delay}) and the parent's negative TTL ({neg}) passes",
            "レジストラに DS の再登録を依頼します。「DS なし」をキャッシュしたリゾルバーには、レジストリの反映（{delay_ja}）と親の否定応答 TTL（{neg_ja}）の後に見えます"
        );
        Step {
            id: StepId::RemoveDs,
            title,
            title_ja,
            actor: Actor::Registrar,
            action,
            action_ja,
            wait_seconds: u64::from(self.ttls.ds.seconds)
                + u64::from(self.ttls.registry_delay.seconds),
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(
                u64::from(self.ttls.registry_delay.seconds)
                    + u64::from(self.ttls.parent_negative.seconds),
            ),
            point_of_no_return: false,
            notes,
            notes_ja,
            diff,
            rollback_diff,
        }
    }

    fn provision(&self) -> Step {
        let (diff, rollback_diff) = self.diff(&[], &self.new, "new host");
        let ns = Self::names(
            &self
                .spec
                .nameservers
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>(),
        );
        let n = self.new.len();
        let keys = self.key_names();
        let low = ttl::human(self.spec.ttl.lowered.into(), Lang::En);
        let low_ja = ttl::human(self.spec.ttl.lowered.into(), Lang::Ja);
        let (title, title_ja) = both!(
            "Provision the zone at the new host",
            "新しいホストにゾーンを準備する"
        );
        let (action, action_ja) = both!(
            "Load the {n} records below on every new server ({ns}): the submitted zone with the new apex NS and SOA MNAME, today's mail records, and {keys} at {low}. Nothing points at these servers yet.",
            "下の {n} 件のレコードを新しいサーバー（{ns}）すべてに読み込みます。提出されたゾーンに新しい頂点の NS と SOA の MNAME を設定し、メールのレコードは現在のまま、{keys} は {low_ja} にします。まだどこからも参照されません。"
        );
        let (wait_reason, wait_reason_ja) = both!(
            "no wait: go on once `zonegate verify --step provision` holds",
            "待ち時間なし: `zonegate verify --step provision` が成功したら次へ進みます"
        );
        let (verify, verify_ja) = both!(
            "every new server answers authoritatively (AA) with the submitted records, apex NS and SOA aside",
            "新しいサーバーすべてが、頂点の NS と SOA を除き、提出されたレコードを権威応答（AA）で返す"
        );
        let (rollback, rollback_ja) = both!(
            "remove the zone from the new servers; nothing uses them yet",
            "新しいサーバーからゾーンを削除します。まだ利用されていません"
        );
        Step {
            id: StepId::Provision,
            title,
            title_ja,
            actor: Actor::Operator,
            action,
            action_ja,
            wait_seconds: 0,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(0),
            point_of_no_return: false,
            notes: Vec::new(),
            notes_ja: Vec::new(),
            diff,
            rollback_diff,
        }
    }

    fn ns_switch(&self) -> Step {
        let zone = escape(&self.apex.to_string()).into_owned();
        let (diff, rollback_diff) = self.diff(&self.parent_no_ds, &self.parent_new, "parent zone");
        let new_ns = Self::names(
            &self
                .spec
                .nameservers
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>(),
        );
        let old_ns = Self::names(&self.current_ns);
        let (parent, parent_ja) = self.ttl_text(self.ttls.parent_ns);
        let (delay, delay_ja) = self.ttl_text(self.ttls.registry_delay);
        let old_child = self.ttls.child_ns.seconds.min(self.spec.ttl.lowered);
        let cached = self.ttls.parent_ns.seconds.max(old_child);
        let new_child = self.spec.ttl.lowered;
        let back = self.ttls.parent_ns.seconds.max(new_child);
        let (mut notes, mut notes_ja) = self.registry_notes();
        let (en, ja) = both!(
            "until the wait is over, some resolvers still ask the old servers: keep the zone on both hosts identical, and change records nowhere",
            "待ち時間が終わるまでは旧サーバーに問い合わせるリゾルバーが残ります。両ホストのゾーンを同じに保ち、どちらでもレコードを変更しないでください"
        );
        notes.push(en);
        notes_ja.push(ja);
        let (title, title_ja) = both!("Switch the delegation", "委任を切り替える");
        let (action, action_ja) = both!(
            "Ask the registrar to replace the NS records of `{zone}` at the registry: {old_ns} become {new_ns}. Submit only once `zonegate verify --step provision` holds.",
            "レジストラに依頼し、レジストリにある `{zone}` の NS レコードを {old_ns} から {new_ns} に置き換えます。`zonegate verify --step provision` が成功してから申請してください。"
        );
        let (wait_reason, wait_reason_ja) = both!(
            "the parent's NS TTL, {parent}, after the registry publishes the change ({delay}): resolvers keep the old delegation that long",
            "親の NS の TTL {parent_ja}（レジストリの反映 {delay_ja} の後）。リゾルバーはその間、旧委任を保持します"
        );
        let (verify, verify_ja) = both!(
            "the parent's servers refer `{zone}` to exactly {new_ns}, and the resolver answers `{zone} NS` with them",
            "親のサーバーが `{zone}` を {new_ns} だけに委任し、リゾルバーも `{zone} NS` にそれを返す"
        );
        let (rollback, rollback_ja) = both!(
            "ask the registrar to put {old_ns} back; it takes effect after the registry publishes ({delay}) and resolvers drop the new delegation (the parent's NS TTL)",
            "レジストラに {old_ns} へ戻すよう依頼します。レジストリの反映（{delay_ja}）の後、リゾルバーが新しい委任を捨てる（親の NS の TTL）まで効きません"
        );
        Step {
            id: StepId::NsSwitch,
            title,
            title_ja,
            actor: Actor::Registrar,
            action,
            action_ja,
            wait_seconds: u64::from(self.ttls.registry_delay.seconds) + u64::from(cached),
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(u64::from(self.ttls.registry_delay.seconds) + u64::from(back)),
            point_of_no_return: false,
            notes,
            notes_ja,
            diff,
            rollback_diff,
        }
    }

    fn mx_switch(&self) -> Step {
        let mail = self.spec.mail.as_ref().expect("mx-switch only with mail");
        let (diff, rollback_diff) = self.diff(&self.new, &self.switched, "new host");
        let zone = escape(&self.apex.to_string()).into_owned();
        // Wait: the lowered TTL of what changed, or the negative TTL where an RRset is new.
        let lowered_ttl = self.spec.ttl.lowered;
        let added: Vec<String> = self
            .keys
            .iter()
            .filter(|(o, t)| {
                *t != RType::NS
                    && self.switched.iter().any(|r| r.is(o.as_ref(), *t))
                    && !self.new.iter().any(|r| r.is(o.as_ref(), *t))
            })
            .map(|(o, t)| format!("`{} {}`", escape(&o.to_string()), t))
            .collect();
        let negative = self.ttls.negative;
        let (low, low_ja) = (
            ttl::human(lowered_ttl.into(), Lang::En),
            ttl::human(lowered_ttl.into(), Lang::Ja),
        );
        let (wait_seconds, (wait_reason, wait_reason_ja)) = if !added.is_empty()
            && negative.seconds > lowered_ttl
        {
            let (neg, neg_ja) = self.ttl_text(negative);
            let added = added.join(", ");
            (
                u64::from(negative.seconds),
                both!(
                    "the zone's negative TTL, {neg}: {added} did not exist, and resolvers cache that for as long",
                    "ゾーンの否定応答 TTL {neg_ja}。{added} は存在しなかったため、リゾルバーはその間「なし」をキャッシュしています"
                ),
            )
        } else {
            (
                u64::from(lowered_ttl),
                both!(
                    "the lowered TTL of the mail records, {low}: caches hold the old MX that long",
                    "メールのレコードの下げた TTL {low_ja}。キャッシュはその間、旧 MX を保持します"
                ),
            )
        };
        let mx: Vec<String> = mail
            .mx
            .iter()
            .map(|(p, x)| format!("`{p} {}`", escape(&x.to_string())))
            .collect();
        let mx = mx.join(", ");
        let mut parts = vec![format!("MX {mx}")];
        let mut parts_ja = vec![format!("MX を {mx}")];
        if let Some(spf) = &mail.spf {
            let spf = escape(spf);
            parts.push(format!("the SPF TXT record `\"{spf}\"`"));
            parts_ja.push(format!("SPF の TXT レコードを `\"{spf}\"`"));
        }
        if let Some(ad) = &mail.autodiscover {
            let ad = escape(&ad.to_string()).into_owned();
            parts.push(format!("`autodiscover.{zone}` CNAME `{ad}`"));
            parts_ja.push(format!("`autodiscover.{zone}` を CNAME `{ad}`"));
        }
        let (what, what_ja) = (parts.join(", "), parts_ja.join("、"));
        let (title, title_ja) = both!("Switch mail", "メールを切り替える");
        let who = match mail.by {
            MailActor::Customer => ("", ""),
            MailActor::Operator => (
                " (the host does this as a paid service)",
                "（ホストが有償サービスとして実施）",
            ),
        };
        let (who_en, who_ja) = who;
        let (action, action_ja) = both!(
            "At the new host, set {what}, at {low}{who_en}. Do it once the mail service accepts mail for `{zone}`.",
            "新しいホストで {what_ja} に設定します（TTL {low_ja}）{who_ja}。メールサービスが `{zone}` のメールを受け付けるようになってから行います。"
        );
        let (verify, verify_ja) = both!(
            "every new server and the resolver answer with the new MX, SPF and autodiscover",
            "新しいサーバーすべてとリゾルバーが新しい MX、SPF、autodiscover を返す"
        );
        let (rollback, rollback_ja) = both!(
            "set the previous mail records back at the new host; caches drop the new ones within {low} (mail already delivered to the new service stays there)",
            "新しいホストで以前のメールのレコードに戻します。新しいレコードのキャッシュは {low_ja} 以内に切れます（新サービスに届いたメールはそちらに残ります）"
        );
        let actor = match mail.by {
            MailActor::Customer => Actor::Customer,
            MailActor::Operator => Actor::Operator,
        };
        Step {
            id: StepId::MxSwitch,
            title,
            title_ja,
            actor,
            action,
            action_ja,
            wait_seconds,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(u64::from(lowered_ttl)),
            point_of_no_return: false,
            notes: Vec::new(),
            notes_ja: Vec::new(),
            diff,
            rollback_diff,
        }
    }

    fn restore_ttl(&self) -> Step {
        let (diff, rollback_diff) = self.diff(&self.switched, &self.restored, "new host");
        let keys = self.key_names();
        let longest_restored = self
            .restored
            .iter()
            .filter(|r| in_keys(&self.keys, r))
            .map(|r| r.ttl)
            .max()
            .unwrap_or(0);
        let (parent, parent_ja) = self.ttl_text(self.ttls.parent_ns);
        let (child, child_ja) = self.ttl_text(self.ttls.child_ns);
        let delegation = self.ttls.parent_ns.seconds.max(self.ttls.child_ns.seconds);
        let mail = self.spec.mail.is_some();
        let retry = ttl::human(ttl::MAIL_RETRY_WINDOW, Lang::En);
        let retry_ja = ttl::human(ttl::MAIL_RETRY_WINDOW, Lang::Ja);
        let (wait_reason, wait_reason_ja) = if mail {
            both!(
                "before decommissioning: the longest cached delegation (the parent's NS TTL {parent}, the old servers' NS TTL {child}), plus the mail-retry window, {retry} (RFC 5321 §4.5.4.1: senders retry for at least 4–5 days)",
                "廃止の前に: 最長の委任のキャッシュ（親の NS の TTL {parent_ja}、旧サーバーの NS の TTL {child_ja}）に、メールの再送期間 {retry_ja}（RFC 5321 §4.5.4.1: 送信側は少なくとも 4〜5 日再送します）を加えた時間"
            )
        } else {
            both!(
                "before decommissioning: the longest cached delegation (the parent's NS TTL {parent}, the old servers' NS TTL {child})",
                "廃止の前に: 最長の委任のキャッシュ（親の NS の TTL {parent_ja}、旧サーバーの NS の TTL {child_ja}）"
            )
        };
        let wait = u64::from(delegation) + if mail { ttl::MAIL_RETRY_WINDOW } else { 0 };
        let (restore_en, restore_ja) = match self.spec.ttl.restore {
            Some(t) => (
                ttl::human(t.into(), Lang::En),
                ttl::human(t.into(), Lang::Ja),
            ),
            None => both!("the TTLs the zone gives them", "ゾーンに書かれた TTL"),
        };
        let longest = ttl::human(longest_restored.into(), Lang::En);
        let longest_ja = ttl::human(longest_restored.into(), Lang::Ja);
        let (title, title_ja) = both!("Restore the TTLs", "TTL を戻す");
        let (action, action_ja) = match self.spec.ttl.restore {
            Some(_) => both!(
                "At the new host, set the TTL of {keys} to {restore_en}, once `zonegate verify` holds for the switches and the mail flows.",
                "切替の `zonegate verify` が成功しメールが流れていることを確認してから、新しいホストで {keys} の TTL を {restore_ja} にします。"
            ),
            None => both!(
                "At the new host, set the TTL of {keys} back to what the zone gives them (the records below), once `zonegate verify` holds for the switches and the mail flows.",
                "切替の `zonegate verify` が成功しメールが流れていることを確認してから、新しいホストで {keys} の TTL をゾーンに書かれた値（下のレコード）に戻します。"
            ),
        };
        let (verify, verify_ja) = both!(
            "the new servers answer {keys} with the restored TTLs",
            "新しいサーバーが {keys} を戻した TTL で返す"
        );
        let (rollback, rollback_ja) = both!(
            "lower the TTLs again; caches keep the restored TTLs for up to {longest}, so a later rollback of the switch takes that much longer",
            "TTL を再び下げます。キャッシュは戻した TTL を最大 {longest_ja} 保持するため、その後の切替の切り戻しはその分遅れます"
        );
        Step {
            id: StepId::RestoreTtl,
            title,
            title_ja,
            actor: Actor::Operator,
            action,
            action_ja,
            wait_seconds: wait,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: true,
            rollback,
            rollback_ja,
            rollback_seconds: Some(longest_restored.into()),
            point_of_no_return: false,
            notes: Vec::new(),
            notes_ja: Vec::new(),
            diff,
            rollback_diff,
        }
    }

    fn decommission(&self) -> Step {
        let zone = escape(&self.apex.to_string()).into_owned();
        let old_ns = Self::names(&self.current_ns);
        let mail = self.spec.mail.is_some();
        let delegation = self.ttls.parent_ns.seconds.max(self.ttls.child_ns.seconds);
        let wait = u64::from(delegation) + if mail { ttl::MAIL_RETRY_WINDOW } else { 0 };
        let (after, after_ja) = (ttl::human(wait, Lang::En), ttl::human(wait, Lang::Ja));
        let (title, title_ja) = both!("Decommission the old host", "旧ホストを廃止する");
        let (action, action_ja) = if mail {
            both!(
                "The old DNS host ({old_ns}) may stop serving `{zone}`, and the old mail service may stop accepting its mail. Cancel them only after the wait of `restore-ttl` ({after}) has passed.",
                "旧 DNS ホスト（{old_ns}）は `{zone}` の応答を、旧メールサービスはそのメールの受信を停止できます。`restore-ttl` の待ち時間（{after_ja}）が過ぎてから解約してください。"
            )
        } else {
            both!(
                "The old DNS host ({old_ns}) may stop serving `{zone}`. Cancel it only after the wait of `restore-ttl` ({after}) has passed.",
                "旧 DNS ホスト（{old_ns}）は `{zone}` の応答を停止できます。`restore-ttl` の待ち時間（{after_ja}）が過ぎてから解約してください。"
            )
        };
        let (wait_reason, wait_reason_ja) = both!("the last step", "最後の手順");
        let (verify, verify_ja) = both!(
            "nothing in DNS: the old servers' query logs show no more queries for `{zone}`",
            "DNS 上の確認はありません。旧サーバーのクエリログに `{zone}` への問い合わせがなくなっていること"
        );
        let (rollback, rollback_ja) = both!(
            "none by the operator: the old host would have to load the zone again, and the delegation be switched back",
            "事業者による切り戻しはできません。旧ホストがゾーンを読み込み直し、委任を戻す必要があります"
        );
        Step {
            id: StepId::Decommission,
            title,
            title_ja,
            actor: Actor::Customer,
            action,
            action_ja,
            wait_seconds: 0,
            wait_reason,
            wait_reason_ja,
            verify,
            verify_ja,
            verifiable: false,
            rollback,
            rollback_ja,
            rollback_seconds: None,
            point_of_no_return: true,
            notes: Vec::new(),
            notes_ja: Vec::new(),
            diff: None,
            rollback_diff: None,
        }
    }
}

fn ttl_in(rrs: &[Rr], owner: NameRef<'_>, rtype: RType) -> Option<u32> {
    rrs.iter()
        .filter(|r| r.is(owner, rtype))
        .map(|r| r.ttl)
        .max()
}

fn soa_ttl(rrs: &[Rr], apex: NameRef<'_>) -> u32 {
    ttl_in(rrs, apex, RType::SOA).unwrap_or(3_600)
}

fn address_rr(owner: &OwnedName, ttl: u32, ip: std::net::IpAddr) -> Rr {
    match ip {
        std::net::IpAddr::V4(v4) => Rr::new(owner, RType::A, ttl, v4.octets().to_vec()),
        std::net::IpAddr::V6(v6) => Rr::new(owner, RType::AAAA, ttl, v6.octets().to_vec()),
    }
}

/// Glue at the parent for nameservers inside the zone: the spec's addresses, else the zone's.
fn glue(
    ns: &[OwnedName],
    zone_rrs: &[Rr],
    apex: NameRef<'_>,
    ttl: u32,
    given: &[spec::Nameserver],
) -> Vec<Rr> {
    let mut out = Vec::new();
    for n in ns.iter().filter(|n| n.as_ref().is_subdomain_of(apex)) {
        let from_spec: Vec<Rr> = given
            .iter()
            .filter(|g| g.name.as_ref().eq_ignore_case(n.as_ref()))
            .flat_map(|g| g.addresses.iter().map(|a| address_rr(n, ttl, a.ip())))
            .collect();
        if from_spec.is_empty() {
            out.extend(
                zone_rrs
                    .iter()
                    .filter(|r| r.is(n.as_ref(), RType::A) || r.is(n.as_ref(), RType::AAAA))
                    .map(|r| Rr::new(n, r.rtype, ttl, r.rdata.clone())),
            );
        } else {
            out.extend(from_spec);
        }
    }
    out
}

#[cfg(test)]
mod tests;
