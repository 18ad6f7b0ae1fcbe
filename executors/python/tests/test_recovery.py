"""Nothing traded twice, nothing lost, through real SIGKILLs: of the executor after its trade and before its result,
and of the gateway (alone, and together with the executor while a result waits on disk to be sent)."""
import os
import shutil
import tempfile
import unittest

import harness
from harness import wait_until
from test_trading import QUOTE, GatewayTest, websocket_installed


def status_of(gateway, order_id, wanted):
    return lambda: (lambda o: o if o["status"] == wanted else None)(gateway.order_status(order_id))


class ExecutorKilled(GatewayTest):

    def test_a_command_traded_before_a_kill_is_answered_from_the_terminal_not_traded_again(self):
        pause = os.path.join(self.dir, "pause-open")
        executor, terminal, process = self.start_executor("mt5-k9", env={"MT5_STANDIN_PAUSE_FILE": pause})
        open(pause, "w").close()  # order_send will do the trade and then hang
        order = self.place("mt5-k9", "buy", 0.4)
        wait_until("the trade in the terminal", lambda: len(terminal.positions()) == 1)
        process.kill()  # SIGKILL after the trade, before any result was written or sent
        os.remove(pause)
        self.assertEqual("routed", self.gateway.order_status(order["order_id"])["status"])
        self.assertEqual({}, process.results())

        process.start()
        filled = self.filled(order["order_id"])
        [position] = terminal.positions()
        self.assertEqual(1, len(terminal.deals()), "the re-delivered command did not trade again")
        self.assertEqual(str(position["ticket"]), filled["venue_order_id"])
        self.assertEqual(0.4, filled["filled_quantity"])
        result = harness.order_command(process.results(), order["order_id"])
        self.assertTrue(result["details"]["recovered"], result)
        self.assertEqual(1, len(self.gateway.positions("mt5-k9")))

    def test_a_close_traded_before_a_kill_is_answered_from_the_history_not_traded_again(self):
        pause = os.path.join(self.dir, "pause-close")
        executor, terminal, process = self.start_executor("mt5-k9c", env={"MT5_STANDIN_PAUSE_FILE": pause})
        self.filled(self.place("mt5-k9c", "sell", 0.3)["order_id"])
        [mine] = self.gateway.positions("mt5-k9c")
        open(pause, "w").close()
        closing = self.gateway.ok("POST", "/api/v1/positions/%s/close" % mine["position_id"], {"quantity": 0.1})
        wait_until("the partial close in the terminal", lambda: len(terminal.deals()) == 2)
        process.kill()
        os.remove(pause)
        process.start()
        self.filled(closing["order_id"])
        self.assertEqual(2, len(terminal.deals()), "the re-delivered close did not trade again")
        self.assertEqual(0.2, round(terminal.positions()[0]["volume"], 8))
        wait_until("the gateway's position reduced once", lambda: self.gateway.positions("mt5-k9c")[0]["quantity"] == 0.2)


class GatewayKilled(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="og-pyexec-k9-")
        self.port = harness.free_port()
        self.data = os.path.join(self.dir, "data")
        self.gateway = harness.Gateway(self.data, self.port)
        self.gateway.ok("POST", "/api/v1/quotes", QUOTE)
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.addCleanup(lambda: self.gateway.stop())

    def restart_gateway(self):
        self.gateway.kill()
        self.gateway = harness.Gateway(self.data, self.port, os.path.join(self.dir, "gateway-again.log"))

    def test_the_executor_reconnects_after_the_gateway_is_killed_and_a_result_kept_on_disk_settles_its_order(self):
        executor = self.gateway.new_account_and_executor("mt5-gk")
        pause = os.path.join(self.dir, "pause")
        terminal = harness.Terminal(os.path.join(self.dir, "terminal.json"))
        process = harness.ExecutorProcess(self.dir, self.gateway.url, executor, terminal.state_file,
                                          env={"MT5_STANDIN_PAUSE_FILE": pause}).start()
        self.addCleanup(process.stop)
        wait_until("the executor online", lambda: self.gateway.executor(executor["executor_id"])["status"] == "online")
        first = self.gateway.order("mt5-gk", "buy", 0.1)[1]
        wait_until("the first order filled", status_of(self.gateway, first["order_id"], "filled"))

        self.restart_gateway()  # kill -9 while the executor is connected; it must find the new gateway by itself
        second = self.gateway.order("mt5-gk", "sell", 0.2)[1]
        wait_until("an order after the restart filled", status_of(self.gateway, second["order_id"], "filled"), 30)
        if websocket_installed():
            self.assertIn("WebSocket lost", process.log())
            wait_until("the WebSocket open again to the new gateway", lambda: process.log().count("WebSocket open") >= 2)

        open(pause, "w").close()
        third = self.gateway.order("mt5-gk", "buy", 0.3)[1]
        wait_until("the third trade in the terminal", lambda: len(terminal.positions()) == 3)
        self.gateway.kill()  # the gateway dies with the command out and its result not yet back
        os.remove(pause)
        wait_until("the result on the executor's disk", lambda: harness.order_command(process.results(), third["order_id"]))
        process.kill()  # and the executor dies before it could send it
        self.gateway = harness.Gateway(self.data, self.port, os.path.join(self.dir, "gateway-third.log"))
        self.assertEqual("unknown", self.gateway.order_status(third["order_id"])["status"])
        process.start()
        filled = wait_until("the third order filled", status_of(self.gateway, third["order_id"], "filled"))
        self.assertNotIn("recovered", harness.order_command(process.results(), third["order_id"])["details"],
                         "answered with the result kept on disk, not found again in the terminal")
        deals = terminal.deals()
        self.assertEqual(3, len(deals), "three orders, three trades: nothing traded twice")
        tickets = sorted(str(p["ticket"]) for p in terminal.positions())
        self.assertIn(filled["venue_order_id"], tickets)
        wait_until("the gateway's positions to be the terminal's",
                   lambda: sorted(p["ticket"] for p in self.gateway.positions("mt5-gk")) == tickets)


if __name__ == "__main__":
    unittest.main()
