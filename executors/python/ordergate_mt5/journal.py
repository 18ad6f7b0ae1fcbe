"""The executor's memory on disk, so that a command is never traded twice, even after kill -9 or a power cut.

state_dir/results.log   append-only, one JSON object a line, each forced to disk (fsync) before anything is sent:
                        {"k": "I", "id": ...}  intent: about to trade for this command id
                        {"k": "R", "id": ..., "r": {...}}  the command's FIRST result, the one every repeat gets
state_dir/state.json    a snapshot rewritten atomically (temp file, fsync, rename): the positions last seen per
                        login, trade reports not yet acknowledged, results not yet acknowledged, the paused flag.

A line torn by a kill in mid-write is ignored and cut off on the next start. Not thread safe: the executor's main
thread owns it.
"""
import json
import logging
import os
import time

LOG = logging.getLogger("ordergate_mt5.journal")
STATE_VERSION = 1
COMPACT_ABOVE = 100000
KEEP_AFTER_COMPACT = 50000


class JournalError(Exception):
    """The state directory cannot be written: the executor must stop rather than trade without its memory."""


def _fsync_dir(path):
    if os.name != "posix":
        return  # Windows makes a rename durable without a directory handle
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path, text):
    temp = path + ".tmp"
    with open(temp, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    for attempt in range(20):
        try:
            os.replace(temp, path)
            break
        except PermissionError:  # Windows: a virus scanner or indexer holds the file for a moment
            if attempt == 19:
                raise
            time.sleep(0.05)
    _fsync_dir(os.path.dirname(os.path.abspath(path)))


def new_state():
    return {"version": STATE_VERSION, "boundLogin": None, "paused": False, "known": {}, "reports": [],
            "unacked": [], "resultCount": 0}


class Journal:
    def __init__(self, state_dir):
        os.makedirs(state_dir, exist_ok=True)
        if os.name == "posix":
            os.chmod(state_dir, 0o700)  # results name tickets and prices: the trader's business only
        self._results_path = os.path.join(state_dir, "results.log")
        self._state_path = os.path.join(state_dir, "state.json")
        self._results = {}
        self._intents = {}
        self._order = []
        self._load_results()
        self.state = self._load_state()
        self._reconcile()
        self._compact_if_large()
        self._file = open(self._results_path, "ab")

    # ---- reading ----

    def result(self, command_id):
        """The first result for a command id, or None."""
        return self._results.get(command_id)

    def intent(self, command_id):
        """True when a trade was attempted for this id and no result was recorded (a crash in between)."""
        return command_id in self._intents and command_id not in self._results

    def intent_info(self, command_id):
        """What was written down with the intent (such as the position's volume before a close), or {}."""
        info = self._intents.get(command_id)
        return info if isinstance(info, dict) else {}

    def results(self):
        return self._results.values()

    # ---- writing: each returns only once the line is on disk ----

    def record_intent(self, command_id, info=None):
        record = {"k": "I", "id": command_id}
        if info:
            record["info"] = info
        self._append(record)
        self._intents[command_id] = info or True

    def record_result(self, command_id, result):
        if command_id in self._results:
            return self._results[command_id]  # the first result stays the result
        self._append({"k": "R", "id": command_id, "r": result})
        self._results[command_id] = result
        self._order.append(command_id)
        self.state["unacked"].append(command_id)
        return result

    def save_state(self):
        self.state["resultCount"] = len(self._order)
        try:
            write_atomically(self._state_path, json.dumps(self.state, separators=(",", ":")))
        except OSError as error:
            raise JournalError("%s: %s" % (self._state_path, error))

    def close(self):
        self._file.close()

    def _append(self, record):
        try:
            self._file.write((json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8"))
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as error:
            raise JournalError("%s: %s" % (self._results_path, error))

    # ---- start-up ----

    def _load_results(self):
        if not os.path.exists(self._results_path):
            return
        good = 0
        with open(self._results_path, "rb") as file:
            data = file.read()
        for line in data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n"):
            try:
                record = json.loads(line.decode("utf-8"))
            except ValueError:
                break  # a torn last line: everything after it is cut off below
            self._take(record)
            good += len(line) + 1
        if good < len(data):
            LOG.warning("results.log: cutting off %d bytes of a line torn by a crash", len(data) - good)
            with open(self._results_path, "r+b") as file:
                file.truncate(good)
                os.fsync(file.fileno())

    def _take(self, record):
        if record.get("k") == "R" and record["id"] not in self._results:
            self._results[record["id"]] = record["r"]
            self._order.append(record["id"])
        elif record.get("k") == "I":
            self._intents[record["id"]] = record.get("info") or True

    def _load_state(self):
        try:
            with open(self._state_path, encoding="utf-8") as file:
                state = json.load(file)
        except FileNotFoundError:
            return new_state()
        except ValueError:
            LOG.error("state.json is unreadable; starting from the results log alone")
            return new_state()
        fresh = new_state()
        fresh.update(state)
        return fresh

    def _reconcile(self):
        """Results written after the last snapshot (a crash between the two writes) have not been acknowledged."""
        count = self.state.get("resultCount", 0)
        for command_id in self._order[count:]:
            if command_id not in self.state["unacked"]:
                self.state["unacked"].append(command_id)

    def _compact_if_large(self):
        if len(self._order) <= COMPACT_ABOVE:
            return
        keep = self._order[-KEEP_AFTER_COMPACT:]
        kept = set(keep)
        open_intents = [i for i in self._intents if i not in self._results]
        lines = [json.dumps({"k": "I", "id": i, "info": self.intent_info(i)}) for i in open_intents]
        lines += [json.dumps({"k": "R", "id": i, "r": self._results[i]}) for i in keep]
        write_atomically(self._results_path, "\n".join(lines) + "\n")
        self._results = {i: self._results[i] for i in keep}
        self._intents = {i: self._intents[i] for i in open_intents}
        self._order = keep
        self.state["unacked"] = [i for i in self.state["unacked"] if i in kept]
        self.save_state()
        LOG.info("results.log compacted to its newest %d results", len(keep))
