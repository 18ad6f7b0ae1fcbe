#!/usr/bin/env python3
"""Set an EEVDF slice (sched_runtime, ns) on a process's threads whose names start with the given prefixes."""
import ctypes, os, struct, sys
pid, slice_ns, prefixes = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
libc = ctypes.CDLL(None, use_errno=True)
done = []
for tid in os.listdir(f"/proc/{pid}/task"):
    name = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
    if not any(name.startswith(p) for p in prefixes):
        continue
    attr = struct.pack("IIQiIQQQII", 56, 0, 0, 0, 0, slice_ns, 0, 0, 0, 0)
    buf = ctypes.create_string_buffer(attr, 56)
    if libc.syscall(314, int(tid), buf, 0) != 0:
        print("failed", tid, name, os.strerror(ctypes.get_errno()))
    else:
        done.append(name)
print("slice", slice_ns, "on", sorted(done))
