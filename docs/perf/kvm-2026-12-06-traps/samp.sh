#!/bin/bash
# samp.sh NAME [gateway java flags...]: 5,000/s for 30 s after 10 s on the lead jar, per-thread CPU sampled every 0.5 s
name=$1; shift
cd "$(git rev-parse --show-toplevel)"
export ORDERGATE_API_KEY=bench ORDERGATE_API_SECRET=bench-secret-0123456789abcdef
out=/tmp/og-samp/$name; mkdir -p $out; rm -rf /tmp/og-samp-data
java -XX:+UseZGC -XX:-ZProactive -Xms1g -Xmx1g -Xlog:gc:file=$out/gc.log:uptime "$@" -jar gateway-http/target/ordergate.jar --port 18080 --data-dir /tmp/og-samp-data > $out/gw.log 2>&1 &
gw=$!
for i in $(seq 100); do curl -sf http://127.0.0.1:18080/health >/dev/null && break; sleep 0.2; done
python3 docs/perf/kvm-2026-12-06-traps/sample.py $gw 45 0.5 > $out/threads.txt &
sp=$!
java -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:18080 --rate 5000 --duration 30 --warmup 10 --connections 8 --json $out/run.json > $out/run.txt 2>&1
wait $sp
kill $gw; wait $gw 2>/dev/null
rm -rf /tmp/og-samp-data
grep -E "p99" $out/run.txt | head -3
