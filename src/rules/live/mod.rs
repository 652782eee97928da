//! Live-phase rules: the submission against what the current servers serve (`check --live`).
//! Their findings are made by [`crate::live`]; the fixtures are real servers in `tests/live.rs`.

mod dangling_live_target;
mod delegation_ns_mismatch;
mod ds_at_parent;
mod glue_mismatch;
mod lame_server;
mod live_check_incomplete;
mod live_coverage;
mod live_rrset_differs;
mod live_rrset_missing;
mod live_spf_include_without_record;
mod live_spf_too_many_lookups;
mod live_spf_void_lookups;
mod live_ttl_differs;
mod live_txt_split_differs;
mod not_delegated;
mod not_served_live;
mod serial_mismatch;
mod server_unreachable;

pub use dangling_live_target::DANGLING_LIVE_TARGET;
pub use delegation_ns_mismatch::DELEGATION_NS_MISMATCH;
pub use ds_at_parent::DS_AT_PARENT;
pub use glue_mismatch::GLUE_MISMATCH;
pub use lame_server::LAME_SERVER;
pub use live_check_incomplete::LIVE_CHECK_INCOMPLETE;
pub use live_coverage::LIVE_COVERAGE;
pub use live_rrset_differs::LIVE_RRSET_DIFFERS;
pub use live_rrset_missing::LIVE_RRSET_MISSING;
pub use live_spf_include_without_record::LIVE_SPF_INCLUDE_WITHOUT_RECORD;
pub use live_spf_too_many_lookups::LIVE_SPF_TOO_MANY_LOOKUPS;
pub use live_spf_void_lookups::LIVE_SPF_VOID_LOOKUPS;
pub use live_ttl_differs::LIVE_TTL_DIFFERS;
pub use live_txt_split_differs::LIVE_TXT_SPLIT_DIFFERS;
pub use not_delegated::NOT_DELEGATED;
pub use not_served_live::NOT_SERVED_LIVE;
pub use serial_mismatch::SERIAL_MISMATCH;
pub use server_unreachable::SERVER_UNREACHABLE;
