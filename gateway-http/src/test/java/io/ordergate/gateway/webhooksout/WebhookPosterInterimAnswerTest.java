package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * An interim answer (1xx: {@code 100 Continue}, {@code 103 Early Hints}) is not the receiver's answer: HTTP/1.1 lets a
 * server send any number of them before the final one, and a client must read past them. Taking the first as the
 * answer made a receiver that sends one record a failed attempt, retried until given up, though it had accepted every
 * delivery. The receiver is a plain socket on loopback, so the bytes on the wire are exactly the test's.
 */
class WebhookPosterInterimAnswerTest
{
    @Test
    void shouldTakeTheFinalAnswerAfterInterimOnes() throws Exception
    {
        final String answer = "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
            + "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); WebhookPoster poster = new WebhookPoster())
        {
            final CompletableFuture<Void> served = CompletableFuture.runAsync(() -> answerOnce(receiver, answer));
            final WebhookPoster.Answer got = post(poster, receiver).get(10, TimeUnit.SECONDS);
            assertEquals(new WebhookPoster.Answer(429, "7"), got, "the final answer, with its own Retry-After");
            served.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFailWhenTheReceiverClosesAfterOnlyAnInterimAnswer() throws Exception
    {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); WebhookPoster poster = new WebhookPoster())
        {
            final CompletableFuture<Void> served = CompletableFuture.runAsync(() -> answerOnce(receiver, "HTTP/1.1 100 Continue\r\n\r\n"));
            final ExecutionException failed = assertThrows(ExecutionException.class, () -> post(poster, receiver).get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, failed.getCause(), "closed before answering, not answered 100");
            served.get(10, TimeUnit.SECONDS);
        }
    }

    private static CompletableFuture<WebhookPoster.Answer> post(final WebhookPoster poster, final ServerSocket receiver)
    {
        final URI url = URI.create("http://receiver.invalid:" + receiver.getLocalPort() + "/hook");
        return poster.post(url, List.of(InetAddress.getLoopbackAddress()), Map.of(), "{}".getBytes(StandardCharsets.US_ASCII), 5);
    }

    /** Reads one request's head and body (2 bytes), writes {@code answer}, closes. */
    private static void answerOnce(final ServerSocket receiver, final String answer)
    {
        try (Socket connection = receiver.accept())
        {
            final InputStream in = connection.getInputStream();
            final StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n{}"))
            {
                final int next = in.read();
                if (next < 0)
                {
                    throw new IOException("the request ended early: " + request);
                }
                request.append((char)next);
            }
            connection.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
