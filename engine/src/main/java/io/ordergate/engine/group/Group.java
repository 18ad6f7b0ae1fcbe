package io.ordergate.engine.group;

import java.nio.charset.StandardCharsets;

/**
 * A named set of member accounts that trade one signal each at its own size, with group-level risk settings and a
 * kill switch. <b>Not thread safe</b>: owned by the engine thread.
 *
 * <p>Risk settings (percent, wire digits; 0 = off):
 * <ul>
 *   <li>{@link #maxDrawdownPct}: the group's equity (the sum of its members' equity, each in its account currency)
 *       may fall this far below its high-water mark; checked on every group order and every quote batch, and when
 *       reached the group pauses itself ({@code pause_reason: "max_drawdown"}). The mark restarts from the current
 *       equity when the group is created, resumed, or its members change.</li>
 *   <li>{@link #riskLimitPct}: the most a single child order may lose at its stop loss, as a percent of that
 *       member's equity. Larger sizes are clamped down ({@code clamped_by: "risk_limit"}); orders without a stop
 *       are not limited by it.</li>
 * </ul>
 */
public final class Group
{
    public final String id;
    final byte[] idBytes;
    public String name;
    public String description;
    Member[] members;
    int memberCount;
    public boolean paused;
    /** "manual" or "max_drawdown" while paused, else null. */
    public String pauseReason;
    public long maxDrawdownPct;
    public long riskLimitPct;
    /** {@link #targetMonthlyRoiPct} of a group that has none: 0 is a target of its own (to break even), not "none". */
    public static final long NO_TARGET = Long.MIN_VALUE;
    /** Seed 003's target_monthly_roi: the month's return the group aims at, percent (wire digits; {@link #NO_TARGET} for
     *  none), reported against the actual return by its performance. */
    public long targetMonthlyRoiPct = NO_TARGET;
    /** High-water mark of the summed equity, money units. */
    public long peakEquity;
    public final long createdAtMicros;
    public long updatedAtMicros;

    Group(final String id, final int initialMembers, final long createdAtMicros)
    {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.members = new Member[Math.max(4, initialMembers)];
        this.createdAtMicros = createdAtMicros;
        this.updatedAtMicros = createdAtMicros;
    }

    public int memberCount()
    {
        return memberCount;
    }

    public Member member(final int index)
    {
        return members[index];
    }

    /** Position of the member for an account index, or -1. */
    public int indexOf(final int accountIndex)
    {
        for (int i = 0; i < memberCount; i++)
        {
            if (members[i].account.index == accountIndex)
            {
                return i;
            }
        }
        return -1;
    }

    /** Appends a member; admin path (may grow the array). */
    void add(final Member member)
    {
        if (memberCount == members.length)
        {
            members = java.util.Arrays.copyOf(members, members.length * 2);
        }
        members[memberCount++] = member;
    }

    void remove(final int index)
    {
        System.arraycopy(members, index + 1, members, index, memberCount - index - 1);
        members[--memberCount] = null;
    }

    void clearMembers()
    {
        java.util.Arrays.fill(members, 0, memberCount, null);
        memberCount = 0;
    }
}
