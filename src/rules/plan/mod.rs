//! Cutover plan rules (ZG9xx): the cutover spec, and the spec against the zone. Emitted by
//! [`crate::plan::spec`] and the planner, never run over a zone alone.

mod current_delegation_unknown;
mod mail_already_switched;
mod nameserver_address_missing;
mod spec_invalid_address;
mod spec_invalid_name;
mod spec_invalid_spf;
mod spec_missing_field;
mod spec_not_yaml;
mod spec_relative_name;
mod spec_too_few_nameservers;
mod spec_ttl_out_of_range;
mod spec_unknown_field;
mod spec_wrong_type;
mod spec_zone_mismatch;

pub use current_delegation_unknown::CURRENT_DELEGATION_UNKNOWN;
pub use mail_already_switched::MAIL_ALREADY_SWITCHED;
pub use nameserver_address_missing::NAMESERVER_ADDRESS_MISSING;
pub use spec_invalid_address::SPEC_INVALID_ADDRESS;
pub use spec_invalid_name::SPEC_INVALID_NAME;
pub use spec_invalid_spf::SPEC_INVALID_SPF;
pub use spec_missing_field::SPEC_MISSING_FIELD;
pub use spec_not_yaml::SPEC_NOT_YAML;
pub use spec_relative_name::SPEC_RELATIVE_NAME;
pub use spec_too_few_nameservers::SPEC_TOO_FEW_NAMESERVERS;
pub use spec_ttl_out_of_range::SPEC_TTL_OUT_OF_RANGE;
pub use spec_unknown_field::SPEC_UNKNOWN_FIELD;
pub use spec_wrong_type::SPEC_WRONG_TYPE;
pub use spec_zone_mismatch::SPEC_ZONE_MISMATCH;
