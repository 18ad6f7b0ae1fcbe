package io.ordergate.gateway.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The NIO listener whose accepted connections let the reply thread write an answer to the socket itself
 * ({@link ReplyHandOff}): Netty's own NIO channels, with the JDK socket of each accepted one reachable. Nothing else
 * differs; Netty keeps the socket's registration, reads, writes and close. Thread safe as Netty's channels are.
 */
public final class DirectReplyChannel extends NioServerSocketChannel
{
    private static final Logger LOG = Logger.getLogger(DirectReplyChannel.class.getName());
    /** Above the answers to orders and most reads; a longer write is viewed in place. */
    private static final int SCRATCH_BYTES = 16 * 1024;
    /** Each writing thread's copy of what it writes ({@link #nioView}): the reply thread's, in practice. */
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(SCRATCH_BYTES));

    /** An accepted connection: Netty's {@link NioSocketChannel}, with its JDK socket for {@link ReplyHandOff}. */
    static final class Accepted extends NioSocketChannel
    {
        Accepted(final Channel parent, final SocketChannel socket)
        {
            super(parent, socket);
        }

        /** The JDK socket (non-blocking, as Netty configured it): written only by the thread holding the hand-off. */
        SocketChannel socket()
        {
            return javaChannel();
        }
    }

    /**
     * The JDK socket of a connection this listener accepted (non-blocking, as Netty configured it), or null for any other
     * channel. Written only by a thread that holds the connection's hand-off ({@link ReplyHandOff}, or an executor socket's
     * write guard), never beside Netty's own writes.
     */
    public static SocketChannel acceptedSocket(final Channel channel)
    {
        return channel instanceof Accepted ? ((Accepted)channel).socket() : null;
    }

    /**
     * Writes what the non-blocking {@code socket} takes of {@code bytes} now, moving their reader index past it: true
     * when it took them all, false when its send buffer filled first (the rest stays readable for the event loop).
     */
    public static boolean writeWhatFits(final SocketChannel socket, final ByteBuf bytes) throws IOException
    {
        final ByteBuffer nio = nioView(bytes);
        int written = 0;
        try
        {
            while (nio.hasRemaining())
            {
                final int now = socket.write(nio);
                if (now == 0)
                {
                    return false;  // the send buffer is full: the event loop waits for room as for any write
                }
                written += now;
            }
            return true;
        }
        finally
        {
            bytes.skipBytes(written);
        }
    }

    /**
     * The readable bytes as a JDK buffer the socket can take. A small one is copied into this thread's scratch buffer
     * (a memory copy): a pooled buffer's own view is a new {@code DirectByteBuffer} each time the pool hands the buffer
     * out again, one per answer (docs/PERFORMANCE.md, "Bytes allocated per order"). A large one (an executor's batch)
     * is viewed in place.
     */
    private static ByteBuffer nioView(final ByteBuf bytes)
    {
        final int length = bytes.readableBytes();
        if (length > SCRATCH_BYTES)
        {
            return bytes.internalNioBuffer(bytes.readerIndex(), length);
        }
        final ByteBuffer scratch = SCRATCH.get();
        scratch.clear().limit(length);
        bytes.getBytes(bytes.readerIndex(), scratch);
        return scratch.flip();
    }

    @Override
    protected int doReadMessages(final List<Object> accepted) throws Exception
    {
        final SocketChannel socket = javaChannel().accept();
        if (socket == null)
        {
            return 0;
        }
        try
        {
            accepted.add(new Accepted(this, socket));
            return 1;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.WARNING, "an accepted connection could not be set up: " + ex.getClass().getName());
            socket.close();
            return 0;
        }
    }
}
