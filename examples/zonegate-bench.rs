//! Writes a deterministic, realistic zone of N records to standard output, for benchmarks.
//!
//! ```sh
//! cargo run --release --example zonegate-bench -- 1000000 > /tmp/1m.zone
//! cargo run --release --example zonegate-bench -- 1000000 --validns > /tmp/1m-validns.zone
//! ```
//!
//! The mix is what hosting exports look like: mostly A/AAAA and CNAME, with MX, SPF-like TXT
//! (some split into several strings, over two lines in parentheses), SRV, CAA, and delegations
//! with glue; names are relative, owners repeat on blank-owner continuation lines, and `$ORIGIN`
//! switches between subdomains every 5,000 hosts.
//! The same N always gives the same bytes. `--validns` writes CAA as `TYPE257` generic data,
//! since validns does not know CAA.

use std::io::{BufWriter, Write};

/// xorshift64*: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let validns = args.iter().any(|a| a == "--validns");
    let out = std::io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, out.lock());
    generate(n, validns, &mut w)?;
    w.flush()
}

/// Writes the zone of `n` records. The interop suite includes this file to feed the same zones
/// to BIND and Knot.
pub fn generate(n: u64, validns: bool, w: &mut impl Write) -> std::io::Result<()> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    writeln!(w, "$ORIGIN bench.example.\n$TTL 3600")?;
    writeln!(
        w,
        "@ IN SOA ns1.bench.example. hostmaster.bench.example. (\n\t2024112101 ; serial\n\t7200 900 1209600 3600 )"
    )?;
    writeln!(
        w,
        "@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2"
    )?;
    writeln!(w, "@ IN MX 10 mail\nmail IN A 192.0.2.25")?;
    let mut written = 7u64;
    let mut host = 0u64;
    let mut sub = 0u64;
    // Hosts with an address under the current origin: CNAMEs point at these, so the zone is
    // clean (no chains, no dangling or self-referring aliases) and every checker does the
    // same work on it.
    let mut addressed: Vec<u64> = Vec::new();
    while written < n {
        // Every 5,000 records, switch to a new subdomain's origin, as exports of large zones do.
        if host % 5000 == 4999 {
            sub += 1;
            writeln!(w, "$ORIGIN s{sub}.bench.example.")?;
            addressed.clear();
        }
        host += 1;
        let name = format!("h{host}");
        let kind = rng.below(100);
        let lines: Vec<String> = match kind {
            0..=39 => {
                addressed.push(host);
                let mut v = vec![format!(
                    "{name} IN A 10.{}.{}.{}",
                    rng.below(256),
                    rng.below(256),
                    rng.below(254) + 1
                )];
                if rng.below(4) == 0 {
                    v.push(format!(
                        "\tIN AAAA 2001:db8:{:x}::{:x}",
                        rng.below(65536),
                        rng.below(65536)
                    ));
                }
                v
            }
            40..=54 => vec![format!(
                "{name} 300 IN AAAA 2001:db8:{:x}:{:x}::{:x}",
                rng.below(65536),
                rng.below(65536),
                rng.below(65536)
            )],
            55..=69 if !addressed.is_empty() => {
                vec![format!(
                    "{name} IN CNAME h{}",
                    addressed[rng.below(addressed.len() as u64) as usize]
                )]
            }
            55..=69 => vec![format!("{name} IN A 10.0.0.{}", rng.below(254) + 1)],
            70..=76 => vec![
                format!("{name} IN MX 10 mx{}.mail.example.net.", rng.below(50)),
                format!("\tIN MX 20 mx{}.mail.example.net.", rng.below(50)),
            ],
            77..=85 => {
                if rng.below(3) == 0 {
                    // Two strings, over two lines in parentheses, as exports write long TXT.
                    vec![format!(
                        "{name} IN TXT ( \"v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.{}/32\"\n\t\" include:_spf.example.net ~all\" )",
                        rng.below(256)
                    )]
                } else {
                    vec![format!(
                        "{name} IN TXT \"v=spf1 include:spf.protection.outlook.com -all\""
                    )]
                }
            }
            86..=90 => vec![format!(
                "_sip._tcp.{name} IN SRV 10 {} 5060 sip{}.example.net.",
                rng.below(100),
                rng.below(20)
            )],
            91..=94 => {
                if validns {
                    vec![format!(
                        "{name} IN TYPE257 \\# 18 00056973737565 6578616D706C652E6E6574"
                    )]
                } else {
                    vec![format!("{name} IN CAA 0 issue \"example.net\"")]
                }
            }
            _ => vec![
                format!("d{host} IN NS ns1.d{host}"),
                format!("\tIN NS ns2.d{host}"),
                format!("ns1.d{host} IN A 198.51.100.{}", rng.below(254) + 1),
                format!("ns2.d{host} IN A 203.0.113.{}", rng.below(254) + 1),
            ],
        };
        for line in lines {
            if written >= n {
                break;
            }
            writeln!(w, "{line}")?;
            written += 1;
        }
    }
    Ok(())
}
