//! The interop suite: zonegate against real DNS servers from Debian (BIND, NSD, Knot,
//! Unbound), on loopback only.
//!
//! ```sh
//! ZONEGATE_INTEROP=1 cargo test interop     # as root: the DNS world needs port 53 and lo aliases
//! ```
//!
//! Without `ZONEGATE_INTEROP` every test here says it was skipped and passes; with it, a missing
//! server, tool or privilege fails the test (see [`gate`]).
//!
//! - [`differential`]: zonegate's parser against BIND's and Knot's on every zone fixture.
//! - [`world`]: a DNS world on 127.0.0.0/8 (root, TLDs, old and new hosts, mail and CDN
//!   providers, a resolver), every process stopped by its PID when the test ends.
//! - [`rehearsal`]: a full cutover, `check --live` to rollback, on that world.

#[path = "../common/mod.rs"]
mod common;

/// The benchmark zone generator, shared with `cargo run --example zonegate-bench`.
#[path = "../../examples/zonegate-bench.rs"]
#[allow(dead_code)]
mod bench;

mod daemon;
mod differential;
mod dns;
mod gate;
mod peers;
mod records;
mod rehearsal;
mod world;
