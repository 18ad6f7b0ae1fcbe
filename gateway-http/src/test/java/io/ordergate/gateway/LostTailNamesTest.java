package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.journal.cli.JournalCli;

/**
 * Names that left the gateway are never given again after a lost journal tail (docs/RELIABILITY.md, "What a lost tail
 * costs outside the gateway"). The commands cut off with the tail had already reached an executor or a webhook
 * receiver; the next start gives their order id and journal index again, and before start epochs it gave their
 * outside names again too: the executor answered the new {@code ord_N} from the result it stored for the lost one,
 * and a receiver deduplicating by event id dropped the new event.
 *
 * <pre>
 *   orders reach the outside ─► kill ─► a lost tail (cut by repair) ─► start: the same order id / journal index,
 *   another name ─► an answer to the old name does not touch the new order ─► restart: the replay agrees
 * </pre>
 */
class LostTailNamesTest
{
    private static final String MT5_ACCOUNT = "  - { account_id: mt5-1, venue: mt5, currency: USD, balance: 10000, leverage: 100 }\n";

    @TempDir
    Path dataDir;

    @Test
    void anExecutorIsNeverSentTheCommandIdOfAnOrderLostWithTheJournalTail() throws Exception
    {
        final Key executor;
        final String executorId;
        final String lostOrderId;
        final String lostCommandId;
        try (TestGateway gateway = startWithMt5())
        {
            final Reply created = gateway.post("/api/v1/executors", "{\"name\":\"Terminal\",\"platform\":\"MT5\",\"account_id\":\"mt5-1\"}");
            assertEquals(201, created.status(), created::toString);
            executor = new Key(created.text("api_key"), created.text("api_secret"));
            executorId = created.text("executor_id");
            assertEquals(200, heartbeat(gateway, executorId, executor).status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final Reply routed = gateway.order(mt5Buy("lost-714"));
            assertEquals(201, routed.status(), routed::toString);
            lostOrderId = routed.text("order_id");
            lostCommandId = onlyPendingCommand(heartbeat(gateway, executorId, executor));
            assertTrue(lostCommandId.startsWith("ord_" + lostOrderId), lostCommandId);
            gateway.closeAsIfKilled();
        }
        JournalBytes.replaceLast(dataDir.resolve("journal"), "lost-714", "lost\0\0\0\0");  // a heartbeat came after it
        repair();

        final String digest;
        try (TestGateway gateway = startWithMt5())
        {
            assertEquals(200, heartbeat(gateway, executorId, executor).status());
            final Reply routed = gateway.order(mt5Buy("new-1"));
            assertEquals(201, routed.status(), routed::toString);
            assertEquals(lostOrderId, routed.text("order_id"), "the lost order's id is given again inside the gateway");
            final String commandId = onlyPendingCommand(heartbeat(gateway, executorId, executor));
            assertTrue(commandId.startsWith("ord_" + lostOrderId + "_"), commandId);
            assertNotEquals(lostCommandId, commandId, "but never its name outside");

            final Reply stale = gateway.send("PATCH", "/api/executor/" + executorId + "/command", result(lostCommandId, "777001"), executor);
            assertEquals(404, stale.status(), "the executor's stored answer to the lost command is not this order's: " + stale);
            assertEquals("routed", gateway.get("/api/v1/orders/" + lostOrderId).text("status"));
            final Reply answered = gateway.send("PATCH", "/api/executor/" + executorId + "/command", result(commandId, "777002"), executor);
            assertEquals(200, answered.status(), answered::toString);
            assertEquals("filled", gateway.get("/api/v1/orders/" + lostOrderId).text("status"));
            digest = gateway.digest();
        }
        try (TestGateway gateway = startWithMt5())
        {
            assertEquals(digest, gateway.digest(), "the replay gives every order the epoch its live run gave");
        }
    }

    @Test
    void aWebhookReceiverIsNeverSentTheEventIdOfACommandLostWithTheJournalTail() throws Exception
    {
        final String lostEventId;
        try (WebhookReceiver receiver = new WebhookReceiver())
        {
            final Key trade;
            try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                trade = gateway.createKey("trade", "paper-1");
                final Reply created = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order_filled\"]}", trade);
                assertEquals(201, created.status(), created::toString);
                assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
                // resting limit orders (no event) first, as many as a start journals commands (START_EPOCH, then the
                // executors' and exchanges' recoveries), so that the filled order's index is the next start's first order's
                for (final String resting : new String[] {"lost-a", "lost-b", "lost-c"})
                {
                    assertEquals(201, gateway.send("POST", "/api/v1/orders", paperOrder(resting, "limit"), trade).status());
                }
                assertEquals(201, gateway.send("POST", "/api/v1/orders", paperOrder("lost-1", "market"), trade).status());
                lostEventId = receiver.next("order_filled", 10).eventId();
                gateway.closeAsIfKilled();
            }
            JournalBytes.replaceLast(dataDir.resolve("journal"), "lost-a", "lost\0\0");
            repair();

            final String digest;
            try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                final Reply filled = gateway.send("POST", "/api/v1/orders", paperOrder("new-1", "market"), trade);
                assertEquals(201, filled.status(), filled::toString);
                final WebhookReceiver.Received event = receiver.next(r -> r.json().path("data").path("client_order_id").asText().equals("new-1"), 10);
                assertEquals(journalIndexOf(lostEventId), journalIndexOf(event.eventId()), "the lost command's journal index is given again");
                assertNotEquals(lostEventId, event.eventId(), "but never its event id");
                digest = gateway.digest();
            }
            try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
            {
                assertEquals(digest, gateway.digest());
            }
        }
    }

    @Test
    void aStartEpochFileThatHoldsSomethingElseStopsStartUpWithWhatToDo() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
        }
        assertEquals("1", Files.readString(dataDir.resolve(StartEpoch.FILE_NAME)).trim());
        Files.writeString(dataDir.resolve(StartEpoch.FILE_NAME), "twelve\n");
        final IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
            () -> TestGateway.start(dataDir));
        assertTrue(refused.getMessage().contains("not a start epoch") && refused.getMessage().contains("delete the file"), refused.getMessage());

        Files.delete(dataDir.resolve(StartEpoch.FILE_NAME));
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
        }
        assertEquals("2", Files.readString(dataDir.resolve(StartEpoch.FILE_NAME)).trim(), "counted on from the journal's last epoch");
    }

    private TestGateway startWithMt5()
    {
        return TestGateway.startEdited(dataDir, config -> config.replace("accounts:\n", "accounts:\n" + MT5_ACCOUNT));
    }

    /** Cuts the journal at its damage, as an operator's repair does: what follows is the lost tail. */
    private void repair()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = JournalCli.run(new String[] {"repair", "--data-dir", dataDir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }

    private static Reply heartbeat(final TestGateway gateway, final String executorId, final Key executor)
    {
        return gateway.send("POST", "/api/executor/" + executorId + "/heartbeat",
            "{\"status\":\"online\",\"metadata\":{\"version\":\"1.0.0\",\"platform\":\"MT5\"}}", executor);
    }

    private static String onlyPendingCommand(final Reply heartbeat)
    {
        assertEquals(200, heartbeat.status(), heartbeat::toString);
        final JsonNode pending = heartbeat.json().path("pendingCommands");
        assertEquals(1, pending.size(), heartbeat::toString);
        return pending.get(0).path("id").asText();
    }

    private static String mt5Buy(final String clientOrderId)
    {
        return "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1,\"client_order_id\":\""
            + clientOrderId + "\"}";
    }

    private static String paperOrder(final String clientOrderId, final String type)
    {
        return "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"" + type + "\","
            + ("limit".equals(type) ? "\"price\":1.07," : "") + "\"quantity\":0.1,\"client_order_id\":\"" + clientOrderId + "\"}";
    }

    private static String result(final String commandId, final String ticket)
    {
        return "{\"commandId\":\"" + commandId + "\",\"status\":\"executed\",\"result\":{\"success\":true,\"message\":\"position opened\","
            + "\"details\":{\"ticket\":\"" + ticket + "\",\"price\":1.08428,\"lots\":0.1}}}";
    }

    /** {@code evt_<journal index in hex>_<n>[_<epoch>]}: the index. */
    private static String journalIndexOf(final String eventId)
    {
        return eventId.split("_")[1];
    }
}
