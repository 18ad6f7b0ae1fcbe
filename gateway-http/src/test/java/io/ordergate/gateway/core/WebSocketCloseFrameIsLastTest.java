package io.ordergate.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The first close frame is a WebSocket's last frame (RFC 6455, 5.5.1) on every route, whoever writes it. The route's
 * socket knows only its own close; the fragment joiner (1009, a message over the bound) and the frame decoder (1002, a
 * protocol violation) sit ahead of it and knew nothing of it either: while the route's close frame waited for a peer
 * that reads slowly, a fragmented message too big got a second close frame written after it (the decoder's 1002 never
 * went out at all before the encoder moved ahead of it: WebSocketProtocolViolationTest). Over the pipeline
 * {@link WebSocketUpgrade} really builds (the HTTP decoder and encoder swapped for Netty's WebSocket codec by the real
 * handshake), with a wire at the pipeline's head that holds what is written, as a peer that stopped reading does.
 */
class WebSocketCloseFrameIsLastTest
{
    private static final int MAX_MESSAGE_BYTES = 1024;

    /** At the head of the pipeline: names each frame written (bytes by then), and holds them while asked to. */
    private static final class Wire extends ChannelOutboundHandlerAdapter
    {
        private final List<String> written = new ArrayList<>();
        private final List<Object> held = new ArrayList<>();
        private final List<ChannelPromise> heldPromises = new ArrayList<>();
        private boolean holding;

        @Override
        public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise) throws Exception
        {
            if (!holding)
            {
                super.write(ctx, msg, promise);
                return;
            }
            final ByteBuf bytes = (ByteBuf)msg;
            final int opcode = bytes.getUnsignedByte(bytes.readerIndex()) & 0x0f;
            written.add(opcode == 8 ? "close:" + bytes.getUnsignedShort(bytes.readerIndex() + 2) : opcode == 1 ? "text" : "opcode:" + opcode);
            held.add(msg);
            heldPromises.add(promise);
        }

        /** The peer reads again: what was held is written, its writes done. */
        void letThrough(final ChannelHandlerContext ctx)
        {
            holding = false;
            for (int i = 0; i < held.size(); i++)
            {
                ctx.write(held.get(i), heldPromises.get(i));
            }
            held.clear();
            heldPromises.clear();
            ctx.flush();
        }

        @Override
        public void close(final ChannelHandlerContext ctx, final ChannelPromise promise) throws Exception
        {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
            super.close(ctx, promise);
        }
    }

    private final Wire wire = new Wire();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameEncoder(true));

    @Test
    void aMessageTooBigArrivingWhileTheRoutesCloseFrameWaitsGetsNoSecondCloseFrame()
    {
        upgraded();
        channel.writeAndFlush(new CloseWebSocketFrame(1008, "policy"));  // the route closes; its peer reads slowly
        peerSendsAFragmentedMessageTooBig();
        assertEquals(List.of("close:1008"), wire.written, "the frames written after the handshake");
        assertTrue(channel.isOpen(), "open while the close frame waits");
        wire.letThrough(channel.pipeline().context(wire));
        assertFalse(channel.isOpen(), "closed by the joiner once the close frame is out");
        finish();
    }

    @Test
    void theRoutesCloseFrameAndTextAfterTheJoinersCloseFrameAreDroppedAndReleased()
    {
        upgraded();
        peerSendsAFragmentedMessageTooBig();
        final TextWebSocketFrame late = new TextWebSocketFrame("{\"type\":\"pong\"}");
        final CloseWebSocketFrame secondClose = new CloseWebSocketFrame(1008, "policy");
        channel.writeAndFlush(late);
        channel.writeAndFlush(secondClose);
        assertEquals(List.of("close:1009"), wire.written, "the frames written after the handshake");
        assertEquals(0, late.refCnt(), "the dropped text frame released");
        assertEquals(0, secondClose.refCnt(), "the dropped close frame released");
        finish();
    }

    @Test
    void aProtocolViolationArrivingWhileTheRoutesCloseFrameWaitsGetsNoSecondCloseFrame()
    {
        upgraded();
        channel.writeAndFlush(new CloseWebSocketFrame(1008, "policy"));
        // An unmasked text frame: the frame decoder answers 1002 itself, and throws.
        assertThrows(CorruptedWebSocketFrameException.class, () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte)0x81, 0x02, 'h', 'i'})));
        channel.runPendingTasks();
        assertEquals(List.of("close:1008"), wire.written, "the frames written after the handshake");
        finish();
    }

    /** The route's channel, upgraded by the real handshake, its writes held from here on. */
    private void upgraded()
    {
        channel.pipeline().addLast("decoder", new HttpRequestDecoder());
        channel.pipeline().addLast("encoder", new HttpResponseEncoder());
        channel.pipeline().addLast("gateway", new ChannelInboundHandlerAdapter());
        channel.pipeline().addFirst("wire", wire);
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws/test");
        request.headers().set("Host", "127.0.0.1").set("Upgrade", "websocket").set("Connection", "Upgrade")
            .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").set("Sec-WebSocket-Version", "13");
        final ChannelHandlerContext gateway = channel.pipeline().context("gateway");
        final Responder responder = (Responder)Proxy.newProxyInstance(Responder.class.getClassLoader(), new Class<?>[] {Responder.class},
            (proxy, method, args) ->
            {
                if ("channel".equals(method.getName()))
                {
                    return gateway;
                }
                throw new UnsupportedOperationException(method.getName());
            });
        final Exchange exchange = new Exchange(responder, null, new FastThreadLocal<byte[]>()
        {
            @Override
            protected byte[] initialValue()
            {
                return new byte[64];
            }
        });
        exchange.begin(request);
        final boolean[] opened = new boolean[1];
        final ChannelInboundHandlerAdapter route = new ChannelInboundHandlerAdapter()
        {
            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object msg)
            {
                ReferenceCountUtil.release(msg);
            }
        };
        assertTrue(WebSocketUpgrade.upgrade(exchange, MAX_MESSAGE_BYTES, new ChannelDuplexHandler(), "test", route, ch -> opened[0] = true));
        request.release();
        exchange.end();
        channel.runPendingTasks();
        assertTrue(opened[0], "the handshake answered");
        Object answer;
        while ((answer = channel.readOutbound()) != null)
        {
            ReferenceCountUtil.release(answer);
        }
        wire.holding = true;
    }

    /** Two fragments of a text message, together over the bound, each within it (masked, as a client's). */
    private void peerSendsAFragmentedMessageTooBig()
    {
        client.writeOutbound(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(new byte[MAX_MESSAGE_BYTES / 2 + 100])),
            new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(new byte[MAX_MESSAGE_BYTES / 2 + 100])));
        Object bytes;
        while ((bytes = client.readOutbound()) != null)
        {
            channel.writeInbound(bytes);
        }
        channel.runPendingTasks();
    }

    private void finish()
    {
        channel.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }
}
