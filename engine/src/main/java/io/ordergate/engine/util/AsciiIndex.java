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

    /**
     * Removes a key (admin paths only), closing the gap by backward shift so every remaining key is still found
     * by probing from its home slot. Answers whether the key was there.
     */
    public boolean remove(final byte[] key)
    {
        int slot = (int)mix(hash64(key)) & mask;
        while (keys[slot] != null && !java.util.Arrays.equals(keys[slot], key))
        {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == null)
        {
            return false;
        }
        keys[slot] = null;
        size--;
        int next = (slot + 1) & mask;
        while (keys[next] != null)
        {
            final int home = (int)mix(hash64(keys[next])) & mask;
            // the key at next may fill the gap unless its home lies cyclically in (gap, next]
            final boolean stays = slot <= next ? home > slot && home <= next : home > slot || home <= next;
            if (!stays)
            {
                keys[slot] = keys[next];
                values[slot] = values[next];
                keys[next] = null;
                slot = next;
            }
            next = (next + 1) & mask;
        }
        return true;
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
