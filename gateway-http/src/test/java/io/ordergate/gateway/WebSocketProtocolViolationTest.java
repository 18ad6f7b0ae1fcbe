package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frame Netty's frame decoder refuses is answered with a close frame saying why, then the connection ends. Before,
 * the decoder's close frame (1002 on a protocol violation, 1009 on a frame over its limit) went to the socket without
 * passing the frame encoder, which Netty's handshake had put after the decoder: refused there, it never went out, and
 * the peer saw the connection end without a word. Over a real gateway and a raw socket, on a stream socket (the
 * pipeline is WebSocketUpgrade's, the same for every WebSocket route).
 */
class WebSocketProtocolViolationTest
{
    @TempDir
    Path dataDir;

    @Test
    void anUnmaskedFrameIsAnsweredWithCloseCode1002AndNothingAfterIt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            final byte[] ping = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
            final byte[] unmasked = new byte[2 + ping.length];
            unmasked[0] = (byte)0x81;  // final text frame
            unmasked[1] = (byte)ping.length;  // no mask bit: a client's frames must be masked (RFC 6455, 5.1)
            System.arraycopy(ping, 0, unmasked, 2, ping.length);
            socket.sendBytes(unmasked);
            assertClosedWith(1002, socket);
        }
    }

    @Test
    void aFrameOverTheDecodersLimitIsAnsweredWithCloseCode1009AndNothingAfterIt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            // The header alone, a masked text frame of 1 MiB: refused on its length, so no payload is left unread (whose
            // close would reset the connection before the client reads the close frame).
            socket.sendBytes(new byte[] {(byte)0x81, (byte)(0x80 | 127), 0, 0, 0, 0, 0, 0x10, 0, 0, 0x11, 0x22, 0x33, 0x44});
            assertClosedWith(1009, socket);
        }
    }

    /** The next frame is a close frame with {@code code}, and the connection ends after it. */
    private static void assertClosedWith(final int code, final RawWebSocket socket) throws Exception
    {
        final RawWebSocket.Frame close = socket.read();
        assertNotNull(close, "a close frame before the connection ends");
        assertEquals(RawWebSocket.CLOSE, close.opcode(), close::text);
        assertEquals(code, close.closeCode(), close::text);
        assertNull(socket.read(), "nothing after the close frame, and the connection ended");
    }
}
