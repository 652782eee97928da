//! Excel workbooks (`.xlsx`, and `.xls` from older Excel), read with calamine and rendered as
//! text: one line per worksheet row, cells separated by ` | `, so that findings can be shown
//! against the row as the customer typed it and positioned by row and column.
//!
//! A workbook is a stranger's file too. An `.xlsx` is a ZIP of XML parts that may expand to far
//! more than its size (a "shared strings bomb"), so every part is measured, decompressing within
//! a budget, before calamine reads anything; the sheet is then streamed cell by cell and at most
//! [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns are kept.

use super::grid::{Cell, Grid, MAX_COLUMNS, MAX_ROWS, Note, Row};
use calamine::{DataRef, Reader};
use std::io::{Cursor, Read};

/// Cells are separated by this in the rendering.
pub const SEPARATOR: &str = " | ";

/// Most bytes the parts of one `.xlsx` may expand to, and most parts it may have.
pub const MAX_EXPANDED: u64 = 256 << 20;
const MAX_PARTS: usize = 10_000;
/// Most cells filled in from merged regions (a merged region's value is repeated down the rows
/// it covers).
const MAX_MERGE_FILL: usize = 1_000_000;
/// Most bytes of cell text kept. A shared string is stored once but may be used by every cell,
/// so the cells' text can be far larger than the workbook; past this, the rest is not read.
pub const MAX_CELL_TEXT: usize = 64 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (a ZIP).
    Xlsx,
    /// BIFF8 in an OLE compound file; also what a password-protected `.xlsx` looks like.
    Xls,
}

#[derive(Debug)]
pub struct Workbook {
    /// The rendering: one line per row from row 1, cells separated by [`SEPARATOR`].
    pub text: String,
    pub grid: Grid,
    pub sheet: String,
    /// Row number (1-based) of the grid's first row.
    pub first_row: u32,
}

#[derive(Debug)]
pub enum WorkbookError {
    /// Not a workbook, or a damaged one; the reason is calamine's or the ZIP reader's.
    Unreadable(String),
    Encrypted,
    /// The parts expand past [`MAX_EXPANDED`] or there are too many of them.
    TooLarge {
        expanded: u64,
    },
    NoSuchSheet {
        requested: String,
        sheets: Vec<String>,
    },
    NoSheets,
    /// Reading the `.xls` would allocate about this many bytes (past
    /// [`super::xls_budget::MAX_COST`]): cells far apart, or a long shared string in many cells.
    TooCostly {
        bytes: u64,
    },
}

/// Reads one sheet: `sheet` if named, else the first visible worksheet.
pub fn read(bytes: &[u8], kind: Kind, sheet: Option<&str>) -> Result<Workbook, WorkbookError> {
    quietly(|| match kind {
        Kind::Xlsx => read_xlsx(bytes, sheet),
        Kind::Xls => read_xls(bytes, sheet),
    })
    .unwrap_or_else(|| {
        Err(WorkbookError::Unreadable(
            "the workbook is damaged (its records contradict their own lengths)".into(),
        ))
    })
}

/// Decompresses every part within the budget, without keeping anything: afterwards calamine's
/// reading of the same parts is bounded by what was measured here.
fn measure_zip(bytes: &[u8]) -> Result<(), WorkbookError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    if zip.len() > MAX_PARTS {
        return Err(WorkbookError::TooLarge { expanded: 0 });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        let left = MAX_EXPANDED - total;
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
        total += read;
        if total > MAX_EXPANDED {
            return Err(WorkbookError::TooLarge { expanded: total });
        }
    }
    Ok(())
}

fn pick_sheet(
    sheets: &[calamine::Sheet],
    requested: Option<&str>,
) -> Result<String, WorkbookError> {
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    if let Some(want) = requested {
        let norm = |s: &str| super::header::normalize(s);
        return names
            .iter()
            .find(|n| *n == want)
            .or_else(|| names.iter().find(|n| norm(n) == norm(want)))
            .cloned()
            .ok_or_else(|| WorkbookError::NoSuchSheet {
                requested: want.to_owned(),
                sheets: names.clone(),
            });
    }
    sheets
        .iter()
        .find(|s| {
            s.typ == calamine::SheetType::WorkSheet && s.visible == calamine::SheetVisible::Visible
        })
        .or_else(|| sheets.first())
        .map(|s| s.name.clone())
        .ok_or(WorkbookError::NoSheets)
}

fn read_xlsx(bytes: &[u8], requested: Option<&str>) -> Result<Workbook, WorkbookError> {
    measure_zip(bytes)?;
    let mut book = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => WorkbookError::Encrypted,
        e => WorkbookError::Unreadable(e.to_string()),
    })?;
    let sheet = pick_sheet(book.sheets_metadata(), requested)?;
    let merged = book
        .merge_cells_by_sheet_name(&sheet)
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.start, d.end))
        .collect::<Vec<_>>();
    let mut cells = Cells::default();
    let mut reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    loop {
        let cell = match reader.next_cell_with_formula() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => return Err(WorkbookError::Unreadable(e.to_string())),
        };
        let (row, column) = (cell.pos.0 as usize, cell.pos.1 as usize);
        if matches!(cell.value, DataRef::Empty) && cell.formula.is_none() {
            continue;
        }
        // Measure before copying: a shared string used by a million cells is copied at most
        // until the budget is spent.
        let len = match &cell.value {
            DataRef::SharedString(s) => s.len(),
            DataRef::String(s) => s.len(),
            _ => 32,
        };
        if !cells.fits(row, column, len) {
            continue;
        }
        let value = data_ref_text(&cell.value);
        if let Some(formula) = cell.formula
            && row < MAX_ROWS
            && column < MAX_COLUMNS
        {
            cells.notes.push(Note::Formula {
                row,
                column,
                formula: formula.chars().take(200).collect(),
            });
        }
        cells.put(row, column, value);
    }
    Ok(cells.render(sheet, &merged))
}

fn read_xls(bytes: &[u8], requested: Option<&str>) -> Result<Workbook, WorkbookError> {
    use super::xls_budget::{Refusal, measure};
    // calamine reads every sheet when it opens the file, with nothing bounded: measure first.
    match measure(bytes) {
        Ok(_) => {}
        Err(Refusal::TooCostly(bytes)) => return Err(WorkbookError::TooCostly { bytes }),
        Err(Refusal::NoWorkbook { encrypted: true }) => return Err(WorkbookError::Encrypted),
        Err(Refusal::NoWorkbook { encrypted: false }) => {
            return Err(WorkbookError::Unreadable(
                "an Office file without a workbook in it".into(),
            ));
        }
        Err(Refusal::Damaged(why)) => return Err(WorkbookError::Unreadable(why.into())),
    }
    let mut book = match calamine::Xls::new(Cursor::new(bytes)) {
        Ok(book) => book,
        Err(calamine::XlsError::Password) => return Err(WorkbookError::Encrypted),
        Err(e) => return Err(WorkbookError::Unreadable(e.to_string())),
    };
    let sheet = pick_sheet(book.sheets_metadata(), requested)?;
    let merged = book
        .merge_cells_by_sheet_name(&sheet)
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.start, d.end))
        .collect::<Vec<_>>();
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let mut cells = Cells::default();
    for (r, c, value) in range.used_cells() {
        let (row, column) = (
            range.start().map_or(0, |s| s.0) as usize + r,
            range.start().map_or(0, |s| s.1) as usize + c,
        );
        cells.put(row, column, data_text(value));
    }
    Ok(cells.render(sheet, &merged))
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic into `None` without printing it. calamine indexes BIFF records
/// without checking their lengths in places (a short BoundSheet or Lbl record, a MULRK whose last
/// column precedes its first); a damaged workbook must be reported as damaged, not crash the run
/// or print a backtrace. The panic hook stays silent only on this thread, only inside `f`
/// (which must not call `quietly` itself).
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    outcome.ok()
}

/// The text of a cell as Excel shows it in a cell of General format: whole numbers without a
/// fraction (`3600`, not `3600.0`), other numbers in their shortest form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date/time cell as text. A time of day alone (a serial below 1) is shown as Excel shows it,
/// `1:00:00`, not as the fraction of a day it is stored as (0.0416…): customers type TTLs such as
/// `1:00` into cells that Excel then formats as times, and the TTL check suggests `1h` for it.
fn datetime_text(serial: f64) -> String {
    if serial > 0.0 && serial < 1.0 {
        let secs = (serial * 86_400.0).round() as u64;
        format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    } else {
        number_text(serial)
    }
}

fn data_ref_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => datetime_text(d.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn data_text(v: &calamine::Data) -> String {
    use calamine::Data;
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(d) => datetime_text(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

/// A merged region: its first (row, column) and its last, 0-based.
type Region = ((u32, u32), (u32, u32));

/// Cells as they are read, by row, within the limits.
#[derive(Default)]
struct Cells {
    rows: Vec<Vec<String>>,
    notes: Vec<Note>,
    bytes: usize,
    truncated_rows: bool,
    truncated_columns: bool,
}

impl Cells {
    /// Whether a value of `len` bytes at this place is kept; notes what is not.
    fn fits(&mut self, row: usize, column: usize, len: usize) -> bool {
        if row >= MAX_ROWS || self.bytes + len > MAX_CELL_TEXT {
            self.truncated_rows = true;
            return false;
        }
        if column >= MAX_COLUMNS {
            self.truncated_columns = true;
            return false;
        }
        true
    }

    fn put(&mut self, row: usize, column: usize, value: String) {
        if value.is_empty() {
            return;
        }
        if !self.fits(row, column, value.len()) {
            return;
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize_with(column + 1, String::new);
        }
        self.bytes += value.len() + SEPARATOR.len();
        cells[column] = value;
    }

    /// Renders the rows as text, one line per row from row 1, so that line numbers are row
    /// numbers. A merged region shows its value in each row it covers: a host merged down
    /// three rows is the host of all three.
    fn render(mut self, sheet: String, merged: &[Region]) -> Workbook {
        // Filling costs one step per row a region covers: bounded, so that a million merged
        // regions of a thousand rows each cannot keep the reader busy.
        let mut steps = MAX_MERGE_FILL;
        for &((r0, c0), (r1, _)) in merged {
            let rows = self.rows.len();
            let (r0, c0, r1) = (
                r0 as usize,
                c0 as usize,
                (r1 as usize).min(rows.saturating_sub(1)),
            );
            let Some(left) = steps.checked_sub(r1.saturating_sub(r0)) else {
                break;
            };
            steps = left;
            let Some(value) = self.rows.get(r0).and_then(|r| r.get(c0)).cloned() else {
                continue;
            };
            for r in r0 + 1..=r1 {
                let empty = self
                    .rows
                    .get(r)
                    .and_then(|row| row.get(c0))
                    .is_none_or(String::is_empty);
                if empty && r < self.rows.len() {
                    self.put(r, c0, value.clone());
                }
            }
        }
        let mut grid = Grid::default();
        let mut text = String::new();
        for (r, cells) in self.rows.iter().enumerate() {
            let mut row = Row {
                start: text.len() as u32,
                cells: Vec::with_capacity(cells.len()),
            };
            for (c, value) in cells.iter().enumerate() {
                if c > 0 {
                    text.push_str(SEPARATOR);
                }
                let start = text.len() as u32;
                if value.contains(['\n', '\r']) {
                    self.notes.push(Note::LineBreak { row: r, column: c });
                    text.extend(value.chars().map(|ch| match ch {
                        '\n' | '\r' => ' ',
                        ch => ch,
                    }));
                } else {
                    text.push_str(value);
                }
                row.cells.push(Cell {
                    start,
                    value_start: start,
                    value_end: text.len() as u32,
                    unescaped: None,
                });
            }
            text.push('\n');
            grid.rows.push(row);
        }
        grid.notes = self.notes;
        grid.mark_truncated(self.truncated_rows, self.truncated_columns);
        Workbook {
            text,
            grid,
            sheet,
            first_row: 1,
        }
    }
}
