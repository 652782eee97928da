//! A small blocking DNS client for the harness's own assertions: one query to one server, UDP
//! with EDNS, TCP when the answer is truncated. The harness checks the world with it
//! independently of zonegate, so that a passing `verify` means something.

use hickory_proto::op::{Edns, Message, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::time::Duration;

pub struct Response {
    pub message: Message,
}

impl Response {
    pub fn rcode(&self) -> ResponseCode {
        self.message.metadata.response_code
    }

    pub fn aa(&self) -> bool {
        self.message.metadata.authoritative
    }

    pub fn answers(&self) -> &[Record] {
        &self.message.answers
    }

    pub fn authorities(&self) -> &[Record] {
        &self.message.authorities
    }

    /// The data of the answer records of type `rtype`, as text, sorted (an RRset's order is
    /// the server's choice).
    pub fn answer_data(&self, rtype: RecordType) -> Vec<String> {
        data_of(self.answers(), rtype)
    }

    /// NS targets in the authority section: the referral a parent gives.
    pub fn referral(&self) -> Vec<String> {
        data_of(self.authorities(), RecordType::NS)
    }

    /// The serial of the SOA in the answer section.
    pub fn serial(&self) -> Option<u32> {
        self.answers().iter().find_map(|r| match &r.data {
            RData::SOA(soa) => Some(soa.serial),
            _ => None,
        })
    }
}

fn data_of(records: &[Record], rtype: RecordType) -> Vec<String> {
    let mut v: Vec<String> = records
        .iter()
        .filter(|r| r.record_type() == rtype)
        .map(|r| match &r.data {
            // hickory's TXT Display joins the strings; keep them apart and quoted.
            RData::TXT(txt) => txt
                .txt_data
                .iter()
                .map(|s| format!("\"{}\"", String::from_utf8_lossy(s)))
                .collect::<Vec<_>>()
                .join(" "),
            data => data.to_string().to_ascii_lowercase(),
        })
        .collect();
    v.sort();
    v
}

/// Sends one query. `rd` sets the recursion-desired bit: false for authoritative servers,
/// true for the resolver. Retries UDP three times (one second each) before giving up.
pub fn query(
    server: SocketAddr,
    name: &str,
    rtype: RecordType,
    rd: bool,
) -> std::io::Result<Response> {
    let name = Name::from_ascii(name).map_err(std::io::Error::other)?;
    let mut msg = Message::query();
    msg.add_query(Query::query(name, rtype));
    msg.metadata.recursion_desired = rd;
    let mut edns = Edns::new();
    edns.set_max_payload(1232);
    msg.set_edns(edns);
    let wire = msg.to_vec().map_err(std::io::Error::other)?;
    let id = msg.metadata.id;

    let socket = UdpSocket::bind("127.0.0.1:0")?;
    socket.set_read_timeout(Some(Duration::from_secs(1)))?;
    socket.connect(server)?;
    let mut buf = vec![0u8; 65535];
    let mut last_err = std::io::Error::other("no answer");
    for _ in 0..3 {
        socket.send(&wire)?;
        loop {
            match socket.recv(&mut buf) {
                Ok(n) => {
                    let Ok(reply) = Message::from_vec(&buf[..n]) else {
                        continue;
                    };
                    if reply.metadata.id != id {
                        continue;
                    }
                    if reply.metadata.truncation {
                        return query_tcp(server, &wire);
                    }
                    return Ok(Response { message: reply });
                }
                Err(e) => {
                    last_err = e;
                    break;
                }
            }
        }
    }
    Err(last_err)
}

fn query_tcp(server: SocketAddr, wire: &[u8]) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect_timeout(&server, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(3)))?;
    let mut framed = (wire.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(wire);
    stream.write_all(&framed)?;
    let mut len = [0u8; 2];
    stream.read_exact(&mut len)?;
    let mut buf = vec![0u8; u16::from_be_bytes(len) as usize];
    stream.read_exact(&mut buf)?;
    let message = Message::from_vec(&buf).map_err(std::io::Error::other)?;
    Ok(Response { message })
}
