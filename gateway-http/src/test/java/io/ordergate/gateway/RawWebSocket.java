package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WebSocket spoken by hand over a plain socket, for what a polite client never does: frames larger than the limit,
 * binary frames, and not reading at all (a receive buffer made small, so the kernel's buffers fill fast). Frames
 * out are masked as RFC 6455 requires; frames in are read one at a time when the test chooses to.
 */
public final class RawWebSocket implements AutoCloseable
{
    /** One frame read: its opcode and payload. */
    public record Frame(int opcode, byte[] payload)
    {
        public String text()
        {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode()
        {
            return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : -1;
        }
    }

    public static final int TEXT = 1;
    static final int CONTINUATION = 0;
    static final int BINARY = 2;
    static final int CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String response;

    private RawWebSocket(final Socket socket, final String response) throws IOException
    {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.response = response;
    }

    /**
     * Connects and sends the upgrade with the key's headers.
     *
     * @param receiveBuffer the socket's receive buffer in bytes (small: a reader that stops fills it fast), or 0
     */
    static RawWebSocket connect(final int port, final String path, final TestGateway.Key key, final int receiveBuffer) throws IOException
    {
        final Socket socket = new Socket();
        if (receiveBuffer > 0)
        {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        final OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + (key == null ? "" : "X-API-Key: " + key.key() + "\r\nX-API-Secret: " + key.secret() + "\r\n") + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final InputStream in = socket.getInputStream();
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                break;
            }
            head.append((char)b);
        }
        return new RawWebSocket(socket, head.toString());
    }

    /** The HTTP answer to the upgrade (status line and headers). */
    String response()
    {
        return response;
    }

    void sendText(final String text) throws IOException
    {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One final frame of {@code opcode}, masked. */
    void send(final int opcode, final byte[] payload) throws IOException
    {
        writeMasked(out, opcode, payload);
    }

    /** One frame of a fragmented message: {@code opcode} TEXT (or BINARY) first, then CONTINUATION; {@code last} sets FIN. */
    void sendFragment(final int opcode, final boolean last, final byte[] payload) throws IOException
    {
        writeMasked(out, opcode, last, payload);
    }

    /** These bytes as they are, flushed: for what no client may send (an unmasked frame, a header without its payload). */
    void sendBytes(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    /** One final frame of {@code opcode}, masked as a client's must be, written to {@code out} and flushed. */
    public static void writeMasked(final OutputStream out, final int opcode, final byte[] payload) throws IOException
    {
        writeMasked(out, opcode, true, payload);
    }

    private static void writeMasked(final OutputStream out, final int opcode, final boolean fin, final byte[] payload) throws IOException
    {
        final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126)
        {
            frame.write(0x80 | payload.length);
        }
        else if (payload.length < 65536)
        {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        }
        else
        {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                frame.write((int)((long)payload.length >>> shift));
            }
        }
        final byte[] mask = {0x11, 0x22, 0x33, 0x44};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++)
        {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Every frame until the connection ends (or nothing comes within the socket timeout), in order. */
    List<Frame> readToEnd() throws IOException
    {
        final List<Frame> frames = new ArrayList<>();
        Frame frame;
        while ((frame = read()) != null)
        {
            frames.add(frame);
        }
        return frames;
    }

    /** The error a socket was told just before its close frame, which is the last and carries {@code closeCode}. */
    static JsonNode errorBeforeClose(final List<Frame> frames, final int closeCode) throws IOException
    {
        assertTrue(frames.size() >= 2, frames.size() + " frames");
        final Frame close = frames.get(frames.size() - 1);
        assertEquals(CLOSE, close.opcode(), "the close frame is the last");
        assertEquals(closeCode, close.closeCode());
        return TestGateway.JSON.readTree(frames.get(frames.size() - 2).text());
    }

    /** The next frame, or null when the connection ended (EOF, reset) or nothing came within the socket timeout. */
    Frame read() throws IOException
    {
        try
        {
            return readFrame(in);
        }
        catch (final EOFException | SocketTimeoutException ex)
        {
            return null;
        }
        catch (final IOException ex)
        {
            if (socket.isClosed() || ex.getMessage() != null && ex.getMessage().contains("reset"))
            {
                return null;
            }
            throw ex;
        }
    }

    /** The next frame from {@code in}, which must be one a server may send: final, no extension bits, not masked. */
    public static Frame readFrame(final DataInputStream in) throws IOException
    {
        final int first = in.readUnsignedByte();
        final int second = in.readUnsignedByte();
        if ((first & 0x70) != 0 || (first & 0x80) == 0 || (second & 0x80) != 0)
        {
            throw new IOException("not a final, plain, unmasked frame: header " + Integer.toHexString(first) + " " + Integer.toHexString(second));
        }
        long length = second & 0x7f;
        if (length == 126)
        {
            length = in.readUnsignedShort();
        }
        else if (length == 127)
        {
            length = in.readLong();
        }
        final byte[] payload = new byte[(int)length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    void timeoutMillis(final int millis) throws IOException
    {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
