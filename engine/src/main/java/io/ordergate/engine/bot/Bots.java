package io.ordergate.engine.bot;

import io.ordergate.engine.command.AsciiView;

/**
 * Bots in creation order, found by id or name with a scan (at most {@code engine.max_bots}; allocates nothing).
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Bots
{
    private final Bot[] bots;
    private int count;

    public Bots(final int capacity)
    {
        bots = new Bot[capacity];
    }

    public int count()
    {
        return count;
    }

    public Bot get(final int index)
    {
        return bots[index];
    }

    boolean isFull()
    {
        return count == bots.length;
    }

    void add(final Bot bot)
    {
        bots[count++] = bot;
    }

    /** Removes a bot, keeping the others in creation order. */
    void remove(final Bot bot)
    {
        for (int i = 0; i < count; i++)
        {
            if (bots[i] == bot)
            {
                System.arraycopy(bots, i + 1, bots, i, count - i - 1);
                bots[--count] = null;
                return;
            }
        }
    }

    /** By id first, then by name. */
    public Bot find(final AsciiView idOrName)
    {
        for (int i = 0; i < count; i++)
        {
            if (idOrName.contentEquals(bots[i].idBytes))
            {
                return bots[i];
            }
        }
        for (int i = 0; i < count; i++)
        {
            if (idOrName.contentEquals(bots[i].nameBytes))
            {
                return bots[i];
            }
        }
        return null;
    }
}
