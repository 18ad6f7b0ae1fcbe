package io.ordergate.exchange.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.SocketLogin;
import io.ordergate.exchange.spi.StreamEvent;

/**
 * One account's user-data stream: opens the stream token (listen key), or logs in by message where the dialect's
 * stream does so ({@link SocketLogin}: OKX), holds a WebSocket on it (the JDK's), hands
 * every event to the {@link OrderSession}, keeps the token alive, and when the socket drops reconnects with back-off.
 * On every (re)connect (for a message login: once the orders channel is acknowledged, since until then fills go to
 * nobody) the session asks for every open order and the balances again, so nothing said while the socket was down or
 * not yet subscribed is lost. Thread safe: state changes run on the connector's scheduler.
 */
public final class UserDataStream implements AutoCloseable
{
    private static final Logger LOG = Logger.getLogger(UserDataStream.class.getName());
    private static final long KEEP_ALIVE_MINUTES = 30;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final ExchangeClient client;
    private final OrderSession session;
    private final URI streamBase;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger reconciled = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile String token;
    private volatile boolean closed;
    private long backoffMillis = 100;
    private ScheduledFuture<?> keepAlive;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

    public UserDataStream(final ExchangeClient client, final OrderSession session, final URI streamBase, final ScheduledExecutorService scheduler)
    {
        this.client = client;
        this.session = session;
        this.streamBase = streamBase;
        this.scheduler = scheduler;
    }

    public UserDataStream start()
    {
        scheduler.execute(this::connect);
        final SocketLogin login = client.dialect().socketLogin();
        if (login != null)
        {
            keepAlive = scheduler.scheduleWithFixedDelay(() ->
            {
                final WebSocket ws = socket;
                if (ws != null)
                {
                    send(ws, login.ping());
                }
            }, login.pingMillis(), login.pingMillis(), TimeUnit.MILLISECONDS);
            return this;
        }
        keepAlive = scheduler.scheduleWithFixedDelay(() ->
        {
            if (token != null)
            {
                client.send(client.dialect().keepUserStreamAlive(token));
            }
        }, KEEP_ALIVE_MINUTES, KEEP_ALIVE_MINUTES, TimeUnit.MINUTES);
        return this;
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
        client.http().newWebSocketBuilder().buildAsync(uri, new Listener(login)).whenComplete((ws, failure) ->
        {
            if (failure != null)
            {
                reconnectLater(0);
                return;
            }
            if (closed)
            {
                ws.abort();
                return;
            }
            socket = ws;
            if (login == null)
            {
                established();
            }
            else
            {
                send(ws, login.login(client.credentials(), client.exchangeNow()));
            }
        });
    }

    /** The stream is up (a listen key's socket opened, or a login accepted): everything said while it was down is asked for. */
    private void established()
    {
        connects.incrementAndGet();
        backoffMillis = 100;
        session.syncBalances();
        // positions after the orders: the orders' answers are in the ring before the positions they explain
        session.reconcileAll().handle((done, error) -> null).thenCompose(ignored -> session.syncPositions())
            .whenComplete((done, error) -> reconciled.incrementAndGet());
    }

    /** Sends a text after the previous one went (the JDK's WebSocket takes one send at a time). */
    private synchronized void send(final WebSocket ws, final String text)
    {
        lastSend = lastSend.handle((done, error) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    private void reconnectLater(final long atLeastMillis)
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

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();
        private final SocketLogin login;
        private final AtomicBoolean over = new AtomicBoolean();
        private boolean loggedIn;
        private boolean subscribed;

        Listener(final SocketLogin login)
        {
            this.login = login;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final String text = partial.toString();
                partial.setLength(0);
                if (login != null && !loggedIn)
                {
                    loginAnswer(webSocket, text);
                }
                else if (login != null && !subscribed && subscriptionAnswer(webSocket, text))
                {
                    return null;  // this socket is over: its orders subscription was refused
                }
                else
                {
                    for (final StreamEvent event : client.dialect().readStream(text))
                    {
                        session.onStream(event);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        private void loginAnswer(final WebSocket webSocket, final String text)
        {
            final Boolean accepted = login.loggedIn(text);
            if (accepted == null)
            {
                return;
            }
            if (!accepted)
            {
                LOG.warning(() -> client.dialect().name() + " private stream: login refused: " + text);  // the exchange's answer: no secret
                webSocket.abort();
                over();
                return;
            }
            loggedIn = true;
            for (final String subscription : login.subscriptions())
            {
                send(webSocket, subscription);
            }
        }

        /**
         * Before the orders channel is on, a fill is pushed to nobody: the stream counts as up (and reconciles what was
         * placed meanwhile) only from its acknowledgement. True when the subscription was refused and the socket closed.
         */
        private boolean subscriptionAnswer(final WebSocket webSocket, final String text)
        {
            final Boolean accepted = login.subscribed(text);
            if (accepted == null)
            {
                return false;
            }
            if (!accepted)
            {
                LOG.warning(() -> client.dialect().name() + " private stream: subscription refused: " + text);  // the exchange's answer: no secret
                webSocket.abort();
                over();
                return true;
            }
            subscribed = true;
            scheduler.execute(UserDataStream.this::established);
            return false;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            over();
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            over();
        }

        /** This socket is done (closed, failed, or its login refused): one reconnect, however many of those happened. */
        private void over()
        {
            if (over.compareAndSet(false, true))
            {
                scheduler.execute(() -> reconnectLater(0));
            }
        }
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
        final WebSocket ws = socket;
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
