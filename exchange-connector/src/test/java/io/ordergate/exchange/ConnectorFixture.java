package io.ordergate.exchange;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.ordergate.exchange.binance.BinanceDialect;
import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.ExchangeEndpoint;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.client.UserDataStream;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.ExchangeDialect;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * One dialect's fixture for the shared connector tests: its simulated exchange and a connector session on it. A second
 * dialect brings its own fixture (its simulated exchange or recorded answers) and runs the same tests.
 */
final class ConnectorFixture implements AutoCloseable
{
    static final String KEY = "fixture-api-key-0001";
    static final String SECRET = "fixture-api-secret-0001";
    /** Longer than any test waits: a window ends only when a test moves the clock ({@link #endGraceWindows}). */
    static final long GRACE_MILLIS = 10 * 60_000;

    final SimulatedExchange exchange;
    final ExchangeDialect dialect;
    final ScheduledExecutorService io = Executors.newScheduledThreadPool(2, r ->
    {
        final Thread t = new Thread(r, "og-exchange-io-test");
        t.setDaemon(true);
        return t;
    });
    final java.net.http.HttpClient http = ExchangeClient.newHttpClient(io);
    final RecordedReports reports = new RecordedReports();
    /** The sessions' clock for the grace window: real time plus what a test added (tests end windows by moving it). */
    final AtomicLong clockShift = new AtomicLong();
    ExchangeClient client;
    OrderSession session;
    UserDataStream stream;

    ConnectorFixture(final int weightLimit, final int orderLimit)
    {
        this(weightLimit, orderLimit, new BinanceDialect());
    }

    /** With another dialect on the same simulated exchange (Binance USDⓈ-M futures). */
    ConnectorFixture(final int weightLimit, final int orderLimit, final ExchangeDialect dialect)
    {
        this.dialect = dialect;
        exchange = SimulatedExchange.start("127.0.0.1", 0, weightLimit, orderLimit);
        exchange.addAccount(KEY, SECRET, Map.of("USDT", "100000", "BTC", "2"));
        exchange.quote("BTCUSDT", "65000.00", "65001.00");
        exchange.quote("ETHUSDT", "3500.00", "3500.10");
        connect(Duration.ofSeconds(2));
    }

    /** A fresh client and session (as after a gateway restart): nothing carried over but the exchange. */
    void connect(final Duration timeout)
    {
        client = new ExchangeClient(dialect, ExchangeEndpoint.single(exchange.restUrl(), exchange.streamUrl(), timeout),
            () -> new Credentials(KEY, SECRET, null), http, io);
        session = new OrderSession(client, reports, new OrderSession.Settings(50, 500, GRACE_MILLIS), io,
            () -> System.currentTimeMillis() + clockShift.get());
    }

    /** Moves the sessions' clock past the "not found means not yet known" window. */
    void endGraceWindows()
    {
        clockShift.addAndGet(GRACE_MILLIS + 1);
    }

    UserDataStream startStream()
    {
        return startStream(UserDataStream.Timing.DEFAULT);
    }

    UserDataStream startStream(final UserDataStream.Timing timing)
    {
        stream = new UserDataStream("binance-1", client, session, exchange.streamUrl(), io, timing).start();
        return stream;
    }

    OrderTicket market(final long orderId, final String side, final String quantity)
    {
        return new OrderTicket(orderId, dialect.clientOrderId("t1", orderId), "BTCUSDT", side, "MARKET", "IOC", new BigDecimal(quantity), null);
    }

    OrderTicket limit(final long orderId, final String side, final String quantity, final String price, final String timeInForce)
    {
        return new OrderTicket(orderId, dialect.clientOrderId("t1", orderId), "BTCUSDT", side, "LIMIT", timeInForce, new BigDecimal(quantity),
            new BigDecimal(price));
    }

    /** How many orders the exchange holds under an order's client id: 1 means neither doubled nor lost. */
    int atExchange(final OrderTicket ticket)
    {
        return exchange.ordersWithClientId(KEY, ticket.clientOrderId()).size();
    }

    @Override
    public void close() throws InterruptedException
    {
        if (stream != null)
        {
            stream.close();
        }
        io.shutdownNow();
        io.awaitTermination(2, TimeUnit.SECONDS);
        exchange.close();
    }
}
