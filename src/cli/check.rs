//! `zonegate check`.

use super::args::CheckArgs;
use super::config;
use crate::check::{CheckOptions, FileReport, Verdict, check_owned};
use crate::diag::Lang;
use crate::fs::IncludeDir;
use crate::report::{self, Format, RenderOptions, Run, RunError};
use crate::source::Sources;
use crate::zone::{IncludeLoader, NoIncludes};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(args: &CheckArgs, lang: Lang, color: bool) -> anyhow::Result<u8> {
    let mut options = config::check_options(&args.input, lang)?;
    options.filter = config::rule_filter(args)?;
    options.fail_on = args.fail_on.into();
    let inputs = expand(&args.paths)?;
    // --origin names the domain applied for; it describes one file, not a tree of them.
    if inputs.len() > 1 && options.parse.origin.is_some() {
        anyhow::bail!(
            "--origin applies to a single file; each file in a directory names its own origin"
        );
    }
    let mut sources = Sources::default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &inputs {
        match check_path(
            &mut sources,
            path,
            &options,
            args.input.allow_include.as_deref(),
        ) {
            Ok(report) => files.push(report),
            Err(e) => errors.push(RunError {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Full
    } else {
        Format::Concise
    });
    let run = Run {
        sources: &sources,
        files: &files,
        errors: &errors,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    report::render(
        format,
        &run,
        &RenderOptions {
            color,
            lang,
            max_diagnostics: args.max_diagnostics,
        },
        &mut out,
    )?;
    out.flush()?;
    Ok(exit_code(&files, &errors))
}

fn exit_code(files: &[FileReport], errors: &[RunError]) -> u8 {
    if !errors.is_empty() {
        super::FAILURE
    } else if files.iter().any(|f| f.verdict == Verdict::Rejected) {
        super::REJECTED
    } else {
        super::ACCEPTED
    }
}

/// Paths as given, with directories replaced by the zone files found in them.
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            out.extend(crate::fs::walk(p)?);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

pub(super) fn check_path(
    sources: &mut Sources,
    path: &Path,
    options: &CheckOptions,
    allow_include: Option<&Path>,
) -> std::io::Result<FileReport> {
    let (bytes, truncated) = super::read_input(path, options.max_file_size)?;
    let display = path.display().to_string();
    let mut options = options.clone();
    if path.as_os_str() != "-" {
        options.parse.file_name_origin = crate::zone::origin_from_file_name(&display);
    }
    let mut include_dir;
    let mut no_includes = NoIncludes;
    let loader: &mut dyn IncludeLoader = match allow_include {
        Some(dir) => {
            include_dir =
                IncludeDir::new(dir, options.max_file_size, options.encoding).map_err(|e| {
                    std::io::Error::new(e.kind(), format!("--allow-include {}: {e}", dir.display()))
                })?;
            include_dir.register(crate::source::FileId(sources.len() as u32), path);
            &mut include_dir
        }
        None => &mut no_includes,
    };
    Ok(check_owned(
        sources, &display, bytes, truncated, &options, loader,
    ))
}
