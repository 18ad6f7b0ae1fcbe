package io.ordergate.gateway.core;

import java.nio.charset.StandardCharsets;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Utf8;

/**
 * Strict {@code %}-decoding of the request target (RFC 3986): a {@code %} is followed by two hex digits, and the bytes
 * they make are strict UTF-8. What fails is a 400 that never repeats the text: a path may carry a bot's secret.
 * Stateless.
 */
public final class PercentDecoding
{
    private PercentDecoding()
    {
    }

    /** Throws 400 when any {@code %} of the URI (path or query) is not followed by two hex digits. Allocates nothing. */
    public static void checkEscapes(final String uri) throws BadRequest
    {
        for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1))
        {
            if (i + 2 >= uri.length() || hex(uri.charAt(i + 1)) < 0 || hex(uri.charAt(i + 2)) < 0)
            {
                throw new BadRequest(ResultCode.VALIDATION_ERROR, "the request target has a malformed %-escape", null);
            }
        }
    }

    /**
     * Decodes {@code uri[start, end)}; {@code plusIsSpace} for query components (form encoding).
     *
     * @throws BadRequest when an escape is malformed or the bytes are not UTF-8
     */
    public static String decode(final String uri, final int start, final int end, final boolean plusIsSpace) throws BadRequest
    {
        boolean plain = true;
        for (int i = start; i < end && plain; i++)
        {
            final char c = uri.charAt(i);
            plain = c != '%' && (c != '+' || !plusIsSpace);
        }
        if (plain)
        {
            return uri.substring(start, end);
        }
        final byte[] bytes = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++)
        {
            final char c = uri.charAt(i);
            if (c == '%')
            {
                final int high = i + 2 < end ? hex(uri.charAt(i + 1)) : -1;
                final int low = i + 2 < end ? hex(uri.charAt(i + 2)) : -1;
                if (high < 0 || low < 0)
                {
                    throw new BadRequest(ResultCode.VALIDATION_ERROR, "the request target has a malformed %-escape", null);
                }
                bytes[length++] = (byte)(high << 4 | low);
                i += 2;
            }
            else if (c > 0x7F)
            {
                throw new BadRequest(ResultCode.VALIDATION_ERROR, "the request target has a character that is not %-escaped", null);
            }
            else
            {
                bytes[length++] = (byte)(c == '+' && plusIsSpace ? ' ' : c);
            }
        }
        if (Utf8.firstError(bytes, 0, length) != Utf8.VALID)
        {
            throw new BadRequest(ResultCode.VALIDATION_ERROR, "the request target's %-escapes are not UTF-8", null);
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static int hex(final char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f')
        {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F')
        {
            return c - 'A' + 10;
        }
        return -1;
    }
}
