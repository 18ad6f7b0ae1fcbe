#!/bin/bash
# ps.sh OUT RATE: fs.sh (../kvm-2026-12-06-generator-warmup) plus the kernel's view: `perf sched record` (run as root)
# from the gateway warm-up's 9th second for 12 s, and /proc/stat every 0.1 s. Read with
# `perf sched timehist -i OUT/perf.data`: per switch-in, the wait, the scheduling delay and the run time (ms).
o=$(realpath -m "$1"); rate=${2:-5000}; rm -rf $o; mkdir -p $o
cd "$(dirname "$0")/../../.."
export ORDERGATE_API_KEY=bench ORDERGATE_API_SECRET=bench-secret-0123456789abcdef
d=$(mktemp -d)
sed -e 's/^server:$/server:\n  warmup_orders: 20000/' -e 's/^\(  simulated_terminal:\) true/\1 false/' -e 's/^\(  simulated_exchange:\) true/\1 false/' config/src/main/resources/io/ordergate/config/demo.yaml > $d/g.yaml
java -XX:+UseZGC -XX:-ZProactive -Xms1g -Xmx1g -XX:PerMethodTrapLimit=0 -XX:PerBytecodeTrapLimit=0 -Xlog:gc*:file=$o/gw-gc.log:time -Xlog:jit+compilation=debug:file=$o/gw-jit.log:time -Xlog:safepoint:file=$o/gw-sp.log:time -jar gateway-http/target/ordergate.jar --config $d/g.yaml --port 18080 --data-dir $d/data > $o/gw.log 2>&1 &
gw=$!
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:18080/health >/dev/null && break; sleep 0.2; done
python3 - $o/lat.txt <<'P' &
import sys, time, urllib.request
req = urllib.request.Request("http://127.0.0.1:18080/api/v1/latency", headers={"X-API-Key": "bench", "X-API-Secret": "bench-secret-0123456789abcdef"})
with open(sys.argv[1], "w") as f:
    for _ in range(300):
        try: f.write(f"{time.time():.3f} " + urllib.request.urlopen(req, timeout=2).read().decode() + "\n"); f.flush()
        except Exception as e: f.write(f"{time.time():.3f} ERR {e}\n")
        time.sleep(0.2)
P
poll=$!
( timeout 120 tail -F $o/progress.txt 2>/dev/null | grep -q -m1 'gateway warm-up   9s'; perf sched record -o $o/perf.data -- sleep 12 > $o/perf.log 2>&1 ) &
( for i in $(seq 1 400); do echo "$(date +%s.%N | cut -c1-14) $(head -1 /proc/stat)"; sleep 0.1; done > $o/stat.txt ) &
java ${LG_OPTS:-} -Xlog:gc*:file=$o/lg-gc.log:time -Xlog:jit+compilation=debug:file=$o/lg-jit.log:time -Xlog:safepoint:file=$o/lg-sp.log:time -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:18080 --rate $rate --duration 10 --warmup 10 --connections 8 --json $o/run.json > $o/run.txt 2> >(python3 -u docs/perf/kvm-2026-12-06-warmer/stamp.py > $o/progress.txt)
kill $poll 2>/dev/null
kill $gw; wait $gw 2>/dev/null; rm -rf $d
grep -h 'latency' $o/run.txt
