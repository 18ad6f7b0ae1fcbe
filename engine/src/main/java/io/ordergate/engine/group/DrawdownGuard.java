package io.ordergate.engine.group;

import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 * The group drawdown guard: keeps each group's high-water mark of its members' summed equity (on the group itself)
 * and pauses the group when equity falls max_drawdown_pct below it. Checked after each quote batch and before each
 * group order or signal to a group.
 */
public final class DrawdownGuard
{
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private final AccountValues values;

    public DrawdownGuard(final AccountValues values)
    {
        this.values = values;
    }

    /** The sum of the members' equity, money units. */
    long equity(final Group group)
    {
        long total = 0;
        for (int i = 0; i < group.memberCount(); i++)
        {
            total += values.equity(group.member(i).account);
        }
        return total;
    }

    /** Restarts the high-water mark from the current equity (create, resume, member changes). */
    void resetPeak(final Group group)
    {
        group.peakEquity = equity(group);
    }

    /**
     * Moves the high-water mark up, also while the group has no max_drawdown_pct (one set later, and the group's
     * {@code drawdown_pct}, measure from the highest equity since the mark restarted), and pauses the group when its
     * drawdown reaches max_drawdown_pct.
     */
    public void check(final Group group, final long nowMicros)
    {
        if (group.paused || group.memberCount() == 0)
        {
            return;
        }
        final long equity = equity(group);
        if (equity > group.peakEquity)
        {
            group.peakEquity = equity;
            return;
        }
        if (group.maxDrawdownPct > 0 && group.peakEquity > 0 && drawdownPct(group, equity) >= group.maxDrawdownPct)
        {
            group.paused = true;
            group.pauseReason = "max_drawdown";
            group.updatedAtMicros = nowMicros;
        }
    }

    /** Wire digits; past a long (a loss over 922 million times the peak) Long.MAX_VALUE, never a throw. */
    static long drawdownPct(final Group group, final long equity)
    {
        return group.peakEquity <= 0 || equity >= group.peakEquity ? 0
            : FixedPoint.mulDivSaturated(group.peakEquity - equity, HUNDRED_PERCENT, group.peakEquity);
    }
}
