//! Differential parsing: what zonegate accepts, BIND and Knot load, with the same records; what
//! both of them reject, zonegate rejects.
//!
//! The corpus is every `*.zone` under `fixtures/` (rule fixtures, the bundled examples, the
//! interop corpus in `fixtures/interop/` and whatever fixtures are added later; `include/`
//! directories hold fragments and are skipped) plus zones made by the benchmark generator.
//! For each file:
//!
//! - zonegate: `zonegate check --format json` for the verdict and origin, and `zonegate fmt`;
//! - BIND: `named-checkzone -k fail -i local -D` (see [`super::peers`]);
//! - Knot: `kzonecheck` for the verdict, a real knotd for the records it loads.
//!
//! The three record sets are read back by zonegate's parser and compared as wire data
//! ([`super::records`]). Where zonegate accepts a file that a peer refuses, or a peer loads
//! different records, the disagreement must be in [`EXCEPTIONS`] with the reason it is
//! acceptable; anything else fails the test. Where zonegate rejects a file both peers load,
//! nothing fails: refusing what a server would load is zonegate's job (an intake validator is
//! stricter than a loader), and the report lists those files.

use super::gate::{enabled, say, tool};
use super::peers::{self, KnotReader, PeerResult};
use super::records::{self, RecordSet};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Peer {
    Bind,
    Knot,
}

impl Peer {
    fn name(self) -> &'static str {
        match self {
            Peer::Bind => "BIND",
            Peer::Knot => "Knot",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The peer refuses a file zonegate accepts.
    Rejects,
    /// The peer loads other records than `zonegate fmt` prints.
    Differs,
}

/// A known disagreement and why it is acceptable. `file` is relative to `fixtures/`.
struct Exception {
    file: &'static str,
    peer: Peer,
    kind: Kind,
    why: &'static str,
}

const fn ex(file: &'static str, peer: Peer, kind: Kind, why: &'static str) -> Exception {
    Exception {
        file,
        peer,
        kind,
        why,
    }
}

use Kind::{Differs, Rejects};
use Peer::{Bind, Knot};

const GENERATE: &str =
    "`$GENERATE` is a BIND extension that Knot does not implement; zonegate expands it like BIND";
const NO_TTL: &str = "no `$TTL`: BIND gives every record without a TTL the SOA minimum, Knot \
    its own default (3600) until a TTL is written, zonegate the SOA minimum until a TTL is \
    written and then that TTL (RFC 1035 §5.1: the last explicitly stated value). The three \
    disagree, which is why zonegate warns (ZG035)";
const TTL_MISMATCH: &str = "an RRset with two TTLs: BIND gives every record the first TTL, Knot \
    the last; RFC 2181 §5.2 deprecates mixed TTLs and names no winner. zonegate keeps each \
    record's TTL and warns (ZG303)";
const TTL_HUGE: &str = "a TTL above 2^31-1: BIND loads it as 0 (RFC 2181 §8: treat as zero), \
    Knot keeps it; zonegate keeps it and warns (ZG307)";
const CHECK_NAMES: &str = "named refuses owners of A records that are not RFC 952 host names \
    (`under_score`, `-lead`, `a\\.b`, `sp\\032ace`, `a.*.b`) in a primary zone (check-names \
    fail); RFC 2181 §11 allows any label in the DNS and Knot loads them. zonegate warns (ZG409, \
    ZG410): an operator moving such a zone onto BIND must relax check-names";

/// Every accepted disagreement, with its reason: a peer's own limitation, or a choice where the
/// RFCs leave room and the servers differ among themselves (zonegate then warns). An entry no
/// longer used is listed by the report, to be removed.
#[rustfmt::skip]
const EXCEPTIONS: &[Exception] = &[
    ex("interop/crlf.zone", Knot, Rejects,
        "Knot 3.2's zone scanner refuses CRLF line endings (`unsupported CRLF newline`); RFC 1035 \
         §5 does not fix the line terminator, and BIND, NSD and zonegate read CRLF files, which is \
         what customers' Windows editors write"),
    ex("interop/generate.zone", Knot, Rejects, GENERATE),
    ex("rules/ZG027.ok.zone", Knot, Rejects, GENERATE),
    ex("rules/ZG028.ok.zone", Knot, Rejects, GENERATE),
    ex("interop/origin-relative.zone", Knot, Rejects,
        "Knot refuses a relative `$ORIGIN`; RFC 1035 §5.1 allows any domain name there, relative \
         ones completed with the current origin, as BIND and zonegate do"),
    ex("interop/class-generic.zone", Knot, Rejects,
        "Knot does not read RFC 3597 `CLASS1` for IN; RFC 3597 §5 requires it and BIND reads it"),
    ex("interop/txt-utf8.zone", Knot, Rejects,
        "Knot refuses octets above 0x7F in a TXT string; RFC 1035 §3.3 character-strings hold any \
         octet and BIND loads them. zonegate accepts UTF-8 text in TXT (Japanese TXT records are \
         real submissions)"),
    ex("interop/wks.zone", Knot, Rejects, "Knot 3.2 has no WKS (obsolete; zonegate warns)"),
    // The obsolete-type rule's fixture (issue 3, branch rules-b) is a WKS record.
    ex("rules/ZG612.zone", Knot, Rejects, "Knot 3.2 has no WKS (obsolete; zonegate warns)"),
    ex("interop/x25.zone", Knot, Rejects, "Knot 3.2 has no X25 (obsolete; zonegate warns)"),
    ex("interop/isdn.zone", Knot, Rejects, "Knot 3.2 has no ISDN (obsolete; zonegate warns)"),
    ex("interop/hip.zone", Knot, Rejects, "Knot 3.2 has no HIP (RFC 8005)"),
    ex("interop/svcb-dohpath.zone", Knot, Rejects,
        "Knot 3.2 does not know the `dohpath` key name (RFC 9461); it reads the generic `key7`, \
         which is how zonegate fmt prints it"),
    ex("interop/dnssec-leftovers.zone", Knot, Rejects,
        "kzonecheck runs DNSSEC semantic checks on any zone holding NSEC/NSEC3PARAM and fails on \
         the incomplete chain; knotd itself loads the file (and its records are compared). A \
         customer's DNSSEC leftovers are reported by the ZG6xx rules (issue 3, branch rules-b)"),
    ex("interop/hostnames.zone", Bind, Rejects, CHECK_NAMES),
    ex("interop/star-middle.zone", Bind, Rejects, CHECK_NAMES),
    ex("rules/ZG409.zone", Bind, Rejects, CHECK_NAMES),
    ex("rules/ZG410.zone", Bind, Rejects, CHECK_NAMES),
    ex("interop/ttl-mismatch.zone", Bind, Differs, TTL_MISMATCH),
    ex("interop/ttl-mismatch.zone", Knot, Differs, TTL_MISMATCH),
    ex("interop/no-ttl.zone", Bind, Differs, NO_TTL),
    ex("interop/no-ttl.zone", Knot, Differs, NO_TTL),
    ex("interop/ttl-huge.zone", Bind, Differs, TTL_HUGE),
    ex("rules/ZG307.zone", Bind, Differs, TTL_HUGE),
    ex("rules/ZG303.zone", Bind, Differs, TTL_MISMATCH),
    ex("rules/ZG303.zone", Knot, Differs, TTL_MISMATCH),
];

struct Case {
    /// Relative to `fixtures/`, or `generated/...`.
    name: String,
    file: PathBuf,
    /// Where relative `$INCLUDE` paths and fixture arguments resolve.
    cwd: PathBuf,
    args: Vec<String>,
    /// The origin when zonegate cannot say (a rejected file without `$ORIGIN`).
    default_origin: &'static str,
}

struct Outcome {
    name: String,
    zg_accepted: bool,
    zg_errors: Vec<String>,
    origin: String,
    zg_set: Option<Result<RecordSet, String>>,
    bind: PeerResult,
    bind_set: Option<Result<RecordSet, String>>,
    knot: PeerResult,
    knot_set: Option<Result<RecordSet, String>>,
}

#[test]
fn interop_differential_parsing() {
    if !enabled("interop_differential_parsing") {
        return;
    }
    for t in ["named-checkzone", "kzonecheck", "knotd", "knotc", "setpriv"] {
        tool(t);
    }
    let scratch = tempfile::Builder::new()
        .prefix("zonegate-differential-")
        .tempdir()
        .unwrap();
    let started = std::time::Instant::now();
    let cases = corpus(scratch.path());
    // The checkers are separate processes that mostly start up and wait: three workers.
    let mut outcomes = parallel(&cases, 3, |case| zonegate_and_bind(case, scratch.path()));
    knot_sets(&cases, &mut outcomes, scratch.path());

    let mut report = Report::default();
    for o in &outcomes {
        report.add(o);
    }
    report.print(started.elapsed());
    assert!(
        report.unexplained.is_empty(),
        "{} disagreement(s) with BIND/Knot that are neither fixed nor listed in EXCEPTIONS \
         (tests/interop/differential.rs):\n\n{}",
        report.unexplained.len(),
        report.unexplained.join("\n\n")
    );
}

/// Every zone fixture, and generated zones of 10,000 and 50,000 records.
fn corpus(scratch: &Path) -> Vec<Case> {
    let fixtures = super::common::fixtures();
    let mut files = Vec::new();
    walk(&fixtures, &mut files);
    files.sort();
    let mut cases: Vec<Case> = files
        .into_iter()
        .map(|file| Case {
            name: file
                .strip_prefix(&fixtures)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            cwd: file.parent().unwrap().to_owned(),
            args: super::common::fixture_args(&file),
            file,
            default_origin: "example.jp.",
        })
        .collect();
    for n in [10_000u64, 50_000] {
        let file = scratch.join(format!("bench-{n}.zone"));
        let mut text = Vec::new();
        super::bench::generate(n, false, &mut text).unwrap();
        // The generator sometimes writes `hN IN CNAME hN`, which zonegate rejects (ZG313) and
        // the servers load: drop those lines, the rest is what is compared.
        let text: String = String::from_utf8(text)
            .unwrap()
            .lines()
            .filter(|l| !matches!(l.split_whitespace().collect::<Vec<_>>()[..], [o, "IN", "CNAME", t] if o == t))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&file, text).unwrap();
        cases.push(Case {
            name: format!("generated/bench-{n}.zone"),
            cwd: scratch.to_owned(),
            file,
            args: vec![],
            default_origin: "bench.example.",
        });
    }
    cases
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // Fragments for `$INCLUDE` fixtures, not zones.
            if path.file_name().is_some_and(|n| n != "include") {
                walk(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "zone") {
            out.push(path);
        }
    }
}

/// Runs `f` over `items` on `workers` threads, keeping the order.
fn parallel<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    let r = f(&items[i]);
                    *results[i].lock().unwrap() = Some(r);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| m.into_inner().unwrap().expect("every item ran"))
        .collect()
}

fn zonegate_and_bind(case: &Case, scratch: &Path) -> Outcome {
    let file_arg = case.file.to_str().unwrap();
    let mut check_args: Vec<&str> = vec!["check", "--format", "json", "--max-diagnostics", "1000"];
    check_args.extend(case.args.iter().map(String::as_str));
    check_args.push(file_arg);
    let out = super::common::run(&case.cwd, &check_args);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: zonegate check --format json: {e}\n{}",
            case.name,
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let file = &json["files"][0];
    let zg_accepted = file["verdict"] == "accepted";
    let zg_errors: Vec<String> = file["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    let origin = file["origin"]
        .as_str()
        .map(str::to_owned)
        .or_else(|| origin_directive(&case.file))
        .unwrap_or_else(|| case.default_origin.to_owned());

    let zg_set = zg_accepted.then(|| {
        let mut fmt_args: Vec<&str> = vec!["fmt"];
        fmt_args.extend(case.args.iter().map(String::as_str));
        fmt_args.push(file_arg);
        let out = super::common::run(&case.cwd, &fmt_args);
        if !out.status.success() {
            return Err(format!(
                "zonegate fmt failed although check accepted the file:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        records::read(&out.stdout, &origin)
            .map_err(|e| format!("zonegate cannot read its own fmt output back:\n{e}"))
    });

    let bind = peers::bind(&origin, &case.file, &case.cwd, scratch);
    let bind_set = match (&zg_set, &bind.dump) {
        (Some(Ok(_)), Some(dump)) => Some(records::read(dump.as_bytes(), &origin)),
        _ => None,
    };
    let knot = peers::kzonecheck(&origin, &case.file, &case.cwd);
    Outcome {
        name: case.name.clone(),
        zg_accepted,
        zg_errors,
        origin,
        zg_set,
        bind,
        bind_set,
        knot,
        knot_set: None,
    }
}

/// The first `$ORIGIN` of a file, for peers when zonegate rejected it before finding one.
fn origin_directive(file: &Path) -> Option<String> {
    let text = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().find_map(|l| {
        let mut words = l.split_whitespace();
        (words.next()? == "$ORIGIN")
            .then(|| words.next().map(str::to_owned))
            .flatten()
    })
}

/// Loads every file that zonegate accepts into knotd, in batches of distinct
/// origins (most rule fixtures share `example.jp.`), and reads back the records. Three knotds
/// work in parallel: a batch mostly waits for knotd's configuration commit.
fn knot_sets(cases: &[Case], outcomes: &mut [Outcome], scratch: &Path) {
    let mut pending: Vec<usize> = (0..outcomes.len())
        .filter(|&i| matches!(outcomes[i].zg_set, Some(Ok(_))))
        .collect();
    let mut batches: Vec<Vec<usize>> = Vec::new();
    while !pending.is_empty() {
        let mut batch: Vec<usize> = Vec::new();
        let mut rest = Vec::new();
        for i in pending {
            let origin = outcomes[i].origin.to_ascii_lowercase();
            let taken = batch
                .iter()
                .any(|&j| outcomes[j].origin.to_ascii_lowercase() == origin);
            if taken || batch.len() >= 40 {
                rest.push(i);
            } else {
                batch.push(i);
            }
        }
        batches.push(batch);
        pending = rest;
    }
    const READERS: usize = 3;
    let results: Vec<Vec<(usize, Result<RecordSet, String>)>> = std::thread::scope(|s| {
        let outcomes = &*outcomes;
        let batches = &batches;
        let handles: Vec<_> = (0..READERS.min(batches.len()))
            .map(|w| {
                s.spawn(move || {
                    let dir = scratch.join(format!("knot-{w}"));
                    std::fs::create_dir_all(&dir).unwrap();
                    let reader = KnotReader::start(&dir);
                    let mut out = Vec::new();
                    for batch in batches.iter().skip(w).step_by(READERS) {
                        let zones: Vec<(String, PathBuf)> = batch
                            .iter()
                            .map(|&i| (outcomes[i].origin.clone(), cases[i].file.clone()))
                            .collect();
                        let mut read = reader.read(&zones);
                        for &i in batch {
                            let origin = &outcomes[i].origin;
                            let dump = read.remove(origin).expect("an answer per zone");
                            out.push((i, dump.and_then(|d| records::read(d.as_bytes(), origin))));
                        }
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (i, set) in results.into_iter().flatten() {
        outcomes[i].knot_set = Some(set);
    }
}

#[derive(Default)]
struct Report {
    files: usize,
    zg_accepted: usize,
    bind_loads: usize,
    knot_accepts: usize,
    knotd_loads: usize,
    bind_equal: usize,
    knot_equal: usize,
    both_reject: usize,
    both_reject_zg_rejects: usize,
    stricter: Vec<String>,
    /// Files one peer loads and the other refuses, whatever zonegate says.
    peers_disagree: Vec<String>,
    explained: Vec<String>,
    unexplained: Vec<String>,
    used: Vec<(&'static str, Peer, Kind)>,
}

impl Report {
    fn add(&mut self, o: &Outcome) {
        self.files += 1;
        if o.bind.accepted != o.knot.accepted {
            let (yes, no) = if o.bind.accepted {
                ("BIND", "Knot")
            } else {
                ("Knot", "BIND")
            };
            let zg = if o.zg_accepted { "accepts" } else { "rejects" };
            self.peers_disagree.push(format!(
                "{}: {yes} loads, {no} refuses, zonegate {zg}",
                o.name
            ));
        }
        if !o.bind.accepted && !o.knot.accepted {
            self.both_reject += 1;
            if !o.zg_accepted {
                self.both_reject_zg_rejects += 1;
            }
        }
        if !o.zg_accepted {
            if o.bind.accepted && o.knot.accepted {
                self.stricter.push(format!(
                    "{}: {}",
                    o.name,
                    o.zg_errors.first().map_or("", String::as_str)
                ));
            }
            return;
        }
        self.zg_accepted += 1;
        let ours = match &o.zg_set {
            Some(Ok(set)) => set,
            Some(Err(e)) => {
                self.unexplained.push(format!("{}: {e}", o.name));
                return;
            }
            None => unreachable!("an accepted file is formatted"),
        };
        for (peer, result, set) in [
            (Peer::Bind, &o.bind, &o.bind_set),
            (Peer::Knot, &o.knot, &o.knot_set),
        ] {
            if result.accepted {
                match peer {
                    Peer::Bind => self.bind_loads += 1,
                    Peer::Knot => self.knot_accepts += 1,
                }
            } else {
                self.disagree(o, peer, Kind::Rejects, first_lines(&result.messages, 6));
            }
            // knotd may load what kzonecheck's stricter checks refuse: its records are
            // compared all the same.
            if peer == Peer::Knot && matches!(set, Some(Ok(_))) {
                self.knotd_loads += 1;
            }
            match set {
                Some(Ok(theirs)) if records::equal(ours, theirs) => match peer {
                    Peer::Bind => self.bind_equal += 1,
                    Peer::Knot => self.knot_equal += 1,
                },
                Some(Ok(theirs)) => {
                    let diff = records::describe_difference(ours, theirs, peer.name(), 8);
                    self.disagree(o, peer, Kind::Differs, diff);
                }
                Some(Err(e)) if result.accepted => self.unexplained.push(format!(
                    "{}: {} accepted it, but its records could not be read: {e}",
                    o.name,
                    peer.name()
                )),
                Some(Err(_)) => {}
                None if result.accepted => self.unexplained.push(format!(
                    "{}: {} accepted it but gave no records",
                    o.name,
                    peer.name()
                )),
                None => {}
            }
        }
    }

    fn disagree(&mut self, o: &Outcome, peer: Peer, kind: Kind, detail: String) {
        let what = match kind {
            Kind::Rejects => format!("zonegate accepts, {} rejects", peer.name()),
            Kind::Differs => format!(
                "{} loads other records than zonegate fmt prints",
                peer.name()
            ),
        };
        match EXCEPTIONS
            .iter()
            .find(|e| e.file == o.name && e.peer == peer && e.kind == kind)
        {
            Some(e) => {
                self.used.push((e.file, e.peer, e.kind));
                self.explained
                    .push(format!("{} ({what}): {}", o.name, e.why));
            }
            None => self.unexplained.push(format!(
                "{} (origin {}): {what}\n{detail}",
                o.name, o.origin
            )),
        }
    }

    fn print(&self, took: std::time::Duration) {
        let mut lines = vec![
            format!(
                "interop: differential parsing against BIND (named-checkzone) and Knot (kzonecheck, knotd), {:.1} s",
                took.as_secs_f64()
            ),
            format!(
                "  files: {}; zonegate accepts {}",
                self.files, self.zg_accepted
            ),
            format!(
                "  of those, BIND loads {} ({} with the same records); kzonecheck accepts {}; knotd loads {} ({} with the same records)",
                self.bind_loads,
                self.bind_equal,
                self.knot_accepts,
                self.knotd_loads,
                self.knot_equal
            ),
            format!(
                "  both peers reject {}; zonegate rejects {} of them",
                self.both_reject, self.both_reject_zg_rejects
            ),
            format!(
                "  zonegate rejects {} file(s) both peers load (stricter intake):",
                self.stricter.len()
            ),
        ];
        lines.extend(self.stricter.iter().map(|s| format!("    {s}")));
        lines.push(format!(
            "  BIND and Knot disagree with each other on {} file(s):",
            self.peers_disagree.len()
        ));
        lines.extend(self.peers_disagree.iter().map(|s| format!("    {s}")));
        lines.push(format!("  known disagreements ({}):", self.explained.len()));
        lines.extend(self.explained.iter().map(|s| format!("    {s}")));
        let stale: Vec<String> = EXCEPTIONS
            .iter()
            .filter(|e| !self.used.contains(&(e.file, e.peer, e.kind)))
            .map(|e| format!("    {} ({:?} {:?})", e.file, e.peer, e.kind))
            .collect();
        if !stale.is_empty() {
            lines.push(format!(
                "  exceptions not used in this run ({}): fixed (remove them), or their fixture is \
                 not on this branch yet:",
                stale.len()
            ));
            lines.extend(stale);
        }
        say(&lines.join("\n"));
    }
}

fn first_lines(text: &str, n: usize) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(n)
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
