#!/usr/bin/env bash
# The order path with and without heavy readers (issue 9 item 7), measured in one session on one gateway (the demo
# configuration), alternating runs so a busy machine hits both alike:
#
#   benchmarks/heavy-reads.sh OUT_DIR [REPETITIONS]        (default 3)
#
# Each repetition: loadgen at RATE (1000)/s for DURATION (20) s after WARMUP (5) s on CONNECTIONS (4) connections,
# once alone, then once while READERS (4) curl loops read GET /api/v1/orders?limit=1000 back to back (a thousand
# orders each: the list is full from the first run on). Every run has --baseline (Netty's hello world driven the same
# way right after it). The written target: the gateway's p99 with readers within 25% of its p99 without them; the
# summary prints both ratios (with/without readers, and each run's gateway/baseline) and how many lists were read.
# One JSON + .hgrm per run in OUT_DIR, the summary in OUT_DIR/summary.txt. Used for docs/RELIABILITY.md.
# Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail

out=${1:?usage: benchmarks/heavy-reads.sh OUT_DIR [REPETITIONS]}
repetitions=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-1000}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-4}
readers=${READERS:-4}
port=${PORT:-18091}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
mkdir -p "$out"
work=$(mktemp -d)
gateway_pid=
cleanup()
{
  rm -f "$work/reading"  # the reader loops end after their current request
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$root/gateway-http/target/ordergate.jar" --port "$port" --data-dir "$work/data" > "$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.2
done

read_lists()
{
  while [ -f "$work/reading" ]; do
    curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "X-API-Key: $ORDERGATE_API_KEY" \
      -H "X-API-Secret: $ORDERGATE_API_SECRET" "http://127.0.0.1:$port/api/v1/orders?limit=1000" >> "$work/reads-$1.txt"
  done
}

p99() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['gateway']['p99_us'])" "$1"; }
ratio() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['ratios']['p99'])" "$1"; }

for i in $(seq 1 "$repetitions"); do
  for mode in alone readers; do
    echo "== repetition $i, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt" >&2
    rm -f "$work"/reads-*.txt
    if [ "$mode" = readers ]; then
      touch "$work/reading"
      for r in $(seq 1 "$readers"); do read_lists "$r" & done
    fi
    java -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
      --warmup "$warmup" --connections "$connections" --baseline --json "$out/$mode-$i.json" \
      2> "$out/$mode-$i.progress.txt" | tee -a "$out/summary.txt"
    if [ "$mode" = readers ]; then
      rm -f "$work/reading"
      for reader in $(jobs -p); do [ "$reader" = "$gateway_pid" ] || wait "$reader" || true; done
      lists=$(cat "$work"/reads-*.txt | wc -l)
      bad=$(cat "$work"/reads-*.txt | grep -vc '^200 ' || true)
      echo "readers: $readers loops read $lists lists of up to 1000 orders ($bad not 200), $(awk '{s += $2} END {printf "%.0f", s / 1048576}' "$work"/reads-*.txt) MiB" \
        | tee -a "$out/summary.txt"
      echo "p99 with/without readers: $(python3 -c "print(round($(p99 "$out/readers-$i.json") / $(p99 "$out/alone-$i.json"), 3))")" \
        "(gateway/baseline p99 $(ratio "$out/alone-$i.json") alone, $(ratio "$out/readers-$i.json") with readers)" | tee -a "$out/summary.txt"
    fi
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt" >&2
  done
done
