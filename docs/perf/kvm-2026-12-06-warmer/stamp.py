import sys, time
for line in sys.stdin:
    sys.stdout.write(f"{time.time():.2f} {line}"); sys.stdout.flush()
