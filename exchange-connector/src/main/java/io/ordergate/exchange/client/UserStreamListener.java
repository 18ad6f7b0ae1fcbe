package io.ordergate.exchange.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import io.ordergate.exchange.spi.SocketLogin;
import io.ordergate.exchange.spi.StreamEvent;
import io.ordergate.websocket.ClientWebSocket;

/**
 * One socket of a {@link UserDataStream}: logs in and subscribes where the dialect's stream does so by message, hands
 * every event to the {@link OrderSession}, notes when the socket last said anything (for the idle watch), and asks its
 * stream for one reconnect when the socket is over. Its {@link ClientWebSocket} calls it one whole message at a time, on
 * the socket's I/O thread.
 */
final class UserStreamListener implements ClientWebSocket.Events
{
    private static final Logger LOG = Logger.getLogger(UserDataStream.class.getName());

    private final UserDataStream stream;
    private final ExchangeClient client;
    private final OrderSession session;
    private final ScheduledExecutorService scheduler;
    private final SocketLogin login;
    final AtomicBoolean over = new AtomicBoolean();
    /** When the socket last said anything (a frame, a ping, a pong): the idle watch reads it. */
    volatile long lastHeardNanos = System.nanoTime();
    private boolean loggedIn;
    private boolean subscribed;

    UserStreamListener(final UserDataStream stream, final ExchangeClient client, final OrderSession session, final ScheduledExecutorService scheduler,
        final SocketLogin login)
    {
        this.stream = stream;
        this.client = client;
        this.session = session;
        this.scheduler = scheduler;
        this.login = login;
    }

    @Override
    public void heard()
    {
        lastHeardNanos = System.nanoTime();  // a message, a ping (Netty answers the pong itself) or a pong
    }

    @Override
    public void text(final ClientWebSocket webSocket, final String text)
    {
        if (login != null && !loggedIn)
        {
            loginAnswer(webSocket, text);
        }
        else if (login != null && !subscribed && subscriptionAnswer(webSocket, text))
        {
            return;  // this socket is over: its orders subscription was refused
        }
        else
        {
            for (final StreamEvent event : client.dialect().readStream(text))
            {
                if (event.streamExpired())
                {
                    LOG.warning(() -> client.dialect().name() + " user-data stream: the exchange expired its token; reconnecting");
                    webSocket.abort();
                    over();
                    return;  // nothing more comes on this socket
                }
                session.onStream(event);
            }
        }
    }

    private void loginAnswer(final ClientWebSocket webSocket, final String text)
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
            stream.send(webSocket, subscription);
        }
    }

    /**
     * Before the orders channel is on, a fill is pushed to nobody: the stream counts as up (and reconciles what was
     * placed meanwhile) only from its acknowledgement. True when the subscription was refused and the socket closed.
     */
    private boolean subscriptionAnswer(final ClientWebSocket webSocket, final String text)
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
        scheduler.execute(stream::established);
        return false;
    }

    @Override
    public void over(final ClientWebSocket webSocket)
    {
        over();
    }

    /** This socket is done (closed, failed, or its login refused): one reconnect, however many of those happened. */
    void over()
    {
        if (over.compareAndSet(false, true))
        {
            scheduler.execute(() -> stream.reconnectLater(0));
        }
    }
}
