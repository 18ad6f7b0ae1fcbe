package io.ordergate.exchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ordergate.exchange.binance.BinanceDialect;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A Binance spot order whose fills several queries find done without their commission (a reconcile and a reconnect's
 * reconcile of the same order, a query after a refusal) is asked for its fills ({@code GET /api/v3/myTrades}, weight
 * 5) once: not again while that question is out, nor once it was answered. Against the simulated exchange, which
 * counts the requests it gets; the dialect counts the asks it builds, so an extra one fails the test whenever it lands.
 */
class FillCommissionsTest
{
    private static final String KEY = "commissions-api-key-0001";
    private static final String SECRET = "commissions-api-secret-0001";
    private static final Logger LOGGER = Logger.getLogger(FillCommissions.class.getName());

    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(2);
    private final SimulatedExchange exchange = SimulatedExchange.start("127.0.0.1", 0, 6_000, 100);
    private final AtomicInteger tradesAsked = new AtomicInteger();
    private final List<OrderState> reported = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReport = new CountDownLatch(1);
    private final Warnings warnings = new Warnings();

    @AfterEach
    void stop() throws InterruptedException
    {
        io.shutdownNow();
        io.awaitTermination(2, TimeUnit.SECONDS);
        exchange.close();
    }

    @AfterEach
    void stopListening()
    {
        LOGGER.removeHandler(warnings);
    }

    @Test
    void shouldAskForOneOrdersTradesOnceHoweverManyQueriesFindItsFeeUntold() throws Exception
    {
        final ExchangeClient client = client();
        final OrderState queried = filledOrderAsQueried(client);
        final FillCommissions commissions = new FillCommissions(client, new Recorded(), io, () -> false);

        commissions.askIfUntold(31, "BTCUSDT", queried);
        commissions.askIfUntold(31, "BTCUSDT", queried);  // a second query's answer while the first question is out
        assertTrue(firstReport.await(10, TimeUnit.SECONDS), "the order's commission reported");
        assertEquals(1, reported.size(), "the order's commission reported once: " + reported);
        assertEquals(0, new BigDecimal("0.65001").compareTo(reported.get(0).fee()), reported.toString());
        commissions.askIfUntold(31, "BTCUSDT", queried);  // and one after it was answered

        assertEquals(1, tradesAsked.get(), "one ask built for the order");
        assertEquals(1, exchange.requestsReceived("GET", "/api/v3/myTrades"), "one myTrades request at the exchange");
        assertTrue(reported.size() == 1, () -> "nothing reported again: " + reported);

        // Binance numbers orders per symbol: the same venue order id on another symbol is another order, asked for
        commissions.askIfUntold(32, "ETHUSDT", queried);
        assertEquals(2, tradesAsked.get(), "the other symbol's order with the same venue id asked for too");
    }

    /**
     * A lasting refusal of the question (400 {@code -1121} invalid symbol, 401 {@code -2015} invalid key or permissions, a
     * 403 without a code) ends it at its first answer: one request, nothing reported, a warning that names the code.
     * Before 2026-12-06 each was asked five times with back-off, spending weight on an answer that could not change.
     */
    @ParameterizedTest
    @CsvSource({"400, -1121, Invalid symbol.", "401, -2015, 'Invalid API-key, IP, or permissions for action.'", "403, 0, WAF limit violated."})
    void shouldAskNoMoreAfterTheExchangeRefusesTheFillsForGood(final int status, final int code, final String message) throws Exception
    {
        final ExchangeClient client = client();
        final OrderState queried = filledOrderAsQueried(client);
        exchange.faults().refuseNext("GET", "/api/v3/myTrades", 100, status, code, message);
        LOGGER.addHandler(warnings);

        new FillCommissions(client, new Recorded(), io, () -> false).askIfUntold(31, "BTCUSDT", queried);

        final LogRecord gaveUp = warnings.records.poll(20, TimeUnit.SECONDS);
        assertNotNull(gaveUp, "the question ended with a warning");
        assertEquals(1, exchange.requestsReceived("GET", "/api/v3/myTrades"), "one myTrades request at the exchange: " + gaveUp.getMessage());
        assertTrue(gaveUp.getMessage().contains(code + " " + message) && gaveUp.getMessage().contains("not asked again"), gaveUp.getMessage());
        assertTrue(reported.isEmpty(), () -> "nothing reported: the fills keep their fee: " + reported);
    }

    /** A passing refusal (503 {@code -1000}: nobody knows) is still asked again, with back-off, until the fills are told. */
    @Test
    void shouldAskAgainAfterATemporaryRefusalUntilTheFillsAreTold() throws Exception
    {
        final ExchangeClient client = client();
        final OrderState queried = filledOrderAsQueried(client);
        exchange.faults().refuseNext("GET", "/api/v3/myTrades", 2, 503, -1000, "An unknown error occurred while processing the request.");

        new FillCommissions(client, new Recorded(), io, () -> false).askIfUntold(31, "BTCUSDT", queried);

        assertTrue(firstReport.await(20, TimeUnit.SECONDS), "the order's commission reported after two refusals");
        assertEquals(3, exchange.requestsReceived("GET", "/api/v3/myTrades"), "two refused, the third answered");
        assertEquals(0, new BigDecimal("0.65001").compareTo(reported.get(0).fee()), reported.toString());
    }

    private ExchangeClient client()
    {
        exchange.addAccount(KEY, SECRET, Map.of("USDT", "100000"));
        exchange.quote("BTCUSDT", "65000.00", "65001.00");
        exchange.commissionRate(new BigDecimal("0.001"));
        return new ExchangeClient(countingTradesAsked(new BinanceDialect()),
            ExchangeEndpoint.single(exchange.restUrl(), exchange.streamUrl(), Duration.ofSeconds(5)), () -> new Credentials(KEY, SECRET, null),
            ExchangeClient.newHttpClient(io), io);
    }

    /** Places order 31 (a market buy that fills at once) and returns what {@code GET /api/v3/order} tells of it: done, filled, no commission. */
    private static OrderState filledOrderAsQueried(final ExchangeClient client) throws Exception
    {
        final OrderTicket ticket = new OrderTicket(31, client.dialect().clientOrderId("t1", 31), "BTCUSDT", "BUY", "MARKET", "IOC",
            new BigDecimal("0.01"), null);
        final VenueAnswer placed = client.send(client.dialect().placeOrder(ticket)).get(10, TimeUnit.SECONDS);
        assertEquals(VenueAnswer.Outcome.OK, placed.outcome(), placed.text());
        return new OrderState(ticket.clientOrderId(), placed.order().venueOrderId(), OrderState.Status.FILLED,
            placed.order().executedQty(), placed.order().cumulativeQuote());
    }

    /** The warnings {@link FillCommissions} logs, in order: how a test learns that a question ended without a report. */
    private static final class Warnings extends Handler
    {
        final BlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();

        @Override
        public void publish(final LogRecord record)
        {
            if (record.getLevel().intValue() >= Level.WARNING.intValue())
            {
                records.add(record);
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
    }

    /** The Binance dialect as it is, counting the myTrades requests it builds (each one built is sent). */
    private ExchangeDialect countingTradesAsked(final ExchangeDialect dialect)
    {
        return (ExchangeDialect)Proxy.newProxyInstance(ExchangeDialect.class.getClassLoader(), new Class<?>[] {ExchangeDialect.class},
            (proxy, method, args) ->
            {
                if ("orderTrades".equals(method.getName()))
                {
                    tradesAsked.incrementAndGet();
                }
                try
                {
                    return method.invoke(dialect, args);
                }
                catch (final InvocationTargetException ex)
                {
                    throw ex.getCause();
                }
            });
    }

    /** Keeps the order states reported; nothing else is expected here. */
    private final class Recorded implements VenueReports
    {
        @Override
        public void state(final long orderId, final OrderState state)
        {
            reported.add(state);
            firstReport.countDown();
        }

        @Override
        public void rejected(final long orderId, final String code, final String message)
        {
            throw new AssertionError("rejected " + orderId + ": " + code + " " + message);
        }

        @Override
        public void unknown(final long orderId, final String why)
        {
            throw new AssertionError("unknown " + orderId + ": " + why);
        }

        @Override
        public void unavailable(final long orderId, final long untilMillis, final String message)
        {
            throw new AssertionError("unavailable " + orderId + ": " + message);
        }

        @Override
        public void balances(final Map<String, BigDecimal[]> balances, final boolean complete)
        {
            // not asked for here
        }

        @Override
        public void settings(final FuturesSettings settings, final boolean applied, final String code, final String message)
        {
            // not asked for here
        }
    }
}
