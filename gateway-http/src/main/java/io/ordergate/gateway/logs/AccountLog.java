package io.ordergate.gateway.logs;

import java.util.List;

/**
 * One account's newest lines, in a ring of reusable slots: a line is copied into the oldest slot once the ring is
 * full, so a busy account's log makes no garbage (a {@link AccountLogs.Line} and its message string per command
 * were the fan-out thread's largest allocation per order). A line of a command that touched several accounts is
 * copied into each of their logs. <b>Not thread safe</b>: used on the fan-out thread only.
 */
final class AccountLog
{
    private static final int INITIAL_SLOTS = 16;
    /** Room a slot's text keeps beyond its first line, so a slightly longer one later does not grow it. */
    private static final int TEXT_SLACK = 64;

    private final int capacity;
    /** Grows (doubling, up to the capacity) until the ring first wraps: an account with few lines keeps a few slots. */
    private Slot[] slots;
    private int size;
    /** Where the next line goes: the oldest slot once the ring is full. */
    private int next;

    AccountLog(final int capacity)
    {
        this.capacity = capacity;
        slots = new Slot[Math.min(capacity, INITIAL_SLOTS)];
    }

    /** Keeps a line, dropping the oldest when full; the text is copied. */
    void add(final long micros, final int level, final boolean trade, final StringBuilder text, final String command,
        final String who, final String result, final long journalIndex)
    {
        if (size == slots.length && slots.length < capacity)
        {
            slots = java.util.Arrays.copyOf(slots, Math.min(capacity, slots.length * 2));
            next = size;
        }
        Slot slot = slots[next];
        if (slot == null)
        {
            slot = new Slot();
            slots[next] = slot;
        }
        slot.micros = micros;
        slot.level = level;
        slot.trade = trade;
        slot.command = command;
        slot.who = who;
        slot.result = result;
        slot.journalIndex = journalIndex;
        slot.copy(text);
        next = next + 1 == slots.length ? 0 : next + 1;
        size = Math.min(size + 1, slots.length);
    }

    /**
     * Adds up to {@code limit} of the newest lines that pass the filters to {@code into}, newest first, skipping a
     * line whose journal index {@code seen} holds (a command already taken from another account's log).
     */
    void newest(final boolean trade, final int minLevel, final int limit, final java.util.Set<Long> seen, final List<AccountLogs.Line> into)
    {
        int taken = 0;
        for (int i = 1; i <= size && taken < limit; i++)
        {
            final Slot slot = slots[Math.floorMod(next - i, slots.length)];
            // a line not journaled (its append failed: index -1) is no other line's copy
            if (slot.level >= minLevel && (!trade || slot.trade) && (slot.journalIndex < 0 || seen.add(slot.journalIndex)))
            {
                into.add(new AccountLogs.Line(slot.micros, slot.level, slot.trade, new String(slot.text, 0, slot.textLength),
                    slot.command, slot.who, slot.result, slot.journalIndex));
                taken++;
            }
        }
    }

    int size()
    {
        return size;
    }

    /** One line's fields; the text grows only for a longer line than the slot held before. */
    private static final class Slot
    {
        long micros;
        int level;
        boolean trade;
        String command;
        String who;
        String result;
        long journalIndex;
        char[] text;
        int textLength;

        void copy(final StringBuilder source)
        {
            final int length = source.length();
            if (text == null || text.length < length)
            {
                text = new char[text == null ? length + TEXT_SLACK : Math.max(length, text.length * 2)];
            }
            source.getChars(0, length, text, 0);
            textLength = length;
        }
    }
}
