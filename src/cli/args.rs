//! What the user typed. [`super::config`] turns these into checked options; nothing else reads
//! them.

use crate::diag::{Lang, Severity};
use crate::report::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_CODES: &str = "\
Exit codes:
  0  every file was accepted (no finding at or above --fail-on)
  1  at least one file was rejected
  2  usage error, or a file could not be read";

#[derive(Parser, Debug)]
#[command(name = "zonegate", version, about = "Intake checks for customer DNS zone submissions", after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages, help and summaries [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// When to colour the output (NO_COLOR is honoured in auto mode)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check zone files and report every problem, with positions and fixes
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Print a zone in canonical form: absolute names, explicit TTL and class, one record per line
    #[command(
        after_help = "Exit codes:\n  0  the zone was printed\n  1  the zone has errors; nothing was printed\n  2  usage error, or the file could not be read"
    )]
    Fmt(FmtArgs),
    /// List the rule catalogue
    Rules(RulesArgs),
    /// Print a rule's documentation
    Explain(ExplainArgs),
    /// Plan a cutover to a new DNS host: ordered steps with waits, checks, rollbacks and diffs
    #[command(after_help = PLAN_EXIT_CODES)]
    Plan(PlanArgs),
    /// Check in live DNS whether a step of a cutover plan holds (uses the network)
    #[command(after_help = VERIFY_EXIT_CODES)]
    Verify(VerifyArgs),
}

pub const VERIFY_EXIT_CODES: &str = "\
Exit codes:
  0  the step holds
  1  the step does not hold yet (with --wait: not before --timeout)
  2  usage error, a file could not be read, or the spec or zone has errors";

#[derive(Args, Debug)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The cutover spec (YAML)
    #[arg(long, value_name = "FILE")]
    pub spec: PathBuf,
    /// The step to check: lower-ttl, remove-ds, provision, ns-switch, mx-switch, restore-ttl
    #[arg(long, value_name = "ID")]
    pub step: String,
    /// Check again until the step holds or --timeout passes
    #[arg(long)]
    pub wait: bool,
    /// How long --wait keeps checking (`30m`, `48h`, `2d`)
    #[arg(long, value_name = "D", default_value = "1h", requires = "wait")]
    pub timeout: String,
    /// Time between checks with --wait
    #[arg(long, value_name = "D", default_value = "30s", requires = "wait")]
    pub interval: String,
    /// Resolver for the resolver's view, the servers' addresses and the parent [default: the system's, from /etc/resolv.conf]
    #[arg(long, value_name = "ADDR[:PORT]")]
    pub resolver: Option<String>,
    /// Time allowed for one attempt of one query
    #[arg(long, value_name = "D", default_value = "2s")]
    pub query_timeout: String,
    /// Further attempts after a query times out
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub retries: u32,
    /// Port of servers whose addresses are looked up (not given in the spec)
    #[arg(long, value_name = "PORT", default_value_t = 53)]
    pub port: u16,
    /// Output format
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// The zone file (needed for lower-ttl, provision and restore-ttl)
    #[arg(value_name = "ZONE")]
    pub zone: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum VerifyFormat {
    Text,
    Json,
}

pub const PLAN_EXIT_CODES: &str = "\
Exit codes:
  0  the plan was printed
  1  no plan: the spec has errors, the zone has errors (without --force), or the plan's
     SHA-256 is not --expect-sha256
  2  usage error, or a file could not be read";

#[derive(Args, Debug)]
pub struct PlanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The cutover spec (YAML; the schema is in README.md)
    #[arg(long, value_name = "FILE")]
    pub spec: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = crate::plan::render::PlanFormat::Text)]
    pub format: crate::plan::render::PlanFormat,
    /// Plan even though the zone has errors (the plan says so, and its hash differs)
    #[arg(long)]
    pub force: bool,
    /// Print no plan and exit 1 unless the plan's SHA-256 is this one (the reviewed plan)
    #[arg(long, value_name = "HEX")]
    pub expect_sha256: Option<String>,
    /// How findings about the spec and the zone are written to standard error [default: full on a terminal, concise otherwise, and only when there are findings]
    #[arg(long, value_enum)]
    pub findings_format: Option<Format>,
    #[command(flatten)]
    pub live: LiveArgs,
    /// The zone file to move
    #[arg(value_name = "ZONE")]
    pub zone: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// The domain applied for; relative names are completed with it [default: $ORIGIN, then the SOA owner, then the file name]
    #[arg(long, value_name = "NAME")]
    pub origin: Option<String>,
    /// Encoding of the input: auto, utf-8, shift_jis, euc-jp, iso-2022-jp, utf-16le, utf-16be
    #[arg(long, default_value = "auto", value_name = "ENCODING")]
    pub encoding: String,
    /// What the input is: a zone file, a record table (csv, tsv), or an Excel workbook (xlsx, also .xls); auto decides from the content, then the file name
    #[arg(long, value_enum, default_value_t = crate::table::InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: crate::table::InputFormat,
    /// The worksheet of a workbook to read [default: the first visible sheet]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Intake policy (YAML): rule settings, TTL bounds, allowed types, include directory and
    /// limits; the flags below override its values
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Allow $INCLUDE of files that, once canonicalised, lie inside DIR (refused by default)
    #[arg(long, value_name = "DIR")]
    pub allow_include: Option<PathBuf>,
    /// Refuse files larger than this many bytes [default: 67108864]
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Skip lines longer than this many bytes [default: 1048576]
    #[arg(long, value_name = "BYTES")]
    pub max_line_length: Option<usize>,
    /// Skip records with a field longer than this many bytes [default: 262144]
    #[arg(long, value_name = "BYTES")]
    pub max_token_length: Option<usize>,
    /// Skip records with more fields than this [default: 70000]
    #[arg(long, value_name = "N")]
    pub max_fields: Option<usize>,
    /// Refuse a $GENERATE that would make more records than this, or the lines of one file more
    /// than 16 times this in all [default: 65536]
    #[arg(long, value_name = "N")]
    pub max_generate: Option<u64>,
    /// Refuse $INCLUDE nesting deeper than this [default: 8]
    #[arg(long, value_name = "N")]
    pub max_include_depth: Option<usize>,
}

/// Defaults of the limits, used when neither a flag nor the policy sets one.
pub mod defaults {
    pub const MAX_FILE_SIZE: u64 = 64 << 20;
    pub const MAX_LINE_LENGTH: usize = 1 << 20;
    pub const MAX_TOKEN_LENGTH: usize = 256 << 10;
    pub const MAX_FIELDS: usize = 70_000;
    pub const MAX_GENERATE: u64 = 65_536;
    pub const MAX_INCLUDE_DEPTH: usize = 8;
    pub const MAX_DIAGNOSTICS: usize = 200;
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format [default: full on a terminal, concise otherwise]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Run only these rules (codes or prefixes, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Skip these rules (codes or prefixes, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Reject a file with a finding at least this severe [default: error, or the policy's fail_on]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Findings shown per file; the rest are counted [default: 200]
    #[arg(long, value_name = "N")]
    pub max_diagnostics: Option<usize>,
    /// Files checked at once [default: one per core]; the output is the same whatever N is
    #[arg(
        short,
        long,
        default_value_t = 0,
        value_name = "N",
        hide_default_value = true
    )]
    pub jobs: usize,
    /// Threads for one large file, to read it and to run its zone rules, at most 64 [default:
    /// one per core, up to 4, for files of 1 MiB and zones of 20,000 records or more]; the
    /// output is the same whatever N is
    #[arg(
        long,
        alias = "rule-threads",
        default_value_t = 0,
        value_name = "N",
        hide_default_value = true,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(0..=64)
    )]
    pub threads: usize,
    #[command(flatten)]
    pub live: Box<LiveArgs>,
    /// Zone files, directories to search for them, or - for standard input
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub paths: Vec<PathBuf>,
}

/// `check --live`: the only options that make zonegate use the network.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Live comparison (uses the network)")]
pub struct LiveArgs {
    /// Compare with what the domain's current authoritative servers serve, and resolve what the
    /// zone points at outside itself
    #[arg(long)]
    pub live: bool,
    /// Resolver for lookups outside the zone [default: the system's, from /etc/resolv.conf]
    #[arg(long, value_name = "ADDR[:PORT]", requires = "live")]
    pub resolver: Option<String>,
    /// Compare with these servers instead of finding the current ones (repeatable)
    #[arg(
        long,
        value_name = "ADDR[:PORT]",
        requires = "live",
        value_delimiter = ','
    )]
    pub authoritative: Vec<String>,
    /// Time allowed for one attempt of one query (`2s`, `500ms`)
    #[arg(long, value_name = "D", default_value = "2s", requires = "live")]
    pub timeout: String,
    /// Further attempts after a query times out
    #[arg(long, value_name = "N", default_value_t = 2, requires = "live")]
    pub retries: u32,
    /// Queries in flight at once, over all servers and the resolver
    #[arg(long, value_name = "N", default_value_t = 32, requires = "live")]
    pub concurrency: usize,
    /// The whole live check ends by then; what is left is reported as not checked (`5m`)
    #[arg(long, value_name = "D", default_value = "5m", requires = "live")]
    pub deadline: String,
    /// At most this many queries per second to the current servers (0: no limit); servers with
    /// response rate limiting drop what comes faster
    #[arg(long, value_name = "N", default_value_t = 0, requires = "live")]
    pub max_qps: u32,
    /// Port of the servers found by discovery
    #[arg(long, value_name = "PORT", default_value_t = 53, requires = "live")]
    pub port: u16,
    /// Write every query sent to the authoritative servers (zone transfers aside) to FILE, one
    /// `name type` per line (dnsperf's input format)
    #[arg(long, value_name = "FILE", requires = "live")]
    pub query_log: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The zone file, or - for standard input
    #[arg(value_name = "FILE|-")]
    pub path: PathBuf,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A rule code (ZG032) or name (unknown-type)
    pub rule: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Severity {
        match f {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}
