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
/// (for spreadsheets, where the customer thinks in cells, not characters).
#[derive(Clone, Debug, Default)]
pub enum Layout {
    #[default]
    Text,
    /// Each line of the text is one row of a table; the cell boundaries (byte offsets of each
    /// cell's start within the whole text) let a position be reported as row and column.
    Table {
        sheet: Option<String>,
        first_row: u32,
        cell_starts: Vec<Vec<u32>>,
    },
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
        let lines = self.lines();
        let line = lines.line_of(offset);
        let start = lines.line_start(line);
        if let Layout::Table {
            cell_starts,
            first_row,
            ..
        } = &self.layout
        {
            let cells = cell_starts.get(line).map(Vec::as_slice).unwrap_or(&[]);
            let column = cells
                .iter()
                .rposition(|&c| c as usize <= offset)
                .map_or(1, |i| i + 1);
            return Position {
                line: *first_row + line as u32,
                column: column as u32,
            };
        }
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
