//! Intake policy rules: what the host accepts, beyond what DNS allows.

mod registrar_pseudo_record;

pub use registrar_pseudo_record::REGISTRAR_PSEUDO_RECORD;
