#!/usr/bin/env bash
# Issue 15's open question: what the fan-out costs the cluster's engine thread. In the cluster form the fan-out's
# listeners (streams, outbound webhooks' bookkeeping, logs) run on the member's service thread after each command,
# where the single-node form keeps them on a thread of their own.
#
#   benchmarks/cluster-fanout.sh OUT_DIR [REPETITIONS]       (default 2; builds the gateway and load generator first)
#
# Three members on loopback (the demo's instruments and paper account, the demo quote feed on every member: 5 symbols
# every 250 ms each), then per repetition the load generator at RATE (1000)/s for DURATION (15) s after WARMUP (5) s
# on CONNECTIONS (8) connections against member 0, twice: without subscribers, then with SUBSCRIBERS (1000) user
# WebSockets subscribed to every symbol's quotes on member 0 (their own process, StreamSubscribers), every run with
# --baseline (Netty's hello world driven the same way right after), so each run's gateway/baseline ratio is taken at
# one moment of the machine. OUT_DIR/summary.txt ends with p50 and p99 with/without, raw and normalised by the
# baseline (medians over the repetitions). Used for docs/PERFORMANCE.md.
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/cluster-fanout.sh OUT_DIR [REPETITIONS]}
repetitions=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-1000}
duration=${DURATION:-15}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-8}
subscribers=${SUBSCRIBERS:-1000}
port=${PORT:-18190}
cluster_ports=${CLUSTER_PORTS:-29500}
. "$root/benchmarks/jars.sh"
mkdir -p "$out"
: > "$out/summary.txt"
work=$(mktemp -d)
export ORDERGATE_MASTER_KEY=${ORDERGATE_MASTER_KEY:-$(head -c 32 /dev/urandom | base64)}
jwt_secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')  # hex: base64's '/' broke the sed below
members=(); subscribers_pid=
stop() { if [ -n "$1" ]; then kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop "$subscribers_pid"; for pid in "${members[@]}"; do stop "$pid"; done; rm -rf "$work"; }
trap cleanup EXIT

for id in 0 1 2; do
  sed -e 's/^auth:$/auth:\n  jwt_secret: "'"$jwt_secret"'"\n  max_websockets_per_user: '"$((subscribers + 10))"'/' \
      -e 's/^server:$/server:\n  max_connections: '"$((subscribers + 1024))"'\n  max_unauthenticated_connections: '"$((subscribers + 64))"'\n  max_unauthenticated_per_address: '"$((subscribers + 64))"'/' \
      -e 's/^  simulated_terminal: true/  simulated_terminal: false/' -e 's/^  simulated_exchange: true.*/  simulated_exchange: false/' \
      "$root/config/src/main/resources/io/ordergate/config/demo.yaml" > "$work/node$id.yaml"
  printf 'cluster: { enabled: true, member_id: %d, members: [127.0.0.1, 127.0.0.1, 127.0.0.1], port_base: %d }\n' \
    "$id" "$cluster_ports" >> "$work/node$id.yaml"
  java -jar "$gateway_jar" --config "$work/node$id.yaml" --port "$((port + id))" --data-dir "$work/data$id" > "$work/node$id.log" 2>&1 &
  members+=($!)
done
for id in 0 1 2; do
  for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$((port + id))/health" > /dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$((port + id))/health" | tee -a "$out/summary.txt"; echo | tee -a "$out/summary.txt"
done
url="http://127.0.0.1:$port"

start_subscribers() {
  java -Xmx512m -cp "$loadgen_jar" io.ordergate.benchmarks.loadgen.StreamSubscribers --url "$url" --subscribers "$subscribers" > "$1" 2>&1 &
  subscribers_pid=$!
  for _ in $(seq 1 600); do
    grep -q '^ready:' "$1" && return 0
    kill -0 "$subscribers_pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$1" >&2; echo "the subscribers did not get ready" >&2; return 1
}

java -jar "$loadgen_jar" --url "$url" --rate "$rate" --duration 10 --warmup 0 --connections "$connections" \
  --json "$work/warm-up.json" > /dev/null 2>&1 || true
for i in $(seq 1 "$repetitions"); do
  for mode in none subscribers; do
    echo "== repetition $i, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt" >&2
    machine_mark "$work/machine"
    if [ "$mode" = subscribers ]; then
      start_subscribers "$out/$mode-$i.subscribers.txt"
      grep '^ready:' "$out/$mode-$i.subscribers.txt" | tee -a "$out/summary.txt"
    fi
    java -jar "$loadgen_jar" --url "$url" --rate "$rate" --duration "$duration" --warmup "$warmup" \
      --connections "$connections" --baseline --json "$out/$mode-$i.json" 2> "$out/$mode-$i.progress.txt" \
      | tee "$out/$mode-$i.txt" | tee -a "$out/summary.txt"
    if [ "$mode" = subscribers ]; then
      stop "$subscribers_pid"; subscribers_pid=
      grep '^subscribers:' "$out/$mode-$i.subscribers.txt" | tee -a "$out/summary.txt" || true
    fi
    echo "machine during the run: $(machine_since "$work/machine")" | tee -a "$out/summary.txt" >&2
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field_of() { awk -v k="$2" '/latency \(us/ { for (f = 1; f < NF; f++) if ($f == k) { print $(f + 1); exit } }' "$1"; }
ratio_of() { awk -v k="$2" '/^ratios gateway\/baseline:/ { for (f = 1; f < NF; f++) if ($f == k) { print $(f + 1); exit } }' "$1"; }
for mode in none subscribers; do
  for k in p50 p99; do
    for i in $(seq 1 "$repetitions"); do field_of "$out/$mode-$i.txt" "$k"; done | median > "$work/$mode.$k"
    for i in $(seq 1 "$repetitions"); do ratio_of "$out/$mode-$i.txt" "$k"; done | median > "$work/$mode.$k.ratio"
  done
done
for k in p50 p99; do
  awk -v k="$k" -v a="$(cat "$work/none.$k")" -v b="$(cat "$work/subscribers.$k")" -v ra="$(cat "$work/none.$k.ratio")" \
      -v rb="$(cat "$work/subscribers.$k.ratio")" -v n="$subscribers" -v reps="$repetitions" 'BEGIN {
    printf "cluster member 0, %s (medians of %d): %.0f us without, %.0f us with %d subscribers: with/without %.2f; normalised by the baseline (%.2f, %.2f): %.2f\n",
      k, reps, a, b, n, b / a, ra, rb, (ra > 0 ? rb / ra : 0)
  }' | tee -a "$out/summary.txt"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt"
