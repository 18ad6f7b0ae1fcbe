"""Seed 004's commands answered from the stand-in terminal's history: SYNC_HISTORY, CONNECT_INVESTOR and
TEST_CONNECTION, in the shapes API.md documents, through the executor's own command path (result on disk first).
The executor is driven in this process here; test_gateway_history.py has the gateway send them."""
import logging
import os
import unittest

import harness

DAY = 86400
T0 = 1_790_000_000  # 2026-09-21T14:13:20Z
ACCOUNTS = {
    "5000001": {"password": "master", "investor": "investor", "server": "Standin-Demo", "balance": 10000.0,
                "currency": "USD", "leverage": 100, "name": "Stand-in Trader", "company": "Stand-in Broker"},
    "7000007": {"password": "other-master", "investor": "watch-only-7", "server": "Other-Live", "balance": 2500.0,
                "currency": "EUR", "leverage": 30, "name": "Second Account", "company": "Stand-in Broker"}}
DEAL_FIELDS = {"ticket", "positionId", "symbol", "type", "volume", "entryTime", "exitTime", "entryPrice", "exitPrice",
               "profit", "commission", "swap"}


class SeedFourCommands(harness.InProcessExecutorTest):
    accounts = ACCOUNTS
    frozen_time = T0

    def trade(self, at, side, volume, close_at=None, close_volume=None):
        """A position opened at time at, closed (in part with close_volume) at close_at, by hand."""
        mt5 = self.mt5
        mt5._standin_set_time(at)
        tick = mt5.symbol_info_tick("EURUSD")
        opened = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": volume,
                                 "type": mt5.ORDER_TYPE_BUY if side == "BUY" else mt5.ORDER_TYPE_SELL,
                                 "price": tick.ask, "type_filling": mt5.ORDER_FILLING_RETURN})
        if close_at is not None:
            mt5._standin_set_time(close_at)
            mt5._standin_set_tick("EURUSD", tick.bid + 0.0010, tick.ask + 0.0010)
            mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": close_volume or volume,
                            "type": mt5.ORDER_TYPE_SELL if side == "BUY" else mt5.ORDER_TYPE_BUY,
                            "position": opened.order, "price": 0.0, "type_filling": mt5.ORDER_FILLING_RETURN})
            mt5._standin_set_tick("EURUSD", tick.bid, tick.ask)
        return opened.order

    def test_sync_answers_the_closed_deals_since_a_time_in_the_documented_shape(self):
        old = self.trade(T0 - 10 * DAY, "BUY", 0.5, close_at=T0 - 9 * DAY)
        long_ = self.trade(T0 - 3 * DAY, "BUY", 0.3, close_at=T0 - 2 * DAY)
        short = self.trade(T0 - 2 * DAY, "SELL", 0.2, close_at=T0 - DAY)
        self.trade(T0 - DAY, "BUY", 0.1)  # still open: no closing deal
        self.mt5._standin_set_time(T0)

        result = self.command("sync_1", "SYNC_HISTORY", **{"from": "2026-09-17T00:00:00Z"})
        self.assertTrue(result["success"], result)
        deals = result["details"]["deals"]
        self.assertEqual([str(long_), str(short)], [d["positionId"] for d in deals], "closed after from, oldest first")
        for deal in deals:
            self.assertEqual(DEAL_FIELDS, set(deal))
        first = deals[0]
        out = [d for d in self.terminal.deals() if d["position_id"] == long_ and d["entry"] == 1][0]
        self.assertEqual((str(out["ticket"]), "EURUSD", "BUY", 0.3), (first["ticket"], first["symbol"],
                                                                      first["type"], first["volume"]))
        self.assertEqual(("2026-09-18T14:13:20.000Z", "2026-09-19T14:13:20.000Z"), (first["entryTime"],
                                                                                  first["exitTime"]))
        self.assertEqual((1.08428, 1.0852, 27.6, -1.05, 0.0), (first["entryPrice"], first["exitPrice"],
                                                             first["profit"], first["commission"], first["swap"]))
        self.assertEqual("SELL", deals[1]["type"])
        self.assertEqual(2, result["details"]["count"])
        self.assertFalse(result["details"]["truncated"])

        everything = self.command("sync_2", "SYNC_HISTORY")
        self.assertEqual([str(old), str(long_), str(short)], [d["positionId"] for d in everything["details"]["deals"]],
                         "without from: the whole history")
        again = self.command("sync_3", "SYNC_HISTORY", **{"from": "2026-09-17T00:00:00Z"})
        self.assertEqual(deals, again["details"]["deals"], "a second sync answers the same deals (the gateway skips)")

    def test_a_repeated_sync_command_answers_its_first_result(self):
        self.trade(T0 - 2 * DAY, "BUY", 0.1, close_at=T0 - DAY)
        first = self.command("sync_once", "SYNC_HISTORY")
        self.trade(T0 - DAY, "SELL", 0.1, close_at=T0 - 1)
        self.assertEqual(first, self.command("sync_once", "SYNC_HISTORY"))
        self.assertEqual(1, len(first["details"]["deals"]))

    def test_partial_closes_are_deals_of_their_own_with_the_entry_of_their_position(self):
        position = self.trade(T0 - 2 * DAY, "SELL", 0.6, close_at=T0 - DAY, close_volume=0.2)
        self.mt5._standin_set_time(T0 - 100)
        tick = self.mt5.symbol_info_tick("EURUSD")
        self.mt5.order_send({"action": self.mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.4,
                             "type": self.mt5.ORDER_TYPE_BUY, "position": position, "price": tick.ask,
                             "type_filling": self.mt5.ORDER_FILLING_RETURN})
        deals = self.command("sync_p", "SYNC_HISTORY")["details"]["deals"]
        self.assertEqual([(str(position), 0.2), (str(position), 0.4)], [(d["positionId"], d["volume"]) for d in deals])
        self.assertEqual({1.0842}, {d["entryPrice"] for d in deals})
        self.assertEqual(2, len({d["ticket"] for d in deals}))

    def test_a_long_history_comes_in_pages_that_fit_one_message(self):
        self.mt5._standin_round_trips("EURUSD", 260, T0 - 5 * DAY, 60)
        self.mt5._standin_set_time(T0)
        page = self.command("sync_page_1", "SYNC_HISTORY")
        details = page["details"]
        self.assertTrue(details["truncated"])
        self.assertLess(len(harness.json.dumps(page)), 60000, "fits the gateway's 64 KiB frame and body limit")
        rest = self.command("sync_page_2", "SYNC_HISTORY", **{"from": details["nextFrom"]})["details"]
        self.assertFalse(rest["truncated"])
        tickets = {d["ticket"] for d in details["deals"]} | {d["ticket"] for d in rest["deals"]}
        self.assertEqual(260, len(tickets), "every closed deal, in two pages")

    def test_connect_by_investor_password_is_read_only_and_the_password_is_never_kept_or_logged(self):
        result = self.command("conn_1", "CONNECT_INVESTOR", tradingAccountId="mt5-x", mt5Login=7000007,
                              mt5Server="Other-Live", investorPassword="watch-only-7")
        self.assertTrue(result["success"], result)
        details = result["details"]
        self.assertEqual(("CONNECTED", 7000007), (details["status"], details["mt5Login"]))
        self.assertEqual({"login": 7000007, "server": "Other-Live", "balance": 2500.0, "equity": 2500.0,
                          "currency": "EUR", "name": "Second Account", "tradeAllowed": False}, details["accountInfo"])
        self.assertEqual(7000007, self.mt5.account_info().login)

        refused = self.command("conn_2", "CONNECT_INVESTOR", mt5Login=7000007, mt5Server="Other-Live",
                               investorPassword="wrong-password-9")
        self.assertFalse(refused["success"])
        self.assertEqual(("ERROR", -6), (refused["details"]["status"], refused["details"]["errorCode"]))
        self.executor.journal.save_state()
        for name in os.listdir(os.path.join(self.dir, "state")):
            with open(os.path.join(self.dir, "state", name), encoding="utf-8") as file:
                stored = file.read()
            self.assertNotIn("watch-only-7", stored, name)
            self.assertNotIn("wrong-password-9", stored, name)
        logging.getLogger("probe").info("would leak watch-only-7 and secret-of-the-executor")
        self.assertNotIn("watch-only-7", self.log.getvalue())
        self.assertNotIn("secret-of-the-executor", self.log.getvalue())
        self.assertIn("would leak *** and ***", self.log.getvalue())

    def test_a_connection_test_answers_the_account_and_goes_back_to_the_trading_login(self):
        result = self.command("test_1", "TEST_CONNECTION", mt5Login="7000007", mt5Server="Other-Live",
                              investorPassword="watch-only-7")
        self.assertEqual({"login": 7000007, "server": "Other-Live", "balance": 2500.0, "equity": 2500.0},
                         result["details"]["accountInfo"])
        self.assertEqual("Connection successful", result["message"])
        self.assertEqual(5000001, self.mt5.account_info().login, "back on the executor's own account")
        self.assertTrue(self.mt5.account_info().trade_allowed)
        missing = self.command("test_2", "TEST_CONNECTION", mt5Login="7000007")
        self.assertFalse(missing["success"])
        self.assertIn("investorPassword", missing["message"])

    def test_a_sync_with_another_accounts_credentials_reads_it_and_returns_to_the_trading_account(self):
        self.assertTrue(self.mt5.login(7000007, password="other-master", server="Other-Live"))
        position = self.trade(T0 - 2 * DAY, "SELL", 0.3, close_at=T0 - DAY)
        self.assertTrue(self.mt5.login(5000001, password="master", server="Standin-Demo"))
        self.trade(T0 - 2 * DAY, "BUY", 0.1, close_at=T0 - DAY)  # the trading account's own, not asked for
        result = self.command("sync_other", "SYNC_HISTORY", mt5Login=7000007, mt5Server="Other-Live",
                              investorPassword="watch-only-7")
        self.assertEqual([str(position)], [d["positionId"] for d in result["details"]["deals"]])
        self.assertEqual(7000007, result["details"]["login"])
        self.assertEqual(5000001, self.mt5.account_info().login)
        self.assertEqual("investor credentials forgotten", self.command("disc", "DISCONNECT_INVESTOR")["message"])

    def test_no_trade_while_the_terminal_is_on_another_account(self):
        self.assertTrue(self.mt5.login(7000007, password="other-master", server="Other-Live"))
        refused = self.command("ord_1", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.1, orderId="1")
        self.assertFalse(refused["success"])
        self.assertIn("logged in to account 7000007, not to the executor's account 5000001", refused["message"])
        self.assertEqual([], self.terminal.deals())
        self.assertTrue(self.mt5.login(5000001, password="master", server="Standin-Demo"))
        self.assertTrue(self.command("ord_2", "OPEN_POSITION", symbol="EURUSD", type="BUY", lots=0.1)["success"])


if __name__ == "__main__":
    unittest.main()
