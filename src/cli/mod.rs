//! The command line: parse arguments, run a command, map the outcome to an exit code.
//!
//! Exit codes: 0 when every file is accepted, 1 when any is rejected, 2 for a usage error or a
//! file that could not be read. A closed pipe (`zonegate check ... | head`) is not an error.

pub mod args;
mod check;
mod config;
mod fmt;
mod plan;
mod rules;
mod verify;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

pub const ACCEPTED: u8 = 0;
pub const REJECTED: u8 = 1;
pub const FAILURE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { FAILURE } else { ACCEPTED });
        }
    };
    let lang = config::lang(cli.lang);
    let color = config::color(cli.color);
    let result = match &cli.command {
        Command::Check(args) => check::run(args, lang, color),
        Command::Fmt(args) => fmt::run(args, lang),
        Command::Rules(args) => rules::list(args, lang),
        Command::Explain(args) => rules::explain(args, lang),
        Command::Plan(args) => plan::run(args, lang, color),
        Command::Verify(args) => verify::run(args, lang),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(ACCEPTED),
        Err(e) => {
            eprintln!(
                "zonegate: error: {}",
                crate::diag::escape(&format!("{e:#}"))
            );
            ExitCode::from(FAILURE)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Reads one input (a path or `-`) within the size limit.
pub(crate) fn read_input(
    path: &std::path::Path,
    limit: u64,
    threads: usize,
) -> std::io::Result<(Vec<u8>, bool)> {
    if path.as_os_str() == "-" {
        crate::fs::read_limited(std::io::stdin().lock(), limit)
    } else {
        crate::fs::read_file_limited_on(crate::fs::open_regular(path)?, limit, threads)
    }
}
