package io.ordergate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.IllegalReferenceCountException;

/**
 * A whole request as {@link PlainRequestReader} reads it, filled again for each request of its connection
 * ({@link ReusedRequests}): its method, target and headers set anew (through Netty's own checks, as its constructor
 * makes them), its body a slice of the received bytes. The references it counts are the request's own: the last
 * release frees the body and gives the request back for the next one. A holder that keeps a request past its release
 * (the WebSocket upgrade moving loops) takes a {@link #retainedDuplicate}, an independent Netty request.
 * <b>Not thread safe</b>: its connection's event loop reads, handles and releases it.
 */
final class ReusedRequest extends DefaultHttpRequest implements FullHttpRequest
{
    private final ReusedRequests pool;
    private ByteBuf content = Unpooled.EMPTY_BUFFER;
    private int references;

    ReusedRequest(final ReusedRequests pool, final HttpHeaders headers)
    {
        super(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", headers);
        this.pool = pool;
    }

    /** Sets the request line and takes the body's reference; throws IllegalArgumentException as Netty's constructor would. */
    void fill(final HttpMethod method, final String uri, final ByteBuf body)
    {
        super.setMethod(method);
        super.setUri(uri);
        setDecoderResult(DecoderResult.SUCCESS);
        content = body;
        references = 1;
    }

    @Override
    public ByteBuf content()
    {
        return content;
    }

    @Override
    public HttpHeaders trailingHeaders()
    {
        return EmptyHttpHeaders.INSTANCE;
    }

    @Override
    public int refCnt()
    {
        return references;
    }

    @Override
    public FullHttpRequest retain()
    {
        return retain(1);
    }

    @Override
    public FullHttpRequest retain(final int increment)
    {
        if (references <= 0)
        {
            throw new IllegalReferenceCountException(references, increment);
        }
        references += increment;
        return this;
    }

    @Override
    public FullHttpRequest touch()
    {
        return this;
    }

    @Override
    public FullHttpRequest touch(final Object hint)
    {
        return this;
    }

    @Override
    public boolean release()
    {
        return release(1);
    }

    @Override
    public boolean release(final int decrement)
    {
        if (decrement > references || decrement <= 0)
        {
            throw new IllegalReferenceCountException(references, -decrement);
        }
        references -= decrement;
        if (references > 0)
        {
            return false;
        }
        final ByteBuf body = content;
        content = Unpooled.EMPTY_BUFFER;
        body.release();
        pool.giveBack(this);
        return true;
    }

    @Override
    public FullHttpRequest copy()
    {
        return replace(content.copy());
    }

    @Override
    public FullHttpRequest duplicate()
    {
        return replace(content.duplicate());
    }

    @Override
    public FullHttpRequest retainedDuplicate()
    {
        return replace(content.retainedDuplicate());
    }

    /** A Netty request of its own with this one's line and a copy of its headers, over {@code body}. */
    @Override
    public FullHttpRequest replace(final ByteBuf body)
    {
        final FullHttpRequest copy = new DefaultFullHttpRequest(protocolVersion(), method(), uri(), body, headers().copy(), EmptyHttpHeaders.INSTANCE);
        copy.setDecoderResult(decoderResult());
        return copy;
    }

    @Override
    public FullHttpRequest setProtocolVersion(final HttpVersion version)
    {
        super.setProtocolVersion(version);
        return this;
    }

    @Override
    public FullHttpRequest setMethod(final HttpMethod method)
    {
        super.setMethod(method);
        return this;
    }

    @Override
    public FullHttpRequest setUri(final String uri)
    {
        super.setUri(uri);
        return this;
    }
}
