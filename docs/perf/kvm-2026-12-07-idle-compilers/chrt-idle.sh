#!/bin/bash
# idle.sh PID: SCHED_IDLE for the JVM's background threads (compilers, sweeper, periodic task)
for t in /proc/$1/task/*; do
  c=$(cat $t/comm 2>/dev/null)
  case "$c" in "C2 CompilerThre"*|"C1 CompilerThre"*|"Sweeper thread"|"VM Periodic Tas"*|"Monitor Deflati"*|"Common-Cleaner"|"Service Thread") chrt -i -p 0 ${t##*/} ;; esac
done
