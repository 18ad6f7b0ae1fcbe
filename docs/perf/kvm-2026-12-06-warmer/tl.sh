#!/bin/bash
# tl.sh OUT_DIR: a gateway without the demo's simulators; the generator at 5,000/s with its progress stamped on the
# wall clock; both JVMs' per-thread CPU every 0.1 s (samp2.py). Run from anywhere after the package build.
o=$(realpath -m "${1:?usage: tl.sh OUT_DIR}"); mkdir -p "$o"
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
export ORDERGATE_API_KEY=bench ORDERGATE_API_SECRET=bench-secret-0123456789abcdef
d=$(mktemp -d)
sed -e 's/^server:$/server:\n  warmup_orders: 20000/' -e 's/^\(  simulated_terminal:\) true/\1 false/' -e 's/^\(  simulated_exchange:\) true/\1 false/' config/src/main/resources/io/ordergate/config/demo.yaml > $d/g.yaml
java -XX:+UseZGC -XX:-ZProactive -Xms1g -Xmx1g -XX:PerMethodTrapLimit=0 -XX:PerBytecodeTrapLimit=0 -XX:+PrintCompilation -jar gateway-http/target/ordergate.jar --config $d/g.yaml --port 18080 --data-dir $d/data > $o/gw.log 2>&1 &
gw=$!
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:18080/health >/dev/null && break; sleep 0.2; done
java -XX:PerMethodTrapLimit=0 -XX:PerBytecodeTrapLimit=0 -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:18080 --rate 5000 --duration 30 --warmup 10 --connections 8 --json $o/run.json > $o/run.txt 2> >(python3 -u "$here/stamp.py" > $o/progress.txt) &
lg=$!
sleep 0.5
python3 "$here/samp2.py" $gw,$(pgrep -f 'loadgen.jar --url http://127.0.0.1:18080' | head -1) 42 0.1 > $o/threads.txt &
wait $lg; sleep 1
kill $gw; wait $gw 2>/dev/null; rm -rf $d
grep -h 'latency' $o/run.txt
