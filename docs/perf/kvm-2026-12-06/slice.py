import ctypes, os, struct, sys
# slice.py NS cmd...: run cmd with an EEVDF custom slice (sched_attr.sched_runtime for SCHED_OTHER, Linux 6.12+)
ns = int(sys.argv[1])
libc = ctypes.CDLL(None, use_errno=True)
attr = struct.pack('<IIQiIQQQII', 56, 0, 0, 0, 0, ns, 0, 0, 0, 0)
buf = ctypes.create_string_buffer(attr, 56)
r = libc.syscall(314, 0, buf, 0)
if r != 0:
    sys.exit('sched_setattr: ' + os.strerror(ctypes.get_errno()))
os.execvp(sys.argv[2], sys.argv[2:])
