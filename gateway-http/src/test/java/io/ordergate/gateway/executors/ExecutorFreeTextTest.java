package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An executor's free text (a result's message, a trade's comment) longer than the gateway keeps is cut, never a reason
 * to refuse the message: seed 000's sample executor reports {@code str(e)} of a Python exception as the message and
 * never reads the answer to its PATCH, so a refused result leaves its command pending, delivered and executed again
 * with every heartbeat (a second position for one order), and a refused trade report loses the trade. Likewise a
 * {@code result} or {@code details} that is not an object (the sample sends whatever its command handler returned).
 */
class ExecutorFreeTextTest extends QuotedExecutorTest
{
    /** Longer than the 256 characters kept; a Python exception's text often is (a URL, an address, the cause). */
    private static final String LONG = "HTTPConnectionPool(host='broker.example', port=443): Max retries exceeded ".repeat(5);

    @Test
    void shouldSettleAnExecutedOpenWhoseMessageIsLongInsteadOfDeliveringItAgain()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

        final GatewayHarness.Response answer = gateway.result(executor, commandId, "executed",
            "{\"success\":true,\"message\":\"" + LONG + "\",\"details\":{\"ticket\":\"555\",\"price\":1.08428,\"lots\":0.1}}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), "not sent again to be executed twice");
        assertEquals("filled", gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null).at("status"));
        assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size());
    }

    @Test
    void shouldRejectAnOrderWithTheStartOfAFailuresLongMessage()
    {
        final GatewayHarness.Response order = gateway.buy("mt5-1", "0.10");
        final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");

        assertEquals(200, gateway.result(executor, commandId, "failed", "{\"success\":false,\"message\":\"" + LONG + "\"}").status());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"));
        final GatewayHarness.Response after = gateway.admin("GET", "/api/v1/orders/" + order.at("order_id"), null);
        assertEquals("rejected", after.at("status"), after.body());
        assertEquals(LONG.substring(0, 256), after.at("reject_message"));
    }

    @Test
    void shouldSettleAControlCommandWhoseResultIsNotAnObject()
    {
        for (final String result : new String[] {"true", "\"paused\"", "{\"success\":true,\"details\":[\"paused\"]}"})
        {
            assertEquals(201, gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", "{\"command\":\"PAUSE\"}").status());
            final String commandId = (String)gateway.heartbeat(executor).at("pendingCommands", 0, "id");
            final GatewayHarness.Response answer = gateway.result(executor, commandId, "executed", result);
            assertEquals(200, answer.status(), result + ": " + answer.body());
            assertEquals("executed", answer.at("command", "status"));
            assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"), result + ": not delivered again");
        }
    }

    @Test
    void shouldBookATradeReportWhoseCommentIsLong()
    {
        final GatewayHarness.Response opened = gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"777\","
            + "\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.01,\"openPrice\":1.0950,\"comment\":\"" + LONG + "\"}", executor.key(), executor.secret());
        assertEquals(200, opened.status(), opened.body());
        assertEquals("777", gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions", 0, "ticket"));
    }
}
