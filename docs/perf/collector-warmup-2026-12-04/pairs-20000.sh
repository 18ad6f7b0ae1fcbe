#!/usr/bin/env bash
# 20,000/s, 32 connections: main at 7bdcc8c (old), the collector warm-up (warm), and the warm-up with ZGC's proactive rule off (warm-np)
for i in "$@"; do
  for side in old warm warm-np; do
    root=/work/wt/lead; [ $side = old ] && root=/tmp/ci-1
    extra=""; [ $side = warm-np ] && extra="-XX:-ZProactive"
    GATEWAY_JAVA_OPTS="-XX:+UseZGC -Xms1g -Xmx1g $extra -Xlog:gc:file=/tmp/s22/p20/$side-$i-gc.log:uptime" DURATION=30 WARMUP=10 CONNECTIONS=32 \
      $root/benchmarks/perf-sweep.sh /tmp/s22/p20/$side-$i 20000 > /tmp/s22/p20/$side-$i.out 2>&1
  done
done
echo done > /tmp/s22/p20/DONE
