#!/usr/bin/env bash
# live.sh NAME JAR: a fresh demo gateway (ZGC 1 GB), two forced cycles after start-up; the live objects and the cycles' mark times
name=$1; jar=$2; out=/tmp/s21/live-$name; rm -rf $out; mkdir -p $out
java -XX:+UseZGC -Xms1g -Xmx1g -Xlog:gc*:file=$out/gc.log:uptime -jar $jar --port 18097 --data-dir $out/data > $out/gateway.log 2>&1 &
pid=$!
for i in $(seq 1 200); do curl -sf http://127.0.0.1:18097/health > /dev/null && break; sleep 0.3; done
sleep 5
for i in 1 2 3 4 5; do jcmd $pid GC.run > /dev/null; sleep 1; done
jmap -histo:live $pid > $out/histo-2.txt
kill $pid; wait $pid 2>/dev/null
echo "$name: $(tail -1 $out/histo-2.txt)"
grep -E 'Concurrent Mark [0-9.]+ms' $out/gc.log | tail -5 | sed 's/^/  /'
grep -E 'Garbage Collection \(System' $out/gc.log | tail -5 | sed 's/^/  /'
