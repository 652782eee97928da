//! A server process the suite started, stopped by its PID whatever happens to the test.
//!
//! - Dropping a [`Daemon`] sends SIGTERM, waits for the process (reaping it, so no zombie is
//!   left for a slow PID 1), and sends SIGKILL if it has not gone after a grace period. Drop runs
//!   when the test returns, fails or panics.
//! - Daemons are started through `setpriv --pdeathsig TERM`, so even a test binary killed with
//!   SIGKILL (where no destructor runs) takes its servers down with it: the kernel signals them
//!   when the thread that started them dies.
//! - Every daemon runs in the foreground and logs to a file in the world's temp dir; the log's
//!   tail is part of any failure message.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Daemon {
    pub name: String,
    child: Child,
    pub log: PathBuf,
}

impl Daemon {
    /// Starts `program args...` in the foreground with stdout and stderr going to `log`.
    pub fn spawn(name: &str, program: &Path, args: &[&str], log: &Path) -> Daemon {
        let out = File::create(log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
        let err = out.try_clone().expect("log file handle");
        let setpriv = super::gate::tool("setpriv");
        let child = Command::new(setpriv)
            .args(["--pdeathsig", "TERM", "--"])
            .arg(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("interop: cannot start {name} ({}): {e}", program.display())
            });
        Daemon {
            name: name.to_owned(),
            child,
            log: log.to_owned(),
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running (an exited one is reaped here).
    pub fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Panics with the log if the process has exited.
    pub fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!(
                "interop: {} (pid {}) exited with {status}\n{}",
                self.name,
                self.pid(),
                self.log_tail()
            );
        }
    }

    /// The last lines of the daemon's log, for failure messages.
    pub fn log_tail(&self) -> String {
        log_tail(&self.log)
    }

    /// SIGTERM, then wait; SIGKILL after `grace`. Idempotent.
    pub fn stop(&mut self) {
        if !self.running() {
            return;
        }
        let pid = rustix::process::Pid::from_child(&self.child);
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        let grace = Duration::from_secs(10);
        let start = Instant::now();
        while start.elapsed() < grace {
            if !self.running() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        super::gate::say(&format!(
            "interop: {} (pid {}) ignored SIGTERM for {grace:?}; sending SIGKILL",
            self.name,
            self.pid()
        ));
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let from = lines.len().saturating_sub(30);
    format!(
        "--- {} (last {} lines) ---\n{}",
        path.display(),
        lines.len() - from,
        lines[from..].join("\n")
    )
}

/// Runs a command to completion and returns (success, stdout + stderr).
pub fn run(program: &Path, args: &[&str], cwd: Option<&Path>) -> (bool, String) {
    let mut cmd = Command::new(program);
    cmd.args(args).stdin(Stdio::null());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("interop: cannot run {}: {e}", program.display()));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// Runs a command that must succeed; panics with its output otherwise.
pub fn run_ok(program: &Path, args: &[&str]) -> String {
    let (ok, text) = run(program, args, None);
    assert!(
        ok,
        "interop: `{} {}` failed:\n{text}",
        program.display(),
        args.join(" ")
    );
    text
}

/// Polls `f` every 50 ms until it returns `Some`, or panics after `limit` with `what`.
/// Servers load and reload asynchronously; this waits for the state, never for a fixed time.
pub fn wait_for<T>(what: &str, limit: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            start.elapsed() < limit,
            "interop: gave up after {limit:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
