package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.channel.epoll.Epoll;

/**
 * {@code server.direct_replies}: the reply thread writes an order's answer to its socket itself when nothing else of the
 * connection waits to be written, and hands it to the event loop otherwise, so answers keep the order of their requests
 * whichever thread writes them. Over real sockets, counted by {@code /metrics}.
 */
class DirectRepliesTest
{
    private static final String AUTH = "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n";
    private static final String METRIC = "ordergate_http_answers_by_reply_thread_total ";
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final int ANSWERS_PER_ROUND = 7;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOrderAwaitedBeforeTheNextIsWrittenByTheReplyThreadWhenAllowed(final boolean direct) throws Exception
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir, directReplies(direct));
            Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            assertEquals(202, gateway.quote("EURUSD", "1.08410", "1.08420").status());
            final long before = writtenByReplyThread(gateway);
            final int orders = 20;
            for (int i = 0; i < orders; i++)
            {
                write(socket, order("one-by-one-" + i, false));
                expect(socket.getInputStream(), 201, "one-by-one-" + i);
            }
            final long written = writtenByReplyThread(gateway) - before;
            assertEquals(0, metric(gateway, "ordergate_commands_run_by_publishers_total"), "og-pipeline alone ran the stages");
            if (direct)
            {
                // Not all: a client that sends its next order while the reply thread still ends its write finds the
                // order's answer through the event loop (ReplyHandOff), as it must.
                assertTrue(written >= orders / 2 && written <= orders, () -> written + " of " + orders + " answers written by the reply thread");
            }
            else
            {
                assertEquals(0, written);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pipelinedOrdersAndReadsAreAnsweredInTheirOrderOnEveryConnection(final boolean direct) throws Exception
    {
        final int connections = 6;
        final int rounds = 60;
        try (TestGateway gateway = TestGateway.startEdited(dataDir, directReplies(direct)))
        {
            assertPipelinedRoundsAnsweredInOrder(gateway, connections, rounds);
        }
    }

    /** Native epoll: direct replies asked for but never taken (no safe write beside the event loop), answers in order. */
    @Test
    void onNativeEpollEveryAnswerGoesThroughTheEventLoopInTheOrderOfItsRequests() throws Exception
    {
        assumeTrue(Epoll.isAvailable(), () -> "native epoll does not load here: " + Epoll.unavailabilityCause());
        try (TestGateway gateway = TestGateway.startEdited(dataDir, c -> directReplies(true).apply(c).replace("direct_replies", "transport: epoll, direct_replies")))
        {
            assertTrue(gateway.gateway().onNativeEpoll(), "server.transport: epoll runs the listener on native epoll");
            assertEquals(202, gateway.quote("EURUSD", "1.08410", "1.08420").status());
            final long before = writtenByReplyThread(gateway);
            assertEquals(40 * ANSWERS_PER_ROUND, pipelineRounds(gateway.port(), 0, 40));
            assertEquals(before, writtenByReplyThread(gateway), "on epoll the event loop writes every answer");
        }
    }

    @Test
    void anOrderAskingToCloseIsAnsweredAndThenClosed() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
            Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            assertEquals(202, gateway.quote("EURUSD", "1.08410", "1.08420").status());
            write(socket, order("closing", true));
            final Answer answer = Answer.read(socket.getInputStream());
            assertEquals(201, answer.status, answer.body);
            assertTrue(answer.head.contains("connection: close"), answer.head);
            assertEquals(-1, socket.getInputStream().read(), "the connection stays open after an answer that said close");
        }
    }

    /**
     * Each round: an order and, without waiting for its answer, a read (so the read races the answer's direct write);
     * then a pipelined burst of a read (answered at once, so the order after it must not overtake it), two orders, a read
     * and an unknown path. Answers checked in the order sent.
     */
    private static int pipelineRounds(final int port, final int connection, final int rounds) throws IOException
    {
        int answers = 0;
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(10_000);
            final InputStream in = socket.getInputStream();
            for (int round = 0; round < rounds; round++)
            {
                final String id = "c" + connection + "-r" + round + "-";
                write(socket, order(id + "alone", false));
                write(socket, HEALTH);
                answers += expect(in, 201, id + "alone") + expect(in, 200, null);
                write(socket, HEALTH + order(id + "first", false) + order(id + "second", false) + HEALTH
                    + "GET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
                answers += expect(in, 200, null) + expect(in, 201, id + "first") + expect(in, 201, id + "second");
                answers += expect(in, 200, null) + expect(in, 404, null);
            }
        }
        return answers;
    }

    /** Reads one answer and checks it; 1 (one answer read). */
    private static int expect(final InputStream in, final int status, final String clientOrderId) throws IOException
    {
        final Answer answer = Answer.read(in);
        assertEquals(status, answer.status, answer.body);
        if (clientOrderId != null)
        {
            assertTrue(answer.body.contains("\"client_order_id\":\"" + clientOrderId + "\""), () -> "expected " + clientOrderId + ": " + answer.body);
        }
        return 1;
    }

    private static String order(final String clientOrderId, final boolean close)
    {
        final String body = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01,"
            + "\"client_order_id\":\"" + clientOrderId + "\"}";
        return "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
            + (close ? "Connection: close\r\n" : "") + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void write(final Socket socket, final String requests) throws IOException
    {
        final OutputStream out = socket.getOutputStream();
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * With {@code pipeline.publishers_run_stages} and two event loops: an event loop runs the stages for its own
     * connections' orders and, while it holds the turn, for the other loop's, whose answers it writes to their sockets or
     * hands to their loop; every answer still comes in its request's order.
     */
    @Test
    void pipelinedOrdersAndReadsAreAnsweredInTheirOrderWhenEventLoopsRunTheStages() throws Exception
    {
        final int connections = 6;
        final int rounds = 60;
        try (TestGateway gateway = TestGateway.startEdited(dataDir, c -> c
            .replace("idle_timeout_seconds: 30 }", "idle_timeout_seconds: 30, event_loop_threads: 2 }")
            .replace("pipeline: { ring_size: 1024 }", "pipeline: { ring_size: 1024, publishers_run_stages: true }")))
        {
            assertPipelinedRoundsAnsweredInOrder(gateway, connections, rounds);
            assertTrue(metric(gateway, "ordergate_commands_run_by_publishers_total") > 0, "the event loops ran stages themselves");
        }
    }

    /** {@code connections} clients each pipeline {@code rounds} of orders and reads; every answer comes in its request's order. */
    private static void assertPipelinedRoundsAnsweredInOrder(final TestGateway gateway, final int connections, final int rounds) throws Exception
    {
        assertEquals(202, gateway.quote("EURUSD", "1.08410", "1.08420").status());
        final ExecutorService clients = Executors.newFixedThreadPool(connections);
        try
        {
            final List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < connections; c++)
            {
                final int connection = c;
                answered.add(clients.submit(() -> pipelineRounds(gateway.port(), connection, rounds)));
            }
            for (final Future<Integer> each : answered)
            {
                assertEquals(rounds * ANSWERS_PER_ROUND, each.get());
            }
        }
        finally
        {
            clients.shutdownNow();
        }
    }

    /**
     * {@code server.direct_replies} as given, with the stages on og-pipeline alone: these tests are about a reply thread
     * writing beside the event loop (the read that races the answer's write), which the default, where the event loop
     * runs the stages itself, seldom makes happen ({@link #pipelinedOrdersAndReadsAreAnsweredInTheirOrderWhenEventLoopsRunTheStages}
     * covers that form).
     */
    private static UnaryOperator<String> directReplies(final boolean direct)
    {
        return config -> config.replace("idle_timeout_seconds: 30 }", "idle_timeout_seconds: 30, direct_replies: " + direct + " }")
            .replace("pipeline: { ring_size: 1024 }", "pipeline: { ring_size: 1024, publishers_run_stages: false }");
    }

    private static long writtenByReplyThread(final TestGateway gateway)
    {
        return metric(gateway, METRIC.trim());
    }

    private static long metric(final TestGateway gateway, final String name)
    {
        for (final String line : gateway.get("/metrics").body().split("\n"))
        {
            if (line.startsWith(name + " "))
            {
                return (long)Double.parseDouble(line.substring(name.length()).trim());
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }

    /** One HTTP/1.1 answer read off a socket: status, head (lower-case names, as the gateway writes them) and body. */
    private record Answer(int status, String head, String body)
    {
        static Answer read(final InputStream in) throws IOException
        {
            final ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n"))
            {
                final int b = in.read();
                if (b < 0)
                {
                    throw new IOException("the connection closed before an answer: " + head.toString(StandardCharsets.US_ASCII));
                }
                head.write(b);
            }
            final String text = head.toString(StandardCharsets.US_ASCII);
            int length = 0;
            for (final String line : text.split("\r\n"))
            {
                if (line.toLowerCase().startsWith("content-length:"))
                {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            final byte[] body = in.readNBytes(length);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text, new String(body, StandardCharsets.UTF_8));
        }
    }
}
