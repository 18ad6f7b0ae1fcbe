"""Seed 004 end to end: the gateway sends CONNECT_INVESTOR and SYNC_HISTORY to this executor, which answers them from
the stand-in terminal's history; a second sync of the same deals stores nothing twice, and the investor password is
in neither the executor's files nor its log."""
import os
import shutil
import tempfile
import time
import unittest

import harness
from harness import wait_until

INVESTOR = "watch-Only-93"
ACCOUNTS = {"5000001": {"password": "master", "investor": INVESTOR, "server": "Standin-Demo", "balance": 10000.0,
                        "currency": "USD", "leverage": 100, "name": "Stand-in Trader", "company": "Stand-in Broker"}}


class HistorySyncThroughTheGateway(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-sync-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.gateway = harness.shared_gateway()
        self.gateway.ok("POST", "/api/v1/quotes", {"symbol": "EURUSD", "bid": 1.08420, "ask": 1.08428})
        self.executor = self.gateway.new_account_and_executor("mt5-sync")
        self.terminal = harness.Terminal(os.path.join(self.dir, "terminal.json"), accounts=ACCOUNTS,
                                         next_ticket=91 * 10 ** 6, next_deal=92 * 10 ** 6)
        self.process = harness.ExecutorProcess(self.dir, self.gateway.url, self.executor, self.terminal.state_file)
        self.process.start()
        self.addCleanup(self.process.stop)
        wait_until("the executor online", lambda: self.gateway.executor(
            self.executor["executor_id"]).get("account_balance") == 10000)

    def test_a_second_sync_of_the_same_deals_stores_nothing_twice(self):
        mt5 = self.terminal.attach()
        start = int(time.time()) - 40 * 3600
        mt5._standin_round_trips("EURUSD", 40, start, 3600)
        mt5._standin_set_time(None)

        status, connected = self.gateway.call("POST", "/api/mt5/connect", {
            "tradingAccountId": "mt5-sync", "mt5Login": 5000001, "mt5Server": "Standin-Demo",
            "investorPassword": INVESTOR})
        self.assertEqual(200, status, connected)
        self.assertEqual("CONNECTED", connected["status"])

        first = self.gateway.ok("POST", "/api/mt5/sync/mt5-sync")
        self.assertEqual((True, 40, []), (first["success"], first["synced"], first["errors"]), first)
        second = self.gateway.ok("POST", "/api/mt5/sync/mt5-sync")
        self.assertEqual(0, second["synced"], second)
        self.assertGreaterEqual(second["skipped"], 1, "the deals at the last one's time come again and are skipped")

        closed = self.gateway.ok("GET", "/api/v1/positions/closed?account_id=mt5-sync&limit=100")["positions"]
        self.assertEqual(40, len(closed))
        self.assertEqual({"mt5_history"}, {c["source"] for c in closed})
        money = round(sum(d["profit"] + d["commission"] + d["swap"] for d in self.terminal.deals()
                          if d["entry"] == 1), 2)
        self.assertEqual(money, round(sum(c["pnl"] for c in closed), 2), "each deal's money once, exactly")
        status = self.gateway.ok("GET", "/api/mt5/status/mt5-sync")
        self.assertEqual(("CONNECTED", 5000001), (status["status"], status["mt5Login"]))
        self.assertIsNotNone(status["lastSyncAt"])

        self.assertEqual(True, self.gateway.ok("DELETE", "/api/mt5/disconnect/mt5-sync")["success"])
        for root, _dirs, files in os.walk(self.process.state_dir):
            for name in files:
                with open(os.path.join(root, name), "rb") as file:
                    self.assertNotIn(INVESTOR.encode(), file.read(), name)
        self.assertNotIn(INVESTOR, self.process.log())


if __name__ == "__main__":
    unittest.main()
