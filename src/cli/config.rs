//! Checked configuration: what the rest of the program uses instead of raw arguments.

use super::args::{CheckArgs, ColorChoice, InputArgs};
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
        },
        lang,
        encoding,
        max_file_size,
        input_format: input.input_format,
        sheet: input.sheet.clone(),
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
