#!/usr/bin/env bash
# Bytes each gateway thread allocates per order: a fresh gateway (ZGC 1 GB, proactive cycles off, a JFR recording from
# its start) under the load generator at RATE orders/s, then JFR's jdk.ThreadAllocationStatistics (exact bytes per
# thread) divided by the orders sent, warm-up included. Start-up allocates too (the collector warm-up's garbage is the
# main thread's), so read the rows of the threads that serve orders: og-http-worker-*, og-pipeline, og-fanout.
#
#   benchmarks/alloc-per-order.sh OUT_DIR [orders|executors]
#
# orders: the demo configuration, POST /api/v1/orders on paper-1. executors: docs/perf/executors/gateway.yaml with two
# simulated executors (--executors 2), each order routed to an executor's WebSocket and answered with a result and a
# trade report. Environment: RATE (3000), DURATION (25), WARMUP (5), PORT (18096). OUT_DIR gets the recording
# (rec.jfr), the allocation samples (alloc.json: jfr print --json --events jdk.ObjectAllocationSample), the
# generator's summary and the table.
# Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail
out=${1:?usage: benchmarks/alloc-per-order.sh OUT_DIR [orders|executors]}
mode=${2:-orders}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-3000}; duration=${DURATION:-25}; warmup=${WARMUP:-5}; port=${PORT:-18096}
mkdir -p "$out"
work=$(mktemp -d)
gateway_pid=
cleanup() { [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench} ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
config=(); generator=()
if [ "$mode" = executors ]; then
  config=(--config "$root/docs/perf/executors/gateway.yaml"); generator=(--executors 2)
fi
java -XX:+UseZGC -XX:-ZProactive -Xms1g -Xmx1g -XX:StartFlightRecording=settings=profile,filename="$out/rec.jfr" \
  -jar "$root/gateway-http/target/ordergate.jar" "${config[@]}" --port "$port" --data-dir "$work/data" > "$out/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.1; done
java -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
  --warmup "$warmup" --connections 8 "${generator[@]}" --json "$out/generator.json" > "$out/generator.txt" 2>&1
jcmd "$gateway_pid" JFR.dump name=1 filename="$out/rec.jfr" > /dev/null
kill "$gateway_pid"; wait "$gateway_pid" 2>/dev/null || true; gateway_pid=
jfr print --json --events jdk.ObjectAllocationSample --stack-depth 14 "$out/rec.jfr" > "$out/alloc.json"
jfr print --json --events jdk.ThreadAllocationStatistics "$out/rec.jfr" > "$work/threads.json"
python3 - "$work/threads.json" "$out/generator.json" "$rate" "$warmup" <<'PY' | tee "$out/per-order.txt"
import json, sys
events = json.load(open(sys.argv[1]))['recording']['events']
allocated = {}
for e in events:
    v = e['values']; thread = (v.get('thread') or {}).get('javaName', '?')
    allocated[thread] = max(allocated.get(thread, 0), v['allocated'])
generator = json.load(open(sys.argv[2])); gateway = generator.get('gateway', generator)
rate, warmup = float(sys.argv[3]), float(sys.argv[4])
# the generator's warm-up rises to the rate over its first four fifths and holds it over the last fifth
orders = gateway['sent'] + rate * warmup * (0.8 / 2 + 0.2)
print(f'{int(orders)} orders (warm-up included)')
for thread, bytes_ in sorted(allocated.items(), key=lambda item: -item[1])[:10]:
    print(f'{thread:32s} {bytes_ / 1e6:9.1f} MB  {bytes_ / orders:8.0f} B/order')
PY
