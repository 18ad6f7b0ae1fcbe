"""The stand-in terminal's state: a JSON file locked for each call (or a dict in this process when no file is named)."""
import contextlib
import fcntl
import json
import os


def new_state(settings=None):
    """A broker with one hedging demo account (login 5000001, password "master", investor "investor")."""
    settings = dict(settings or {})
    accounts = settings.get("accounts") or {
        "5000001": {"password": "master", "investor": "investor", "server": "Standin-Demo", "balance": 10000.0,
                    "currency": "USD", "leverage": 100, "name": "Stand-in Trader", "company": "Stand-in Broker"}}
    symbols = settings.get("symbols") or {
        "EURUSD": {"digits": 5, "contract_size": 100000.0, "volume_min": 0.01, "volume_max": 100.0,
                   "volume_step": 0.01, "filling_mode": 3, "bid": 1.08420, "ask": 1.08428, "visible": True},
        "XAUUSD": {"digits": 2, "contract_size": 100.0, "volume_min": 0.01, "volume_max": 50.0,
                   "volume_step": 0.01, "filling_mode": 3, "bid": 2350.10, "ask": 2350.40, "visible": False}}
    return {
        "terminal_running": True,
        "accounts": accounts,
        "connected_login": settings.get("connected_login"),
        "investor_mode": False,
        "symbols": symbols,
        "commission_per_lot": settings.get("commission_per_lot", -3.5),
        "next_ticket": settings.get("next_ticket", 700000100),
        "next_deal": settings.get("next_deal", 900000100),
        "positions": [],
        "deals": [],
        "frozen_time": settings.get("frozen_time"),
        "request_id": 0,
    }


class Terminal:
    def __init__(self, path):
        self._path = path
        self._memory = None

    def reset(self, settings):
        with self.locked() as state:
            state.clear()
            state.update(new_state(settings))

    @contextlib.contextmanager
    def locked(self):
        if not self._path:
            if self._memory is None:
                self._memory = new_state()
            yield self._memory
            return
        with open(self._path + ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                state = self._load()
                yield state
                self._save(state)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _load(self):
        try:
            with open(self._path, encoding="utf-8") as file:
                return json.load(file)
        except FileNotFoundError:
            return new_state()

    def _save(self, state):
        temp = self._path + ".tmp"
        with open(temp, "w", encoding="utf-8") as file:
            json.dump(state, file)  # no fsync: a killed process loses nothing the kernel already has
        os.replace(temp, self._path)
