//! Intake policy rules: what the host accepts, beyond what DNS allows.

mod apex_records_replaced;
mod origin_mismatch;
mod registrar_pseudo_record;
mod type_not_served;
mod unused_suppression;

pub use apex_records_replaced::APEX_RECORDS_REPLACED;
pub use origin_mismatch::ORIGIN_MISMATCH;
pub(crate) use origin_mismatch::foreign_zone;
pub use registrar_pseudo_record::REGISTRAR_PSEUDO_RECORD;
pub use type_not_served::TYPE_NOT_SERVED;
pub use unused_suppression::UNUSED_SUPPRESSION;
