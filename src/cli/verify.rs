//! `zonegate verify`: one step of the plan against live DNS, once or until it holds.

use super::args::{VerifyArgs, VerifyFormat};
use super::config;
use crate::check::Verdict;
use crate::diag::{Lang, Severity, escape};
use crate::live::{self, LiveOptions, ResolverChoice, Session};
use crate::plan::{self, StepId};
use crate::report::Format;
use crate::source::Sources;
use crate::tr;
use crate::verify::{self as v, Target};
use anyhow::Context as _;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub fn run(args: &VerifyArgs, lang: Lang) -> anyhow::Result<u8> {
    let Some(step) = StepId::parse(args.step.trim()).filter(|s| v::VERIFIABLE.contains(s)) else {
        let list: Vec<&str> = v::VERIFIABLE.iter().map(|s| s.as_str()).collect();
        anyhow::bail!(
            "--step `{}`: verify checks {}",
            escape(&args.step),
            list.join(", ")
        );
    };
    let timeout = config::duration(&args.timeout).context("--timeout")?;
    let interval = config::duration(&args.interval).context("--interval")?;
    let query_timeout = config::duration(&args.query_timeout).context("--query-timeout")?;
    if query_timeout.is_zero() || interval.is_zero() {
        anyhow::bail!("--query-timeout and --interval must be longer than zero");
    }
    if args.port == 0 {
        anyhow::bail!("--port must be at least 1");
    }
    let resolver = match &args.resolver {
        Some(text) => ResolverChoice::Address(
            config::server_address(text, 53)
                .with_context(|| format!("--resolver `{}`", escape(text)))?,
        ),
        None => ResolverChoice::System,
    };

    // The spec, and the zone when the step's records come from it.
    let (spec, plan) = match (v::needs_zone(step), &args.zone) {
        (true, None) => anyhow::bail!("--step {step} needs the zone file: add ZONE"),
        (true, Some(zone)) => {
            let checked = super::plan::check_inputs(&args.spec, zone, &args.input, lang)?;
            let zone_errors = checked.zone_report().verdict == Verdict::Rejected;
            if checked.spec.is_none() || zone_errors {
                super::plan::show_findings(&checked, Some(Format::Concise), lang)?;
                anyhow::bail!("the spec or the zone has errors; see `zonegate plan`");
            }
            let spec = checked.spec.clone().expect("checked");
            let zone = checked.zone_report().zone.as_ref().expect("accepted");
            let plan = plan::build(&plan::Inputs {
                zone,
                spec: &spec,
                observed: None,
                forced_errors: None,
            });
            (spec, Some(plan))
        }
        (false, _) => {
            let mut sources = Sources::default();
            let (report, spec) = super::plan::read_spec(&mut sources, &args.spec, lang)?;
            let Some(spec) = spec.filter(|_| report.count(Severity::Error) == 0) else {
                for d in &report.diagnostics {
                    let at = crate::report::locate(&sources, d);
                    eprintln!(
                        "{}:{}:{}: {}[{}]: {}",
                        escape(&at.path),
                        at.start.line,
                        at.start.column,
                        d.severity.label(lang),
                        d.rule.code,
                        d.message
                    );
                }
                anyhow::bail!("the spec has errors");
            };
            (spec, None)
        }
    };
    if step == StepId::MxSwitch && spec.mail.is_none() {
        anyhow::bail!("the spec has no `mail`: there is no mx-switch to check");
    }

    let options = LiveOptions {
        resolver,
        timeout: query_timeout,
        retries: args.retries,
        port: args.port,
        deadline: Duration::from_secs(300),
        progress: false,
        ..LiveOptions::default()
    };
    let target = Target {
        step,
        spec: &spec,
        plan: plan.as_ref(),
        lang,
    };
    let runtime = live::runtime()?;
    let show_progress = args.wait && std::io::stderr().is_terminal();
    let outcome = runtime.block_on(async {
        let start = Instant::now();
        let mut round = 0u32;
        loop {
            round += 1;
            let session = Session::new(options.clone(), None);
            let outcome = v::verify(&session, &target).await;
            let elapsed = start.elapsed();
            if outcome.holds || !args.wait || elapsed + interval > timeout {
                if show_progress {
                    eprint!("\r\x1b[2K");
                }
                return outcome;
            }
            if show_progress {
                let n = outcome.differences.len();
                let left = (timeout - elapsed).as_secs();
                let next = interval.as_secs();
                eprint!(
                    "\r\x1b[2K{}",
                    tr!(
                        lang,
                        "waiting for {step}: check {round}, {n} difference(s); next in {next} s, giving up in {left} s",
                        "{step} を待機中: {round} 回目、相違 {n} 件。{next} 秒後に再確認、{left} 秒後に打ち切り"
                    )
                );
                let _ = std::io::stderr().flush();
            }
            tokio::time::sleep(interval).await;
        }
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let zone = spec.zone.to_string();
    match args.format {
        VerifyFormat::Text => out.write_all(v::render_text(&outcome, &zone, lang).as_bytes())?,
        VerifyFormat::Json => {
            let doc = serde_json::json!({
                "zone": zone,
                "step": step,
                "holds": outcome.holds,
                "checked": outcome.checked,
                "differences": outcome.differences,
            });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if outcome.holds {
        super::ACCEPTED
    } else {
        super::REJECTED
    })
}
