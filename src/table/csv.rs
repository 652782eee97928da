//! CSV and TSV, as Excel and hand editors write them (RFC 4180, read leniently), with the
//! position of every cell in the decoded text.
//!
//! Rows end at `\n`, `\r\n` or a lone `\r` outside quotes. A quoted cell may hold the
//! delimiter, line breaks and `""` for a quote; text after its closing quote is kept, as Excel
//! does. A quote that never closes is reported where it opened, and the cell is read to the
//! end of its line instead, so one stray quote does not swallow the rest of the file.

use super::grid::{Cell, Grid, MAX_COLUMNS, MAX_ROWS, Note, Row, Unescaped};

/// Where a quoted cell opened but never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedQuote {
    pub open: u32,
    pub line_end: u32,
}

pub fn read(text: &str, delimiter: u8) -> (Grid, Vec<UnclosedQuote>) {
    let mut unclosed = Vec::new();
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut truncated_rows = false;
    let mut truncated_columns = false;
    while pos < bytes.len() {
        if rows.len() >= MAX_ROWS {
            truncated_rows = true;
            break;
        }
        let mut row = Row {
            start: pos as u32,
            cells: Vec::new(),
        };
        loop {
            let (mut cell, next, ended) = read_cell(text, pos, delimiter, &mut unclosed);
            if cell.value(text).contains(['\n', '\r']) && row.cells.len() < MAX_COLUMNS {
                notes.push(Note::LineBreak {
                    row: rows.len(),
                    column: row.cells.len(),
                });
                // Read as a space, as the workbook reader does; the break is reported.
                let u = cell.unescaped.take().unwrap_or_else(|| Unescaped {
                    value: cell.value(text).to_owned(),
                    offsets: (cell.value_start..cell.value_end).collect(),
                });
                cell.unescaped = Some(Unescaped {
                    value: u.value.replace(['\n', '\r'], " "),
                    offsets: u.offsets,
                });
            }
            if row.cells.len() < MAX_COLUMNS {
                row.cells.push(cell);
            } else if cell.value_end > cell.value_start {
                truncated_columns = true;
            }
            pos = next;
            if ended {
                break;
            }
        }
        rows.push(row);
    }
    let mut grid = Grid {
        rows,
        notes,
        ..Grid::default()
    };
    grid.mark_truncated(truncated_rows, truncated_columns);
    (grid, unclosed)
}

/// Reads the cell at `pos`. Returns it, where the next cell or row starts, and whether the row
/// ended with it.
fn read_cell(
    text: &str,
    pos: usize,
    delimiter: u8,
    unclosed: &mut Vec<UnclosedQuote>,
) -> (Cell, usize, bool) {
    let bytes = text.as_bytes();
    if bytes.get(pos) == Some(&b'"')
        && let Some(close) = closing_quote(bytes, pos + 1)
    {
        // Quoted: the value is between the quotes, with `""` read as `"`.
        let inner = &text[pos + 1..close];
        let unescaped = inner.contains("\"\"").then(|| {
            let mut value = String::with_capacity(inner.len());
            let mut offsets = Vec::with_capacity(inner.len());
            let mut i = 0;
            while i < inner.len() {
                let at = pos + 1 + i;
                if inner[i..].starts_with("\"\"") {
                    value.push('"');
                    offsets.push(at as u32);
                    i += 2;
                } else {
                    let c = inner[i..].chars().next().expect("char boundary");
                    value.push(c);
                    offsets.extend((0..c.len_utf8()).map(|k| (at + k) as u32));
                    i += c.len_utf8();
                }
            }
            Unescaped { value, offsets }
        });
        let mut cell = Cell {
            start: pos as u32,
            value_start: pos as u32 + 1,
            value_end: close as u32,
            unescaped,
        };
        // Text after the closing quote (`"a"b`) belongs to the cell, as Excel reads it.
        let (end, next, ended) = unquoted_end(bytes, close + 1, delimiter);
        if end > close + 1 {
            let mut u = cell.unescaped.take().unwrap_or_else(|| Unescaped {
                value: inner.to_owned(),
                offsets: (pos + 1..close).map(|o| o as u32).collect(),
            });
            u.value.push_str(&text[close + 1..end]);
            u.offsets.extend((close + 1..end).map(|o| o as u32));
            cell.unescaped = Some(u);
        }
        return (cell, next, ended);
    }
    if bytes.get(pos) == Some(&b'"') {
        let line_end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |p| pos + p);
        unclosed.push(UnclosedQuote {
            open: pos as u32,
            line_end: line_end as u32,
        });
    }
    let (end, next, ended) = unquoted_end(bytes, pos, delimiter);
    (
        Cell {
            start: pos as u32,
            value_start: pos as u32,
            value_end: end as u32,
            unescaped: None,
        },
        next,
        ended,
    )
}

/// The closing quote of a quoted cell whose content starts at `from`: a `"` not followed by
/// another. `None` when the text ends first.
fn closing_quote(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            if bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// From `pos`, the end of an unquoted cell, where the next one starts, and whether the row ends.
fn unquoted_end(bytes: &[u8], pos: usize, delimiter: u8) -> (usize, usize, bool) {
    let mut i = pos;
    while i < bytes.len() {
        match bytes[i] {
            b if b == delimiter => return (i, i + 1, false),
            b'\n' => return (i, i + 1, true),
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                return (i, next, true);
            }
            _ => i += 1,
        }
    }
    (i, i, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'g>(grid: &'g Grid, text: &'g str) -> Vec<Vec<&'g str>> {
        grid.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value(text)).collect())
            .collect()
    }

    #[test]
    fn quoted_cells_line_breaks_and_escaped_quotes() {
        let text = "host,type,value\r\nwww,TXT,\"\"\"v=spf1 -all\"\"\"\n\"a\nb\",A,\"1,2\"\n";
        let (grid, unclosed) = read(text, b',');
        assert!(unclosed.is_empty());
        assert_eq!(
            values(&grid, text),
            [
                vec!["host", "type", "value"],
                vec!["www", "TXT", "\"v=spf1 -all\""],
                vec!["a b", "A", "1,2"],
            ]
        );
        // The line break is read as a space, and noted for a finding.
        assert!(matches!(
            grid.notes[..],
            [Note::LineBreak { row: 2, column: 0 }]
        ));
        // The value's bytes map back to the text: `"` of `"v=` is the first of a `""` pair.
        let cell = &grid.rows[1].cells[2];
        assert_eq!(&text[cell.offset(1) as usize..][..3], "v=s");
        assert_eq!(grid.rows[2].start, 43);
    }

    #[test]
    fn tabs_and_ragged_rows() {
        let text = "a\tb\tc\nd\n\te\n";
        let (grid, _) = read(text, b'\t');
        assert_eq!(
            values(&grid, text),
            [vec!["a", "b", "c"], vec!["d"], vec!["", "e"]]
        );
    }

    #[test]
    fn unclosed_quote_reads_to_the_end_of_its_line() {
        let text = "a,\"b,c\nd,e\n";
        let (grid, unclosed) = read(text, b',');
        assert_eq!(
            unclosed,
            [UnclosedQuote {
                open: 2,
                line_end: 6
            }]
        );
        assert_eq!(values(&grid, text), [vec!["a", "\"b", "c"], vec!["d", "e"]]);
    }

    #[test]
    fn thousands_of_columns_are_capped() {
        let line = "x,".repeat(5000);
        let (grid, _) = read(&format!("{line}\n"), b',');
        assert_eq!(grid.rows[0].cells.len(), MAX_COLUMNS);
        assert!(grid.truncated.is_some_and(|t| t.columns));
    }
}
