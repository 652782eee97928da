//! `zonegate fmt`: the zone as a DNS host would load it. A zone with errors is not printed,
//! since a partial zone loaded at cutover would lose records silently.

use super::args::FmtArgs;
use super::config;
use crate::check::{Checked, Verdict};
use crate::diag::Lang;
use crate::report::{self, Format, RenderOptions, Run};
use crate::source::Sources;
use std::io::Write;

pub fn run(args: &FmtArgs, lang: Lang) -> anyhow::Result<u8> {
    let resolved = config::resolve(&args.input, lang)?;
    let options = resolved.options;
    let mut sources = Sources::default();
    let report = super::check::check_path(
        &mut sources,
        &args.path,
        &options,
        resolved.allow_include.as_deref(),
    )
    .map_err(|e| {
        anyhow::anyhow!(
            "{}: {e}",
            crate::diag::escape(&args.path.display().to_string())
        )
    })?;
    if report.verdict == Verdict::Rejected {
        let files = [Checked { sources, report }];
        let run = Run::new(&files, &[]);
        let stderr = std::io::stderr();
        report::render(
            Format::Concise,
            &run,
            &RenderOptions {
                color: false,
                lang,
                max_diagnostics: 200,
            },
            &mut stderr.lock(),
        )?;
        return Ok(super::REJECTED);
    }
    let zone = report.zone.as_ref().expect("an accepted file has a zone");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    crate::zone::fmt::write_zone(zone, &mut out)?;
    out.flush()?;
    Ok(super::ACCEPTED)
}
