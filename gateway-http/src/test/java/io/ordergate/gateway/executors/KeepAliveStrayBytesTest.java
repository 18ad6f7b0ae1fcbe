package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept-alive connection carries exactly one answer per request, and nothing between them: several clients, each on
 * its own socket, send orders one after another (the next once the answer is read, as a pooled HTTP client does), and
 * no byte may arrive before the next request is sent, nor after the last answer. A stray byte on an idle connection
 * makes a pooling client drop the connection (the JDK's: "Data received while in pool"), or, had it already sent its
 * next request, take the stray bytes for that request's answer. The answers to orders are written by the reply
 * thread straight to the socket ({@code server.direct_replies}) or through the event loop; both are covered.
 *
 * <p>Plain sockets, not the JDK's {@code HttpClient}: under CPU contention its pool (JDK 17.0.15) now and then hands
 * the answer to a connection's next request to the trigger that watches the connection while it idles in the pool,
 * which closes it ({@code IOException: HTTP/1.1 header parser received no bytes}, caused by {@code connection closed
 * locally} from {@code ConnectionPool.cleanup}), although the server wrote nothing but that answer: a server that
 * writes one fixed answer per request showed it too, 2 requests in 320,000 from 4 threads pinned to one core. That is
 * the JDK's JDK-8338569 ("HTTP/1.1 CleanupTrigger may be triggered after the next exchange started"), fixed in later
 * releases with JDK-8357639.
 */
class KeepAliveStrayBytesTest
{
    private static final String TABLES = "max_accounts: 16, max_orders: 2048, max_trades: 1024, max_keys: 16, max_tickets: 64, "
        + "max_executor_commands: 2048";
    private static final int CLIENTS = 4;
    private static final int ORDERS_PER_CLIENT = 150;
    /** How long the connections are watched after the last answer for a stray byte: answers here take ~1 ms. */
    private static final int QUIET_AFTER_LAST_MILLIS = 300;

    @TempDir
    Path dataDir;

    @Test
    void shouldSendNothingButEachOrdersAnswerOnKeptAliveConnectionsWhenTheReplyThreadWritesThem() throws Exception
    {
        assertNoStrayBytes("");
    }

    @Test
    void shouldSendNothingButEachOrdersAnswerOnKeptAliveConnectionsWhenTheEventLoopWritesThem() throws Exception
    {
        assertNoStrayBytes("direct_replies: false");
    }

    private void assertNoStrayBytes(final String serverKeys) throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "max_pending_commands: 2000", TABLES, serverKeys))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            gateway.quote("1.08420", "1.08428");
            final List<String> wrong = new CopyOnWriteArrayList<>();
            final List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++)
            {
                final String name = "client-" + c;
                final Thread client = new Thread(() -> sendOrders(gateway.port(), name, wrong), name);
                client.start();
                clients.add(client);
            }
            for (final Thread client : clients)
            {
                client.join(TimeUnit.SECONDS.toMillis(60));
                if (client.isAlive())
                {
                    wrong.add(client.getName() + ": still sending after a minute");
                }
            }
            assertEquals(List.of(), wrong, "one answer per request, and not a byte besides");
        }
    }

    /** One client: its orders one after another on one kept-alive socket; what went wrong goes to {@code wrong}. */
    private static void sendOrders(final int port, final String name, final List<String> wrong)
    {
        final byte[] order = order();
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            final InputStream in = new BufferedInputStream(socket.getInputStream());
            final OutputStream out = socket.getOutputStream();
            for (int i = 0; i < ORDERS_PER_CLIENT; i++)
            {
                if (in.available() > 0)
                {
                    wrong.add(name + ": before order " + i + ", unasked: " + stray(in));
                    return;
                }
                out.write(order);
                out.flush();
                final RawAnswers.Answer answer = RawAnswers.answer(in);
                if (!answer.head().startsWith("HTTP/1.1 201 ") || answer.closes() || !answer.body().contains("\"status\":\"routed\""))
                {
                    wrong.add(name + ": order " + i + " answered " + answer.head() + answer.body());
                    return;
                }
            }
            socket.setSoTimeout(QUIET_AFTER_LAST_MILLIS);
            final String after = unaskedAfterTheLast(in);
            if (after != null)
            {
                wrong.add(name + ": after the last answer, unasked: " + after);
            }
        }
        catch (final IOException | RuntimeException ex)  // an answer that did not come within 10 s among them
        {
            wrong.add(name + ": " + ex);
        }
    }

    /** Waits for a byte up to the socket's time out: what came (or the connection's end), null when nothing did. */
    private static String unaskedAfterTheLast(final InputStream in) throws IOException
    {
        try
        {
            final int first = in.read();
            return first < 0 ? "the connection's end" : quoted(new byte[] {(byte)first}) + stray(in);
        }
        catch (final SocketTimeoutException quiet)
        {
            return null;  // as it must be
        }
    }

    /** What is readable now (at most 2 KiB), quoted, with line ends and other control bytes shown. */
    private static String stray(final InputStream in) throws IOException
    {
        return quoted(in.readNBytes(Math.min(in.available(), 2048)));
    }

    private static String quoted(final byte[] bytes)
    {
        final StringBuilder text = new StringBuilder("\"");
        for (final byte b : bytes)
        {
            final int c = b & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char)c) : String.format("\\x%02x", c));
        }
        return text.append('"').toString();
    }

    private static byte[] order()
    {
        final String body = "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";
        return (RawAnswers.orderHead("", body.length()) + body).getBytes(StandardCharsets.US_ASCII);
    }
}
