#!/usr/bin/env python3
# sample.py PID SECONDS INTERVAL: per-thread CPU ticks (utime+stime) of PID every INTERVAL s; prints the threads that used >= 2 ticks in an interval
import os, sys, time
pid, secs, step = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
def snap():
    out = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            s = open(f"/proc/{pid}/task/{t}/stat").read()
            name = s[s.index('(')+1:s.rindex(')')]
            f = s[s.rindex(')')+2:].split()
            out[(t, name)] = int(f[11]) + int(f[12])
        except Exception:
            pass
    return out
start = time.time(); prev = snap()
while time.time() - start < secs:
    time.sleep(step)
    cur = snap(); now = time.time() - start
    busy = sorted(((v - prev.get(k, 0), k[1]) for k, v in cur.items() if v - prev.get(k, 0) >= 2), reverse=True)
    print(f"{now:6.1f} " + " ".join(f"{n}:{d}" for d, n in busy[:6]), flush=True)
    prev = cur
