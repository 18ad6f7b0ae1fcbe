package io.ordergate.gateway.core;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sockets the reply stage queued frames for in its current batch, each told once when the batch ends, so it can
 * send the batch's frames in one write (an executor's socket: {@link BatchEnd}). HTTP answers do not come through
 * here: the reply thread writes each to its socket itself, or hands it to the connection's event loop in one task that
 * writes and flushes.
 * <b>Not thread safe</b>: owned by the reply thread.
 */
public final class ChannelFlushes
{
    /** A socket that collects the reply stage's frames and sends them at the end of the batch. */
    public interface BatchEnd
    {
        /** The reply stage's batch ended (reply thread): send what was collected. */
        void endOfBatch();
    }

    private static final FailuresOncePerKind FAILURES =
        new FailuresOncePerKind(Logger.getLogger(ChannelFlushes.class.getName()), Level.SEVERE);

    private BatchEnd[] pending = new BatchEnd[64];
    private int count;

    /** Tell this socket at the end of the batch. */
    public void later(final BatchEnd socket)
    {
        for (int i = Math.max(0, count - 8); i < count; i++)
        {
            if (pending[i] == socket)
            {
                return;  // the common repeat (one socket's burst); a rarer one costs only a second, empty end of batch
            }
        }
        if (count == pending.length)
        {
            final BatchEnd[] more = new BatchEnd[count * 2];
            System.arraycopy(pending, 0, more, 0, count);
            pending = more;
        }
        pending[count++] = socket;
    }

    /**
     * The batch ended: tell every socket, and forget them. A socket that throws does not keep the others from sending,
     * nor this batch's sockets from being forgotten (it is logged once per kind of exception).
     */
    public void flushAll()
    {
        final int told = count;
        count = 0;
        for (int i = 0; i < told; i++)
        {
            final BatchEnd socket = pending[i];
            pending[i] = null;
            try
            {
                socket.endOfBatch();
            }
            catch (final RuntimeException ex)
            {
                FAILURES.failed(socket, ex, () -> "a socket's end of batch failed (logged once per kind)");
            }
        }
    }
}
