//! The peers zonegate is compared with: what BIND and Knot accept, and the records they load.
//!
//! - BIND: `named-checkzone -k fail -i local -D`. `-k fail` is what `named` does for a primary
//!   zone (check-names fail), so a name that named-checkzone only warns about but named refuses
//!   to load counts as rejected; `-i local` keeps it off the network (the default `-i full`
//!   resolves out-of-zone targets through the system resolver). `-D` dumps the zone as loaded.
//! - Knot: `kzonecheck` for the verdict; the records come from a real `knotd` through
//!   `knotc zone-read`, since no Knot tool prints a zone without a server. One knotd serves every
//!   dump: zones are added and removed through configuration transactions, many at a time when
//!   their names differ.

use super::daemon::{Daemon, run, wait_for};
use super::gate::tool;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub struct PeerResult {
    pub accepted: bool,
    /// What the checker said (errors and warnings).
    pub messages: String,
    /// The zone as the peer loaded it, in its own presentation format.
    pub dump: Option<String>,
}

/// BIND's verdict and, when it accepts, its dump. `cwd` is where relative `$INCLUDE`s resolve.
pub fn bind(origin: &str, file: &Path, cwd: &Path, scratch: &Path) -> PeerResult {
    // The whole path, not the file name: fixtures in different directories share names
    // (examples/ and cutover/ both hold example.co.jp.zone) and the checks run in parallel.
    let dump = scratch.join(format!(
        "bind-{}.dump",
        file.to_string_lossy().replace(['/', '\\'], "_")
    ));
    let _ = std::fs::remove_file(&dump);
    let checkzone = tool("named-checkzone");
    let (ok, messages) = run(
        &checkzone,
        &[
            "-k",
            "fail",
            "-i",
            "local",
            "-D",
            "-o",
            dump.to_str().unwrap(),
            origin,
            file.to_str().unwrap(),
        ],
        Some(cwd),
    );
    let text = ok.then(|| std::fs::read_to_string(&dump).unwrap_or_default());
    PeerResult {
        accepted: ok,
        messages,
        dump: text,
    }
}

/// kzonecheck's verdict (`-v` so parse errors are printed, not just "failed").
pub fn kzonecheck(origin: &str, file: &Path, cwd: &Path) -> PeerResult {
    let (ok, messages) = run(
        &tool("kzonecheck"),
        &["-v", "-o", origin, file.to_str().unwrap()],
        Some(cwd),
    );
    PeerResult {
        accepted: ok,
        messages,
        dump: None,
    }
}

/// A knotd with no network listener, used only to load zone files and print them.
pub struct KnotReader {
    conf: PathBuf,
    knotc: PathBuf,
    _daemon: Daemon,
}

impl KnotReader {
    pub fn start(dir: &Path) -> KnotReader {
        let conf = dir.join("knot.conf");
        std::fs::write(
            &conf,
            format!(
                r#"server:
    rundir: "{d}"
    pidfile: "{d}/knot.pid"
log:
  - target: stderr
    any: notice
database:
    storage: "{d}"
control:
    listen: "{d}/knot.sock"
template:
  - id: default
    storage: "{d}"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
"#,
                d = dir.display()
            ),
        )
        .unwrap();
        let knotc = tool("knotc");
        let mut daemon = Daemon::spawn(
            "knotd (zone reader)",
            &tool("knotd"),
            &["-c", conf.to_str().unwrap()],
            &dir.join("knotd.log"),
        );
        let conf_s = conf.to_str().unwrap().to_owned();
        wait_for("knotd's control socket", Duration::from_secs(20), || {
            daemon.assert_running();
            run(&knotc, &["-c", &conf_s, "status"], None)
                .0
                .then_some(())
        });
        KnotReader {
            conf,
            knotc,
            _daemon: daemon,
        }
    }

    /// Loads each `(origin, file)` and returns what knotd loaded, by origin. Origins must be
    /// distinct within one call. An origin missing from the answer failed to load; the error
    /// text is under the same key.
    pub fn read(&self, zones: &[(String, PathBuf)]) -> HashMap<String, Result<String, String>> {
        // One transaction per batch: the zones of the previous batch go, these come. A commit
        // costs a tenth of a second or more; reloads and reads are cheap.
        let mut script = String::from("conf-begin\nconf-unset zone\n");
        for (origin, file) in zones {
            script.push_str(&format!(
                "conf-set zone.domain {origin}\nconf-set zone[{origin}].file {}\n",
                file.display()
            ));
        }
        script.push_str("conf-commit\n");
        for (origin, _) in zones {
            script.push_str(&format!("zone-reload -b {origin}\nzone-read {origin}\n"));
        }
        let transcript = self.session(&script);
        let mut out: HashMap<String, Result<String, String>> = HashMap::new();
        for (origin, _) in zones {
            let key = if origin.ends_with('.') {
                origin.clone()
            } else {
                format!("{origin}.")
            };
            let prefix = format!("[{}] ", key.to_ascii_lowercase());
            let lines: Vec<&str> = transcript
                .lines()
                .filter_map(|l| l.strip_prefix(&prefix))
                .filter(|l| !l.starts_with("role:"))
                .collect();
            let bare = key.trim_end_matches('.').to_ascii_lowercase();
            let errors: Vec<&str> = transcript
                .lines()
                .filter(|l| {
                    let l = l.to_ascii_lowercase();
                    l.starts_with("error:")
                        && (l.contains(&format!("[{bare}]")) || l.contains(&format!("[{bare}.]")))
                })
                .collect();
            let result = if lines.is_empty() || !errors.is_empty() {
                Err(format!(
                    "knotd did not load {origin}:\n{}\n{}",
                    errors.join("\n"),
                    super::daemon::log_tail(&self.conf.with_file_name("knotd.log"))
                ))
            } else {
                Ok(lines.join("\n") + "\n")
            };
            out.insert(origin.clone(), result);
        }
        out
    }

    /// Runs knotc in its interactive mode with `script` on standard input: one process for a
    /// whole batch of commands.
    fn session(&self, script: &str) -> String {
        let mut child = Command::new(&self.knotc)
            .args(["-c", self.conf.to_str().unwrap(), "-x"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("knotc runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        let out = child.wait_with_output().expect("knotc finishes");
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        text
    }
}
