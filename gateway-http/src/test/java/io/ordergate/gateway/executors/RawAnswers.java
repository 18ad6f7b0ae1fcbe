package io.ordergate.gateway.executors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes and reads HTTP/1.1 on a raw socket, for tests that check which answer comes in which turn: a request whose
 * answer takes a while (seed 004's connect, waiting {@code executors.investor_wait_seconds} for its terminal), and the
 * answers' heads.
 */
public final class RawAnswers
{
    private RawAnswers()
    {
    }

    /** The admin's {@code POST /api/mt5/connect} for mt5-1: answered 202 once the terminal's wait is over. */
    static String slowConnect()
    {
        final String body = "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":777,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}";
        return "POST /api/mt5/connect HTTP/1.1\r\nHost: x\r\nX-API-Key: " + GatewayHarness.ADMIN_KEY + "\r\nX-API-Secret: "
            + GatewayHarness.ADMIN_SECRET + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** The response head up to its empty line; empty when the connection closed before any byte. */
    public static String head(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0)
        {
            head.write(b);
            final byte[] so = head.toByteArray();
            final int n = so.length;
            if (n >= 4 && so[n - 4] == '\r' && so[n - 3] == '\n' && so[n - 2] == '\r' && so[n - 1] == '\n')
            {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The head's Content-Length, 0 when it has none. */
    public static int contentLength(final String head)
    {
        for (final String line : head.split("\r\n"))
        {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
            {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
