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
mod live_ttl_differs;
mod live_txt_split_differs;
mod not_delegated;
mod not_served_live;
mod serial_mismatch;
mod server_unreachable;
mod spf_include_without_record;
mod spf_lookup_limit;
mod spf_void_lookup_limit;

pub use dangling_live_target::DANGLING_LIVE_TARGET;
pub use delegation_ns_mismatch::DELEGATION_NS_MISMATCH;
pub use ds_at_parent::DS_AT_PARENT;
pub use glue_mismatch::GLUE_MISMATCH;
pub use lame_server::LAME_SERVER;
pub use live_check_incomplete::LIVE_CHECK_INCOMPLETE;
pub use live_coverage::LIVE_COVERAGE;
pub use live_rrset_differs::LIVE_RRSET_DIFFERS;
pub use live_rrset_missing::LIVE_RRSET_MISSING;
pub use live_ttl_differs::LIVE_TTL_DIFFERS;
pub use live_txt_split_differs::LIVE_TXT_SPLIT_DIFFERS;
pub use not_delegated::NOT_DELEGATED;
pub use not_served_live::NOT_SERVED_LIVE;
pub use serial_mismatch::SERIAL_MISMATCH;
pub use server_unreachable::SERVER_UNREACHABLE;
pub use spf_include_without_record::SPF_INCLUDE_WITHOUT_RECORD;
pub use spf_lookup_limit::SPF_LOOKUP_LIMIT;
pub use spf_void_lookup_limit::SPF_VOID_LOOKUP_LIMIT;
