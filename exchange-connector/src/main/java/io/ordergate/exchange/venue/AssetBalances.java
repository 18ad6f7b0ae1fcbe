package io.ordergate.exchange.venue;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import io.ordergate.engine.command.AsciiView;

/**
 * One exchange account's balances, a row per asset sorted by name (so answers list them in the same order on every
 * replay): free, locked, unrealized profit and margin balance at {@link ExchangeBodies#EXCHANGE_DIGITS}, and the number
 * of the last stream update of the asset that no full read has applied since (0: none). A row is found by the asset's
 * bytes as the command carries them, and the arrays grow only when the account holds more assets than ever before: a
 * stream update or a full read of assets already known allocates nothing (the engine's steady state: every fill on
 * an exchange brings a stream update). <b>Not thread safe</b>: engine thread.
 */
final class AssetBalances
{
    private static final int INITIAL_ROWS = 8;

    private String[] assets = new String[INITIAL_ROWS];
    private long[] free = new long[INITIAL_ROWS];
    private long[] locked = new long[INITIAL_ROWS];
    private long[] unrealized = new long[INITIAL_ROWS];
    private long[] margin = new long[INITIAL_ROWS];
    private long[] streamedUpdate = new long[INITIAL_ROWS];
    /** During a full read: the rows it named ({@link #beginRead}, {@link #endRead}). */
    private boolean[] read = new boolean[INITIAL_ROWS];
    private int size;

    int size()
    {
        return size;
    }

    String asset(final int row)
    {
        return assets[row];
    }

    long free(final int row)
    {
        return free[row];
    }

    long locked(final int row)
    {
        return locked[row];
    }

    long unrealized(final int row)
    {
        return unrealized[row];
    }

    long margin(final int row)
    {
        return margin[row];
    }

    long streamedUpdate(final int row)
    {
        return streamedUpdate[row];
    }

    void streamedUpdate(final int row, final long update)
    {
        streamedUpdate[row] = update;
    }

    void set(final int row, final long freeAmount, final long lockedAmount, final long unrealizedProfit, final long marginBalance)
    {
        free[row] = freeAmount;
        locked[row] = lockedAmount;
        unrealized[row] = unrealizedProfit;
        margin[row] = marginBalance;
    }

    /** A wallet without the exchange's own figures: its margin balance is the wallet plus the unrealized profit. */
    void setWallet(final int row, final long freeAmount, final long lockedAmount, final long unrealizedProfit)
    {
        set(row, freeAmount, lockedAmount, unrealizedProfit, freeAmount + lockedAmount + unrealizedProfit);
    }

    /** Forgets every stream update's number (a mark of another stream session no longer compares). */
    void clearStreamedUpdates()
    {
        Arrays.fill(streamedUpdate, 0, size, 0);
    }

    /** Forgets the stream updates numbered up to {@code mark}: a full read holding them was applied. */
    void clearStreamedUpdatesUpTo(final long mark)
    {
        for (int row = 0; row < size; row++)
        {
            if (streamedUpdate[row] <= mark)
            {
                streamedUpdate[row] = 0;
            }
        }
    }

    /** The asset's row, made (all zero) if the account has none: the asset's name is copied only then. */
    int row(final AsciiView asset)
    {
        final int found = find(asset);
        if (found >= 0)
        {
            return found;
        }
        final int row = -found - 1;
        if (size == assets.length)
        {
            grow();
        }
        final int after = size - row;
        System.arraycopy(assets, row, assets, row + 1, after);
        System.arraycopy(free, row, free, row + 1, after);
        System.arraycopy(locked, row, locked, row + 1, after);
        System.arraycopy(unrealized, row, unrealized, row + 1, after);
        System.arraycopy(margin, row, margin, row + 1, after);
        System.arraycopy(streamedUpdate, row, streamedUpdate, row + 1, after);
        System.arraycopy(read, row, read, row + 1, after);
        assets[row] = asset.toString();
        set(row, 0, 0, 0, 0);
        streamedUpdate[row] = 0;
        read[row] = false;
        size++;
        return row;
    }

    /** The asset's row, or {@code -(insertion point) - 1} (binary search, in {@link String#compareTo}'s order). */
    private int find(final AsciiView asset)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final int order = compare(assets[middle], asset);
            if (order < 0)
            {
                low = middle + 1;
            }
            else if (order > 0)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }
        return -low - 1;
    }

    /** {@code name.compareTo(asset's text)} without making the text a string (asset names are ASCII). */
    private static int compare(final String name, final AsciiView asset)
    {
        final int common = Math.min(name.length(), asset.length());
        for (int i = 0; i < common; i++)
        {
            final int order = name.charAt(i) - (asset.byteAt(i) & 0xFF);
            if (order != 0)
            {
                return order;
            }
        }
        return name.length() - asset.length();
    }

    /** A full read begins: no row is named yet. */
    void beginRead()
    {
        Arrays.fill(read, 0, size, false);
    }

    /** The read names this row. */
    void named(final int row)
    {
        read[row] = true;
    }

    /**
     * The full read ends: a row it did not name goes, unless the stream updated it after the read's mark
     * ({@code keepAfter}; {@link Long#MAX_VALUE}: none kept), whose row stays, its margin balance its wallet plus its
     * unrealized profit.
     */
    void endRead(final long keepAfter)
    {
        int kept = 0;
        for (int row = 0; row < size; row++)
        {
            final boolean keep = read[row] || streamedUpdate[row] > keepAfter;
            if (keep)
            {
                if (!read[row])
                {
                    setWallet(row, free[row], locked[row], unrealized[row]);
                }
                move(row, kept++);
            }
        }
        Arrays.fill(assets, kept, size, null);
        size = kept;
    }

    private void move(final int from, final int to)
    {
        if (from != to)
        {
            assets[to] = assets[from];
            set(to, free[from], locked[from], unrealized[from], margin[from]);
            streamedUpdate[to] = streamedUpdate[from];
            read[to] = read[from];
        }
    }

    private void grow()
    {
        final int rows = assets.length * 2;
        assets = Arrays.copyOf(assets, rows);
        free = Arrays.copyOf(free, rows);
        locked = Arrays.copyOf(locked, rows);
        unrealized = Arrays.copyOf(unrealized, rows);
        margin = Arrays.copyOf(margin, rows);
        streamedUpdate = Arrays.copyOf(streamedUpdate, rows);
        read = Arrays.copyOf(read, rows);
    }

    /**
     * asset -> {free, locked} (or {margin balance, 0} when {@code marginBalances}), for the valuation of a sync-balance
     * (an admin's command: it may allocate).
     */
    Map<String, long[]> amounts(final boolean marginBalances)
    {
        final Map<String, long[]> amounts = new TreeMap<>();
        for (int row = 0; row < size; row++)
        {
            amounts.put(assets[row], marginBalances ? new long[] {margin[row], 0} : new long[] {free[row], locked[row]});
        }
        return amounts;
    }

    long digest(final long seed)
    {
        long hash = seed;
        for (int row = 0; row < size; row++)
        {
            hash = hash * 31 + assets[row].hashCode() + free[row] * 7 + locked[row] + unrealized[row] * 11 + margin[row] * 13
                + streamedUpdate[row] * 17;
        }
        return hash;
    }
}
