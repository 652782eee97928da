#!/usr/bin/env bash
# Times `zonegate check` against kzonecheck, nsd-checkzone, validns and named-checkzone on the
# same generated zones, interleaved in one session, and prints a Markdown table.
#
#   bench/compare.sh                     # 10k, 100k and 1M records, 5 rounds
#   SIZES="100000" RUNS=11 bench/compare.sh
#
# Environment: SIZES (records per zone), RUNS (rounds; each round runs every tool once, in turn),
# DIR (where the zones go), ZONEGATE (the binary; built with `cargo build --release` unless
# NO_BUILD=1), ZONEGATE_ARGS (extra arguments for `zonegate check`).
#
# Peer command lines (all checks each tool has on by default, plus validns's policy checks):
#   zonegate check FILE                        all offline rules (the default selection)
#   kzonecheck -o ORIGIN FILE                  Knot's checker, semantic checks, DNSSEC off
#   nsd-checkzone ORIGIN FILE                  NSD's checker
#   validns -z ORIGIN -p all FILE              every policy check; CAA written as TYPE257
#   named-checkzone -i local ORIGIN FILE       BIND's checks; integrity checks inside the zone only:
#                                              the default (-i full) also looks up out-of-zone MX
#                                              and SRV targets in the DNS, which measures the
#                                              resolver (minutes offline), not the checker
#
# Every tool must accept every zone (exit 0) before it is timed, so nobody is timed on an
# error path. Wall time comes from the clock around each run, peak RSS from /usr/bin/time %M.
set -euo pipefail

SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-5}
DIR=${DIR:-/tmp/zonegate-compare}
ORIGIN=bench.example
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZONEGATE=${ZONEGATE:-$ROOT/target/release/zonegate}
ZONEGATE_ARGS=${ZONEGATE_ARGS:-}

if [[ ${NO_BUILD:-0} != 1 ]]; then
    (cd "$ROOT" && cargo build --release --quiet --bin zonegate --example zonegate-bench)
fi
GEN=$ROOT/target/release/examples/zonegate-bench
for tool in kzonecheck nsd-checkzone validns named-checkzone /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install knot-dnssecutils nsd validns bind9-utils time)" >&2; exit 1; }
done
mkdir -p "$DIR"

# The command line of tool $1 on the zone of $2 records.
cmd() {
    local zone=$DIR/zone-$2.zone
    case $1 in
        zonegate) echo "$ZONEGATE check $ZONEGATE_ARGS $zone" ;;
        kzonecheck) echo "kzonecheck -o $ORIGIN $zone" ;;
        nsd-checkzone) echo "nsd-checkzone $ORIGIN $zone" ;;
        validns) echo "validns -z $ORIGIN -p all $DIR/zone-$2-validns.zone" ;;
        named-checkzone) echo "named-checkzone -i local $ORIGIN $zone" ;;
    esac
}
TOOLS="zonegate kzonecheck nsd-checkzone validns named-checkzone"

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS rounds"
RESULTS=$DIR/results.txt
: >"$RESULTS"
for n in $SIZES; do
    [[ -s $DIR/zone-$n.zone ]] || "$GEN" "$n" >"$DIR/zone-$n.zone"
    [[ -s $DIR/zone-$n-validns.zone ]] || "$GEN" "$n" --validns >"$DIR/zone-$n-validns.zone"
    for t in $TOOLS; do
        if ! $(cmd $t $n) >/dev/null 2>&1; then
            echo "$t does not accept the $n-record zone: $(cmd $t $n)" >&2
            exit 1
        fi
    done
    for ((round = 1; round <= RUNS; round++)); do
        for t in $TOOLS; do
            start=$(date +%s%N)
            /usr/bin/time -f %M -o "$DIR/rss" $(cmd $t $n) >/dev/null 2>&1
            end=$(date +%s%N)
            echo "$n $t $(((end - start) / 1000)) $(tail -1 "$DIR/rss")" >>"$RESULTS"
        done
    done
done

# size tool wall_us rss_kib → medians, per record figures and zonegate's ratio to each peer.
echo
echo "| records | tool | median wall (s) | records/s | µs/record | peak RSS (MiB) | bytes/record | zonegate time ÷ tool's | zonegate RSS ÷ tool's |"
echo "|---:|:---|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    for t in $TOOLS; do
        awk -v n="$n" -v t="$t" '$1 == n && $2 == t { print $3, $4 }' "$RESULTS" >"$DIR/one"
        wall=$(cut -d' ' -f1 "$DIR/one" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
        rss=$(cut -d' ' -f2 "$DIR/one" | sort -n | awk '{ a[NR] = $1 } END { print a[NR] }')
        echo "$n $t $wall $rss"
    done
done >"$DIR/medians.txt"
awk '
    $2 == "zonegate" { zw[$1] = $3; zr[$1] = $4 }
    { rows[NR] = $0 }
    END {
        for (i = 1; i <= NR; i++) {
            split(rows[i], f, " ")
            n = f[1]; w = f[3] / 1e6; r = f[4]
            printf "| %d | %s | %.3f | %.0f | %.2f | %.1f | %.0f | %.2f | %.2f |\n", n, f[2], w, n / w, w * 1e6 / n, r / 1024, r * 1024 / n, zw[n] / f[3], zr[n] / r
        }
    }' "$DIR/medians.txt"
echo
echo "Raw runs: $RESULTS (records, tool, wall µs, peak RSS KiB)."
