//! Reading what the customer sent: bytes in, decoded text and positions out.
//!
//! A [`Span`] is a byte range into the *decoded* text of one [`SourceFile`]. Line and column
//! are computed only when a diagnostic is rendered: lines are 1-based and split at `\n`, `\r\n`
//! or a lone `\r`; columns are 1-based and counted in Unicode scalar values. Because decoding
//! maps every character of the original file to exactly one character of the text (and every
//! undecodable byte sequence to one U+FFFD), a line and column on the decoded text is the same
//! line and column in the customer's original file, whatever its encoding.

mod decode;
mod lines;

pub use decode::{DecodeError, Decoded, Encoding, MalformedRun, decode, decode_owned};
pub use lines::LineIndex;

use std::sync::OnceLock;

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in the decoded text of one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A position as people read it: 1-based line, 1-based column in Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// How positions in a file are shown: as text lines, or as the rows and columns of a table
/// (for record tables, where the customer thinks in cells, not characters).
#[derive(Clone, Debug, Default)]
pub enum Layout {
    #[default]
    Text,
    /// The text holds a table: a CSV file as it was sent, or a rendering of a worksheet, one
    /// line per row. A position is reported as the row and column the customer sees.
    Table(TableLayout),
}

/// Where the rows and cells of a table are in its text.
#[derive(Clone, Debug, Default)]
pub struct TableLayout {
    /// The worksheet, for workbooks; `None` for CSV and TSV files.
    pub sheet: Option<String>,
    /// The row number of the first row, as the customer counts (1 for row 1).
    pub first_row: u32,
    /// Byte offset at which each row starts, in order. A CSV row may span several lines when a
    /// quoted cell holds a line break, so rows are not lines.
    pub row_starts: Vec<u32>,
    /// For each row, the byte offset at which each of its cells starts.
    pub cell_starts: Vec<Vec<u32>>,
    /// The header of each column, as written, for reports in the customer's terms.
    pub headers: Vec<String>,
    /// The workbook was rendered as text (cells separated by ` | `); CSV is shown as it is.
    pub rendered: bool,
}

impl TableLayout {
    /// 0-based row index and 0-based column index of a byte offset.
    pub fn cell_of(&self, offset: u32) -> (usize, usize) {
        let row = match self.row_starts.binary_search(&offset) {
            Ok(r) => r,
            Err(0) => 0,
            Err(next) => next - 1,
        };
        let column = self
            .cell_starts
            .get(row)
            .and_then(|cells| cells.iter().rposition(|&c| c <= offset))
            .unwrap_or(0);
        (row, column)
    }

    /// The row number the customer sees for a 0-based row index.
    pub fn row_number(&self, row: usize) -> u32 {
        self.first_row.saturating_add(row as u32)
    }
}

/// The spreadsheet name of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(mut column: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII")
}

/// One decoded input file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or `-` for standard input); shown in every diagnostic.
    pub path: String,
    pub text: String,
    pub encoding: Encoding,
    /// Undecodable byte runs, in order; each became one U+FFFD in `text`.
    pub malformed: Vec<MalformedRun>,
    pub layout: Layout,
    lines: OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, decoded: Decoded) -> Self {
        SourceFile {
            path: path.into(),
            text: decoded.text,
            encoding: decoded.encoding,
            malformed: decoded.malformed,
            layout: Layout::Text,
            lines: OnceLock::new(),
        }
    }

    /// A file whose text is already known to be what it is (tests, generated tables).
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self::new(
            path,
            Decoded {
                text: text.into(),
                encoding: Encoding::Utf8,
                malformed: Vec::new(),
                had_bom: false,
            },
        )
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The 1-based line and column of a byte offset in the text.
    pub fn position(&self, offset: u32) -> Position {
        let offset = (offset as usize).min(self.text.len());
        if let Layout::Table(table) = &self.layout {
            let (row, column) = table.cell_of(offset as u32);
            return Position {
                line: table.row_number(row),
                column: column as u32 + 1,
            };
        }
        let lines = self.lines();
        let line = lines.line_of(offset);
        let start = lines.line_start(line);
        let column = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count()
            + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every file read during one run: the files named on the command line and the ones they
/// include. Diagnostics refer to files by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() as u32 - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn text(&self, span: Span) -> &str {
        let text = &self.get(span.file).text;
        let start = floor_char_boundary(text, span.start as usize);
        let end = floor_char_boundary(text, span.end as usize).max(start);
        &text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(1), "B");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(column_letter(16_383), "XFD");
    }

    #[test]
    fn table_positions_are_rows_and_columns() {
        // Row 2 holds a quoted cell with a line break, so it spans two lines.
        let text = "host,type\n\"a\nb\",A\nwww,AAAA\n";
        let mut file = SourceFile::from_text("t.csv", text);
        file.layout = Layout::Table(TableLayout {
            first_row: 1,
            row_starts: vec![0, 10, 18],
            cell_starts: vec![vec![0, 5], vec![10, 16], vec![18, 22]],
            ..TableLayout::default()
        });
        assert_eq!(file.position(6), Position { line: 1, column: 2 });
        assert_eq!(file.position(13), Position { line: 2, column: 1 });
        assert_eq!(file.position(16), Position { line: 2, column: 2 });
        assert_eq!(file.position(22), Position { line: 3, column: 2 });
    }
}
