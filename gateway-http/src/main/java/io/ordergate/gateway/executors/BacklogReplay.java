package io.ordergate.gateway.executors;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.mt5.ExecutorBodies;

/**
 * A (re)connected executor's backlog, replayed at the pace its socket drains: the engine pushes it a page at a time
 * (EXECUTOR_SYNC, {@code SyncPages}), and the next page is asked for only once the socket is writable again (Netty's
 * write buffer below its low water mark). Each page's answer carries the cursor the next request sends back.
 *
 * <p>Each request bounds its page by bytes ({@link #pageBytes}), so a page asked for while the socket is writable
 * (less than the high water mark queued) cannot take it past {@code executors.max_queued_bytes_per_socket}, however
 * large its commands. The next page is asked for only at the end of the reply batch that sent this one, after the page's
 * frames were handed to the channel, so the writability it is asked under counts them.
 *
 * <p>Thread safety: {@link #pageAnswered} runs on the reply thread and hands the cursor to the channel's event loop;
 * everything else runs on that event loop.
 */
final class BacklogReplay
{
    private static final long RING_FULL_RETRY_MILLIS = 10;
    /** A page's bytes at most, with a large queued-bytes bound. */
    private static final int MAX_PAGE_BYTES = 64 * 1024;

    private final CommandPublisher publisher;
    private final String executorId;
    private final ReplyTarget socket;
    private final int pageBytes;
    /** The reply thread's reader of a page's answer. */
    private final RequestReader pageReader = new RequestReader();
    private Channel channel;
    /** Event loop: the next page, waiting for the socket to drain; null when none waits. */
    private long[] waiting;

    /** @param pageBytes the most bytes of frames one page may take (a share of the socket's queued-bytes bound) */
    BacklogReplay(final CommandPublisher publisher, final String executorId, final ReplyTarget socket, final int pageBytes)
    {
        this.publisher = publisher;
        this.executorId = executorId;
        this.socket = socket;
        this.pageBytes = pageBytes;
    }

    /**
     * A backlog page's bytes: a page is asked for only while less than the high water mark is queued, so with a quarter
     * of what lies between that mark and the bound (64 KB at most) the bound keeps room for the live commands and
     * answers written meanwhile.
     */
    static int pageBytes(final int maxQueuedBytes, final int highWaterMark)
    {
        return Math.min(MAX_PAGE_BYTES, (maxQueuedBytes - highWaterMark) / 4);
    }

    /** Event loop, after the handshake: asks for the first page. False when the ring is full. */
    boolean start(final Channel channel)
    {
        this.channel = channel;
        return publisher.publish(CommandType.EXECUTOR_SYNC, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET,
            writer -> ExecutorBodies.syncFirstPage(writer, executorId, pageBytes), socket, null);
    }

    /**
     * Reply thread: a page went out (its frames are in the socket's outbox); unless it was the last, the next is asked
     * for once the batch's end has handed the outbox to the channel ({@code flushes} tells the outbox first).
     */
    void pageAnswered(final CommandEvent event, final ChannelFlushes flushes) throws BadRequest
    {
        final Channel ch = channel;
        if (ch == null || event.result != ResultCode.OK || event.outputKind != CommandEvent.OUTPUT_JSON)
        {
            return;
        }
        boolean done = true;
        long priority = 0;
        long after = 0;
        long upTo = 0;
        pageReader.begin(event.output.byteArray(), event.outputLength, false);
        while (pageReader.nextField())
        {
            switch (pageReader.fieldName())
            {
                case "done": done = pageReader.bool("done") != 0; break;
                case "priority": priority = pageReader.wholeNumber("priority"); break;
                case "after": after = pageReader.wholeNumber("after"); break;
                case "up_to": upTo = pageReader.wholeNumber("up_to"); break;
                default: pageReader.ignore();
            }
        }
        pageReader.finish();
        if (!done)
        {
            final long[] next = {priority, after, upTo};
            flushes.later(() -> ch.eventLoop().execute(() -> next(next)));
        }
    }

    /** Event loop: the channel became writable again; a page that waited for it is asked for now. */
    void drained()
    {
        final long[] page = waiting;
        if (page != null && channel.isWritable())
        {
            waiting = null;
            next(page);
        }
    }

    private void next(final long[] page)
    {
        final Channel ch = channel;
        if (!ch.isActive())
        {
            return;
        }
        if (!ch.isWritable())
        {
            waiting = page;
            return;
        }
        if (!publisher.publish(CommandType.EXECUTOR_SYNC, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET,
            writer -> ExecutorBodies.syncPage(writer, executorId, (int)page[0], page[1], page[2], pageBytes), socket, null))
        {
            ch.eventLoop().schedule(() -> next(page), RING_FULL_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
