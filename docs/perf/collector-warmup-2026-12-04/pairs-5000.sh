#!/usr/bin/env bash
# alternating 5,000/s runs: main at 7bdcc8c (old, the CI clone's build) and the collector warm-up (new, the worktree's build)
rate=${RATE:-5000}
for i in "$@"; do
  for side in old new; do
    root=/work/wt/lead; [ $side = old ] && root=/tmp/ci-1
    GATEWAY_JAVA_OPTS="-XX:+UseZGC -Xms1g -Xmx1g -Xlog:gc:file=/tmp/s22/pairs/$side-$rate-$i-gc.log:uptime" DURATION=30 WARMUP=10 \
      $root/benchmarks/perf-sweep.sh /tmp/s22/pairs/$side-$rate-$i $rate > /tmp/s22/pairs/$side-$rate-$i.out 2>&1
  done
done
echo done > /tmp/s22/pairs/DONE-$rate
