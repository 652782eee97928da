//! From entries to records: directives, owners, TTLs, classes and types (RFC 1035 §5.1).
//!
//! The parser keeps going after every fault. A bad line is reported and recorded as failed, and
//! the next line starts afresh, so one run reports every problem in the file.
//!
//! It touches no file system: `$INCLUDE` goes through an [`IncludeLoader`], which decides whether
//! a path may be read at all. The command line's loader refuses everything unless the operator
//! named a directory with `--allow-include`.

use super::lexer::{Entry, FULLWIDTH, LexError, LexLimits, Lexer, QUOTED, Token};
use super::name::{NameRef, OwnedName, parse_name};
use super::rdata::{self, Tok, report_name_error};
use super::rtype::RType;
use super::{FailedRecord, OriginSource, Record, Suppression, Zone};
use crate::diag::{Diagnostic, Emitter, Lang, escape};
use crate::rules::syntax as r;
use crate::source::{FileId, Sources, Span};
use crate::tr;

mod pieces;

/// What the caller decides about parsing.
#[derive(Clone, Debug)]
pub struct ParseOptions {
    /// `--origin`: the domain applied for. Wins over everything in the file.
    pub origin: Option<OwnedName>,
    /// The origin guessed from the file name, used when the file names none.
    pub file_name_origin: Option<OwnedName>,
    pub limits: LexLimits,
    /// Most records one `$GENERATE` may produce; all of a file's together may produce
    /// [`GENERATE_TOTAL_FACTOR`] times as many.
    pub max_generate: u64,
    /// Deepest `$INCLUDE` nesting.
    pub max_include_depth: usize,
    /// Threads to read one large file on: 0 decides from its size and the machine, 1 reads it
    /// on this one. What is read is the same either way (see `parser::pieces`).
    pub threads: usize,
}

/// How many times `max_generate` the `$GENERATE` lines of one file (with its includes) may
/// produce in all. Without a total, a 64 MiB file of directives at the per-line limit would ask
/// for 10^11 records; with it, the default allows a million, far beyond any reverse zone.
pub const GENERATE_TOTAL_FACTOR: u64 = 16;

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            origin: None,
            file_name_origin: None,
            limits: LexLimits::default(),
            max_generate: 65_536,
            max_include_depth: 8,
            threads: 0,
        }
    }
}

/// Why an `$INCLUDE` was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IncludeError {
    /// Includes are off (the default for untrusted input).
    Refused,
    /// The path, once canonicalised, lies outside the allowed directory.
    OutsideAllowed {
        resolved: String,
        allowed: String,
    },
    Unreadable(String),
    /// The file is already being read further up the chain.
    Loop,
}

/// Reads included files on the parser's behalf, and decides whether it may.
pub trait IncludeLoader {
    /// Loads `path`, named in file `from`, while `chain` (outermost first) is being parsed.
    fn load(
        &mut self,
        sources: &mut Sources,
        from: FileId,
        chain: &[FileId],
        path: &str,
    ) -> Result<FileId, IncludeError>;
}

/// Refuses every include: the right answer for a stranger's attachment.
pub struct NoIncludes;

impl IncludeLoader for NoIncludes {
    fn load(
        &mut self,
        _: &mut Sources,
        _: FileId,
        _: &[FileId],
        _: &str,
    ) -> Result<FileId, IncludeError> {
        Err(IncludeError::Refused)
    }
}

/// Parses file `file` of `sources` into a zone, reporting every fault to `em`.
pub fn parse(
    sources: &mut Sources,
    file: FileId,
    options: &ParseOptions,
    loader: &mut dyn IncludeLoader,
    em: &mut Emitter<'_>,
) -> Zone {
    let (origin, origin_source) = initial_origin(&sources.get(file).text, options);
    let apex_known = matches!(origin_source, OriginSource::CommandLine);
    let mut zone = Zone::new(
        origin.clone().unwrap_or_else(OwnedName::root),
        origin_source,
    );
    zone.reserve_for_text(sources.get(file).text.len());
    let mut p = Parser::new(zone, options, loader, file);
    p.parse_file(sources, file, origin.clone(), (None, None), em);
    let mut zone = p.zone;
    if !apex_known {
        // The apex is the SOA owner when there is one: it is what the file says it is for.
        // Except when the owner is the origin written twice (`example.jp IN SOA` without a dot,
        // in `example.jp.zone`): that is the classic missing dot, which the names rules report
        // at the SOA; taking it as the apex would put every other record outside the zone.
        if let Some(soa) = zone.records.iter().find(|r| r.rtype == RType::SOA)
            && !origin
                .as_ref()
                .is_some_and(|o| zone.names.get(soa.owner).is_doubled(o.as_ref()))
        {
            zone.origin = zone.names.get(soa.owner).to_owned();
            if zone.origin_source == OriginSource::None
                || zone.origin_source == OriginSource::FileName
            {
                zone.origin_source = OriginSource::SoaOwner;
            }
        }
    }
    zone
}

/// One row of a record table, its cells read into tokens whose spans point at the cells.
#[derive(Debug)]
pub struct TableRecord<'a> {
    /// The row, from its first cell to its last: the record's span.
    pub span: Span,
    /// The host; `None` for the apex (an empty cell or `@`).
    pub owner: Option<Tok<'a>>,
    /// The host cell, where findings about the owner point when it is empty.
    pub owner_span: Span,
    pub ttl: Option<Tok<'a>>,
    pub rtype: Tok<'a>,
    pub rdata: Vec<Tok<'a>>,
    /// Faults the lexer found in the cells, at offsets of the table's text.
    pub lex_errors: Vec<LexError>,
}

/// How a table's records are read.
#[derive(Clone, Debug)]
pub struct TableOptions {
    pub origin: Option<OwnedName>,
    pub origin_source: OriginSource,
    /// The TTL of rows whose TTL cell is empty: what the host applies to such records.
    pub default_ttl: u32,
}

/// Parses the rows of a record table (file `file` of `sources`) into a zone. Rows the table
/// reader already refused are passed as `failed`, so that rules looking for a missing SOA or NS
/// do not report them a second time.
pub fn parse_table(
    sources: &Sources,
    file: FileId,
    records: &[TableRecord<'_>],
    failed: &[(Span, Option<RType>)],
    table: &TableOptions,
    options: &ParseOptions,
    em: &mut Emitter<'_>,
) -> Zone {
    let mut no_includes = NoIncludes;
    let zone = Zone::new(
        table.origin.clone().unwrap_or_else(OwnedName::root),
        table.origin_source,
    );
    let mut p = Parser::new(zone, options, &mut no_includes, file);
    let mut st = FileState::new(file, table.origin.clone(), Some(table.default_ttl), None);
    let text = &sources.get(file).text;
    for rec in records {
        p.table_record(&mut st, text, rec, em);
    }
    for &(span, rtype) in failed {
        p.fail_span(span, None, rtype);
    }
    let mut zone = p.zone;
    if table.origin_source != OriginSource::CommandLine
        && let Some(soa) = zone.records.iter().find(|r| r.rtype == RType::SOA)
    {
        zone.origin = zone.names.get(soa.owner).to_owned();
    }
    zone
}

/// The origin for relative names before any `$ORIGIN`: `--origin`, else the file's first
/// `$ORIGIN`, else an absolute SOA owner, else the file name.
fn initial_origin(text: &str, options: &ParseOptions) -> (Option<OwnedName>, OriginSource) {
    if let Some(o) = &options.origin {
        return (Some(o.clone()), OriginSource::CommandLine);
    }
    let mut soa_owner = None;
    for (n, line) in text.lines().enumerate() {
        let mut words = line.split_ascii_whitespace();
        let Some(first) = words.next() else { continue };
        if first.eq_ignore_ascii_case("$ORIGIN") {
            if let Some(name) = words.next().filter(|w| w.ends_with('.'))
                && let Ok(origin) = OwnedName::from_text(name)
            {
                return (Some(origin), OriginSource::OriginDirective);
            }
            break;
        }
        if soa_owner.is_none() && n < 1000 && first.ends_with('.') && !line.starts_with([' ', '\t'])
        {
            let rest: Vec<&str> = words.take(3).collect();
            if rest.iter().any(|w| w.eq_ignore_ascii_case("SOA")) {
                soa_owner = OwnedName::from_text(first).ok();
            }
        }
    }
    if let Some(owner) = soa_owner {
        return (Some(owner), OriginSource::SoaOwner);
    }
    match &options.file_name_origin {
        Some(o) => (Some(o.clone()), OriginSource::FileName),
        None => (None, OriginSource::None),
    }
}

/// A plausible origin from a file name: `example.co.jp.zone`, `db.example.com` and
/// `example.com.txt` all name their domain. Names without a dot are not guessed from.
pub fn origin_from_file_name(path: &str) -> Option<OwnedName> {
    let base = std::path::Path::new(path).file_name()?.to_str()?;
    let mut name = base;
    for ext in [
        ".zone", ".db", ".txt", ".dns", ".hosts", ".signed", ".csv", ".tsv", ".xlsx", ".xls",
    ] {
        let cut = name.len().saturating_sub(ext.len());
        if cut > 0 && name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(ext) {
            name = &name[..cut];
        }
    }
    let name = name.strip_prefix("db.").unwrap_or(name);
    let plausible = name.contains('.')
        && name.split('.').all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        && name
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.bytes().any(|b| b.is_ascii_alphabetic()));
    plausible.then(|| OwnedName::from_text(name).ok()).flatten()
}

struct Parser<'o, 'l> {
    zone: Zone,
    options: &'o ParseOptions,
    loader: &'l mut dyn IncludeLoader,
    chain: Vec<FileId>,
    soa_minimum: Option<u32>,
    warned_missing_ttl: bool,
    class: Option<u16>,
    /// Reused for every owner name, so parsing one costs no allocation.
    name_buf: Vec<u8>,
    /// Reused for every entry, for the same reason.
    entry: Entry,
    /// Set for a piece of a file read from a guessed state (`pieces`). What the records before
    /// the piece leave is then unknown: using the SOA minimum, or refusing a `$GENERATE` for the
    /// file's total (counted from the piece's start), makes the piece unusable, which
    /// `used_unknown_state` records.
    from_guessed_state: bool,
    used_unknown_state: bool,
    /// Records the `$GENERATE` lines read so far make, against the file's total (in a piece, the
    /// piece's own).
    generated: u64,
}

/// Where [`Parser::parse_entries`] stopped reading.
enum Stop {
    /// At this offset: the end of the text, or the start of the first entry past the range.
    At(usize),
    /// At an `$INCLUDE`, whose tokens these are; reading resumes at `resume`.
    Include { tokens: Vec<Token>, resume: usize },
}

/// Per-file state: RFC 1035 says an included file does not change its parent's origin.
struct FileState {
    file: FileId,
    origin: Option<OwnedName>,
    default_ttl: Option<u32>,
    last_ttl: Option<u32>,
    last_owner: Option<super::NameId>,
    /// A suppression comment on a line of its own, waiting for the entry below it.
    pending_suppression: Option<(Suppression, u32)>,
}

impl FileState {
    /// The state before the first entry of `file` is read: `origin` and the TTLs in effect
    /// there, no owner yet.
    fn new(
        file: FileId,
        origin: Option<OwnedName>,
        default_ttl: Option<u32>,
        last_ttl: Option<u32>,
    ) -> Self {
        FileState {
            file,
            origin,
            default_ttl,
            last_ttl,
            last_owner: None,
            pending_suppression: None,
        }
    }
}

impl<'o, 'l> Parser<'o, 'l> {
    /// A parser for file `file` into `zone`, which has read nothing yet.
    fn new(
        zone: Zone,
        options: &'o ParseOptions,
        loader: &'l mut dyn IncludeLoader,
        file: FileId,
    ) -> Self {
        Parser {
            zone,
            options,
            loader,
            chain: vec![file],
            soa_minimum: None,
            warned_missing_ttl: false,
            class: None,
            name_buf: Vec::with_capacity(256),
            entry: Entry::default(),
            from_guessed_state: false,
            used_unknown_state: false,
            generated: 0,
        }
    }

    /// Parses one file. `ttls` are the default and last TTL in effect where it is included:
    /// an included file inherits them, as BIND's does.
    fn parse_file(
        &mut self,
        sources: &mut Sources,
        file: FileId,
        origin: Option<OwnedName>,
        ttls: (Option<u32>, Option<u32>),
        em: &mut Emitter<'_>,
    ) {
        let mut st = FileState::new(file, origin, ttls.0, ttls.1);
        let text = &sources.get(file).text;
        // A large file given to check (not one it includes) is read on several threads.
        let threads = match self.chain.len() {
            1 => pieces::thread_count(self.options.threads, text.len()),
            _ => 1,
        };
        let mut stop = match self.parse_in_pieces(&mut st, text, threads, em) {
            Some(stop) => stop,
            None => self.parse_entries(&mut st, text, 0, usize::MAX, em),
        };
        // The lexer borrows the text; an `$INCLUDE` needs `sources` mutably, so the entries are
        // read up to one, the include is read, and reading resumes after it.
        while let Stop::Include { tokens, resume } = stop {
            self.include(sources, &mut st, &tokens, em);
            stop = self.parse_entries(&mut st, &sources.get(file).text, resume, usize::MAX, em);
        }
    }

    /// Reads the entries of `text` from offset `from` (where an entry starts) until the end of
    /// the text, an `$INCLUDE`, or the first entry that starts at or after `until`.
    fn parse_entries(
        &mut self,
        st: &mut FileState,
        text: &str,
        from: usize,
        until: usize,
        em: &mut Emitter<'_>,
    ) -> Stop {
        let mut lexer = Lexer::new(text, self.options.limits).starting_at(from);
        let mut entry = std::mem::take(&mut self.entry);
        let mut toks = Vec::new();
        let stop = loop {
            if !lexer.next_entry(&mut entry) {
                break Stop::At(text.len());
            }
            if entry.start as usize >= until {
                break Stop::At(entry.start as usize);
            }
            if !entry.errors.is_empty() {
                self.lex_errors(st, text, &entry, em);
            }
            self.suppressions(st, text, &entry);
            if entry.tokens.is_empty() {
                continue;
            }
            let first = &entry.tokens[0];
            if !entry.blank_owner
                && text.as_bytes()[first.start as usize] == b'$'
                && !first.is_quoted()
            {
                if first.text(text).eq_ignore_ascii_case("$INCLUDE") && !entry.poisoned {
                    break Stop::Include {
                        tokens: entry.tokens.clone(),
                        resume: lexer.position(),
                    };
                }
                self.directive(st, text, &entry, em);
            } else {
                self.record(st, text, &entry, &mut toks, em);
            }
        };
        self.entry = entry;
        stop
    }

    fn span(&self, st: &FileState, start: u32, end: u32) -> Span {
        Span {
            file: st.file,
            start,
            end,
        }
    }

    fn tspan(&self, st: &FileState, t: &Token) -> Span {
        self.span(st, t.start, t.end)
    }

    fn fail(
        &mut self,
        st: &FileState,
        e: &Entry,
        owner: Option<super::NameId>,
        rtype: Option<RType>,
    ) {
        let span = self.span(st, e.start, e.end);
        self.fail_span(span, owner, rtype);
    }

    fn fail_span(&mut self, span: Span, owner: Option<super::NameId>, rtype: Option<RType>) {
        self.zone.failed.push(FailedRecord { owner, rtype, span });
    }

    fn lex_errors(&self, st: &FileState, text: &str, e: &Entry, em: &mut Emitter<'_>) {
        let lang = em.lang;
        for err in &e.errors {
            let d = match *err {
                LexError::UnclosedQuote { open, line_end } => Diagnostic::new(&r::UNCLOSED_QUOTE, self.span(st, open, open + 1), tr!(lang,
                    "unclosed quote", "引用符が閉じられていません"))
                    .label(self.span(st, open, line_end.max(open + 1)), tr!(lang, "this string runs to the end of the line", "この文字列は行末まで続いています"))
                    .help(tr!(lang, "add the closing `\"`; write `\\\"` for a quote inside the string",
                        "閉じる `\"` を追加してください。文字列中の引用符は `\\\"` と書きます")),
                LexError::UnclosedParen { open } => Diagnostic::new(&r::UNCLOSED_PARENTHESIS, self.span(st, open, open + 1), tr!(lang,
                    "unclosed parenthesis", "括弧が閉じられていません"))
                    .help(tr!(lang, "add `)` where the record ends; it was read as ending before the next line that starts in column 1",
                        "レコードの終わりに `)` を追加してください。1 桁目から始まる次の行の手前で終わるものとして読みました")),
                LexError::UnmatchedCloseParen { at } => Diagnostic::new(&r::UNMATCHED_PARENTHESIS, self.span(st, at, at + 1), tr!(lang,
                    "`)` without a matching `(`", "対応する `(` のない `)` です"))
                    .help(tr!(lang, "remove it, or add `(` where the record's continuation begins",
                        "削除するか、レコードの継続が始まる位置に `(` を追加してください")),
                LexError::NestedParen { at, outer } => Diagnostic::new(&r::NESTED_PARENTHESIS, self.span(st, at, at + 1), tr!(lang,
                    "parentheses cannot nest", "括弧は入れ子にできません"))
                    .label(self.span(st, outer, outer + 1), tr!(lang, "the parenthesis opened here is still open", "ここで開いた括弧がまだ閉じていません"))
                    .help(tr!(lang, "close the first `(` before opening another", "次の `(` を開く前に最初の `(` を閉じてください")),
                LexError::BadEscape { start, end } => {
                    let shown = escape(&text[start as usize..end as usize]).into_owned();
                    Diagnostic::new(&r::INVALID_ESCAPE, self.span(st, start, end), tr!(lang,
                        "invalid escape `{shown}`", "不正なエスケープ `{shown}` です"))
                        .help(tr!(lang, "write `\\DDD` with exactly three decimal digits from 000 to 255, or `\\` before a single character",
                            "`\\DDD`（000 から 255 の 10 進 3 桁）か、1 文字の前に `\\` を書いてください"))
                }
                LexError::FullWidth { start, end } => {
                    let run = &text[start as usize..end as usize];
                    let ascii = crate::zone::customer::fullwidth_to_ascii_str(run);
                    let points: Vec<String> = run.chars().take(4).map(|c| format!("U+{:04X}", c as u32)).collect();
                    let more = if run.chars().count() > 4 { " …" } else { "" };
                    let points = points.join(" ");
                    let shown_ascii = escape(&ascii).into_owned();
                    Diagnostic::new(&r::FULL_WIDTH_CHARACTER, self.span(st, start, end), tr!(lang,
                        "full-width `{run}` ({points}{more}) where ASCII `{shown_ascii}` was meant",
                        "全角の `{run}`（{points}{more}）があります。半角（ASCII）の `{shown_ascii}` のはずです"))
                        .help(tr!(lang, "retype it in half-width characters: `{shown_ascii}`", "半角文字で入力し直してください: `{shown_ascii}`"))
                }
                LexError::IdeographicSpace { at } => Diagnostic::new(&r::IDEOGRAPHIC_SPACE, self.span(st, at, at + 3), tr!(lang,
                    "full-width space (U+3000) where an ASCII space was meant", "全角スペース（U+3000）があります。半角スペースのはずです"))
                    .help(tr!(lang, "replace it with an ASCII space or a tab", "半角スペースかタブに置き換えてください")),
                LexError::ControlChar { at, byte } => Diagnostic::new(&r::CONTROL_CHARACTER, self.span(st, at, at + 1), tr!(lang,
                    "control character \\{byte:03} (U+{byte:04X}) in the zone data", "ゾーンデータに制御文字 \\{byte:03}（U+{byte:04X}）があります"))
                    .help(tr!(lang, "remove it; if it belongs in a string, write it as `\\{byte:03}` inside quotes",
                        "削除してください。文字列に必要なら引用符内で `\\{byte:03}` と書いてください")),
                LexError::LineTooLong { start, len } => {
                    let max = self.options.limits.max_line_len;
                    Diagnostic::new(&r::LINE_TOO_LONG, self.span(st, start, start + 1), tr!(lang,
                        "line is {len} bytes long; the limit is {max}", "行の長さが {len} バイトあります。上限は {max} です"))
                        .help(tr!(lang, "the line was skipped; no record is that long, so the file is probably damaged or not a zone file",
                            "この行は読み飛ばしました。これほど長いレコードはないため、ファイルの破損か、ゾーンファイルではない可能性があります"))
                }
                LexError::TokenTooLong { start, end } => {
                    let len = end - start;
                    let max = self.options.limits.max_token_len;
                    Diagnostic::new(&r::TOKEN_TOO_LONG, self.span(st, start, start + 1), tr!(lang,
                        "field is {len} bytes long; the limit is {max}", "フィールドの長さが {len} バイトあります。上限は {max} です"))
                        .help(tr!(lang, "the record was skipped; record data cannot exceed 65535 octets",
                            "このレコードは読み飛ばしました。レコードデータは 65535 オクテットを超えられません"))
                }
                LexError::TooManyTokens { at } => {
                    let max = self.options.limits.max_tokens_per_entry;
                    Diagnostic::new(&r::TOO_MANY_FIELDS, self.span(st, at, at + 1), tr!(lang,
                        "record has more than {max} fields", "レコードのフィールドが {max} を超えています"))
                        .help(tr!(lang, "the record was skipped; check for a missing `)` or `\"` above",
                            "このレコードは読み飛ばしました。上に `)` や `\"` の閉じ忘れがないか確認してください"))
                }
            };
            em.emit(d);
        }
    }

    /// Registers `; zonegate: ignore[...]` comments.
    fn suppressions(&mut self, st: &mut FileState, text: &str, e: &Entry) {
        if let Some((pending, expected_start)) = st.pending_suppression.take()
            && !e.tokens.is_empty()
            && e.start == expected_start
        {
            let mut s = pending;
            s.span = self.span(st, e.start, e.end);
            self.zone.suppressions.push(s);
        }
        for &(start, end) in &e.comments {
            let Some((codes, reason)) = parse_suppression(&text[start as usize..end as usize])
            else {
                continue;
            };
            let comment = self.span(st, start, end);
            let s = Suppression {
                span: self.span(st, e.start, e.end),
                codes,
                reason,
                comment,
            };
            if e.tokens.is_empty() {
                // On a line of its own: it covers the entry on the next line.
                let next_line = next_line_start(text, end as usize) as u32;
                st.pending_suppression = Some((s, next_line));
            } else {
                self.zone.suppressions.push(s);
            }
        }
    }

    fn directive(&mut self, st: &mut FileState, text: &str, e: &Entry, em: &mut Emitter<'_>) {
        let lang = em.lang;
        let first = e.tokens[0];
        let keyword = first.text(text).to_ascii_uppercase();
        let args = &e.tokens[1..];
        match keyword.as_str() {
            "$ORIGIN" => {
                if args.len() != 1 {
                    let span = if args.is_empty() {
                        self.tspan(st, &first)
                    } else {
                        self.span(st, args[1.min(args.len() - 1)].start, e.end)
                    };
                    em.emit(
                        Diagnostic::new(
                            &r::INVALID_ORIGIN_DIRECTIVE,
                            span,
                            tr!(
                                lang,
                                "`$ORIGIN` takes exactly one domain name",
                                "`$ORIGIN` にはドメイン名を 1 つだけ指定します"
                            ),
                        )
                        .help(tr!(
                            lang,
                            "write `$ORIGIN example.co.jp.`",
                            "`$ORIGIN example.co.jp.` と書いてください"
                        )),
                    );
                    return;
                }
                let tok = self.tok(st, text, &args[0]);
                let mut wire = Vec::new();
                let origin = st.origin.clone();
                match parse_name(
                    &tok.text(),
                    origin.as_ref().map(OwnedName::as_ref),
                    &mut wire,
                ) {
                    Ok(_) => st.origin = OwnedName::from_wire(wire),
                    Err(err) => report_name_error(em, &tok, &err, "origin"),
                }
            }
            "$TTL" => {
                if args.len() != 1 {
                    let span = if args.is_empty() {
                        self.tspan(st, &first)
                    } else {
                        self.span(st, args[1.min(args.len() - 1)].start, e.end)
                    };
                    em.emit(
                        Diagnostic::new(
                            &r::INVALID_TTL_DIRECTIVE,
                            span,
                            tr!(
                                lang,
                                "`$TTL` takes exactly one TTL",
                                "`$TTL` には TTL を 1 つだけ指定します"
                            ),
                        )
                        .help(tr!(
                            lang,
                            "write `$TTL 3600` or `$TTL 1h`",
                            "`$TTL 3600` または `$TTL 1h` と書いてください"
                        )),
                    );
                    return;
                }
                let tok = self.tok(st, text, &args[0]);
                match parse_ttl(&tok) {
                    Ok(ttl) => st.default_ttl = Some(ttl),
                    Err(help) => {
                        em.emit(
                            Diagnostic::new(
                                &r::INVALID_TTL_DIRECTIVE,
                                tok.span,
                                tr!(
                                    lang,
                                    "invalid `$TTL` value `{}`",
                                    "`$TTL` の値 `{}` が不正です",
                                    tok.shown()
                                ),
                            )
                            .help(help.pick(lang)),
                        );
                        // Read on with what was meant (`1hr` as `1h`), so that one typo is one
                        // finding and not a warning on every record that needed the default.
                        st.default_ttl = crate::zone::customer::ttl_suggestion(&tok.text())
                            .and_then(|s| hickory_proto::serialize::txt::parse_ttl(&s).ok())
                            .or(Some(self.soa_minimum().unwrap_or(3600)));
                    }
                }
            }
            "$GENERATE" => self.generate(st, text, e, em),
            _ => {
                let shown = escape(first.text(text)).into_owned();
                let suggestion = crate::zone::customer::closest(
                    &keyword,
                    ["$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE"],
                );
                em.emit(
                    Diagnostic::new(
                        &r::UNKNOWN_DIRECTIVE,
                        self.tspan(st, &first),
                        tr!(
                            lang,
                            "unknown directive `{shown}`",
                            "不明なディレクティブ `{shown}` です"
                        ),
                    )
                    .help(match suggestion {
                        Some(s) => tr!(lang, "did you mean `{s}`?", "`{s}` のことですか?"),
                        None => tr!(
                            lang,
                            "the directives are $ORIGIN, $TTL, $INCLUDE and $GENERATE",
                            "ディレクティブは $ORIGIN, $TTL, $INCLUDE, $GENERATE です"
                        ),
                    }),
                );
            }
        }
    }

    fn include(
        &mut self,
        sources: &mut Sources,
        st: &mut FileState,
        tokens: &[Token],
        em: &mut Emitter<'_>,
    ) {
        let lang = em.lang;
        let text = sources.get(st.file).text.clone();
        let whole = self.span(st, tokens[0].start, tokens[tokens.len() - 1].end);
        let Some(path_tok) = tokens.get(1) else {
            em.emit(Diagnostic::new(
                &r::INCLUDE_UNREADABLE,
                whole,
                tr!(
                    lang,
                    "`$INCLUDE` needs a file name",
                    "`$INCLUDE` にはファイル名が必要です"
                ),
            ));
            return;
        };
        let path_value = self.tok(st, &text, path_tok).value();
        let path = String::from_utf8_lossy(&path_value).into_owned();
        let shown = escape(&path).into_owned();
        let include_origin = match tokens.get(2) {
            Some(t) => {
                let tok = self.tok(st, &text, t);
                let mut wire = Vec::new();
                match parse_name(
                    &tok.text(),
                    st.origin.as_ref().map(OwnedName::as_ref),
                    &mut wire,
                ) {
                    Ok(_) => OwnedName::from_wire(wire),
                    Err(err) => {
                        report_name_error(em, &tok, &err, "origin");
                        return;
                    }
                }
            }
            None => st.origin.clone(),
        };
        if self.chain.len() > self.options.max_include_depth {
            let max = self.options.max_include_depth;
            em.emit(Diagnostic::new(
                &r::INCLUDE_LOOP,
                whole,
                tr!(
                    lang,
                    "`$INCLUDE` nesting deeper than {max} files",
                    "`$INCLUDE` の入れ子が {max} 段を超えています"
                ),
            ));
            return;
        }
        match self.loader.load(sources, st.file, &self.chain, &path) {
            Ok(file) => {
                self.chain.push(file);
                self.parse_file(sources, file, include_origin, (st.default_ttl, st.last_ttl), em);
                self.chain.pop();
            }
            Err(IncludeError::Refused) => em.emit(Diagnostic::new(&r::INCLUDE_REFUSED, whole, tr!(lang,
                "`$INCLUDE \"{shown}\"` refused: includes are off for submitted files",
                "`$INCLUDE \"{shown}\"` を拒否しました: 提出ファイルでは include は無効です"))
                .help(tr!(lang, "paste the included records into the zone file, or rerun with --allow-include DIR if you trust the files in DIR",
                    "含めるレコードをゾーンファイルに貼り付けるか、DIR のファイルを信頼できる場合は --allow-include DIR を付けて再実行してください"))),
            Err(IncludeError::OutsideAllowed { resolved, allowed }) => {
                let resolved = escape(&resolved).into_owned();
                let allowed = escape(&allowed).into_owned();
                em.emit(Diagnostic::new(&r::INCLUDE_OUTSIDE_ALLOWED_DIRECTORY, whole, tr!(lang,
                    "`$INCLUDE \"{shown}\"` refused: `{resolved}` is outside the allowed directory `{allowed}`",
                    "`$INCLUDE \"{shown}\"` を拒否しました: `{resolved}` は許可されたディレクトリ `{allowed}` の外です")))
            }
            Err(IncludeError::Unreadable(why)) => {
                let why = escape(&why).into_owned();
                em.emit(Diagnostic::new(&r::INCLUDE_UNREADABLE, whole, tr!(lang,
                    "cannot read `$INCLUDE \"{shown}\"`: {why}", "`$INCLUDE \"{shown}\"` を読めません: {why}")))
            }
            Err(IncludeError::Loop) => em.emit(Diagnostic::new(&r::INCLUDE_LOOP, whole, tr!(lang,
                "`$INCLUDE \"{shown}\"` includes a file that is already being read", "`$INCLUDE \"{shown}\"` は読み込み中のファイルを再び含めています"))
                .help(tr!(lang, "remove the include that closes the loop", "ループを作っている include を削除してください"))),
        }
    }

    fn tok<'t>(&self, st: &FileState, text: &'t str, t: &Token) -> Tok<'t> {
        Tok {
            raw: t.raw(text),
            span: self.tspan(st, t),
            flags: t.flags,
        }
    }

    /// Reads one record line. `buf` is scratch space for its tokens that the caller keeps from
    /// line to line, so that no line allocates or copies a token array.
    fn record<'t>(
        &mut self,
        st: &mut FileState,
        text: &'t str,
        e: &Entry,
        buf: &mut Vec<Tok<'t>>,
        em: &mut Emitter<'_>,
    ) {
        buf.clear();
        buf.extend(e.tokens.iter().map(|t| self.tok(st, text, t)));
        let toks = &buf[..];
        let span = self.span(st, e.start, e.end);
        if e.poisoned {
            self.fail(st, e, None, None);
            return;
        }
        let mut flags = 0u8;
        let (owner, rest) = if e.blank_owner {
            match st.last_owner {
                Some(owner) => {
                    flags |= Record::OWNER_INHERITED;
                    (owner, toks)
                }
                None => {
                    let lang = em.lang;
                    em.emit(Diagnostic::new(&r::MISSING_OWNER, toks[0].span, tr!(lang,
                        "record has no owner name", "レコードに所有者名がありません"))
                        .help(tr!(lang, "the line starts with a blank, which means \"same owner as the record above\", but there is none; write the owner (`@` for the zone apex) in column 1",
                            "行頭の空白は「上のレコードと同じ所有者」を意味しますが、上にレコードがありません。1 桁目に所有者名（ゾーン頂点なら `@`）を書いてください")));
                    self.fail(st, e, None, None);
                    return;
                }
            }
        } else {
            let t = &toks[0];
            match self.owner_name(st, t, &t.text(), em) {
                Some(id) => {
                    st.last_owner = Some(id);
                    (id, &toks[1..])
                }
                None => {
                    st.last_owner = None;
                    self.fail(st, e, None, None);
                    return;
                }
            }
        };

        // Windows DNS exports stamp dynamically registered records with `[AGING:nnnn]` before
        // the TTL. The stamp is unambiguous, so it is reported and the record read without it.
        let rest = match rest.first() {
            Some(t) if !t.is_quoted() && is_aging_stamp(t.raw) => {
                let lang = em.lang;
                em.emit(Diagnostic::new(&r::WINDOWS_AGING_STAMP, t.span, tr!(lang,
                    "Windows DNS aging stamp `{}`: this record was registered dynamically", "Windows DNS の経過時間の印 `{}` があります。このレコードは動的に登録されたものです", t.shown()))
                    .help(tr!(lang, "dynamically registered records are usually internal hosts: check that it belongs in public DNS, then delete the stamp (no other server reads it)",
                        "動的に登録されたレコードは通常は社内のホストです。公開 DNS に載せるべきか確認し、載せるなら印を削除してください（他のサーバーは読めません）")));
                &rest[1..]
            }
            _ => rest,
        };

        // TTL and class, in either order (RFC 1035 §5.1).
        let mut ttl = None;
        let mut class = None;
        let mut i = 0;
        while i < rest.len() && i < 2 {
            let t = &rest[i];
            let word = t.text();
            if class.is_none()
                && !t.is_quoted()
                && let Some(c) = parse_class(&word)
            {
                class = Some((c, t.span));
            } else if ttl.is_none()
                && !t.is_quoted()
                && word.starts_with(|c: char| c.is_ascii_digit())
            {
                match parse_ttl(t) {
                    Ok(v) => ttl = Some(v),
                    Err(help) => {
                        let lang = em.lang;
                        let help = help.pick(lang);
                        em.emit(
                            Diagnostic::new(
                                &r::INVALID_TTL,
                                t.span,
                                tr!(lang, "invalid TTL `{}`", "TTL `{}` が不正です", t.shown()),
                            )
                            .help(help),
                        );
                        self.fail(st, e, Some(owner), None);
                        return;
                    }
                }
            } else {
                break;
            }
            i += 1;
        }
        let Some(type_tok) = rest.get(i) else {
            let lang = em.lang;
            let last = toks.last().expect("entry has tokens");
            em.emit(Diagnostic::new(&r::MISSING_TYPE, last.span, tr!(lang,
                "record has no type", "レコードにタイプがありません"))
                .help(tr!(lang, "write `owner [TTL] [class] TYPE data`, such as `www 3600 IN A 192.0.2.1`",
                    "`所有者 [TTL] [クラス] タイプ データ` の形で書いてください。例: `www 3600 IN A 192.0.2.1`")));
            self.fail(st, e, Some(owner), None);
            return;
        };
        // The common types as written on nearly every line, without the checks for quoted
        // strings, full-width text and meta types that none of them can fail.
        let common = match type_tok.flags & (QUOTED | FULLWIDTH) {
            0 => RType::common(type_tok.raw),
            _ => None,
        };
        let Some(rtype) = common.or_else(|| self.record_type(type_tok, toks, e.blank_owner, em))
        else {
            self.fail(st, e, Some(owner), None);
            return;
        };
        let rdata_toks = &rest[i + 1..];

        self.finish_record(
            st,
            span,
            owner,
            ttl,
            class,
            rtype,
            type_tok.span,
            rdata_toks,
            flags,
            false,
            em,
        );
    }

    /// Reads an owner name (written as `text`, which may differ from the token's own text),
    /// reporting its faults; a Unicode name is read as its A-label, which is what was meant.
    fn owner_name(
        &mut self,
        st: &FileState,
        t: &Tok<'_>,
        text: &str,
        em: &mut Emitter<'_>,
    ) -> Option<super::NameId> {
        self.name_buf.clear();
        let origin = st.origin.as_ref().map(OwnedName::as_ref);
        match parse_name(text, origin, &mut self.name_buf) {
            Ok(notes) => {
                if notes.non_ascii {
                    non_ascii_owner(em, t, text);
                    if let Some(a) = crate::zone::customer::to_a_label(text) {
                        let mut ascii = Vec::new();
                        if parse_name(&a, origin, &mut ascii).is_ok() {
                            self.name_buf = ascii;
                        }
                    }
                }
                Some(self.zone.names.intern(NameRef::parsed(&self.name_buf)))
            }
            Err(err) => {
                report_name_error(em, t, &err, "owner");
                None
            }
        }
    }

    /// One row of a record table: the same checks as a zone line, on cells instead of fields.
    fn table_record(
        &mut self,
        st: &mut FileState,
        text: &str,
        rec: &TableRecord<'_>,
        em: &mut Emitter<'_>,
    ) {
        if !rec.lex_errors.is_empty() {
            let entry = Entry {
                errors: rec.lex_errors.clone(),
                ..Entry::default()
            };
            self.lex_errors(st, text, &entry, em);
        }
        let owner = match &rec.owner {
            Some(t) => {
                let written = t.text();
                // A host written as a full name without the trailing dot (`www.example.co.jp` in
                // the zone example.co.jp) is that name, not `www.example.co.jp.example.co.jp.`.
                let complete = st.origin.as_ref().is_some_and(|o| {
                    let zone = o.to_string();
                    let zone = zone.trim_end_matches('.');
                    let host = written.to_ascii_lowercase();
                    !zone.is_empty()
                        && !host.ends_with('.')
                        && (host == zone.to_ascii_lowercase()
                            || host.ends_with(&format!(".{}", zone.to_ascii_lowercase())))
                });
                let written = if complete {
                    std::borrow::Cow::Owned(format!("{written}."))
                } else {
                    written
                };
                self.owner_name(st, t, &written, em)
            }
            None => {
                let apex = Tok {
                    raw: "@",
                    span: rec.owner_span,
                    flags: 0,
                };
                self.owner_name(st, &apex, "@", em)
            }
        };
        let Some(owner) = owner else {
            self.fail_span(rec.span, None, None);
            return;
        };
        let ttl = match &rec.ttl {
            Some(t) => match parse_ttl(t) {
                Ok(v) => Some(v),
                Err(help) => {
                    let lang = em.lang;
                    em.emit(
                        Diagnostic::new(
                            &r::INVALID_TTL,
                            t.span,
                            tr!(lang, "invalid TTL `{}`", "TTL `{}` が不正です", t.shown()),
                        )
                        .help(help.pick(lang)),
                    );
                    self.fail_span(rec.span, Some(owner), RType::from_name(&rec.rtype.text()));
                    return;
                }
            },
            None => None,
        };
        let Some(rtype) = self.record_type(&rec.rtype, &[], true, em) else {
            self.fail_span(rec.span, Some(owner), None);
            return;
        };
        let before = self.zone.records.len();
        self.finish_record(
            st,
            rec.span,
            owner,
            ttl,
            None,
            rtype,
            rec.rtype.span,
            &rec.rdata,
            0,
            true,
            em,
        );
        // A row cannot be lexed again as a zone line: keep where its cells are, so findings of
        // the zone rules point at the cell at fault.
        if self.zone.records.len() > before {
            self.zone.field_spans.insert(
                rec.span,
                super::FieldSpans {
                    owner: rec.owner_span,
                    ttl: rec.ttl.map(|t| t.span),
                    rtype: rec.rtype.span,
                    rdata: rec.rdata.iter().map(|t| t.span).collect(),
                },
            );
        }
    }

    /// The part of a record every input shares: class, data, TTL default, and the record itself.
    #[allow(clippy::too_many_arguments)]
    fn finish_record(
        &mut self,
        st: &mut FileState,
        span: Span,
        owner: super::NameId,
        ttl: Option<u32>,
        class: Option<(u16, Span)>,
        rtype: RType,
        type_span: Span,
        rdata_toks: &[Tok<'_>],
        mut flags: u8,
        dotted_names_absolute: bool,
        em: &mut Emitter<'_>,
    ) {
        // Class: the zone's is set by its first record (RFC 1035 §5.2).
        let class_code = match class {
            Some((c, cspan)) => {
                match self.class {
                    None => self.class = Some(c),
                    Some(zc) if zc != c => {
                        let lang = em.lang;
                        let (got, want) = (class_name(c), class_name(zc));
                        em.emit(Diagnostic::new(&r::CLASS_MISMATCH, cspan, tr!(lang,
                            "class {got} in a zone of class {want}", "クラス {want} のゾーンにクラス {got} のレコードがあります"))
                            .help(tr!(lang, "all records of a zone share one class; write `{want}` or leave the class out",
                                "ゾーン内のレコードは同じクラスです。`{want}` と書くか、クラスを省略してください")));
                        self.fail_span(span, Some(owner), Some(rtype));
                        return;
                    }
                    Some(_) => {}
                }
                c
            }
            None => *self.class.get_or_insert(1),
        };

        // Data.
        let start = self.zone.rdata_arena(rtype).len();
        let cx = rdata::Context {
            rtype,
            type_span,
            dotted_names_absolute,
            origin: st.origin.as_ref().map(OwnedName::as_ref),
        };
        let Ok(notes) = rdata::parse(&cx, rdata_toks, self.zone.rdata_arena(rtype), em) else {
            self.fail_span(span, Some(owner), Some(rtype));
            return;
        };
        if notes.relative_name {
            flags |= Record::RELATIVE_TARGET;
        }
        if rtype == RType::SOA
            && let Some(soa) = rdata::view::soa(&self.zone.rdata_arena(rtype)[start..])
        {
            self.soa_minimum = Some(soa.minimum);
        }

        // TTL: explicit, else $TTL, else the last explicit one (RFC 1035 §5.1), else the SOA
        // minimum, as BIND does with a warning (RFC 2308 §4 made $TTL the way to say it).
        let ttl = match ttl {
            Some(v) => {
                flags |= Record::TTL_EXPLICIT;
                st.last_ttl = Some(v);
                v
            }
            None => match st.default_ttl.or(st.last_ttl) {
                Some(v) => v,
                None => match self.soa_minimum() {
                    Some(min) => {
                        if !self.warned_missing_ttl {
                            self.warned_missing_ttl = true;
                            let lang = em.lang;
                            em.emit(Diagnostic::new(&r::MISSING_TTL, span, tr!(lang,
                                "no TTL and no `$TTL`: the SOA minimum {min} is used for this and later records",
                                "TTL も `$TTL` もありません: このレコードと以降のレコードに SOA の minimum {min} を使います"))
                                .help(tr!(lang, "add `$TTL 3600` (or the TTL you intend) at the top of the file",
                                    "ファイル先頭に `$TTL 3600`（または意図する TTL）を追加してください")));
                        }
                        min
                    }
                    None => {
                        let lang = em.lang;
                        em.emit(Diagnostic::new(&r::NO_DEFAULT_TTL, span, tr!(lang,
                            "record has no TTL, and there is no `$TTL` or SOA record before it to take one from",
                            "レコードに TTL がなく、前に `$TTL` も SOA レコードもないため TTL を決められません"))
                            .help(tr!(lang, "add `$TTL 3600` at the top of the file, or give the record a TTL",
                                "ファイル先頭に `$TTL 3600` を追加するか、レコードに TTL を書いてください")));
                        self.zone.rdata_arena(rtype).truncate(start);
                        self.fail_span(span, Some(owner), Some(rtype));
                        return;
                    }
                },
            },
        };
        self.zone.push(
            Record::new(owner, rtype, class_code, ttl, flags, span),
            start,
        );
    }

    /// Reads the type field, reporting unknown, meta and registrar-only types.
    fn record_type(
        &self,
        t: &Tok<'_>,
        toks: &[Tok<'_>],
        blank_owner: bool,
        em: &mut Emitter<'_>,
    ) -> Option<RType> {
        let lang = em.lang;
        let word = t.text();
        if t.is_quoted() {
            // A quoted string where the type belongs: usually the type was left out, and the
            // record data (a TXT string) slid into its place.
            let shown = escape(t.raw).into_owned();
            em.emit(
                Diagnostic::new(
                    &r::UNKNOWN_TYPE,
                    t.span,
                    tr!(
                        lang,
                        "a quoted string `\"{shown}\"` where the record type should be",
                        "レコードタイプの位置に引用符付き文字列 `\"{shown}\"` があります"
                    ),
                )
                .help(tr!(
                    lang,
                    "write the type before the data, such as `TXT \"...\"`",
                    "データの前にタイプを書いてください。例: `TXT \"...\"`"
                )),
            );
            return None;
        }
        if let Some(rtype) = RType::from_name(&word) {
            if rtype.info().is_some_and(|i| i.meta) {
                em.emit(Diagnostic::new(&r::QUERY_TYPE_IN_ZONE, t.span, tr!(lang,
                    "{rtype} is a query type, not record data", "{rtype} は問い合わせ用のタイプで、レコードデータではありません"))
                    .help(tr!(lang, "remove this line; zone files hold data types such as A, MX and TXT",
                        "この行を削除してください。ゾーンファイルには A, MX, TXT などのデータタイプを書きます")));
                return None;
            }
            return Some(rtype);
        }
        let upper = word.to_ascii_uppercase();
        if let Some(help) = pseudo_record_help(&upper, lang) {
            em.emit(Diagnostic::new(&crate::rules::policy::REGISTRAR_PSEUDO_RECORD, t.span, tr!(lang,
                "`{}` is a registrar control-panel feature, not a DNS record type", "`{}` はレジストラのコントロールパネルの機能で、DNS のレコードタイプではありません", t.shown()))
                .help(help));
            return None;
        }
        let shown = t.shown();
        let classes = ["IN"];
        let suggestion =
            crate::zone::customer::closest(&word, crate::zone::rtype::known_names().chain(classes));
        let mut help = match suggestion {
            Some("IN") => tr!(
                lang,
                "did you mean the class `IN`?",
                "クラス `IN` のことですか?"
            ),
            Some(s) => tr!(lang, "did you mean `{s}`?", "`{s}` のことですか?"),
            None => tr!(
                lang,
                "write a record type such as A, AAAA, CNAME, MX, TXT, or TYPEnnn with `\\#` data (RFC 3597)",
                "A, AAAA, CNAME, MX, TXT などのレコードタイプか、`\\#` データ付きの TYPEnnn（RFC 3597）を書いてください"
            ),
        };
        // A type name in the owner column usually means a forgotten owner or indent.
        if !blank_owner
            && let Some(owner) = toks.first()
            && RType::from_name(&owner.text()).is_some()
        {
            let owner_shown = owner.shown();
            help = tr!(
                lang,
                "{help}; if `{owner_shown}` is the type, indent the line or write the owner first",
                "{help}。`{owner_shown}` がタイプなら、行頭を字下げするか先に所有者名を書いてください"
            );
        }
        em.emit(
            Diagnostic::new(
                &r::UNKNOWN_TYPE,
                t.span,
                tr!(
                    lang,
                    "unknown record type `{shown}`",
                    "不明なレコードタイプ `{shown}` です"
                ),
            )
            .help(help),
        );
        None
    }

    /// Records all the `$GENERATE` lines of the file may make together.
    fn generate_total(&self) -> u64 {
        self.options
            .max_generate
            .saturating_mul(GENERATE_TOTAL_FACTOR)
    }

    fn generate(&mut self, st: &mut FileState, text: &str, e: &Entry, em: &mut Emitter<'_>) {
        let toks: Vec<Tok<'_>> = e.tokens.iter().map(|t| self.tok(st, text, t)).collect();
        let Some(g) = super::generate::Generate::parse(&toks, self.options.max_generate, em) else {
            return;
        };
        let total = self.generate_total();
        let left = total.saturating_sub(self.generated);
        if g.count > left {
            // A piece read from a guessed state counts from zero: what is left in one pass is
            // less, and the message says how much.
            if self.from_guessed_state {
                self.used_unknown_state = true;
            }
            let (lang, count, factor) = (em.lang, g.count, GENERATE_TOTAL_FACTOR);
            em.emit(Diagnostic::new(&r::GENERATE_TOO_LARGE, g.range_span, tr!(lang,
                "`$GENERATE` would make {count} more records; the file's `$GENERATE` lines may make {total} in all, and {left} are left",
                "`$GENERATE` はさらに {count} 件のレコードを作ります。このファイルの `$GENERATE` 全体で {total} 件までで、残りは {left} 件です"))
                .help(tr!(lang, "send a zone this large as records; raise the limit with --max-generate if it really needs them (the total is {factor} times it)",
                    "これほど大きなゾーンはレコードとして送ってください。本当に必要なら --max-generate で上限を上げてください（全体の上限はその {factor} 倍です）")));
            return;
        }
        self.generated += g.count;
        let origin = st.origin.clone();
        let class_code = *self.class.get_or_insert(1);
        let span = self.span(st, e.start, e.end);
        let mut failed = false;
        g.expand(
            origin.as_ref().map(OwnedName::as_ref),
            em,
            |owner, rtype, rdata_toks, em| {
                if failed {
                    return false;
                }
                let start = self.zone.rdata_arena(rtype).len();
                let cx = rdata::Context {
                    rtype,
                    type_span: g.type_span,
                    dotted_names_absolute: false,
                    origin: origin.as_ref().map(OwnedName::as_ref),
                };
                if rdata::parse(&cx, rdata_toks, self.zone.rdata_arena(rtype), em).is_err() {
                    failed = true;
                    return false;
                }
                let ttl = g
                    .ttl
                    .or(st.default_ttl)
                    .or(st.last_ttl)
                    .or_else(|| self.soa_minimum())
                    .unwrap_or(0);
                let owner = self.zone.names.intern(owner);
                self.zone.push(
                    Record::new(
                        owner,
                        rtype,
                        class_code,
                        ttl,
                        Record::GENERATED
                            | if g.ttl.is_some() {
                                Record::TTL_EXPLICIT
                            } else {
                                0
                            },
                        span,
                    ),
                    start,
                );
                true
            },
        );
        if failed {
            self.zone.failed.push(FailedRecord {
                owner: None,
                rtype: Some(g.rtype),
                span,
            });
        }
    }
}

/// Moves spans of an entry lexed from a slice starting at `base`.
fn next_line_start(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') {
        Some(p) => {
            let at = from + p;
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            }
        }
        None => text.len(),
    }
}

/// `zonegate: ignore[ZG301, ZG5] reason` → codes and reason.
pub fn parse_suppression(comment: &str) -> Option<(Vec<String>, String)> {
    let at = comment.find("zonegate:")?;
    let rest = comment[at + "zonegate:".len()..].trim_start();
    let rest = rest.strip_prefix("ignore[")?;
    let (codes, reason) = rest.split_once(']')?;
    let codes: Vec<String> = codes
        .split(',')
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .collect();
    (!codes.is_empty()).then(|| (codes, reason.trim().to_owned()))
}

/// Help text in both languages, picked when the diagnostic is made.
pub struct Help {
    en: String,
    ja: String,
}

impl Help {
    fn pick(self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }
}

/// A TTL: seconds or BIND units (`1h30m`), through hickory's `parse_ttl`; on failure, what was
/// probably meant.
fn parse_ttl(t: &Tok<'_>) -> Result<u32, Help> {
    let text = t.text();
    // Plain seconds, the common case, without hickory's unit scanner.
    if (1..=9).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && let Ok(v) = text.parse::<u32>()
    {
        return Ok(v);
    }
    match hickory_proto::serialize::txt::parse_ttl(&text) {
        Ok(v) => Ok(v),
        Err(_) => Err(match crate::zone::customer::ttl_suggestion(&text) {
            Some(s) => Help {
                en: format!("did you mean `{s}`?"),
                ja: format!("`{s}` のことですか?"),
            },
            None if text.bytes().all(|b| b.is_ascii_digit()) => Help {
                en:
                    "a TTL is at most 4294967295 seconds, and in practice at most 604800 (one week)"
                        .into(),
                ja: "TTL は最大 4294967295 秒で、実用上は 604800（1 週間）以下です".into(),
            },
            None => Help {
                en: "write seconds (`3600`) or a duration with units s, m, h, d, w (`1h30m`)"
                    .into(),
                ja: "秒数（`3600`）か、単位 s, m, h, d, w 付きの期間（`1h30m`）で書いてください"
                    .into(),
            },
        }),
    }
}

const CLASSES: &[(&str, u16)] = &[
    ("IN", 1),
    ("CS", 2),
    ("CH", 3),
    ("CHAOS", 3),
    ("HS", 4),
    ("HESIOD", 4),
];

/// A class mnemonic (any case) or `CLASSnnn` (RFC 3597 §5). Runs on the first fields of every
/// record, so it compares in place rather than uppercasing a copy.
fn parse_class(word: &str) -> Option<u16> {
    // `IN` on nearly every line that has a class. The field after the class is the TTL or
    // the type, which this is asked about too: every class starts with I, C or H, and a TTL
    // or nearly every type with something else.
    match word.as_bytes() {
        [i, n] if i | 0x20 == b'i' && n | 0x20 == b'n' => return Some(1),
        [first, ..] if !matches!(first.to_ascii_lowercase(), b'i' | b'c' | b'h') => return None,
        _ => {}
    }
    if let Some(&(_, code)) = CLASSES.iter().find(|(n, _)| n.eq_ignore_ascii_case(word)) {
        return Some(code);
    }
    word.get(..5)
        .filter(|p| p.eq_ignore_ascii_case("CLASS"))
        .map(|_| &word[5..])
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse().ok())
}

pub fn class_name(c: u16) -> String {
    match c {
        1 => "IN".into(),
        2 => "CS".into(),
        3 => "CH".into(),
        4 => "HS".into(),
        c => format!("CLASS{c}"),
    }
}

fn non_ascii_owner(em: &mut Emitter<'_>, t: &Tok<'_>, text: &str) {
    let lang = em.lang;
    let shown = t.shown();
    let help = match crate::zone::customer::to_a_label(text) {
        Some(ascii) => tr!(
            lang,
            "write the A-label (punycode): `{ascii}`",
            "A ラベル（Punycode）で書いてください: `{ascii}`"
        ),
        None => tr!(
            lang,
            "convert each label to its A-label (punycode)",
            "各ラベルを A ラベル（Punycode）に変換してください"
        ),
    };
    em.emit(
        Diagnostic::new(
            &r::NON_ASCII_NAME,
            t.span,
            tr!(
                lang,
                "name `{shown}` contains non-ASCII characters",
                "名前 `{shown}` に ASCII 以外の文字が含まれています"
            ),
        )
        .help(help),
    );
}

/// `[AGING:3710745]`: the hours since 1601 at which a Windows DNS client last refreshed the record.
fn is_aging_stamp(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() > "[AGING:]".len()
        && b.len() <= 32
        && b[..7].eq_ignore_ascii_case(b"[AGING:")
        && b[b.len() - 1] == b']'
        && b[7..b.len() - 1].iter().all(u8::is_ascii_digit)
}

/// Control panels export their web-forwarding and mail-forwarding features as if they were
/// record types; no DNS server loads them.
fn pseudo_record_help(upper: &str, lang: Lang) -> Option<String> {
    Some(match upper {
        "URL" | "URL301" | "URL302" | "REDIRECT" | "REDIRECT301" | "REDIRECT302" | "FWD"
        | "FORWARD" | "HTTPRED" | "WEBFWD" => tr!(
            lang,
            "web forwarding is an HTTP service of the old provider; point the name at a web server that redirects (A/AAAA or CNAME), and ask the host whether it offers redirects",
            "Web 転送は旧事業者の HTTP サービスです。リダイレクトする Web サーバーに名前を向け（A/AAAA または CNAME）、ホスティング事業者に転送サービスの有無を確認してください"
        ),
        "FRAME" | "MASK" | "CLOAK" => tr!(
            lang,
            "framed (masked) forwarding is an HTTP service of the old provider; it has no DNS equivalent",
            "フレーム転送は旧事業者の HTTP サービスで、DNS には同等のものがありません"
        ),
        "MBOXFW" | "MAILFW" | "MAILFWD" | "EMAILFWD" => tr!(
            lang,
            "mail forwarding is a service of the old provider; publish MX records for the mail service that will receive the mail",
            "メール転送は旧事業者のサービスです。メールを受信するサービスの MX レコードを記載してください"
        ),
        "ALIAS" | "ANAME" | "FLATTEN" => tr!(
            lang,
            "ALIAS/ANAME is a provider-specific extension; write the target's A and AAAA records, or use a CNAME on a name other than the apex",
            "ALIAS/ANAME は事業者独自の拡張です。ターゲットの A/AAAA レコードを書くか、頂点以外の名前で CNAME を使ってください"
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_comments() {
        assert_eq!(
            parse_suppression(" zonegate: ignore[ZG301, zg5] legacy alias"),
            Some((vec!["ZG301".into(), "ZG5".into()], "legacy alias".into()))
        );
        assert_eq!(parse_suppression(" just a comment"), None);
        assert_eq!(parse_suppression(" zonegate: ignore[] x"), None);
    }

    #[test]
    fn classes_in_any_case_and_rfc_3597_form() {
        for (word, want) in [
            ("IN", Some(1)),
            ("in", Some(1)),
            ("Chaos", Some(3)),
            ("hesiod", Some(4)),
            ("CLASS1", Some(1)),
            ("class255", Some(255)),
            ("CLASS", None),
            ("CLASS65536", None),
            ("CLASS1x", None),
            ("INN", None),
            ("ｉｎ", None),
        ] {
            assert_eq!(parse_class(word), want, "{word}");
        }
    }

    /// The short paths for `IN` and for words that cannot start a class decide as the table does.
    #[test]
    fn classes_short_paths_agree_with_the_table() {
        let by_table = |word: &str| {
            CLASSES
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(word))
                .map(|&(_, code)| code)
        };
        let mut words: Vec<String> = [
            "", "3600", "1h", "-", "é", "ｉｎ", "ＩＮ", "\\IN", "A", "AAAA", "MX", "TXT", "NS",
            "hinfo", "ch", "Hs", "iN", "CHAOs",
        ]
        .map(String::from)
        .to_vec();
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                words.push(String::from_utf8_lossy(&[a, b]).into_owned());
            }
        }
        for word in &words {
            if !word.to_ascii_uppercase().starts_with("CLASS") {
                assert_eq!(parse_class(word), by_table(word), "{word:?}");
            }
        }
    }

    #[test]
    fn origins_from_file_names() {
        let o = |p: &str| origin_from_file_name(p).map(|n| n.to_string());
        assert_eq!(
            o("zones/example.co.jp.zone").as_deref(),
            Some("example.co.jp.")
        );
        assert_eq!(o("db.example.com").as_deref(), Some("example.com."));
        assert_eq!(o("example.com.txt").as_deref(), Some("example.com."));
        assert_eq!(o("zone.txt"), None);
        assert_eq!(o("申込書.txt"), None);
        assert_eq!(o("10.0.0.zone"), None);
    }
}
