package io.ordergate.gateway.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.AsciiString;

import io.ordergate.gateway.auth.ApiKeyCredentials;

/**
 * Netty's request decoder, except that a request with both {@code Transfer-Encoding} and {@code Content-Length} is a
 * bad message instead of a chunked one (RFC 9112 6.3: the server may treat it as chunked, but then a front end that
 * read the Content-Length sees a different request, which is how a second request is smuggled in). The decoder marks
 * the request failed and drops the rest of the connection's bytes; {@link HttpFramingGuard} answers 400 and closes.
 *
 * <p>The header names this gateway's clients send on every request, in any case, are given as shared constants instead
 * of a new {@code AsciiString} and byte copy per header (Netty knows five names, and only in the case of its constants).
 * Header names are case-insensitive (RFC 9110 5.1), and every lookup here ignores case. The order route's target,
 * requested thousands of times a second, is a shared string too (a target is case-sensitive: only its exact bytes).
 * <b>Not thread safe</b>: one per channel.
 */
final class StrictRequestDecoder extends HttpRequestDecoder
{
    /** In the case clients usually send them: the decoded request carries a known name in this case, however it was sent. */
    private static final AsciiString[] KNOWN_NAMES = {
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

    /** The order route's target, given as this shared string instead of a new string and byte copy per request. */
    static final String ORDERS_TARGET = "/api/v1/orders";

    StrictRequestDecoder(final HttpDecoderConfig config)
    {
        super(config);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(final HttpMessage message)
    {
        throw new IllegalArgumentException("Content-Length and Transfer-Encoding in one request");
    }

    @Override
    protected AsciiString splitHeaderName(final byte[] line, final int start, final int length)
    {
        for (final AsciiString known : KNOWN_NAMES)
        {
            if (known.length() == length && sameIgnoringCase(known, line, start))
            {
                return known;
            }
        }
        return super.splitHeaderName(line, start, length);
    }

    @Override
    protected String splitSecondWordInitialLine(final byte[] line, final int start, final int length)
    {
        if (ORDERS_TARGET.length() == length && sameBytes(ORDERS_TARGET, line, start))
        {
            return ORDERS_TARGET;
        }
        return super.splitSecondWordInitialLine(line, start, length);
    }

    private static boolean sameBytes(final String ascii, final byte[] line, final int start)
    {
        for (int i = 0; i < ascii.length(); i++)
        {
            if (ascii.charAt(i) != line[start + i])
            {
                return false;
            }
        }
        return true;
    }

    /** ASCII letters folded only: a name that matches is made of the known name's token characters, so it is valid too. */
    private static boolean sameIgnoringCase(final AsciiString known, final byte[] line, final int start)
    {
        for (int i = 0; i < known.length(); i++)
        {
            if (lowerCase(known.byteAt(i)) != lowerCase(line[start + i]))
            {
                return false;
            }
        }
        return true;
    }

    private static int lowerCase(final byte ascii)
    {
        return ascii >= 'A' && ascii <= 'Z' ? ascii + ('a' - 'A') : ascii;
    }
}
