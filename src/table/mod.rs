//! Record tables: the CSV files and Excel workbooks customers send instead of a zone file.
//!
//! A table becomes the same records a zone file would, through the same parser, so every rule
//! of the catalogue applies unchanged. What differs is where things are: each row is one
//! record, each cell one field, and findings point at the cell (row and column, as the
//! customer counts them) in a text the customer recognises: the CSV file itself, or a rendering
//! of the worksheet, one line per row.
//!
//! The header row may sit anywhere in the first rows, under title rows; its cells are matched
//! against the many ways templates name the host, type, TTL, priority and value
//! ([`header`]). Findings about the table itself (no header, a column not read, an empty
//! cell, a value in the wrong column, ...) are rules ZG060–ZG069.

pub mod csv;
pub mod grid;
pub mod header;
pub mod workbook;
pub mod xls_budget;

use crate::diag::{Diagnostic, Emitter, Lang, escape};
use crate::rules::syntax as r;
use crate::rules::table as t;
use crate::source::{FileId, Layout, Sources, Span, TableLayout, column_letter};
use crate::tr;
use crate::zone::lexer::{self, LexError, LexLimits, Lexer, QUOTED};
use crate::zone::rdata::Tok;
use crate::zone::{OriginSource, OwnedName, RType, TableOptions, TableRecord, Zone};
use grid::{Grid, Note, trim};
use header::{Columns, Role};

/// What the input is, as `--input-format` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Decide from the content, then the file name.
    #[default]
    Auto,
    /// A master file (RFC 1035 §5).
    Zone,
    /// Comma-separated record table.
    Csv,
    /// Tab-separated record table (also Excel's "Unicode text").
    Tsv,
    /// An Excel workbook, `.xlsx` or `.xls`.
    Xlsx,
}

/// Header rows are looked for in this many rows from the top.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The TTL of a row whose TTL cell is empty, as hosts' control panels apply it.
pub const DEFAULT_TTL: u32 = 3600;

/// Whether bytes are a workbook, by content first: a ZIP holding `xl/workbook.xml`, or an OLE
/// file holding a `Workbook` stream (or an encrypted package, which is how Excel stores a
/// password-protected `.xlsx`). `--input-format xlsx` takes any ZIP or OLE file as a workbook.
pub fn workbook_kind(requested: InputFormat, path: &str, bytes: &[u8]) -> Option<workbook::Kind> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    let ext = extension(path);
    match requested {
        InputFormat::Zone | InputFormat::Csv | InputFormat::Tsv => None,
        InputFormat::Xlsx if bytes.starts_with(OLE) => Some(workbook::Kind::Xls),
        InputFormat::Xlsx => Some(workbook::Kind::Xlsx),
        InputFormat::Auto if bytes.starts_with(ZIP) => {
            let named = matches!(ext.as_str(), "xlsx" | "xlsm");
            (named || contains(bytes, b"xl/workbook")).then_some(workbook::Kind::Xlsx)
        }
        InputFormat::Auto if bytes.starts_with(OLE) => {
            let utf16 =
                |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
            let named = matches!(ext.as_str(), "xls" | "xlsx");
            (named
                || contains(bytes, &utf16("Workbook"))
                || contains(bytes, &utf16("EncryptedPackage")))
            .then_some(workbook::Kind::Xls)
        }
        InputFormat::Auto => None,
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn extension(path: &str) -> String {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The delimiter of a text table, or `None` for a zone file. `.csv` and `.tsv` files are
/// tables; other text is one when a header row is found in its first rows and it does not look
/// like a zone file.
pub fn text_delimiter(requested: InputFormat, path: &str, text: &str) -> Option<u8> {
    match requested {
        InputFormat::Csv => return Some(sniff_delimiter(text).unwrap_or(b',')),
        InputFormat::Tsv => return Some(b'\t'),
        InputFormat::Zone | InputFormat::Xlsx => return None,
        InputFormat::Auto => {}
    }
    match extension(path).as_str() {
        "csv" => return Some(sniff_delimiter(text).unwrap_or(b',')),
        "tsv" | "tab" => return Some(b'\t'),
        "zone" | "db" => return None,
        _ => {}
    }
    let zone_like = text.lines().take(200).any(|l| {
        let l = l.trim_start().to_ascii_uppercase();
        l.starts_with("$ORIGIN") || l.starts_with("$TTL") || {
            let words: Vec<&str> = l.split_whitespace().take(5).collect();
            words.contains(&"SOA") || words.contains(&"IN")
        }
    });
    if zone_like {
        return None;
    }
    sniff_delimiter(text)
}

/// The delimiter with which a header row is found in the first rows.
fn sniff_delimiter(text: &str) -> Option<u8> {
    let head: String = text
        .lines()
        .take(HEADER_SEARCH_ROWS)
        .collect::<Vec<_>>()
        .join("\n");
    [b'\t', b',', b';'].into_iter().find(|&d| {
        let (grid, _) = csv::read(&head, d);
        (0..grid.rows.len()).any(|r| header_columns(&grid, &head, r).is_header())
    })
}

fn header_columns(grid: &Grid, text: &str, row: usize) -> Columns {
    Columns::from_headers(grid.rows[row].cells.iter().map(|c| trim(c.value(text))))
}

/// Everything reading a table needs besides the table.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// `--origin`.
    pub origin: Option<OwnedName>,
    /// The domain in the file's name.
    pub file_name_origin: Option<OwnedName>,
    pub parse: crate::zone::ParseOptions,
    /// The worksheet, for workbooks.
    pub sheet: Option<String>,
    pub first_row: u32,
    pub rendered: bool,
    pub default_ttl: u32,
}

/// Reads the table of file `file` (whose text the grid's cells point into) into a zone,
/// reporting table findings and then every finding the zone parser makes on the cells.
pub fn read(
    sources: &mut Sources,
    file: FileId,
    grid: &Grid,
    unclosed: &[csv::UnclosedQuote],
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) -> Zone {
    let lang = em.lang;
    let header_row = {
        let text = &sources.get(file).text;
        (0..grid.rows.len().min(HEADER_SEARCH_ROWS))
            .filter(|&r| !grid.is_empty_row(text, r))
            .find(|&r| header_columns(grid, text, r).is_header())
    };
    let headers: Vec<String> = header_row
        .map(|r| {
            let text = &sources.get(file).text;
            grid.rows[r]
                .cells
                .iter()
                .map(|c| trim(c.value(text)).to_owned())
                .collect()
        })
        .unwrap_or_default();
    sources.get_mut(file).layout = Layout::Table(TableLayout {
        sheet: options.sheet.clone(),
        first_row: options.first_row,
        row_starts: grid.rows.iter().map(|r| r.start).collect(),
        cell_starts: grid
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.start).collect())
            .collect(),
        headers: headers.clone(),
        rendered: options.rendered,
    });
    let sources = &*sources;
    let text = &sources.get(file).text;
    let r = Reader {
        file,
        text,
        grid,
        lang,
        headers: &headers,
    };
    for q in unclosed {
        em.emit(
            Diagnostic::new(
                &r::UNCLOSED_QUOTE,
                Span::new(file, q.open as usize, q.open as usize + 1),
                tr!(lang, "unclosed quote", "引用符が閉じられていません"),
            )
            .label(
                Span::new(file, q.open as usize, q.line_end as usize),
                tr!(
                    lang,
                    "read as a cell that ends with the line",
                    "行末で終わるセルとして読みました"
                ),
            )
            .help(tr!(
                lang,
                "add the closing `\"`; inside a quoted cell, write a quote as `\"\"`",
                "閉じる `\"` を追加してください。引用符で囲んだセルの中の引用符は `\"\"` と書きます"
            )),
        );
    }
    r.notes(em);
    if let Some(t) = grid.truncated {
        r.truncated(t, em);
    }
    let empty = |origin: Option<OwnedName>, source| {
        Zone::new(origin.unwrap_or_else(OwnedName::root), source)
    };
    let Some(header_row) = header_row else {
        let at = (0..grid.rows.len())
            .find(|&row| !grid.is_empty_row(text, row))
            .map_or(Span::new(file, 0, 0), |row| r.row_span(row));
        em.emit(Diagnostic::new(&t::NO_HEADER_ROW, at, tr!(lang,
            "no header row in the first {HEADER_SEARCH_ROWS} rows: no column is named as the type and the value",
            "先頭 {HEADER_SEARCH_ROWS} 行に見出し行がありません。タイプと値の列が見つかりません"))
            .help(tr!(lang, "add a header row such as `host,type,ttl,priority,value` (or ホスト名, タイプ, TTL, 優先度, 値) above the records",
                "レコードの上に `ホスト名,タイプ,TTL,優先度,値`（または host, type, ttl, priority, value）のような見出し行を入れてください")));
        return empty(options.origin.clone(), OriginSource::None);
    };
    let columns = header_columns(grid, text, header_row);
    for (c, role) in columns.roles.iter().enumerate() {
        if role.is_none() {
            let written = escape(&headers[c]).into_owned();
            let letter = column_letter(c);
            em.emit(Diagnostic::new(&t::UNKNOWN_COLUMN, r.cell_span(header_row, c), tr!(lang,
                "column {letter} `{written}` is not read: zonegate does not know this heading",
                "{letter}列「{written}」は読み込みません。この見出しは認識できません"))
                .help(tr!(lang, "name the column host, type, ttl, priority, weight, port or value (or ホスト名, タイプ, TTL, 優先度, 重み, ポート, 値); remarks columns (備考) are ignored",
                    "列名を ホスト名, タイプ, TTL, 優先度, 重み, ポート, 値（または host, type, ttl, priority, value）のいずれかにしてください。備考の列は読み飛ばします")));
        }
    }
    let data_rows: Vec<usize> = (header_row + 1..grid.rows.len())
        .filter(|&row| !grid.is_empty_row(text, row) && !r.skipped_row(row, &columns))
        .collect();
    let (origin, origin_source) = match (&options.origin, r.origin_in_title(header_row)) {
        (Some(o), _) => (Some(o.clone()), OriginSource::CommandLine),
        (None, Some(o)) => (Some(o), OriginSource::Table),
        (None, None) => match (
            &options.file_name_origin,
            r.origin_from_hosts(&data_rows, &columns),
        ) {
            (Some(o), _) => (Some(o.clone()), OriginSource::FileName),
            (None, Some(o)) => (Some(o), OriginSource::Table),
            (None, None) => (None, OriginSource::None),
        },
    };
    if origin.is_none() && !data_rows.is_empty() {
        let at = columns
            .find(Role::Host)
            .map_or(r.row_span(header_row), |c| r.cell_span(header_row, c));
        em.emit(Diagnostic::new(&r::RELATIVE_NAME_WITHOUT_ORIGIN, at, tr!(lang,
            "the domain of this table is not known, so its host names cannot be completed",
            "この表のドメインが分からないため、ホスト名を完全な名前にできません"))
            .help(tr!(lang, "pass --origin example.co.jp, write the domain above the header (`ドメイン名: example.co.jp`), or name the file after the domain (example.co.jp.csv)",
                "--origin example.co.jp を指定するか、見出しの上にドメインを書く（`ドメイン名: example.co.jp`）か、ファイル名をドメイン名にしてください（example.co.jp.csv）")));
        return empty(None, OriginSource::None);
    }
    let mut records = Vec::new();
    let mut failed = Vec::new();
    for &row in &data_rows {
        match r.record(row, &columns, em) {
            Ok(rec) => records.push(rec),
            Err(rtype) => failed.push((r.row_span(row), rtype)),
        }
    }
    let table = TableOptions {
        origin,
        origin_source,
        default_ttl: options.default_ttl,
    };
    crate::zone::parse_table(sources, file, &records, &failed, &table, &options.parse, em)
}

/// Reading the rows of one table.
struct Reader<'a> {
    file: FileId,
    text: &'a str,
    grid: &'a Grid,
    lang: Lang,
    headers: &'a [String],
}

/// Types whose data starts with a priority that templates put in a column of its own.
fn priority_fields(rtype: RType) -> Option<usize> {
    // The number of fields of the whole data, priority included.
    match rtype {
        RType::MX => Some(2),
        RType::SRV => Some(4),
        RType::URI => Some(3),
        RType::SVCB | RType::HTTPS => Some(2),
        _ => None,
    }
}

/// Written in a cell to mean "nothing here".
fn is_placeholder(v: &str) -> bool {
    matches!(
        v,
        "-" | "－" | "ー" | "―" | "—" | "n/a" | "N/A" | "なし" | "無し" | "不要"
    )
}

impl<'a> Reader<'a> {
    fn span(&self, start: u32, end: u32) -> Span {
        Span {
            file: self.file,
            start,
            end,
        }
    }

    /// The span of a row: its first cell to the end of its last.
    fn row_span(&self, row: usize) -> Span {
        let cells = &self.grid.rows[row].cells;
        let start = self.grid.rows[row].start;
        let end = cells.last().map_or(start, |c| c.value_end.max(c.start));
        self.span(start, end)
    }

    /// The span of a cell's trimmed value; an empty span where the cell is (or would be).
    fn cell_span(&self, row: usize, column: usize) -> Span {
        match self.grid.cell(row, column) {
            Some(c) => {
                let v = c.value(self.text);
                let lead = v.len() - v.trim_start_matches(is_blank).len();
                let body = trim(v).len();
                if body == 0 {
                    return self.span(c.start, c.start);
                }
                self.span(c.offset(lead), c.offset(lead + body - 1) + 1)
            }
            None => {
                let end = self.row_span(row).end;
                self.span(end, end)
            }
        }
    }

    fn value(&self, row: usize, column: Option<usize>) -> &'a str {
        column.map_or("", |c| self.grid.value(self.text, row, c))
    }

    /// The column as the customer knows it: `B (タイプ)`.
    fn column_name(&self, column: usize) -> String {
        let letter = column_letter(column);
        match self.headers.get(column).filter(|h| !h.is_empty()) {
            Some(h) => {
                let h = escape(h);
                tr!(self.lang, "column {letter} ({h})", "{letter}列（{h}）")
            }
            None => tr!(self.lang, "column {letter}", "{letter}列"),
        }
    }

    /// Rows that hold no record: a repeated header, a comment, a section heading.
    fn skipped_row(&self, row: usize, columns: &Columns) -> bool {
        if header_columns(self.grid, self.text, row).known() >= 2 {
            return true;
        }
        let filled: Vec<(usize, &str)> = self.grid.rows[row]
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| (c, trim(cell.value(self.text))))
            .filter(|(c, v)| !v.is_empty() && columns.roles.get(*c) != Some(&Some(Role::Ignored)))
            .collect();
        match filled.as_slice() {
            [] => true,
            [(_, v), ..] if v.starts_with(';') || v.starts_with('#') => true,
            // One cell of words or Japanese text, and no type: a heading such as `■ メール`.
            [(c, v)] => {
                Some(*c) != columns.find(Role::Type)
                    && (v.contains(char::is_whitespace) || !v.is_ascii())
            }
            _ => false,
        }
    }

    /// A domain written above the header: `ドメイン名: example.co.jp`, or a cell naming the
    /// domain followed by one holding it.
    fn origin_in_title(&self, header_row: usize) -> Option<OwnedName> {
        const LABELS: &[&str] = &[
            "ドメイン",
            "ドメイン名",
            "対象ドメイン",
            "対象ドメイン名",
            "申請ドメイン",
            "ゾーン",
            "ゾーン名",
            "domain",
            "domainname",
            "zone",
            "zonename",
        ];
        for row in 0..header_row {
            let cells: Vec<&str> = self.grid.rows[row]
                .cells
                .iter()
                .map(|c| trim(c.value(self.text)))
                .filter(|v| !v.is_empty())
                .collect();
            for (i, v) in cells.iter().enumerate() {
                if let Some((label, rest)) = v.split_once([':', '：'])
                    && LABELS.contains(&header::normalize(label).as_str())
                    && let Some(name) = domain_like(trim(rest))
                {
                    return Some(name);
                }
                if LABELS.contains(&header::normalize(v).as_str())
                    && let Some(name) = cells.get(i + 1).and_then(|n| domain_like(n))
                {
                    return Some(name);
                }
            }
        }
        None
    }

    /// When every host is a full name, the apex is the one host that all others end with.
    fn origin_from_hosts(&self, rows: &[usize], columns: &Columns) -> Option<OwnedName> {
        let host = columns.find(Role::Host)?;
        let hosts: Vec<String> = rows
            .iter()
            .map(|&row| {
                self.value(row, Some(host))
                    .trim_end_matches('.')
                    .to_ascii_lowercase()
            })
            .collect();
        if hosts.is_empty()
            || hosts
                .iter()
                .any(|h| h.is_empty() || h == "@" || !h.contains('.'))
        {
            return None;
        }
        hosts
            .iter()
            .filter(|h| {
                hosts
                    .iter()
                    .all(|o| o == *h || o.ends_with(&format!(".{h}")))
            })
            .min_by_key(|h| h.len())
            .and_then(|h| domain_like(h))
    }

    fn notes(&self, em: &mut Emitter<'_>) {
        let lang = self.lang;
        for note in &self.grid.notes {
            match note {
                Note::Formula {
                    row,
                    column,
                    formula,
                } => {
                    let formula = escape(formula).into_owned();
                    let value = escape(self.grid.value(self.text, *row, *column)).into_owned();
                    let at = self.cell_span(*row, *column);
                    let d = if value.is_empty() {
                        Diagnostic::new(
                            &t::FORMULA_CELL,
                            at,
                            tr!(
                                lang,
                                "the cell holds the formula `={formula}` and no calculated value",
                                "セルは数式 `={formula}` で、計算済みの値がありません"
                            ),
                        )
                    } else {
                        Diagnostic::new(
                            &t::FORMULA_CELL,
                            at,
                            tr!(
                                lang,
                                "the cell holds the formula `={formula}`; its last calculated value `{value}` was read",
                                "セルは数式 `={formula}` です。最後に計算された値 `{value}` を読みました"
                            ),
                        )
                    };
                    em.emit(d.help(tr!(lang, "replace the formula with its value (copy, then paste values only), so that what is checked is what is sent",
                        "数式を値に置き換えてください（コピーして値のみ貼り付け）。確認した内容と提出する内容を一致させるためです")));
                }
                Note::LineBreak { row, column } => {
                    let at = self.cell_span(*row, *column);
                    em.emit(Diagnostic::new(&t::LINE_BREAK_IN_CELL, at, tr!(lang,
                        "line break inside the cell", "セルの中に改行があります"))
                        .help(tr!(lang, "remove the line break (Alt+Enter in Excel); a record's value is one line, and long TXT values are split by zonegate",
                            "改行（Excel の Alt+Enter）を削除してください。レコードの値は 1 行で書きます。長い TXT の値は zonegate が分割します")));
                }
            }
        }
    }

    fn truncated(&self, t: grid::Truncated, em: &mut Emitter<'_>) {
        let lang = self.lang;
        let rows = grid::MAX_ROWS;
        let columns = grid::MAX_COLUMNS;
        let at = self
            .grid
            .rows
            .last()
            .map_or(self.span(0, 0), |last| self.span(last.start, last.start));
        let message = match (t.rows, t.columns) {
            (true, _) => tr!(
                lang,
                "the table has more than {rows} rows (or more cell text than can be read); the rest was not read",
                "表が {rows} 行（または読み込める文字量）を超えています。超えた部分は読み込んでいません"
            ),
            (false, _) => tr!(
                lang,
                "cells beyond column {columns} hold data; they were not read",
                "{columns} 列目より右のセルにデータがあります。読み込んでいません"
            ),
        };
        em.emit(Diagnostic::new(&t::TABLE_TOO_LARGE, at, message).help(tr!(
            lang,
            "send the records only: remove other data from the sheet, or split the table",
            "レコードだけを送ってください。シートの他のデータを削除するか、表を分けてください"
        )));
    }

    /// One cell as a single token: its trimmed value, with the lexer's flags and faults (full-
    /// width forms, control characters) at the cell's own offsets.
    fn single(&self, row: usize, column: usize, errors: &mut Vec<LexError>) -> Option<Tok<'a>> {
        let cell = self.grid.cell(row, column)?;
        let v = cell.value(self.text);
        let lead = v.len() - v.trim_start_matches(is_blank).len();
        let value = trim(v);
        if value.is_empty() {
            return None;
        }
        let (tokens, errs) = lex_cell(value);
        let flags = tokens.iter().fold(0u8, |f, t| f | t.flags) & !QUOTED;
        errors.extend(
            errs.into_iter()
                .map(|e| shift_error(e, |o| cell.offset(lead + o as usize))),
        );
        let span = self.cell_span(row, column);
        Some(Tok {
            raw: value,
            span,
            flags,
        })
    }

    /// The value cell as record data: zone syntax, except that a TXT value without quotes is
    /// one string as written (split into 255-octet strings when longer, as a host's control
    /// panel would).
    fn value_tokens(
        &self,
        row: usize,
        column: usize,
        rtype: Option<RType>,
        errors: &mut Vec<LexError>,
    ) -> Vec<Tok<'a>> {
        let Some(cell) = self.grid.cell(row, column) else {
            return Vec::new();
        };
        let v = cell.value(self.text);
        let lead = v.len() - v.trim_start_matches(is_blank).len();
        let value = trim(v);
        let map = |o: usize| cell.offset(lead + o);
        if matches!(rtype, Some(RType::TXT | RType::SPF)) && !value.starts_with('"') {
            let mut toks = Vec::new();
            let mut at = 0;
            while at < value.len() {
                let mut end = (at + 255).min(value.len());
                while !value.is_char_boundary(end) {
                    end -= 1;
                }
                toks.push(Tok {
                    raw: &value[at..end],
                    span: self.span(map(at), map(end - 1) + 1),
                    flags: QUOTED,
                });
                at = end;
            }
            // Control characters are faults in a string too; the lexer finds them.
            let (_, errs) = lex_cell(value);
            errors.extend(
                errs.into_iter()
                    .filter(|e| matches!(e, LexError::ControlChar { .. }))
                    .map(|e| shift_error(e, |o| map(o as usize))),
            );
            return toks;
        }
        let (tokens, errs) = lex_cell(value);
        errors.extend(
            errs.into_iter()
                .map(|e| shift_error(e, |o| map(o as usize))),
        );
        tokens
            .iter()
            .map(|t| Tok {
                raw: t.raw(value),
                span: self.span(
                    map(t.start as usize),
                    map(t.end.max(t.start + 1) as usize - 1) + 1,
                ),
                flags: t.flags,
            })
            .collect()
    }

    /// The record of one row, or the row's type (if known) when the row was refused.
    fn record(
        &self,
        row: usize,
        columns: &Columns,
        em: &mut Emitter<'_>,
    ) -> Result<TableRecord<'a>, Option<RType>> {
        let lang = self.lang;
        let col = |role| columns.find(role);
        let (host_c, type_c, ttl_c, prio_c, value_c) = (
            col(Role::Host),
            col(Role::Type).expect("a header has a type column"),
            col(Role::Ttl),
            col(Role::Priority),
            col(Role::Value).expect("a header has a value column"),
        );
        let mut errors = Vec::new();
        let type_written = self.value(row, Some(type_c));
        let rtype = type_name(type_written).and_then(RType::from_name);
        let value_written = self.value(row, Some(value_c));

        // A type in another column: the columns were swapped or shifted.
        if rtype.is_none() {
            let others = [host_c, ttl_c, prio_c, Some(value_c)];
            if let Some(c) = others.into_iter().flatten().find(|&c| {
                let v = self.value(row, Some(c));
                type_name(v)
                    .and_then(RType::from_name)
                    .is_some_and(|t| t.info().is_some_and(|i| !i.meta) && v.len() <= 10)
            }) {
                let shown = escape(self.value(row, Some(c))).into_owned();
                let here = self.column_name(c);
                let there = self.column_name(type_c);
                em.emit(Diagnostic::new(&t::VALUE_IN_WRONG_COLUMN, self.cell_span(row, c), tr!(lang,
                    "the record type `{shown}` is in {here}; it belongs in {there}",
                    "レコードタイプ `{shown}` が {here} にあります。{there} に書いてください"))
                    .help(tr!(lang, "move each value to the column its heading names; the columns of this row look shifted or swapped",
                        "各値を見出しどおりの列に移してください。この行は列がずれているか入れ替わっているようです")));
                return Err(None);
            }
        }
        if type_written.is_empty() {
            let there = self.column_name(type_c);
            em.emit(
                Diagnostic::new(
                    &t::MISSING_CELL,
                    self.cell_span(row, type_c),
                    tr!(
                        lang,
                        "{there} is empty: the row has no record type",
                        "{there} が空です。レコードのタイプがありません"
                    ),
                )
                .help(tr!(
                    lang,
                    "write the type, such as A, AAAA, CNAME, MX or TXT",
                    "A, AAAA, CNAME, MX, TXT などのタイプを書いてください"
                )),
            );
            return Err(None);
        }
        if value_written.is_empty() || is_placeholder(value_written) {
            // An address typed in the host column, with the value left empty.
            if let (Some(t @ (RType::A | RType::AAAA)), Some(h)) = (rtype, host_c)
                && self.value(row, Some(h)).parse::<std::net::IpAddr>().is_ok()
            {
                let shown = escape(self.value(row, Some(h))).into_owned();
                let here = self.column_name(h);
                let there = self.column_name(value_c);
                em.emit(Diagnostic::new(&t::VALUE_IN_WRONG_COLUMN, self.cell_span(row, h), tr!(lang,
                    "the address `{shown}` is in {here}; it belongs in {there}",
                    "アドレス `{shown}` が {here} にあります。{there} に書いてください"))
                    .help(tr!(lang, "write the host name (`@` or empty for the domain itself) in {here} and the address of the {t} record in {there}",
                        "{here} にはホスト名（ドメインそのものなら `@` か空欄）を、{there} には {t} レコードのアドレスを書いてください")));
                return Err(rtype);
            }
            let there = self.column_name(value_c);
            em.emit(Diagnostic::new(&t::MISSING_CELL, self.cell_span(row, value_c), tr!(lang,
                "{there} is empty: the row has no record data", "{there} が空です。レコードのデータがありません"))
                .help(tr!(lang, "write the record's value, such as the address of an A record or the target of a CNAME",
                    "A レコードならアドレス、CNAME なら参照先など、レコードの値を書いてください")));
            return Err(rtype);
        }

        let type_tok = {
            let mut tok = self
                .single(row, type_c, &mut errors)
                .expect("type cell is not empty");
            // `Aレコード`, `MX record`: the type is the first word.
            if let Some(name) = type_name(tok.raw).filter(|n| n.len() < tok.raw.len()) {
                tok.raw = name;
                tok.span.end = tok.span.start + name.len() as u32;
            }
            tok
        };
        let owner = match host_c {
            Some(h) => {
                let v = self.value(row, Some(h));
                if v.is_empty() || v == "@" || v == "＠" {
                    None
                } else {
                    self.single(row, h, &mut errors)
                }
            }
            None => None,
        };
        let owner_span = host_c.map_or_else(
            || {
                let s = self.row_span(row).start;
                self.span(s, s)
            },
            |h| self.cell_span(row, h),
        );
        let ttl = ttl_c
            .filter(|&c| !is_placeholder(self.value(row, Some(c))))
            .and_then(|c| self.single(row, c, &mut errors));

        // The priority, in its own column or at the start of the value.
        let mut rdata = Vec::new();
        let value_toks = self.value_tokens(row, value_c, rtype, &mut errors);
        let prio = prio_c
            .filter(|&c| !is_placeholder(self.value(row, Some(c))))
            .and_then(|c| self.single(row, c, &mut errors).map(|t| (c, t)));
        match (rtype.and_then(priority_fields), prio) {
            (Some(fields), prio) => {
                let first_is_number = value_toks
                    .first()
                    .is_some_and(|t| t.text().bytes().all(|b| b.is_ascii_digit()));
                let has_priority = first_is_number
                    && (value_toks.len() >= fields
                        || matches!(rtype, Some(RType::SVCB | RType::HTTPS)));
                let srv_parts: Vec<Tok<'a>> = if rtype == Some(RType::SRV) && value_toks.len() == 1
                {
                    [Role::Weight, Role::Port]
                        .into_iter()
                        .filter_map(col)
                        .filter_map(|c| self.single(row, c, &mut errors))
                        .collect()
                } else {
                    Vec::new()
                };
                match (prio, has_priority) {
                    (Some((c, p)), true) => {
                        if p.text() != value_toks[0].text() {
                            let (a, b) = (p.shown(), value_toks[0].shown());
                            let here = self.column_name(c);
                            let there = self.column_name(value_c);
                            em.emit(Diagnostic::new(&t::CONFLICTING_PRIORITY, p.span, tr!(lang,
                                "{here} gives the priority {a}, but the value in {there} starts with {b}",
                                "{here} の優先度は {a} ですが、{there} の値は {b} で始まっています"))
                                .label(value_toks[0].span, tr!(lang, "priority written here too", "ここにも優先度があります"))
                                .help(tr!(lang, "write the priority once, in {here}, and only the rest in {there}",
                                    "優先度は {here} に 1 回だけ書き、{there} にはそれ以外を書いてください")));
                            return Err(rtype);
                        }
                    }
                    (Some((_, p)), false) => {
                        rdata.push(p);
                        rdata.extend(srv_parts);
                    }
                    (None, true) => {}
                    (None, false) => {
                        let t = rtype.expect("priority types are known");
                        let there = prio_c
                            .map_or_else(|| self.column_name(value_c), |c| self.column_name(c));
                        let at = prio_c.map_or_else(
                            || self.cell_span(row, value_c),
                            |c| self.cell_span(row, c),
                        );
                        em.emit(Diagnostic::new(&t::MISSING_PRIORITY, at, tr!(lang,
                            "{t} record without a priority", "{t} レコードに優先度がありません"))
                            .help(tr!(lang, "write the priority in {there}, for example 10 (lower is preferred)",
                                "{there} に優先度を書いてください。例: 10（小さいほど優先されます）")));
                        return Err(rtype);
                    }
                }
            }
            (None, Some((c, p))) if rtype.is_some() && p.text() != "0" => {
                let t = rtype.expect("checked");
                let shown = p.shown();
                let here = self.column_name(c);
                em.emit(Diagnostic::new(&t::CONFLICTING_PRIORITY, p.span, tr!(lang,
                    "priority {shown} on a {t} record, which has no priority",
                    "{t} レコードには優先度がありませんが、{shown} が書かれています"))
                    .help(tr!(lang, "clear {here} for this row, or check the type: priorities belong to MX and SRV records",
                        "この行の {here} を空にするか、タイプを確認してください。優先度は MX や SRV レコードのものです")));
                return Err(rtype);
            }
            _ => {}
        }
        rdata.extend(value_toks);
        Ok(TableRecord {
            span: self.row_span(row),
            owner,
            owner_span,
            ttl,
            rtype: type_tok,
            rdata,
            lex_errors: errors,
        })
    }
}

/// The type in a type cell: `MX`, also from `MXレコード`, `MX record` or `ＭＸ`. `None` when
/// the cell holds something else.
fn type_name(cell: &str) -> Option<&str> {
    let cell = trim(cell);
    let known = |w: &str| {
        !w.is_empty()
            && RType::from_name(&crate::zone::customer::fullwidth_to_ascii_str(w)).is_some()
    };
    if known(cell) {
        return Some(cell);
    }
    let cut = cell.len().saturating_sub("record".len());
    let stripped = cell.strip_suffix("レコード").or_else(|| {
        (cell.is_char_boundary(cut) && cell[cut..].eq_ignore_ascii_case("record"))
            .then(|| &cell[..cut])
    })?;
    let stripped = trim(stripped);
    known(stripped).then_some(stripped)
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

/// A domain name as written in a title: ASCII (or full-width) letters, digits, hyphens and at
/// least one dot.
fn domain_like(text: &str) -> Option<OwnedName> {
    let ascii = crate::zone::customer::fullwidth_to_ascii_str(text.trim_end_matches('.'));
    let ok = ascii.contains('.')
        && ascii
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && ascii.bytes().any(|b| b.is_ascii_alphabetic());
    ok.then(|| OwnedName::from_text(&format!("{ascii}.")).ok())
        .flatten()
}

/// Lexes a cell's text as zone syntax; offsets are within the cell's text.
fn lex_cell(value: &str) -> (Vec<lexer::Token>, Vec<LexError>) {
    let mut lexer = Lexer::new(value, LexLimits::default());
    let mut entry = lexer::Entry::default();
    let mut tokens = Vec::new();
    let mut errors = Vec::new();
    // A cell is one line; the lexer's entries end at line breaks, so read them all.
    while lexer.next_entry(&mut entry) {
        tokens.extend_from_slice(&entry.tokens);
        errors.extend_from_slice(&entry.errors);
    }
    (tokens, errors)
}

/// A lexer fault moved from cell offsets to text offsets.
fn shift_error(e: LexError, map: impl Fn(u32) -> u32) -> LexError {
    let end = |s: u32, e: u32| map(e.max(s + 1) - 1) + 1;
    match e {
        LexError::UnclosedQuote { open, line_end } => LexError::UnclosedQuote {
            open: map(open),
            line_end: end(open, line_end),
        },
        LexError::UnclosedParen { open } => LexError::UnclosedParen { open: map(open) },
        LexError::UnmatchedCloseParen { at } => LexError::UnmatchedCloseParen { at: map(at) },
        LexError::NestedParen { at, outer } => LexError::NestedParen {
            at: map(at),
            outer: map(outer),
        },
        LexError::BadEscape { start, end: e } => LexError::BadEscape {
            start: map(start),
            end: end(start, e),
        },
        LexError::FullWidth { start, end: e } => LexError::FullWidth {
            start: map(start),
            end: end(start, e),
        },
        LexError::IdeographicSpace { at } => LexError::IdeographicSpace { at: map(at) },
        LexError::ControlChar { at, byte } => LexError::ControlChar { at: map(at), byte },
        LexError::LineTooLong { start, len } => LexError::LineTooLong {
            start: map(start),
            len,
        },
        LexError::TokenTooLong { start, end: e } => LexError::TokenTooLong {
            start: map(start),
            end: end(start, e),
        },
        LexError::TooManyTokens { at } => LexError::TooManyTokens { at: map(at) },
    }
}
