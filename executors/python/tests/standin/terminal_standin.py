#!/usr/bin/env python3
"""A STAND-IN for the EA terminal's terminal64.exe, for the agent's tests on Linux only: started with
/portable /config:"<file>.ini" as MetaTrader 5 is, it reads the [StartUp] section (Expert, Symbol), writes what it
"runs" to running.json beside the ini (the test reads it), and runs until it is ended, removing the file then."""
import configparser
import json
import os
import signal
import sys
import time


def main(argv):
    ini = next(a[len("/config:"):] for a in argv if a.startswith("/config:"))
    startup = configparser.ConfigParser(interpolation=None)
    startup.read(ini, encoding="utf-8")
    marker = os.path.join(os.path.dirname(ini), "running.json")
    with open(marker + ".tmp", "w", encoding="utf-8") as file:
        json.dump({"pid": os.getpid(), "expert": startup.get("StartUp", "Expert"),
                   "symbol": startup.get("StartUp", "Symbol"), "portable": "/portable" in argv}, file)
    os.replace(marker + ".tmp", marker)  # whole when it appears: the test reads it the moment it exists
    ended = []
    signal.signal(signal.SIGTERM, lambda _s, _f: ended.append(True))
    while not ended:
        time.sleep(0.05)
    os.remove(marker)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
