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

    @Test
    void aTextMessageOfInvalidUtf8IsAnsweredWithCloseCode1007AndNothingAfterIt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            // A JSON text whose string holds 0xC3 0x28: a lead byte without its continuation (RFC 6455 8.1: fail the connection).
            socket.send(RawWebSocket.TEXT, new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte)0xC3, '(', '"', '}'});
            assertClosedWith(1007, socket);
        }
    }

    @Test
    void aFragmentedTextMessageOfInvalidUtf8IsAnsweredWithCloseCode1007AndNothingAfterIt() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            // Each fragment but the last is valid; the continuation holds an encoded surrogate (0xED 0xA0 0x80), never UTF-8.
            socket.sendFragment(RawWebSocket.TEXT, false, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            socket.sendFragment(RawWebSocket.CONTINUATION, true, new byte[] {'"', (byte)0xED, (byte)0xA0, (byte)0x80, '"', '}'});
            assertClosedWith(1007, socket);
        }
    }

    @Test
    void aTextMessageWhoseCharacterIsSplitAcrossFragmentsIsValid() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            // "é" (0xC3 0xA9) split between two fragments: valid once joined, so the message is read, not refused.
            socket.sendFragment(RawWebSocket.TEXT, false, new byte[] {'{', '"', 'x', '"', ':', '"', (byte)0xC3});
            socket.sendFragment(RawWebSocket.CONTINUATION, false, new byte[] {(byte)0xA9, '"', ','});
            socket.sendFragment(RawWebSocket.CONTINUATION, true, "\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            final RawWebSocket.Frame answer = socket.read();
            assertNotNull(answer, "an answer to the ping");
            assertEquals(RawWebSocket.TEXT, answer.opcode(), answer::text);
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
