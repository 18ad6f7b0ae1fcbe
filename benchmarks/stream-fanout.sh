#!/usr/bin/env bash
# Issue 12's target, in one command: with 1,000 open subscribers receiving quotes, the order path's p99 at 5,000
# orders/s moves by at most 20%.
#
#   benchmarks/stream-fanout.sh OUT_DIR [REPETITIONS]        (default 3; builds the gateway and load generator first)
#
# One demo gateway (its quote feed on: 5 symbols every 250 ms; sockets per key and connection limits raised for the
# subscribers), warmed up by a first 10 s run whose numbers are not kept. Each repetition runs the load generator at
# RATE (5000)/s for DURATION (20) s after WARMUP (5) s on CONNECTIONS (8) connections three times: without
# subscribers ("none"); with SUBSCRIBERS (1000) user WebSockets subscribed to the quotes of all five symbols, held open
# by a process of their own (io.ordergate.benchmarks.loadgen.StreamSubscribers) run at the idle scheduling class
# (`chrt --idle 0`: it gets only CPU time the gateway and the generator leave, as clients on other machines would take
# none) ("idle"); and with the same process at normal priority, competing for the two vCPUs ("normal"). The gateway
# serves both alike: its fan-out, stream loop and the kernel's loopback delivery run at normal priority either way.
# MODES (default "none idle normal") picks and orders the modes. Every run has --baseline (Netty's hello world driven
# the same way right after it), so each run's gateway/baseline p99 ratio is taken at one moment of the machine. Runs
# alternate so a machine that gets busier hits every mode alike. One JSON + .hgrm + .txt per run in OUT_DIR;
# OUT_DIR/summary.txt ends with the verdicts: p99 with subscribers / p99 without (medians over the repetitions), raw
# and normalised by the baseline's p99, for each mode with subscribers. Used for docs/PERFORMANCE.md.
# GATEWAY_JAVA_OPTS: the gateway JVM's flags (docs/PERFORMANCE.md runs it with -XX:+UseZGC -Xms1g -Xmx1g).
set -euo pipefail
. "$(dirname "$0")/machine.sh"

out=${1:?usage: benchmarks/stream-fanout.sh OUT_DIR [REPETITIONS]}
repetitions=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-5000}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-8}
subscribers=${SUBSCRIBERS:-1000}
modes=${MODES:-none idle normal}
# A run during which the hypervisor took more than this share of the CPU (machine.sh) measured the host, not the
# gateway: the verdicts then say "not judged" instead of met or not. STOP_ON_STEAL=1 ends the window at the first such
# run (exit 3) instead of spending the rest of it on numbers that cannot be judged.
steal_limit=${STEAL_LIMIT:-2}
stop_on_steal=${STOP_ON_STEAL:-0}
for mode in $modes; do
  case $mode in none|idle|normal) ;; *) echo "MODES: $mode is not one of none, idle, normal" >&2; exit 2 ;; esac
done
case " $modes " in *" none "*) ;; *) echo "MODES must include none (the runs the others are compared with)" >&2; exit 2 ;; esac
port=${PORT:-18090}
. "$root/benchmarks/jars.sh"
mkdir -p "$out"
: > "$out/summary.txt"
work=$(mktemp -d)
gateway_pid=
subscribers_pid=
stop() { if [ -n "$1" ]; then kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop "$subscribers_pid"; stop "$gateway_pid"; rm -rf "$work"; }
trap cleanup EXIT

# All the subscribers come from this one address and open at once: the unauthenticated-connection limits (256 per
# address, 512 in all, which keep idle sockets from locking clients out) and max_connections are raised to fit them.
sed -e 's/^auth:$/auth:\n  max_websockets_per_user: '"$((subscribers + 10))"'/' \
    -e 's/^server:$/server:\n  max_connections: '"$((subscribers + 1024))"'\n  max_unauthenticated_connections: '"$((subscribers + 64))"'\n  max_unauthenticated_per_address: '"$((subscribers + 64))"'/' \
    "$root/config/src/main/resources/io/ordergate/config/demo.yaml" > "$work/gateway.yaml"
# GATEWAY_YAML: more configuration appended (sections the demo has not), e.g. to compare the quote pacing off:
#   GATEWAY_YAML=$'streams:\n  quote_turn_micros: 0' benchmarks/stream-fanout.sh /tmp/fanout-unpaced 3
if [ -n "${GATEWAY_YAML:-}" ]; then printf '%s\n' "$GATEWAY_YAML" >> "$work/gateway.yaml"; fi
java ${GATEWAY_JAVA_OPTS:-} -jar "$gateway_jar" --config "$work/gateway.yaml" --port "$port" --data-dir "$work/data" > "$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.2
done

# Starts the subscribers' process (at the idle scheduling class when $2 is idle) and waits (up to 60 s) until every
# socket has its snapshots.
start_subscribers() {
  local policy=()
  if [ "$2" = idle ]; then policy=(chrt --idle 0); fi
  "${policy[@]}" java -Xmx512m -cp "$loadgen_jar" io.ordergate.benchmarks.loadgen.StreamSubscribers --url "http://127.0.0.1:$port" \
    --subscribers "$subscribers" > "$1" 2>&1 &
  subscribers_pid=$!
  for _ in $(seq 1 300); do
    grep -q '^ready:' "$1" && return 0
    kill -0 "$subscribers_pid" 2>/dev/null || break
    sleep 0.2
  done
  cat "$1" >&2
  echo "the subscribers did not get ready" >&2
  return 1
}

# One run first whose numbers are thrown away: the gateway just started, and its JIT warms up on it (on a busy machine
# the generator's own warm-up of WARMUP seconds was not enough for the first run).
java -jar "$loadgen_jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration 10 --warmup 0 --connections "$connections" \
  --json "$work/warm-up.json" > /dev/null 2>&1 || true

for i in $(seq 1 "$repetitions"); do
  for mode in $modes; do
    echo "== repetition $i, $mode (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/summary.txt" >&2
    machine_mark "$work/machine"
    if [ "$mode" != none ]; then
      start_subscribers "$out/$mode-$i.subscribers.txt" "$mode"
      grep '^ready:' "$out/$mode-$i.subscribers.txt" | tee -a "$out/summary.txt"
    fi
    java -jar "$loadgen_jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" --warmup "$warmup" \
      --connections "$connections" --baseline --json "$out/$mode-$i.json" 2> "$out/$mode-$i.progress.txt" \
      | tee "$out/$mode-$i.txt" | tee -a "$out/summary.txt"
    if [ "$mode" != none ]; then
      stop "$subscribers_pid"
      subscribers_pid=
      grep '^subscribers:' "$out/$mode-$i.subscribers.txt" | tee -a "$out/summary.txt" || true
    fi
    run_steal=$(machine_steal_since "$work/machine")
    echo "machine during the run: $(machine_since "$work/machine")" | tee -a "$out/summary.txt" >&2
    echo "$run_steal" >> "$work/steal"
    if [ "$stop_on_steal" = 1 ] && awk -v s="$run_steal" -v l="$steal_limit" 'BEGIN { exit !(s + 0 > l + 0) }'; then
      echo "stopped: CPU steal $run_steal% in $mode-$i, above STEAL_LIMIT $steal_limit% (STOP_ON_STEAL=1): no verdict" | tee -a "$out/summary.txt" >&2
      exit 3
    fi
  done
done
curl -s "http://127.0.0.1:$port/metrics" | grep '^ordergate_stream' | tee -a "$out/summary.txt" || true

# Per run: the gateway's p99 (the first latency line) and the p99 ratio to the baseline; medians per mode; the verdict.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
p99_of() { awk '/latency \(us/ { for (f = 1; f < NF; f++) if ($f == "p99") { print $(f + 1); exit } }' "$1"; }
ratio_of() { awk '/^ratios gateway\/baseline:/ { for (f = 1; f < NF; f++) if ($f == "p99") { print $(f + 1); exit } }' "$1"; }
for mode in $modes; do
  for i in $(seq 1 "$repetitions"); do p99_of "$out/$mode-$i.txt"; done | median > "$work/$mode.p99"
  for i in $(seq 1 "$repetitions"); do ratio_of "$out/$mode-$i.txt"; done | median > "$work/$mode.ratio"
done
for mode in $modes; do
  [ "$mode" = none ] && continue
  case $mode in
    idle) what="subscribers at the idle scheduling class (as clients elsewhere: the target's reading)" ;;
    *) what="subscribers at normal priority (their process competing for the same vCPUs)" ;;
  esac
  awk -v p0="$(cat "$work/none.p99")" -v p1="$(cat "$work/$mode.p99")" -v r0="$(cat "$work/none.ratio")" \
      -v r1="$(cat "$work/$mode.ratio")" -v n="$subscribers" -v reps="$repetitions" -v what="$what" \
      -v steal="$(sort -g "$work/steal" | tail -1)" -v limit="$steal_limit" 'BEGIN {
    if (steal + 0 > limit + 0) judged = sprintf("not judged (CPU steal up to %.1f%% in a run, above STEAL_LIMIT %s%%)", steal, limit)
    else judged = (p1 / p0 <= 1.2 && r1 / r0 <= 1.2) ? "met" : "NOT met"
    printf "verdict, %s (medians of %d repetitions): gateway p99 %.0f us without, %.0f us with %d subscribers: with/without %.2f;\n", what, reps, p0, p1, n, p1 / p0
    printf "  normalised by the baseline (p99 ratio gateway/baseline %.2f without, %.2f with): with/without %.2f; target <= 1.20: %s\n",
      r0, r1, r1 / r0, judged

  }' | tee -a "$out/summary.txt"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (on a busy machine tails measure the machine: compare on a quiet one)" | tee -a "$out/summary.txt"
