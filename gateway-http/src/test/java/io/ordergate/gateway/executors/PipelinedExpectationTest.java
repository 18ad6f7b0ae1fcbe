package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code Expect} the gateway cannot meet (anything but {@code 100-continue}) pipelined behind a request whose answer
 * takes a while (a seed-004 connect waiting {@code executors.investor_wait_seconds} for its terminal) is answered 417
 * after that answer, in its own turn: written at once, it reached the client ahead of the answer owed before it.
 */
class PipelinedExpectationTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerAnUnmetExpectationAfterTheSlowerAnswerOwedBeforeItAndCloseAfterIts417() throws IOException
    {
        try (GatewayHarness gateway = RawAnswers.withSlowConnect(dataDir, "max_body_bytes: 1024"))
        {
            final String body = "{}";
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((RawAnswers.slowConnect()
                    + "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\nExpect: 200-ok\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String first = RawAnswers.head(in);
                assertTrue(first.startsWith("HTTP/1.1 202 "), () -> "the connect's answer first, in its place: " + first);
                in.readNBytes(RawAnswers.contentLength(first));
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 417 "), () -> "then the unmet expectation's: " + second);
                final String error = new String(in.readNBytes(RawAnswers.contentLength(second)), StandardCharsets.UTF_8);
                assertTrue(error.contains("\"EXPECTATION_FAILED\"") && error.contains("100-continue"), error);
                assertTrue(second.toLowerCase(Locale.ROOT).contains("connection: close"), second);
                assertEquals(-1, in.read(), "closed after the 417: the request after it is neither handled nor answered");
            }
        }
    }

    /**
     * A client that waits for an answer before it sends the body of an unmet expectation hears the 417, in the gateway's
     * error format, at once (not at the read timeout), and the connection closes: what it would send next cannot be framed.
     */
    @Test
    void shouldAnswerAnUnmetExpectationAtItsHeadWhenTheClientWaitsWithItsBody() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 2", GatewayHarness.SMALL_TABLES,
            "max_body_bytes: 1024, request_read_timeout_seconds: 30"))
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);  // a third of the read timeout: only an answer at the head passes
                socket.getOutputStream().write(("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\n"
                    + "Expect: 100-continue, 200-ok\r\nContent-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 417 "), () -> "417 without waiting for the body: " + head);
                final String error = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
                assertTrue(error.contains("\"EXPECTATION_FAILED\""), error);
                assertEquals(-1, in.read(), "closed after the 417");
            }
        }
    }
}
