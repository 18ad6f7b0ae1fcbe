#!/usr/bin/env bash
# The order path with and without heavy readers (issue 9 item 7), measured in one session on one gateway (the demo
# configuration), alternating runs so a busy machine hits both alike:
#
#   benchmarks/heavy-reads.sh OUT_DIR [REPETITIONS]        (default 3)
#
# Each repetition: loadgen at RATE (1000)/s for DURATION (20) s after WARMUP (5) s on CONNECTIONS (4) connections,
# once alone, then once while READERS (4) clients (benchmarks/list_readers.py, keep-alive) read
# GET /api/v1/orders?limit=1000 back to back (a thousand orders each: the list is full from the first run on), each
# with its own read-only key and so its own read budget (server.read_rows_per_second, 1,000 rows/s by default; all
# callers together server.read_rows_per_second_total, 4,000), waiting out each 429's Retry-After as a client should.
# Every run has --baseline (Netty's hello world driven the same way right after it). The written target: the
# gateway's p99 with readers within 25% of its p99 without them; the summary prints both ratios (with/without
# readers, and each run's gateway/baseline) and how many lists were read.
# GATEWAY_JAVA_OPTS: the gateway JVM's flags (docs/PERFORMANCE.md runs it with -XX:+UseZGC -Xms1g -Xmx1g).
# One JSON + .hgrm per run in OUT_DIR, the summary in OUT_DIR/summary.txt. Used for docs/RELIABILITY.md.
# It builds the gateway and the load generator from the tree first (SKIP_BUILD=1 uses the jars already there).
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/heavy-reads.sh OUT_DIR [REPETITIONS]}
repetitions=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-1000}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-4}
readers=${READERS:-4}
port=${PORT:-18091}
. "$root/benchmarks/jars.sh"
mkdir -p "$out"
: > "$out/summary.txt"
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

# SERVER_YAML: settings added to the demo's server section, e.g. another read budget:
#   SERVER_YAML='read_rows_per_second: 1000' benchmarks/heavy-reads.sh /tmp/heavy-1000 3
sed -e 's/^server:$/server:\n  '"${SERVER_YAML:-}"'/' "$root/config/src/main/resources/io/ordergate/config/demo.yaml" \
  > "$work/gateway.yaml"
java ${GATEWAY_JAVA_OPTS:-} -jar "$root/gateway-http/target/ordergate.jar" --config "$work/gateway.yaml" --port "$port" \
  --data-dir "$work/data" > "$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.2
done

# Each reader is a client of its own (its own read-only key, so each has its own read budget,
# server.read_rows_per_second, and all share the gateway's, server.read_rows_per_second_total) on a keep-alive
# connection of its own, and behaves as a documented client does: on 429 it waits the Retry-After it was given
# (benchmarks/list_readers.py: one process for all the readers, not a curl per request).
for r in $(seq 1 "$readers"); do
  curl -sf -H "X-API-Key: $ORDERGATE_API_KEY" -H "X-API-Secret: $ORDERGATE_API_SECRET" -H 'Content-Type: application/json' \
    -d '{"scope":"read","account_ids":["paper-1"]}' "http://127.0.0.1:$port/api/v1/keys" > "$work/key-$r.json"
done
p99() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['gateway']['p99_us'])" "$1"; }
ratio() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['ratios']['p99'])" "$1"; }

for i in $(seq 1 "$repetitions"); do
  for mode in alone readers; do
    echo "== repetition $i, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt" >&2
    machine_mark "$work/machine"
    rm -f "$work"/reads-*.txt
    if [ "$mode" = readers ]; then
      touch "$work/reading"
      "$root/benchmarks/list_readers.py" "$port" "$work" "$readers" &
    fi
    java -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
      --warmup "$warmup" --connections "$connections" --baseline --json "$out/$mode-$i.json" \
      2> "$out/$mode-$i.progress.txt" | tee -a "$out/summary.txt"
    if [ "$mode" = readers ]; then
      rm -f "$work/reading"
      for reader in $(jobs -p); do [ "$reader" = "$gateway_pid" ] || wait "$reader" || true; done
      lists=$(cat "$work"/reads-*.txt | wc -l)
      full=$(cat "$work"/reads-*.txt | grep -c '^200 ' || true)
      limited=$(cat "$work"/reads-*.txt | grep -c '^429 ' || true)
      echo "readers: $readers loops asked $lists times for up to 1000 orders: $full lists read, $limited answered 429 (read budget)," \
        "$((lists - full - limited)) other, $(awk '$1 == 200 {s += $2} END {printf "%.0f", s / 1048576}' "$work"/reads-*.txt) MiB" \
        | tee -a "$out/summary.txt"
      echo "p99 with/without readers: $(python3 -c "print(round($(p99 "$out/readers-$i.json") / $(p99 "$out/alone-$i.json"), 3))")" \
        "(gateway/baseline p99 $(ratio "$out/alone-$i.json") alone, $(ratio "$out/readers-$i.json") with readers)" | tee -a "$out/summary.txt"
    fi
    echo "machine during the run: $(machine_since "$work/machine")" | tee -a "$out/summary.txt" >&2
  done
done

# The verdict: medians over the repetitions of the gateway's p99 with readers / without, raw and each divided by its
# run's baseline p99 (the machine's own move in the same moments).
python3 - "$out" "$repetitions" <<'VERDICT' | tee -a "$out/summary.txt"
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
def run(mode, i):
    return json.load(open(f"{out}/{mode}-{i}.json"))
raw = [run("readers", i)["gateway"]["p99_us"] / run("alone", i)["gateway"]["p99_us"] for i in range(1, n + 1)]
norm = [run("readers", i)["ratios"]["p99"] / run("alone", i)["ratios"]["p99"] for i in range(1, n + 1)]
verdict = "met" if statistics.median(raw) <= 1.25 else "NOT met"
print(f"verdict: order p99 with readers / without = {statistics.median(raw):.2f} (median of {n}; runs {', '.join(f'{r:.2f}' for r in raw)}),"
      f" normalised by the baseline {statistics.median(norm):.2f}; target <= 1.25: {verdict}")
VERDICT
