import json, sys, glob, re, os
# summary.py DIR: one row per run (NAME.json, NAME-gc.log): throughput, gateway p50/p99/p99.9 and the baseline's (us),
# ratios, the server's round trip p99, and every ZGC cycle with the gateway's uptime at its end
d = sys.argv[1]
for run in sorted(glob.glob(f'{d}/*.json')):
    name = os.path.basename(run)[:-5]
    j = json.load(open(run)); g, b, r = j['gateway'], j['baseline'], j['ratios']
    cycles = []
    for line in open(f'{d}/{name}-gc.log'):
        m = re.match(r'\[([0-9.]+)s\] GC\(\d+\) Garbage Collection \(([^)]*)\)', line)
        if m:
            cycles.append(f'{float(m.group(1)):.1f}s {m.group(2)}')
    print(f"| {name} | {g['throughput_per_s']:.0f} | {g['p50_us']:.0f} / {g['p99_us']:.0f} / {g['p999_us']:.0f} | {b['p99_us']:.0f} / {b['p999_us']:.0f} "
          f"| {r['p99']:.2f} | {r['p999']:.2f} | {g['round_trip_p99_us']:.0f} | {', '.join(cycles)} |")
