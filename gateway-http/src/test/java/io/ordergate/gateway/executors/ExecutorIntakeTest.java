package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over real HTTP: results for the gateway's own commands pass seed 000's command limit (only what an executor sends on
 * its own counts), and an executor that falls behind slows its account's intake with 422 EXECUTOR_BUSY instead of
 * leaving orders routed. A result the engine refused for its numbers leaves its command pending, and every resend of
 * it counts under the command limit (each would cost a ring command and a journal entry).
 */
class ExecutorIntakeTest
{
    private static final Pattern RESULTS_REFUSED = Pattern.compile("^ordergate_executor_results_refused_total (\\d+)$", Pattern.MULTILINE);
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

    @Test
    void shouldCountEveryResendOfAResultTheEngineRefusedForItsNumbers()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "command_limit: 2"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final String commandId = "ord_" + gateway.buy("mt5-1", "0.10").at("order_id") + "_1";
            final String tooFine = "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.084285,\"lots\":0.1}}";
            assertEquals(400, gateway.result(executor, commandId, "executed", tooFine).status(), "refused by the engine: the command stays pending");
            // Each resend costs a ring command and a journal entry: they count under command_limit (2), then 429
            assertEquals(400, gateway.result(executor, commandId, "executed", tooFine).status(), "a resend, counted");
            assertEquals(400, gateway.result(executor, commandId, "executed", tooFine).status(), "a resend, counted");
            final GatewayHarness.Response limited = gateway.result(executor, commandId, "executed", tooFine);
            assertEquals(429, limited.status(), "a third resend past command_limit 2: " + limited.body());
            assertEquals("RATE_LIMIT_EXCEEDED", limited.at("code"), limited.body());
            assertEquals(3, resultsRefused(gateway), "each result the engine refused, counted for the operator");
            gateway.closeAndCheckSnapshot();
        }
    }

    private static long resultsRefused(final GatewayHarness gateway)
    {
        final Matcher matcher = RESULTS_REFUSED.matcher(gateway.admin("GET", "/metrics", null).body());
        assertTrue(matcher.find(), "the counter is exported");
        return Long.parseLong(matcher.group(1));
    }

    private static String pause(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", "{\"command\":\"PAUSE\"}");
        assertEquals(201, created.status(), created.body());
        return (String)created.at("command_id");
    }
}
