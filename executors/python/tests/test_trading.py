"""The executor beside a stand-in terminal, against a real gateway: orders, closes, partial closes, stop changes and
positions traded by hand go through, each traded once, with the gateway's books matching the terminal's."""
import os
import shutil
import tempfile
import unittest

import harness
from harness import wait_until

QUOTE = {"symbol": "EURUSD", "bid": 1.08420, "ask": 1.08428}


def websocket_installed():
    try:
        import websocket  # noqa: F401
        return True
    except ImportError:
        return False


class GatewayTest(unittest.TestCase):
    """The shared gateway; each test gets its own account, executor and terminal."""
    gateway = None
    terminals = 0

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="og-pyexec-")
        cls.gateway = harness.shared_gateway()
        cls.gateway.ok("POST", "/api/v1/quotes", QUOTE)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def start_executor(self, account_id, transport="auto", env=None):
        workdir = os.path.join(self.dir, account_id)  # account ids are unique across the shared gateway
        os.makedirs(workdir)
        executor = self.gateway.new_account_and_executor(account_id)
        GatewayTest.terminals += 1  # tickets unique across the gateway's accounts, as at one broker
        terminal = harness.Terminal(os.path.join(workdir, "terminal.json"), next_ticket=GatewayTest.terminals * 10 ** 6,
                                    next_deal=GatewayTest.terminals * 10 ** 6 + 500000)
        process = harness.ExecutorProcess(workdir, self.gateway.url, executor, terminal.state_file, transport, env)
        process.start()
        self.addCleanup(process.stop)
        self.processes.append(process)
        wait_until("the executor online with the terminal's balance", lambda: self.gateway.executor(
            executor["executor_id"]).get("account_balance") == 10000)
        return executor, terminal, process

    def run(self, result=None):
        """Runs the test; when it fails, prints the tail of its executors' logs."""
        self.processes = []
        failures = (len(result.failures) + len(result.errors)) if result is not None else 0
        outcome = super().run(result)
        if result is not None and len(result.failures) + len(result.errors) > failures:
            for process in self.processes:
                print("\n--- %s ---\n%s" % (process.log_path, process.log()[-6000:]))
        return outcome

    def filled(self, order_id):
        return wait_until("order %s filled" % order_id,
                          lambda: (lambda o: o if o["status"] == "filled" else None)(
                              self.gateway.order_status(order_id)))

    def place(self, account_id, side, quantity, **extra):
        status, order = self.gateway.order(account_id, side, quantity, **extra)
        self.assertEqual(201, status, order)
        return order


@unittest.skipUnless(websocket_installed(), "python3-websocket (websocket-client) is not installed: "
                                            "the WebSocket channel cannot be tested")
class TradingOverTheWebSocket(GatewayTest):

    def test_an_order_its_stops_a_partial_close_and_the_close_each_trade_once(self):
        executor, terminal, process = self.start_executor("mt5-ws")
        order = self.place("mt5-ws", "buy", 0.30, stop_loss=1.07, take_profit=1.10)
        filled = self.filled(order["order_id"])
        [position] = terminal.positions()
        self.assertEqual(str(position["ticket"]), filled["venue_order_id"], "the order's venue id is the MT5 ticket")
        self.assertEqual(1.08428, filled["average_price"])
        self.assertRegex(position["comment"], r"^og:ord_%s_[1-9][0-9]*$" % order["order_id"], "the command id, epoch and all")
        self.assertEqual(20261122, position["magic"])
        self.assertEqual((0.3, 1.07, 1.10), (position["volume"], position["sl"], position["tp"]))
        [mine] = self.gateway.positions("mt5-ws")
        self.assertEqual(filled["venue_order_id"], mine["ticket"])

        self.gateway.ok("PATCH", "/api/v1/positions/%s" % mine["position_id"], {"stop_loss": 1.075, "take_profit": 1.095})
        wait_until("the terminal's stops changed", lambda: terminal.positions()[0]["sl"] == 1.075)
        self.assertEqual(1.095, terminal.positions()[0]["tp"])
        wait_until("the gateway's stops changed", lambda: self.gateway.positions("mt5-ws")[0]["stop_loss"] == 1.075)

        partial = self.gateway.ok("POST", "/api/v1/positions/%s/close" % mine["position_id"], {"quantity": 0.1})
        self.filled(partial["order_id"])
        self.assertEqual(0.2, round(terminal.positions()[0]["volume"], 8))
        wait_until("the gateway's position reduced", lambda: self.gateway.positions("mt5-ws")[0]["quantity"] == 0.2)

        terminal.attach()._standin_set_tick("EURUSD", 1.08520, 1.08528)
        closing = self.gateway.ok("POST", "/api/v1/positions/%s/close" % mine["position_id"], {})
        self.filled(closing["order_id"])
        self.assertEqual([], terminal.positions())
        wait_until("the gateway's position closed", lambda: self.gateway.positions("mt5-ws") == [])

        deals = terminal.deals()
        self.assertEqual(["IN", "OUT", "OUT"], [("IN", "OUT")[d["entry"]] for d in deals], "one trade per command")
        money = round(sum(d["profit"] + d["commission"] + d["swap"] for d in deals), 2)
        wait_until("the gateway to book exactly the terminal's money (%s)" % money, lambda: self.gateway.ok(
            "GET", "/api/v1/accounts/mt5-ws")["realized_pnl"] == money)
        self.assertEqual(4, len(process.results()), "four commands, four results on disk")

    def test_positions_opened_and_closed_in_the_terminal_reach_the_gateway(self):
        executor, terminal, process = self.start_executor("mt5-hand")
        mt5 = terminal.attach()
        tick = mt5.symbol_info_tick("EURUSD")
        by_hand = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.5,
                                  "type": mt5.ORDER_TYPE_SELL, "price": tick.bid, "comment": "by hand",
                                  "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(mt5.TRADE_RETCODE_DONE, by_hand.retcode)
        [seen] = wait_until("the hand-opened position in the gateway", lambda: self.gateway.positions("mt5-hand"))
        self.assertEqual((str(by_hand.order), "sell", 0.5, 1.0842), (seen["ticket"], seen["side"], seen["quantity"],
                                                                     seen["open_price"]))
        modified = mt5.order_send({"action": mt5.TRADE_ACTION_SLTP, "position": by_hand.order, "symbol": "EURUSD",
                                   "sl": 1.0950, "tp": 1.0700})
        self.assertEqual(mt5.TRADE_RETCODE_DONE, modified.retcode)
        wait_until("the hand-set stop loss in the gateway",
                   lambda: self.gateway.positions("mt5-hand")[0]["stop_loss"] == 1.095)

        tick = mt5.symbol_info_tick("EURUSD")
        part = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.2,
                               "type": mt5.ORDER_TYPE_BUY, "position": by_hand.order, "price": tick.ask,
                               "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(mt5.TRADE_RETCODE_DONE, part.retcode)
        wait_until("the gateway's position reduced by hand to 0.3",
                   lambda: self.gateway.positions("mt5-hand")[0]["quantity"] == 0.3)
        [partial] = wait_until("the partial close among the closed positions", lambda: self.gateway.ok(
            "GET", "/api/v1/positions/closed?account_id=mt5-hand")["positions"])
        self.assertEqual((0.2, str(part.deal), False), (partial["size"], partial["deal_ticket"], partial["final"]))
        closed = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.3,
                                 "type": mt5.ORDER_TYPE_BUY, "position": by_hand.order, "price": tick.ask,
                                 "type_filling": mt5.ORDER_FILLING_RETURN})
        self.assertEqual(mt5.TRADE_RETCODE_DONE, closed.retcode)
        wait_until("the hand-closed position gone from the gateway", lambda: self.gateway.positions("mt5-hand") == [])

        second = mt5.order_send({"action": mt5.TRADE_ACTION_DEAL, "symbol": "EURUSD", "volume": 0.2,
                                 "type": mt5.ORDER_TYPE_BUY, "price": tick.ask, "sl": 1.0830,
                                 "type_filling": mt5.ORDER_FILLING_RETURN})
        wait_until("the second hand-opened position", lambda: len(self.gateway.positions("mt5-hand")) == 1)
        mt5._standin_set_tick("EURUSD", 1.08290, 1.08298)  # the broker's stop loss closes it
        wait_until("the stopped-out position gone from the gateway", lambda: self.gateway.positions("mt5-hand") == [])
        self.assertEqual([], terminal.positions())
        money = round(sum(d["profit"] + d["commission"] + d["swap"] for d in terminal.deals()), 2)
        wait_until("the gateway to book the terminal's money (%s)" % money, lambda: self.gateway.ok(
            "GET", "/api/v1/accounts/mt5-hand")["realized_pnl"] == money)
        self.assertEqual({}, process.results(), "nothing was commanded: these were all reports")
        self.assertNotEqual(second.order, by_hand.order)

    def test_heartbeats_carry_balance_equity_and_positions(self):
        executor, terminal, process = self.start_executor("mt5-beat")
        self.filled(self.place("mt5-beat", "sell", 0.1)["order_id"])
        terminal.attach()._standin_set_tick("EURUSD", 1.08312, 1.08320)  # the sell gains 10 USD

        def beat():
            shown = self.gateway.executor(executor["executor_id"])
            return shown if shown["metadata"].get("openPositions") == 1 and shown["account_equity"] != 9999.65 else None
        shown = wait_until("a heartbeat with the position and its profit", beat)
        self.assertEqual(9999.65, shown["account_balance"], "10000 less the opening commission")
        self.assertEqual(10009.65, shown["account_equity"])
        [listed] = shown["metadata"]["positions"]
        self.assertEqual(("SELL", 0.1, 10.0), (listed["type"], listed["lots"], listed["profit"]))
        account = self.gateway.ok("GET", "/api/v1/accounts/mt5-beat")
        self.assertEqual(9999.65, account["balance"])

    def test_a_requote_is_retried_at_the_new_price_and_a_refusal_rejects_the_order(self):
        executor, terminal, process = self.start_executor("mt5-requote")
        terminal.attach()._standin_requote_next(1)
        self.filled(self.place("mt5-requote", "buy", 0.1)["order_id"])
        self.assertEqual(1, len(terminal.positions()))
        terminal.attach()._standin_set_symbol("EURUSD", volume_max=1.0)
        refused = self.place("mt5-requote", "buy", 2.0)  # more than the broker takes: TRADE_RETCODE_INVALID_VOLUME
        rejected = wait_until("the refused order rejected", lambda: (lambda o: o if o["status"] == "rejected" else None)(
            self.gateway.order_status(refused["order_id"])))
        self.assertEqual("VENUE_REJECTED", rejected["reject_code"])
        self.assertIn("10014", harness.order_command(process.results(), refused["order_id"])["message"])
        self.assertEqual(1, len(terminal.positions()))


class TradingOverHttpPolling(GatewayTest):

    def test_polling_alone_trades_closes_and_reports(self):
        executor, terminal, process = self.start_executor("mt5-http", transport="http")
        order = self.place("mt5-http", "buy", 0.2)
        filled = self.filled(order["order_id"])
        [mine] = self.gateway.positions("mt5-http")
        self.assertEqual(filled["venue_order_id"], mine["ticket"])
        closing = self.gateway.ok("POST", "/api/v1/positions/%s/close" % mine["position_id"], {})
        self.filled(closing["order_id"])
        wait_until("the gateway's position closed", lambda: self.gateway.positions("mt5-http") == [])
        self.assertEqual(2, len(terminal.deals()))
        self.assertNotIn("WebSocket open", process.log())


if __name__ == "__main__":
    unittest.main()
