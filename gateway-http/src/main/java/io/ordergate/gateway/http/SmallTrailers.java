package io.ordergate.gateway.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * The trailers of every decoded request start small: Netty's decoder gives each request's last content a trailer
 * map, empty unless the body was chunked with trailers (never, in practice), and its default one preallocates 16
 * buckets. Same validation as Netty's trailers. Stateless: shared by every connection.
 */
final class SmallTrailers implements HttpHeadersFactory
{
    static final SmallTrailers INSTANCE = new SmallTrailers();
    private static final DefaultHttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory();

    private SmallTrailers()
    {
    }

    @Override
    public HttpHeaders newHeaders()
    {
        return TRAILERS.newEmptyHeaders();
    }

    @Override
    public HttpHeaders newEmptyHeaders()
    {
        return TRAILERS.newEmptyHeaders();
    }
}
