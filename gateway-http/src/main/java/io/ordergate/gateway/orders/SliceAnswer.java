package io.ordergate.gateway.orders;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Reads the engine's answer to one slice of a list read in slices, as the engine writes it: {@code {"orders":
 * [items], "next": n, "written": k}} (or {@code "trades"}, {@code "positions"}). Used by whoever gathers slices:
 * an HTTP list ({@link SlicedList}) and a stream's orders snapshot. Stateless; any thread.
 */
public final class SliceAnswer
{
    private SliceAnswer()
    {
    }

    /** Where the items start: just after {@code {"listName":[}. */
    private static int itemsStart(final String listName)
    {
        return "{\"\":[".length() + listName.length();
    }

    /** Where the items end: the list's closing bracket (the last one: the fields after it hold no brackets). */
    private static int itemsEnd(final DirectBuffer answer, final int length)
    {
        int end = length - 1;
        while (answer.getByte(end) != ']')
        {
            end--;
        }
        return end;
    }

    /**
     * Appends the slice's items to those gathered so far ({@code gathered}, {@code gatheredLength} bytes: items joined by
     * commas, without brackets). @return the new length
     */
    public static int appendItems(final DirectBuffer answer, final int length, final String listName, final MutableDirectBuffer gathered,
        final int gatheredLength)
    {
        final int start = itemsStart(listName);
        final int end = itemsEnd(answer, length);
        if (end <= start)
        {
            return gatheredLength;
        }
        int at = gatheredLength;
        if (at > 0)
        {
            gathered.putByte(at++, (byte)',');
        }
        gathered.putBytes(at, answer, start, end - start);
        return at + end - start;
    }

    /** The slice's {@code next}: where the next slice goes on, 0 at the end of the list. */
    public static long next(final DirectBuffer answer, final int length)
    {
        return numberAfter(answer, itemsEnd(answer, length), length, "\"next\":");
    }

    /** The slice's {@code written}: how many items it holds. */
    public static int written(final DirectBuffer answer, final int length)
    {
        return (int)numberAfter(answer, itemsEnd(answer, length), length, "\"written\":");
    }

    private static long numberAfter(final DirectBuffer output, final int from, final int length, final String name)
    {
        for (int at = from; at + name.length() < length; at++)
        {
            if (matches(output, at, name))
            {
                int i = at + name.length();
                final boolean negative = output.getByte(i) == '-';
                if (negative)
                {
                    i++;
                }
                long value = 0;
                for (; i < length && output.getByte(i) >= '0' && output.getByte(i) <= '9'; i++)
                {
                    value = value * 10 + output.getByte(i) - '0';
                }
                return negative ? -value : value;
            }
        }
        throw new IllegalStateException("a list slice without " + name);
    }

    private static boolean matches(final DirectBuffer output, final int at, final String name)
    {
        for (int i = 0; i < name.length(); i++)
        {
            if (output.getByte(at + i) != name.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
