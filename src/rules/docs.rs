//! Rule documentation as text: `zonegate explain` and the generated `docs/rules.md`.

use super::{Rule, registry::RULES};
use crate::diag::Lang;
use std::fmt::Write;

/// One rule's page: a header line, then its docs.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let severity = rule.severity.label(lang);
    let phase = rule.phase.as_str();
    let summary = rule.summary.get(lang);
    let header = match lang {
        Lang::En => format!(
            "# {} {}\n\n{summary}.\n\nDefault severity: {severity}. Phase: {phase}. Reference: {}.\n\n",
            rule.code, rule.name, rule.rfc
        ),
        Lang::Ja => format!(
            "# {} {}\n\n{summary}。\n\n既定の重大度: {severity}。フェーズ: {phase}。参照: {}。\n\n",
            rule.code, rule.name, rule.rfc
        ),
    };
    header + rule.docs.get(lang)
}

/// The whole catalogue as Markdown: an index table, then every rule's page.
pub fn markdown(lang: Lang) -> String {
    let mut out = String::new();
    let title = match lang {
        Lang::En => {
            "# zonegate rules\n\nGenerated from the rule registry by `zonegate rules --format markdown`; do not edit.\n\n| code | name | severity | phase | summary |\n|---|---|---|---|---|\n"
        }
        Lang::Ja => {
            "# zonegate ルール一覧\n\nルール登録簿から `zonegate rules --format markdown --lang ja` で生成しています。編集しないでください。\n\n| コード | 名前 | 重大度 | フェーズ | 概要 |\n|---|---|---|---|---|\n"
        }
    };
    out.push_str(title);
    for r in RULES {
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} | {} |",
            r.code,
            r.code.to_ascii_lowercase(),
            r.name,
            r.severity.label(lang),
            r.phase.as_str(),
            r.summary.get(lang).replace('|', "\\|")
        );
    }
    for r in RULES {
        out.push('\n');
        // Rule pages go one level down inside the catalogue.
        let page = explain(r, lang)
            .replacen("# ", "## ", 1)
            .replace("\n## ", "\n### ");
        out.push_str(&page);
    }
    out
}
