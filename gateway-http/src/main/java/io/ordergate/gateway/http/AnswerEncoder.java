package io.ordergate.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseEncoder;

/**
 * Netty's response encoder for the few answers still written as response objects (the aggregator's 413, a WebSocket
 * handshake), letting through untouched the answers {@link AnswerBytes} already encoded: the gateway writes no chunked
 * answers, so a bare {@link ByteBuf} on this connection is always a whole answer, never the body of an earlier head.
 * Not sharable (the encoder keeps per-connection state).
 */
final class AnswerEncoder extends HttpResponseEncoder
{
    @Override
    public boolean acceptOutboundMessage(final Object msg) throws Exception
    {
        return !(msg instanceof ByteBuf) && super.acceptOutboundMessage(msg);
    }
}
