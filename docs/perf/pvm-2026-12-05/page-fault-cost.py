# What the first write to an already cached page of a shared file mapping costs on this host (the journal writes
# through such a mapping): maps a 64 MB sparse file, reads it into the page cache, then times one byte written per
# page, and again once every page is mapped. Run: python3 page-fault-cost.py (writes and removes /tmp/page-fault-cost.dat).
import mmap, os, time
fn='/tmp/page-fault-cost.dat'; n=64*1024*1024
with open(fn,'wb') as f: f.truncate(n)
fd=os.open(fn, os.O_RDWR)
# warm page cache by reading
while os.read(fd, 1<<20): pass
m=mmap.mmap(fd, n, mmap.MAP_SHARED, mmap.PROT_READ|mmap.PROT_WRITE)
ts=[]
for off in range(0, n, 4096):
    t=time.perf_counter_ns(); m[off]=1; ts.append(time.perf_counter_ns()-t)
ts.sort(); k=len(ts)
print('pages',k,'p50',ts[k//2],'p90',ts[int(k*.9)],'p99',ts[int(k*.99)],'max',ts[-1],'mean',sum(ts)//k)
# already-mapped pages: second touch
ts=[]
for off in range(0, n, 4096):
    t=time.perf_counter_ns(); m[off]=2; ts.append(time.perf_counter_ns()-t)
ts.sort(); print('retouch p50',ts[k//2],'p99',ts[int(k*.99)])
os.unlink(fn)
