package io.ordergate.simulators.exchange;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The simulated exchange's pipeline: HTTP, then the user-data WebSocket upgrade on {@code /ws/...}, then REST for
 * everything else. Only builds the pipeline.
 */
final class ExchangeChannelInitializer extends ChannelInitializer<SocketChannel>
{
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final RestRouter rest;
    private final UserStreams streams;

    ExchangeChannelInitializer(final RestRouter rest, final UserStreams streams)
    {
        this.rest = rest;
        this.streams = streams;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline()
            .addLast("http", new HttpServerCodec())
            .addLast("aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
            .addLast("user-stream-upgrade", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws").checkStartsWith(true).handleCloseFrames(true).build()))
            .addLast("user-stream", new UserStreamSocket(streams))
            .addLast("rest", rest);
    }
}
