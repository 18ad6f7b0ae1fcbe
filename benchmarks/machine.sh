# What the machine did while a benchmark ran, for the benchmark scripts (sourced, not run). On a shared VM the
# hypervisor takes CPU time from the guest ("steal", /proc/stat's eighth CPU field): at 15-25% steal the tails of
# every run move by milliseconds whatever the code does, so each run says how much was taken while it ran.
#
#   machine_mark FILE     remembers the CPU counters now
#   machine_since FILE    "load average L1 L5 L15, cpu steal S%" since the mark (S: steal / all CPU time, both vCPUs)
#   machine_steal_since FILE    S alone (one decimal), for a script that judges it

# All CPU time and steal time so far, in clock ticks.
machine_cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9 }' /proc/stat; }

machine_mark() { machine_cpu_ticks > "$1"; }

machine_steal_since() {
  local total0 steal0 total1 steal1
  read -r total0 steal0 < "$1"
  read -r total1 steal1 < <(machine_cpu_ticks)
  awk -v t="$((total1 - total0))" -v s="$((steal1 - steal0))" 'BEGIN { printf "%.1f\n", (t > 0 ? 100 * s / t : 0) }'
}

machine_since() {
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg), cpu steal $(machine_steal_since "$1")%"
}
