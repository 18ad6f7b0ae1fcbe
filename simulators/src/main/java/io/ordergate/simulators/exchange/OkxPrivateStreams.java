package io.ordergate.simulators.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.ordergate.simulators.SimulatorJson;

/**
 * The simulated OKX's private WebSockets ({@code /ws/v5/private}): each socket's login and subscriptions, and the
 * pushes: the shared market's order and balance events (its Binance-shaped {@code executionReport} and
 * {@code outboundAccountPosition}, seen through {@link UserStreams#observe}) written as OKX's {@code orders} and
 * {@code account} channel pushes to every logged-in socket of the account subscribed to them. While
 * {@link Faults#muteUserStreams} is on they are lost. Thread safe (concurrent map; a socket's state is guarded by itself).
 */
final class OkxPrivateStreams
{
    /** One socket: the account it logged in as (null before) and what it subscribed to. */
    static final class Session
    {
        SpotAccount account;
        boolean orders;
        boolean balances;
    }

    private final SpotMarket market;
    private final Faults faults;
    private final Map<Channel, Session> sessions = new ConcurrentHashMap<>();

    OkxPrivateStreams(final SpotMarket market, final Faults faults)
    {
        this.market = market;
        this.faults = faults;
    }

    Session open(final Channel channel)
    {
        final Session session = new Session();
        sessions.put(channel, session);
        channel.closeFuture().addListener(f -> sessions.remove(channel));
        return session;
    }

    /** Called by the market under its lock for each event of an account. */
    void onEvent(final SpotAccount account, final Map<String, Object> event)
    {
        if (faults.userStreamsMuted())
        {
            return;
        }
        final Object type = event.get("e");
        if ("executionReport".equals(type))
        {
            final SpotOrder order = find(account, ((Number)event.get("i")).longValue());
            if (order != null)
            {
                push(account, true, Map.of("channel", "orders", "instType", "ANY", "uid", uid(account)), OkxShapes.order(order, event));
            }
        }
        else if ("outboundAccountPosition".equals(type))
        {
            final List<String> currencies = new ArrayList<>();
            final Object changed = event.get("B");
            if (changed instanceof List)
            {
                for (final Object balance : (List<?>)changed)
                {
                    currencies.add(String.valueOf(((Map<?, ?>)balance).get("a")));
                }
            }
            push(account, false, Map.of("channel", "account", "uid", uid(account)), OkxShapes.balance(account, currencies, market.now()));
        }
    }

    /** Closes every private socket at once, as a network fault would. */
    void dropAll()
    {
        sessions.keySet().forEach(Channel::close);
    }

    /** How long a subscription waits before it takes effect ({@link Faults#slowSubscriptions}). */
    long subscriptionDelayMillis()
    {
        return faults.subscriptionDelayMillis();
    }

    /** Sockets logged in, subscribed or not. */
    int authenticated()
    {
        return count(session -> session.account != null);
    }

    int loggedIn()
    {
        return count(session -> session.account != null && session.orders);
    }

    private int count(final java.util.function.Predicate<Session> counted)
    {
        int n = 0;
        for (final Session session : sessions.values())
        {
            synchronized (session)
            {
                n += counted.test(session) ? 1 : 0;
            }
        }
        return n;
    }

    static String uid(final SpotAccount account)
    {
        return Long.toString(Math.abs((long)account.apiKey().hashCode()));
    }

    private SpotOrder find(final SpotAccount account, final long orderId)
    {
        for (final SpotOrder order : market.orders(account))
        {
            if (order.orderId == orderId)
            {
                return order;
            }
        }
        return null;
    }

    private void push(final SpotAccount account, final boolean orders, final Map<String, Object> arg, final Map<String, Object> item)
    {
        final Map<String, Object> push = new LinkedHashMap<>();
        push.put("arg", arg);
        push.put("data", List.of(item));
        final String text = SimulatorJson.write(push);
        sessions.forEach((channel, session) ->
        {
            final boolean wanted;
            synchronized (session)
            {
                wanted = session.account == account && (orders ? session.orders : session.balances);
            }
            if (wanted)
            {
                channel.writeAndFlush(new TextWebSocketFrame(text));
            }
        });
    }
}
