package io.ordergate.gateway.http;

import io.netty.util.AsciiString;

import io.ordergate.gateway.auth.ApiKeyCredentials;

/**
 * The header names this gateway's clients send on every request, as shared constants: a decoded request carries a
 * known name as the constant, in the case clients usually send it, however it was sent, instead of a new
 * {@code AsciiString} and byte copy per header (Netty knows five names, and only in the case of its constants). Header
 * names are case-insensitive (RFC 9110 5.1), and every lookup here ignores case. Stateless.
 */
final class KnownHeaderNames
{
    private static final AsciiString[] NAMES = {
        AsciiString.cached("Host"),
        AsciiString.cached("Accept"),
        AsciiString.cached("Connection"),
        AsciiString.cached("Content-Type"),
        AsciiString.cached("Content-Length"),
        AsciiString.cached(ApiKeyCredentials.KEY_HEADER),
        AsciiString.cached(ApiKeyCredentials.SECRET_HEADER),
        AsciiString.cached("Authorization"),
        AsciiString.cached("User-Agent"),
        AsciiString.cached("Accept-Encoding"),
        AsciiString.cached("Upgrade"),
    };

    static final int COUNT = NAMES.length;
    static final int CONTENT_LENGTH = 4;

    private KnownHeaderNames()
    {
    }

    static AsciiString name(final int index)
    {
        return NAMES[index];
    }

    /** The index of the known name these bytes spell in any case, or -1. */
    static int indexOf(final byte[] line, final int start, final int length)
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            if (NAMES[i].length() == length && sameIgnoringCase(NAMES[i], line, start))
            {
                return i;
            }
        }
        return -1;
    }

    /** ASCII letters folded only: a name that matches is made of the known name's token characters, so it is valid too. */
    static boolean sameIgnoringCase(final CharSequence known, final byte[] line, final int start)
    {
        for (int i = 0; i < known.length(); i++)
        {
            if (lowerCase(known.charAt(i)) != lowerCase(line[start + i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int lowerCase(final int ascii)
    {
        return ascii >= 'A' && ascii <= 'Z' ? ascii + ('a' - 'A') : ascii;
    }
}
