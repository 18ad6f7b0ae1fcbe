package io.ordergate.gateway.json;

/** The ids clients choose (accounts, groups, bots, executors, symbols): {@code [A-Za-z0-9._-]}. Stateless. */
public final class Ids
{
    /** The longest id a client may choose (symbols: 16). */
    public static final int MAX_LENGTH = 64;

    private Ids()
    {
    }

    public static boolean isIdChar(final char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    }

    /** True when {@code text} is a valid id of 1..maxLength characters of {@code [A-Za-z0-9._-]}. */
    public static boolean isId(final CharSequence text, final int maxLength)
    {
        if (text == null || text.length() < 1 || text.length() > maxLength)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            if (!isIdChar(text.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }
}
