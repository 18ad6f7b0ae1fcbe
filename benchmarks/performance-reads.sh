#!/usr/bin/env bash
# The order path while performance is read: a fresh gateway (demo configuration, empty data dir, loopback, ZGC 1 GB)
# takes 40 s of orders at 5,000/s on paper-1 (200,000 fills in its performance record), then 20 s at 5,000/s without
# and 20 s with a GET /api/v1/accounts/paper-1/performance every second beside them. Prints the load generator's
# latency lines for both and each read's time. Used for docs/PERFORMANCE.md ("Performance reads").
#
#   benchmarks/performance-reads.sh OUT_DIR [GATEWAY_JAR]      (default jar: gateway-http/target/ordergate.jar)
#
# Environment: PORT (18080). Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/performance-reads.sh OUT_DIR [GATEWAY_JAR]}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${2:-$root/gateway-http/target/ordergate.jar}
port=${PORT:-18080}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
mkdir -p "$out"
work=$(mktemp -d)
java -XX:+UseZGC -Xms1g -Xmx1g -jar "$jar" --port "$port" --data-dir "$work/data" > "$out/gateway.log" 2>&1 &
gateway_pid=$!
trap 'kill $gateway_pid 2>/dev/null; wait $gateway_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
  sleep 0.2
done

orders() {
  java -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate 5000 --connections 8 "$@" 2> /dev/null \
    | grep -E "throughput|latency"
}
read_once() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "X-API-Key: $ORDERGATE_API_KEY" -H "X-API-Secret: $ORDERGATE_API_SECRET" \
    "http://127.0.0.1:$port/api/v1/accounts/paper-1/performance"
}

orders --duration 40 --warmup 5 --json "$out/fill.json" | sed 's/^/filling: /'
echo "one read after filling (status, seconds): $(read_once)"
machine_mark "$work/machine"
orders --duration 20 --warmup 2 --flat-warmup --json "$out/no-reads.json" | sed 's/^/no reads: /'
echo "machine during the run: $(machine_since "$work/machine")"
machine_mark "$work/machine"
( sleep 3; for _ in $(seq 1 18); do read_once >> "$out/reads.txt"; sleep 1; done ) &
reader=$!
orders --duration 20 --warmup 2 --flat-warmup --json "$out/reads.json" | sed 's/^/a read every second: /'
wait "$reader"
echo "machine during the run: $(machine_since "$work/machine")"
echo "reads (seconds, sorted): $(sort -k2 -n "$out/reads.txt" | awk '{print $2}' | tr '\n' ' ')"
