package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
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

    /** One answer read whole from the socket. */
    public record Answer(String head, String body)
    {
        /** Asserts the answer's status ({@code what}: which answer belongs here); returns the answer. */
        public Answer expect(final int status, final String what)
        {
            assertTrue(head.startsWith("HTTP/1.1 " + status + " "), () -> what + ": " + head);
            return this;
        }

        /** The answer says the connection closes after it. */
        public boolean closes()
        {
            return head.toLowerCase(Locale.ROOT).contains("connection: close");
        }
    }

    /** The admin's {@code POST /api/v1/orders} up to its empty line; {@code headers} (each line ended) go before its length. */
    static String orderHead(final String headers, final long contentLength)
    {
        return "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + ADMIN_AUTH + "Content-Type: application/json\r\n" + headers
            + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /**
     * Sends {@link #slowConnect} with {@code pipelined} right behind it, in one write, and reads the connect's answer: it
     * must come first, in its place. Returns the socket's input, at whatever the pipelined bytes are answered.
     */
    static InputStream behindSlowConnect(final Socket socket, final String pipelined) throws IOException
    {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write((slowConnect() + pipelined).getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        final InputStream in = socket.getInputStream();
        answer(in).expect(202, "the connect's answer first, in its place");
        return in;
    }

    /** What a test checks of an answer and of the input after it. */
    @FunctionalInterface
    interface AnswerCheck
    {
        void check(Answer answer, InputStream after) throws IOException;
    }

    /**
     * Sends {@code request} (whose body is not all sent) to a gateway whose request read timeout is 30 s and reads the
     * answer within 10 s, a third of it: only an answer at the request's head passes. {@code check} checks it.
     */
    static void answeredAtTheHead(final Path dataDir, final String request, final AnswerCheck check) throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 2", GatewayHarness.SMALL_TABLES,
            "max_body_bytes: 1024, request_read_timeout_seconds: 30");
             Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            check.check(answer(in), in);
        }
    }

    /** The next answer, head and body (its Content-Length's bytes). */
    public static Answer answer(final InputStream in) throws IOException
    {
        final String head = head(in);
        return new Answer(head, new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8));
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
