//! `zonegate rules` and `zonegate explain`.

use super::args::{ExplainArgs, RulesArgs, RulesFormat};
use crate::diag::{Lang, escape};
use crate::rules::{self, registry::RULES};
use std::io::Write;

pub fn list(args: &RulesArgs, lang: Lang) -> anyhow::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        RulesFormat::Table => {
            for r in RULES {
                writeln!(
                    out,
                    "{:<6} {:<36} {:<8} {:<7} {}",
                    r.code,
                    r.name,
                    r.severity.label(lang),
                    r.phase.as_str(),
                    r.summary.get(lang)
                )?;
            }
        }
        RulesFormat::Json => {
            let rules: Vec<_> = RULES
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code, "name": r.name, "severity": r.severity, "phase": r.phase,
                        "rfc": r.rfc, "summary": r.summary.get(lang),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Markdown => out.write_all(rules::docs::markdown(lang).as_bytes())?,
    }
    out.flush()?;
    Ok(super::ACCEPTED)
}

pub fn explain(args: &ExplainArgs, lang: Lang) -> anyhow::Result<u8> {
    let Some(rule) = rules::find(&args.rule) else {
        anyhow::bail!("no rule `{}`; see `zonegate rules`", escape(&args.rule));
    };
    print!("{}", rules::docs::explain(rule, lang));
    Ok(super::ACCEPTED)
}
