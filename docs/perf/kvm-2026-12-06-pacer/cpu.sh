#!/bin/bash
# cpu.sh NAME [loadgen args...]: gateway (sims off) at 5k, no baseline; per-thread CPU of both JVMs over 10 s mid-run
name=$1; shift
cd "$(dirname "$0")/../../.."
export ORDERGATE_API_KEY=bench ORDERGATE_API_SECRET=bench-secret-0123456789abcdef
d=$(mktemp -d)
sed -e 's/^server:$/server:\n  warmup_orders: 20000/' -e 's/^\(  simulated_terminal:\) true/\1 false/' -e 's/^\(  simulated_exchange:\) true/\1 false/' config/src/main/resources/io/ordergate/config/demo.yaml > $d/g.yaml
java -XX:+UseZGC -XX:-ZProactive -Xms1g -Xmx1g -XX:PerMethodTrapLimit=0 -XX:PerBytecodeTrapLimit=0 -jar gateway-http/target/ordergate.jar --config $d/g.yaml --port 18080 --data-dir $d/data > /tmp/$name.gw.log 2>&1 &
gw=$!
for _ in $(seq 1 600); do curl -sf http://127.0.0.1:18080/health >/dev/null && break; sleep 0.2; done
java -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:18080 --rate 5000 --duration 25 --warmup 10 --connections 8 --json /tmp/$name.json "$@" > /tmp/$name.lg.txt 2>/dev/null &
lg=$!
sleep 1; lgpid=$(pgrep -f 'loadgen.jar --url http://127.0.0.1:18080' | head -1)
sleep 20
benchmarks/thread-cpu.sh $lgpid 10 > /tmp/$name.lg.cpu &
benchmarks/thread-cpu.sh $gw 10 > /tmp/$name.gw.cpu
wait $lg
kill $gw; wait $gw 2>/dev/null; rm -rf $d
echo "== $name generator (50,000 requests in 10 s)"; head -4 /tmp/$name.lg.cpu; tail -1 /tmp/$name.lg.cpu
echo "== $name gateway"; head -4 /tmp/$name.gw.cpu; tail -1 /tmp/$name.gw.cpu
