#!/usr/bin/env python3
"""Heavy readers for benchmarks/heavy-reads.sh: READERS clients looping on GET /api/v1/orders?limit=1000.

Each reader is a client of its own: its own read-only key (WORK/key-N.json, as POST /api/v1/keys answered it) and its
own keep-alive connection, as a client program looping on a list holds one. It waits out each 429's Retry-After as a
documented client does, and appends "status bytes" per request to WORK/reads-N.txt. The loops end once WORK/reading is
gone (after the request in flight). One process for all readers, so the harness does not start a process per request:
what the readers cost the machine is the gateway's answers, not process start-ups (curl per request cost more CPU than
the gateway spent rendering the lists).

    benchmarks/list_readers.py PORT WORK READERS
"""
import http.client
import json
import os
import sys
import threading
import time

PATH = "/api/v1/orders?limit=1000"


def read_lists(port, work, reader):
    with open(os.path.join(work, f"key-{reader}.json")) as key_file:
        key = json.load(key_file)
    headers = {"X-API-Key": key["api_key"], "X-API-Secret": key["api_secret"]}
    connection = None
    with open(os.path.join(work, f"reads-{reader}.txt"), "a") as log:
        while os.path.exists(os.path.join(work, "reading")):
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", PATH, headers=headers)
                response = connection.getresponse()
                body = response.read()
                status, retry_after = response.status, response.getheader("Retry-After")
            except (OSError, http.client.HTTPException):
                connection, status, body, retry_after = None, 0, b"", None
            log.write(f"{status} {len(body)}\n")
            log.flush()
            if status == 429:
                time.sleep(int(retry_after or "1"))
            elif status == 0:
                time.sleep(0.2)  # the gateway closed on us: connect again shortly


def main():
    port, work, readers = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    threads = [threading.Thread(target=read_lists, args=(port, work, r)) for r in range(1, readers + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
