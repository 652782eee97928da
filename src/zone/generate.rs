//! `$GENERATE start-stop[/step] lhs [ttl] [class] type rhs`, as BIND reads it.
//!
//! In `lhs` and `rhs`, `$` is the iterator and `${offset,width,base}` formats it (base `d`, `o`,
//! `x`, `X`, or `n`/`N` for reversed nibbles); `\$` is a literal dollar. The record count is
//! checked against the cap before anything is expanded, so `0-4294967295` costs nothing.

use super::lexer::{Entry, LexLimits, Lexer};
use super::name::{NameRef, parse_name};
use super::rdata::{Tok, report_name_error};
use super::rtype::RType;
use crate::diag::{Diagnostic, Emitter};
use crate::rules::syntax as r;
use crate::source::Span;
use crate::tr;

pub struct Generate<'t> {
    /// How many records the range makes, and where the range is written.
    pub count: u64,
    pub range_span: Span,
    start: u64,
    stop: u64,
    step: u64,
    lhs: Tok<'t>,
    pub ttl: Option<u32>,
    pub rtype: RType,
    pub type_span: Span,
    rhs: Tok<'t>,
}

impl<'t> Generate<'t> {
    pub fn parse(toks: &[Tok<'t>], max: u64, em: &mut Emitter<'_>) -> Option<Self> {
        let lang = em.lang;
        let whole = toks[0].span.to(toks[toks.len() - 1].span);
        let usage = |em: &mut Emitter<'_>, span: Span, en: String, ja: String| {
            let message = match lang {
                crate::diag::Lang::En => en,
                crate::diag::Lang::Ja => ja,
            };
            em.emit(Diagnostic::new(&r::INVALID_GENERATE, span, message).help(tr!(lang,
                "write `$GENERATE 1-10 host$ A 192.0.2.$` (range, owner, [TTL], [class], type, data)",
                "`$GENERATE 1-10 host$ A 192.0.2.$`（範囲、所有者、[TTL]、[クラス]、タイプ、データ）の形で書いてください")));
        };
        let Some(range) = toks.get(1) else {
            usage(
                em,
                whole,
                "`$GENERATE` needs a range, an owner, a type and data".into(),
                "`$GENERATE` には範囲、所有者、タイプ、データが必要です".into(),
            );
            return None;
        };
        let Some((start, stop, step)) = parse_range(&range.text()) else {
            let shown = range.shown();
            usage(
                em,
                range.span,
                format!("invalid `$GENERATE` range `{shown}`"),
                format!("`$GENERATE` の範囲 `{shown}` が不正です"),
            );
            return None;
        };
        if step == 0 || start > stop {
            let shown = range.shown();
            usage(
                em,
                range.span,
                format!("`$GENERATE` range `{shown}` is empty or has step 0"),
                format!("`$GENERATE` の範囲 `{shown}` が空か、ステップが 0 です"),
            );
            return None;
        }
        let count = (stop - start) / step + 1;
        if count > max {
            em.emit(Diagnostic::new(&r::GENERATE_TOO_LARGE, range.span, tr!(lang,
                "`$GENERATE` would make {count} records; the limit is {max}",
                "`$GENERATE` は {count} 件のレコードを作ります。上限は {max} 件です"))
                .help(tr!(lang, "split the range, or raise the limit with --max-generate if the zone really needs it",
                    "範囲を分割するか、本当に必要なら --max-generate で上限を上げてください")));
            return None;
        }
        let mut i = 3;
        let lhs = *toks.get(2)?;
        let mut ttl = None;
        let mut type_tok = None;
        while let Some(t) = toks.get(i) {
            let word = t.text();
            if ttl.is_none() && word.starts_with(|c: char| c.is_ascii_digit()) {
                match hickory_proto::serialize::txt::parse_ttl(&word) {
                    Ok(v) => ttl = Some(v),
                    Err(_) => {
                        em.emit(Diagnostic::new(
                            &r::INVALID_TTL,
                            t.span,
                            tr!(lang, "invalid TTL `{}`", "TTL `{}` が不正です", t.shown()),
                        ));
                        return None;
                    }
                }
            } else if ["IN", "CH", "HS", "CS"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(&word))
            {
            } else {
                type_tok = Some(*t);
                i += 1;
                break;
            }
            i += 1;
        }
        let Some(type_tok) = type_tok else {
            usage(
                em,
                whole,
                "`$GENERATE` has no record type".into(),
                "`$GENERATE` にレコードタイプがありません".into(),
            );
            return None;
        };
        let Some(rtype) =
            RType::from_name(&type_tok.text()).filter(|t| t.info().is_none_or(|i| !i.meta))
        else {
            let shown = type_tok.shown();
            em.emit(Diagnostic::new(
                &r::UNKNOWN_TYPE,
                type_tok.span,
                tr!(
                    lang,
                    "unknown record type `{shown}`",
                    "不明なレコードタイプ `{shown}` です"
                ),
            ));
            return None;
        };
        let rhs = match &toks[i.min(toks.len())..] {
            [rhs] => *rhs,
            [] => {
                usage(
                    em,
                    whole,
                    "`$GENERATE` has no record data".into(),
                    "`$GENERATE` にレコードデータがありません".into(),
                );
                return None;
            }
            [_, extra @ ..] => {
                let span = extra[0].span.to(extra[extra.len() - 1].span);
                usage(em, span, "`$GENERATE` takes its record data as one field; quote data that has spaces".into(),
                    "`$GENERATE` のレコードデータは 1 フィールドです。空白を含むデータは引用符で囲んでください".into());
                return None;
            }
        };
        Some(Generate {
            count,
            range_span: range.span,
            start,
            stop,
            step,
            lhs,
            ttl,
            rtype,
            type_span: type_tok.span,
            rhs,
        })
    }

    /// Calls `add` with each generated owner, type and data tokens; stops when it returns false.
    /// A fault in a template is reported once, for the first value it occurs at.
    pub fn expand(
        &self,
        origin: Option<NameRef<'_>>,
        em: &mut Emitter<'_>,
        mut add: impl FnMut(NameRef<'_>, RType, &[Tok<'_>], &mut Emitter<'_>) -> bool,
    ) {
        let lang = em.lang;
        let mut value = self.start;
        let mut owner_wire = Vec::new();
        let mut entry = Entry::default();
        while value <= self.stop {
            let (owner_text, rhs_text) = match (
                substitute(self.lhs.raw, value),
                substitute(self.rhs.raw, value),
            ) {
                (Ok(o), Ok(r)) => (o, r),
                (Err(e), _) | (_, Err(e)) => {
                    em.emit(Diagnostic::new(
                        &r::INVALID_GENERATE,
                        self.lhs.span.to(self.rhs.span),
                        tr!(
                            lang,
                            "`$GENERATE` template: {e}",
                            "`$GENERATE` のテンプレート: {e}"
                        ),
                    ));
                    return;
                }
            };
            owner_wire.clear();
            let owner_tok = Tok {
                raw: &owner_text,
                span: self.lhs.span,
                flags: self.lhs.flags,
            };
            if let Err(err) = parse_name(&owner_text, origin, &mut owner_wire) {
                report_name_error(em, &owner_tok, &err, "owner");
                return;
            }
            // The data may be several fields when quoted (`"10 mail$"`): lex it like a line.
            let mut lexer = Lexer::new(&rhs_text, LexLimits::default());
            let toks: Vec<Tok<'_>> = if self.rhs.is_quoted() && lexer.next_entry(&mut entry) {
                entry
                    .tokens
                    .iter()
                    .map(|t| Tok {
                        raw: t.raw(&rhs_text),
                        span: self.rhs.span,
                        flags: t.flags,
                    })
                    .collect()
            } else {
                vec![Tok {
                    raw: &rhs_text,
                    span: self.rhs.span,
                    flags: self.rhs.flags,
                }]
            };
            if !add(
                NameRef::from_wire(&owner_wire).expect("valid"),
                self.rtype,
                &toks,
                em,
            ) {
                return;
            }
            value = match value.checked_add(self.step) {
                Some(v) => v,
                None => return,
            };
        }
    }
}

/// `start-stop[/step]`, each at most 4294967295 as in BIND.
fn parse_range(text: &str) -> Option<(u64, u64, u64)> {
    let (range, step) = match text.split_once('/') {
        Some((r, s)) => (r, s.parse::<u64>().ok()?),
        None => (text, 1),
    };
    let (start, stop) = range.split_once('-')?;
    let (start, stop) = (start.parse::<u64>().ok()?, stop.parse::<u64>().ok()?);
    (start <= u32::MAX as u64 && stop <= u32::MAX as u64 && step <= u32::MAX as u64)
        .then_some((start, stop, step))
}

/// Replaces `$` and `${offset,width,base}` in `template` with `value`.
pub fn substitute(template: &str, value: u64) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 8);
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if template[i + 1..].starts_with('$') => {
                out.push('$');
                chars.next();
            }
            '\\' => {
                out.push('\\');
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
            '$' if template[i + 1..].starts_with('{') => {
                let close = template[i..].find('}').ok_or("unclosed `${`")? + i;
                let spec = &template[i + 2..close];
                out.push_str(&format_modifier(spec, value)?);
                while chars.peek().is_some_and(|&(j, _)| j <= close) {
                    chars.next();
                }
            }
            '$' => out.push_str(&value.to_string()),
            c => out.push(c),
        }
    }
    Ok(out)
}

fn format_modifier(spec: &str, value: u64) -> Result<String, String> {
    let mut parts = spec.split(',');
    let offset: i64 = parts.next().filter(|s| !s.is_empty()).map_or(Ok(0), |s| {
        s.trim()
            .parse()
            .map_err(|_| format!("offset `{s}` is not a number"))
    })?;
    let width: usize = parts.next().map_or(Ok(0), |s| {
        s.trim()
            .parse()
            .map_err(|_| format!("width `{s}` is not a number"))
    })?;
    let base = parts.next().unwrap_or("d").trim();
    if parts.next().is_some() || width > 255 {
        return Err(format!(
            "`${{{spec}}}` has too many parts or too wide a width"
        ));
    }
    let v = i128::from(value) + i128::from(offset);
    let v =
        u64::try_from(v).map_err(|_| format!("`${{{spec}}}` makes the value {v}, below zero"))?;
    Ok(match base {
        "d" => format!("{v:0width$}"),
        "o" => format!("{v:0width$o}"),
        "x" => format!("{v:0width$x}"),
        "X" => format!("{v:0width$X}"),
        "n" | "N" => {
            let hex = if base == "n" {
                format!("{v:0width$x}")
            } else {
                format!("{v:0width$X}")
            };
            hex.chars()
                .rev()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(".")
        }
        other => return Err(format!("base `{other}` is not one of d, o, x, X, n, N")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_forms() {
        assert_eq!(substitute("host$", 7).unwrap(), "host7");
        assert_eq!(substitute("host${0,3,d}", 7).unwrap(), "host007");
        assert_eq!(substitute("${10,0,x}", 7).unwrap(), "11");
        assert_eq!(substitute("${-1}", 7).unwrap(), "6");
        assert_eq!(substitute("${0,4,n}", 0x12).unwrap(), "2.1.0.0");
        assert_eq!(substitute("cost\\$$", 5).unwrap(), "cost$5");
        assert_eq!(substitute("a\\.b$", 1).unwrap(), "a\\.b1");
        assert!(substitute("${-9}", 1).is_err());
        assert!(substitute("${0,2,q}", 1).is_err());
        assert!(substitute("${0", 1).is_err());
    }

    #[test]
    fn ranges() {
        assert_eq!(parse_range("1-10"), Some((1, 10, 1)));
        assert_eq!(parse_range("0-100/10"), Some((0, 100, 10)));
        assert_eq!(parse_range("0-4294967295"), Some((0, 4_294_967_295, 1)));
        assert_eq!(parse_range("0-4294967296"), None);
        assert_eq!(parse_range("x"), None);
    }
}
