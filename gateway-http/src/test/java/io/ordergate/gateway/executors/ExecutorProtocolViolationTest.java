package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.RawWebSocket;

/**
 * An executor's socket is built by the same WebSocketUpgrade as a stream's: a frame that breaks RFC 6455 gets the frame
 * decoder's close frame (1002) before the socket ends, not an end without a word, and nothing after it.
 */
class ExecutorProtocolViolationTest
{
    private static final int CLOSE = 8;

    @TempDir
    Path dataDir;

    @Test
    void anUnmaskedFrameIsAnsweredWithCloseCode1002AndNothingAfterIt() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "ping_interval_seconds: 30, socket_idle_timeout_seconds: 120"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket raw = gateway.rawStream(executor, 0))
            {
                final OutputStream out = raw.getOutputStream();
                out.write(new byte[] {(byte)0x81, 0x02, '{', '}'});  // a final text frame without the mask a client's must have
                out.flush();
                assertClosedWith(1002, new DataInputStream(raw.getInputStream()));
            }
        }
    }

    @Test
    void aTextMessageOfInvalidUtf8IsAnsweredWithCloseCode1007AndNothingAfterIt() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "ping_interval_seconds: 30, socket_idle_timeout_seconds: 120"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket raw = gateway.rawStream(executor, 0))
            {
                // 0xC3 0x28: a lead byte without its continuation; RFC 6455 8.1 fails the connection, no INVALID_JSON answer.
                RawWebSocket.writeMasked(raw.getOutputStream(), 1, new byte[] {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte)0xC3, '(', '"', '}'});
                assertClosedWith(1007, new DataInputStream(raw.getInputStream()));
            }
        }
    }

    /** The first close frame read carries {@code code}, and nothing follows it before the socket ends. */
    private static void assertClosedWith(final int code, final DataInputStream in) throws Exception
    {
        RawWebSocket.Frame frame = RawWebSocket.readFrame(in);
        while (frame.opcode() != CLOSE)
        {
            frame = RawWebSocket.readFrame(in);  // whatever the gateway wrote before it read the frame
        }
        final byte[] payload = frame.payload();
        assertEquals(code, (payload[0] & 0xff) << 8 | payload[1] & 0xff, frame::text);
        assertThrows(EOFException.class, () -> RawWebSocket.readFrame(in), "nothing after the close frame, and the socket ended");
    }
}
