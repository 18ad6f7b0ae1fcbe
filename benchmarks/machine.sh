# What the machine did while a benchmark ran, for the benchmark scripts (sourced, not run). On a shared VM the
# hypervisor takes CPU time from the guest ("steal", /proc/stat's eighth CPU field): at 15-25% steal the tails of
# every run move by milliseconds whatever the code does, so each run says how much was taken while it ran. Some
# hosts report no steal and still stop the VM, or one vCPU of it, for up to 100 ms when it fills its CPUs (a quota:
# see docs/PERFORMANCE.md, "The PVM host's 100 ms stalls"), so a sleeper in its own JVM (HostStalls watch) counts the
# wake-ups that came over 50 ms late while the run ran (HOST_WATCH=off leaves it out). It sees only the stops that
# fall on its own vCPU: no stall there does not clear a run whose maximum is ~100 ms.
#
#   machine_mark FILE     remembers the CPU counters now and starts the sleeper
#   machine_since FILE    "load average L1 L5 L15, cpu steal S%, sleeper: stalls over 50 ms: N (worst W ms) in K
#                         wake-ups" since the mark (S: steal / all CPU time, both vCPUs)
#   machine_steal_since FILE    S alone (one decimal), for a script that judges it

# All CPU time and steal time so far, in clock ticks.
machine_cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9 }' /proc/stat; }

machine_jar="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/target/benchmarks.jar"

machine_mark() {
  machine_cpu_ticks > "$1"
  rm -f "$1.stalls"
  if [ "${HOST_WATCH:-on}" != off ] && [ -f "$machine_jar" ]; then
    # ends with the script if it stops before machine_since
    java -Xmx32m -cp "$machine_jar" io.ordergate.benchmarks.host.HostStalls watch --seconds 0 --while-alive $$ > "$1.stalls" 2>&1 &
    echo $! > "$1.stalls.pid"
  fi
}

# The sleeper's line since the mark (it is stopped), or nothing when none ran.
machine_stalls_since() {
  [ -f "$1.stalls.pid" ] || return 0
  local pid; pid=$(cat "$1.stalls.pid"); rm -f "$1.stalls.pid"
  kill "$pid" 2>/dev/null || true
  # not a child of this (sub)shell: wait for it to print its line and end
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if [ -s "$1.stalls" ]; then printf ', %s' "$(head -1 "$1.stalls" | cut -d' ' -f1-12)"; fi
}

machine_steal_since() {
  local total0 steal0 total1 steal1
  read -r total0 steal0 < "$1"
  read -r total1 steal1 < <(machine_cpu_ticks)
  awk -v t="$((total1 - total0))" -v s="$((steal1 - steal0))" 'BEGIN { printf "%.1f\n", (t > 0 ? 100 * s / t : 0) }'
}

machine_since() {
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg), cpu steal $(machine_steal_since "$1")%$(machine_stalls_since "$1")"
}
