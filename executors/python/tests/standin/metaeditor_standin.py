#!/usr/bin/env python3
"""A STAND-IN for MetaEditor64.exe, for the agent's tests on Linux only (MetaEditor runs on Windows): its documented
command line, /compile:"<file>.mq5" /log:"<file>.log", writes <file>.ex5 and a UTF-16 log ending in MetaEditor's
"Result: N errors, M warnings" line. It does not compile MQL5: the "EX5" is a marked header and the source's SHA-256
(the same source always gives the same bytes, so a test can check what the gateway stored), and a source without an
OnTick handler fails, as MetaEditor's would for an EA."""
import hashlib
import os
import sys

MAGIC = b"EX5\x00STANDIN-NOT-COMPILED\x00"


def main(argv):
    source = next(a[len("/compile:"):] for a in argv if a.startswith("/compile:"))
    log = next((a[len("/log:"):] for a in argv if a.startswith("/log:")), os.path.splitext(source)[0] + ".log")
    with open(source, "rb") as file:
        text = file.read()
    lines = ["%s : information: compiling '%s'" % (source, os.path.basename(source))]
    if b"OnTick" in text:
        with open(os.path.splitext(source)[0] + ".ex5", "wb") as file:
            file.write(MAGIC + hashlib.sha256(text).digest())
        lines.append("Result: 0 errors, 0 warnings, 123 msec elapsed")
    else:
        lines.append("%s(1,1) : error 209: 'OnTick' - event handler not found" % source)
        lines.append("Result: 1 errors, 0 warnings, 45 msec elapsed")
    with open(log, "wb") as file:
        file.write("\r\n".join(lines).encode("utf-16"))  # with a byte order mark, as MetaEditor writes it
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
