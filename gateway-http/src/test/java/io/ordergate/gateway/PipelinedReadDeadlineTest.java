package io.ordergate.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.executors.RawAnswers;

/**
 * {@code server.request_read_timeout_seconds} holds for a request whose first bytes came in the same read as the end of
 * the request before it (pipelined): it is answered 408 at its deadline, as a request begun in a read of its own is.
 * It escaped the deadline before, and could trickle in as long as each byte came within the idle timeout.
 */
class PipelinedReadDeadlineTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswer408ToARequestBegunInTheReadThatEndedTheOneBeforeIt() throws IOException
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir,
            config -> config.replace("idle_timeout_seconds: 30", "idle_timeout_seconds: 30, request_read_timeout_seconds: 1")))
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);  // a third of the idle timeout: only the read deadline answers in time
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /hea".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                RawAnswers.answer(in).expect(200, "the first request's answer");
                RawAnswers.answer(in).expect(408, "the unfinished request's deadline");
            }
        }
    }
}
