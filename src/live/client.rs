//! Non-recursive queries (RD=0) to one authoritative server address, through hickory's client:
//! UDP with EDNS, the same question again over TCP when the answer is truncated, a timeout per
//! attempt, retries, a shared limit on queries in flight, and an overall deadline.
//!
//! Every outcome is a value: an answer with any RCODE is `Ok`, and a transport failure is a
//! [`QueryError`] that the checks turn into a finding or a "could not check". Nothing here
//! panics or waits past the deadline.

use super::progress::Progress;
use super::wire::{self, RawMessage, RawRecord};
use crate::zone::name::NameRef;
use crate::zone::rtype::RType;
use hickory_proto::op::SerialMessage;
use hickory_proto::op::{DnsRequestOptions, DnsResponse, Query};
use hickory_resolver::net::NetError;
use hickory_resolver::net::client::Client as HickoryClient;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::tcp::TcpClientStream;
use hickory_resolver::net::udp::UdpStream;
use hickory_resolver::net::xfer::{DnsClientStream, DnsMultiplexer};
use hickory_resolver::net::xfer::{DnsHandle, FirstAnswer};
use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// How queries are made.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    /// Time allowed for one attempt.
    pub timeout: Duration,
    /// Further attempts after a timeout.
    pub retries: u32,
    /// Queries in flight at once, over all servers and the resolver.
    pub concurrency: usize,
    /// Nothing is sent after this; what is in flight is cut short.
    pub deadline: Instant,
    /// At most this many queries per second to the authoritative servers; 0 for no limit.
    pub max_qps: u32,
}

/// The transport an answer came over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transport {
    Udp,
    Tcp,
}

impl Transport {
    pub fn as_str(self) -> &'static str {
        match self {
            Transport::Udp => "UDP",
            Transport::Tcp => "TCP",
        }
    }
}

/// An answer from a server, whatever its RCODE.
#[derive(Clone, Debug)]
pub struct Response {
    pub server: SocketAddr,
    /// The transport of the answer kept: TCP after a truncated UDP answer.
    pub transport: Transport,
    /// The UDP answer was truncated (TC=1), so the question was asked again over TCP.
    pub fell_back_to_tcp: bool,
    pub message: RawMessage,
}

impl Response {
    pub fn rcode(&self) -> u8 {
        self.message.rcode
    }

    pub fn authoritative(&self) -> bool {
        self.message.authoritative
    }

    /// The answer records at `name` of type `rtype` (not the CNAME chain after them).
    pub fn rrset<'a>(
        &'a self,
        name: NameRef<'a>,
        rtype: RType,
    ) -> impl Iterator<Item = &'a RawRecord> + 'a {
        self.message
            .answers
            .iter()
            .filter(move |r| r.rtype == rtype && r.name.as_ref().eq_ignore_case(name))
    }
}

/// Why a query got no answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("no answer within {timeout:?} after {attempts} attempts")]
    Timeout { attempts: u32, timeout: Duration },
    /// The connection was refused or reset: nothing listens there.
    #[error("connection failed: {0}")]
    Connection(String),
    /// This machine has no route to the address (often: no IPv6 here), so the server's state
    /// is unknown rather than bad.
    #[error("no route from here: {0}")]
    NoRoute(String),
    #[error("malformed answer: {0}")]
    Malformed(String),
    #[error("the overall deadline passed")]
    Deadline,
}

impl QueryError {
    /// True when the failure says something about the server, not about this machine or run.
    pub fn blames_server(&self) -> bool {
        matches!(
            self,
            QueryError::Timeout { .. } | QueryError::Connection(_) | QueryError::Malformed(_)
        )
    }
}

/// Why a zone transfer gave no zone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AxfrError {
    /// The server answered with this RCODE (usually REFUSED or NOTAUTH).
    #[error("{}", wire::rcode::name(*.0))]
    Rcode(u8),
    #[error("{0}")]
    Query(QueryError),
    /// The transfer did not start and end with the zone's SOA.
    #[error("incomplete transfer: {0}")]
    Incomplete(&'static str),
    #[error("the zone is larger than the limit of {0} records")]
    TooLarge(usize),
}

/// Counters for the coverage report and the benchmark.
#[derive(Debug, Default)]
pub struct Stats {
    pub queries: AtomicU64,
    pub attempts: AtomicU64,
    pub timeouts: AtomicU64,
    pub tcp_fallbacks: AtomicU64,
}

/// Sends queries to authoritative servers. Cheap to share: clone the `Arc` it lives in.
pub struct Client {
    options: ClientOptions,
    limiter: Arc<Semaphore>,
    udp: tokio::sync::Mutex<HashMap<SocketAddr, HickoryClient<TokioRuntimeProvider>>>,
    tcp: tokio::sync::Mutex<HashMap<SocketAddr, HickoryClient<TokioRuntimeProvider>>>,
    pub stats: Stats,
    log: Option<Mutex<Box<dyn Write + Send>>>,
    progress: Progress,
    /// The next moment a query may leave, under `max_qps`.
    next_slot: Mutex<Instant>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// RD=0, EDNS with a 1232-octet payload (the DNS Flag Day 2020 size, RFC 9715), no DO bit.
fn rd0() -> DnsRequestOptions {
    let mut options = DnsRequestOptions::default();
    options.recursion_desired = false;
    options.use_edns = true;
    options.edns_payload_len = 1232;
    options
}

impl Client {
    /// `limiter` is shared with the resolver, so `concurrency` bounds all queries of a run.
    pub fn new(
        options: ClientOptions,
        limiter: Arc<Semaphore>,
        progress: Progress,
        log: Option<Box<dyn Write + Send>>,
    ) -> Self {
        Client {
            options,
            limiter,
            udp: tokio::sync::Mutex::default(),
            tcp: tokio::sync::Mutex::default(),
            stats: Stats::default(),
            log: log.map(Mutex::new),
            progress,
            next_slot: Mutex::new(Instant::now()),
        }
    }

    /// Waits for this query's turn under `max_qps`: servers with response rate limiting
    /// (NSD's default is 200 per second per /24) drop or truncate what comes faster.
    async fn pace(&self) {
        if self.options.max_qps == 0 {
            return;
        }
        let gap = Duration::from_secs(1) / self.options.max_qps;
        let slot = {
            let mut next = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
            let slot = (*next).max(Instant::now());
            *next = slot + gap;
            slot
        };
        tokio::time::sleep_until(slot.min(self.options.deadline)).await;
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// Tells the progress bar that `n` planned queries will not be sent.
    pub fn unplan(&self, n: usize) {
        self.progress.unplan(n as u64);
    }

    pub fn deadline_passed(&self) -> bool {
        Instant::now() >= self.options.deadline
    }

    /// Asks `server` for `name`/`rtype` with RD=0 over UDP, and again over TCP if the answer is
    /// truncated.
    pub async fn query(
        &self,
        server: SocketAddr,
        name: NameRef<'_>,
        rtype: RType,
    ) -> Result<Response, QueryError> {
        self.stats.queries.fetch_add(1, Ordering::Relaxed);
        self.log_query(name, rtype);
        let result = async {
            let udp = self.exchange(server, name, rtype, Transport::Udp).await?;
            if !udp.truncated {
                return Ok(Response {
                    server,
                    transport: Transport::Udp,
                    fell_back_to_tcp: false,
                    message: udp,
                });
            }
            self.stats.tcp_fallbacks.fetch_add(1, Ordering::Relaxed);
            let tcp = self.exchange(server, name, rtype, Transport::Tcp).await?;
            Ok(Response {
                server,
                transport: Transport::Tcp,
                fell_back_to_tcp: true,
                message: tcp,
            })
        }
        .await;
        self.progress.tick();
        result
    }

    /// Asks over one transport only: the server checks test UDP and TCP separately.
    pub async fn query_over(
        &self,
        server: SocketAddr,
        name: NameRef<'_>,
        rtype: RType,
        transport: Transport,
    ) -> Result<Response, QueryError> {
        self.stats.queries.fetch_add(1, Ordering::Relaxed);
        self.log_query(name, rtype);
        let result = self.exchange(server, name, rtype, transport).await;
        self.progress.tick();
        result.map(|message| Response {
            server,
            transport,
            fell_back_to_tcp: false,
            message,
        })
    }

    fn log_query(&self, name: NameRef<'_>, rtype: RType) {
        if let Some(log) = &self.log
            && let Ok(mut w) = log.lock()
        {
            // dnsperf's input format: one `name type` per line.
            let _ = writeln!(w, "{name} {rtype}");
        }
    }

    /// Flushes the query log, if any.
    pub fn flush_log(&self) {
        if let Some(log) = &self.log
            && let Ok(mut w) = log.lock()
        {
            let _ = w.flush();
        }
    }

    /// One question with retries on timeouts and dropped connections.
    async fn exchange(
        &self,
        server: SocketAddr,
        name: NameRef<'_>,
        rtype: RType,
        transport: Transport,
    ) -> Result<RawMessage, QueryError> {
        let query = Query::query(name.to_hickory(), rtype.to_hickory());
        let mut attempts = 0;
        loop {
            attempts += 1;
            let outcome = self.attempt(server, &query, transport).await;
            let retry = match &outcome {
                Err(QueryError::Timeout { .. }) => {
                    self.stats.timeouts.fetch_add(1, Ordering::Relaxed);
                    true
                }
                // A TCP connection the server closed is re-opened once per attempt.
                Err(QueryError::Connection(_)) => transport == Transport::Tcp,
                _ => false,
            };
            if !retry || attempts > self.options.retries || self.deadline_passed() {
                return outcome.map_err(|e| match e {
                    QueryError::Timeout { .. } => QueryError::Timeout {
                        attempts,
                        timeout: self.options.timeout,
                    },
                    e => e,
                });
            }
        }
    }

    async fn attempt(
        &self,
        server: SocketAddr,
        query: &Query,
        transport: Transport,
    ) -> Result<RawMessage, QueryError> {
        let deadline = self.options.deadline;
        self.pace().await;
        let Ok(permit) = tokio::time::timeout_at(deadline, self.limiter.acquire()).await else {
            return Err(QueryError::Deadline);
        };
        let _permit = permit.map_err(|_| QueryError::Deadline)?;
        let now = Instant::now();
        if now >= deadline {
            return Err(QueryError::Deadline);
        }
        self.stats.attempts.fetch_add(1, Ordering::Relaxed);
        let cut = (now + self.options.timeout).min(deadline);
        let exchange = async {
            let client = match transport {
                Transport::Udp => self.udp_client(server).await?,
                Transport::Tcp => self.tcp_client(server).await?,
            };
            let answer = client.lookup(query.clone(), rd0()).first_answer().await;
            if answer.is_err() && transport == Transport::Tcp {
                // The connection may be dead; the next attempt opens a new one.
                self.tcp.lock().await.remove(&server);
            }
            answer
        };
        match tokio::time::timeout_at(cut, exchange).await {
            Err(_) if cut == deadline && cut < now + self.options.timeout => {
                Err(QueryError::Deadline)
            }
            Err(_) => Err(QueryError::Timeout {
                attempts: 1,
                timeout: self.options.timeout,
            }),
            Ok(Err(e)) => Err(classify(e, self.options.timeout)),
            Ok(Ok(response)) => decode(&response),
        }
    }

    /// One UDP socket per server, with queries told apart by message ID, through hickory's
    /// multiplexer: the way dnsperf and authoritative-server monitors query. hickory's
    /// one-socket-per-query client exists to resist cache poisoning, which does not apply to a
    /// checker that caches nothing, and it costs five more system calls per query.
    async fn udp_client(
        &self,
        server: SocketAddr,
    ) -> Result<HickoryClient<TokioRuntimeProvider>, NetError> {
        let mut map = self.udp.lock().await;
        if let Some(client) = map.get(&server) {
            return Ok(client.clone());
        }
        let (connect, handle) = UdpStream::<TokioRuntimeProvider>::new(
            server,
            None,
            None,
            false,
            TokioRuntimeProvider::default(),
        );
        let stream = SharedUdp {
            inner: connect.await?,
            server,
        };
        let multiplexer = DnsMultiplexer::new(stream, handle)
            // Our own timeout and retries apply; hickory's are only a backstop.
            .with_timeout(self.options.timeout + Duration::from_secs(1))
            // The run's semaphore is the limit; the multiplexer only frees a slot once its
            // background task has seen the answer, a moment after the caller has.
            .with_max_active_requests(self.options.concurrency.max(1) * 4 + 64);
        let (client, background) = HickoryClient::<TokioRuntimeProvider>::from_sender(multiplexer);
        tokio::spawn(background);
        map.insert(server, client.clone());
        Ok(client)
    }

    async fn tcp_client(
        &self,
        server: SocketAddr,
    ) -> Result<HickoryClient<TokioRuntimeProvider>, NetError> {
        let mut map = self.tcp.lock().await;
        if let Some(client) = map.get(&server) {
            return Ok(client.clone());
        }
        let timeout = self.options.timeout + Duration::from_secs(1);
        let (connect, sender) =
            TcpClientStream::new(server, None, Some(timeout), TokioRuntimeProvider::default());
        let stream = connect.await?;
        let (client, background) =
            HickoryClient::<TokioRuntimeProvider>::with_timeout(stream, sender, timeout);
        tokio::spawn(background);
        map.insert(server, client.clone());
        Ok(client)
    }

    /// Transfers the zone `apex` from `server` over a fresh TCP connection (RFC 5936), keeping
    /// at most `max_records` records.
    ///
    /// This reads the TCP stream itself rather than through hickory's client: hickory 0.26's
    /// multiplexer keeps at most 8 response messages per request and drops the rest when the
    /// reader falls behind (`QUERY_RESPONSE_BUFFER_SIZE`, `try_send`), so a large transfer could
    /// come back with holes and still end with the SOA. Here the socket is read as fast as the
    /// records are kept, and a refusal ends the transfer at once.
    pub async fn axfr(
        &self,
        server: SocketAddr,
        apex: NameRef<'_>,
        max_records: usize,
    ) -> Result<Vec<RawRecord>, AxfrError> {
        self.stats.queries.fetch_add(1, Ordering::Relaxed);
        let result = self.axfr_inner(server, apex, max_records).await;
        self.progress.tick();
        result
    }

    async fn axfr_inner(
        &self,
        server: SocketAddr,
        apex: NameRef<'_>,
        max_records: usize,
    ) -> Result<Vec<RawRecord>, AxfrError> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let deadline = self.options.deadline;
        let _permit = match tokio::time::timeout_at(deadline, self.limiter.acquire()).await {
            Ok(Ok(permit)) => permit,
            _ => return Err(AxfrError::Query(QueryError::Deadline)),
        };
        self.stats.attempts.fetch_add(1, Ordering::Relaxed);
        let timeout = self.options.timeout;
        // Each step (connect, each message) must finish within the timeout, and all of it
        // within the deadline.
        let step = || {
            let now = Instant::now();
            let cut = (now + timeout).min(deadline);
            (cut, cut == deadline && now + timeout > deadline)
        };
        let failed = |at_deadline: bool| {
            AxfrError::Query(if at_deadline {
                QueryError::Deadline
            } else {
                QueryError::Timeout {
                    attempts: 1,
                    timeout,
                }
            })
        };
        let (cut, at_deadline) = step();
        let mut stream =
            match tokio::time::timeout_at(cut, tokio::net::TcpStream::connect(server)).await {
                Err(_) => return Err(failed(at_deadline)),
                Ok(Err(e)) => return Err(AxfrError::Query(classify(NetError::from(e), timeout))),
                Ok(Ok(s)) => s,
            };
        let id = transfer_id();
        let query = wire::query_message(id, apex, RType(252));
        let mut framed = (query.len() as u16).to_be_bytes().to_vec();
        framed.extend_from_slice(&query);
        let io = |e: std::io::Error| AxfrError::Query(classify(NetError::from(e), timeout));
        let (cut, at_deadline) = step();
        match tokio::time::timeout_at(cut, stream.write_all(&framed)).await {
            Err(_) => return Err(failed(at_deadline)),
            Ok(Err(e)) => return Err(io(e)),
            Ok(Ok(())) => {}
        }
        let mut records: Vec<RawRecord> = Vec::new();
        let mut buf = Vec::new();
        loop {
            let (cut, at_deadline) = step();
            let read = async {
                let len = stream.read_u16().await? as usize;
                buf.resize(len, 0);
                stream.read_exact(&mut buf).await?;
                Ok::<(), std::io::Error>(())
            };
            match tokio::time::timeout_at(cut, read).await {
                Err(_) => return Err(failed(at_deadline)),
                Ok(Err(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    return Err(AxfrError::Incomplete(
                        "the connection closed before the closing SOA",
                    ));
                }
                Ok(Err(e)) => return Err(io(e)),
                Ok(Ok(())) => {}
            }
            let message = wire::parse_message(&buf).ok_or(AxfrError::Query(
                QueryError::Malformed("a transfer message does not parse".into()),
            ))?;
            if message.id != id {
                return Err(AxfrError::Query(QueryError::Malformed(
                    "a transfer message has another ID".into(),
                )));
            }
            if message.rcode != wire::rcode::NOERROR {
                return Err(AxfrError::Rcode(message.rcode));
            }
            if records.is_empty()
                && message
                    .answers
                    .first()
                    .is_none_or(|r| r.rtype != RType::SOA || !r.name.as_ref().eq_ignore_case(apex))
            {
                return Err(AxfrError::Incomplete(
                    "the first record is not the zone's SOA",
                ));
            }
            records.extend(message.answers);
            if records.len() > max_records + 1 {
                return Err(AxfrError::TooLarge(max_records));
            }
            // The transfer ends with the opening SOA again (RFC 5936 §2.2).
            if records.len() >= 2
                && let Some(last) = records.last()
                && last.rtype == RType::SOA
            {
                if last.rdata != records[0].rdata {
                    return Err(AxfrError::Incomplete(
                        "the closing SOA differs from the opening one",
                    ));
                }
                records.pop();
                return Ok(records);
            }
        }
    }
}

/// A message ID for a transfer; TCP to a server we chose needs no unpredictability, only an ID
/// that is not always the same.
fn transfer_id() -> u16 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    (nanos ^ (nanos >> 16)) as u16
}

/// The raw message behind hickory's response, parsed with decompressed, case-kept data.
fn decode(response: &DnsResponse) -> Result<RawMessage, QueryError> {
    let mut message = wire::parse_message(response.as_buffer())
        .ok_or_else(|| QueryError::Malformed("the message does not parse".into()))?;
    // hickory has already checked the header; take the full RCODE from it, which includes
    // the EDNS extension bits.
    let code = u16::from(response.metadata.response_code);
    message.rcode = u8::try_from(code).unwrap_or(u8::MAX);
    Ok(message)
}

/// Sorts hickory's errors into what the checks need to know.
fn classify(error: NetError, timeout: Duration) -> QueryError {
    match error {
        NetError::Timeout => QueryError::Timeout {
            attempts: 1,
            timeout,
        },
        NetError::Io(io) => {
            use std::io::ErrorKind::*;
            match io.kind() {
                NetworkUnreachable | HostUnreachable | AddrNotAvailable => {
                    QueryError::NoRoute(io.to_string())
                }
                TimedOut => QueryError::Timeout {
                    attempts: 1,
                    timeout,
                },
                _ => QueryError::Connection(io.to_string()),
            }
        }
        NetError::Dns(e) => QueryError::Malformed(e.to_string()),
        NetError::Proto(e) => QueryError::Malformed(e.to_string()),
        other => QueryError::Connection(other.to_string()),
    }
}

/// hickory's UDP stream as a client stream for its multiplexer: one socket, answers only from
/// the server asked (anything else on the socket is dropped, as a spoofing screen).
struct SharedUdp {
    inner: UdpStream<TokioRuntimeProvider>,
    server: SocketAddr,
}

impl futures_util::Stream for SharedUdp {
    type Item = Result<SerialMessage, NetError>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        use std::task::Poll;
        loop {
            match std::pin::Pin::new(&mut self.inner).poll_next(cx) {
                Poll::Ready(Some(Ok(message))) => {
                    let from = message.addr();
                    if from.ip().to_canonical() == self.server.ip().to_canonical()
                        && from.port() == self.server.port()
                    {
                        return Poll::Ready(Some(Ok(message)));
                    }
                }
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(NetError::from(e)))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

impl DnsClientStream for SharedUdp {
    type Time = hickory_resolver::net::runtime::TokioTime;

    fn name_server_addr(&self) -> SocketAddr {
        self.server
    }
}
