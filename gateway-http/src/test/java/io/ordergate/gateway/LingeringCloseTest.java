package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.ordergate.gateway.executors.RawAnswers;

/**
 * An answer that closes the connection reaches a client that is still sending (RFC 9112 9.6): the gateway writes it,
 * half-closes its side and drops what the client still sends for a bounded time and number of bytes before it closes.
 * Closing at once with the client's bytes unread made the kernel answer them with a reset, and a client that reads its
 * answer after sending its request (as simple clients do) got "connection reset" instead of its 413.
 */
class LingeringCloseTest extends QuotedGatewayTest
{
    private static final int CHUNK = 16 * 1024;
    private static final int CHUNKS = 32;

    @Test
    void shouldLetAClientThatSendsAnOversizedBodySlowlyReadIts413AfterSendingIt() throws IOException, InterruptedException
    {
        final String digest = gateway.digest();
        final String auth = "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n";
        final byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte)'x');
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: "
                + CHUNK * CHUNKS + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < CHUNKS; i++)
            {
                out.write(chunk);
                out.flush();
                Thread.sleep(5);  // a slow sender (its pace, not a wait for the gateway): the 413 is written meanwhile
            }
            final InputStream in = socket.getInputStream();
            final String head = RawAnswers.head(in);
            assertTrue(head.startsWith("HTTP/1.1 413 "), () -> "the 413, read after the whole body was sent: " + head);
            assertTrue(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
            final String body = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"PAYLOAD_TOO_LARGE\""), body);
            assertEquals(-1, in.read(), "then the end of the gateway's side");
        }
        assertEquals(digest, gateway.digest(), "nothing of the body was executed");
    }

    /** The bytes dropped after the answer are bounded: a client that sends on and on is cut off (a reset, a failed write). */
    @Test
    void shouldCloseAfterDroppingABoundedNumberOfBytes() throws IOException
    {
        final byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte)'x');
        final long declared = 64L * 1024 * 1024;
        long sent = 0;
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + declared
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try
            {
                while (sent < declared)
                {
                    out.write(chunk);
                    sent += CHUNK;
                }
            }
            catch (final IOException cut)
            {
                // the gateway closed once it had dropped its bound
            }
        }
        assertTrue(sent < declared, "the client was cut off before its 64 MiB body was all taken");
    }

    /**
     * The time is bounded too: a client that neither sends nor closes after its answer finds the connection closed
     * (its next write is answered with a reset) within the bound, well before the idle timeout (30 s here).
     */
    @Test
    void shouldCloseAfterABoundedTimeWhenTheClientNeitherSendsNorCloses() throws IOException, InterruptedException
    {
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            final OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final InputStream in = socket.getInputStream();
            final String head = RawAnswers.head(in);
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            in.readNBytes(RawAnswers.contentLength(head));
            assertEquals(-1, in.read(), "the gateway's side ends after the answer");
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            boolean closed = false;
            while (!closed && System.nanoTime() < deadline)
            {
                try
                {
                    out.write('x');  // dropped while the connection lingers; answered with a reset once it is closed
                    out.flush();
                    Thread.sleep(100);
                }
                catch (final IOException reset)
                {
                    closed = true;
                }
            }
            assertTrue(closed, "closed within the linger's bound");
        }
    }


}
