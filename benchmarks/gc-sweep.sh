#!/usr/bin/env bash
# Garbage collectors compared by their pauses: for each collector, start a fresh gateway (demo configuration, empty
# data dir, loopback) with that collector and -Xlog:gc,gc+phases, drive it with one load-generator run (no baseline:
# the pauses are the gateway's own), stop it, and count the stop-the-world pauses of its GC log from the moment the
# load generator started (warm-up included, start-up excluded). One gc-NAME.log,
# NAME.json and NAME.load per collector in OUT_DIR, and OUT_DIR/pauses.md (a Markdown table). Used for
# docs/PERFORMANCE.md, "Garbage collector".
#
#   benchmarks/gc-sweep.sh OUT_DIR [NAME ...]      (default: every NAME below)
#
# Environment: RATE (5000), DURATION (20), WARMUP (5), CONNECTIONS (8), PORT (18081), HEAP (1g: -Xms and -Xmx),
# JDK17 (java of JDK 17), JDK25 (a JDK 25 java; its runs are skipped when it is missing), GATEWAY_JAR and LOADGEN_JAR
# (default: the ones the build below leaves in target/).
# Needs: mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests
set -euo pipefail

out=${1:?usage: benchmarks/gc-sweep.sh OUT_DIR [NAME ...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
rate=${RATE:-5000}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
connections=${CONNECTIONS:-8}
port=${PORT:-18081}
heap=${HEAP:-1g}
jdk17=${JDK17:-java}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
gateway_jar=${GATEWAY_JAR:-$root/gateway-http/target/ordergate.jar}
loadgen_jar=${LOADGEN_JAR:-$root/benchmarks/target/loadgen.jar}
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}

# name | java | collector flags (beside -Xms/-Xmx HEAP)
collectors() {
  cat <<TABLE
g1-default|$jdk17|
g1-tuned|$jdk17|-XX:+UseG1GC -XX:MaxGCPauseMillis=5
parallel|$jdk17|-XX:+UseParallelGC
zgc|$jdk17|-XX:+UseZGC
shenandoah|$jdk17|-XX:+UseShenandoahGC
zgc-generational-jdk25|$jdk25|-XX:+UseZGC
g1-jdk25|$jdk25|-XX:+UseG1GC -XX:MaxGCPauseMillis=5
TABLE
}

mkdir -p "$out"
work=$(mktemp -d)
gateway_pid=
cleanup() { [ -n "$gateway_pid" ] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
wanted=" ${*:-} "
printf '| collector | java | flags | pauses | total ms | p50 ms | max ms | throughput/s | errors | load average |\n' > "$out/pauses.md"
printf '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n' >> "$out/pauses.md"

while IFS='|' read -r name java flags; do
  [ "$wanted" != "  " ] && [[ "$wanted" != *" $name "* ]] && continue
  if ! command -v "$java" > /dev/null; then echo "== $name: $java missing, skipped" >&2; continue; fi
  rm -rf "$work/data"
  heap_flags=""
  [ "$name" != g1-default ] && heap_flags="-Xms$heap -Xmx$heap"
  # shellcheck disable=SC2086  # the flags are words
  "$java" $heap_flags $flags "-Xlog:gc,gc+phases=info:file=$out/gc-$name.log:timemillis,uptime" \
    -jar "$gateway_jar" --port "$port" --data-dir "$work/data" > "$work/gateway-$name.log" 2>&1 &
  gateway_pid=$!
  ready=
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && ready=yes && break
    sleep 0.2
  done
  if [ -z "$ready" ]; then
    echo "== $name: the gateway did not become ready in 120 s, skipped" >&2
    kill "$gateway_pid"; wait "$gateway_pid" 2>/dev/null || true
    gateway_pid=
    continue
  fi
  cut -d' ' -f1-3 /proc/loadavg > "$out/$name.load"
  load_start_ms=$(date +%s%3N)
  echo "== $name ($java $flags; load average $(cat "$out/$name.load"))" >&2
  java -jar "$loadgen_jar" --url "http://127.0.0.1:$port" --rate "$rate" --duration "$duration" \
    --warmup "$warmup" --connections "$connections" --json "$out/$name.json" > "$out/$name.txt" 2> "$work/progress-$name.txt" || true
  kill "$gateway_pid"; wait "$gateway_pid" 2>/dev/null || true
  gateway_pid=
  # Every stop-the-world pause the log names ("Pause Young ... 3.1ms", "Pause Mark Start 0.01ms", "Pause Init Mark ...").
  # Lines start "[<uptime>s][<epoch ms>ms]"; only those from the load's start count.
  grep -E 'Pause' "$out/gc-$name.log" | awk -v from="$load_start_ms" '{split($1, d, "]\\["); if (d[2] + 0 >= from) print}' \
    | grep -oE '[0-9]+\.[0-9]+ms$' | tr -d 'ms' | sort -n > "$work/pauses" || true
  count=$(wc -l < "$work/pauses")
  total=$(awk '{s += $1} END {printf "%.1f", s}' "$work/pauses")
  p50=$(awk '{a[NR] = $1} END {if (NR) printf "%.3f", a[int((NR + 1) / 2)]; else print "-"}' "$work/pauses")
  max=$(tail -1 "$work/pauses" | awk '{printf "%.3f", $1}')
  throughput=$(grep -oE '"throughput_per_s" *: *[0-9.]+' "$out/$name.json" | head -1 | grep -oE '[0-9.]+$' || echo "?")
  errors=$(grep -oE '"errors" *: *[0-9]+' "$out/$name.json" | head -1 | grep -oE '[0-9]+$' || echo "?")
  printf '| %s | %s | `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$("$java" -version 2>&1 | head -1 | grep -oE '"[^"]+"' | tr -d '"')" \
    "${heap_flags:+$heap_flags }$flags" "$count" "$total" "$p50" "${max:--}" "$throughput" "$errors" "$(cat "$out/$name.load")" >> "$out/pauses.md"
done < <(collectors)
cat "$out/pauses.md"
