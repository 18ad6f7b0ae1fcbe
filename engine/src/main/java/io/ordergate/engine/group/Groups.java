package io.ordergate.engine.group;

import io.ordergate.engine.command.AsciiView;

/**
 * Groups in creation order (deleting one closes the gap, so listings stay in creation order on every replay),
 * found by a scan of their ids: there are at most {@code engine.max_groups} and the scan allocates nothing.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Groups
{
    private final Group[] groups;
    private int count;

    public Groups(final int capacity)
    {
        groups = new Group[capacity];
    }

    public int count()
    {
        return count;
    }

    public boolean isFull()
    {
        return count == groups.length;
    }

    public Group get(final int index)
    {
        return groups[index];
    }

    public Group find(final AsciiView id)
    {
        for (int i = 0; i < count; i++)
        {
            if (id.contentEquals(groups[i].idBytes))
            {
                return groups[i];
            }
        }
        return null;
    }

    void add(final Group group)
    {
        groups[count++] = group;
    }

    void remove(final Group group)
    {
        for (int i = 0; i < count; i++)
        {
            if (groups[i] == group)
            {
                System.arraycopy(groups, i + 1, groups, i, count - i - 1);
                groups[--count] = null;
                return;
            }
        }
    }
}
