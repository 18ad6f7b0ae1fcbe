#!/bin/bash
# ps.sh OUT RATE: fs.sh (../kvm-2026-12-06-generator-warmup) plus the kernel's view: `perf sched record` (run as root)
# from the gateway warm-up's 9th second for 12 s, and /proc/stat every 0.1 s from the generator's first progress line.
# Read with `perf sched timehist -i OUT/perf.data`: per switch-in, the wait, the scheduling delay and the run time (ms).
o=$(realpath -m "${1:?usage: ps.sh OUT RATE}"); rate=${2:-5000}
here=$(dirname "$0")
# both wait for fs.sh's progress file: fs.sh empties OUT first
( timeout 120 tail -F "$o/progress.txt" 2>/dev/null | grep -q -m1 'gateway warm-up   9s'
  perf sched record -o "$o/perf.data" -- sleep 12 > "$o/perf.log" 2>&1 ) &
( timeout 120 tail -F "$o/progress.txt" 2>/dev/null | grep -q -m1 'generator warm-up'
  for _ in $(seq 1 400); do echo "$(date +%s.%N | cut -c1-14) $(head -1 /proc/stat)"; sleep 0.1; done > "$o/stat.txt" ) &
"$here/../kvm-2026-12-06-generator-warmup/fs.sh" "$o" "$rate"
wait
