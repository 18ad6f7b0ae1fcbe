package io.ordergate.benchmarks.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.Ordergate;

/**
 * One order through the whole gateway in process: a real {@link Ordergate} on loopback (its Netty pipeline, route
 * table, authentication, order decoder, publisher, journal in a temp directory, engine, paper venue, reply stage and
 * answer encoding), driven by the benchmark thread over a blocking loopback socket, one request in flight. The client
 * writes pre-encoded bytes from direct buffers and reads the answer into one, so it allocates nothing per order:
 * under {@code -prof gc} (which counts every thread of the fork) the bytes per operation are the gateway's, per order.
 *
 * <pre>
 *   benchmark thread                 og-http-worker            og-pipeline (journal → engine → reply)
 *   write POST /api/v1/orders ─tcp─► decode, route, auth, ───► append, apply (paper fill), render the answer
 *                                    decode JSON, publish            │
 *   read "201 ... filled" ◄─tcp───── write + flush ◄──────────────────┘
 * </pre>
 *
 * Market orders of 0.01 EURUSD on paper-1, buy and sell alternating, against one quote posted at set-up with bid = ask,
 * so round trips cost no spread and the account never runs out of margin.
 * Set-up checks the answer is a 201 fill; every answer is checked for 201 and the
 * tear-down fails the trial if any was not (a benchmark that drifted into a rejection would flatter the numbers).
 * The demo's quote feed, simulated terminal and simulated exchange are off: nothing else runs in the gateway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HttpOrderPathBenchmark extends ForkedWithChronicleFlags
{
    private static final String KEY = "og_benchmarkadminkey0000000";
    private static final String SECRET = "benchmark-admin-secret-0123456789abcdefghijklmnop";
    private static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "accounts:",
        "  - { account_id: paper-1, venue: paper, currency: USD, balance: 100000000, leverage: 100 }",
        "demo: { quote_feed: false, simulated_terminal: false }",
        "");
    private static final int STATUS_OFFSET = "HTTP/1.1 ".length();
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private Path directory;
    private Ordergate gateway;
    private SocketChannel socket;
    private final ByteBuffer buy = ByteBuffer.allocateDirect(1024);
    private final ByteBuffer sell = ByteBuffer.allocateDirect(1024);
    private final ByteBuffer answer = ByteBuffer.allocateDirect(64 * 1024);
    private long orders;
    private long notCreated;
    private int lastStatus;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        directory = TempDirectory.create("og-bench-http");
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "benchmark").withDataDir(directory).withPort(0);
        final StartupOptions options = StartupOptions.parse(new String[0],
            Map.of(StartupOptions.API_KEY_ENV, KEY, StartupOptions.API_SECRET_ENV, SECRET));
        gateway = Ordergate.start(config, options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", gateway.port()));
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        try
        {
            fill(buy, request("/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08420}"));
            exchange(buy);
            if (lastStatus != 202)
            {
                throw new IllegalStateException("the quote is not taken: " + answerText());
            }
            fill(buy, order("buy"));
            fill(sell, order("sell"));
            placeOrder();
        }
        catch (final IOException | RuntimeException ex)
        {
            tearDown();
            throw ex;
        }
        if (lastStatus != 201 || !answerText().contains("\"status\":\"filled\""))
        {
            tearDown();
            throw new IllegalStateException("the sample order is not filled: " + answerText());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        if (socket != null)
        {
            socket.close();
            socket = null;
        }
        if (gateway != null)
        {
            gateway.close();
            gateway = null;
            TempDirectory.delete(directory);
        }
        if (notCreated > 0)
        {
            throw new IllegalStateException(notCreated + " of " + orders + " orders were not answered 201");
        }
    }

    @Benchmark
    public int placeOrder() throws IOException
    {
        exchange((orders++ & 1) == 0 ? buy : sell);
        if (lastStatus != 201)
        {
            notCreated++;
        }
        return lastStatus;
    }

    /** Writes one request and reads its whole answer into {@link #answer}; sets {@link #lastStatus}. */
    private void exchange(final ByteBuffer request) throws IOException
    {
        request.rewind();
        while (request.hasRemaining())
        {
            socket.write(request);
        }
        answer.clear();
        int bodyStart = -1;
        int end = Integer.MAX_VALUE;
        while (answer.position() < end)
        {
            if (socket.read(answer) < 0)
            {
                throw new UncheckedIOException(new IOException("the gateway closed the connection"));
            }
            if (bodyStart < 0)
            {
                bodyStart = indexOf(answer, HEADER_END, 0, answer.position());
                if (bodyStart >= 0)
                {
                    bodyStart += HEADER_END.length;
                    end = bodyStart + contentLength(answer, bodyStart);
                }
            }
        }
        lastStatus = (answer.get(STATUS_OFFSET) - '0') * 100 + (answer.get(STATUS_OFFSET + 1) - '0') * 10 + answer.get(STATUS_OFFSET + 2) - '0';
    }

    private String answerText()
    {
        return StandardCharsets.UTF_8.decode(answer.duplicate().flip()).toString();
    }

    private static String order(final String side)
    {
        return request("/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"" + side
            + "\",\"type\":\"market\",\"quantity\":0.01}");
    }

    private static String request(final String path, final String body)
    {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
            + "X-API-Key: " + KEY + "\r\nX-API-Secret: " + SECRET + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void fill(final ByteBuffer buffer, final String text)
    {
        buffer.clear().put(text.getBytes(StandardCharsets.US_ASCII)).flip();
    }

    /** The value of the answer's content-length header (lower case, as the gateway writes it). */
    private static int contentLength(final ByteBuffer buffer, final int headerEnd)
    {
        final int at = indexOf(buffer, CONTENT_LENGTH, 0, headerEnd);
        if (at < 0)
        {
            throw new IllegalStateException("an answer without content-length");
        }
        int i = at + CONTENT_LENGTH.length;
        while (buffer.get(i) == ' ')
        {
            i++;
        }
        int length = 0;
        for (byte b = buffer.get(i); b >= '0' && b <= '9'; b = buffer.get(++i))
        {
            length = length * 10 + b - '0';
        }
        return length;
    }

    private static int indexOf(final ByteBuffer buffer, final byte[] what, final int from, final int to)
    {
        for (int i = from; i + what.length <= to; i++)
        {
            int j = 0;
            while (j < what.length && Character.toLowerCase(buffer.get(i + j)) == what[j])
            {
                j++;
            }
            if (j == what.length)
            {
                return i;
            }
        }
        return -1;
    }
}
