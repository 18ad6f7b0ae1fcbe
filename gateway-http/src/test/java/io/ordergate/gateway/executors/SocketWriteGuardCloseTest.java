package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.timeout.IdleStateHandler;

import io.ordergate.gateway.metrics.HttpStatusCounts;

/**
 * The Close frame is a socket's last (RFC 6455, 5.5.1), whoever writes after it: a reply batch begun before
 * {@link ExecutorSocket#close} and ended after it, an event-loop frame, a ping. Before, the guard passed them all, so
 * they followed the 1008 Close while it waited for a slow peer; now they are dropped. On an embedded
 * channel whose socket (a handler before the guard) takes the frames, as encoded, and never completes their writes.
 */
class SocketWriteGuardCloseTest
{
    private static final int TEXT = 0x81;
    private static final int CLOSE = 0x88;

    @Test
    void framesWrittenAfterTheCloseAreDropped()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        final SocketWriteGuard guard = new SocketWriteGuard(true);
        channel.pipeline().addFirst(guard);
        final List<ByteBuf> written = new ArrayList<>();
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
            {
                written.add((ByteBuf)msg);  // a peer that reads nothing: the write never completes
            }
        });
        final FrameOutbox outbox = new FrameOutbox(channel, guard, new HttpStatusCounts());
        channel.writeAndFlush(new TextWebSocketFrame("before"));
        final byte[] command = "{\"id\":\"cmd_1\"}".getBytes(StandardCharsets.UTF_8);
        outbox.add(command, 0, command.length);  // a reply batch begun before the close
        guard.writeClose(new CloseWebSocketFrame(1008, "closed by gateway"));
        outbox.endOfBatch();  // ... ends after it
        channel.runPendingTasks();
        channel.writeAndFlush(new TextWebSocketFrame("late"));
        channel.writeAndFlush(new PingWebSocketFrame());
        guard.writeClose(new CloseWebSocketFrame());  // one Close per socket
        final List<Integer> firstBytes = new ArrayList<>();
        for (final ByteBuf frame : written)
        {
            firstBytes.add((int)frame.getUnsignedByte(frame.readerIndex()));
            frame.release();
        }
        assertEquals(List.of(TEXT, CLOSE), firstBytes, "the first byte of each frame written: the one before the Close, then the Close only");
        channel.finishAndReleaseAll();
    }

    /**
     * A reply batch that ends after the Close leaves the socket open until the Close is out. Its frames pass the socket's
     * idle handler (it watches writes for its pings), which turns their void promise into one that fires a failure through
     * the pipeline, and the executor socket closes on any exception it catches: the guard's drop closed the socket at once,
     * with the Close and the frames queued before it unwritten (ExecutorCloseFrameTest's client read to the end without a
     * Close). The handlers in the executor socket's order; the last one closes on an exception, as ExecutorSocket does.
     */
    @Test
    void aFrameDroppedAfterTheCloseLeavesTheSocketOpenUntilTheCloseIsOut()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false), new IdleStateHandler(120, 30, 0),
            new ChannelInboundHandlerAdapter()
            {
                @Override
                public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
                {
                    ctx.close();
                }
            });
        final SocketWriteGuard guard = new SocketWriteGuard(true);
        channel.pipeline().addFirst(guard);
        final List<ByteBuf> written = new ArrayList<>();
        final List<ChannelPromise> unfinished = new ArrayList<>();
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter()
        {
            @Override
            public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
            {
                written.add((ByteBuf)msg);  // a peer that reads nothing yet: the writes complete when it does
                unfinished.add(promise);
            }
        });
        final FrameOutbox outbox = new FrameOutbox(channel, guard, new HttpStatusCounts());
        channel.writeAndFlush(new TextWebSocketFrame("queued before the close"));
        final byte[] command = "{\"id\":\"cmd_1\"}".getBytes(StandardCharsets.UTF_8);
        outbox.add(command, 0, command.length);  // a reply batch begun before the close
        guard.writeClose(new CloseWebSocketFrame());
        outbox.endOfBatch();  // ... ends after it: its frame is dropped
        channel.runPendingTasks();
        assertTrue(channel.isOpen(), "the socket is open while the Close waits to be written");
        unfinished.forEach(ChannelPromise::setSuccess);  // the peer read on: the Close is out
        channel.runPendingTasks();
        assertFalse(channel.isOpen(), "closed once the Close is out");
        final List<Integer> firstBytes = new ArrayList<>();
        for (final ByteBuf frame : written)
        {
            firstBytes.add((int)frame.getUnsignedByte(frame.readerIndex()));
            frame.release();
        }
        assertEquals(List.of(TEXT, CLOSE), firstBytes, "the first byte of each frame written");
        channel.finishAndReleaseAll();
    }
}
