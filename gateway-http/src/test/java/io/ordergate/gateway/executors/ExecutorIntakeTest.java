package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP: results for the gateway's own commands pass seed 000's command limit (only what an executor sends on
 * its own counts), and an executor that falls behind slows its account's intake with 422 EXECUTOR_BUSY instead of
 * leaving orders routed.
 */
class ExecutorIntakeTest
{
    private static final String FILLED = "{\"success\":true,\"details\":{\"ticket\":\"%d\",\"price\":1.08428,\"lots\":0.01}}";

    @TempDir
    Path dataDir;

    @Test
    void shouldTakeEveryResultForTheGatewaysOwnCommandsPastTheCommandLimitAndRefuseIntakePastMaxPending()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "command_limit: 2, max_pending_commands: 5"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            assertEquals(202, gateway.quote("1.08420", "1.08428").status());
            final List<String> commandIds = new ArrayList<>();
            for (int i = 0; i < 5; i++)
            {
                final GatewayHarness.Response routed = gateway.buy("mt5-1", "0.01");
                assertEquals(201, routed.status(), routed.body());
                assertEquals("routed", routed.at("status"));
                commandIds.add("ord_" + routed.at("order_id") + "_1");
            }

            final GatewayHarness.Response busy = gateway.buy("mt5-1", "0.01");
            assertEquals(422, busy.status(), busy.body());
            assertEquals("EXECUTOR_BUSY", busy.at("error", "code"));

            long ticket = 5001;
            for (final String commandId : commandIds)
            {
                final GatewayHarness.Response answered = gateway.result(executor, commandId, "executed", String.format(FILLED, ticket++));
                assertEquals(200, answered.status(), "a result for " + commandId + " past command_limit 2: " + answered.body());
            }
            assertEquals(201, gateway.buy("mt5-1", "0.01").status(), "intake again once the executor caught up");
            for (final String commandId : commandIds)
            {
                final GatewayHarness.Response order = gateway.admin("GET", "/api/v1/orders/" + commandId.substring(4, commandId.lastIndexOf('_')), null);
                assertEquals("filled", order.at("status"), order.body());
            }

            // what the executor sends on its own still counts: two results for commands never sent, then 429
            gateway.result(executor, "cmd_999991", "executed", "{\"success\":true}");
            gateway.result(executor, "cmd_999992", "executed", "{\"success\":true}");
            final GatewayHarness.Response limited = gateway.result(executor, "cmd_999993", "executed", "{\"success\":true}");
            assertEquals(429, limited.status(), limited.body());
        }
    }

    @Test
    void shouldCountARepeatOfAResultTheEngineTookAsTheExecutorsOwn()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "command_limit: 2"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            final String commandId = pause(gateway, executor);
            assertEquals(200, gateway.result(executor, commandId, "executed", "{\"success\":true}").status());
            // The command is answered: an executor repeating its result in a loop meets command_limit (2), not the journal's end.
            assertEquals(200, gateway.result(executor, commandId, "executed", "{\"success\":true}").status(), "a repeat, counted");
            assertEquals(200, gateway.result(executor, commandId, "executed", "{\"success\":true}").status(), "a repeat, counted");
            final GatewayHarness.Response limited = gateway.result(executor, commandId, "executed", "{\"success\":true}");
            assertEquals(429, limited.status(), "a third repeat past command_limit 2: " + limited.body());

            final String next = pause(gateway, executor);
            final GatewayHarness.Response answered = gateway.result(executor, next, "executed", "{\"success\":true}");
            assertEquals(200, answered.status(), "the first result for a command the gateway sent, past the limit: " + answered.body());
        }
    }

    private static String pause(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", "{\"command\":\"PAUSE\"}");
        assertEquals(201, created.status(), created.body());
        return (String)created.at("command_id");
    }
}
