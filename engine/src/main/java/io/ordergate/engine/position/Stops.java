package io.ordergate.engine.position;

import io.ordergate.engine.command.OrderView;

/**
 * The protection of one position: legs, each a stop loss, take profit and trailing distance over a quantity.
 *
 * <p>The netting rule (one net position per account and instrument): an order's stops protect only the quantity that
 * order opened or added, as a leg of that quantity; when a leg's stop or target is reached, only the leg's quantity is
 * closed. So a later group or webhook order with stops never touches the part opened by hand, nor the reverse. A
 * reduction made by anything but a leg's own trigger comes first out of the part no leg covers, then out of the oldest
 * legs. {@code PATCH /positions/{id}} with both stop loss and take profit replaces every leg with one over the {@link #WHOLE}
 * position; with one of them it sets that one on every leg ({@link #setOnEveryLeg}). A hedging
 * account's position (one fill each) has one leg over the whole position: the stops of the order that opened it.
 *
 * <p>Prices in the instrument's price units ({@link OrderView#NONE} when absent); a trailing distance is a percent
 * of the price (wire digits) or a distance in price units, at most one of them non-zero.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing after construction.
 */
public final class Stops
{
    /** A leg's quantity when it covers the whole position, whatever its size when the stop is reached. */
    public static final long WHOLE = Long.MAX_VALUE;

    private final long[] quantity;
    private final long[] stopLoss;
    private final long[] takeProfit;
    private final long[] trailingPct;
    private final long[] trailingDistance;
    private final long[] orderId;
    private int count;

    Stops(final int capacity)
    {
        quantity = new long[capacity];
        stopLoss = new long[capacity];
        takeProfit = new long[capacity];
        trailingPct = new long[capacity];
        trailingDistance = new long[capacity];
        orderId = new long[capacity];
    }

    public int count()
    {
        return count;
    }

    public long quantity(final int leg)
    {
        return quantity[leg];
    }

    public long stopLoss(final int leg)
    {
        return stopLoss[leg];
    }

    public long takeProfit(final int leg)
    {
        return takeProfit[leg];
    }

    public long trailingPct(final int leg)
    {
        return trailingPct[leg];
    }

    public long trailingDistance(final int leg)
    {
        return trailingDistance[leg];
    }

    /** The order whose stops these are, or 0 for stops set on the position itself. */
    public long orderId(final int leg)
    {
        return orderId[leg];
    }

    public boolean isTrailing(final int leg)
    {
        return trailingPct[leg] != 0 || trailingDistance[leg] != 0;
    }

    /**
     * The leg a position's single {@code stop_loss}/{@code take_profit} shows: the only one, or -1 when there is none
     * or several (the view then lists them).
     */
    public int shown()
    {
        return count == 1 ? 0 : -1;
    }

    /** Moves a leg's stop loss (a trailing stop ratcheting). */
    void stopLoss(final int leg, final long price)
    {
        stopLoss[leg] = price;
    }

    void clear()
    {
        count = 0;
    }

    /**
     * Adds a leg over {@code legQuantity} (or {@link #WHOLE}); a further fill of the order of the newest leg adds to
     * that leg. When every slot is taken, the quantity joins the newest
     * leg and these stops replace its own (the most recent order's stops win): a limit, documented.
     */
    void add(final long legQuantity, final long legStopLoss, final long legTakeProfit, final long legTrailingPct,
        final long legTrailingDistance, final long legOrderId)
    {
        int leg = count;
        if (count > 0 && legOrderId != 0 && orderId[count - 1] == legOrderId && quantity[count - 1] != WHOLE && legQuantity != WHOLE)
        {
            // Another fill of the same order (a partial fill): its leg grows.
            quantity[count - 1] += legQuantity;
            return;
        }
        if (count == quantity.length)
        {
            leg = count - 1;
            quantity[leg] = quantity[leg] == WHOLE || legQuantity == WHOLE ? WHOLE : quantity[leg] + legQuantity;
        }
        else
        {
            quantity[leg] = legQuantity;
            count++;
        }
        stopLoss[leg] = legStopLoss;
        takeProfit[leg] = legTakeProfit;
        trailingPct[leg] = legTrailingPct;
        trailingDistance[leg] = legTrailingDistance;
        orderId[leg] = legOrderId;
    }

    /** One leg over the whole position, replacing every other. */
    void setWhole(final long legStopLoss, final long legTakeProfit, final long legTrailingPct, final long legTrailingDistance)
    {
        count = 0;
        if (legStopLoss != OrderView.NONE || legTakeProfit != OrderView.NONE || legTrailingPct != 0 || legTrailingDistance != 0)
        {
            add(WHOLE, legStopLoss, legTakeProfit, legTrailingPct, legTrailingDistance, 0);
        }
    }

    /**
     * Sets only the given fields on every leg, each leg keeping its own values for the others ({@code PATCH
     * /positions/{id}} with one of stop loss and take profit: absent means unchanged, on every leg). A stop loss given
     * ends a leg's trailing; a leg left with nothing goes. The part of the position no leg covers gets a leg of its own
     * carrying the given field, put oldest so that reductions still come first out of that part; with no legs at all
     * that leg is over the {@link #WHOLE} position.
     *
     * @param held the position's quantity (positive)
     * @return false, changing nothing, when the uncovered part needs a leg and every slot is taken
     */
    boolean setOnEveryLeg(final boolean setsStopLoss, final long legStopLoss, final boolean setsTakeProfit, final long legTakeProfit,
        final long held)
    {
        long covered = 0;
        for (int leg = 0; leg < count; leg++)
        {
            covered = quantity[leg] == WHOLE || covered == WHOLE ? WHOLE : covered + quantity[leg];
        }
        final long uncovered = count == 0 ? WHOLE : covered == WHOLE ? 0 : held - covered;
        final boolean needsLeg = uncovered > 0
            && (setsStopLoss && legStopLoss != OrderView.NONE || setsTakeProfit && legTakeProfit != OrderView.NONE);
        if (needsLeg && count == quantity.length)
        {
            return false;
        }
        for (int leg = count - 1; leg >= 0; leg--)
        {
            if (setsStopLoss)
            {
                stopLoss[leg] = legStopLoss;
                trailingPct[leg] = 0;
                trailingDistance[leg] = 0;
            }
            if (setsTakeProfit)
            {
                takeProfit[leg] = legTakeProfit;
            }
            if (stopLoss[leg] == OrderView.NONE && takeProfit[leg] == OrderView.NONE && !isTrailing(leg))
            {
                remove(leg);
            }
        }
        if (needsLeg)
        {
            insert(0, uncovered, setsStopLoss ? legStopLoss : OrderView.NONE, setsTakeProfit ? legTakeProfit : OrderView.NONE, 0, 0, 0);
        }
        return true;
    }

    void remove(final int leg)
    {
        final int after = count - leg - 1;
        System.arraycopy(quantity, leg + 1, quantity, leg, after);
        System.arraycopy(stopLoss, leg + 1, stopLoss, leg, after);
        System.arraycopy(takeProfit, leg + 1, takeProfit, leg, after);
        System.arraycopy(trailingPct, leg + 1, trailingPct, leg, after);
        System.arraycopy(trailingDistance, leg + 1, trailingDistance, leg, after);
        System.arraycopy(orderId, leg + 1, orderId, leg, after);
        count--;
    }

    /**
     * Puts a leg back at {@code leg}, where {@link #remove} took it from, the legs from there on moving up one: a leg
     * taken out for a close that did not happen. There is room, since the leg was taken out.
     */
    void insert(final int leg, final long legQuantity, final long legStopLoss, final long legTakeProfit, final long legTrailingPct,
        final long legTrailingDistance, final long legOrderId)
    {
        final int after = count - leg;
        System.arraycopy(quantity, leg, quantity, leg + 1, after);
        System.arraycopy(stopLoss, leg, stopLoss, leg + 1, after);
        System.arraycopy(takeProfit, leg, takeProfit, leg + 1, after);
        System.arraycopy(trailingPct, leg, trailingPct, leg + 1, after);
        System.arraycopy(trailingDistance, leg, trailingDistance, leg + 1, after);
        System.arraycopy(orderId, leg, orderId, leg + 1, after);
        quantity[leg] = legQuantity;
        stopLoss[leg] = legStopLoss;
        takeProfit[leg] = legTakeProfit;
        trailingPct[leg] = legTrailingPct;
        trailingDistance[leg] = legTrailingDistance;
        orderId[leg] = legOrderId;
        count++;
    }

    /**
     * The position now holds {@code held} (positive): legs covering more than that lose the excess, oldest first, and
     * a leg left with nothing goes. The part no leg covers is taken first, since legs only lose what exceeds the
     * position.
     */
    void trimTo(final long held)
    {
        long covered = 0;
        for (int i = 0; i < count; i++)
        {
            if (quantity[i] != WHOLE)
            {
                covered += quantity[i];
            }
        }
        int leg = 0;
        while (covered > held && leg < count)
        {
            if (quantity[leg] == WHOLE)
            {
                leg++;
                continue;
            }
            final long cut = Math.min(quantity[leg], covered - held);
            quantity[leg] -= cut;
            covered -= cut;
            if (quantity[leg] == 0)
            {
                remove(leg);
            }
            else
            {
                leg++;
            }
        }
    }

    /** Mixes every leg into a state digest. */
    public long digest(final long seed)
    {
        long hash = seed * 31 + count;
        for (int i = 0; i < count; i++)
        {
            hash = hash * 31 + quantity[i];
            hash = hash * 31 + stopLoss[i];
            hash = hash * 31 + takeProfit[i];
            hash = hash * 31 + trailingPct[i];
            hash = hash * 31 + trailingDistance[i];
            hash = hash * 31 + orderId[i];
        }
        return hash;
    }
}
