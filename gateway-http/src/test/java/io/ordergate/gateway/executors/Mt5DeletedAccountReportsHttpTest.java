package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor of a deleted MT5 account serves no account: an account made again under the id is a new account, and
 * what the old executor still sends (a late trade report for a ticket the old account held, a heartbeat's balance)
 * must not land in it. The reports used to be booked on the deleted account's slot, and its fill and balance were then
 * recorded by id, in the new account's performance record:
 *
 * <pre>
 *   late-a (10000), executor A: ticket 7001 opened and closed (profit 30.00, commission -0.70, swap -0.20)
 *   late-a deleted; made again (10000)
 *   executor A: close report of 7001 again (commission -0.80)  -> an error frame naming the deleted account
 *   executor A: heartbeat, balance 12345                         -> answered, no balance moved
 *   executor B, the new account's: close report of 7001         -> 404 (the new account never held it)
 *   late-a: balance 10000, performance: no fill, deposits 10000, no withdrawal
 *   GET executor A: account_deleted true; executor B: false
 * </pre>
 * The gateway's stop replays the journal and compares the state digest: the refusal replays as it was decided.
 */
class Mt5DeletedAccountReportsHttpTest
{
    private static final String ACCOUNT = "late-a";

    @TempDir
    Path dataDir;

    @Test
    void theOldExecutorsLateReportsDoNotTouchTheAccountMadeAgain()
    {
        final GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300");
        try
        {
            assertEquals(201, gateway.admin("POST", "/api/v1/accounts", account()).status());
            final GatewayHarness.Executor old = gateway.registerExecutor(ACCOUNT);
            try (GatewayHarness.Socket socket = gateway.connect(old))
            {
                socket.send(open(old));
                assertEquals("open", answer(socket).get("status"));
                socket.send("{\"type\":\"trade\"," + close(old, "-0.70"));
                assertEquals("closed", answer(socket).get("status"));
                same("10029.1", gateway.admin("GET", "/api/v1/accounts/" + ACCOUNT, null).at("balance"));

                final GatewayHarness.Response deleted = gateway.admin("DELETE", "/api/v1/accounts/" + ACCOUNT, null);
                assertEquals(200, deleted.status(), deleted.body());
                assertEquals(201, gateway.admin("POST", "/api/v1/accounts", account()).status());

                socket.send("{\"type\":\"trade\"," + close(old, "-0.80"));
                final Map<String, Object> refused = socket.next();
                assertEquals("error", refused.get("type"), String.valueOf(refused));
                assertEquals("CONFLICT", refused.get("code"), String.valueOf(refused));
                assertTrue(String.valueOf(refused.get("error")).contains("deleted"), "the error says the account was deleted: " + refused);
            }
            final GatewayHarness.Response beat = gateway.call("POST", "/api/executor/" + old.id() + "/heartbeat",
                "{\"status\":\"online\",\"metadata\":{\"accountBalance\":\"12345.00\"}}", old.key(), old.secret());
            assertEquals(200, beat.status(), beat.body());
            // The new account's own executor (beside the same terminal) never held the ticket: its close is not found.
            final GatewayHarness.Executor fresh = gateway.registerExecutor(ACCOUNT);
            final GatewayHarness.Response unknown = gateway.call("POST", "/api/trade", "{" + close(fresh, "-0.80"), fresh.key(), fresh.secret());
            assertEquals(404, unknown.status(), unknown.body());

            same("10000", gateway.admin("GET", "/api/v1/accounts/" + ACCOUNT, null).at("balance"));
            // Listed still (its pending commands and last word stay readable), but not as the new account's executor.
            assertEquals(Boolean.TRUE, gateway.admin("GET", "/api/v1/executors/" + old.id(), null).at("account_deleted"));
            assertEquals(Boolean.FALSE, gateway.admin("GET", "/api/v1/executors/" + fresh.id(), null).at("account_deleted"));
            final GatewayHarness.Response performance = gateway.admin("GET", "/api/v1/accounts/" + ACCOUNT + "/performance", null);
            assertEquals(200, performance.status(), performance.body());
            assertEquals(0, ((Number)performance.at("metrics", "fills")).intValue(), performance.body());
            same("0", performance.at("metrics", "realized_pnl"));
            same("0", performance.at("metrics", "fees"));
            same("10000", performance.at("metrics", "deposits"));
            same("0", performance.at("metrics", "withdrawals"));
        }
        finally
        {
            gateway.closeAndCheckSnapshot();
        }
    }

    /**
     * A command the deleted account's executor still owes (here GET_STATUS, sent before the delete): its result is
     * refused like the trade reports, 409 CONFLICT on the socket saying the account was deleted, and settled, so it is
     * not sent again; nothing of it reaches the account made again. It used to be taken as any other result (200).
     */
    @Test
    void theOldExecutorsResultForACommandOwedBeforeTheDeleteIsRefusedAndSettled()
    {
        final GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300");
        try
        {
            assertEquals(201, gateway.admin("POST", "/api/v1/accounts", account()).status());
            final GatewayHarness.Executor old = gateway.registerExecutor(ACCOUNT);
            try (GatewayHarness.Socket socket = gateway.connect(old))
            {
                final GatewayHarness.Response queued = gateway.admin("POST", "/api/v1/executors/" + old.id() + "/commands", "{\"command\":\"GET_STATUS\"}");
                assertEquals(201, queued.status(), queued.body());
                final String commandId = (String)socket.nextCommand().get("id");

                assertEquals(200, gateway.admin("DELETE", "/api/v1/accounts/" + ACCOUNT, null).status());
                assertEquals(201, gateway.admin("POST", "/api/v1/accounts", account()).status());

                socket.send("{\"type\":\"command_result\",\"commandId\":\"" + commandId + "\",\"status\":\"executed\","
                    + "\"result\":{\"success\":true,\"details\":{\"balance\":12345.00}}}");
                final Map<String, Object> refused = socket.next();
                assertEquals("error", refused.get("type"), String.valueOf(refused));
                assertEquals("CONFLICT", refused.get("code"), String.valueOf(refused));
                assertTrue(String.valueOf(refused.get("error")).contains("deleted"), "the error says the account was deleted: " + refused);
            }
            final List<?> pending = (List<?>)gateway.admin("GET", "/api/v1/executors/" + old.id(), null).at("pending_commands");
            assertEquals(List.of(), pending, "settled: not sent again");
            same("10000", gateway.admin("GET", "/api/v1/accounts/" + ACCOUNT, null).at("balance"));
        }
        finally
        {
            gateway.closeAndCheckSnapshot();
        }
    }

    /**
     * The refused result settled its command, so the executor repeating it in a loop meets {@code command_limit} (2) like
     * any repeat of an answered result, not the journal's end: it used to stay exempt, every repeat a journal entry.
     */
    @Test
    void aRepeatOfTheRefusedResultCountsUnderTheCommandLimit()
    {
        final GatewayHarness gateway = GatewayHarness.start(dataDir, "command_limit: 2");
        try
        {
            assertEquals(201, gateway.admin("POST", "/api/v1/accounts", account()).status());
            final GatewayHarness.Executor old = gateway.registerExecutor(ACCOUNT);
            assertEquals(200, gateway.heartbeat(old).status());
            final GatewayHarness.Response queued = gateway.admin("POST", "/api/v1/executors/" + old.id() + "/commands", "{\"command\":\"PAUSE\"}");
            assertEquals(201, queued.status(), queued.body());
            final String commandId = (String)queued.at("command_id");
            assertEquals(200, gateway.admin("DELETE", "/api/v1/accounts/" + ACCOUNT, null).status());

            for (int repeat = 0; repeat < 3; repeat++)
            {
                final GatewayHarness.Response refused = gateway.result(old, commandId, "executed", "{\"success\":true}");
                assertEquals(409, refused.status(), "the result and two counted repeats: " + refused.body());
                assertEquals("CONFLICT", refused.at("code"), refused.body());
            }
            final GatewayHarness.Response limited = gateway.result(old, commandId, "executed", "{\"success\":true}");
            assertEquals(429, limited.status(), "a third repeat past command_limit 2: " + limited.body());
        }
        finally
        {
            gateway.closeAndCheckSnapshot();
        }
    }

    private static String account()
    {
        return "{\"account_id\": \"" + ACCOUNT + "\", \"venue\": \"mt5\", \"balance\": 10000}";
    }

    private static String open(final GatewayHarness.Executor executor)
    {
        return "{\"type\":\"trade\",\"executorId\":\"" + executor.id() + "\",\"ticket\":\"7001\",\"symbol\":\"EURUSD\",\"side\":\"BUY\","
            + "\"lots\":0.10,\"openTime\":\"2026-12-01T10:00:00Z\",\"openPrice\":1.09500}";
    }

    /** A close report's fields after its opening brace (the socket's message adds its type first). */
    private static String close(final GatewayHarness.Executor executor, final String commission)
    {
        return "\"executorId\":\"" + executor.id() + "\",\"ticket\":\"7001\",\"closeTime\":\"2026-12-01T11:00:00Z\","
            + "\"closePrice\":1.09800,\"commission\":" + commission + ",\"swap\":-0.20,\"profit\":30.00}";
    }

    /** The trade object of the socket's next frame, which must be a success. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(final GatewayHarness.Socket socket)
    {
        final Map<String, Object> frame = socket.next();
        assertEquals(Boolean.TRUE, frame.get("success"), String.valueOf(frame));
        return (Map<String, Object>)frame.get("trade");
    }

    private static void same(final String expected, final Object actual)
    {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), expected + " vs " + actual);
    }
}
