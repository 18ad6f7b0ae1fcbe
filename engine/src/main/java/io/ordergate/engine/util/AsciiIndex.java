package io.ordergate.engine.util;

import java.nio.charset.StandardCharsets;

import io.ordergate.engine.command.AsciiView;

/**
 * Maps short byte strings (account ids, symbols) to dense int indexes, looked up straight from bytes in a buffer.
 * Open addressing with linear probing; the table is sized for its capacity up front and never resized.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class AsciiIndex
{
    public static final int MISSING = -1;

    private final byte[][] keys;
    private final int[] values;
    private final int mask;
    private int size;

    public AsciiIndex(final int capacity)
    {
        final int tableSize = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        this.keys = new byte[tableSize][];
        this.values = new int[tableSize];
        this.mask = tableSize - 1;
    }

    public int size()
    {
        return size;
    }

    public int get(final AsciiView key)
    {
        int slot = (int)mix(key.hash64()) & mask;
        while (keys[slot] != null)
        {
            if (key.contentEquals(keys[slot]))
            {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    public int get(final String key)
    {
        final byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int slot = (int)mix(hash64(bytes)) & mask;
        while (keys[slot] != null)
        {
            if (java.util.Arrays.equals(keys[slot], bytes))
            {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    /** Adds a key that is not present yet. Allocates the key's bytes: admin paths only. */
    public void put(final byte[] key, final int value)
    {
        if (size * 2 >= keys.length)
        {
            throw new IllegalStateException("index full: " + size);
        }
        int slot = (int)mix(hash64(key)) & mask;
        while (keys[slot] != null)
        {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    static long hash64(final byte[] bytes)
    {
        long hash = 0xcbf29ce484222325L;
        for (final byte b : bytes)
        {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static long mix(final long hash)
    {
        return hash ^ (hash >>> 29) ^ (hash >>> 47);
    }
}
