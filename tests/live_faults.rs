//! `check --live` against servers that misbehave on purpose: real UDP and TCP sockets on
//! 127.0.0.1 ephemeral ports (no mocks) that send garbage, answer with the wrong ID or the wrong
//! question, send oversized messages or names whose compression pointers loop, or accept TCP
//! connections and never answer. The run must end (well inside its `--deadline`, or the hang
//! guard kills it and the test fails) with a verdict and findings, never a panic.
//!
//! The faulty server is named with both `--authoritative` (no discovery) and `--resolver`, so
//! nothing leaves the machine and every path of the client meets the fault.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const HANG_GUARD: Duration = Duration::from_secs(180);
const DEADLINE: &str = "20s";

const ZONE: &str = "\
$ORIGIN example.test.
$TTL 3600
@    IN SOA ns1.example.test. hostmaster.example.test. 1 3600 600 86400 300
@    IN NS  ns1
ns1  IN A   127.0.0.1
www  IN A   192.0.2.10
@    IN MX  10 mail
mail IN A   192.0.2.25
";

#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Random bytes for every query, over UDP and TCP.
    Garbage,
    /// A well-formed answer whose ID is not the query's.
    WrongId,
    /// The query's ID, but another question.
    WrongQuestion,
    /// A 65,000-byte UDP answer claiming 65,535 records; over TCP a length of 65,535 and then
    /// the connection closed early.
    Oversized,
    /// The query's ID and question, and an answer whose owner name is a compression pointer
    /// to itself (and one pair of pointers to each other).
    PointerLoop,
    /// UDP answers are truncated (TC), forcing TCP; TCP connections are accepted and never
    /// answered.
    SilentTcp,
}

/// A misbehaving server on one UDP socket and one TCP listener sharing an ephemeral port. Its
/// threads end when it is dropped (sockets poll with a short timeout), and in any case after
/// the hang guard.
struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn bind_pair() -> (UdpSocket, TcpListener) {
    for _ in 0..50 {
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        if let Ok(tcp) = TcpListener::bind(udp.local_addr().unwrap()) {
            return (udp, tcp);
        }
    }
    panic!("no port free for both UDP and TCP");
}

fn noise(len: usize, seed: &mut u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed as u8
        })
        .collect()
}

/// The question section of a query (from byte 12 to the end of QCLASS), if it has one.
fn question(query: &[u8]) -> Option<&[u8]> {
    let mut at = 12;
    loop {
        let len = *query.get(at)? as usize;
        if len == 0 {
            break;
        }
        if len & 0xC0 != 0 {
            return None;
        }
        at += 1 + len;
    }
    query.get(12..at + 5)
}

/// A response: `id`, QR|AA (and TC if asked), the question, and `answers`.
fn response(id: [u8; 2], tc: bool, question: &[u8], ancount: u16, answers: &[u8]) -> Vec<u8> {
    let mut m = id.to_vec();
    m.extend_from_slice(&[0x84 | if tc { 0x02 } else { 0 }, 0x00]);
    m.extend_from_slice(&1u16.to_be_bytes());
    m.extend_from_slice(&ancount.to_be_bytes());
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(question);
    m.extend_from_slice(answers);
    m
}

/// An A record for the question's name (a pointer to offset 12).
const ANSWER_A: &[u8] = &[0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 1, 44, 0, 4, 192, 0, 2, 1];

fn reply(fault: Fault, query: &[u8], seed: &mut u64, tcp: bool) -> Option<Vec<u8>> {
    let id = [*query.first()?, *query.get(1)?];
    let q = question(query)?;
    Some(match fault {
        Fault::Garbage => noise(40 + (*seed % 400) as usize, seed),
        Fault::WrongId => response([id[0] ^ 0x5A, id[1] ^ 0xA5], false, q, 1, ANSWER_A),
        Fault::WrongQuestion => {
            let mut other = b"\x04evil\x07example\x00".to_vec();
            other.extend_from_slice(&q[q.len() - 4..]);
            response(id, false, &other, 1, ANSWER_A)
        }
        Fault::Oversized => {
            let mut m = response(id, false, q, u16::MAX, ANSWER_A);
            m.resize(if tcp { 65_535 } else { 65_000 }, 0xC0);
            m
        }
        Fault::PointerLoop => {
            // Answer 1: owner is a pointer to its own offset. Answer 2: two pointers that point
            // at each other.
            let start = (12 + q.len()) as u16;
            let mut answers = Vec::new();
            answers.extend_from_slice(&(0xC000 | start).to_be_bytes());
            answers.extend_from_slice(&ANSWER_A[2..]);
            let second = start + ANSWER_A.len() as u16;
            answers.extend_from_slice(&(0xC000 | (second + 2)).to_be_bytes());
            answers.extend_from_slice(&(0xC000 | second).to_be_bytes());
            answers.extend_from_slice(&ANSWER_A[2..]);
            response(id, false, q, 2, &answers)
        }
        Fault::SilentTcp => response(id, true, q, 0, &[]),
    })
}

fn serve(fault: Fault) -> Server {
    let (udp, tcp) = bind_pair();
    let addr = udp.local_addr().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let running = {
        let stop = stop.clone();
        move || !stop.load(Ordering::Relaxed) && started.elapsed() < HANG_GUARD
    };
    {
        let running = running.clone();
        udp.set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        std::thread::spawn(move || {
            let mut seed = 0x9E37_79B9_7F4A_7C15u64;
            let mut buf = [0u8; 65_535];
            while running() {
                let Ok((n, from)) = udp.recv_from(&mut buf) else {
                    continue;
                };
                if let Some(r) = reply(fault, &buf[..n], &mut seed, false) {
                    let _ = udp.send_to(&r, from);
                }
            }
        });
    }
    tcp.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let mut held: Vec<TcpStream> = Vec::new();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        while running() {
            let Ok((mut stream, _)) = tcp.accept() else {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            };
            if matches!(fault, Fault::SilentTcp) {
                // Accept, read nothing, answer nothing, keep it open.
                held.push(stream);
                continue;
            }
            stream.set_nonblocking(false).unwrap();
            stream
                .set_read_timeout(Some(Duration::from_millis(500)))
                .unwrap();
            let mut len = [0u8; 2];
            if stream.read_exact(&mut len).is_err() {
                continue;
            }
            let mut query = vec![0u8; u16::from_be_bytes(len) as usize];
            if stream.read_exact(&mut query).is_err() {
                continue;
            }
            if let Some(r) = reply(fault, &query, &mut seed, true) {
                let mut framed = (r.len().min(65_535) as u16).to_be_bytes().to_vec();
                framed.extend_from_slice(&r);
                if matches!(fault, Fault::Oversized) {
                    // Announce the full length, then close halfway.
                    framed.truncate(framed.len() / 2);
                }
                let _ = stream.write_all(&framed);
            }
        }
    });
    Server { addr, stop }
}

/// Runs `check --live` against `server` (as the old host and the resolver), with the hang
/// guard; returns the exit code and the JSON report.
fn check_live(server: &Server, fault: Fault) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let zone = dir.path().join("example.test.zone");
    std::fs::write(&zone, ZONE).unwrap();
    let addr = server.addr.to_string();
    let bin = assert_cmd::cargo::cargo_bin("zonegate");
    let mut child = std::process::Command::new(bin)
        .args([
            "check",
            "--format",
            "json",
            "--live",
            "--authoritative",
            &addr,
            "--resolver",
            &addr,
            "--timeout",
            "300ms",
            "--retries",
            "1",
            "--deadline",
            DEADLINE,
        ])
        .arg(&zone)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            panic!("{fault:?}: check --live still running after {HANG_GUARD:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    child.stdout.unwrap().read_to_string(&mut stdout).unwrap();
    child.stderr.unwrap().read_to_string(&mut stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{fault:?}: a panic: {stderr}");
    let code = status
        .code()
        .unwrap_or_else(|| panic!("{fault:?}: killed by a signal: {stderr}"));
    assert!(code == 0 || code == 1, "{fault:?}: exit {code}: {stderr}");
    let json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{fault:?}: {e}: {stdout}\n{stderr}"));
    (code, json)
}

/// Every fault leaves the comparison unable to trust the server: the report must say so with
/// a live finding (unreachable, lame, or the check incomplete), not pass silently.
fn assert_reported(fault: Fault) {
    let server = serve(fault);
    let (code, json) = check_live(&server, fault);
    let codes = common::codes(&json);
    let live: Vec<_> = codes.iter().filter(|c| c.starts_with("ZG8")).collect();
    assert!(
        live.iter()
            .any(|c| ["ZG801", "ZG802", "ZG807"].contains(&c.as_str())),
        "{fault:?}: exit {code}, findings {codes:?}"
    );
}

#[test]
fn live_server_sending_garbage() {
    assert_reported(Fault::Garbage);
}

#[test]
fn live_server_answering_with_the_wrong_id() {
    assert_reported(Fault::WrongId);
}

#[test]
fn live_server_answering_another_question() {
    assert_reported(Fault::WrongQuestion);
}

#[test]
fn live_server_sending_oversized_messages() {
    assert_reported(Fault::Oversized);
}

#[test]
fn live_server_sending_compression_pointer_loops() {
    assert_reported(Fault::PointerLoop);
}

#[test]
fn live_server_accepting_tcp_and_never_answering() {
    assert_reported(Fault::SilentTcp);
}

#[test]
fn the_fault_servers_misbehave_as_described() {
    // The servers themselves, queried by hand, so that a live test passing means the client
    // coped and not that the fault was never sent.
    let query = {
        let mut q = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
        q.extend_from_slice(b"\x03www\x07example\x04test\x00\x00\x01\x00\x01");
        q
    };
    let ask = |fault: Fault| -> Vec<u8> {
        let server = serve(fault);
        let udp = UdpSocket::bind("127.0.0.1:0").unwrap();
        udp.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        udp.send_to(&query, server.addr).unwrap();
        let mut buf = vec![0u8; 65_535];
        let (n, _) = udp.recv_from(&mut buf).unwrap();
        buf.truncate(n);
        buf
    };
    assert_ne!(ask(Fault::WrongId)[..2], query[..2]);
    let wrong_q = ask(Fault::WrongQuestion);
    assert_eq!(wrong_q[..2], query[..2]);
    assert_eq!(&wrong_q[12..17], b"\x04evil");
    assert_eq!(ask(Fault::Oversized).len(), 65_000);
    let looped = ask(Fault::PointerLoop);
    let at = 12 + question(&query).unwrap().len();
    assert_eq!(
        u16::from_be_bytes([looped[at], looped[at + 1]]),
        0xC000 | at as u16
    );
    assert_eq!(ask(Fault::SilentTcp)[2] & 0x02, 0x02, "TC set");
    let server = serve(Fault::SilentTcp);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let mut framed = (query.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(&query);
    stream.write_all(&framed).unwrap();
    let mut buf = [0u8; 2];
    let err = stream.read_exact(&mut buf).unwrap_err();
    assert!(matches!(
        err.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    ));
}
