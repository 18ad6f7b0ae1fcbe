package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's own sample executor reports {@code "status": "executed"} with {@code "result": {"success": false, ...}}
 * when a command did not do what it asked: the order is then rejected with the executor's message, as for a
 * {@code failed} result, never filled without a ticket or a price.
 */
class ExecutorResultSuccessTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldRejectAnOrderWhoseExecutedResultSaysItDidNotSucceed()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            gateway.quote("1.08420", "1.08428");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            assertEquals(201, order.status(), order.body());
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "executed",
                "{\"success\":false,\"message\":\"Market closed\"}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals("failed", answer.at("command", "status"), answer.body());

            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("VENUE_REJECTED", after.at("reject_code"), after.body());
            assertEquals("Market closed", after.at("reject_message"), after.body());
            assertEquals(List.of(), gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));
            gateway.closeAndCheckSnapshot();
        }
    }

    /**
     * MT5's {@code order_send} answers a refused order with {@code order} 0 (no ticket), which an executor passes on as
     * {@code details.ticket}: refused for it, the failed result would leave the command pending, delivered and tried again
     * with every heartbeat, and the order routed for ever.
     */
    @Test
    void shouldRejectAnOrderWhoseFailedResultCarriesMt5sTicketZero()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "failed",
                "{\"success\":false,\"message\":\"Invalid stops\",\"details\":{\"ticket\":0,\"retcode\":10016}}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("Invalid stops", after.at("reject_message"), after.body());
        }
    }
}
