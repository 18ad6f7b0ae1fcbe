package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's sample executor never reads the answer to its result: a refused result leaves the command pending, handed
 * out again and executed twice. What a Python or MQL executor sends as text is read when it can be read exactly
 * ({@code "success": "true"}), a number a FAILED result carries but the gateway does not need is ignored, and only a
 * number the gateway would book from an executed result is refused when it is not one.
 */
class ExecutorResultTextValuesTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldReadSuccessSentAsText()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "executed",
                "{\"success\":\"False\",\"message\":\"Market closed\"}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals("failed", answer.at("command", "status"), answer.body());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("Market closed", after.at("reject_message"), after.body());
        }
    }

    @Test
    void shouldIgnoreUnreadableNumbersOfAFailedResult()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "failed",
                "{\"success\":false,\"message\":\"No money\",\"details\":{\"price\":\"\",\"profit\":\"n/a\",\"lots\":\"-\"}}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("No money", after.at("reject_message"), after.body());
        }
    }

    /** Python's str(None) where a value was missing: nothing in a failed result the gateway needs. */
    @Test
    void shouldIgnoreUnreadableSuccessAndTicketOfAFailedResult()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "failed",
                "{\"success\":\"None\",\"message\":\"Requote\",\"details\":{\"ticket\":\"None\"}}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
            assertEquals("Requote", after.at("reject_message"), after.body());
        }
    }

    /** MT5's order_send answers a refused order with deal 0 as well as order 0: no deal, as ticket 0 is no ticket. */
    @Test
    void shouldTakeMt5sDealZeroAsNoDeal()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "failed",
                "{\"success\":false,\"message\":\"Off quotes\",\"details\":{\"ticket\":0,\"deal\":0,\"retcode\":10021}}");
            assertEquals(200, answer.status(), answer.body());
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not delivered again");
            final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
            assertEquals("rejected", after.at("status"), after.body());
        }
    }

    @Test
    void shouldStillRefuseAnExecutedResultWhosePriceIsNoNumber()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            gateway.buy("mt5-1", "0.10");
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

            final GatewayHarness.Response answer = gateway.result(executor, commandId, "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":\"n/a\",\"lots\":0.1}}");
            assertEquals(400, answer.status(), answer.body());
        }
    }
}
