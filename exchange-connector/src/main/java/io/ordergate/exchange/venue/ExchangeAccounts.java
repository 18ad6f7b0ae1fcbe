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
         * Per asset: free, locked, unrealized profit, margin balance, and the last stream update of it (in
         * {@link #streamSession}) that no full read applied since. Unrealized profit and margin balance are a futures
         * account read's ({@link #futuresFigures}); a stream's change of the wallet keeps the asset's last unrealized
         * profit, its margin balance the new wallet plus it.
         */
        final AssetBalances balances = new AssetBalances();
        long balancesUpdatedMicros;
        /** The exchange told unrealized profit and margin balance (a futures account's read): the view shows them. */
        boolean futuresFigures;
        /** The connector's stream session the balances' stream update numbers count in (0: none yet, or unmarked records). */
        long streamSession;
        /**
         * Per instrument index, the wall time of the last command that booked a fill of this account (0: none): a
         * positions read started before it may not hold that fill, so it is not compared. Null until the first fill.
         */
        long[] lastFillMicros;
        /** When the exchange's positions were last compared with the engine's (EXCHANGE_POSITIONS), 0 before. */
        long positionsCheckedMicros;
        /**
         * Per instrument index, as of the last positions read: the exchange holds both a long and a short in it (hedge
         * mode), which the engine's one net position cannot hold apart, so it was not compared. Null until the first such.
         */
        boolean[] heldBothSides;
        /** symbol -> settings; sorted. The position mode is the exchange's account-wide one, last asked. */
        final Map<String, Futures> futures = new TreeMap<>();

        boolean hasCredentials()
        {
            return sealedSecret != null;
        }

        /**
         * The stream session of a report: a report of another session than the last one's (or unmarked) makes the stream
         * update numbers kept so far meaningless, so they go.
         */
        void streamSession(final long session)
        {
            if (session != streamSession)
            {
                balances.clearStreamedUpdates();
                streamSession = session;
            }
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
                hash = hash * 31 + (entry.heldBothSides == null ? 0 : java.util.Arrays.hashCode(entry.heldBothSides));
                hash = entry.balances.digest(hash * 31 + entry.streamSession);
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
