package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh gateway per test with one MT5 executor online for account {@code mt5-1}, its symbol quoted, and executors
 * kept online for five minutes without a heartbeat (a test's results arrive whenever it sends them): the set-up of the
 * tests that post an executor's results and read what they booked, and their steps.
 */
abstract class QuotedExecutorTest
{
    @TempDir
    Path dataDir;

    GatewayHarness gateway;
    GatewayHarness.Executor executor;

    @BeforeEach
    void startGatewayWithQuotedExecutor()
    {
        gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300");
        executor = gateway.onlineExecutorQuoted("mt5-1");
    }

    @AfterEach
    void stopGateway()
    {
        gateway.close();
    }

    /** Posts the executor's result for its first pending command. */
    GatewayHarness.Response answer(final String status, final String result)
    {
        final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");
        return gateway.result(executor, commandId, status, result);
    }

    /** The result was taken as {@code status} and its command is no longer handed out. */
    void settled(final GatewayHarness.Response answer, final String status)
    {
        assertEquals(200, answer.status(), answer.body());
        assertEquals(status, answer.at("command", "status"), answer.body());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again to be executed twice");
    }

    /** The order an order answer names, read again. */
    GatewayHarness.Response order(final GatewayHarness.Response order)
    {
        return gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
    }
}
