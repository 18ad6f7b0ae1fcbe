package io.ordergate.gateway.core;

/**
 * The {@code Content-Type} check of the routes that take a body: {@code application/json} (or {@code text/plain} for
 * the webhook), with no charset or {@code utf-8}. Reads the header in place. Stateless.
 */
final class MediaTypes
{
    static final String JSON = "application/json";
    static final String TEXT = "text/plain";

    private MediaTypes()
    {
    }

    /** True when the header names {@code type} (any case) with at most a UTF-8 charset parameter. */
    static boolean is(final CharSequence header, final String type)
    {
        if (header == null)
        {
            return false;
        }
        int i = skipSpaces(header, 0);
        if (!regionMatchesIgnoreCase(header, i, type))
        {
            return false;
        }
        i = skipSpaces(header, i + type.length());
        if (i == header.length())
        {
            return true;
        }
        if (header.charAt(i) != ';')
        {
            return false;
        }
        i = skipSpaces(header, i + 1);
        if (!regionMatchesIgnoreCase(header, i, "charset="))
        {
            return false;
        }
        i += "charset=".length();
        final boolean quoted = i < header.length() && header.charAt(i) == '"';
        final int value = quoted ? i + 1 : i;
        if (!regionMatchesIgnoreCase(header, value, "utf-8"))
        {
            return false;
        }
        i = value + "utf-8".length();
        if (quoted)
        {
            if (i >= header.length() || header.charAt(i) != '"')
            {
                return false;
            }
            i++;
        }
        return skipSpaces(header, i) == header.length();
    }

    private static int skipSpaces(final CharSequence text, final int from)
    {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'))
        {
            i++;
        }
        return i;
    }

    private static boolean regionMatchesIgnoreCase(final CharSequence text, final int from, final String expected)
    {
        if (from + expected.length() > text.length())
        {
            return false;
        }
        for (int k = 0; k < expected.length(); k++)
        {
            if (Character.toLowerCase(text.charAt(from + k)) != expected.charAt(k))
            {
                return false;
            }
        }
        return true;
    }
}
