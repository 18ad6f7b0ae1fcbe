package io.ordergate.gateway.http;

import io.netty.handler.codec.DefaultHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * Makes the request decoder's header maps ({@link FlatRequestHeaders}) with the validators of Netty's own: looked up
 * once, as Netty's factory hands the same ones to every map it makes. Stateless: shared by every connection.
 */
final class FlatHeadersFactory implements HttpHeadersFactory
{
    /** A request's headers, checked as Netty's default request headers are. */
    static final FlatHeadersFactory REQUEST_HEADERS = new FlatHeadersFactory(DefaultHttpHeadersFactory.headersFactory(), 8);
    /**
     * A request's trailers, checked as Netty's default trailers are (no framing header among them). Empty but for a
     * chunked body that sends trailers, which is almost never, so they start with no room at all.
     */
    static final HttpHeadersFactory TRAILERS = new FlatHeadersFactory(DefaultHttpHeadersFactory.trailersFactory(), 0);

    private final DefaultHeaders.NameValidator<CharSequence> nameValidator;
    private final DefaultHeaders.ValueValidator<CharSequence> valueValidator;
    private final int capacity;

    private FlatHeadersFactory(final DefaultHttpHeadersFactory checks, final int capacity)
    {
        this.nameValidator = checks.getNameValidator();
        this.valueValidator = checks.getValueValidator();
        this.capacity = capacity;
    }

    @Override
    public HttpHeaders newHeaders()
    {
        return new FlatRequestHeaders(nameValidator, valueValidator, capacity);
    }

    /** A map with room for exactly this many headers (it grows if more are added). */
    HttpHeaders newHeaders(final int capacity)
    {
        return new FlatRequestHeaders(nameValidator, valueValidator, capacity);
    }

    @Override
    public HttpHeaders newEmptyHeaders()
    {
        return new FlatRequestHeaders(nameValidator, valueValidator, 0);
    }
}
