package io.ordergate.gateway.streams;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Credentials;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;

/**
 * Stream tickets, for a browser holding an API key: it cannot put the key's headers on a WebSocket, so it asks
 * {@code POST /api/v1/streams/tickets} (with the headers) for a ticket and opens the socket with
 * {@code ?access_token=wst_...}. A ticket is good once, for {@link #TTL_NANOS}, only on a stream route's WebSocket upgrade, and is
 * the caller that asked for it (same scope, same accounts). A signed-in user needs none: its bearer token works as
 * {@code ?access_token=} itself. The clock is given (monotonic nanoseconds), so the expiry is tested without waiting.
 * Thread safe.
 */
public final class StreamTickets implements Credentials, Feature
{
    static final long TTL_NANOS = 30_000_000_000L;
    private static final String PREFIX = "wst_";
    private static final String QUERY = "access_token";
    /** Where the stream sockets are ({@code /ws/prices/{symbol}}, {@code /ws/{user_id}}): the only routes a ticket opens. */
    private static final String STREAM_ROUTES = "/ws/";

    /** A ticket's caller and when it runs out. */
    private record Ticket(Caller caller, long expiresNanos)
    {
    }

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier clockNanos;
    private final Predicate<Caller> stillValid;
    private Accesses access;

    /** @param stillValid whether the caller a ticket was issued to would still be let in (not revoked, not signed out) */
    public StreamTickets(final Predicate<Caller> stillValid)
    {
        this(System::nanoTime, stillValid);
    }

    /** @param clockNanos a monotonic clock in nanoseconds (the tests' own) */
    StreamTickets(final LongSupplier clockNanos, final Predicate<Caller> stillValid)
    {
        this.clockNanos = clockNanos;
        this.stillValid = stillValid;
    }

    /** The accesses the ticket route itself is behind (the same the stream routes use); set once, at start-up. */
    public StreamTickets accesses(final Accesses accesses)
    {
        this.access = accesses;
        return this;
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        table.add(Route.post("/api/v1/streams/tickets", access.scope(Scope.READ), io.ordergate.gateway.core.BodyKind.JSON, this::issue));
    }

    private void issue(final Exchange exchange)
    {
        final String ticket = issue(exchange.caller());
        exchange.answer().startObject().name("ticket").string(ticket).name("expires_in").number(TTL_NANOS / 1_000_000_000L).endObject();
        exchange.send(201);
    }

    /** A new ticket for the caller, good once for {@link #TTL_NANOS} from now; drops the tickets run out meanwhile. */
    String issue(final Caller caller)
    {
        final long now = clockNanos.getAsLong();
        for (final Iterator<Ticket> all = tickets.values().iterator(); all.hasNext(); )
        {
            if (all.next().expiresNanos() < now)
            {
                all.remove();
            }
        }
        final byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        final String ticket = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tickets.put(ticket, new Ticket(caller, now + TTL_NANOS));
        return ticket;
    }

    /**
     * A ticket on a WebSocket upgrade of a stream route ({@code GET /ws/...?access_token=wst_...}); anything else is
     * another credential's. Only there: a ticket accepted on any request that says {@code Upgrade: websocket} could
     * ask the ticket route itself for the next ticket, a chain that outlived the key or session that began it.
     */
    @Override
    public Caller resolve(final Exchange exchange) throws BadRequest
    {
        final String upgrade = exchange.header(HttpHeaderNames.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket") || exchange.header(HttpHeaderNames.AUTHORIZATION) != null
            || exchange.method() != HttpMethod.GET || !exchange.uri().startsWith(STREAM_ROUTES))
        {
            return null;
        }
        final String token = exchange.query().get(QUERY);
        if (token == null || !token.startsWith(PREFIX))
        {
            return null;
        }
        final Caller caller = redeem(token);
        if (caller == null)
        {
            throw new BadRequest(io.ordergate.engine.command.ResultCode.INVALID_CREDENTIALS, "the stream ticket is unknown, used or expired", null);
        }
        return caller;
    }

    /**
     * The ticket's caller, once: null if it is unknown, used, older than {@link #TTL_NANOS}, or its caller's key or
     * session was revoked since (a ticket is never more than its caller now is).
     */
    Caller redeem(final String token)
    {
        final Ticket ticket = tickets.remove(token);
        return ticket == null || ticket.expiresNanos() < clockNanos.getAsLong() || !stillValid.test(ticket.caller()) ? null : ticket.caller();
    }
}
