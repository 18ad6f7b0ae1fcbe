package io.ordergate.gateway.executor;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.json.RequestBody;

/** Publishes one command to the ring for a WebSocket or start-up. Stateless apart from a writer per call; safe from any thread. */
final class ExecutorPublisher
{
    private ExecutorPublisher()
    {
    }

    /** @return false when the ring is full (nothing was claimed) */
    static boolean publish(final Pipeline pipeline, final CommandType type, final int principal, final int source,
        final RequestBody body, final Object replyTo)
    {
        final long sequence = pipeline.tryClaim();
        if (sequence == Pipeline.RING_FULL)
        {
            return false;
        }
        final CommandEvent event = pipeline.event(sequence);
        final BodyWriter writer = new BodyWriter();
        try
        {
            event.reset(type);
            event.header(principal, System.currentTimeMillis() * 1000L, sequence, source);
            event.ingressNanos = System.nanoTime();
            body.encode(writer.wrap(event.frame, CommandFrame.BODY_OFFSET));
            event.bodyLength(writer.length());
        }
        catch (final RuntimeException ex)
        {
            event.type = null;
            event.reject(ResultCode.JOURNAL_FAILED, "the command could not be encoded", null);
        }
        finally
        {
            event.replyTo = replyTo;
            pipeline.publish(sequence);
        }
        return true;
    }
}
