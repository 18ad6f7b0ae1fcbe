#!/usr/bin/env bash
cd /work/wt/lead
run() { name=$1; java=$2; opts=$3; rate=$4
  GATEWAY_JAVA=$java GATEWAY_JAVA_OPTS="$opts -Xlog:gc:file=/tmp/heap/$name-gc.log:uptime" DURATION=30 WARMUP=10 CONNECTIONS=32 \
    benchmarks/perf-sweep.sh /tmp/heap/$name $rate > /tmp/heap/$name.out 2>&1
}
J17=java; J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
for i in 1 2; do
  run z17-1g-$i $J17 "-XX:+UseZGC -Xms1g -Xmx1g" 20000
  run z17-8g-$i $J17 "-XX:+UseZGC -Xms8g -Xmx8g -XX:-ZProactive -XX:+AlwaysPreTouch" 20000
  run z25-8g-$i $J25 "-XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch" 20000
done
echo done > /tmp/heap/DONE
