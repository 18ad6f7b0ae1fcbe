package io.ordergate.benchmarks.loadgen;

/**
 * Pairs an MT5 order's HTTP answer with its {@code OPEN_POSITION} frame on the executor's WebSocket, by order id,
 * whichever arrives first. The answer carries {@code order_id} and is matched to the request's planned send time
 * (and the time it was written to its socket); the frame carries {@code parameters.orderId} and its arrival time. The
 * first of the two is parked here; the second takes it out and the pair gives two latencies: frame arrival − planned
 * send time, and frame arrival − written ({@link #writtenOfLastPair}).
 *
 * <pre>
 *   answer(id, planned) ─► frame already parked? ── yes ─► return its arrival time  (caller records arrival − planned)
 *                                                └─ no ──► park planned under id
 *   frame(id, arrival)  ─► answer already parked? ── yes ─► return its planned time (caller records arrival − planned)
 *                                                └─ no ──► park arrival under id
 * </pre>
 *
 * Bounded: an open-addressing table of primitive longs (no boxing, no allocation after construction) holding at
 * most {@code capacity} entries (at most 3/4 of its slots); an entry that would go beyond is not parked and counted in {@link #dropped}. In a healthy
 * run it holds only the orders whose pair is still in flight (a few dozen). <b>Not thread safe</b>: the event loop
 * that reads both the HTTP answers and the executor sockets owns it.
 */
final class FrameCorrelator
{
    /** Returned when nothing was parked for the id (the entry has been parked instead). */
    static final long NONE = Long.MIN_VALUE;

    private static final byte EMPTY = 0;
    private static final byte ANSWER = 1;
    private static final byte FRAME = 2;

    private final long[] keys;
    private final long[] stamps;
    /** An answer's write time beside its planned time in {@link #stamps}; unused for a parked frame. */
    private final long[] written;
    private final byte[] kinds;
    private final int mask;
    private final int maxSize;
    private int answers;
    private int frames;
    private long dropped;
    private long writtenOfLastPair;

    FrameCorrelator(final int capacity)
    {
        // A power of two at least 4/3 of the capacity: the table is never more than 3/4 full.
        final int wanted = Math.max(8, (capacity * 4 + 2) / 3);
        final int slots = Integer.bitCount(wanted) == 1 ? wanted : Integer.highestOneBit(wanted) << 1;
        this.keys = new long[slots];
        this.stamps = new long[slots];
        this.written = new long[slots];
        this.kinds = new byte[slots];
        this.mask = slots - 1;
        this.maxSize = capacity;
    }

    /**
     * The HTTP answer of order {@code orderId}, planned at {@code plannedNanos} and written at {@code writtenNanos}.
     *
     * @return the arrival time of its frame if the frame came first (and the pair is done), else {@link #NONE}
     */
    long answered(final long orderId, final long plannedNanos, final long writtenNanos)
    {
        final long arrival = meet(orderId, plannedNanos, writtenNanos, ANSWER, FRAME);
        if (arrival != NONE)
        {
            writtenOfLastPair = writtenNanos;
        }
        return arrival;
    }

    /**
     * The frame of order {@code orderId}, arrived at {@code arrivalNanos}.
     *
     * @return the planned send time of its request if the answer came first (and the pair is done), else {@link #NONE}
     */
    long frame(final long orderId, final long arrivalNanos)
    {
        return meet(orderId, arrivalNanos, 0, FRAME, ANSWER);
    }

    /** When the request of the pair the last {@link #answered} or {@link #frame} completed was written to its socket. */
    long writtenOfLastPair()
    {
        return writtenOfLastPair;
    }

    private long meet(final long key, final long stamp, final long writtenStamp, final byte kind, final byte other)
    {
        int slot = index(key);
        while (kinds[slot] != EMPTY)
        {
            if (keys[slot] == key)
            {
                if (kinds[slot] == other)
                {
                    final long parked = stamps[slot];
                    writtenOfLastPair = written[slot];
                    count(other, -1);
                    remove(slot);
                    return parked;
                }
                // The same side twice (a re-delivered frame, an id seen again): keep the first, it is the earliest.
                return NONE;
            }
            slot = (slot + 1) & mask;
        }
        if (answers + frames >= maxSize)
        {
            dropped++;
            return NONE;
        }
        keys[slot] = key;
        stamps[slot] = stamp;
        written[slot] = writtenStamp;
        kinds[slot] = kind;
        count(kind, 1);
        return NONE;
    }

    private void count(final byte kind, final int delta)
    {
        if (kind == ANSWER)
        {
            answers += delta;
        }
        else
        {
            frames += delta;
        }
    }

    /** Linear probing's deletion: shift back the entries of the run after the slot so no lookup stops early. */
    private void remove(final int removed)
    {
        int hole = removed;
        int slot = (hole + 1) & mask;
        while (kinds[slot] != EMPTY)
        {
            final int home = index(keys[slot]);
            // Move the entry into the hole unless its home lies cyclically in (hole, slot].
            final boolean homeBetween = hole <= slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
            if (!homeBetween)
            {
                keys[hole] = keys[slot];
                stamps[hole] = stamps[slot];
                written[hole] = written[slot];
                kinds[hole] = kinds[slot];
                hole = slot;
            }
            slot = (slot + 1) & mask;
        }
        kinds[hole] = EMPTY;
        keys[hole] = 0;
        stamps[hole] = 0;
        written[hole] = 0;
    }

    private int index(final long key)
    {
        final long h = key * 0x9E3779B97F4A7C15L;
        return (int)(h ^ (h >>> 32)) & mask;
    }

    /** Answers parked with no frame yet: routed orders whose command has not (yet) reached the executor. */
    int parkedAnswers()
    {
        return answers;
    }

    /** Frames parked with no answer yet. */
    int parkedFrames()
    {
        return frames;
    }

    /** Entries not parked because the table was at its bound. */
    long dropped()
    {
        return dropped;
    }

    /** Forgets everything parked (between phases). */
    void clear()
    {
        java.util.Arrays.fill(kinds, EMPTY);
        answers = 0;
        frames = 0;
        dropped = 0;
    }
}
