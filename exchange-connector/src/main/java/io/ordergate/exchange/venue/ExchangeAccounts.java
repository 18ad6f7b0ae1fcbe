package io.ordergate.exchange.venue;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine keeps of each exchange account beyond the engine's own account: its credentials as sealed text
 * (never plain; the master key is not in the engine), the masked key answers show, the testnet flag, the namespace
 * its client order ids carry, balances per asset, the futures settings it asked for, and a ban the exchange imposed.
 * Rebuilt by replay like everything else. <b>Not thread safe</b>: engine thread.
 */
final class ExchangeAccounts
{
    /** Where futures settings stand. */
    static final int SETTINGS_PENDING = 0;
    static final int SETTINGS_APPLIED = 1;
    static final int SETTINGS_FAILED = 2;

    /** One symbol's futures settings as last asked for, and what the exchange said. */
    static final class Futures
    {
        int leverage;
        int marginMode;
        int positionMode;
        int status;
        String message;
        long updatedMicros;
    }

    /** One exchange account. Amounts at {@link ExchangeBodies#EXCHANGE_DIGITS}. */
    static final class Entry
    {
        String maskedKey;
        String sealedKey;
        String sealedSecret;
        String sealedPassphrase;
        boolean testnet;
        /** USDⓈ-M futures ({@link ExchangeBodies#MARKET_FUTURES}) rather than spot: its orders go to the futures API. */
        boolean futuresMarket;
        /** The exchange applied hedge mode (both sides at once): orders name the position side they open or close. */
        boolean hedgeMode;
        long credentialsUpdatedMicros;
        long bannedUntilMicros;
        /** The client-order-id namespace, made once from the account's creation time (nothing per order). */
        String namespace;
        /**
         * asset -> {free, locked, unrealized profit, margin balance}; sorted, so answers are the same on every replay. The
         * last two are a futures account read's ({@link #futuresFigures}); a stream's change of the wallet keeps the
         * asset's last unrealized profit, its margin balance the new wallet plus it.
         */
        final Map<String, long[]> balances = new TreeMap<>();
        long balancesUpdatedMicros;
        /** The exchange told unrealized profit and margin balance (a futures account's read): the view shows them. */
        boolean futuresFigures;
        /** The connector's stream session the marks in {@link #streamedUpdates} count in (0: none yet, or unmarked records). */
        long streamSession;
        /**
         * asset -> the number of the last stream update of it applied, in {@link #streamSession}, that no full read applied
         * since holds; sorted. A read whose mark is below it is older than that update and must not undo it.
         */
        final Map<String, Long> streamedUpdates = new TreeMap<>();
        /**
         * Per instrument index, the wall time of the last command that booked a fill of this account (0: none): a
         * positions read started before it may not hold that fill, so it is not compared. Null until the first fill.
         */
        long[] lastFillMicros;
        /** When the exchange's positions were last compared with the engine's (EXCHANGE_POSITIONS), 0 before. */
        long positionsCheckedMicros;
        /** symbol -> settings; sorted. The position mode is the exchange's account-wide one, last asked. */
        final Map<String, Futures> futures = new TreeMap<>();

        boolean hasCredentials()
        {
            return sealedSecret != null;
        }

        /** A stream update numbered {@code update} in {@code session} changed these assets (marks of another session no longer compare). */
        void streamed(final String[] assets, final long session, final long update)
        {
            if (session != streamSession)
            {
                streamedUpdates.clear();
                streamSession = session;
            }
            if (session != 0)
            {
                for (final String asset : assets)
                {
                    streamedUpdates.put(asset, update);
                }
            }
        }

        /**
         * The assets a stream update of {@code session} numbered after {@code mark} changed, with their amounts now: what
         * a read holding the updates up to {@code mark} is older than. Empty for a read of another session (or unmarked):
         * nothing tells which is older, so the read applies as it is.
         */
        Map<String, long[]> streamedAfter(final long session, final long mark)
        {
            final Map<String, long[]> newer = new TreeMap<>();
            if (session != 0 && session == streamSession)
            {
                streamedUpdates.forEach((asset, update) ->
                {
                    if (update > mark && balances.containsKey(asset))
                    {
                        newer.put(asset, balances.get(asset));
                    }
                });
            }
            return newer;
        }

        /** A full read holding the stream's updates up to {@code mark} of {@code session} applied: those are no longer newer. */
        void readApplied(final long session, final long mark)
        {
            if (session != streamSession)
            {
                streamedUpdates.clear();
                streamSession = session;
            }
            streamedUpdates.values().removeIf(update -> update <= mark);
        }
    }

    private final Entry[] byAccount;

    ExchangeAccounts(final int maxAccounts)
    {
        byAccount = new Entry[maxAccounts];
    }

    /** The account's entry, made on first use. */
    Entry entry(final int accountIndex)
    {
        Entry entry = byAccount[accountIndex];
        if (entry == null)
        {
            entry = new Entry();
            byAccount[accountIndex] = entry;
        }
        return entry;
    }

    /** The account's entry, or null when it has none. */
    Entry find(final int accountIndex)
    {
        return accountIndex >= 0 && accountIndex < byAccount.length ? byAccount[accountIndex] : null;
    }

    /** The account is removed: everything kept of it goes. */
    void remove(final int accountIndex)
    {
        byAccount[accountIndex] = null;
    }

    /** The namespace of an account's client order ids: its creation time in base 36 (journaled, so stable across restarts). */
    static String namespace(final long createdAtMicros)
    {
        return Long.toString(createdAtMicros, 36);
    }

    long digest()
    {
        long hash = 17;
        for (int i = 0; i < byAccount.length; i++)
        {
            final Entry entry = byAccount[i];
            if (entry != null)
            {
                hash = hash * 31 + i;
                hash = hash * 31 + (entry.sealedSecret == null ? 0 : entry.sealedSecret.hashCode());
                hash = hash * 31 + entry.bannedUntilMicros;
                hash = hash * 31 + (entry.futuresMarket ? 1 : 0) + (entry.hedgeMode ? 2 : 0);
                hash = hash * 31 + entry.streamSession;
                for (final Map.Entry<String, Long> streamed : entry.streamedUpdates.entrySet())
                {
                    hash = hash * 31 + streamed.getKey().hashCode() + streamed.getValue() * 17;
                }
                for (final Map.Entry<String, long[]> balance : entry.balances.entrySet())
                {
                    final long[] b = balance.getValue();
                    hash = hash * 31 + balance.getKey().hashCode() + b[0] * 7 + b[1] + b[2] * 11 + b[3] * 13;
                }
                for (final Map.Entry<String, Futures> setting : entry.futures.entrySet())
                {
                    final Futures f = setting.getValue();
                    hash = hash * 31 + setting.getKey().hashCode() + f.leverage * 7L + f.marginMode * 11L + f.positionMode * 13L + f.status;
                }
            }
        }
        return hash;
    }
}
