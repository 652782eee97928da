//! Checked configuration: what the rest of the program uses instead of raw arguments.

use super::args::{CheckArgs, ColorChoice, InputArgs, LiveArgs};
use crate::check::CheckOptions;
use crate::diag::{Lang, RuleFilter, Severity, escape};
use crate::policy::Policy;
use crate::source::Encoding;
use crate::zone::lexer::LexLimits;
use crate::zone::{OwnedName, ParseOptions};
use anyhow::{Context, bail};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn lang(requested: Option<Lang>) -> Lang {
    requested.unwrap_or_else(Lang::from_env)
}

/// Colour on a terminal unless NO_COLOR is set (https://no-color.org), or as forced.
pub fn color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Everything a command needs to check files: the library's options, and what stays at the
/// edge (the include directory, how many findings to show).
pub struct Resolved {
    pub options: CheckOptions,
    pub allow_include: Option<PathBuf>,
    pub max_diagnostics: usize,
}

/// A policy file is small; anything bigger than this is not one.
const MAX_POLICY_SIZE: u64 = 1 << 20;

/// Reads and parses `--policy FILE`. A fault in it stops the run (exit 2) with its place, as
/// `policy.yaml:3:7: unknown field ...`: checking with a policy the operator did not mean would
/// give verdicts nobody asked for.
pub fn load_policy(path: &Path, lang: Lang) -> anyhow::Result<Policy> {
    let shown = escape(&path.display().to_string()).into_owned();
    let (bytes, truncated) = crate::fs::open_regular(path)
        .and_then(|f| crate::fs::read_limited(f, MAX_POLICY_SIZE))
        .with_context(|| format!("--policy {shown}"))?;
    if truncated {
        bail!("--policy {shown}: larger than {MAX_POLICY_SIZE} bytes; not a policy file");
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| anyhow::anyhow!("{shown}: the policy file is not UTF-8"))?;
    let mut policy = Policy::from_yaml(&text, lang).map_err(|e| {
        if e.line > 0 {
            anyhow::anyhow!("{shown}:{}:{}: {}", e.line, e.column, e.message)
        } else {
            anyhow::anyhow!("{shown}: {}", e.message)
        }
    })?;
    // The include directory is relative to the policy file, not to wherever zonegate runs.
    if let Some(dir) = &policy.include_dir
        && dir.is_relative()
    {
        let base = path.parent().unwrap_or(Path::new("."));
        policy.include_dir = Some(base.join(dir));
    }
    Ok(policy)
}

/// The options for `input`: each limit from its flag, else the policy, else the default.
pub fn resolve(input: &InputArgs, lang: Lang) -> anyhow::Result<Resolved> {
    use super::args::defaults as d;
    let policy = match &input.policy {
        Some(path) => load_policy(path, lang)?,
        None => Policy::default(),
    };
    let limits = policy.limits;
    let origin = match &input.origin {
        Some(text) => Some(
            OwnedName::from_text(text)
                .map_err(|_| anyhow::anyhow!("--origin `{}` is not a domain name", escape(text)))?,
        ),
        None => None,
    };
    let encoding = match input.encoding.as_str() {
        "auto" => None,
        label => Some(Encoding::for_label(label).ok_or_else(|| {
            crate::source::DecodeError::UnknownEncoding(escape(label).into_owned())
        })?),
    };
    let max_line_length = input
        .max_line_length
        .or(limits.max_line_length.map(|n| n.get()))
        .unwrap_or(d::MAX_LINE_LENGTH);
    let max_token_length = input
        .max_token_length
        .or(limits.max_token_length.map(|n| n.get()))
        .unwrap_or(d::MAX_TOKEN_LENGTH);
    let max_fields = input
        .max_fields
        .or(limits.max_fields.map(|n| n.get()))
        .unwrap_or(d::MAX_FIELDS);
    for (name, value) in [
        ("--max-line-length", max_line_length),
        ("--max-token-length", max_token_length),
        ("--max-fields", max_fields),
    ] {
        if value == 0 {
            bail!("{name} must be at least 1");
        }
    }
    let max_file_size = input
        .max_file_size
        .or(limits.max_file_size.map(|n| n.get()))
        .unwrap_or(d::MAX_FILE_SIZE);
    if max_file_size >= u32::MAX as u64 {
        bail!("--max-file-size must be below 4 GiB");
    }
    let allow_include = input.allow_include.clone().or(policy.include_dir.clone());
    let max_diagnostics = limits.max_diagnostics.unwrap_or(d::MAX_DIAGNOSTICS);
    let options = CheckOptions {
        parse: ParseOptions {
            origin,
            file_name_origin: None,
            limits: LexLimits {
                max_line_len: max_line_length,
                max_token_len: max_token_length,
                max_tokens_per_entry: max_fields,
            },
            max_generate: input
                .max_generate
                .or(limits.max_generate)
                .unwrap_or(d::MAX_GENERATE),
            max_include_depth: input
                .max_include_depth
                .or(limits.max_include_depth)
                .unwrap_or(d::MAX_INCLUDE_DEPTH),
            threads: 0,
        },
        lang,
        encoding,
        max_file_size,
        input_format: input.input_format,
        sheet: input.sheet.clone(),
        threads: 0,
        fail_on: policy.fail_on.unwrap_or(Severity::Error),
        filter: RuleFilter {
            policy: policy.rule_settings(),
            ..RuleFilter::default()
        },
        policy,
    };
    Ok(Resolved {
        options,
        allow_include,
        max_diagnostics,
    })
}

/// `--select` and `--ignore`, checked against the catalogue, added to the policy's settings.
pub fn rule_filter(args: &CheckArgs, base: RuleFilter) -> anyhow::Result<RuleFilter> {
    for code in args.select.iter().chain(&args.ignore) {
        let known = code.eq_ignore_ascii_case("ALL")
            || crate::rules::registry::RULES
                .iter()
                .any(|r| crate::diag::matches_code(code, r.code));
        if !known {
            return Err(anyhow::anyhow!("no rule matches `{}`", escape(code)))
                .context("see `zonegate rules` for the catalogue");
        }
    }
    Ok(RuleFilter {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        ..base
    })
}

/// The live options, checked: addresses parse, durations parse, limits are at least 1.
pub fn live_options(args: &LiveArgs) -> anyhow::Result<crate::live::LiveOptions> {
    use crate::live::{LiveOptions, ResolverChoice};
    let resolver = match &args.resolver {
        Some(text) => ResolverChoice::Address(
            server_address(text, 53).with_context(|| format!("--resolver `{}`", escape(text)))?,
        ),
        None => ResolverChoice::System,
    };
    let authoritative = args
        .authoritative
        .iter()
        .map(|t| {
            server_address(t, args.port).with_context(|| format!("--authoritative `{}`", escape(t)))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let timeout = duration(&args.timeout).context("--timeout")?;
    let deadline = duration(&args.deadline).context("--deadline")?;
    if timeout.is_zero() || deadline.is_zero() {
        bail!("--timeout and --deadline must be longer than zero");
    }
    if args.concurrency == 0 {
        bail!("--concurrency must be at least 1");
    }
    if args.port == 0 {
        bail!("--port must be at least 1");
    }
    Ok(LiveOptions {
        resolver,
        authoritative,
        timeout,
        retries: args.retries,
        concurrency: args.concurrency,
        deadline,
        max_qps: args.max_qps,
        port: args.port,
        progress: true,
        ..LiveOptions::default()
    })
}

/// `192.0.2.1`, `192.0.2.1:5353`, `2001:db8::1`, `[2001:db8::1]:5353`; a name is refused, as
/// it would need the very DNS being checked.
pub fn server_address(text: &str, default_port: u16) -> anyhow::Result<std::net::SocketAddr> {
    use std::net::{IpAddr, SocketAddr};
    let text = text.trim();
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let bare = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    match bare.parse::<IpAddr>() {
        Ok(ip) => Ok(SocketAddr::new(ip, default_port)),
        Err(_) => bail!("not an IP address with an optional port (names are not accepted)"),
    }
}

/// `2s`, `500ms`, `1.5s`, `5m`, `1h`; a bare number is seconds.
pub fn duration(text: &str) -> anyhow::Result<std::time::Duration> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| anyhow::anyhow!("`{}` is not a duration such as 2s or 500ms", escape(text)))?;
    let scale = match unit.trim() {
        "" | "s" | "sec" => 1.0,
        "ms" => 0.001,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        // A cutover's waits are counted in days (`verify --wait --timeout 2d`).
        "d" => 86_400.0,
        _ => bail!("`{}` is not a duration such as 2s or 500ms", escape(text)),
    };
    let secs = value * scale;
    if !secs.is_finite() || secs > 86_400.0 * 7.0 {
        bail!("`{}` is too long", escape(text));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_addresses_take_an_optional_port() {
        assert_eq!(
            server_address("192.0.2.1", 53).unwrap().to_string(),
            "192.0.2.1:53"
        );
        assert_eq!(server_address("192.0.2.1:5353", 53).unwrap().port(), 5353);
        assert_eq!(
            server_address("2001:db8::1", 53).unwrap().to_string(),
            "[2001:db8::1]:53"
        );
        assert_eq!(server_address("[2001:db8::1]:54", 53).unwrap().port(), 54);
        assert_eq!(server_address("[2001:db8::1]", 5300).unwrap().port(), 5300);
        assert!(server_address("ns1.example.", 53).is_err());
        assert!(server_address("192.0.2.1:99999", 53).is_err());
    }

    #[test]
    fn durations_have_units() {
        use std::time::Duration;
        assert_eq!(duration("2s").unwrap(), Duration::from_secs(2));
        assert_eq!(duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(duration("1.5").unwrap(), Duration::from_millis(1500));
        assert_eq!(duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(duration("2d").unwrap(), Duration::from_secs(172_800));
        assert!(duration("8d").is_err(), "longer than a week");
        assert!(duration("2 weeks").is_err());
        assert!(duration("s").is_err());
        assert!(duration("9999999h").is_err());
    }
}
