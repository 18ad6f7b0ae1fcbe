#!/usr/bin/env bash
# The order path while performance is read: a fresh gateway (demo configuration, empty data dir, loopback, ZGC 1 GB)
# takes 40 s of orders at 5,000/s on paper-1 (200,000 fills in its performance record), then 20 s at 5,000/s without
# and 20 s with a GET /api/v1/accounts/paper-1/performance every READ_INTERVAL seconds beside them (0: one read after
# another, a client reading in a loop). Prints the load generator's latency lines for both and the reads' times. Used
# for docs/PERFORMANCE.md ("Performance reads").
#
#   benchmarks/performance-reads.sh OUT_DIR [GATEWAY_JAR]      (default jar: gateway-http/target/ordergate.jar)
#
# Environment: PORT (18080), READ_INTERVAL (1), READS_CPU_PCT (server.performance_reads_cpu_pct; default: the demo
# configuration's). Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/performance-reads.sh OUT_DIR [GATEWAY_JAR]}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${2:-$root/gateway-http/target/ordergate.jar}
port=${PORT:-18080}
interval=${READ_INTERVAL:-1}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
mkdir -p "$out"
work=$(mktemp -d)
config_args=()
if [ -n "${READS_CPU_PCT:-}" ]; then
  sed -e 's/^server:$/server:\n  performance_reads_cpu_pct: '"$READS_CPU_PCT"'/' \
    "$root/config/src/main/resources/io/ordergate/config/demo.yaml" > "$work/gateway.yaml"
  config_args=(--config "$work/gateway.yaml")
fi
java -XX:+UseZGC -Xms1g -Xmx1g -jar "$jar" "${config_args[@]}" --port "$port" --data-dir "$work/data" > "$out/gateway.log" 2>&1 &
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
# reads from 3 s into the run until 2 s before its end
( deadline=$((SECONDS + 20)); sleep 3; while [ "$SECONDS" -lt "$deadline" ]; do read_once >> "$out/reads.txt"; sleep "$interval"; done ) &
reader=$!
orders --duration 20 --warmup 2 --flat-warmup --json "$out/reads.json" | sed 's/^/with reads: /'
wait "$reader"
echo "machine during the run: $(machine_since "$work/machine")"
sort -k2 -n "$out/reads.txt" | awk '{status[$1]++; t[NR] = $2} END {printf "reads: %d (", NR; for (s in status) printf "%s: %d ", s, status[s];
  printf "), seconds: min %s, median %s, max %s\n", t[1], t[int((NR + 1) / 2)], t[NR]}'
