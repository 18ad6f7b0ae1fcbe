#!/usr/bin/env bash
# Rate sweep: for each rate, start a fresh gateway (demo configuration, empty data dir, loopback), drive it with the
# load generator in --baseline mode (gateway run, then Netty's hello-world server in its own process, same rate and
# connections), stop it. One JSON + .hgrm + .svg + the gateway's log per rate in OUT_DIR. Used for docs/PERFORMANCE.md.
#
#   benchmarks/perf-sweep.sh OUT_DIR [RATE ...]            (default rates: 1000 5000 10000)
#
# Environment: WAIT_STRATEGY (pipeline.wait_strategy for the gateway: blocking|sleeping|yielding|busy-spin;
# default: the demo configuration's, i.e. blocking), YIELD_WINDOW_US (pipeline.yield_window_us; default the demo's),
# PUBLISHERS_RUN_STAGES (pipeline.publishers_run_stages: true|false; default the demo's), EVENT_LOOP_THREADS
# (server.event_loop_threads; default the demo's, 1),
# WARMUP_ORDERS (server.warmup_orders: orders a scratch gateway takes before the gateway starts, so its JIT is warm;
# default 0), DIRECT_REPLIES (server.direct_replies: false hands every answer to the event loop; default true),
# TRANSPORT (server.transport: auto|nio|epoll; default auto, i.e. NIO with direct replies), SIMULATORS (false: the
# demo's in-process simulated MT5 terminal and exchanges off, as in a deployment, whose venues are other processes;
# default the demo's, on), DURATION (10), WARMUP (3), CONNECTIONS (8), PORT (18080),
# GATEWAY_JAVA_OPTS (the gateway JVM's flags, e.g. its collector: see docs/PERFORMANCE.md, "Garbage collector"),
# LOADGEN_JAVA_OPTS (the generator JVM's flags), PACER (the generator's --pacer: loop|thread; default loop where
# Netty's epoll loads; thread = the generator before 2026-12-06), GATEWAY_JAVA (the gateway's java, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; the generator and the baseline
# keep the java on the PATH).
# Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/perf-sweep.sh OUT_DIR [RATE ...]}
shift
rates=${*:-1000 5000 10000}
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-10}
warmup=${WARMUP:-3}
connections=${CONNECTIONS:-8}
port=${PORT:-18080}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
mkdir -p "$out"
work=$(mktemp -d)
gateway_pid=
cleanup() { [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

config_args=()
if [ -n "${WAIT_STRATEGY:-}" ] || [ -n "${YIELD_WINDOW_US:-}" ] || [ -n "${PUBLISHERS_RUN_STAGES:-}" ] || [ -n "${EVENT_LOOP_THREADS:-}" ] || [ -n "${WARMUP_ORDERS:-}" ] || [ -n "${DIRECT_REPLIES:-}" ] || [ -n "${TRANSPORT:-}" ] || [ -n "${SIMULATORS:-}" ]; then
  { sed -e 's/^server:$/server:\n  warmup_orders: '"${WARMUP_ORDERS:-0}"'\n  direct_replies: '"${DIRECT_REPLIES:-true}"'\n  transport: '"${TRANSPORT:-auto}"'\n  event_loop_threads: '"${EVENT_LOOP_THREADS:-1}"'/' \
      -e 's/^\(  simulated_terminal:\) true/\1 '"${SIMULATORS:-true}"'/' -e 's/^\(  simulated_exchange:\) true/\1 '"${SIMULATORS:-true}"'/' \
      "$root/config/src/main/resources/io/ordergate/config/demo.yaml"
    if [ -n "${WAIT_STRATEGY:-}${YIELD_WINDOW_US:-}${PUBLISHERS_RUN_STAGES:-}" ]; then
      printf '\npipeline:\n  wait_strategy: %s\n' "${WAIT_STRATEGY:-blocking}"
      if [ -n "${YIELD_WINDOW_US:-}" ]; then printf '  yield_window_us: %s\n' "$YIELD_WINDOW_US"; fi
      if [ -n "${PUBLISHERS_RUN_STAGES:-}" ]; then printf '  publishers_run_stages: %s\n' "$PUBLISHERS_RUN_STAGES"; fi
    fi; } > "$work/gateway.yaml"
  config_args=(--config "$work/gateway.yaml")
fi

for rate in $rates; do
  rm -rf "$work/data"
  # shellcheck disable=SC2086  # the options are words
  "${GATEWAY_JAVA:-java}" ${GATEWAY_JAVA_OPTS:-} -jar "$root/gateway-http/target/ordergate.jar" "${config_args[@]}" --port "$port" --data-dir "$work/data" \
    > "$work/gateway-$rate.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 1 600); do  # up to 2 min: a start-up warm-up (WARMUP_ORDERS) comes before the port opens
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 0.2
  done
  echo "== rate $rate/s (gateway pid $gateway_pid, load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  machine_mark "$work/machine"
  java ${LOADGEN_JAVA_OPTS:-} -jar "$root/benchmarks/target/loadgen.jar" --url "http://127.0.0.1:$port" --rate "$rate" \
    --duration "$duration" --warmup "$warmup" --connections "$connections" --baseline ${PACER:+--pacer "$PACER"} \
    --json "$out/rate-$rate.json" 2> "$out/rate-$rate.progress.txt" | tee "$out/rate-$rate.txt"
  echo "machine during the run: $(machine_since "$work/machine")" | tee -a "$out/rate-$rate.txt" >&2
  kill "$gateway_pid"; wait "$gateway_pid" 2>/dev/null || true
  cp "$work/gateway-$rate.log" "$out/rate-$rate.gateway.log"  # what the gateway printed (with -XX:+PrintCompilation, its compiles)
  gateway_pid=
done
