"""What the gateway is sent, in the order it is sent: a command's result goes ahead of the trade reports queued
before it (outbox), so those reports must not carry a volume the result has made stale."""
import unittest

import harness


class ResultsAheadOfReports(harness.InProcessExecutorTest):

    def queued(self, kind):
        return [r["body"] for r in self.executor.journal.state["reports"] if r["key"].startswith(kind + ":")]

    def test_an_open_report_queued_before_a_partial_close_carries_the_volume_left_after_it(self):
        opened = self.command("ord_1", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.3, sl=0, tp=0,
                              orderId="1", magicNumber=20261122)
        ticket = opened["details"]["ticket"]
        self.assertTrue(self.command("mod_2", "MODIFY_POSITION", ticket=ticket, sl=1.07, tp=1.1)["success"])
        self.assertEqual([0.3, 0.3], [r["lots"] for r in self.queued("open")], "opened, then its stops moved")

        closed = self.command("ord_3", "CLOSE_POSITION", ticket=ticket, lots=0.1)
        self.assertTrue(closed["details"]["partial"], closed)
        self.assertEqual(0.2, round(self.terminal.positions()[0]["volume"], 8))
        self.assertEqual([0.2, 0.2], [r["lots"] for r in self.queued("open")],
                         "sent after the close's result, they tell what is left, not what was")
        self.assertEqual([1.07], [r["stopLoss"] for r in self.queued("open")][1:])
        self.assertEqual([], self.queued("partial"), "the result names the deal: no partial report as well")


if __name__ == "__main__":
    unittest.main()
