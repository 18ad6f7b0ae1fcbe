package io.ordergate.gateway.executors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes and reads HTTP/1.1 on a raw socket, for tests that check which answer comes in which turn: a request whose
 * answer takes a while (seed 004's connect, waiting {@code executors.investor_wait_seconds} for its terminal), and the
 * answers' heads.
 */
public final class RawAnswers
{
    /** The admin key's two headers, each line ended. */
    static final String ADMIN_AUTH = "X-API-Key: " + GatewayHarness.ADMIN_KEY + "\r\nX-API-Secret: " + GatewayHarness.ADMIN_SECRET + "\r\n";

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

    /**
     * A gateway whose seed-004 connect of mt5-1 takes two seconds (its executor online, its terminal silent): the slow
     * answer a pipelined request after it must wait for. {@code server} is the {@code server} section's settings.
     */
    static GatewayHarness withSlowConnect(final Path dataDir, final String server)
    {
        final GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 2", GatewayHarness.SMALL_TABLES, server);
        final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
        if (gateway.heartbeat(executor).status() != 200)
        {
            gateway.close();
            throw new IllegalStateException("the executor's heartbeat was refused");
        }
        return gateway;
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
