package io.ordergate.exchange.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.ExchangeEndpoint;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.VenueAnswer;

/**
 * A second dialect is one class away: the OKX dialect signs as OKX does (checked by a fixture server that refuses a
 * wrong signature or passphrase), and the shared client and order session place, and reconcile after a 503, an order
 * through it unchanged, once.
 */
class OkxDialectTest
{
    private static final String KEY = "okx-key-0123456789";
    private static final String SECRET = "okx-secret-0123456789";
    private static final String PASSPHRASE = "okx-passphrase";

    private final OkxDialect dialect = new OkxDialect();
    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(2);
    private OkxFixture fixture;

    @BeforeEach
    void start() throws Exception
    {
        fixture = new OkxFixture(KEY, SECRET, PASSPHRASE, "65001.5");
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        fixture.close();
        io.shutdownNow();
        io.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Test
    void shouldNameInstrumentsAndClientOrderIdsByOkxsRules()
    {
        assertEquals("BTC-USDT", OkxDialect.instrument("BTCUSDT"));
        assertEquals("ETH-BTC", OkxDialect.instrument("ETHBTC"));
        assertTrue(OkxDialect.timestamp(1_700_000_000_000L).endsWith(".000Z"), "OKX wants the milliseconds written, even .000");
        final String id = dialect.clientOrderId("lzq9x1k3b2" + "x".repeat(40), Long.MAX_VALUE);
        assertTrue(id.matches("^[A-Za-z0-9]{1,32}$"), id);
        assertEquals(id, dialect.clientOrderId("lzq9x1k3b2" + "x".repeat(40), Long.MAX_VALUE), "stable");
        final String epochs = dialect.clientOrderId("lzq9x1k3b2" + "x".repeat(40), Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(epochs.matches("^[A-Za-z0-9]{1,32}$") && epochs.endsWith("E" + Long.toString(Long.MAX_VALUE, 36)), epochs);
        assertEquals("ogt1x2sE3", dialect.clientOrderId("t1", 100, 3), "the start epoch after an upper-case E, which base 36 never writes");
        assertNotEquals(dialect.clientOrderId("t1", 100, 3), dialect.clientOrderId("t1", 100, 4), "an order id given again after a lost tail");
    }

    @Test
    void shouldSignEveryPrivateRequestAsOkxChecksIt() throws Exception
    {
        final ExchangeClient client = client(new Credentials(KEY, SECRET, PASSPHRASE));
        final VenueAnswer placed = client.send(dialect.placeOrder(ticket(1, "LIMIT", "64000"))).get(10, TimeUnit.SECONDS);
        assertTrue(placed.ok(), placed.toString());
        assertEquals(OrderState.Status.NEW, placed.order().status());
        assertEquals("BTC-USDT", fixture.placed.get(0).instId());
        assertEquals("limit", fixture.placed.get(0).ordType());
        assertEquals("64000", fixture.placed.get(0).px());
        final VenueAnswer refused = client(new Credentials(KEY, SECRET, "wrong")).send(dialect.placeOrder(ticket(2, "LIMIT", "64000")))
            .get(10, TimeUnit.SECONDS);
        assertEquals(VenueAnswer.Outcome.AUTH_FAILED, refused.outcome(), "50105: a wrong passphrase is the credentials' fault");
        final VenueAnswer badSign = client(new Credentials(KEY, "not-the-secret", PASSPHRASE)).send(dialect.queryOrder("BTCUSDT", "x"))
            .get(10, TimeUnit.SECONDS);
        assertEquals(VenueAnswer.Outcome.AUTH_FAILED, badSign.outcome());
        assertEquals(2, fixture.refusedSignatures.get());
        assertEquals(1, fixture.placed.size(), "nothing refused was kept");
    }

    @Test
    void shouldPlaceAndReconcileThroughTheSharedSessionUnchanged() throws Exception
    {
        final java.util.List<Object[]> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        final OrderSession session = new OrderSession(client(new Credentials(KEY, SECRET, PASSPHRASE)), new io.ordergate.exchange.client.VenueReports()
        {
            @Override
            public void state(final long orderId, final OrderState state)
            {
                reports.add(new Object[] {orderId, state});
            }

            @Override
            public void rejected(final long orderId, final String code, final String message)
            {
                reports.add(new Object[] {orderId, "rejected " + code + " " + message});
            }

            @Override
            public void unknown(final long orderId, final String why)
            {
                reports.add(new Object[] {orderId, "unknown"});
            }

            @Override
            public void unavailable(final long orderId, final long untilMillis, final String message)
            {
                reports.add(new Object[] {orderId, "unavailable"});
            }

            @Override
            public void balances(final java.util.Map<String, BigDecimal[]> balances, final boolean complete)
            {
            }

            @Override
            public void settings(final io.ordergate.exchange.spi.FuturesSettings settings, final boolean applied, final String code,
                final String message)
            {
            }
        }, new OrderSession.Settings(50, 500, 60_000), io);
        fixture.failNextPlacementAfterKeepingIt();
        final OrderTicket market = ticket(7, "MARKET", null);
        session.place(market);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        OrderState filled = null;
        while (filled == null && System.nanoTime() < deadline)
        {
            for (final Object[] report : reports)
            {
                if (report[1] instanceof OrderState && ((OrderState)report[1]).status() == OrderState.Status.FILLED)
                {
                    filled = (OrderState)report[1];
                }
            }
            Thread.sleep(10);
        }
        assertTrue(filled != null, "filled after reconciling: " + reports.stream().map(r -> java.util.Arrays.toString(r)).toList());
        assertEquals("unknown", reports.get(0)[1], "the 503 made it unknown first");
        assertEquals(0, new BigDecimal("65001.5").compareTo(filled.averagePrice(2)));
        assertEquals(1, fixture.placed.size(), "placed once, never sent again");
    }

    private ExchangeClient client(final Credentials credentials)
    {
        return new ExchangeClient(dialect, ExchangeEndpoint.single(fixture.url(), fixture.url(), Duration.ofSeconds(5)), () -> credentials,
            ExchangeClient.newHttpClient(io), io);
    }

    private OrderTicket ticket(final long orderId, final String type, final String price)
    {
        return new OrderTicket(orderId, dialect.clientOrderId("t1", orderId), "BTCUSDT", "BUY", type, "GTC", new BigDecimal("0.01"),
            price == null ? null : new BigDecimal(price));
    }
}
