import os, sys, time
pids = [int(p) for p in sys.argv[1].split(',')]; secs, step = float(sys.argv[2]), float(sys.argv[3])
def snap():
    out = {}
    for pid in pids:
        try: tids = os.listdir(f"/proc/{pid}/task")
        except Exception: continue
        for t in tids:
            try:
                s = open(f"/proc/{pid}/task/{t}/stat").read()
                name = s[s.index('(')+1:s.rindex(')')]
                f = s[s.rindex(')')+2:].split()
                out[(pid, t, name)] = int(f[11]) + int(f[12])
            except Exception: pass
    return out
start = time.time(); prev = snap()
while time.time() - start < secs:
    time.sleep(step)
    cur = snap(); now = time.time()
    busy = sorted(((v - prev.get(k, 0), f"{'G' if k[0]==pids[0] else 'L'}:{k[2]}") for k, v in cur.items() if v - prev.get(k, 0) >= 1), reverse=True)
    print(f"{now:.2f} " + " ".join(f"{n}:{d}" for d, n in busy[:8]), flush=True)
    prev = cur
