//! Record-table rules (ZG060–ZG069): emitted by the table reader, about the table itself.
//! Faults in the cells' contents are the zone parser's, and keep their own codes.

mod conflicting_priority;
mod formula_cell;
mod line_break_in_cell;
mod missing_cell;
mod missing_priority;
mod no_header_row;
mod table_too_large;
mod unknown_column;
mod unreadable_workbook;
mod value_in_wrong_column;

pub use conflicting_priority::CONFLICTING_PRIORITY;
pub use formula_cell::FORMULA_CELL;
pub use line_break_in_cell::LINE_BREAK_IN_CELL;
pub use missing_cell::MISSING_CELL;
pub use missing_priority::MISSING_PRIORITY;
pub use no_header_row::NO_HEADER_ROW;
pub use table_too_large::TABLE_TOO_LARGE;
pub use unknown_column::UNKNOWN_COLUMN;
pub use unreadable_workbook::UNREADABLE_WORKBOOK;
pub use value_in_wrong_column::VALUE_IN_WRONG_COLUMN;
