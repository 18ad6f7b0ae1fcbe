package io.ordergate.gateway.streams;

import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.core.WebSocketLoops;
import io.ordergate.gateway.core.WebSocketUpgrade;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.quotes.QuoteRoutes;
import io.ordergate.gateway.users.WebSocketCounter;

/**
 * The stream sockets: {@code GET /ws/prices/{symbol}} (seed 002: one symbol's quotes as {@code {"symbol", "bid",
 * "ask", "timestamp"}}) and {@code GET /ws/{user_id}} (seed 003: subscriptions by message, see {@link StreamHub}).
 * Both authenticate through the core like every scope route (the API key headers, or whatever credentials the core
 * is given: a bearer token, in a header or as {@code ?access_token=} where a browser cannot set headers); the
 * {@code user_id} must be the caller's own id (an API key's {@code api_key}), else 404 as for any other path. A
 * caller with {@code auth.max_websockets_per_user} sockets open gets the next one closed at once with 1008 and an
 * error message saying why. The caller is judged again every {@link #RECHECK_SECONDS}: its key or session (the socket
 * is closed once it would no longer be let in), and each account it holds a subscription to (a subscription to an
 * account taken from it since is ended, with an error message naming it). Thread safe.
 */
public final class StreamRoutes implements Feature
{
    private static final int NETTY_FRAME_LIMIT = 1 << 16;
    /**
     * How often an open socket's caller is judged again: a revoked key, an ended session or a disabled user loses its
     * sockets within this, an account taken from the caller its subscriptions. A check per socket per second is a map
     * read or two per subscription, on the socket's event loop, off every hot path.
     */
    static final int RECHECK_SECONDS = 1;

    private final Accesses access;
    private final StreamHub hub;
    private final WebSocketCounter counter;
    private final WebSocketLoops loops;
    private final Predicate<Caller> stillValid;
    private final BiPredicate<Caller, String> seesAccount;
    private final Predicate<Caller> stillAdmin;

    /**
     * @param counter    open sockets per user or key (the users feature's, {@code auth.max_websockets_per_user})
     * @param loops      where the sockets are served ({@code streams.event_loop_threads})
     * @param stillValid  whether a socket's caller would still be let in; checked every {@link #RECHECK_SECONDS}
     * @param seesAccount whether the caller may still see an account (as the engine judges a read); checked as often
     * @param stillAdmin  whether the caller is still an admin, who alone may follow bots; checked as often
     */
    public StreamRoutes(final Accesses access, final StreamHub hub, final WebSocketCounter counter, final WebSocketLoops loops,
        final Predicate<Caller> stillValid, final BiPredicate<Caller, String> seesAccount, final Predicate<Caller> stillAdmin)
    {
        this.loops = loops;
        this.stillValid = stillValid;
        this.seesAccount = seesAccount;
        this.stillAdmin = stillAdmin;
        this.access = access;
        this.hub = hub;
        this.counter = counter;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.get("/ws/prices/{symbol}", access.scope(Scope.READ), this::prices))
            .add(Route.get("/ws/{user_id}", access.scope(Scope.READ), this::user));
    }

    private void prices(final Exchange exchange) throws BadRequest
    {
        final String symbol = exchange.path().clientId("symbol", QuoteRoutes.MAX_SYMBOL, ResultCode.NOT_FOUND, "unknown symbol");
        if (!hub.knows(symbol))
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
        }
        open(exchange, symbol);
    }

    private void user(final Exchange exchange) throws BadRequest
    {
        final String userId = exchange.path().text("user_id");
        final Caller caller = exchange.caller();
        if (caller.id() == null || !caller.id().equals(userId))
        {
            throw new BadRequest(ResultCode.NOT_FOUND, "no such user", "user_id");
        }
        open(exchange, null);
    }

    private void open(final Exchange exchange, final String priceSymbol) throws BadRequest
    {
        WebSocketUpgrade.require(exchange);
        final StreamSettings settings = hub.settings();
        final Caller caller = exchange.caller();
        // Counted per user or key: a caller without an id of its own (none reach here today) counts by its principal.
        final String owner = caller.id() != null ? caller.id() : "principal:" + caller.principal();
        final boolean counted = counter.tryOpen(owner);
        final StreamSocket socket = new StreamSocket(hub, settings, caller.principal(), priceSymbol,
            counted ? () -> counter.closed(owner) : () -> { });
        // Each ping_seconds of silence either way is an event: StreamSocket pings, and closes after three silent from the client.
        final IdleStateHandler idle = new IdleStateHandler(settings.pingSeconds(), settings.pingSeconds(), 0);
        // Netty's own limit is far above ours, so a frame a little too big is read whole and refused with a clean close
        // (1009) rather than cut off mid-frame (which resets the connection before the client reads why).
        final boolean upgraded = WebSocketUpgrade.upgrade(exchange, Math.max(NETTY_FRAME_LIMIT, settings.maxFrameBytes()), idle, "stream", socket, channel ->
        {
            socket.opened(channel, counted);
            if (!counted)
            {
                socket.error(ResultCode.RATE_LIMIT_EXCEEDED.name(), "at most " + counter.max() + " WebSockets per user", null);
                socket.close(StreamSocket.CLOSE_POLICY, "too many WebSockets for this user");
                return;
            }
            recheck(channel, socket, caller);
        }, loops.streams());
        if (!upgraded && counted)
        {
            counter.closed(owner);  // a WebSocket version not spoken here: no socket, so nothing else gives the count back
        }
    }

    /**
     * Closes the socket (1008, after an error message) once its caller would no longer be let in; ends its subscriptions
     * to accounts (and bots) the caller may no longer see. Runs on the socket's event loop, where its subscriptions change.
     */
    private void recheck(final Channel channel, final StreamSocket socket, final Caller caller)
    {
        final ScheduledFuture<?>[] check = new ScheduledFuture<?>[1];
        check[0] = channel.eventLoop().scheduleAtFixedRate(() ->
        {
            if (!stillValid.test(caller))
            {
                check[0].cancel(false);
                // Written just before the close frame, as a slow reader's error: queued, it waits behind what a reader that
                // has stopped reading never takes, and the close frame (written regardless) would leave it unsent.
                socket.close(StreamSocket.CLOSE_POLICY, "credentials revoked",
                    StreamMessages.error(ResultCode.INVALID_CREDENTIALS.name(), "the key or session of this stream was revoked, ended or disabled", null));
                return;
            }
            endSubscriptionsNoLongerAllowed(socket, caller);
        }, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(closed -> check[0].cancel(false));
    }

    /**
     * Ends each subscription the caller may no longer hold: to an account it may no longer see (its user's accounts
     * changed, or its user's key capped by them; an admin sees every account), or to a bot once it is no longer an
     * admin. Told as a subscription to it would be refused now (NOT_FOUND on the id, which says nothing about whether it
     * exists), with the subscription named. Its events stop from here on: the fan-out skips an entry its socket no
     * longer holds, and drops it.
     */
    private void endSubscriptionsNoLongerAllowed(final StreamSocket socket, final Caller caller)
    {
        for (final String key : socket.held().keys())
        {
            final StreamRequest subscription = StreamRequest.ofAccountOrBotKey(key);
            final Long generation = socket.held().generation(key);
            if (subscription == null || generation == null)
            {
                continue;  // quotes and candles: anyone who may read sees them (or let go of since the keys were read)
            }
            final boolean allowed = subscription.channel() == StreamChannel.BOT ? stillAdmin.test(caller) : seesAccount.test(caller, subscription.id());
            if (!allowed)
            {
                socket.endAndTell(subscription, generation);
            }
        }
    }
}
