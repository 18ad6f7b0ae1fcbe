package io.ordergate.gateway.streams;

import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Market data encoded once per quote and shared by every socket it goes to (issue 12: 1,000 subscribers). The fan-out
 * writes a quote's message once into a pooled buffer; each socket's outbox holds a reference to it (a retain, no
 * object), and the socket's event loop writes it straight to the channel as a WebSocket text frame, past Netty's
 * frame encoder (which passes buffers through), so no {@code TextWebSocketFrame} and no encoding per socket:
 *
 * <pre>
 *   price socket:  [ 0x81 len | {"symbol":...,"timestamp":...} ]   the whole frame, shared: a retainedDuplicate per write
 *   user socket:   [ 0x81 len | {"seq":N, | "type":"quote",...} ]   its own header and seq, then the shared bytes copied
 * </pre>
 * A user socket copies the shared bytes (about 100) behind its own seq into one pooled buffer: one buffer per write
 * instead of a header buffer plus a duplicate, and no recycled wrapper held per socket while a pass is delivered.
 * Server frames are unmasked (RFC 6455 5.1) and the streams negotiate no extension, so the header is the opcode byte
 * and the payload length. Stateless; the buffers returned are the caller's to release.
 */
final class SharedFrames
{
    private static final int TEXT_FINAL = 0x81;
    private static final int MAX_SHORT_LENGTH = 125;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;
    /** Header (at most 10 bytes) + {@code {"seq":} + 19 digits + {@code ,}. */
    private static final int MAX_USER_PREFIX = 10 + 7 + 19 + 1;
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private SharedFrames()
    {
    }

    /** A price socket's whole frame: header and the JSON object the buffer holds in {@code [0, length)}. */
    static ByteBuf wholeFrame(final ExpandableArrayBuffer json, final int length)
    {
        final ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(length + 10);
        header(frame, length);
        frame.writeBytes(json.byteArray(), 0, length);
        return frame;
    }

    /** A user socket's message without its opening brace, which comes with the socket's own {@code {"seq":N,}. */
    static ByteBuf afterBrace(final ExpandableArrayBuffer json, final int length)
    {
        final ByteBuf rest = PooledByteBufAllocator.DEFAULT.directBuffer(length - 1);
        rest.writeBytes(json.byteArray(), 1, length - 1);
        return rest;
    }

    /** Writes (without flushing) a user socket's frame: header, its seq, then the shared bytes, in one pooled buffer. */
    static void writeUserFrame(final Channel ch, final long seq, final ByteBuf shared)
    {
        final int digits = digits(seq);
        final int rest = shared.readableBytes();
        final ByteBuf frame = ch.alloc().directBuffer(MAX_USER_PREFIX + rest);
        header(frame, SEQ_PREFIX.length + digits + 1 + rest);
        frame.writeBytes(SEQ_PREFIX);
        final int at = frame.writerIndex();
        long left = seq;
        for (int i = digits - 1; i >= 0; i--)
        {
            frame.setByte(at + i, (int)('0' + left % 10));
            left /= 10;
        }
        frame.writerIndex(at + digits).writeByte(',');
        frame.writeBytes(shared, shared.readerIndex(), rest);
        ch.write(frame, ch.voidPromise());
    }

    /**
     * Writes a polled message to a socket and lets go of it: a message of its own, or a shared frame (a price socket's
     * whole, a user socket's with its seq spliced in). Event loop.
     */
    static void write(final Channel ch, final boolean userSocket, final StreamOutbox.Polled polled)
    {
        if (polled.frame == null)
        {
            ch.write(new TextWebSocketFrame(messageFrame(ch.alloc(), userSocket, polled.seq, polled.body)));
        }
        else if (!userSocket)
        {
            ch.write(polled.frame.retainedDuplicate(), ch.voidPromise());  // the whole frame, encoded once
            polled.frame.release();
        }
        else
        {
            writeUserFrame(ch, polled.seq, polled.frame);
            polled.frame.release();
        }
        polled.frame = null;
        polled.body = null;
    }

    /** A must-arrive message's payload: a user socket's with its seq first ({@code {"seq":N,} + the rest), a price socket's as is. */
    static ByteBuf messageFrame(final ByteBufAllocator alloc, final boolean withSeq, final long seq, final byte[] body)
    {
        if (!withSeq)
        {
            return alloc.buffer(body.length).writeBytes(body);
        }
        final byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
        final ByteBuf frame = alloc.buffer(body.length + SEQ_PREFIX.length + digits.length + 1);
        frame.writeBytes(SEQ_PREFIX).writeBytes(digits).writeByte(',').writeBytes(body, 1, body.length - 1);
        return frame;
    }

    /** The frame header of an unmasked final text frame of {@code payload} bytes. */
    static void header(final ByteBuf out, final int payload)
    {
        out.writeByte(TEXT_FINAL);
        if (payload <= MAX_SHORT_LENGTH)
        {
            out.writeByte(payload);
        }
        else if (payload <= 0xFFFF)
        {
            out.writeByte(LENGTH_16).writeShort(payload);
        }
        else
        {
            out.writeByte(LENGTH_64).writeLong(payload);
        }
    }

    static int digits(final long value)
    {
        int digits = 1;
        for (long left = value / 10; left > 0; left /= 10)
        {
            digits++;
        }
        return digits;
    }
}
