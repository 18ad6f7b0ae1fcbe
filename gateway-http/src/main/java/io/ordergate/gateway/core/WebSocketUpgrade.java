package io.ordergate.gateway.core;

import java.util.function.Consumer;
import java.util.logging.Logger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import io.ordergate.gateway.json.BadRequest;

/**
 * Turns the connection of a WebSocket route into a WebSocket: the HTTP handlers make way for the WebSocket codec, the
 * route's idle handler and its socket handler. Event loop only; stateless.
 */
public final class WebSocketUpgrade
{
    private static final Logger LOG = Logger.getLogger(WebSocketUpgrade.class.getName());
    /** The connection's HTTP handler, which the socket replaces (see the HTTP channel initializer). */
    private static final String HTTP_HANDLER = "gateway";
    private static final String[] HTTP_ONLY = {"idle", "framing", "one-piece", "read-deadline", "read-complete"};

    private WebSocketUpgrade()
    {
    }

    /** True when the request asks for a WebSocket ({@code Connection: Upgrade}, {@code Upgrade: websocket}). */
    public static boolean isRequested(final Exchange exchange)
    {
        final FullHttpRequest request = exchange.request();
        return request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)
            && request.headers().containsValue(HttpHeaderNames.CONNECTION, "upgrade", true);
    }

    /**
     * Refuses (400) a request that does not ask for a WebSocket, or asks without the {@code Sec-WebSocket-Key} the
     * handshake answers: checked before the route counts a socket or the connection stops being HTTP, because Netty's
     * handshake finds the key missing only after the pipeline was swapped, where no HTTP answer can follow any more.
     */
    public static void require(final Exchange exchange) throws BadRequest
    {
        if (!isRequested(exchange))
        {
            throw BadRequest.validation(null, "this route is a WebSocket: send Connection: Upgrade and Upgrade: websocket");
        }
        final String key = exchange.header(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (key == null || key.isBlank())
        {
            throw BadRequest.validation(null, "a WebSocket handshake needs a Sec-WebSocket-Key header");
        }
    }

    /**
     * Answers the handshake and swaps the pipeline: {@code idle} goes before {@code socket}, which replaces the HTTP
     * handler under {@code name}. {@code opened} runs on the socket's event loop once the handshake is written.
     *
     * @return false when the client's WebSocket version is not one this server speaks: answered so (426), nothing
     *     upgraded, and {@code socket} never joins the pipeline (whatever the caller counted for it is the caller's to undo)
     */
    public static boolean upgrade(final Exchange exchange, final int maxFrameBytes, final ChannelHandler idle, final String name,
        final ChannelHandler socket, final Consumer<Channel> opened)
    {
        return upgrade(exchange, maxFrameBytes, idle, name, socket, opened, null);
    }

    /**
     * As above, on a loop of {@code movedTo} (null: the one it is on): the channel leaves its HTTP loop before the
     * handshake is answered, so a client, which sends nothing before the handshake's answer, is read there from its
     * first frame, and the idle handler's timers start there.
     *
     * @return as above
     */
    public static boolean upgrade(final Exchange exchange, final int maxFrameBytes, final ChannelHandler idle, final String name,
        final ChannelHandler socket, final Consumer<Channel> opened, final EventLoopGroup movedTo)
    {
        final FullHttpRequest request = exchange.request();
        final ChannelHandlerContext ctx = exchange.channel();
        final String location = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
        final WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, false, maxFrameBytes).newHandshaker(request);
        // No Sec-WebSocket-Version is a draft before RFC 6455 (Netty's version 00 handshake), not spoken here either.
        if (handshaker == null || handshaker.version() == WebSocketVersion.V00)
        {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return false;
        }
        final ChannelPipeline pipeline = ctx.pipeline();
        for (final String http : HTTP_ONLY)
        {
            if (pipeline.get(http) != null)
            {
                pipeline.remove(http);
            }
        }
        pipeline.addBefore(HTTP_HANDLER, name + "-fragments", new BoundedMessages(maxFrameBytes));
        pipeline.addBefore(HTTP_HANDLER, name + "-utf8", new Utf8TextMessages());
        pipeline.replace(HTTP_HANDLER, name, socket);
        final Channel channel = ctx.channel();
        if (movedTo == null)
        {
            handshake(channel, handshaker, request, idle, name, opened);
            return true;
        }
        // The handshake is answered from the new loop, so the client sends nothing before the channel is there.
        final FullHttpRequest held = request.retainedDuplicate();
        channel.deregister().addListener(deregistered ->
        {
            if (!deregistered.isSuccess())
            {
                held.release();
                channel.close();
                return;
            }
            movedTo.register(channel).addListener(registered ->
            {
                try
                {
                    if (registered.isSuccess())
                    {
                        handshake(channel, handshaker, held, idle, name, opened);
                    }
                    else
                    {
                        LOG.fine(() -> "a WebSocket could not move to its event loop: " + registered.cause());
                        channel.close();
                    }
                }
                finally
                {
                    held.release();
                }
            });
        });
        return true;
    }

    private static void handshake(final Channel channel, final WebSocketServerHandshaker handshaker, final FullHttpRequest request,
        final ChannelHandler idle, final String name, final Consumer<Channel> opened)
    {
        channel.pipeline().addBefore(name + "-fragments", name + "-idle", idle);
        try
        {
            handshaker.handshake(channel, request).addListener(future ->
            {
                if (future.isSuccess())
                {
                    opened.accept(channel);
                }
                else
                {
                    LOG.fine(() -> "WebSocket handshake failed on " + name);
                    channel.close();
                }
            });
            framesOut(channel.pipeline(), name);
        }
        catch (final RuntimeException refused)
        {
            // What require() did not foresee: the pipeline is no longer HTTP's, so closing is the one clear answer left.
            LOG.fine(() -> "WebSocket handshake refused on " + name + ": " + refused.getClass().getSimpleName());
            channel.close();
        }
    }

    /**
     * Where the frames written go once the handshake added Netty's frame codec (its answer already past it). Netty puts
     * the encoder where the HTTP encoder was, after the frame decoder, so the close frame the decoder writes itself (1002
     * on a protocol violation, 1009 on a frame over the limit) went to the socket unencoded, was refused there, and the
     * peer saw the connection end without a word. An encoder before the decoder replaces it (a new one: a handler once
     * removed cannot join again; a server's frames are encoded alike for versions 7, 8 and 13). Just above it, the guard
     * that lets nothing follow the first close frame, whoever writes it, sees every frame written.
     */
    private static void framesOut(final ChannelPipeline pipeline, final String name)
    {
        final ChannelHandlerContext decoder = pipeline.context(WebSocketFrameDecoder.class);
        final ChannelHandlerContext encoder = pipeline.context(WebSocketFrameEncoder.class);
        if (decoder == null || encoder == null)
        {
            return;  // the handshake failed: its listener closes the channel
        }
        pipeline.remove(encoder.name());
        pipeline.addBefore(decoder.name(), encoder.name(), new WebSocket13FrameEncoder(false));
        pipeline.addBefore(decoder.name(), name + "-close-last", new NothingAfterCloseFrame());
    }

    /**
     * Joins a fragmented message; one over the bound closes the socket with 1009 and says why, as the frame decoder does
     * for a single frame over it. One per channel.
     */
    private static final class BoundedMessages extends WebSocketFrameAggregator
    {
        private final int maxBytes;

        BoundedMessages(final int maxBytes)
        {
            super(maxBytes);
            this.maxBytes = maxBytes;
        }

        @Override
        protected void handleOversizedMessage(final ChannelHandlerContext ctx, final WebSocketFrame oversized)
        {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, "a message is at most " + maxBytes + " bytes"))
                .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
