//! `zonegate check`.

use super::args::CheckArgs;
use super::config;
use crate::check::{CheckOptions, Checked, check_owned};
use crate::diag::{Lang, escape};
use crate::fs::IncludeDir;
use crate::report::{self, Format, RenderOptions, Run, RunError, Skipped};
use crate::source::Sources;
use crate::zone::{IncludeLoader, NoIncludes};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn run(args: &CheckArgs, lang: Lang, color: bool) -> anyhow::Result<u8> {
    let resolved = config::resolve(&args.input, lang)?;
    let mut options = resolved.options;
    options.filter = config::rule_filter(args, options.filter)?;
    if let Some(fail_on) = args.fail_on {
        options.fail_on = fail_on.into();
    }
    options.threads = args.threads;
    let max_diagnostics = args.max_diagnostics.unwrap_or(resolved.max_diagnostics);
    let found = expand(&args.paths);
    // --origin names the domain applied for; it describes one file, not a tree of them (a
    // directory that holds one zone today may hold two tomorrow).
    if options.parse.origin.is_some() && (found.walked || found.inputs.len() > 1) {
        anyhow::bail!(
            "--origin applies to a single file; each file in a directory names its own origin"
        );
    }
    for dir in &found.empty {
        eprintln!(
            "zonegate: warning: {}: no zone files, record tables or workbooks found",
            escape(&dir.display().to_string())
        );
    }
    let allow_include = resolved.allow_include.as_deref();
    let jobs = match args.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let outcomes = parallel_map(&found.inputs, jobs, |path| {
        check_isolated(path, &options, allow_include)
    });
    let mut files = Vec::new();
    let mut errors = found.errors;
    for (path, outcome) in found.inputs.iter().zip(outcomes) {
        match outcome {
            Ok(checked) => files.push(checked),
            Err(message) => errors.push(RunError {
                path: path.display().to_string(),
                message,
            }),
        }
    }
    if args.live.live {
        live(args, &options, &mut files)?;
    }
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Full
    } else {
        Format::Concise
    });
    let root = std::env::current_dir().ok();
    let mut run = Run::new(&files, &errors);
    run.skipped = &found.skipped;
    run.root = root.as_deref();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    report::render(
        format,
        &run,
        &RenderOptions {
            color,
            lang,
            max_diagnostics,
        },
        &mut out,
    )?;
    out.flush()?;
    Ok(run.exit_code)
}

/// `--live`: the network checks for every file that has a zone, one after the other in one
/// session, so the deadline and the concurrency limit cover the whole run.
fn live(args: &CheckArgs, options: &CheckOptions, files: &mut [Checked]) -> anyhow::Result<()> {
    let live_options = config::live_options(&args.live)?;
    let log: Option<Box<dyn Write + Send>> = match &args.live.query_log {
        Some(path) => Some(Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| anyhow::anyhow!("--query-log {}: {e}", path.display()))?,
        ))),
        None => None,
    };
    let runtime = crate::live::runtime()?;
    let session = runtime.block_on(async { crate::live::Session::new(live_options, log) });
    for checked in files.iter_mut() {
        let Checked { sources, report } = checked;
        let Some(zone) = &report.zone else { continue };
        let index = crate::zone::ZoneIndex::new(zone);
        let input = crate::live::LiveInput {
            zone,
            index: &index,
            sources,
            file: report.file,
            lang: options.lang,
            policy: &options.policy,
            filter: &options.filter,
        };
        let live = runtime.block_on(crate::live::check(&session, &input));
        crate::check::add_findings(report, live.diagnostics, options);
    }
    session.progress.finish();
    Ok(())
}

/// The inputs of a run.
#[derive(Default)]
struct Found {
    /// Files to check: paths as given, directories replaced by the files found in them (sorted),
    /// each path once.
    inputs: Vec<PathBuf>,
    /// Whether any argument was a directory.
    walked: bool,
    /// Directories in which nothing was found.
    empty: Vec<PathBuf>,
    skipped: Vec<Skipped>,
    errors: Vec<RunError>,
}

fn expand(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            found.walked = true;
            let walk = crate::fs::walk(p);
            if walk.files.is_empty() && walk.errors.is_empty() {
                found.empty.push(p.clone());
            }
            found
                .inputs
                .extend(walk.files.into_iter().filter(|f| seen.insert(f.clone())));
            found.skipped.extend(walk.skipped);
            found.errors.extend(walk.errors);
        } else if seen.insert(p.clone()) {
            found.inputs.push(p.clone());
        }
    }
    found
}

/// `f` over `items` on up to `jobs` threads; the results in the order of `items`, whatever order
/// the threads finished in.
fn parallel_map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Checks one input with its own sources. A panic while checking (a bug) is reported against
/// that file instead of losing the report for every other file of the run.
fn check_isolated(
    path: &Path,
    options: &CheckOptions,
    allow_include: Option<&Path>,
) -> Result<Checked, String> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut sources = Sources::default();
        check_path(&mut sources, path, options, allow_include)
            .map(|report| Checked { sources, report })
    }));
    match outcome {
        Ok(Ok(checked)) => Ok(checked),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!(
                "internal error while checking this file (a bug in zonegate; please report it): {what}"
            ))
        }
    }
}

pub(super) fn check_path(
    sources: &mut Sources,
    path: &Path,
    options: &CheckOptions,
    allow_include: Option<&Path>,
) -> std::io::Result<crate::check::FileReport> {
    let (bytes, truncated) = super::read_input(path, options.max_file_size, options.threads)?;
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
