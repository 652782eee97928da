//! A plan for people (text, Markdown) and for programs (JSON, YAML). Every format renders the
//! same [`Plan`]; the text formats pick the run's language, the data formats carry both.

use super::{Plan, Step, ttl};
use crate::diag::{Lang, escape};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Text,
    Markdown,
    Json,
    Yaml,
}

/// What the text formats show besides the plan itself (not part of the hash).
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// How to run `verify`, e.g. `zonegate verify --spec cutover.yaml`.
    pub verify_command: Option<String>,
    /// The zone file, for `verify --step provision`.
    pub zone_path: Option<String>,
}

pub fn render(plan: &Plan, format: PlanFormat, lang: Lang, cx: &Context) -> String {
    match format {
        PlanFormat::Text => text(plan, lang, cx),
        PlanFormat::Markdown => markdown(plan, lang, cx),
        PlanFormat::Json => serde_json::to_string_pretty(plan).expect("a plan serialises") + "\n",
        PlanFormat::Yaml => serde_yaml::to_string(plan).expect("a plan serialises"),
    }
}

/// `text (aside)`, with full-width parentheses in Japanese.
fn paren(lang: Lang, text: &str, aside: &str) -> String {
    match lang {
        Lang::En => format!("{text} ({aside})"),
        Lang::Ja => format!("{text}（{aside}）"),
    }
}

fn pick<'a>(lang: Lang, en: &'a str, ja: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

struct Labels {
    title: &'static str,
    ttls: &'static str,
    no_return: &'static str,
    none: &'static str,
    total: &'static str,
    actor: &'static str,
    action: &'static str,
    check: &'static str,
    wait: &'static str,
    rollback: &'static str,
    takes: &'static str,
    cannot: &'static str,
    note: &'static str,
    diff: &'static str,
    pnr: &'static str,
    forced: &'static str,
}

const EN: Labels = Labels {
    title: "Cutover plan for",
    ttls: "TTLs",
    no_return: "Points of no return",
    none: "none",
    total: "Total wait",
    actor: "actor",
    action: "Do",
    check: "Check",
    wait: "Wait",
    rollback: "Rollback",
    takes: "takes effect within",
    cannot: "cannot be rolled back by the operator",
    note: "Note",
    diff: "Records (the rollback is the exact reverse)",
    pnr: "POINT OF NO RETURN",
    forced: "made with --force despite errors in the zone",
};

const JA: Labels = Labels {
    title: "カットオーバー計画:",
    ttls: "TTL",
    no_return: "後戻りできない手順",
    none: "なし",
    total: "待ち時間の合計",
    actor: "実施者",
    action: "作業",
    check: "確認",
    wait: "待ち",
    rollback: "切り戻し",
    takes: "反映まで",
    cannot: "事業者は切り戻せません",
    note: "注記",
    diff: "レコード（切り戻しはこの逆）",
    pnr: "後戻りできない手順",
    forced: "ゾーンにエラーがあるまま --force で作成",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
    }
}

fn ttl_summary(plan: &Plan, lang: Lang) -> String {
    let t = &plan.ttls;
    let item = |en: &str, ja: &str, v: &ttl::Ttl| {
        paren(
            lang,
            &format!(
                "{} {}",
                pick(lang, en, ja),
                ttl::human(v.seconds.into(), lang)
            ),
            v.source.label(lang),
        )
    };
    let mut parts = vec![
        item("parent NS", "親の NS", &t.parent_ns),
        item("child NS", "子の NS", &t.child_ns),
    ];
    if let Some(mx) = &t.mx {
        parts.push(item("MX", "MX", mx));
    }
    parts.push(item("negative", "否定応答", &t.negative));
    parts.push(item("DS", "DS", &t.ds));
    parts.push(item(
        "registry delay",
        "レジストリの反映",
        &t.registry_delay,
    ));
    parts.push(item("lowered", "切替中", &t.lowered));
    parts.join(pick(lang, ", ", "、"))
}

fn verify_line(step: &Step, cx: &Context) -> Option<String> {
    let base = cx.verify_command.as_ref()?;
    if !step.verifiable {
        return None;
    }
    let zone = match (step.id, &cx.zone_path) {
        (super::StepId::Provision, Some(z)) => format!(" {z}"),
        _ => String::new(),
    };
    Some(format!("{base} --step {}{zone}", step.id))
}

fn rollback_time(step: &Step, lang: Lang) -> String {
    let l = labels(lang);
    match step.rollback_seconds {
        Some(s) => format!("{} {}", l.takes, ttl::human(s, lang)),
        None => l.cannot.to_owned(),
    }
}

fn total_wait(plan: &Plan) -> u64 {
    plan.steps.iter().map(|s| s.wait_seconds).sum()
}

fn header(plan: &Plan, lang: Lang) -> Vec<(String, String)> {
    let l = labels(lang);
    let pnr = if plan.points_of_no_return.is_empty() {
        l.none.to_owned()
    } else {
        plan.points_of_no_return
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows = vec![
        ("SHA-256".to_owned(), plan.sha256.clone()),
        (l.ttls.to_owned(), ttl_summary(plan, lang)),
        (l.no_return.to_owned(), pnr),
        (l.total.to_owned(), ttl::human(total_wait(plan), lang)),
    ];
    if plan.forced {
        rows.push(("!".to_owned(), l.forced.to_owned()));
    }
    rows
}

fn text(plan: &Plan, lang: Lang, cx: &Context) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let zone = escape(&plan.zone);
    let _ = writeln!(out, "{} {zone}", l.title);
    for (k, v) in header(plan, lang) {
        let _ = writeln!(out, "{k}: {v}");
    }
    for (i, s) in plan.steps.iter().enumerate() {
        let title = pick(lang, &s.title, &s.title_ja);
        let pnr = if s.point_of_no_return {
            format!("  [{}]", l.pnr)
        } else {
            String::new()
        };
        let actor = format!("{}: {}", l.actor, s.actor.label(lang));
        let _ = writeln!(
            out,
            "\n{}. {} — {}{pnr}",
            i + 1,
            s.id,
            paren(lang, title, &actor)
        );
        let field = |out: &mut String, name: &str, value: &str| {
            let _ = writeln!(out, "   {name}: {value}");
        };
        field(&mut out, l.action, pick(lang, &s.action, &s.action_ja));
        let mut check = pick(lang, &s.verify, &s.verify_ja).to_owned();
        if let Some(cmd) = verify_line(s, cx) {
            check = paren(lang, &check, &format!("`{cmd}`"));
        }
        field(&mut out, l.check, &check);
        let wait = format!(
            "{} — {}",
            ttl::human(s.wait_seconds, lang),
            pick(lang, &s.wait_reason, &s.wait_reason_ja)
        );
        field(&mut out, l.wait, &wait);
        let rollback = match s.rollback_seconds {
            Some(0) | None => pick(lang, &s.rollback, &s.rollback_ja).to_owned(),
            _ => paren(
                lang,
                pick(lang, &s.rollback, &s.rollback_ja),
                &rollback_time(s, lang),
            ),
        };
        field(&mut out, l.rollback, &rollback);
        let notes = match lang {
            Lang::En => &s.notes,
            Lang::Ja => &s.notes_ja,
        };
        for n in notes {
            field(&mut out, l.note, n);
        }
        // The rollback diff is the exact reverse; the data formats carry it.
        if let Some(d) = &s.diff {
            let _ = writeln!(out, "   {}:", l.diff);
            for line in d.lines() {
                let _ = writeln!(out, "     {line}");
            }
        }
    }
    out
}

fn markdown(plan: &Plan, lang: Lang, cx: &Context) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let zone = escape(&plan.zone);
    let _ = writeln!(out, "# {} `{zone}`\n", l.title);
    for (k, v) in header(plan, lang) {
        let _ = writeln!(out, "- **{k}**: {v}");
    }
    let (step, actor, wait, pnr) = match lang {
        Lang::En => ("step", "actor", "wait", "point of no return"),
        Lang::Ja => ("手順", "実施者", "待ち", "後戻り不可"),
    };
    let _ = writeln!(
        out,
        "\n| # | {step} | {actor} | {wait} | {pnr} |\n|---|---|---|---|---|"
    );
    for (i, s) in plan.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | `{}` {} | {} | {} | {} |",
            i + 1,
            s.id,
            pick(lang, &s.title, &s.title_ja),
            s.actor.label(lang),
            ttl::human(s.wait_seconds, lang),
            if s.point_of_no_return { "**!**" } else { "" }
        );
    }
    for (i, s) in plan.steps.iter().enumerate() {
        let title = pick(lang, &s.title, &s.title_ja);
        let mark = if s.point_of_no_return {
            format!(" — **{}**", l.pnr)
        } else {
            String::new()
        };
        let _ = writeln!(out, "\n## {}. `{}`: {title}{mark}\n", i + 1, s.id);
        let _ = writeln!(out, "- **{}**: {}", l.actor, s.actor.label(lang));
        let _ = writeln!(
            out,
            "- **{}**: {}",
            l.action,
            pick(lang, &s.action, &s.action_ja)
        );
        let mut check = pick(lang, &s.verify, &s.verify_ja).to_owned();
        if let Some(cmd) = verify_line(s, cx) {
            check = paren(lang, &check, &format!("`{cmd}`"));
        }
        let _ = writeln!(out, "- **{}**: {check}", l.check);
        let _ = writeln!(
            out,
            "- **{}**: {} — {}",
            l.wait,
            ttl::human(s.wait_seconds, lang),
            pick(lang, &s.wait_reason, &s.wait_reason_ja)
        );
        let _ = match s.rollback_seconds {
            Some(0) | None => writeln!(
                out,
                "- **{}**: {}",
                l.rollback,
                pick(lang, &s.rollback, &s.rollback_ja)
            ),
            _ => writeln!(
                out,
                "- **{}**: {}",
                l.rollback,
                paren(
                    lang,
                    pick(lang, &s.rollback, &s.rollback_ja),
                    &rollback_time(s, lang)
                )
            ),
        };
        let notes = match lang {
            Lang::En => &s.notes,
            Lang::Ja => &s.notes_ja,
        };
        for n in notes {
            let _ = writeln!(out, "- **{}**: {n}", l.note);
        }
        if let Some(d) = &s.diff {
            let _ = writeln!(out, "\n{}:\n\n```diff\n{d}```", l.diff);
        }
    }
    out
}
