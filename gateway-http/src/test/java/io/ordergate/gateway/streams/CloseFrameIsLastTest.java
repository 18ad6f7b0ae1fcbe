package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Nothing follows the close frame (RFC 6455, 5.5.1). Once written it may wait up to a second for a peer that does not
 * read, and in that second the socket still reads: the peer's ping, its own close frame, or the quiet that would have
 * the gateway ping it. None of them gets a frame written after the close frame.
 */
class CloseFrameIsLastTest
{
    @Test
    void aPingArrivingWhileTheCloseFrameWaitsGetsNoPong()
    {
        try (StreamSocketRig rig = closedWhilePeerDoesNotRead())
        {
            rig.peerSends(new PingWebSocketFrame(Unpooled.copiedBuffer("are you there", StandardCharsets.US_ASCII)));
            assertEquals(List.of("close:1008"), rig.written());
        }
    }

    @Test
    void thePeersCloseFrameArrivingWhileOursWaitsGetsNoSecondCloseFrame()
    {
        try (StreamSocketRig rig = closedWhilePeerDoesNotRead())
        {
            rig.peerSends(new CloseWebSocketFrame(1000, "bye"));
            assertEquals(List.of("close:1008"), rig.written());
        }
    }

    @Test
    void quietWhileTheCloseFrameWaitsSendsNoPing()
    {
        try (StreamSocketRig rig = closedWhilePeerDoesNotRead())
        {
            rig.fire(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);  // streams.ping_seconds without a write done
            assertEquals(List.of("close:1008"), rig.written());
        }
    }

    /** A user socket, writable, whose close frame (1008, as after the idle cut-off) is written and not yet taken. */
    private static StreamSocketRig closedWhilePeerDoesNotRead()
    {
        final StreamSocketRig rig = new StreamSocketRig();
        rig.holdWrites();
        rig.socket.close(StreamSocket.CLOSE_POLICY, "no frame (not even a pong) within the idle timeout");
        assertEquals(List.of("close:1008"), rig.written(), "the close frame is written, the channel still open");
        return rig;
    }
}
