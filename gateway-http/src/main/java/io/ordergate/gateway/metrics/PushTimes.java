package io.ordergate.gateway.metrics;

import java.util.Arrays;

/**
 * When each executor command was last pushed, by a 64-bit hash of its id, until its result arrives. Bounded and
 * allocation-free: a direct-mapped table, so a push whose slot is taken by another pending command replaces it (that
 * older command's result then goes unmeasured; with {@link #CAPACITY} slots this needs thousands of results
 * outstanding at once). <b>Not thread safe</b>: owned by the reply thread.
 */
final class PushTimes
{
    static final int CAPACITY = 8192;
    static final long NONE = Long.MIN_VALUE;

    private final long[] keys = new long[CAPACITY];
    private final long[] nanos = new long[CAPACITY];

    PushTimes()
    {
        Arrays.fill(nanos, NONE);
    }

    /** Remembers (or, for a re-delivery, moves forward) the push time of a command. */
    void put(final long key, final long pushedNanos)
    {
        final int slot = slot(key);
        keys[slot] = key;
        nanos[slot] = pushedNanos;
    }

    /** The push time of a command, forgotten as it is returned (a duplicate result is not measured twice), or {@link #NONE}. */
    long take(final long key)
    {
        final int slot = slot(key);
        final long pushed = nanos[slot];
        if (pushed == NONE || keys[slot] != key)
        {
            return NONE;
        }
        nanos[slot] = NONE;
        return pushed;
    }

    private static int slot(final long key)
    {
        return (int)((key * 0x9E3779B97F4A7C15L) >>> 51);  // the top 13 bits: CAPACITY slots
    }
}
