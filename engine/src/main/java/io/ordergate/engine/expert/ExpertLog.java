package io.ordergate.engine.expert;

/**
 * An expert's recent log, seed 001's {@code GET /experts/{id}/logs}: a ring of preallocated entries, each a kind (its
 * message and level are the kind's), the time and up to two numbers, so writing one allocates nothing on the engine
 * thread. The oldest entry is overwritten when the ring is full. <b>Not thread safe</b>: engine thread.
 */
final class ExpertLog
{
    static final int DEBUG = 0;
    static final int INFO = 1;
    static final int WARNING = 2;
    static final int ERROR = 3;
    static final String[] LEVEL_NAMES = {"DEBUG", "INFO", "WARNING", "ERROR"};

    static final int CREATED = 0;
    static final int STARTED = 1;
    static final int STOPPED = 2;
    static final int DRAWDOWN_STOP = 3;
    static final int STRATEGY_UPDATED = 4;
    static final int ORDER_PLACED = 5;
    static final int ORDER_REJECTED = 6;
    static final int ORDER_REFUSED = 7;

    static final String[] MESSAGES = {
        "expert initialized",
        "expert started",
        "expert stopped by request",
        "max_drawdown_pct reached: expert stopped",
        "strategy parameters updated",
        "order placed",
        "order rejected",
        "order refused before it was recorded",
    };
    static final int[] LEVELS = {INFO, INFO, INFO, WARNING, INFO, INFO, ERROR, ERROR};
    /** Kinds that belong to seed 001's {@code trade} log (the rest are {@code main}; {@code error} is by level). */
    static final boolean[] TRADE = {false, false, false, false, false, true, true, true};

    private final int[] kinds;
    private final long[] micros;
    private final long[] first;
    private final long[] second;
    private long written;

    ExpertLog(final int capacity)
    {
        kinds = new int[capacity];
        micros = new long[capacity];
        first = new long[capacity];
        second = new long[capacity];
    }

    /**
     * @param a the entry's first number (an order id, an equity), 0 if none
     * @param b its second (a result code's ordinal, a peak equity), 0 if none
     */
    void add(final int kind, final long nowMicros, final long a, final long b)
    {
        final int slot = (int) (written % kinds.length);
        kinds[slot] = kind;
        micros[slot] = nowMicros;
        first[slot] = a;
        second[slot] = b;
        written++;
    }

    /** How many entries are kept (at most the capacity). */
    int size()
    {
        return (int) Math.min(written, kinds.length);
    }

    /** The slot of the entry {@code back} places before the newest (0 is the newest). */
    int slot(final int back)
    {
        return (int) ((written - 1 - back) % kinds.length);
    }

    int kind(final int slot)
    {
        return kinds[slot];
    }

    long micros(final int slot)
    {
        return micros[slot];
    }

    long first(final int slot)
    {
        return first[slot];
    }

    long second(final int slot)
    {
        return second[slot];
    }

    long digest()
    {
        long h = written;
        for (int back = 0; back < size(); back++)
        {
            final int s = slot(back);
            h = h * 31 + kinds[s];
            h = h * 31 + micros[s];
            h = h * 31 + first[s];
            h = h * 31 + second[s];
        }
        return h;
    }
}
