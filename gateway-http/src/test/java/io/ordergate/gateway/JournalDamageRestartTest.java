package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.journal.JournalDamagedException;
import io.ordergate.journal.cli.JournalCli;

/**
 * Issue 9, item 1, end to end through a real gateway: a journal damaged on disk while the gateway is down. The last
 * order's {@code client_order_id} {@code t2-2-3-714} cut to {@code t2-2-3-\0\0\0} once came back as a different order;
 * a damaged last header once made every order acknowledged after it vanish at the next restart.
 *
 * <pre>
 *   orders ─► stop ─► damage ─► start: warned, aside ─► orders acknowledged ─► stop ─► start: all of them there
 * </pre>
 */
class JournalDamageRestartTest
{
    private static final String ACCOUNT_ORDERS = "/api/v1/orders?account_id=paper-1&limit=1000";
    /** Held: java.util.logging keeps loggers weakly, and a handler on a collected one would hear nothing. */
    private static final Logger JOURNAL_LOG = Logger.getLogger("io.ordergate.journal.Journal");

    @TempDir
    Path dataDir;

    private final List<String> journalWarnings = new ArrayList<>();
    private final Handler capture = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            synchronized (journalWarnings)
            {
                journalWarnings.add(record.getMessage());
            }
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeEach
    void captureJournalLog()
    {
        JOURNAL_LOG.addHandler(capture);
    }

    @AfterEach
    void releaseJournalLog()
    {
        JOURNAL_LOG.removeHandler(capture);
    }

    @Test
    void anOrderWhoseLastBytesWereZeroedIsMovedAsideAndOrdersAfterItSurviveTheNextRestart() throws Exception
    {
        placeOrdersThenStop("t2-2-3-714");
        JournalBytes.replaceLast(journal(), "t2-2-3-714", "t2-2-3-\0\0\0");
        startAfterTailDamageAndCheckTheNextRestart();
    }

    @Test
    void aDamagedHeaderOfTheLastOrderIsMovedAsideAndOrdersAfterItSurviveTheNextRestart() throws Exception
    {
        placeOrdersThenStop("t2-2-3-714");
        JournalBytes.zeroLastRecordHeader(journal());
        startAfterTailDamageAndCheckTheNextRestart();
    }

    @Test
    void damageInTheMiddleStopsStartUpUntilTheRepairCommandRuns() throws Exception
    {
        placeOrdersThenStop("t2-2-3-714", "t2-2-3-715");
        JournalBytes.replaceLast(journal(), "t2-2-3-714", "t2-2-3-\0\0\0");

        JournalDamagedException refused = assertThrows(JournalDamagedException.class, () -> TestGateway.start(dataDir));
        assertTrue(refused.getMessage().contains("journal repair --data-dir '" + dataDir.toAbsolutePath() + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("then 1 intact records"), refused.getMessage());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = JournalCli.run(new String[] {"repair", "--data-dir", dataDir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("with the 1 intact records after the damage"), out::toString);

        final String digest;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(List.of("t2-2-3-1", "t2-2-3-2", "t2-2-3-3"), clientOrderIds(gateway), "cut at the damage");
            assertEquals(201, gateway.order(limitOrder("t2-2-3-714")).status());
            digest = gateway.digest();
        }
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(digest, gateway.digest());
            assertEquals(List.of("t2-2-3-1", "t2-2-3-2", "t2-2-3-3", "t2-2-3-714"), clientOrderIds(gateway));
        }
    }

    private void startAfterTailDamageAndCheckTheNextRestart() throws Exception
    {
        final String digest;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(1, journalWarnings.size(), journalWarnings.toString());
            String warning = journalWarnings.get(0);
            assertTrue(warning.startsWith("journal damaged: ") && warning.contains("Kept the "), warning);
            Path aside;
            try (var incidents = Files.list(journal().resolve("damaged")))
            {
                aside = incidents.findFirst().orElseThrow();
            }
            assertTrue(warning.contains(aside.toString()), warning);
            assertEquals(List.of("t2-2-3-1", "t2-2-3-2", "t2-2-3-3"), clientOrderIds(gateway),
                "the damaged order is not replayed as a different one");

            TestGateway.Reply retried = gateway.order(limitOrder("t2-2-3-714"));
            assertEquals(201, retried.status(), retried::toString);
            TestGateway.Reply next = gateway.order(limitOrder("t2-2-3-715"));
            assertEquals(201, next.status(), next::toString);
            digest = gateway.digest();
        }
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(1, journalWarnings.size(), "nothing damaged the second time: " + journalWarnings);
            assertEquals(digest, gateway.digest(), "every command acknowledged after the damage was replayed");
            assertEquals(List.of("t2-2-3-1", "t2-2-3-2", "t2-2-3-3", "t2-2-3-714", "t2-2-3-715"), clientOrderIds(gateway));
            assertEquals(200, gateway.order(limitOrder("t2-2-3-715")).status(), "a retry finds the first order");
        }
    }

    private void placeOrdersThenStop(final String... lastOrders)
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            for (String clientOrderId : List.of("t2-2-3-1", "t2-2-3-2", "t2-2-3-3"))
            {
                assertEquals(201, gateway.order(limitOrder(clientOrderId)).status());
            }
            for (String clientOrderId : lastOrders)
            {
                assertEquals(201, gateway.order(limitOrder(clientOrderId)).status());
            }
            gateway.closeAsIfKilled();  // damage at the tail is what a crash leaves: no clean-stop checkpoint after the orders
        }
    }

    private static String limitOrder(final String clientOrderId)
    {
        return "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":1.07,"
            + "\"quantity\":0.01,\"client_order_id\":\"" + clientOrderId + "\"}";
    }

    /** Oldest first. */
    private static List<String> clientOrderIds(final TestGateway gateway)
    {
        TestGateway.Reply reply = gateway.get(ACCOUNT_ORDERS);
        assertEquals(200, reply.status(), reply::toString);
        List<String> ids = new ArrayList<>();
        for (JsonNode order : reply.json().path("orders"))
        {
            String id = order.path("client_order_id").asText();
            assertFalse(id.contains("\u0000"), "an order came back changed: " + order);
            ids.add(0, id);
        }
        return ids;
    }

    private Path journal()
    {
        return dataDir.resolve("journal");
    }
}
