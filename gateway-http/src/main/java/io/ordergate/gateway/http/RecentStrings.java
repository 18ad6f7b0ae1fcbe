package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;

/**
 * The strings a connection sends again and again (its host, API key and secret, content type, content lengths, the
 * target it polls), kept so that a repeat is the string it sent before instead of a new one. Strings are immutable, so
 * a request handed to another thread keeps a string however often it is reused. <b>Not thread safe</b>: one per
 * connection, on its event loop.
 */
final class RecentStrings
{
    /** The last two values per known header name ({@link KnownHeaderNames}), most recent first: orders alternate lengths. */
    private final String[] values = new String[KnownHeaderNames.COUNT * 2];
    private String target;

    /** A header value from ASCII bytes; {@code known} is its name's index among the known names, or -1. */
    String value(final int known, final byte[] line, final int start, final int length)
    {
        if (length == 0)
        {
            return "";
        }
        if (known < 0)
        {
            return text(line, start, length);
        }
        final int first = known * 2;
        final String recent = values[first];
        if (same(recent, line, start, length))
        {
            return recent;
        }
        final String before = values[first + 1];
        values[first + 1] = recent;
        if (same(before, line, start, length))
        {
            values[first] = before;
            return before;
        }
        final String value = text(line, start, length);
        values[first] = value;
        return value;
    }

    /** A request target from ASCII bytes: the order route's is one string for every connection. */
    String target(final byte[] line, final int start, final int length)
    {
        if (same(StrictRequestDecoder.ORDERS_TARGET, line, start, length))
        {
            return StrictRequestDecoder.ORDERS_TARGET;
        }
        if (!same(target, line, start, length))
        {
            target = text(line, start, length);
        }
        return target;
    }

    /** As Netty's decoder makes a header value: each byte one char. */
    private static String text(final byte[] line, final int start, final int length)
    {
        return new String(line, start, length, StandardCharsets.ISO_8859_1);
    }

    static boolean same(final String text, final byte[] line, final int start, final int length)
    {
        if (text == null || text.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (text.charAt(i) != line[start + i])
            {
                return false;
            }
        }
        return true;
    }
}
