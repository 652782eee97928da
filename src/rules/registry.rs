//! The one table of rule codes. Add a rule here in code order; never reuse or renumber a code:
//! a retired rule stays, with `Check::Removed`, so old suppressions and CI configs keep meaning
//! what they meant.

use super::Rule;
use super::delegation as d;
use super::live as l;
use super::mail as m;
use super::names as n;
use super::plan as pl;
use super::policy as p;
use super::rrset as rr;
use super::structure as st;
use super::syntax as s;
use super::table as t;
use super::types as ty;

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
    &s::WINDOWS_AGING_STAMP,
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
    // SOA and zone structure.
    &st::MISSING_SOA,
    &st::MULTIPLE_SOA,
    &st::SOA_NOT_AT_APEX,
    &st::SOA_REFRESH_OUT_OF_RANGE,
    &st::SOA_RETRY_OUT_OF_RANGE,
    &st::SOA_EXPIRE_OUT_OF_RANGE,
    &st::SOA_MINIMUM_OUT_OF_RANGE,
    &st::SOA_RETRY_NOT_BELOW_REFRESH,
    &st::SOA_EXPIRE_NOT_ABOVE_REFRESH,
    &st::SOA_SERIAL_ZERO,
    &st::SOA_SERIAL_MALFORMED_DATE,
    &st::OUT_OF_ZONE_DATA,
    // NS, delegation and glue.
    &d::MISSING_APEX_NS,
    &d::SINGLE_APEX_NS,
    &d::NS_TARGET_IS_ADDRESS,
    &d::NS_TARGET_IS_CNAME,
    &d::NS_TARGET_WITHOUT_ADDRESS,
    &d::MISSING_GLUE,
    &d::UNNEEDED_GLUE,
    &d::OCCLUDED_DATA,
    // RRsets, TTLs, CNAME and DNAME.
    &rr::DUPLICATE_RECORD,
    &rr::DUPLICATE_RECORD_CASE,
    &rr::TTL_MISMATCH,
    &rr::ZERO_TTL,
    &rr::TTL_ABOVE_POLICY_MAXIMUM,
    &rr::TTL_BELOW_POLICY_MINIMUM,
    &rr::TTL_TOO_LARGE,
    &rr::CNAME_AND_OTHER_DATA,
    &rr::MULTIPLE_CNAME,
    &rr::CNAME_AT_APEX,
    &rr::CNAME_CHAIN,
    &rr::CNAME_LOOP,
    &rr::CNAME_TO_SELF,
    &rr::DANGLING_CNAME,
    &rr::DATA_BELOW_DNAME,
    &rr::MULTIPLE_DNAME,
    &rr::DNAME_AND_NS,
    // Names and targets.
    &n::MX_TARGET_IS_CNAME,
    &n::TARGET_IS_ADDRESS,
    &n::MX_TARGET_WITHOUT_ADDRESS,
    &n::NULL_MX_WITH_OTHER_MX,
    &n::MALFORMED_NULL_MX,
    &n::SRV_OWNER_NOT_SERVICE_NAME,
    &n::SRV_TARGET_IS_CNAME,
    &n::SRV_TARGET_WITHOUT_ADDRESS,
    &n::INVALID_HOST_NAME,
    &n::MISPLACED_WILDCARD,
    &n::ORIGIN_REPEATED,
    &n::MISSING_TRAILING_DOT,
    // Mail: SPF, DMARC, DKIM and Microsoft 365.
    &m::MULTIPLE_SPF_RECORDS,
    &m::SPF_MALFORMED_VERSION,
    &m::SPF_UNKNOWN_MECHANISM,
    &m::SPF_UNKNOWN_MODIFIER,
    &m::SPF_INVALID_QUALIFIER,
    &m::SPF_INVALID_TERM,
    &m::SPF_ALL_NOT_LAST,
    &m::SPF_REDIRECT_WITH_ALL,
    &m::SPF_DUPLICATE_MODIFIER,
    &m::SPF_PTR_MECHANISM,
    &m::SPF_RECORD_TYPE,
    &m::SPF_TOO_MANY_LOOKUPS,
    &m::SPF_INCLUDE_WITHOUT_RECORD,
    &m::DMARC_INVALID_VERSION,
    &m::MULTIPLE_DMARC_RECORDS,
    &m::DMARC_MISSING_POLICY,
    &m::DMARC_INVALID_POLICY,
    &m::DMARC_INVALID_REPORT_URI,
    &m::DMARC_INVALID_PERCENTAGE,
    &m::DMARC_INVALID_TAG_VALUE,
    &m::DMARC_UNKNOWN_TAG,
    &m::DMARC_SYNTAX_ERROR,
    &m::DMARC_WRONG_OWNER,
    &m::DKIM_SYNTAX_ERROR,
    &m::DKIM_INVALID_PUBLIC_KEY,
    &m::DKIM_REVOKED_KEY,
    &m::DKIM_INVALID_TAG_VALUE,
    &m::DKIM_UNKNOWN_TAG,
    &m::DKIM_SHORT_KEY,
    &m::DKIM_WRONG_OWNER,
    &m::M365_MX_PREFERENCE,
    &m::M365_MX_NOT_ONLY,
    &m::M365_AUTODISCOVER,
    &m::M365_VERIFICATION_FORMAT,
    &m::M365_SPF_INCLUDE,
    &m::TXT_SPLIT_WITHOUT_SEPARATOR,
    // Other types: CAA, DNSSEC leftovers, obsolete types.
    &ty::CAA_INVALID_FLAGS,
    &ty::CAA_UNKNOWN_TAG,
    &ty::CAA_UNKNOWN_CRITICAL_TAG,
    &ty::CAA_INVALID_ISSUER_VALUE,
    &ty::CAA_INVALID_IODEF,
    &ty::DS_AT_APEX,
    &ty::DNSSEC_RECORDS_PRESENT,
    &ty::OBSOLETE_TYPE,
    // Intake policy.
    &p::REGISTRAR_PSEUDO_RECORD,
    &p::ORIGIN_MISMATCH,
    &p::TYPE_NOT_SERVED,
    &p::APEX_RECORDS_REPLACED,
    &p::UNUSED_SUPPRESSION,
    // Live: the servers of today.
    &l::SERVER_UNREACHABLE,
    &l::LAME_SERVER,
    &l::SERIAL_MISMATCH,
    &l::DELEGATION_NS_MISMATCH,
    &l::GLUE_MISMATCH,
    &l::NOT_DELEGATED,
    &l::LIVE_CHECK_INCOMPLETE,
    &l::LIVE_COVERAGE,
    // Live: content served today against the submission.
    &l::LIVE_RRSET_MISSING,
    &l::LIVE_RRSET_DIFFERS,
    &l::LIVE_TXT_SPLIT_DIFFERS,
    &l::LIVE_TTL_DIFFERS,
    &l::NOT_SERVED_LIVE,
    // Live: outside the zone, through the resolver.
    &l::DANGLING_LIVE_TARGET,
    &l::LIVE_SPF_TOO_MANY_LOOKUPS,
    &l::LIVE_SPF_VOID_LOOKUPS,
    &l::LIVE_SPF_INCLUDE_WITHOUT_RECORD,
    &l::DS_AT_PARENT,
    // Cutover plan: the spec, and the spec against the zone.
    &pl::SPEC_NOT_YAML,
    &pl::SPEC_UNKNOWN_FIELD,
    &pl::SPEC_MISSING_FIELD,
    &pl::SPEC_WRONG_TYPE,
    &pl::SPEC_INVALID_NAME,
    &pl::SPEC_RELATIVE_NAME,
    &pl::SPEC_TTL_OUT_OF_RANGE,
    &pl::SPEC_INVALID_SPF,
    &pl::SPEC_TOO_FEW_NAMESERVERS,
    &pl::SPEC_INVALID_ADDRESS,
    &pl::SPEC_ZONE_MISMATCH,
    &pl::NAMESERVER_ADDRESS_MISSING,
    &pl::MAIL_ALREADY_SWITCHED,
    &pl::CURRENT_DELEGATION_UNKNOWN,
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
