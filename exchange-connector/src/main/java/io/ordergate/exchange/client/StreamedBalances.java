package io.ordergate.exchange.client;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import io.ordergate.exchange.spi.VenueAnswer;

/**
 * Keeps a full balance read from undoing what the user stream told after the read was sent. A read and the stream race:
 * a read the exchange served before a fill, answered after the fill's stream balance update, carries the older
 * amounts, and reported as complete it would put them back with nothing left to correct them. So each stream update
 * is numbered, a read remembers the number current when it was sent, and its answer takes, for every asset the stream
 * updated since, the stream's amounts (an asset the read does not list, too). A read the caller journals itself
 * (sync-balance) may still reach the ring after a later stream update: so every report carries its
 * {@link BalanceStreamMark}, and the engine keeps, over a read, what the stream told after the read's mark.
 *
 * <p>Thread safe: the stream's thread and the HTTP client's threads call it; {@link #streamed} and {@link #complete}
 * report while holding the lock, so the ring sees the stream's update and the corrected read in the order they were
 * decided.
 */
final class StreamedBalances
{
    private final ExchangeClient client;
    private final VenueReports reports;
    private final BooleanSupplier closed;
    /** This session's stream, told apart from every other's (0 is never drawn: it means "no mark"). */
    private final long session = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private long updates;
    private final Map<String, BigDecimal[]> latest = new HashMap<>();
    private final Map<String, Long> updatedAt = new HashMap<>();

    StreamedBalances(final ExchangeClient client, final VenueReports reports, final BooleanSupplier closed)
    {
        this.client = client;
        this.reports = reports;
        this.closed = closed;
    }

    /** Reads the balances and reports them as complete, what the stream told meanwhile laid over them (each (re)connect). */
    void sync()
    {
        final long mark = mark();
        client.send(client.dialect().balances()).thenAccept(answer ->
        {
            if (answer.ok() && answer.balances() != null && !closed.getAsBoolean())
            {
                complete(answer.balances(), mark);
            }
        });
    }

    /** Reads the balances without reporting them (the caller journals them), what the stream told meanwhile laid over them. */
    CompletableFuture<BalanceRead> read()
    {
        final long mark = mark();
        return client.send(client.dialect().balances()).thenApply(answer -> answer.ok() && answer.balances() != null ? corrected(answer, mark)
            : new BalanceRead(answer, new BalanceStreamMark(session, mark)));
    }

    /** The answer with the stream's later updates laid over it, and the mark of the last of them: one decision, under the lock. */
    private synchronized BalanceRead corrected(final VenueAnswer answer, final long mark)
    {
        return new BalanceRead(new VenueAnswer(answer.outcome(), answer.order(), newerThan(answer.balances(), mark), answer.text(), answer.code(),
            answer.retryAfterMillis(), answer.positions()), new BalanceStreamMark(session, updates));
    }

    /** The mark a read sent now compares the stream's later updates with. */
    private synchronized long mark()
    {
        return updates;
    }

    /** A stream balance update: remembered per asset, then reported as a delta. */
    synchronized void streamed(final Map<String, BigDecimal[]> balances)
    {
        updates++;
        for (final Map.Entry<String, BigDecimal[]> balance : balances.entrySet())
        {
            latest.put(balance.getKey(), balance.getValue());
            updatedAt.put(balance.getKey(), updates);
        }
        reports.balances(balances, false, new BalanceStreamMark(session, updates));
    }

    /** Reports a read sent at {@code mark} as complete, with what the stream told since laid over it. */
    private synchronized void complete(final Map<String, BigDecimal[]> read, final long mark)
    {
        reports.balances(newerThan(read, mark), true, new BalanceStreamMark(session, updates));
    }

    /**
     * The read with, for every asset the stream updated after {@code mark}, the stream's free and locked amounts (a
     * futures read's unrealized profit and margin balance, which the stream does not tell, stay the read's).
     */
    private synchronized Map<String, BigDecimal[]> newerThan(final Map<String, BigDecimal[]> read, final long mark)
    {
        if (updates == mark)
        {
            return read;
        }
        final Map<String, BigDecimal[]> merged = new LinkedHashMap<>(read);
        for (final Map.Entry<String, Long> update : updatedAt.entrySet())
        {
            if (update.getValue() > mark)
            {
                final BigDecimal[] streamed = latest.get(update.getKey());
                final BigDecimal[] old = read.get(update.getKey());
                final BigDecimal[] amounts = old == null || old.length <= streamed.length ? streamed.clone() : old.clone();
                System.arraycopy(streamed, 0, amounts, 0, Math.min(streamed.length, amounts.length));
                merged.put(update.getKey(), amounts);
            }
        }
        return merged;
    }
}
