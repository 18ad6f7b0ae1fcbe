package io.ordergate.engine.group;

import io.ordergate.engine.command.AsciiView;

/**
 * The last group orders and webhook signals, with their children, in two preallocated rings: fan-out id N lives in
 * slot N mod capacity, and a fan-out's children are a run of the child ring. Lookups by id are one index;
 * idempotency (client order id per group, alert id per bot, identical body per bot within a window) scans the
 * fan-out ring newest first, so it covers the last {@code capacity} fan-outs.
 *
 * <p>A fan-out is remembered only while the child ring still holds its place: once a newer fan-out's children have
 * overwritten its first child it is forgotten (not found by id or key), so an answer never claims results it cannot
 * show. Large fan-outs thus shorten how far back idempotency reaches: the last {@code capacity} fan-outs or the last
 * {@code childCapacity} children, whichever is fewer. A fan-out's first child follows the one before's, so a scan
 * newest first stops at the first one forgotten.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class FanOuts
{
    private static final long SCAN_SLACK_MICROS = 60_000_000L;

    private final FanOut[] ring;
    private final FanOutChild[] children;
    private long nextId = 1;
    private long nextChild;

    public FanOuts(final int capacity, final int childCapacity)
    {
        ring = new FanOut[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new FanOut();
        }
        children = new FanOutChild[childCapacity];
        for (int i = 0; i < childCapacity; i++)
        {
            children[i] = new FanOutChild();
        }
    }

    public long nextId()
    {
        return nextId;
    }

    public long nextChildSequence()
    {
        return nextChild;
    }

    public int childCapacity()
    {
        return children.length;
    }

    public FanOut allocate()
    {
        final long id = nextId++;
        final FanOut fanOut = ring[(int)(id % ring.length)];
        fanOut.reset(id);
        fanOut.firstChild = nextChild;
        return fanOut;
    }

    FanOutChild addChild(final FanOut fanOut)
    {
        final long sequence = nextChild++;
        final FanOutChild child = children[(int)(sequence % children.length)];
        child.reset(sequence);
        fanOut.childCount++;
        return child;
    }

    /** The fan-out with this id, or null if unknown or overwritten. */
    public FanOut get(final long id)
    {
        if (id <= 0 || id >= nextId || nextId - id > ring.length)
        {
            return null;
        }
        final FanOut fanOut = ring[(int)(id % ring.length)];
        return childrenKept(fanOut) ? fanOut : null;
    }

    /** Whether the child ring still holds every child of the fan-out (its first is the oldest). */
    private boolean childrenKept(final FanOut fanOut)
    {
        return nextChild - fanOut.firstChild <= children.length;
    }

    /** The i-th child of a fan-out, or null once the child ring has overwritten it. */
    public FanOutChild child(final FanOut fanOut, final int i)
    {
        final long sequence = fanOut.firstChild + i;
        if (nextChild - sequence > children.length)
        {
            return null;
        }
        final FanOutChild child = children[(int)(sequence % children.length)];
        return child.sequence == sequence ? child : null;
    }

    /** The newest fan-out of this kind and owner whose key (client order id or alert id) equals {@code key}. */
    public FanOut findByKey(final int kind, final String owner, final AsciiView key)
    {
        final long hash = FanOut.hash(key);
        for (long id = nextId - 1; id > 0 && nextId - id <= ring.length; id--)
        {
            final FanOut fanOut = ring[(int)(id % ring.length)];
            if (!childrenKept(fanOut))
            {
                return null;  // forgotten, and so is every older one
            }
            if (fanOut.kind == kind && !fanOut.ownerRetired && fanOut.keyEquals(key, hash) && owns(owner, fanOut))
            {
                return fanOut;
            }
        }
        return null;
    }

    /** The newest signal of this bot with this body hash made at or after {@code sinceMicros}. */
    public FanOut findRecentBody(final String botId, final long bodyHash, final long sinceMicros)
    {
        for (long id = nextId - 1; id > 0 && nextId - id <= ring.length; id--)
        {
            final FanOut fanOut = ring[(int)(id % ring.length)];
            if (!childrenKept(fanOut))
            {
                return null;  // forgotten, and so is every older one
            }
            if (fanOut.createdAtMicros < sinceMicros - SCAN_SLACK_MICROS)
            {
                return null;  // publishers' clocks interleave by at most a little, so nothing older follows
            }
            if (fanOut.createdAtMicros < sinceMicros)
            {
                continue;
            }
            if (fanOut.kind == FanOut.KIND_SIGNAL && !fanOut.ownerRetired && fanOut.bodyHash == bodyHash && botId.equals(fanOut.botId))
            {
                return fanOut;
            }
        }
        return null;
    }

    /**
     * A group (kind {@link FanOut#KIND_GROUP_ORDER}) or bot ({@link FanOut#KIND_SIGNAL}) was deleted: its remembered
     * fan-outs stay readable by id, but their client order ids, alert ids and bodies no longer make a later command a
     * duplicate. A group or bot made again under the same id is a new one, and its first order or alert with an id the
     * old one ran was answered with the old one's results (on the old one's accounts) while nothing traded. Admin path.
     */
    public void retireOwner(final int kind, final String owner)
    {
        for (long id = nextId - 1; id > 0 && nextId - id <= ring.length; id--)
        {
            final FanOut fanOut = ring[(int)(id % ring.length)];
            if (fanOut.kind == kind && owns(owner, fanOut))
            {
                fanOut.ownerRetired = true;
            }
        }
    }

    /** Whether the fan-out is the group's (a group order) or the bot's (a signal). */
    private static boolean owns(final String owner, final FanOut fanOut)
    {
        return owner.equals(fanOut.kind == FanOut.KIND_SIGNAL ? fanOut.botId : fanOut.groupId);
    }
}
