package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;

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
}
