//! A table as cells with positions: what the CSV reader and the workbook reader both produce.
//!
//! The grid's text is what findings are shown against: the CSV file itself, or a rendering of a
//! worksheet, one line per row. Every cell knows where it is in that text, and its value, which
//! differs from the text only where the CSV format escapes (`""` for `"`).

/// Most rows read from one table, and most columns kept per row. Record tables are a few hundred
/// rows and a dozen columns; the limits keep a hostile sheet from costing unbounded memory.
pub const MAX_ROWS: usize = 200_000;
pub const MAX_COLUMNS: usize = 64;

/// The rows and cells of a table; the text they point into is kept by its source file.
#[derive(Debug, Default)]
pub struct Grid {
    pub rows: Vec<Row>,
    /// Cells of the text that are not what the cell holds: formulas, line breaks, ...
    pub notes: Vec<Note>,
    /// Rows or columns past the limits were not read.
    pub truncated: Option<Truncated>,
}

#[derive(Debug, Default)]
pub struct Row {
    /// Byte offset of the row's start in the text.
    pub start: u32,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Where the cell starts in the text (for CSV, at its opening quote).
    pub start: u32,
    /// Where its value starts and ends in the text (inside the quotes).
    pub value_start: u32,
    pub value_end: u32,
    /// The value, when it is not the text between `value_start` and `value_end`.
    pub unescaped: Option<Unescaped>,
}

/// A value that differs from its text, with the text offset of each of its bytes.
#[derive(Debug, Clone, Default)]
pub struct Unescaped {
    pub value: String,
    pub offsets: Vec<u32>,
}

impl Cell {
    pub fn value<'g>(&'g self, text: &'g str) -> &'g str {
        match &self.unescaped {
            Some(u) => &u.value,
            None => &text[self.value_start as usize..self.value_end as usize],
        }
    }

    /// The text offset of byte `i` of the value.
    pub fn offset(&self, i: usize) -> u32 {
        match &self.unescaped {
            Some(u) => u
                .offsets
                .get(i)
                .copied()
                .unwrap_or(self.value_end.max(self.value_start)),
            None => (self.value_start + i as u32).min(self.value_end),
        }
    }
}

/// Something about a cell that the reader noticed and the checks report.
#[derive(Debug, Clone)]
pub enum Note {
    /// A formula; its last calculated value (if any) was read.
    Formula {
        row: usize,
        column: usize,
        formula: String,
    },
    /// A line break inside a cell, shown as a space in the rendering.
    LineBreak { row: usize, column: usize },
}

#[derive(Debug, Clone, Copy)]
pub struct Truncated {
    pub rows: bool,
    pub columns: bool,
}

impl Grid {
    /// The cell at a 0-based row and column, if the row has it.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.rows.get(row)?.cells.get(column)
    }

    /// The trimmed value of a cell, `""` when there is none.
    pub fn value<'g>(&'g self, text: &'g str, row: usize, column: usize) -> &'g str {
        self.cell(row, column).map_or("", |c| trim(c.value(text)))
    }

    pub fn is_empty_row(&self, text: &str, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.cells.iter().all(|c| trim(c.value(text)).is_empty()))
    }

    fn truncate_rows(&mut self) {
        self.truncated.get_or_insert(Truncated {
            rows: false,
            columns: false,
        });
        if let Some(t) = &mut self.truncated {
            t.rows = true;
        }
    }

    pub(crate) fn mark_truncated(&mut self, rows: bool, columns: bool) {
        if rows {
            self.truncate_rows();
        }
        if columns {
            let t = self.truncated.get_or_insert(Truncated {
                rows: false,
                columns: false,
            });
            t.columns = true;
        }
    }
}

/// Spaces around a cell's value, ASCII or full-width, are not part of it.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}')
}
