#!/usr/bin/env bash
# alternating 5,000/s runs, the session's first jar (e3a78a4, built in /tmp/old) and main now (aebeca5)
#   pairs.sh 1 2 3; pairs.sh 4 5 6   (the run numbers of the pairs)
for i in "$@"; do
  for side in old new; do
    root=/work/wt/lead; [ $side = old ] && root=/tmp/old
    GATEWAY_JAVA_OPTS="-XX:+UseZGC -Xms1g -Xmx1g -Xlog:gc:file=/tmp/s21/pairs/$side-$i-gc.log:uptime" DURATION=30 WARMUP=10 \
      $root/benchmarks/perf-sweep.sh /tmp/s21/pairs/$side-$i 5000 > /tmp/s21/pairs/$side-$i.out 2>&1
  done
done
echo done > "/tmp/s21/pairs/DONE-$*"
