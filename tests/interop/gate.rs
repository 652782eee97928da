//! When the interop suite runs, and what it needs.
//!
//! The suite runs only when `ZONEGATE_INTEROP` is set (to anything but empty or `0`), so a plain
//! `cargo test` on a laptop without BIND stays green and says so. Once it is set, a missing
//! server, checker or privilege is a failure with the package to install: CI must never pass
//! because it silently tested nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

pub const PACKAGES: &str = "bind9 bind9-utils dnsutils nsd knot knot-dnssecutils unbound iproute2";

/// Whether the suite is switched on. When it is not, says on the real standard error (not the
/// captured one, so it shows even for a passing test) that `test` was skipped.
pub fn enabled(test: &str) -> bool {
    let on = std::env::var_os("ZONEGATE_INTEROP").is_some_and(|v| !v.is_empty() && v != "0");
    if !on {
        say(&format!(
            "interop: skipped {test} (set ZONEGATE_INTEROP=1 to run it against BIND, NSD, Knot and Unbound)"
        ));
    }
    on
}

/// A line on the process's real standard error, bypassing the test harness's capture: skips and
/// agreement numbers must be visible in CI logs even when the test passes.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// The path of an external program, looked up in `PATH` and then in the sbin directories
/// (daemons live in /usr/sbin, which is not in every user's `PATH`). Panics when it is missing:
/// the suite was asked to run, so a missing program is a failure, not a skip.
pub fn tool(name: &str) -> PathBuf {
    find(name).unwrap_or_else(|| {
        panic!(
            "interop: `{name}` not found in PATH, /usr/sbin or /sbin; install the Debian packages: \
             apt-get install -y --no-install-recommends {PACKAGES}"
        )
    })
}

fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/local/sbin", "/usr/sbin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The DNS world binds port 53 and adds loopback aliases (BIND only listens on addresses that
/// exist on an interface), which needs root.
pub fn require_root() {
    assert!(
        rustix::process::geteuid().is_root(),
        "interop: the DNS world needs root (port 53 and `ip addr add 127.x.y.z/32 dev lo`); \
         run the suite as root, as .ci/run does, or unset ZONEGATE_INTEROP"
    );
}

/// A program the suite needs and cannot find fails the test, naming the packages: with
/// `ZONEGATE_INTEROP` set, nothing is skipped quietly. Runs with or without the variable.
#[test]
fn interop_a_missing_program_is_a_failure_not_a_skip() {
    let result = std::panic::catch_unwind(|| tool("zonegate-interop-no-such-server"));
    let message = result.expect_err("a missing program panics");
    let message = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(
        message.contains("zonegate-interop-no-such-server") && message.contains(PACKAGES),
        "{message}"
    );
    assert!(find("sh").is_some(), "programs in PATH are found");
}
