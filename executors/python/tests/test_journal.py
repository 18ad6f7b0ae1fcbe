"""The executor's memory on disk: first results and intents survive a restart, a line torn by a kill is cut off,
results written after the last snapshot are sent again, and the outbox keeps results ahead of trade reports."""
import json
import os
import shutil
import tempfile
import unittest

import harness  # noqa: F401 - puts the executor on the path
from ordergate_mt5.journal import Journal
from ordergate_mt5.outbox import Outbox


class JournalOnDisk(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-journal-")
        self.addCleanup(shutil.rmtree, self.dir, True)

    def reopen(self, journal):
        journal.close()
        journal = Journal(self.dir)
        self.addCleanup(journal.close)
        return journal

    def test_the_first_result_is_the_result_and_survives_a_restart(self):
        journal = Journal(self.dir)
        journal.record_intent("ord_1")
        self.assertTrue(journal.intent("ord_1"))
        journal.record_result("ord_1", {"success": True, "details": {"ticket": "11"}})
        journal.record_result("ord_1", {"success": False})
        journal.record_intent("ord_2")
        journal.save_state()
        journal = self.reopen(journal)
        self.assertEqual({"success": True, "details": {"ticket": "11"}}, journal.result("ord_1"))
        self.assertFalse(journal.intent("ord_1"), "answered: no longer in doubt")
        self.assertTrue(journal.intent("ord_2"), "tried and never answered: in doubt after the restart")
        self.assertEqual(["ord_1"], journal.state["unacked"])

    def test_a_line_torn_by_a_kill_is_cut_off_and_the_rest_kept(self):
        journal = Journal(self.dir)
        journal.record_result("ord_1", {"success": True})
        journal.close()
        path = os.path.join(self.dir, "results.log")
        with open(path, "ab") as file:
            file.write(b'{"k": "R", "id": "ord_2", "r": {"succ')
        journal = Journal(self.dir)
        self.addCleanup(journal.close)
        self.assertEqual({"success": True}, journal.result("ord_1"))
        self.assertIsNone(journal.result("ord_2"))
        journal.record_result("ord_3", {"success": False})
        with open(path, encoding="utf-8") as file:
            self.assertEqual(["ord_1", "ord_3"], [json.loads(line)["id"] for line in file])

    def test_results_written_after_the_last_snapshot_go_out_again(self):
        journal = Journal(self.dir)
        journal.record_result("ord_1", {"success": True})
        journal.state["unacked"].clear()  # acknowledged by the gateway
        journal.save_state()
        journal.record_result("ord_2", {"success": True})  # and then a kill before the next snapshot
        journal.state["unacked"].clear()
        journal = self.reopen(journal)
        self.assertEqual(["ord_2"], journal.state["unacked"])

    def test_results_go_out_before_trade_reports(self):
        journal = Journal(self.dir)
        self.addCleanup(journal.close)
        outbox = Outbox(journal)
        journal.state["reports"].append({"key": "close:7", "body": {"ticket": "7"}})
        journal.record_result("ord_9", {"success": True})
        first = outbox.head()
        self.assertEqual(("result", "ord_9"), (first.kind, first.key))
        outbox.done(first)
        second = outbox.head()
        self.assertEqual(("trade", "close:7", "7"), (second.kind, second.key, second.ticket))
        outbox.done(second)
        self.assertIsNone(outbox.head())
        outbox.resend("ord_9")
        self.assertEqual("ord_9", outbox.head().key)


if __name__ == "__main__":
    unittest.main()
