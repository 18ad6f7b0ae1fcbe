package io.ordergate.gateway.json;

import java.io.ByteArrayOutputStream;

/**
 * JSON an executor sent with {@code NaN} or {@code Infinity} in it ({@link RequestReader#beginAllowingNonNumericNumbers}),
 * made fit to be answered to clients as sent: each such number becomes {@code null}, since no JSON parser of theirs reads
 * one. The bytes are ones the parser has accepted, so outside strings an {@code N} or {@code I} (upper case: never in
 * true, false, null or a number's exponent) starts one of jackson's non-numeric numbers ({@code NaN}, {@code Infinity},
 * {@code INF}), with the sign before it if any.
 */
public final class NonNumericNumbers
{
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private NonNumericNumbers()
    {
    }

    /** {@code json} with each non-numeric number as {@code null}; {@code json} itself (no copy) when it has none. */
    public static byte[] asNull(final byte[] json)
    {
        ByteArrayOutputStream rewritten = null;
        int copiedTo = 0;
        for (int at = 0; at < json.length; at++)
        {
            final byte b = json[at];
            if (b == '"')
            {
                at = ValueSpans.stringEnd(json, at, json.length) - 1;  // an N or I in a string is text
            }
            else if (b == 'N' || b == 'I')
            {
                final int start = at > 0 && (json[at - 1] == '-' || json[at - 1] == '+') ? at - 1 : at;
                int end = at + 1;
                while (end < json.length && isLetter(json[end]))
                {
                    end++;
                }
                rewritten = rewritten == null ? new ByteArrayOutputStream(json.length + NULL.length) : rewritten;
                rewritten.write(json, copiedTo, start - copiedTo);
                rewritten.write(NULL, 0, NULL.length);
                copiedTo = end;
                at = end - 1;
            }
        }
        if (rewritten == null)
        {
            return json;
        }
        rewritten.write(json, copiedTo, json.length - copiedTo);
        return rewritten.toByteArray();
    }

    private static boolean isLetter(final byte b)
    {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
