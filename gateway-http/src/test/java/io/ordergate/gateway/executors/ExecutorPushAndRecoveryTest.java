package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * The WebSocket push channel with real frames, duplicate results, and the gateway going away between routing a
 * command and hearing its result.
 */
class ExecutorPushAndRecoveryTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldPushACommandTheMomentItIsRoutedAndOtherwiseDeliverItInTheNextHeartbeat()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);

            final String pushedId;
            try (GatewayHarness.Socket socket = gateway.connect(executor))
            {
                final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
                final Map<String, Object> pushed = socket.nextCommand();
                pushedId = (String)pushed.get("id");
                assertEquals("ord_" + orderId + "_1", pushedId);
                assertEquals("OPEN_POSITION", pushed.get("command"));
                assertEquals(List.of("id", "command", "parameters", "priority", "createdAt"), List.copyOf(pushed.keySet()));
            }

            // No socket: the next command waits for the heartbeat, with the unsettled first one.
            final Object second = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                "{\"command\":\"GET_STATUS\",\"priority\":\"LOW\"}").at("command_id");
            final List<?> pending = (List<?>)gateway.heartbeat(executor).at("pendingCommands");
            assertEquals(List.of(pushedId, second), pending.stream().map(c -> ((Map<?, ?>)c).get("id")).toList());

            // Reconnect: everything still pending is pushed again, in priority order.
            try (GatewayHarness.Socket socket = gateway.connect(executor))
            {
                assertEquals(pushedId, socket.nextCommand().get("id"));
                assertEquals(second, socket.nextCommand().get("id"));

                // Results and heartbeats over the socket go through the same commands as the HTTP routes.
                socket.send("{\"type\":\"command_result\",\"commandId\":\"" + pushedId + "\",\"status\":\"executed\","
                    + "\"result\":{\"success\":true,\"message\":\"opened\",\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}}");
                final Map<String, Object> ack = socket.next();
                assertEquals("executed", GatewayHarness.at(ack, "command", "status"));
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"accountBalance\":\"10001.25\",\"accountEquity\":10002}}");
                final Map<String, Object> beat = socket.next();
                assertEquals(List.of(second), ((List<?>)beat.get("pendingCommands")).stream().map(c -> ((Map<?, ?>)c).get("id")).toList());
                socket.send("{\"type\":\"nonsense\"}");
                assertEquals("VALIDATION_ERROR", socket.next().get("code"));
                // The socket copies each frame into one buffer it grows: a long message, then a short one after it.
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"note\":\"" + "x".repeat(3000) + "\"}}");
                assertEquals(1, ((List<?>)socket.next().get("pendingCommands")).size());
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\"}");
                assertEquals(1, ((List<?>)socket.next().get("pendingCommands")).size());
            }
            final String orderPath = "/api/v1/orders/" + pushedId.substring(4, pushedId.lastIndexOf('_'));  // ord_<order id>_<start epoch>
            assertEquals("filled", gateway.admin("GET", orderPath, null).at("status"));
            assertEquals("777001", gateway.admin("GET", orderPath, null).at("venue_order_id"));
            assertEquals(new BigDecimal("10001.25"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("balance"));
            // Not the heartbeat's 10002: the gateway values the open ticket itself, 0.1 lot long from 1.08428 at the bid
            // 1.08420 = -0.80, so 10001.25 - 0.80.
            assertEquals(new BigDecimal("10000.45"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("equity"));

            // A second result for the same command changes nothing and gets the same answer.
            final GatewayHarness.Response repeat = gateway.result(executor, pushedId, "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"999\",\"price\":2,\"lots\":5}}");
            assertEquals(200, repeat.status());
            assertEquals("executed", repeat.at("command", "status"));
            final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
            assertEquals(1, positions.size());
            assertEquals("777001", ((Map<?, ?>)positions.get(0)).get("ticket"));
            assertEquals(new BigDecimal("0.1"), ((Map<?, ?>)positions.get(0)).get("quantity"));
        }
    }

    @Test
    void shouldRedeliverARoutedCommandWithTheSameIdAfterARestartAndFillTheOrderOnce()
    {
        final GatewayHarness.Executor executor;
        final Object orderId;
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);
            orderId = gateway.buy("mt5-1", "0.20").at("order_id");
            assertEquals("routed", gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
        }  // the gateway goes away after routing, before any result

        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            assertEquals("unknown", gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
            try (GatewayHarness.Socket socket = gateway.connect(executor))  // the executor's key survived the restart
            {
                final Map<String, Object> again = socket.nextCommand();
                assertEquals("ord_" + orderId + "_1", again.get("id"));
                socket.send("{\"type\":\"command_result\",\"commandId\":\"ord_" + orderId + "_1\",\"status\":\"executed\","
                    + "\"result\":{\"success\":true,\"details\":{\"ticket\":\"424242\",\"price\":\"1.08428\",\"lots\":\"0.20\"}}}");
                socket.next();
            }
            gateway.result(executor, "ord_" + orderId + "_1", "executed", "{\"success\":true,\"details\":{\"ticket\":\"424243\",\"price\":1.1,\"lots\":0.2}}");
            final GatewayHarness.Response order = gateway.admin("GET", "/api/v1/orders/" + orderId, null);
            assertEquals("filled", order.at("status"));
            assertEquals(new BigDecimal("0.2"), order.at("filled_quantity"));
            assertEquals("424242", order.at("venue_order_id"));
            assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size());
        }
    }

    @Test
    void shouldHaveTheSimulatedTerminalAnswerARepeatedCommandWithItsFirstResultAcrossAGatewayRestart() throws Exception
    {
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        GatewayHarness gateway = GatewayHarness.start(dataDir, port, "", false);
        final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
        try (SimulatedTerminal terminal = new SimulatedTerminal(
            new SimulatedTerminal.Settings(gateway.base, executor.id(), executor.key(), executor.secret(), 1), prices).start())
        {
            final GatewayHarness first = gateway;
            GatewayHarness.await("the terminal online",
                () -> "online".equals(first.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status")));
            gateway.quote("1.08420", "1.08428");
            final Object filled = gateway.buy("mt5-1", "0.10").at("order_id");
            GatewayHarness.await("the first order filled", () -> "filled".equals(first.admin("GET", "/api/v1/orders/" + filled, null).at("status")));
            assertEquals(1, terminal.tradesDone());

            terminal.holdResults(true);
            final Object orderId = gateway.buy("mt5-1", "0.30").at("order_id");
            GatewayHarness.await("the terminal to trade", () -> terminal.result("ord_" + orderId + "_1") != null);
            gateway.close();  // gone between the trade and its result

            gateway = GatewayHarness.start(dataDir, port, "", false);
            final GatewayHarness restarted = gateway;
            assertEquals("unknown", restarted.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
            terminal.holdResults(false);
            GatewayHarness.await("the redelivered order filled",
                () -> "filled".equals(restarted.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
            assertEquals(2, terminal.tradesDone());
            assertTrue(terminal.connections() >= 2);
            assertEquals(2, ((List<?>)restarted.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size());
            final Map<?, ?> details = (Map<?, ?>)terminal.result("ord_" + orderId + "_1").get("details");
            assertEquals(details.get("ticket"), restarted.admin("GET", "/api/v1/orders/" + orderId, null).at("venue_order_id"));
        }
        finally
        {
            gateway.close();
        }
    }
}
