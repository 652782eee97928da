#!/usr/bin/env bash
# Benchmark of `zonegate check --live` against a local NSD serving a generated zone, beside
# dnsperf sending the same queries to the same server.
#
#   bench/live.sh                 # 10,000 RRsets, 5 runs each, AXFR refused (the probing path)
#   RRSETS=50000 RUNS=3 bench/live.sh
#   AXFR=1 bench/live.sh          # NSD allows the transfer: one AXFR instead of probes
#
# Needs nsd, dnsperf and hyperfine (Debian: apt-get install nsd dnsperf hyperfine) and a
# release build (cargo build --release). Everything runs on loopback ($IP, default 127.0.0.53,
# port $PORT): NSD serves the zone; zonegate is pointed at it with --authoritative, and its
# resolver is the same NSD, so nothing leaves the machine. The zone points only inside itself,
# so the resolver is never asked.
#
# zonegate writes every question it sends to --query-log in dnsperf's input format; dnsperf then
# sends exactly those questions, once (-n 1), with at most 32 outstanding (-q 32, zonegate's
# default --concurrency) and EDNS (-e), as zonegate does. The target is at most 3x dnsperf's
# time for the whole zonegate run (parsing and the offline checks included). With AXFR=1 the
# baseline is dig transferring the zone.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${ZONEGATE:-$ROOT/target/release/zonegate}
IP=${IP:-127.0.0.53}
PORT=${PORT:-5399}
RRSETS=${RRSETS:-10000}
RUNS=${RUNS:-5}
AXFR=${AXFR:-0}
ZONE=example.bench

for tool in nsd dnsperf hyperfine; do
    command -v "$tool" >/dev/null || { echo "bench/live.sh: $tool is not installed" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "bench/live.sh: build first: cargo build --release" >&2; exit 2; }

W=$(mktemp -d /tmp/zonegate-live-bench.XXXXXX)
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$W"
}
trap cleanup EXIT

# The zone: an apex of 5 RRsets, then a mix of the types customers have, one RRset per line:
# 40% A, 10% AAAA (next to an A), 10% TXT, 10% MX, 10% CNAME, 10% SRV, 10% CAA.
python3 - "$W/$ZONE.zone" "$RRSETS" <<'EOF'
import sys
path, n = sys.argv[1], int(sys.argv[2])
out = ["$ORIGIN example.bench.", "$TTL 3600",
       "@ IN SOA ns1.example.bench. hostmaster.example.bench. 2024060101 3600 600 86400 300",
       "@ IN NS ns1", "ns1 IN A 127.0.0.53", "@ IN MX 10 w0", "@ IN TXT \"v=spf1 mx -all\""]
for i in range(n - 5):
    k = i % 10
    if k < 4:
        out.append(f"w{i} IN A 192.0.{(i >> 8) & 255}.{i & 255}")
    elif k == 4:
        out.append(f"w{i - 1} IN AAAA 2001:db8::{i:x}")
    elif k == 5:
        out.append(f"t{i} IN TXT \"v=verification-{i:08d}\"")
    elif k == 6:
        out.append(f"m{i} IN MX 10 w0.example.bench.")
    elif k == 7:
        out.append(f"c{i} IN CNAME w{i - 7}.example.bench.")
    elif k == 8:
        out.append(f"_sip._tcp.s{i} IN SRV 0 0 5060 w0.example.bench.")
    else:
        out.append(f"ca{i} IN CAA 0 issue \"letsencrypt.org\"")
open(path, "w").write("\n".join(out) + "\n")
EOF

xfr=""
[ "$AXFR" = 1 ] && xfr="    provide-xfr: 127.0.0.0/8 NOKEY"
cat > "$W/nsd.conf" <<EOF
server:
    ip-address: $IP@$PORT
    username: ""
    chroot: ""
    zonesdir: "$W"
    database: ""
    zonelistfile: "$W/zone.list"
    xfrdfile: "$W/xfrd.state"
    xfrdir: "$W"
    pidfile: "$W/nsd.pid"
    logfile: "$W/nsd.log"
    server-count: 1
    # Debian's NSD limits responses to 200 per second per /24 (RRL) and drops or truncates
    # the rest: the benchmark measures the client, not the rate limit.
    rrl-ratelimit: 0
    verbosity: 1
remote-control:
    control-enable: no
zone:
    name: "$ZONE"
    zonefile: "$W/$ZONE.zone"
$xfr
EOF
nsd-checkconf "$W/nsd.conf"
if dig +norec +tries=1 +time=1 -p "$PORT" @"$IP" "$ZONE" SOA >/dev/null 2>&1; then
    echo "bench/live.sh: something already answers on $IP port $PORT; set IP or PORT" >&2
    exit 2
fi
nsd -d -c "$W/nsd.conf" >"$W/nsd.stderr" 2>&1 &
pid=$!
for _ in $(seq 50); do
    dig +norec +short -p "$PORT" @"$IP" "$ZONE" SOA 2>/dev/null | grep -q 2024060101 && break
    sleep 0.1
done
dig +norec +short -p "$PORT" @"$IP" "$ZONE" SOA | grep -q 2024060101 || {
    echo "bench/live.sh: NSD did not start" >&2; cat "$W/nsd.log" "$W/nsd.stderr" >&2; exit 2; }

ZG=("$BIN" check --live --authoritative "$IP:$PORT" --resolver "$IP:$PORT" --select ZG8
    --ignore ZG825 --format concise --query-log "$W/queries.txt" "$W/$ZONE.zone")

echo "## zonegate check --live: $RRSETS RRsets, NSD $(nsd -v 2>&1 | head -1 | awk '{print $3}'), AXFR=$AXFR"
echo
echo "One run's findings:"
echo '```'
"${ZG[@]}" | tail -5
echo '```'
queries=$(wc -l <"$W/queries.txt")
echo
echo "zonegate sent $queries queries to the authoritative server (--query-log)."
echo

if [ "$AXFR" = 1 ]; then
    # One transfer replaces the probes: the baseline is dig transferring the same zone.
    BASE_NAME="dig AXFR"
    BASE=(dig -p "$PORT" @"$IP" "$ZONE" AXFR +noall +stats)
    echo "dig transferring the same zone:"
    echo '```'
    "${BASE[@]}" | grep -E "Query time|XFR size"
    echo '```'
else
    # Same questions, once (-n 1), at most 32 outstanding (-q 32, zonegate's --concurrency),
    # EDNS (-e), one socket (-c 1), as zonegate asks them.
    BASE_NAME="dnsperf"
    BASE=(dnsperf -s "$IP" -p "$PORT" -d "$W/queries.txt" -n 1 -q 32 -c 1 -e -t 2)
    echo "dnsperf on the same queries:"
    echo '```'
    { "${BASE[@]}" 2>&1 || true; } | grep -E "Queries (sent|completed|lost)|Run time|Queries per second"
    echo '```'
fi
echo

hyperfine -N --warmup 1 --runs "$RUNS" --export-markdown "$W/times.md" \
    -n zonegate "${ZG[*]}" -n "$BASE_NAME" "${BASE[*]}" >"$W/hyperfine.txt" 2>&1 || {
    cat "$W/hyperfine.txt" >&2; exit 1; }
cat "$W/times.md"
echo
python3 - "$W/times.md" "$BASE_NAME" <<'EOF'
import sys, re
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
    if len(cells) >= 2 and re.match(r"[\d.]+", cells[1]):
        rows[cells[0]] = float(re.match(r"[\d.]+", cells[1]).group())
z, d = rows["zonegate"], rows[sys.argv[2]]
print(f"ratio zonegate / {sys.argv[2]}: {z / d:.2f}x (target for the probing path: at most 3x dnsperf)")
EOF
