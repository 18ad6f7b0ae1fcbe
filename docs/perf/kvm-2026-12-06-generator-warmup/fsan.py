# fsan.py OUT: events of both JVMs around the measured phase's first second (fs.sh output)
import sys, re, json, datetime
o = sys.argv[1]
def ts(line):
    m = re.match(r'\[(\d{4}-\d\d-\d\dT[\d:.]+)\+0000\]', line)
    if not m: return None
    return datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc).timestamp()
prog = [l.split(' ', 1) for l in open(f"{o}/progress.txt")]
first = next(float(t) for t, l in prog if re.match(r'\[gateway +1s\]', l))
start = first - 1.0
print(f"measured phase start ~{start:.3f}; progress:")
for t, l in prog:
    if start - 2 <= float(t) <= start + 4: print(f"  {float(t)-start:+.3f} {l.strip()[:110]}")
lo, hi = start - 0.3, start + 1.3
for name in ["gw-gc", "gw-sp", "gw-jit", "lg-gc", "lg-sp", "lg-jit"]:
    rows = []
    for line in open(f"{o}/{name}.log", errors="replace"):
        t = ts(line)
        if t is not None and lo <= t <= hi: rows.append(f"  {t-start:+.3f} {line[31:].rstrip()[:130]}")
    print(f"{name}: {len(rows)} lines in [-0.3, +1.3] s")
    for r in rows[:40]: print(r)
prev = None
print("gateway stages (max_us, count) per poll:")
for line in open(f"{o}/lat.txt"):
    t, body = line.split(' ', 1); t = float(t)
    if body.startswith('ERR'): continue
    st = json.loads(body)["stages"]
    cur = {k: (v["count"], v["max_us"], v["p999_us"]) for k, v in st.items()}
    if prev and lo - 1 <= t <= hi + 1:
        ch = {k: (cur[k][0] - prev[k][0], cur[k][1]) for k in cur if k in prev and (cur[k][1] != prev[k][1])}
        print(f"  {t-start:+.3f} max changed: {ch}")
    prev = cur
