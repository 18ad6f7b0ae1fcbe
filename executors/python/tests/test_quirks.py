"""The executor against other readings of MetaQuotes' documentation than the stand-in's own: None instead of an
empty tuple when nothing is found, and history_deals_get(position=...) not answered. Trade reports and history
still come out right, and nothing is taken for "all positions closed" by mistake."""
import unittest

import harness


class DocumentationReadings(harness.InProcessExecutorTest):

    def setUp(self):
        super().setUp()
        self.mt5._standin_quirks(none_when_empty=True, no_position_filter=True)

    def reports(self):
        self.executor.watcher.scan()
        return [r["key"].split(":")[0] for r in self.executor.journal.state["reports"]]

    def test_a_hand_trade_is_reported_opened_and_closed_with_its_money(self):
        self.assertEqual([], self.reports())
        mt5 = self.mt5
        tick = mt5.symbol_info_tick("EURUSD")
        opened = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 1.0,
                                 "type": mt5.ORDER_TYPE_BUY, "price": tick.ask, "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(["open"], self.reports())
        mt5._standin_set_tick("EURUSD", 1.08520, 1.08528)
        self.assertEqual(["open"], self.reports(), "a price change is not a report")
        mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 1.0, "position": opened.order,
                        "type": mt5.ORDER_TYPE_SELL, "price": 0.0, "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(["open", "close"], self.reports(), "the last position gone: reported closed at once")
        close = self.executor.journal.state["reports"][1]["body"]
        self.assertEqual((str(opened.order), 1.0852, 92.0, -7.0), (close["ticket"], close["closePrice"],
                                                                   close["profit"], close["commission"]))

    def test_an_error_reading_positions_is_not_taken_for_no_positions(self):
        mt5 = self.mt5
        tick = mt5.symbol_info_tick("EURUSD")
        mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.1,
                        "type": mt5.ORDER_TYPE_BUY, "price": tick.ask, "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(["open"], self.reports())
        real_get = mt5.positions_get
        mt5.positions_get = lambda **kwargs: mt5._fail(mt5.RES_E_INTERNAL_FAIL_TIMEOUT + 1, "IPC recv failed")
        try:
            self.assertEqual(["open"], self.reports(), "positions unknown: nothing reported closed")
        finally:
            mt5.positions_get = real_get

    def test_a_sync_with_nothing_closed_answers_no_deals(self):
        result = self.command("sync_empty", "SYNC_HISTORY")
        self.assertTrue(result["success"], result)
        self.assertEqual([], result["details"]["deals"])


if __name__ == "__main__":
    unittest.main()
