"""who.py TIMEHIST: for every scheduling delay over 1 ms of the generator's event loop, the gateway's event loop or
og-pipeline in `perf sched timehist -i perf.data` output, what ran on each vCPU between the wake-up and the switch-in
(ms per task@cpu), and the total per task over all such delays ("blame")."""
import collections,re,sys
rows=[]
for l in open(sys.argv[1]):
    p=l.split()
    if len(p)<6 or not re.match(r'^\d+\.\d+$',p[0]): continue
    try: wait,delay,run=float(p[-3]),float(p[-2]),float(p[-1])
    except: continue
    name=re.sub(r'\[\d+(/\d+)?\]','',' '.join(p[2:-3]))
    t=float(p[0])*1000
    rows.append((t-run,t,p[1],name,delay))
key=('loadgen-io-1-1','og-http-worker-','og-pipeline')
blame=collections.Counter(); n=0
for s,e,c,nm,dl in rows:
    if nm in key and dl>1.0:
        w=s-dl; n+=1
        ov=collections.Counter()
        for s2,e2,c2,nm2,_ in rows:
            if e2<w or s2>s: continue
            o=min(e2,s)-max(s2,w)
            if o>0: ov[(nm2,c2)]+=o
        if n<=12: print(f"{nm} on {c} delayed {dl:.2f} ms at {w:.1f}:", ', '.join(f"{a}@{b} {v:.2f}" for (a,b),v in ov.most_common(5)))
        for (a,b),v in ov.items(): blame[a]+=v
print(n,'delays; blame ms:',blame.most_common(12))
