package io.ordergate.gateway.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The field names seen in each object being read, to refuse a name given twice in one object, for a fed parser (which
 * has no detector of its own, and jackson's builds a {@code HashSet} and more per object). A level per open object,
 * its names in a reused array; an object of more than {@value #SMALL} fields takes a set (made once per depth, so only
 * such large objects allocate). Names come from jackson's symbol table, one string per name.
 * <b>Not thread safe</b>: one per {@link BodyParser}.
 */
final class FieldNames
{
    private static final int SMALL = 16;

    private String[][] names = new String[4][];
    private int[] counts = new int[4];
    private final List<HashSet<String>> large = new ArrayList<>();
    private int depth = -1;

    /** A new body: no object open. */
    void reset()
    {
        depth = -1;
    }

    void enterObject()
    {
        depth++;
        if (depth == names.length)
        {
            names = Arrays.copyOf(names, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
        }
        if (names[depth] == null)
        {
            names[depth] = new String[SMALL];
        }
        counts[depth] = 0;
    }

    void leaveObject()
    {
        if (depth >= 0)
        {
            depth--;
        }
    }

    /** Adds a name of the innermost open object: false when that object had it already. */
    boolean add(final String name)
    {
        if (depth < 0)
        {
            return true;
        }
        final String[] level = names[depth];
        final int count = counts[depth];
        for (int i = 0; i < Math.min(count, SMALL); i++)
        {
            if (level[i].equals(name))
            {
                return false;
            }
        }
        counts[depth] = count + 1;
        if (count < SMALL)
        {
            level[count] = name;
            return true;
        }
        while (large.size() <= depth)
        {
            large.add(new HashSet<>());
        }
        final HashSet<String> more = large.get(depth);
        if (count == SMALL)
        {
            more.clear();
        }
        return more.add(name);
    }
}
