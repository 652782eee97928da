//! Cutover plans (`zonegate plan`).

pub mod spec;
