package io.ordergate.gateway.http;

import java.util.ArrayDeque;

/**
 * The requests one connection's {@link PlainRequestReader} fills: one in hand at a time for a client that waits for
 * each answer, a few while requests are pipelined. A released request comes back here, up to {@link #KEPT} of them.
 * Before, each request was a new {@code DefaultFullHttpRequest} and a new header map with two arrays: about 150 of the
 * 247 bytes an order allocated (docs/PERFORMANCE.md, "Bytes allocated per order").
 * <b>Not thread safe</b>: the connection's event loop.
 */
final class ReusedRequests
{
    private static final int KEPT = 4;

    private final FlatHeadersFactory headers;
    private final ArrayDeque<ReusedRequest> free = new ArrayDeque<>(KEPT);

    ReusedRequests(final FlatHeadersFactory headers)
    {
        this.headers = headers;
    }

    /** A request with no headers, to fill; made when none is free, with room for {@code lines} headers. */
    ReusedRequest take(final int lines)
    {
        final ReusedRequest request = free.poll();
        if (request == null)
        {
            return new ReusedRequest(this, headers.newHeaders(lines));
        }
        request.headers().clear();
        return request;
    }

    /** A request released by its last holder, or one that could not be filled. */
    void giveBack(final ReusedRequest request)
    {
        if (free.size() < KEPT)
        {
            free.add(request);
        }
    }
}
