package io.ordergate.gateway.performance;

import java.util.Arrays;

/**
 * One account's fills as columns of primitives in chunks of {@value #CHUNK} rows: no object per fill (about 53 bytes a
 * fill, none of it for the collector to trace) and no copy of old rows as the record grows. Rows are appended, and the
 * oldest chunks dropped once folded ({@link #dropFirstChunks}),
 * and a row is never changed once written (a correction is a row of its own, {@link #CORRECTION}), so a performance
 * worker reads the rows of a {@link Columns} taken earlier, up to the count taken with it, without a lock while the
 * reply thread appends: everything it reads was written before the hand-over, and nothing it reads is written after.
 *
 * <p><b>Appended by one thread</b> (the reply thread, or the replaying thread before it).
 */
final class FillRows
{
    static final int CHUNK_SHIFT = 8;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;

    static final int BUY = 1;
    /** A synced MT5 deal of the past: no order, no position of the gateway's. */
    static final int HISTORY = 2;
    /** This row replaces the earlier row of the same trade id (its money known later): the earlier one's values no longer count. */
    static final int CORRECTION = 4;
    /**
     * The account counted round trips per position (hedging, MT5) rather than per symbol when the fill was booked: an
     * account deleted and made again under its id may count the other way from then on.
     */
    static final int HEDGING = 8;
    /** Above the flags: a quantity's digits, 0..{@code InstrumentSpec.MAX_DIGITS} (8), in the byte's top 4 bits. */
    private static final int DIGITS_SHIFT = 4;

    /**
     * The chunks as they are now. A new chunk goes into a free slot in place (no reader of an older count reaches it);
     * when the slots run out they are copied into a new {@code Columns}, so one a reader holds never changes under it.
     */
    static final class Columns
    {
        final long[][] tradeIds;
        final long[][] times;
        final long[][] quantities;
        final long[][] positionIds;
        final long[][] realized;
        final long[][] fees;
        final int[][] symbols;
        final byte[][] flags;

        Columns(final int chunks)
        {
            tradeIds = new long[chunks][];
            times = new long[chunks][];
            quantities = new long[chunks][];
            positionIds = new long[chunks][];
            realized = new long[chunks][];
            fees = new long[chunks][];
            symbols = new int[chunks][];
            flags = new byte[chunks][];
        }

        /** The chunks of {@code from} from its chunk {@code skipped} on, in {@code chunks} slots. */
        private Columns(final Columns from, final int skipped, final int chunks)
        {
            final int to = skipped + chunks;
            tradeIds = Arrays.copyOfRange(from.tradeIds, skipped, to);
            times = Arrays.copyOfRange(from.times, skipped, to);
            quantities = Arrays.copyOfRange(from.quantities, skipped, to);
            positionIds = Arrays.copyOfRange(from.positionIds, skipped, to);
            realized = Arrays.copyOfRange(from.realized, skipped, to);
            fees = Arrays.copyOfRange(from.fees, skipped, to);
            symbols = Arrays.copyOfRange(from.symbols, skipped, to);
            flags = Arrays.copyOfRange(from.flags, skipped, to);
        }

        private void allocate(final int chunk)
        {
            tradeIds[chunk] = new long[CHUNK];
            times[chunk] = new long[CHUNK];
            quantities[chunk] = new long[CHUNK];
            positionIds[chunk] = new long[CHUNK];
            realized[chunk] = new long[CHUNK];
            fees[chunk] = new long[CHUNK];
            symbols[chunk] = new int[CHUNK];
            flags[chunk] = new byte[CHUNK];
        }

        long tradeId(final int row)
        {
            return tradeIds[row >>> CHUNK_SHIFT][row & MASK];
        }

        long time(final int row)
        {
            return times[row >>> CHUNK_SHIFT][row & MASK];
        }

        long quantity(final int row)
        {
            return quantities[row >>> CHUNK_SHIFT][row & MASK];
        }

        long positionId(final int row)
        {
            return positionIds[row >>> CHUNK_SHIFT][row & MASK];
        }

        /** Realized PnL before the fee, in cents. */
        long realized(final int row)
        {
            return realized[row >>> CHUNK_SHIFT][row & MASK];
        }

        /** The fee in cents, positive when paid. */
        long fee(final int row)
        {
            return fees[row >>> CHUNK_SHIFT][row & MASK];
        }

        long net(final int row)
        {
            return realized(row) - fee(row);
        }

        /** The symbol's number in the store (the same number for the same symbol across accounts). */
        int symbol(final int row)
        {
            return symbols[row >>> CHUNK_SHIFT][row & MASK];
        }

        /**
         * What the row's round trip is kept under: its position when the account counted per position as the fill was
         * booked ({@link #HEDGING}), else its symbol.
         */
        long tripKey(final int row)
        {
            return is(row, HEDGING) ? positionId(row) : symbol(row);
        }

        boolean is(final int row, final int flag)
        {
            return (flags[row >>> CHUNK_SHIFT][row & MASK] & flag) != 0;
        }

        int quantityDigits(final int row)
        {
            return (flags[row >>> CHUNK_SHIFT][row & MASK] & 0xff) >>> DIGITS_SHIFT;
        }
    }

    private Columns columns = new Columns(4);
    private int count;

    /** The columns now; rows below {@link #count()} of them are final. */
    Columns columns()
    {
        return columns;
    }

    int count()
    {
        return count;
    }

    /**
     * Appends a row.
     *
     * @param flags {@link #BUY}, {@link #HISTORY}, {@link #CORRECTION}, {@link #HEDGING}
     * @return the row's number
     */
    int append(final long tradeId, final long timeMicros, final int symbol, final long quantity, final int quantityDigits,
        final long positionId, final long realized, final long fee, final int flags)
    {
        final int row = count;
        final int chunk = row >>> CHUNK_SHIFT;
        if (chunk == columns.tradeIds.length)
        {
            columns = new Columns(columns, 0, chunk * 2);
        }
        if (columns.tradeIds[chunk] == null)
        {
            columns.allocate(chunk);
        }
        final int at = row & MASK;
        columns.tradeIds[chunk][at] = tradeId;
        columns.times[chunk][at] = timeMicros;
        columns.quantities[chunk][at] = quantity;
        columns.positionIds[chunk][at] = positionId;
        columns.realized[chunk][at] = realized;
        columns.fees[chunk][at] = fee;
        columns.symbols[chunk][at] = symbol;
        columns.flags[chunk][at] = (byte)(flags | quantityDigits << DIGITS_SHIFT);
        count = row + 1;
        return row;
    }

    /**
     * Forgets the oldest {@code chunks} × {@value #CHUNK} rows (the caller has folded them, {@link FoldedFills}): the rows
     * after them are numbered that much lower. The chunks move into new {@code Columns}, so one a reader holds keeps its rows.
     */
    void dropFirstChunks(final int chunks)
    {
        columns = new Columns(columns, chunks, columns.tradeIds.length);  // the same slots: as many more free at the end
        count -= chunks * CHUNK;
    }
}
