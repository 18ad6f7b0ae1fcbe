#!/usr/bin/env bash
# CPU time each thread of a running process used over a window: where a gateway (or the load generator, or the
# baseline server) spends its cores while a load runs. Divide by the requests answered in the window for the cost
# per request (docs/PERFORMANCE.md, "On an AMD EPYC host").
#
#   benchmarks/thread-cpu.sh PID SECONDS
#
# Prints "user_ms system_ms thread" for the eight busiest threads, then the process total in cores. From
# /proc/PID/task/*/stat (utime and stime, fields 14 and 15); threads that start or end inside the window are left out.
set -euo pipefail

pid=${1:?usage: benchmarks/thread-cpu.sh PID SECONDS}
seconds=${2:?usage: benchmarks/thread-cpu.sh PID SECONDS}
ticks_per_second=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per thread: tid utime stime name (spaces in names made underscores, so join and awk see four fields).
snapshot() {
  local task stat name
  for task in /proc/"$pid"/task/*; do
    stat=$(cat "$task/stat" 2> /dev/null) || continue
    name=$(tr ' ' '_' < "$task/comm")
    # The name in stat is in parentheses and may hold spaces: the fields counted from after its ") ".
    read -r -a fields <<< "${stat##*) }"
    echo "${task##*/} ${fields[11]} ${fields[12]} $name"
  done | sort
}

snapshot > "$work/before"
sleep "$seconds"
snapshot > "$work/after"
join "$work/before" "$work/after" | awk -v hz="$ticks_per_second" -v s="$seconds" '
  BEGIN { busiest = "sort -k1,1nr -k2,2nr | head -8" }
  { usr = ($5 - $2) * 1000 / hz; sys = ($6 - $3) * 1000 / hz; total_user += usr; total_system += sys
    printf "%8.0f %8.0f %s\n", usr, sys, $4 | busiest }
  END { close(busiest)
        printf "total user %.0f ms, system %.0f ms over %d s = %.2f cores\n", total_user, total_system, s, (total_user + total_system) / 1000 / s }'
