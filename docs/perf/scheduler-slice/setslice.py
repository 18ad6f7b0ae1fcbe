#!/usr/bin/env python3
# setslice.py PID SLICE_NS [NAME_REGEX]: SCHED_OTHER custom slice (sched_runtime) for the threads of PID
import ctypes, os, re, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
SYS_sched_setattr, SYS_sched_getattr = 314, 315
pid, slice_ns = int(sys.argv[1]), int(sys.argv[2])
pat = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
done = []
for tid in os.listdir(f'/proc/{pid}/task'):
    try:
        name = open(f'/proc/{pid}/task/{tid}/comm').read().strip()
    except OSError:
        continue
    if pat and not pat.search(name):
        continue
    # size, policy, flags, nice, priority, runtime, deadline, period
    attr = struct.pack('IIQiIQQQ', 48, 0, 0, 0, 0, slice_ns, 0, 0)
    buf = ctypes.create_string_buffer(attr, 48)
    r = libc.syscall(SYS_sched_setattr, int(tid), buf, 0)
    if r != 0:
        print(f'{tid} {name}: errno {ctypes.get_errno()}', file=sys.stderr)
    else:
        out = ctypes.create_string_buffer(48)
        libc.syscall(SYS_sched_getattr, int(tid), out, 48, 0)
        done.append(f'{name}={struct.unpack("IIQiIQQQ", out.raw)[5]}')
print(' '.join(done))
