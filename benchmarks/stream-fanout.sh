#!/usr/bin/env bash
# The order path with and without 1,000 quote subscribers, measured in one session on one gateway (the demo
# configuration, its quote feed on, sockets per key raised), alternating runs so a busy machine hits both alike:
#
#   benchmarks/stream-fanout.sh OUT_DIR [REPETITIONS]        (default 3)
#
# Each repetition: loadgen at RATE (5000)/s for DURATION (20) s after WARMUP (5) s on CONNECTIONS (8) connections,
# once without subscribers, then once with --quote-subscribers SUBSCRIBERS (1000) user WebSockets subscribed to the
# quotes of all five demo symbols. Every run has --baseline (Netty's hello world driven the same way right after
# it), so each run's gateway/baseline p99 ratio is taken at one moment of the shared machine; compare those ratios,
# not absolute p99s. One JSON + .hgrm per run in OUT_DIR, the ratios in OUT_DIR/summary.txt. Used for
# docs/PERFORMANCE.md.
# Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail

out=${1:?usage: benchmarks/stream-fanout.sh OUT_DIR [REPETITIONS]}
repetitions=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-5000}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-8}
subscribers=${SUBSCRIBERS:-1000}
port=${PORT:-18090}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
mkdir -p "$out"
work=$(mktemp -d)
gateway_pid=
cleanup() { if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

# All the subscribers come from this one address and open at once: the unauthenticated-connection limits (256 per
# address, 512 in all, which keep idle sockets from locking clients out) and max_connections are raised to fit them.
sed -e 's/^auth:$/auth:\n  max_websockets_per_user: '"$((subscribers + 10))"'/' \
    -e 's/^server:$/server:\n  max_connections: '"$((subscribers + 1024))"'\n  max_unauthenticated_connections: '"$((subscribers + 64))"'\n  max_unauthenticated_per_address: '"$((subscribers + 64))"'/' \
    "$root/config/src/main/resources/io/ordergate/config/demo.yaml" > "$work/gateway.yaml"
java -jar "$root/gateway-http/target/ordergate.jar" --config "$work/gateway.yaml" --port "$port" --data-dir "$work/data" \
  > "$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.2
done

for i in $(seq 1 "$repetitions"); do
  for mode in none subscribers; do
    extra=()
    [ "$mode" = subscribers ] && extra=(--quote-subscribers "$subscribers")
    echo "== repetition $i, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt" >&2
    java -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
      --warmup "$warmup" --connections "$connections" --baseline "${extra[@]}" --json "$out/$mode-$i.json" \
      2> "$out/$mode-$i.progress.txt" | tee -a "$out/summary.txt"
    grep '^subscribers:' "$out/$mode-$i.progress.txt" | tee -a "$out/summary.txt" || true
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/summary.txt" >&2
  done
done
curl -s "http://127.0.0.1:$port/metrics" | grep '^ordergate_stream' | tee -a "$out/summary.txt"
