package io.ordergate.exchange.client;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.SocketLogin;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ordergate.exchange.spi.VenueAnswer;
import io.ordergate.websocket.ClientWebSocket;

/**
 * One account's user-data stream: opens the stream token (listen key), or logs in by message where the dialect's
 * stream does so ({@link SocketLogin}: OKX), holds a WebSocket on it (Netty's: {@link ClientWebSocket} says why not the
 * JDK's), hands every event to the {@link OrderSession}, keeps the token alive, and when the socket drops reconnects with back-off.
 * On every (re)connect (for a message login: once the orders channel is acknowledged, since until then fills go to
 * nobody) the session asks for every open order and the balances again, so nothing said while the socket was down or
 * not yet subscribed is lost.
 *
 * <p>A stream can also go silent without closing: a listen key not kept alive expires (Binance then says
 * {@code listenKeyExpired} once and nothing more), or the connection dies without a close. So a keep-alive that fails
 * is tried again soon, one answered "no such key" ({@code -1125}) or a {@code listenKeyExpired} event replaces the
 * socket at once, and a socket that has said nothing (no frame, no pong to the pings sent every third of
 * {@link Timing#idleMillis}) for {@link Timing#idleMillis} is replaced too; each replacement reconciles.
 * Thread safe: state changes run on the connector's scheduler.
 */
public final class UserDataStream implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(UserDataStream.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    /** An exchange's event is a few KB; far more is no event, and is refused (1009) rather than buffered. */
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** The streams' one I/O thread (daemon): a few accounts' sockets, each saying little. */
    private static final EventLoopGroup IO = new NioEventLoopGroup(1, new DefaultThreadFactory("og-user-stream-io", true));

    /**
     * @param keepAliveMillis      how often the listen key is kept alive (Binance: it lives 60 min from the last one)
     * @param keepAliveRetryMillis the first wait before a failed keep-alive is tried again (doubling, at most
     *                             {@code keepAliveMillis})
     * @param idleMillis           a socket that said nothing for this long is replaced
     */
    public record Timing(long keepAliveMillis, long keepAliveRetryMillis, long idleMillis)
    {
        public static final Timing DEFAULT = new Timing(30 * 60_000, 5_000, 60_000);
    }

    private final String accountId;
    private final ExchangeClient client;
    private final OrderSession session;
    private final URI streamBase;
    private final ScheduledExecutorService scheduler;
    private final Timing timing;
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger reconciled = new AtomicInteger();
    private volatile ClientWebSocket socket;
    /** The listener of the socket being opened or open: its {@code over()} starts the one reconnect. */
    private volatile UserStreamListener listener;
    private volatile String token;
    private volatile boolean closed;
    private long backoffMillis = 100;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> idleWatch;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    /** @param accountId the gateway's account the stream is for: it names the account in warnings, never a secret */
    public UserDataStream(final String accountId, final ExchangeClient client, final OrderSession session, final URI streamBase,
        final ScheduledExecutorService scheduler)
    {
        this(accountId, client, session, streamBase, scheduler, Timing.DEFAULT);
    }

    public UserDataStream(final String accountId, final ExchangeClient client, final OrderSession session, final URI streamBase,
        final ScheduledExecutorService scheduler, final Timing timing)
    {
        this.accountId = accountId;
        this.client = client;
        this.session = session;
        this.streamBase = streamBase;
        this.scheduler = scheduler;
        this.timing = timing;
    }

    public UserDataStream start()
    {
        scheduler.execute(this::connect);
        final long watchMillis = Math.max(1, timing.idleMillis() / 3);
        idleWatch = scheduler.scheduleWithFixedDelay(this::watchIdle, watchMillis, watchMillis, TimeUnit.MILLISECONDS);
        final SocketLogin login = client.dialect().socketLogin();
        if (login != null)
        {
            keepAlive = scheduler.scheduleWithFixedDelay(() ->
            {
                final ClientWebSocket ws = socket;
                if (ws != null)
                {
                    send(ws, login.ping());
                }
            }, login.pingMillis(), login.pingMillis(), TimeUnit.MILLISECONDS);
            return this;
        }
        keepAlive = scheduler.scheduleWithFixedDelay(() -> keepListenKeyAlive(token, 0), timing.keepAliveMillis(), timing.keepAliveMillis(),
            TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Keeps the listen key alive. A failed keep-alive is tried again soon (the key outlives one missed period, not two);
     * a key the exchange no longer has ends its socket, whose replacement opens a new key and reconciles.
     */
    private void keepListenKeyAlive(final String key, final int attempt)
    {
        if (closed || key == null || !key.equals(token))
        {
            return;  // stopped, or the key was replaced: the new one has its own keep-alives
        }
        client.send(client.dialect().keepUserStreamAlive(key)).thenAccept(answer ->
        {
            if (answer.outcome() == VenueAnswer.Outcome.NOT_FOUND)
            {
                replaceSocket("its listen key is gone (" + answer.code() + " " + answer.text() + ")");
            }
            else if (!answer.ok())
            {
                final long backoff = timing.keepAliveRetryMillis() << Math.min(attempt, 16);
                final long delay = Math.min(timing.keepAliveMillis(), Math.max(answer.retryAfterMillis(), backoff));
                LOG.warning(() -> client.dialect().name() + " user-data stream keep-alive failed (" + answer.text() + "); again in " + delay + " ms");
                scheduler.schedule(() -> keepListenKeyAlive(key, attempt + 1), delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** A socket silent for the idle time is replaced; one still talking is pinged, so a quiet stream keeps proving it is alive. */
    private void watchIdle()
    {
        final ClientWebSocket ws = socket;
        final UserStreamListener current = listener;
        if (ws == null || current == null || current.over.get())
        {
            return;
        }
        if (System.nanoTime() - current.lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(timing.idleMillis()))
        {
            replaceSocket("nothing heard for " + timing.idleMillis() + " ms");
            return;
        }
        send(ws, ClientWebSocket::sendPing);
    }

    /** Ends the current socket (the exchange will say nothing more on it); its one reconnect reconciles what it missed. */
    private void replaceSocket(final String why)
    {
        final UserStreamListener current = listener;
        final ClientWebSocket ws = socket;
        if (closed || current == null || current.over.get())
        {
            return;  // already being replaced
        }
        LOG.warning(() -> client.dialect().name() + " user-data stream replaced: " + why);
        if (ws != null)
        {
            ws.abort();
        }
        current.over();
    }

    /** How many times a socket was opened (each one reconciles every open order). */
    public int connects()
    {
        return connects.get();
    }

    /**
     * How many (re)connects have finished reconciling: every order open when the socket opened was asked for and the
     * first answer applied. Anything the exchange says after that arrives on the socket.
     */
    public int reconciled()
    {
        return reconciled.get();
    }

    public boolean connected()
    {
        return socket != null;
    }

    private void connect()
    {
        if (closed)
        {
            return;
        }
        final SocketLogin login = client.dialect().socketLogin();
        if (login != null)
        {
            open(client.dialect().userStreamUri(streamBase, null), login);  // no token: the socket logs in by message
            return;
        }
        client.send(client.dialect().openUserStream()).thenAccept(answer ->
        {
            if (!answer.ok())
            {
                reconnectLater(answer.retryAfterMillis());
                return;
            }
            token = answer.text();
            open(client.dialect().userStreamUri(streamBase, token), null);
        });
    }

    private void open(final URI uri, final SocketLogin login)
    {
        final UserStreamListener opening = new UserStreamListener(this, client, session, scheduler, login);
        listener = opening;
        final CompletableFuture<ClientWebSocket> opened =
            ClientWebSocket.open(IO, uri, Map.of(), MAX_MESSAGE_BYTES, CONNECT_TIMEOUT_MILLIS, HANDSHAKE_TIMEOUT_MILLIS, opening);
        opened.whenCompleteAsync((ws, failure) ->
        {
            if (failure != null)
            {
                reconnectLater(0);
                return;
            }
            if (closed || opening.over.get())
            {
                ws.abort();  // stopped, or replaced while opening (its key found gone): its reconnect is on its way
                return;
            }
            socket = ws;
            if (login == null)
            {
                established();
            }
            else
            {
                logIn(ws, opening, login);
            }
        }, scheduler);
    }

    /**
     * Sends the login message. Credentials that cannot be opened (sealed under a retired master key, damaged) throw
     * here, where no future would carry it: the socket would stay open, never logged in, its pings making it look alive.
     * So it is said (the account and why, never a secret), the socket ends, and its reconnect tries again with the
     * back-off, as a refused login does (the REST path answers the same failure AUTH_FAILED, "cannot sign").
     */
    private void logIn(final ClientWebSocket ws, final UserStreamListener opening, final SocketLogin login)
    {
        final String message;
        try
        {
            message = login.login(client.credentials(), client.exchangeNow());
        }
        catch (final RuntimeException cannotSign)
        {
            LOG.warning(() -> client.dialect().name() + " private stream of account " + accountId + ": cannot log in, the credentials"
                + " cannot be used (" + cannotSign.getMessage() + "); trying again with back-off");
            ws.abort();
            opening.over();
            return;
        }
        send(ws, message);
    }

    /** The stream is up (a listen key's socket opened, or a login accepted): everything said while it was down is asked for. */
    void established()
    {
        connects.incrementAndGet();
        backoffMillis = 100;
        session.syncBalances();
        // positions after the orders: the orders' answers are in the ring before the positions they explain
        session.reconcileAll().handle((done, error) -> null).thenCompose(ignored -> session.syncPositions())
            .whenComplete((done, error) -> reconciled.incrementAndGet());
    }

    /** Sends a text after the previous one went. */
    void send(final ClientWebSocket ws, final String text)
    {
        send(ws, socketToSend -> socketToSend.sendText(text));
    }

    /** Sends a frame (a text, a ping) after the previous one went, whether that one was written or failed. */
    private synchronized void send(final ClientWebSocket ws, final Function<ClientWebSocket, CompletableFuture<Void>> frame)
    {
        lastSend = lastSend.handle((done, error) -> null).thenCompose(ignored -> frame.apply(ws));
    }

    void reconnectLater(final long atLeastMillis)
    {
        socket = null;
        if (closed)
        {
            return;
        }
        final long delay = Math.max(backoffMillis, atLeastMillis);
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        LOG.fine(() -> client.dialect().name() + " user-data stream down; reconnecting in " + delay + " ms");
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Closes the socket; the stream token stays valid (the exchange lets it expire). */
    @Override
    public void close()
    {
        closed = true;
        if (keepAlive != null)
        {
            keepAlive.cancel(false);
        }
        if (idleWatch != null)
        {
            idleWatch.cancel(false);
        }
        final UserStreamListener current = listener;
        if (current != null)
        {
            current.over.set(true);  // its end, below, asks for no reconnect (the scheduler may be stopping too)
        }
        final ClientWebSocket ws = socket;
        if (ws != null)
        {
            ws.abort();
        }
    }

    /** Closes the socket and ends the stream token at the exchange (the account is removed). */
    public void closeAndForget()
    {
        close();
        final String listenKey = token;
        if (listenKey != null)
        {
            client.send(client.dialect().closeUserStream(listenKey));
        }
    }
}
