package io.ordergate.simulators.exchange;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.ordergate.simulators.SimulatorJson;

/**
 * The user-data streams: listen keys and the WebSockets open on {@code /ws/<listenKey>}. Events are pushed to
 * every socket of the account's key; while {@link Faults#muteUserStreams} is on they are lost, as they are for a
 * client whose stream broke. Thread safe (concurrent maps; Netty writes are thread safe).
 */
final class UserStreams
{
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int KEY_LENGTH = 60;

    /** A socket's events held back by the delay fault ({@link Faults#delayUserStreams}), made on its first. */
    private static final io.netty.util.AttributeKey<HeldEvents> HELD_EVENTS = io.netty.util.AttributeKey.valueOf("ogSimHeldUserEvents");

    private final SecureRandom random = new SecureRandom();
    private final Faults faults;
    private final Map<String, SpotAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, Set<Channel>> sockets = new ConcurrentHashMap<>();
    /** Keep-alives (PUT of a listen key) answered OK, for tests that follow the client's keep-alive and its retry. */
    private final java.util.concurrent.atomic.AtomicInteger keptAlive = new java.util.concurrent.atomic.AtomicInteger();
    /** Another dialect's private stream (the simulated OKX) sees every account event too; null for none. */
    private volatile java.util.function.BiConsumer<SpotAccount, Map<String, Object>> observer;

    UserStreams(final Faults faults)
    {
        this.faults = faults;
    }

    /** The account's active listen key, made on first use (POST /api/v3/userDataStream answers the same one). */
    String listenKey(final SpotAccount account)
    {
        synchronized (account)
        {
            if (account.listenKey == null)
            {
                account.listenKey = newKey(account);
            }
            return account.listenKey;
        }
    }

    /** The account's USDⓈ-M futures listen key (POST /fapi/v1/listenKey answers the same one while it lives): its own stream. */
    String futuresListenKey(final SpotAccount account)
    {
        synchronized (account)
        {
            if (account.futuresListenKey == null)
            {
                account.futuresListenKey = newKey(account);
            }
            return account.futuresListenKey;
        }
    }

    private String newKey(final SpotAccount account)
    {
        final StringBuilder key = new StringBuilder(KEY_LENGTH);
        for (int i = 0; i < KEY_LENGTH; i++)
        {
            key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        accounts.put(key.toString(), account);
        return key.toString();
    }

    boolean exists(final String listenKey)
    {
        return listenKey != null && accounts.containsKey(listenKey);
    }

    /** PUT /api/v3/userDataStream answered OK: the key lives on. */
    void keptAlive()
    {
        keptAlive.incrementAndGet();
    }

    int keepAlives()
    {
        return keptAlive.get();
    }

    /** DELETE /api/v3/userDataStream: the key is gone and its sockets closed. */
    void close(final String listenKey)
    {
        final SpotAccount account = accounts.remove(listenKey);
        if (account != null)
        {
            synchronized (account)
            {
                if (listenKey.equals(account.listenKey))
                {
                    account.listenKey = null;
                }
                if (listenKey.equals(account.futuresListenKey))
                {
                    account.futuresListenKey = null;
                }
            }
        }
        final Set<Channel> open = sockets.remove(listenKey);
        if (open != null)
        {
            open.forEach(Channel::close);
        }
    }

    /** A socket opened on a listen key; false (and the caller closes it) for an unknown key. */
    boolean attach(final String listenKey, final Channel channel)
    {
        if (!exists(listenKey))
        {
            return false;
        }
        sockets.computeIfAbsent(listenKey, k -> ConcurrentHashMap.newKeySet()).add(channel);
        channel.closeFuture().addListener(f ->
        {
            final Set<Channel> open = sockets.get(listenKey);
            if (open != null)
            {
                open.remove(channel);
            }
        });
        return true;
    }

    void push(final SpotAccount account, final Map<String, Object> event)
    {
        final java.util.function.BiConsumer<SpotAccount, Map<String, Object>> seen = observer;
        if (seen != null)
        {
            seen.accept(account, event);
        }
        pushTo(account.listenKey, event);
    }

    /** Every spot event ({@code executionReport}, {@code outboundAccountPosition}) also goes to this observer, under the market's lock. */
    void observe(final java.util.function.BiConsumer<SpotAccount, Map<String, Object>> eventObserver)
    {
        observer = eventObserver;
    }

    /** An event of the account's futures stream (ORDER_TRADE_UPDATE, ACCOUNT_UPDATE). */
    void pushFutures(final SpotAccount account, final Map<String, Object> event)
    {
        pushTo(account.futuresListenKey, event);
    }

    private void pushTo(final String key, final Map<String, Object> event)
    {
        if (key == null || faults.userStreamsMuted())
        {
            return;
        }
        final Set<Channel> open = sockets.get(key);
        if (open == null || open.isEmpty())
        {
            return;
        }
        final String text = SimulatorJson.write(event);
        final long delayMillis = faults.userStreamDelayMillis();
        for (final Channel channel : open)
        {
            if (delayMillis > 0)
            {
                final HeldEvents events = heldEvents(channel);
                events.hold(text, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(delayMillis));
                // scheduled after holding: its deadline is no earlier than the event's due time
                channel.eventLoop().schedule(() -> writeDue(channel, events), delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            else
            {
                channel.writeAndFlush(new TextWebSocketFrame(text));
            }
        }
    }

    private static HeldEvents heldEvents(final Channel channel)
    {
        final io.netty.util.Attribute<HeldEvents> attribute = channel.attr(HELD_EVENTS);
        final HeldEvents fresh = new HeldEvents();
        final HeldEvents existing = attribute.setIfAbsent(fresh);
        return existing != null ? existing : fresh;
    }

    /** Writes the socket's delayed events now due, in the order they were pushed ({@link HeldEvents} says why not one write each). */
    private static void writeDue(final Channel channel, final HeldEvents events)
    {
        final java.util.List<String> due = events.takeDue(System.nanoTime());
        if (!due.isEmpty())
        {
            due.forEach(text -> channel.write(new TextWebSocketFrame(text)));
            channel.flush();
        }
    }

    /** Closes every user-data socket at once, as a network fault would; the keys stay valid. */
    void dropAll()
    {
        for (final Set<Channel> open : sockets.values())
        {
            open.forEach(Channel::close);
        }
    }

    /**
     * Every listen key (spot and futures) expires now, as one not kept alive does: a PUT answers {@code -1125}, the next
     * POST makes a new key, and the sockets on the old keys stay open but hear nothing more, after a
     * {@code listenKeyExpired} event when {@code announce}.
     */
    void expireAll(final boolean announce)
    {
        for (final String key : java.util.List.copyOf(accounts.keySet()))
        {
            final SpotAccount account = accounts.remove(key);
            if (account != null)
            {
                synchronized (account)
                {
                    account.listenKey = key.equals(account.listenKey) ? null : account.listenKey;
                    account.futuresListenKey = key.equals(account.futuresListenKey) ? null : account.futuresListenKey;
                }
            }
            final Set<Channel> open = sockets.remove(key);  // not closed: silent
            if (open != null && announce)
            {
                final String text = SimulatorJson.write(Map.of("e", "listenKeyExpired", "E", System.currentTimeMillis(), "listenKey", key));
                open.forEach(channel -> channel.writeAndFlush(new TextWebSocketFrame(text)));
            }
        }
    }

    /**
     * Every user-data socket stops answering, as a connection that died without a close: it stays open, reads nothing
     * (so no ping is answered) and is sent nothing more. The keys stay valid.
     */
    void freezeAll()
    {
        for (final String key : java.util.List.copyOf(sockets.keySet()))
        {
            final Set<Channel> open = sockets.remove(key);
            if (open != null)
            {
                open.forEach(channel -> channel.config().setAutoRead(false));
            }
        }
    }

    int openSockets()
    {
        int n = 0;
        for (final Set<Channel> open : sockets.values())
        {
            n += open.size();
        }
        return n;
    }
}
