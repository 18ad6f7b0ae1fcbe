package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.handler.codec.http.FullHttpRequest;
import io.ordergate.gateway.testing.ThreadAllocation;

/**
 * A connection's steady state: reading a plain order request whole, handing it on and releasing it allocates nothing
 * per request once the connection has seen its header values (the request, its headers and its body slice are
 * reused, the values are the strings sent before).
 */
class PlainRequestAllocationTest
{
    private static final int REQUESTS = 20_000;
    private static final int ROUNDS = 50;
    private static final long BOUND = REQUESTS * 4L;
    private static final String BODY = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";
    private static final byte[] ORDER = ("POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
        + "X-API-Key: og_key\r\nX-API-Secret: secret\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    @Test
    void shouldReadRequestsWithoutAllocatingOnceWarm() throws Exception
    {
        final PlainRequestReader reader = new PlainRequestReader(FlatHeadersFactory.REQUEST_HEADERS, 65_536);
        final ByteBuf received = PooledByteBufAllocator.DEFAULT.directBuffer(ORDER.length);
        try
        {
            read(reader, received);  // warm: the connection's strings, the reused request, the JIT
            final long fewest = ThreadAllocation.fewestBytes(ROUNDS, BOUND,
                () -> assertEquals((long)BODY.length() * REQUESTS, read(reader, received), "every request was read with its body"));
            System.out.println("plain requests: " + fewest + " bytes allocated for " + REQUESTS + " requests");
            assertTrue(fewest < BOUND, fewest + " bytes for " + REQUESTS + " requests");
        }
        finally
        {
            received.release();
        }
    }

    private static long read(final PlainRequestReader reader, final ByteBuf received)
    {
        long bodies = 0;
        for (int i = 0; i < REQUESTS; i++)
        {
            received.clear().writeBytes(ORDER);
            assertEquals(PlainRequestReader.Outcome.READ, reader.read(received));
            final FullHttpRequest request = reader.take();
            bodies += request.content().readableBytes();
            request.release();
        }
        return bodies;
    }
}
