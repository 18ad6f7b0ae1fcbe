package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;

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
                final InputStream in = RawAnswers.behindSlowConnect(socket, RawAnswers.orderHead("Expect: 200-ok\r\n", body.length()) + body
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                final RawAnswers.Answer second = RawAnswers.answer(in).expect(417, "then the unmet expectation's");
                assertTrue(second.body().contains("\"EXPECTATION_FAILED\"") && second.body().contains("100-continue"), second.body());
                assertTrue(second.closes(), second.head());
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
        RawAnswers.answeredAtTheHead(dataDir, RawAnswers.orderHead("Expect: 100-continue, 200-ok\r\n", 2), (answer, in) ->
        {
            answer.expect(417, "417 without waiting for the body");
            assertTrue(answer.body().contains("\"EXPECTATION_FAILED\""), answer.body());
            assertEquals(-1, in.read(), "closed after the 417");
        });
    }
}
