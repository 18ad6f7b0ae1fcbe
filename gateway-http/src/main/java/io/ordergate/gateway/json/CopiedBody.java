package io.ordergate.gateway.json;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.command.BodyWriter;

/**
 * A request's command body encoded once into bytes of its own, for a request that must wait to be published (the ring
 * was full) while its reader, which reuses its objects and its message buffer, goes on to the next message. Immutable.
 */
public final class CopiedBody implements RequestBody
{
    private final byte[] bytes;

    private CopiedBody(final byte[] bytes)
    {
        this.bytes = bytes;
    }

    public static CopiedBody of(final RequestBody body)
    {
        final ExpandableArrayBuffer encoded = new ExpandableArrayBuffer(256);
        final BodyWriter writer = new BodyWriter().wrap(encoded, 0);
        body.encode(writer);
        final byte[] bytes = new byte[writer.length()];
        encoded.getBytes(0, bytes);
        return new CopiedBody(bytes);
    }

    @Override
    public void encode(final BodyWriter writer)
    {
        writer.putRaw(bytes, 0, bytes.length);
    }
}
