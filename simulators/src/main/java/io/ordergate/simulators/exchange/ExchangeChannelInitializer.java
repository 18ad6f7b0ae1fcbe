package io.ordergate.simulators.exchange;

import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * A simulated venue's pipeline: HTTP, then the upgrade to its WebSocket stream on the stream's path and the stream's
 * own socket handler, then REST (shared by every connection) for everything else. Both dialects build it the same
 * way; only the path and the handlers differ. Only builds the pipeline.
 */
final class ExchangeChannelInitializer extends ChannelInitializer<SocketChannel>
{
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final String streamName;
    private final WebSocketServerProtocolConfig upgrade;
    private final Supplier<ChannelHandler> streamSocket;
    private final ChannelHandler rest;

    private ExchangeChannelInitializer(final String streamName, final WebSocketServerProtocolConfig upgrade,
        final Supplier<ChannelHandler> streamSocket, final ChannelHandler rest)
    {
        this.streamName = streamName;
        this.upgrade = upgrade;
        this.streamSocket = streamSocket;
        this.rest = rest;
    }

    /** Binance's: a user-data stream on {@code /ws/<listenKey>}. */
    static ExchangeChannelInitializer binance(final RestRouter rest, final UserStreams streams)
    {
        return new ExchangeChannelInitializer("user-stream",
            WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws").checkStartsWith(true).handleCloseFrames(true).build(),
            () -> new UserStreamSocket(streams), rest);
    }

    /** OKX's: the private stream on {@code /ws/v5/private}, logged in by a message. */
    static ExchangeChannelInitializer okx(final OkxRestRoutes rest, final OkxPrivateStreams streams, final OkxAuth auth)
    {
        return new ExchangeChannelInitializer("private",
            WebSocketServerProtocolConfig.newBuilder().websocketPath("/ws/v5/private").handleCloseFrames(true).build(),
            () -> new OkxPrivateSocket(streams, auth), rest);
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline()
            .addLast("http", new HttpServerCodec())
            .addLast("aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
            .addLast(streamName + "-upgrade", new WebSocketServerProtocolHandler(upgrade))
            .addLast(streamName, streamSocket.get())
            .addLast("rest", rest);
    }
}
