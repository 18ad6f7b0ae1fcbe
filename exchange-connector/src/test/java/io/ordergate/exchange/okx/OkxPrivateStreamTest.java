package io.ordergate.exchange.okx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.ExchangeClient;
import io.ordergate.exchange.client.ExchangeEndpoint;
import io.ordergate.exchange.client.OrderSession;
import io.ordergate.exchange.client.UserDataStream;
import io.ordergate.exchange.client.VenueReports;
import io.ordergate.exchange.spi.Credentials;
import io.ordergate.exchange.spi.FuturesSettings;
import io.ordergate.exchange.spi.OrderState;
import io.ordergate.exchange.spi.OrderTicket;

/**
 * The SPI's message login, through the shared {@link UserDataStream} unchanged: OKX's private socket is logged in by a
 * signed message (a wrong passphrase is refused and retried, never reported as up), subscribed, and its {@code orders}
 * and {@code account} pushes reach the order session; a dropped socket logs in again and reconciles the open orders by
 * REST. Both fixtures check OKX's signatures over real sockets.
 */
class OkxPrivateStreamTest
{
    private static final String KEY = "okx-key-0123456789";
    private static final String SECRET = "okx-secret-0123456789";
    private static final String PASSPHRASE = "okx-passphrase";

    private final OkxDialect dialect = new OkxDialect();
    private final ScheduledExecutorService io = Executors.newScheduledThreadPool(2);
    private final List<OrderState> states = new CopyOnWriteArrayList<>();
    private final Map<String, BigDecimal[]> balances = new ConcurrentHashMap<>();
    private OkxFixture rest;
    private OkxPrivateSocket socket;
    private UserDataStream stream;

    @BeforeEach
    void start() throws Exception
    {
        rest = new OkxFixture(KEY, SECRET, PASSPHRASE, "65001.5");
        socket = new OkxPrivateSocket(KEY, SECRET, PASSPHRASE);
    }

    @AfterEach
    void stop() throws InterruptedException
    {
        if (stream != null)
        {
            stream.close();
        }
        socket.close();
        rest.close();
        io.shutdownNow();
        io.awaitTermination(2, TimeUnit.SECONDS);
    }

    @Test
    void shouldLogInByMessageAndFollowOrdersAndBalancesOnThePrivateSocket() throws Exception
    {
        final ExchangeClient client = client(PASSPHRASE);
        final OrderSession session = session(client);
        stream = new UserDataStream("okx-1", client, session, socket.url(), io).start();
        await("logged in and subscribed", () -> socket.subscribers() == 1 && stream.reconciled() == 1);
        assertEquals(1, socket.logins.get());
        final OrderTicket limit = new OrderTicket(5, dialect.clientOrderId("t1", 5), "BTCUSDT", "BUY", "LIMIT", "GTC", new BigDecimal("0.01"),
            new BigDecimal("64000"));
        session.place(limit);
        await("placed", () -> states.stream().anyMatch(s -> s.status() == OrderState.Status.NEW));
        socket.push("{\"arg\":{\"channel\":\"orders\",\"instType\":\"SPOT\",\"uid\":\"1\"},\"data\":[{\"instId\":\"BTC-USDT\",\"ordId\":\"1\","
            + "\"clOrdId\":\"" + limit.clientOrderId() + "\",\"state\":\"partially_filled\",\"accFillSz\":\"0.004\",\"avgPx\":\"64000\","
            + "\"fillSz\":\"0.004\",\"fillPx\":\"64000\",\"sz\":\"0.01\"}]}");
        socket.push("{\"arg\":{\"channel\":\"account\",\"uid\":\"1\"},\"data\":[{\"details\":[{\"ccy\":\"USDT\",\"availBal\":\"9000\","
            + "\"frozenBal\":\"384\",\"cashBal\":\"9384\"}]}]}");
        await("the partial fill from the socket", () -> states.stream().anyMatch(s -> s.status() == OrderState.Status.PARTIALLY_FILLED
            && new BigDecimal("256.000").compareTo(s.cumulativeQuote()) == 0));
        await("the balance from the socket", () -> balances.containsKey("USDT") && new BigDecimal("384").compareTo(balances.get("USDT")[1]) == 0);

        socket.dropAll();
        await("logged in again, the open order asked for by REST", () -> stream.reconciled() == 2 && socket.logins.get() == 2);
    }

    @Test
    void shouldNotCountARefusedLoginAsUpAndTryAgain() throws Exception
    {
        final ExchangeClient client = client("wrong-passphrase");
        stream = new UserDataStream("okx-1", client, session(client), socket.url(), io).start();
        await("refused twice (it tries again with back-off)", () -> socket.refusedLogins.get() >= 2);
        assertEquals(0, stream.connects(), "a refused login is not a connected stream");
        assertEquals(0, socket.subscribers());
    }

    @Test
    void shouldSayAndEndASocketWhoseCredentialsCannotBeOpenedAndTryAgain() throws Exception
    {
        // as SecretBox does for credentials sealed under a retired master key: the login message cannot be made
        final ExchangeClient client = new ExchangeClient(dialect, ExchangeEndpoint.single(rest.url(), socket.url(), Duration.ofSeconds(5)), () ->
        {
            throw new IllegalStateException("sealed under master key k0, which is neither ORDERGATE_MASTER_KEY nor in ORDERGATE_MASTER_KEY_PREVIOUS");
        }, ExchangeClient.newHttpClient(io), io);
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final Logger log = Logger.getLogger(UserDataStream.class.getName());
        final Handler handler = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                if (record.getLevel() == Level.WARNING)
                {
                    warnings.add(record.getMessage());
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
        log.addHandler(handler);
        try
        {
            stream = new UserDataStream("okx-1", client, session(client), socket.url(), io).start();
            await("the socket ended and opened again (back-off)", () -> socket.ended.get() >= 2 && socket.opened.get() >= 3);
            await("a warning", () -> !warnings.isEmpty());
        }
        finally
        {
            log.removeHandler(handler);
        }
        assertTrue(warnings.get(0).contains("account okx-1") && warnings.get(0).contains("master key k0"), warnings::toString);
        assertFalse(warnings.stream().anyMatch(w -> w.contains(SECRET) || w.contains(PASSPHRASE) || w.contains(KEY)), warnings::toString);
        assertEquals(0, socket.logins.get() + socket.refusedLogins.get(), "no login was sent");
        assertEquals(0, stream.connects(), "a socket never logged in is not a connected stream");
    }

    @Test
    void shouldNotCountARefusedSubscriptionAsUpAndTryAgain() throws Exception
    {
        // without its orders channel the stream would miss every fill: it is not up, and it logs in again
        socket.refuseSubscriptions = true;
        final ExchangeClient client = client(PASSPHRASE);
        stream = new UserDataStream("okx-1", client, session(client), socket.url(), io).start();
        await("refused twice (it tries again with back-off)", () -> socket.refusedSubscriptions.get() >= 2 && socket.logins.get() >= 2);
        assertEquals(0, stream.connects(), "a stream without its orders channel is not connected");
        socket.refuseSubscriptions = false;
        await("subscribed once the exchange takes it", () -> socket.subscribers() == 1 && stream.reconciled() == 1);
    }

    private OrderSession session(final ExchangeClient client)
    {
        return new OrderSession(client, reports(), new OrderSession.Settings(50, 500, 60_000), io);
    }

    private ExchangeClient client(final String passphrase)
    {
        return new ExchangeClient(dialect, ExchangeEndpoint.single(rest.url(), socket.url(), Duration.ofSeconds(5)),
            () -> new Credentials(KEY, SECRET, passphrase), ExchangeClient.newHttpClient(io), io);
    }

    private VenueReports reports()
    {
        return new VenueReports()
        {
            @Override
            public void state(final long orderId, final OrderState state)
            {
                states.add(state);
            }

            @Override
            public void rejected(final long orderId, final String code, final String message)
            {
            }

            @Override
            public void unknown(final long orderId, final String why)
            {
            }

            @Override
            public void unavailable(final long orderId, final long untilMillis, final String message)
            {
            }

            @Override
            public void balances(final Map<String, BigDecimal[]> changed, final boolean complete)
            {
                balances.putAll(changed);
            }

            @Override
            public void settings(final FuturesSettings settings, final boolean applied, final String code, final String message)
            {
            }
        };
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not within 20 s: " + what);
    }
}
