//! zonegate: intake checks for customer DNS zone submissions.
//!
//! A DNS host that takes over a customer's domain receives the customer's zone as an attachment:
//! a zone file, or a spreadsheet, often typed by hand, often in Shift_JIS. zonegate reads it,
//! reports *every* problem with its position and a fix, and decides whether the application can
//! be accepted.
//!
//! The crate is laid out by concern, and data flows one way:
//!
//! - [`source`]: bytes in, decoded text out, with byte spans that render as line and column.
//! - [`table`]: record tables (CSV, TSV, Excel workbooks) read into the same records as a zone
//!   file, with findings positioned by row and column.
//! - [`zone`]: the lexer and parser (RFC 1035 §5), and the zone they produce: compact records
//!   whose data is kept in wire form.
//! - [`rules`]: the catalogue. Every finding has a rule with a stable code and bilingual docs.
//! - [`check`]: one file through decoding, parsing and the rules to a verdict.
//! - [`policy`]: the host's intake policy (YAML), limits and rule settings.
//! - [`report`]: output formats, each a sink for the same findings.
//! - [`diag`]: the finding itself, severities, languages, and escaping of zone data.
//! - [`fs`] and [`cli`]: the edges, where files are read and arguments become options.
//!
//! The pure parts (`source`, `zone`, `rules`, `check`) do no I/O, so they are tested without
//! files or network; the edges are tested by running the real binary.

#![forbid(unsafe_code)]

pub mod check;
pub mod cli;
pub mod diag;
pub mod fs;
pub mod live;
pub mod plan;
pub mod policy;
pub mod report;
pub mod rules;
pub mod source;
pub mod table;
pub mod verify;
pub mod zone;
