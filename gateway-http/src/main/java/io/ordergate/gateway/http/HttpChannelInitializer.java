package io.ordergate.gateway.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.config.ServerConfig;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Router;

/** Builds each connection's pipeline, every handler named. Thread safe (shared by the server). */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel>
{
    static final int MAX_INITIAL_LINE_LENGTH = 4096;
    static final int MAX_HEADER_SIZE = 8192;
    static final int MAX_CHUNK_SIZE = 8192;
    /** The read deadline's handler: a connection that lingers before its close removes it ({@link LingeringClose}). */
    static final String READ_DEADLINE = "read-deadline";

    private final Router router;
    private final GatewayContext gateway;
    private final ConnectionLimiter limiter;
    private final int maxBodyBytes;
    private final int idleTimeoutSeconds;
    private final int requestReadTimeoutSeconds;
    private final int answerTimeoutSeconds;
    private final boolean directReplies;
    private final HttpDecoderConfig decoderConfig = decoderConfig();
    /** One body buffer per event loop thread: a body is decoded on its loop before the next one is read there. */
    private final FastThreadLocal<byte[]> bodyScratch;

    HttpChannelInitializer(final Router router, final GatewayContext gateway, final ServerConfig server)
    {
        this.router = router;
        this.gateway = gateway;
        this.limiter = new ConnectionLimiter(server.maxConnections(), server.maxUnauthenticatedConnections(),
            server.maxUnauthenticatedPerAddress());
        this.requestReadTimeoutSeconds = server.requestReadTimeoutSeconds();
        this.answerTimeoutSeconds = server.answerTimeoutSeconds();
        this.maxBodyBytes = server.maxBodyBytes();
        this.idleTimeoutSeconds = server.idleTimeoutSeconds();
        this.directReplies = server.directReplies();
        this.bodyScratch = new FastThreadLocal<>()
        {
            @Override
            protected byte[] initialValue()
            {
                return new byte[maxBodyBytes];
            }
        };
    }

    /** The request decoder's limits and its header maps (FlatRequestHeaders): the same for every connection. */
    static HttpDecoderConfig decoderConfig()
    {
        return new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_INITIAL_LINE_LENGTH)
            .setMaxHeaderSize(MAX_HEADER_SIZE)
            .setMaxChunkSize(MAX_CHUNK_SIZE)
            .setHeadersFactory(FlatHeadersFactory.REQUEST_HEADERS)
            .setTrailersFactory(FlatHeadersFactory.TRAILERS);
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        // The end of the client's input does not close the connection before the answers owed to what it sent are out
        // (HttpConnection closes after them); a WebSocket upgrade turns this off again.
        channel.config().setAllowHalfClosure(true);
        final HttpConnection connection = new HttpConnection(router, gateway.publisher(), gateway.metrics(), bodyScratch, limiter, directReplies,
            answerTimeoutSeconds, idleTimeoutSeconds);
        final StrictRequestDecoder decoder = new StrictRequestDecoder(decoderConfig, maxBodyBytes);
        final RequestReadDeadline deadline = new RequestReadDeadline(requestReadTimeoutSeconds, connection::answerOwed, decoder::nextRequestBegun);
        connection.readDeadline(deadline);
        pipeline.addLast("limit", limiter);
        pipeline.addLast(READ_DEADLINE, deadline.start());
        // Reader idle: a connection that sent nothing for the timeout is closed. (All-idle would add a listener, and
        // with it a promise, to every answer; an HTTP connection's answers only follow its requests anyway.)
        pipeline.addLast("idle", new IdleStateHandler(idleTimeoutSeconds, 0, 0));
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("encoder", new AnswerEncoder());
        pipeline.addLast("framing", new HttpFramingGuard());
        pipeline.addLast("one-piece", new OnePieceRequests(maxBodyBytes));
        pipeline.addLast("aggregate", new JsonBodyAggregator(maxBodyBytes, connection::continueInTurn));
        pipeline.addLast("read-complete", deadline.complete());
        // No HttpServerKeepAliveHandler: the connection's answers are encoded bytes, which close the connection after
        // the answer themselves when the request did not keep it alive (HttpAnswers).
        pipeline.addLast("gateway", connection);
        pipeline.addFirst("reply-hand-off", connection.handOff());  // first, so that every write of the channel passes it
    }
}
