//! `zonegate plan`: the spec and the zone are checked (findings on standard error, in the
//! `check` formats), then the plan goes to standard output.

use super::args::PlanArgs;
use super::config;
use crate::check::{Checked, FileReport, Verdict};
use crate::diag::{Diagnostic, Lang, Severity, escape};
use crate::plan::{self, render, spec};
use crate::report::{self, Format, RenderOptions, Run};
use crate::source::{SourceFile, Sources};
use crate::tr;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The spec and the zone, read and checked (each with its own sources), with every finding.
pub(super) struct PlanInputs {
    /// The spec's, then the zone's.
    pub files: [Checked; 2],
    pub spec: Option<spec::Spec>,
}

impl PlanInputs {
    pub fn spec_report(&self) -> &FileReport {
        &self.files[0].report
    }
    pub fn zone_report(&self) -> &FileReport {
        &self.files[1].report
    }
}

/// Reads the spec into `sources` and checks it.
pub(super) fn read_spec(
    sources: &mut Sources,
    path: &Path,
    lang: Lang,
) -> anyhow::Result<(FileReport, Option<spec::Spec>)> {
    let shown = escape(&path.display().to_string()).into_owned();
    let (bytes, truncated) = super::read_input(path, spec::MAX_SPEC_SIZE, 1)
        .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    if truncated {
        anyhow::bail!(
            "{shown}: larger than {} bytes; a cutover spec is a few lines",
            spec::MAX_SPEC_SIZE
        );
    }
    let decoded = crate::source::decode(&bytes, Some(crate::source::Encoding::Utf8));
    let encoding = decoded.encoding.to_string();
    let file = sources.add(SourceFile::new(path.display().to_string(), decoded));
    let parsed = spec::parse(sources, file, lang);
    Ok((
        file_report(
            file,
            &path.display().to_string(),
            encoding,
            parsed.diagnostics,
        ),
        parsed.spec,
    ))
}

pub(super) fn file_report(
    file: crate::source::FileId,
    path: &str,
    encoding: String,
    mut diagnostics: Vec<Diagnostic>,
) -> FileReport {
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end, d.rule.code));
    let verdict = if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Verdict::Rejected
    } else {
        Verdict::Accepted
    };
    FileReport {
        file,
        path: path.to_owned(),
        encoding,
        zone: None,
        diagnostics,
        overflow: [0; 3],
        suppressed: 0,
        verdict,
    }
}

pub(super) fn check_inputs(
    spec_path: &Path,
    zone_path: &Path,
    input: &super::args::InputArgs,
    lang: Lang,
) -> anyhow::Result<PlanInputs> {
    let resolved = config::resolve(input, lang)?;
    let options = resolved.options;
    let mut spec_sources = Sources::default();
    let (spec_report, spec) = read_spec(&mut spec_sources, spec_path, lang)?;
    let mut zone_sources = Sources::default();
    let zone_report = super::check::check_path(
        &mut zone_sources,
        zone_path,
        &options,
        resolved.allow_include.as_deref(),
    )
    .map_err(|e| anyhow::anyhow!("{}: {e}", escape(&zone_path.display().to_string())))?;
    Ok(PlanInputs {
        files: [
            Checked {
                sources: spec_sources,
                report: spec_report,
            },
            Checked {
                sources: zone_sources,
                report: zone_report,
            },
        ],
        spec,
    })
}

/// Writes the findings of both files to standard error: always in `format` when it was asked
/// for, otherwise only when there is something to say.
pub(super) fn show_findings(
    checked: &PlanInputs,
    format: Option<Format>,
    lang: Lang,
) -> anyhow::Result<()> {
    let any = checked
        .files
        .iter()
        .any(|c| !c.report.diagnostics.is_empty() || c.report.overflow.iter().any(|&n| n > 0));
    if format.is_none() && !any {
        return Ok(());
    }
    let stderr = std::io::stderr();
    let format = format.unwrap_or(if stderr.is_terminal() {
        Format::Full
    } else {
        Format::Concise
    });
    let run = Run::new(&checked.files, &[]);
    let mut err = stderr.lock();
    report::render(
        format,
        &run,
        &RenderOptions {
            color: false,
            lang,
            max_diagnostics: 200,
        },
        &mut err,
    )?;
    err.flush()?;
    Ok(())
}

pub fn run(args: &PlanArgs, lang: Lang, _color: bool) -> anyhow::Result<u8> {
    let mut checked = check_inputs(&args.spec, &args.zone, &args.input, lang)?;
    // The network only when a plan can come of it.
    let plannable = checked.zone_report().zone.is_some()
        && (args.force || checked.zone_report().count(Severity::Error) == 0);
    let observed = if args.live.live && plannable {
        observe(args, checked.spec.as_ref(), lang)?
    } else {
        None
    };
    if let (Some(spec), Some(zone)) = (&checked.spec, &checked.zone_report().zone) {
        let extra = plan::cross_check(
            &checked.files[0].sources,
            checked.spec_report().file,
            zone,
            spec,
            observed.as_ref(),
            lang,
        );
        if !extra.is_empty() {
            let r = &mut checked.files[0].report;
            let mut all = std::mem::take(&mut r.diagnostics);
            all.extend(extra);
            *r = file_report(r.file, &r.path.clone(), r.encoding.clone(), all);
        }
    }
    show_findings(&checked, args.findings_format, lang)?;
    if checked.spec_report().verdict == Verdict::Rejected || checked.spec.is_none() {
        eprintln!(
            "{}",
            tr!(
                lang,
                "zonegate: no plan: the cutover spec has errors",
                "zonegate: 計画を作成しません: カットオーバー仕様にエラーがあります"
            )
        );
        return Ok(super::REJECTED);
    }
    let errors = checked.zone_report().count(Severity::Error);
    let Some(zone) = checked.zone_report().zone.as_ref() else {
        eprintln!(
            "{}",
            tr!(
                lang,
                "zonegate: no plan: the zone could not be read",
                "zonegate: 計画を作成しません: ゾーンを読めませんでした"
            )
        );
        return Ok(super::REJECTED);
    };
    if errors > 0 && !args.force {
        eprintln!(
            "{}",
            tr!(
                lang,
                "zonegate: no plan: the zone has {errors} error(s); fix them, or plan anyway with --force",
                "zonegate: 計画を作成しません: ゾーンにエラーが {errors} 件あります。修正するか、--force で作成してください"
            )
        );
        return Ok(super::REJECTED);
    }
    let spec = checked.spec.as_ref().expect("checked above");
    let plan = plan::build(&plan::Inputs {
        zone,
        spec,
        observed: observed.as_ref(),
        forced_errors: (errors > 0).then_some(errors),
    });
    if let Some(expected) = &args.expect_sha256
        && !expected.trim().eq_ignore_ascii_case(&plan.sha256)
    {
        let (got, want) = (&plan.sha256, escape(expected.trim()));
        eprintln!(
            "{}",
            tr!(
                lang,
                "zonegate: the plan's SHA-256 is {got}, not {want}: the zone, the spec or the measured TTLs changed since the plan was reviewed",
                "zonegate: 計画の SHA-256 が {want} ではなく {got} です。レビュー後にゾーン、仕様、または実測の TTL が変わっています"
            )
        );
        return Ok(super::REJECTED);
    }
    let cx = render::Context {
        verify_command: Some(format!(
            "zonegate verify --spec {}",
            shell_word(&args.spec.display().to_string())
        )),
        zone_path: Some(shell_word(&args.zone.display().to_string())),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    out.write_all(render::render(&plan, args.format, lang, &cx).as_bytes())?;
    out.flush()?;
    Ok(super::ACCEPTED)
}

/// `--live`: measures what the plan waits on. `None` when the spec did not read.
fn observe(
    args: &PlanArgs,
    spec: Option<&spec::Spec>,
    lang: Lang,
) -> anyhow::Result<Option<plan::Observed>> {
    let Some(spec) = spec else { return Ok(None) };
    let options = config::live_options(&args.live)?;
    let log: Option<Box<dyn Write + Send>> = match &args.live.query_log {
        Some(path) => Some(Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| {
                anyhow::anyhow!("--query-log {}: {e}", escape(&path.display().to_string()))
            })?,
        ))),
        None => None,
    };
    let runtime = crate::live::runtime()?;
    let (observed, notes) = runtime.block_on(async {
        let session = crate::live::Session::new(options, log);
        let result = crate::verify::observe(&session, spec).await;
        session.progress.finish();
        session.client.flush_log();
        result
    });
    for n in notes {
        let n = escape(&n);
        eprintln!(
            "{}",
            tr!(
                lang,
                "zonegate: --live: {n}; the plan assumes what it could not measure",
                "zonegate: --live: {n}。測定できなかった値は仮定値を使います"
            )
        );
    }
    Ok(Some(observed))
}

/// A path as a shell word: quoted unless it is plain, escaped for the terminal.
fn shell_word(text: &str) -> String {
    if !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-+=:,@".contains(&b))
    {
        text.to_owned()
    } else {
        format!("'{}'", escape(&text.replace('\'', r"'\''")))
    }
}
