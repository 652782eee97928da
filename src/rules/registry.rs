//! The one table of rule codes. Add a rule here in code order; never reuse or renumber a code:
//! a retired rule stays, with `Check::Removed`, so old suppressions and CI configs keep meaning
//! what they meant.

use super::Rule;
use super::policy as p;
use super::syntax as s;
use super::table as t;

pub static RULES: &[&Rule] = &[
    // Source: reading the bytes.
    &s::UNDECODABLE_BYTES,
    &s::FILE_TOO_LARGE,
    &s::BINARY_INPUT,
    &s::LINE_TOO_LONG,
    &s::TOKEN_TOO_LONG,
    &s::TOO_MANY_FIELDS,
    // Syntax: lexing.
    &s::UNCLOSED_QUOTE,
    &s::UNCLOSED_PARENTHESIS,
    &s::UNMATCHED_PARENTHESIS,
    &s::NESTED_PARENTHESIS,
    &s::INVALID_ESCAPE,
    &s::FULL_WIDTH_CHARACTER,
    &s::IDEOGRAPHIC_SPACE,
    &s::CONTROL_CHARACTER,
    &s::NON_ASCII_NAME,
    // Syntax: directives.
    &s::UNKNOWN_DIRECTIVE,
    &s::INVALID_ORIGIN_DIRECTIVE,
    &s::INVALID_TTL_DIRECTIVE,
    &s::INCLUDE_REFUSED,
    &s::INCLUDE_OUTSIDE_ALLOWED_DIRECTORY,
    &s::INCLUDE_UNREADABLE,
    &s::INCLUDE_LOOP,
    &s::INVALID_GENERATE,
    &s::GENERATE_TOO_LARGE,
    // Syntax: the record's owner, TTL, class and type.
    &s::MISSING_OWNER,
    &s::MISSING_TYPE,
    &s::UNKNOWN_TYPE,
    &s::QUERY_TYPE_IN_ZONE,
    &s::INVALID_TTL,
    &s::MISSING_TTL,
    &s::CLASS_MISMATCH,
    &s::RELATIVE_NAME_WITHOUT_ORIGIN,
    &s::NO_DEFAULT_TTL,
    // Syntax: record data.
    &s::MISSING_RDATA,
    &s::EXTRA_RDATA,
    &s::INVALID_NUMBER,
    &s::INVALID_ADDRESS,
    &s::EMPTY_LABEL,
    &s::LABEL_TOO_LONG,
    &s::NAME_TOO_LONG,
    &s::STRING_TOO_LONG,
    &s::INVALID_ENCODED_DATA,
    &s::INVALID_RDATA_FIELD,
    &s::INVALID_GENERIC_RDATA,
    // Record tables (CSV, TSV, workbooks).
    &t::NO_HEADER_ROW,
    &t::UNKNOWN_COLUMN,
    &t::MISSING_CELL,
    &t::VALUE_IN_WRONG_COLUMN,
    &t::MISSING_PRIORITY,
    &t::CONFLICTING_PRIORITY,
    &t::TABLE_TOO_LARGE,
    &t::UNREADABLE_WORKBOOK,
    &t::FORMULA_CELL,
    &t::LINE_BREAK_IN_CELL,
    // Intake policy.
    &p::REGISTRAR_PSEUDO_RECORD,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_well_formed_and_in_order() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} must come before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for rule in RULES {
            assert!(codes.insert(rule.code), "duplicate code {}", rule.code);
            assert!(names.insert(rule.name), "duplicate name {}", rule.name);
            assert!(
                rule.code.len() == 5
                    && rule.code.starts_with("ZG")
                    && rule.code[2..].bytes().all(|b| b.is_ascii_digit()),
                "{}",
                rule.code
            );
            assert!(
                rule.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                rule.name
            );
            assert!(!rule.rfc.is_empty(), "{} cites nothing", rule.code);
        }
    }
}
