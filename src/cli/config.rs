//! Checked configuration: what the rest of the program uses instead of raw arguments.

use super::args::{CheckArgs, ColorChoice, InputArgs};
use crate::check::CheckOptions;
use crate::diag::{Lang, RuleFilter, escape};
use crate::source::Encoding;
use crate::zone::lexer::LexLimits;
use crate::zone::{OwnedName, ParseOptions};
use anyhow::{Context, bail};
use std::io::IsTerminal;

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

pub fn check_options(input: &InputArgs, lang: Lang) -> anyhow::Result<CheckOptions> {
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
    for (name, value) in [
        ("--max-line-length", input.max_line_length),
        ("--max-token-length", input.max_token_length),
        ("--max-fields", input.max_fields),
    ] {
        if value == 0 {
            bail!("{name} must be at least 1");
        }
    }
    if input.max_file_size >= u32::MAX as u64 {
        bail!("--max-file-size must be below 4 GiB");
    }
    Ok(CheckOptions {
        parse: ParseOptions {
            origin,
            file_name_origin: None,
            limits: LexLimits {
                max_line_len: input.max_line_length,
                max_token_len: input.max_token_length,
                max_tokens_per_entry: input.max_fields,
            },
            max_generate: input.max_generate,
            max_include_depth: input.max_include_depth,
        },
        lang,
        encoding,
        max_file_size: input.max_file_size,
        input_format: input.input_format,
        sheet: input.sheet.clone(),
        ..CheckOptions::default()
    })
}

pub fn rule_filter(args: &CheckArgs) -> anyhow::Result<RuleFilter> {
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
        ..RuleFilter::default()
    })
}
