//! Real DNS servers for the live tests: hickory-server instances in this process, each on its
//! own loopback address (127.0.0.2, 127.0.0.3, ...) and all on one ephemeral port, so that
//! servers found by discovery are reachable with `--port`. Nothing leaves 127.0.0.0/8.
//!
//! Every server wraps a real `Catalog` in a [`FaultHandler`] that can drop queries, answer late,
//! answer SERVFAIL or REFUSED, clear the AA bit, or truncate UDP answers, and that logs what it
//! receives.
#![allow(dead_code)]

use hickory_proto::op::{Header, HeaderCounts, Metadata, ResponseCode};
use hickory_proto::rr::{LowerName, Name, Record};
use hickory_proto::serialize::txt::Parser;
use hickory_server::Server;
use hickory_server::net::NetError;
use hickory_server::net::runtime::Time;
use hickory_server::net::xfer::Protocol;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{
    AxfrPolicy, Catalog, MessageResponse, MessageResponseBuilder, ZoneHandler, ZoneType,
};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::{TcpListener, UdpSocket};

/// How a server misbehaves.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    None,
    /// Answer nothing, over either transport.
    Drop,
    /// Answer nothing over TCP (UDP works).
    DropTcp,
    /// Answer nothing over UDP (TCP works).
    DropUdp,
    /// Answer correctly, after this long.
    Delay(Duration),
    /// Answer this RCODE to everything.
    Rcode(ResponseCode),
    /// Answer correctly but with the AA bit clear.
    NotAuthoritative,
    /// Over UDP answer TC=1 with nothing; over TCP answer correctly.
    TruncateUdp,
}

/// What a server received.
#[derive(Clone, Debug)]
pub struct Seen {
    pub udp: bool,
    pub rd: bool,
    pub qname: String,
    pub qtype: String,
}

/// A delegation answered by hand: hickory-server's referrals carry no glue, and a parent
/// without glue is not what the internet looks like.
#[derive(Clone, Debug)]
pub struct Referral {
    pub cut: Name,
    pub ns: Vec<Record>,
    pub glue: Vec<Record>,
}

impl Referral {
    /// `servers`: (name server, glue address if any).
    pub fn new(cut: &str, ttl: u32, servers: &[(&str, Option<&str>)]) -> Self {
        use hickory_proto::rr::RData;
        use hickory_proto::rr::rdata::{A, AAAA, NS};
        let cut = Name::from_str(cut).unwrap();
        let mut ns = Vec::new();
        let mut glue = Vec::new();
        for (name, addr) in servers {
            let name = Name::from_str(name).unwrap();
            ns.push(Record::from_rdata(
                cut.clone(),
                ttl,
                RData::NS(NS(name.clone())),
            ));
            match addr.map(|a| a.parse::<IpAddr>().unwrap()) {
                Some(IpAddr::V4(v4)) => glue.push(Record::from_rdata(name, ttl, RData::A(A(v4)))),
                Some(IpAddr::V6(v6)) => {
                    glue.push(Record::from_rdata(name, ttl, RData::AAAA(AAAA(v6))))
                }
                None => {}
            }
        }
        Referral { cut, ns, glue }
    }
}

#[derive(Clone)]
pub struct FaultHandler {
    inner: Arc<Catalog>,
    fault: Arc<Mutex<Fault>>,
    referral: Option<Arc<Referral>>,
    log: Arc<Mutex<Vec<Seen>>>,
}

#[derive(Clone)]
struct ClearAa<R> {
    inner: R,
}

#[async_trait::async_trait]
impl<R: ResponseHandler> ResponseHandler for ClearAa<R> {
    async fn send_response<'a>(
        &mut self,
        mut response: MessageResponse<
            '_,
            'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
        >,
    ) -> Result<ResponseInfo, NetError> {
        response.metadata_mut().authoritative = false;
        self.inner.send_response(response).await
    }
}

fn nothing(request: &Request) -> ResponseInfo {
    let mut md = Metadata::response_from_request(&request.metadata);
    md.response_code = ResponseCode::ServFail;
    ResponseInfo::from(Header {
        metadata: md,
        counts: HeaderCounts::default(),
    })
}

#[async_trait::async_trait]
impl RequestHandler for FaultHandler {
    async fn handle_request<R: ResponseHandler, T: Time>(
        &self,
        request: &Request,
        mut response_handle: R,
    ) -> ResponseInfo {
        let udp = request.protocol() == Protocol::Udp;
        if let Ok(info) = request.request_info() {
            self.log.lock().unwrap().push(Seen {
                udp,
                rd: request.metadata.recursion_desired,
                qname: info.query.name().to_string(),
                qtype: info.query.query_type().to_string(),
            });
        }
        let fault = self.fault.lock().unwrap().clone();
        if fault == Fault::None
            && let Some(referral) = &self.referral
            && let Ok(info) = request.request_info()
        {
            let qname: Name = info.query.name().into();
            let at_cut = qname == referral.cut;
            let ds = info.query.query_type() == hickory_proto::rr::RecordType::DS;
            if referral.cut.zone_of(&qname) && !(at_cut && ds) {
                let md = Metadata::response_from_request(&request.metadata);
                let resp = MessageResponseBuilder::from_message_request(request).build(
                    md,
                    [],
                    referral.ns.iter(),
                    [],
                    referral.glue.iter(),
                );
                return response_handle
                    .send_response(resp)
                    .await
                    .unwrap_or_else(|_| nothing(request));
            }
        }
        match fault {
            Fault::Drop => nothing(request),
            Fault::DropTcp if !udp => nothing(request),
            Fault::DropUdp if udp => nothing(request),
            Fault::Delay(d) => {
                tokio::time::sleep(d).await;
                self.inner
                    .handle_request::<R, T>(request, response_handle)
                    .await
            }
            Fault::Rcode(code) => {
                let resp = MessageResponseBuilder::from_message_request(request)
                    .error_msg(&request.metadata, code);
                response_handle
                    .send_response(resp)
                    .await
                    .unwrap_or_else(|_| nothing(request))
            }
            Fault::NotAuthoritative => {
                self.inner
                    .handle_request::<_, T>(
                        request,
                        ClearAa {
                            inner: response_handle,
                        },
                    )
                    .await
            }
            Fault::TruncateUdp if udp => {
                let mut md = Metadata::response_from_request(&request.metadata);
                md.authoritative = true;
                md.truncation = true;
                let resp =
                    MessageResponseBuilder::from_message_request(request).build_no_records(md);
                response_handle
                    .send_response(resp)
                    .await
                    .unwrap_or_else(|_| nothing(request))
            }
            _ => {
                self.inner
                    .handle_request::<R, T>(request, response_handle)
                    .await
            }
        }
    }
}

/// One running server.
pub struct TestServer {
    pub addr: SocketAddr,
    fault: Arc<Mutex<Fault>>,
    log: Arc<Mutex<Vec<Seen>>>,
    _server: Server<FaultHandler>,
}

impl TestServer {
    pub fn set_fault(&self, fault: Fault) {
        *self.fault.lock().unwrap() = fault;
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }

    pub fn clear_log(&self) {
        self.log.lock().unwrap().clear();
    }
}

/// A zone to serve: its origin, zone-file text, whether AXFR is allowed, and records hickory's
/// text parser does not read (DS without the dnssec features), added as raw data.
pub struct ZoneText<'a> {
    pub origin: &'a str,
    pub text: &'a str,
    pub axfr: bool,
    pub extra: Vec<Record>,
}

impl<'a> ZoneText<'a> {
    pub fn new(origin: &'a str, text: &'a str) -> Self {
        ZoneText {
            origin,
            text,
            axfr: false,
            extra: Vec::new(),
        }
    }

    pub fn axfr(mut self) -> Self {
        self.axfr = true;
        self
    }

    /// Adds a record of type `code` with raw data.
    pub fn raw(mut self, owner: &str, ttl: u32, code: u16, data: &[u8]) -> Self {
        use hickory_proto::rr::{RData, RecordType, rdata::NULL};
        let rdata = RData::Unknown {
            code: RecordType::from(code),
            rdata: NULL::with(data.to_vec()),
        };
        self.extra.push(Record::from_rdata(
            Name::from_str(owner).unwrap(),
            ttl,
            rdata,
        ));
        self
    }
}

pub fn zone(origin: &str, text: &str, axfr: bool) -> Arc<dyn ZoneHandler> {
    zone_with(origin, text, axfr, Vec::new())
}

pub fn zone_with(origin: &str, text: &str, axfr: bool, extra: Vec<Record>) -> Arc<dyn ZoneHandler> {
    let origin = Name::from_str(origin).unwrap();
    let (origin, records) = Parser::new(text, None, Some(origin))
        .parse()
        .unwrap_or_else(|e| panic!("test zone does not parse: {e}"));
    let policy = if axfr {
        AxfrPolicy::AllowAll
    } else {
        AxfrPolicy::Deny
    };
    let mut handler: InMemoryZoneHandler =
        InMemoryZoneHandler::new(origin, records, ZoneType::Primary, policy).unwrap();
    for r in extra {
        assert!(handler.upsert_mut(r, 0), "extra record refused");
    }
    Arc::new(handler)
}

pub fn catalog(zones: Vec<ZoneText<'_>>) -> Catalog {
    let mut catalog = Catalog::new();
    for z in zones {
        let handler = zone_with(z.origin, z.text, z.axfr, z.extra);
        let origin: LowerName = handler.origin().clone();
        catalog.upsert(origin, vec![handler]);
    }
    catalog
}

/// Servers at 127.0.0.N:port for a shared ephemeral port.
pub struct Lab {
    pub port: u16,
    servers: Vec<TestServer>,
}

impl Lab {
    /// Starts one server per catalog, at 127.0.0.2, 127.0.0.3, ... in order; a server with a
    /// referral answers names at and below its cut with it.
    pub async fn start(catalogs: Vec<(Catalog, Option<Referral>)>) -> (Lab, Vec<SocketAddr>) {
        let mut catalogs = Some(catalogs);
        for _ in 0..50 {
            let probe = std::net::UdpSocket::bind("127.0.0.2:0").unwrap();
            let port = probe.local_addr().unwrap().port();
            drop(probe);
            let mut sockets = Vec::new();
            let mut ok = true;
            let n = catalogs.as_ref().unwrap().len();
            for i in 0..n {
                let ip = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2 + i as u8));
                let addr = SocketAddr::new(ip, port);
                match (UdpSocket::bind(addr).await, TcpListener::bind(addr).await) {
                    (Ok(u), Ok(t)) => sockets.push((addr, u, t)),
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            let mut servers = Vec::new();
            let mut addrs = Vec::new();
            for ((addr, udp, tcp), (catalog, referral)) in
                sockets.into_iter().zip(catalogs.take().unwrap())
            {
                let fault = Arc::new(Mutex::new(Fault::None));
                let log = Arc::new(Mutex::new(Vec::new()));
                let handler = FaultHandler {
                    inner: Arc::new(catalog),
                    fault: fault.clone(),
                    referral: referral.map(Arc::new),
                    log: log.clone(),
                };
                let mut server = Server::new(handler);
                server.register_socket(udp);
                server.register_listener(tcp, Duration::from_secs(5), 64);
                addrs.push(addr);
                servers.push(TestServer {
                    addr,
                    fault,
                    log,
                    _server: server,
                });
            }
            return (Lab { port, servers }, addrs);
        }
        panic!("no free port shared by the loopback addresses");
    }

    pub fn server(&self, i: usize) -> &TestServer {
        &self.servers[i]
    }

    /// An address in the lab's range where nothing listens.
    pub fn silent(&self) -> SocketAddr {
        SocketAddr::new(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 200)), self.port)
    }
}

/// Runs the zonegate binary in `dir` on a blocking thread: the lab's servers answer on the
/// runtime's threads while it runs.
pub async fn run_zonegate(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let dir = dir.to_path_buf();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        crate::common::run(&dir, &args)
    })
    .await
    .expect("the blocking task runs")
}
