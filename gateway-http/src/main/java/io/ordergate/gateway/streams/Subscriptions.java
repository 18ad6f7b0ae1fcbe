package io.ordergate.gateway.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.ordergate.engine.candle.Timeframe;

/**
 * Who is subscribed to what, for the fan-out to find the sockets of an account, a symbol or a bot: entries are added
 * when a subscription's snapshot is sent and removed when the client unsubscribes or its socket closes (only the entry
 * of that subscribe's generation: a subscribe again whose snapshot came round first keeps its own). A lookup skips
 * sockets that closed or no longer hold the key (the removal may still be on its way). Not the generation: while a
 * subscribe again is under way the client still holds the old subscription, whose messages must go on until the new
 * snapshot replaces its entry (or, refused, is taken back).
 * <b>Not thread safe</b>: the fan-out thread.
 */
final class Subscriptions
{
    /** One subscription of one socket, made by the subscribe of {@code generation}. Immutable. */
    record Entry(StreamSocket socket, StreamChannel channel, String key, Timeframe timeframe, long generation)
    {
        boolean live()
        {
            return socket.held().holds(key) && socket.isOpen();
        }
    }

    /** For {@link #remove}: the entry of the key whatever subscribe made it. */
    static final long ANY_GENERATION = -1;

    private final Map<String, List<Entry>> byAccount = new HashMap<>();
    private final Map<String, List<Entry>> bySymbol = new HashMap<>();
    private final Map<String, List<Entry>> byBot = new HashMap<>();
    private int accountEntries;

    void add(final Entry entry, final String id)
    {
        final List<Entry> list = map(entry.channel()).computeIfAbsent(id, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++)
        {
            final Entry held = list.get(i);
            if (held.socket() == entry.socket() && held.key().equals(entry.key()))
            {
                list.set(i, entry);  // subscribed again: a fresh snapshot, the new subscribe's entry
                return;
            }
        }
        list.add(entry);
        accountEntries += valued(entry.channel()) ? 1 : 0;
    }

    /** The entry of the subscribe of {@code generation} (or {@link #ANY_GENERATION}), if still there (a newer subscribe's entry stays). */
    void remove(final StreamSocket socket, final StreamChannel channel, final String id, final String key, final long generation)
    {
        final Map<String, List<Entry>> map = map(channel);
        final List<Entry> list = map.get(id);
        if (list != null)
        {
            final int before = list.size();
            list.removeIf(entry -> entry.socket() == socket && entry.key().equals(key)
                && (generation == ANY_GENERATION || entry.generation() == generation));
            accountEntries -= valued(channel) ? before - list.size() : 0;
            if (list.isEmpty())
            {
                map.remove(id);
            }
        }
    }

    /** Every entry of a closed socket. */
    void removeAll(final StreamSocket socket)
    {
        for (final Map<String, List<Entry>> map : List.of(byAccount, bySymbol, byBot))
        {
            final Iterator<List<Entry>> lists = map.values().iterator();
            while (lists.hasNext())
            {
                final List<Entry> list = lists.next();
                for (final Entry entry : list)
                {
                    accountEntries -= entry.socket() == socket && valued(entry.channel()) ? 1 : 0;
                }
                list.removeIf(entry -> entry.socket() == socket);
                if (list.isEmpty())
                {
                    lists.remove();
                }
            }
        }
    }

    /** Takes out every entry of an account that is gone, at once: an account made again under its id is another. */
    List<Entry> removeAccount(final String accountId)
    {
        final List<Entry> list = byAccount.remove(accountId);
        for (final Entry entry : list == null ? List.<Entry>of() : list)
        {
            accountEntries -= valued(entry.channel()) ? 1 : 0;
        }
        return list;
    }

    /** The account's entries (any per-account channel), or null. */
    List<Entry> ofAccount(final String accountId)
    {
        return byAccount.get(accountId);
    }

    List<Entry> ofSymbol(final String symbol)
    {
        return bySymbol.get(symbol);
    }

    List<Entry> ofBot(final String botId)
    {
        return byBot.get(botId);
    }

    boolean hasAccounts()
    {
        return !byAccount.isEmpty();
    }

    boolean hasBots()
    {
        return !byBot.isEmpty();
    }

    /** Channels whose messages carry a valuation (equity, unrealized PnL) the engine works out only on demand. */
    private static boolean valued(final StreamChannel channel)
    {
        return channel == StreamChannel.ACCOUNT || channel == StreamChannel.POSITIONS;
    }

    /** True while any socket streams an account or its positions. */
    boolean hasAccountChannel()
    {
        return accountEntries > 0;
    }

    /** Accounts with at least one account-channel subscriber. */
    List<String> accountsWatched()
    {
        final List<String> ids = new ArrayList<>();
        for (final Map.Entry<String, List<Entry>> account : byAccount.entrySet())
        {
            for (final Entry entry : account.getValue())
            {
                if (entry.channel() == StreamChannel.ACCOUNT)
                {
                    ids.add(account.getKey());
                    break;
                }
            }
        }
        return ids;
    }

    private Map<String, List<Entry>> map(final StreamChannel channel)
    {
        return channel.perAccount() ? byAccount : channel == StreamChannel.BOT ? byBot : bySymbol;
    }
}
