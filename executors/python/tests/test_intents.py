"""Crashes at the exact points that matter, in this process: an intent on disk and no result means the trade may or
may not have happened; the executor finds out from the terminal, and trades again only when it can tell the first
attempt never reached the broker."""
import unittest

import harness


class CrashBetweenIntentAndResult(harness.InProcessExecutorTest):

    def open_position(self, command_id, lots=0.3):
        result = self.command(command_id, "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=lots, sl=0, tp=0,
                              orderId="1", magicNumber=20261122)
        self.assertTrue(result["success"], result)
        return int(result["details"]["ticket"])

    def test_a_close_whose_position_is_untouched_was_never_sent_and_is_sent_now(self):
        ticket = self.open_position("ord_1")
        self.executor.journal.record_intent("ord_2", {"ticket": ticket, "volume": 0.3})  # then the process died
        self.restart()
        result = self.command("ord_2", "CLOSE_POSITION", ticket=str(ticket), lots=0.1)
        self.assertTrue(result["success"], result)
        self.assertEqual(0.2, round(self.terminal.positions()[0]["volume"], 8))
        self.assertEqual(2, len(self.terminal.deals()))

    def test_a_close_whose_position_changed_without_its_comment_is_not_sent_again(self):
        ticket = self.open_position("ord_1")
        self.executor.journal.record_intent("ord_2", {"ticket": ticket, "volume": 0.3})
        tick = self.mt5.symbol_info_tick("EURUSD")
        self.mt5.order_send({"action": self.mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.1,
                             "type": self.mt5.ORDER_TYPE_SELL, "position": ticket, "price": tick.bid,
                             "comment": "[broker rewrote it]", "type_filling": self.mt5.ORDER_FILLING_RETURN})
        self.restart()
        result = self.command("ord_2", "CLOSE_POSITION", ticket=str(ticket), lots=0.1)
        self.assertFalse(result["success"])
        self.assertIn("outcome unknown", result["message"])
        self.assertEqual(2, len(self.terminal.deals()), "no second close")

    def test_an_open_with_no_trace_in_the_terminal_is_not_sent_again(self):
        self.executor.journal.record_intent("ord_7")
        self.restart()
        result = self.command("ord_7", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.1)
        self.assertFalse(result["success"])
        self.assertIn("outcome unknown after a restart: no position or deal carries comment og:ord_7", result["message"])
        self.assertEqual([], self.terminal.deals())

    def test_an_open_found_in_the_history_after_its_position_closed_is_answered_from_there(self):
        ticket = self.open_position("ord_3")
        self.executor.journal._results.pop("ord_3")  # as if killed before the result was written
        tick = self.mt5.symbol_info_tick("EURUSD")
        self.mt5.order_send({"action": self.mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.3,
                             "type": self.mt5.ORDER_TYPE_SELL, "position": ticket, "price": tick.bid,
                             "type_filling": self.mt5.ORDER_FILLING_RETURN})
        result = self.command("ord_3", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.3)
        self.assertEqual((str(ticket), 0.3, True), (result["details"]["ticket"], result["details"]["lots"],
                                                    result["details"]["recovered"]))
        self.assertEqual(2, len(self.terminal.deals()), "found, not traded again")

    def test_a_position_carrying_the_commands_comment_answers_it_even_without_a_state_directory(self):
        ticket = self.open_position("ord_4")
        self.executor.journal._results.pop("ord_4")
        self.executor.journal._intents.pop("ord_4")  # the state directory was lost
        result = self.command("ord_4", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.3)
        self.assertEqual(str(ticket), result["details"]["ticket"])
        self.assertEqual(1, len(self.terminal.deals()))

    def test_a_command_in_doubt_waits_for_the_terminal_instead_of_failing(self):
        self.executor.journal.record_intent("ord_5")
        self.restart()
        self.executor.terminal.disconnect()
        self.mt5._standin_set_connected(False)
        self.assertIsNone(self.command("ord_5", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.1))
        refused = self.command("ord_6", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.1)
        self.assertIn("the MT5 terminal is not connected", refused["message"])
        self.mt5._standin_set_connected(True)
        self.executor.terminal._next_attempt = 0.0
        self.assertIn("outcome unknown", self.command("ord_5", "OPEN_POSITION", symbol="EURUSD", type="BUY",
                                                      lots=0.1)["message"])
        self.assertEqual([], self.terminal.deals())


if __name__ == "__main__":
    unittest.main()
