#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600), one process at a time, from the
# seeds plus whatever corpus earlier runs left, and prints libFuzzer's final statistics.
# Usage: fuzz/run-all.sh [SECONDS] [TARGET...]. Needs nightly, or RUSTC_BOOTSTRAP=1 on stable.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(zone parse table policy spec roundtrip xls)
# A false leak report from glibc's thread-local bookkeeping; see lsan.supp.
export LSAN_OPTIONS=suppressions=$PWD/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeds=seeds/$t
  [ -d "$seeds" ] || seeds=seeds/zone # parse reads the same inputs as zone
  cp -n "$seeds"/* "corpus/$t/" 2>/dev/null || true
  dict=()
  case $t in zone | parse | roundtrip) dict=(-dict=zone.dict) ;; esac
  echo "== $t ($(date -u +%H:%M:%S))"
  cargo fuzz run -O "$t" "corpus/$t" -- "${dict[@]}" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"artifacts/$t/last-run.log" 2>&1
  code=$?
  grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)|panicked|Done [0-9]+ runs' "artifacts/$t/last-run.log" | tail -n 20
  echo "== $t exit $code (log: fuzz/artifacts/$t/last-run.log)"
done
