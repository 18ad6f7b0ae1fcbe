package io.ordergate.gateway.core;

import java.util.logging.Logger;

import com.lmax.disruptor.EventTranslatorTwoArg;

import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.json.RequestBody;

/**
 * The one way a command enters the ring, for every source: HTTP routes, WebSockets, the quote feed, start-up, the
 * executor connector. Claim, fill and publish happen in {@link Pipeline#tryPublish} with the one static translator
 * {@link #FILL}, which writes the header (the correlation id is the ring sequence, see {@link CommandFrame}), the
 * body and who waits. A body whose encoding throws leaves the slot <em>skipped</em> (no type, a result): the journal
 * and the engine pass it by and whoever waits is answered 500, so a half-written frame is never journaled.
 *
 * <p>Thread safe: each publishing thread fills through its own {@link Submission}; nothing is allocated per command.
 */
public final class CommandPublisher
{
    private static final Logger LOG = Logger.getLogger(CommandPublisher.class.getName());
    private static final EventTranslatorTwoArg<CommandEvent, Submission, RequestBody> FILL = CommandPublisher::fill;

    private final FastThreadLocal<Submission> submissions = submissionPerThread();
    private volatile Pipeline pipeline;

    /** The pipeline to publish to, once start-up has built it. */
    public void pipeline(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    /**
     * Publishes one command.
     *
     * @param replyTo    who waits for its answer ({@link ReplyTarget}), or null
     * @param attachment what the one who waits needs besides the event (an {@link Answer}), or null
     * @return false when the ring is full (or the pipeline not yet built): nothing was published
     */
    public boolean publish(final CommandType type, final int principal, final int source, final RequestBody body,
        final Object replyTo, final Object attachment)
    {
        return publish(type, principal, source, body, replyTo, attachment, false);
    }

    /**
     * Publishes one command; with {@code mayRunStages}, from a thread that may run the pipeline's stages itself when no
     * other thread is running them (an event loop in a route's handler: {@link Pipeline#tryPublishAndRun}), so the
     * command may be answered before this returns.
     *
     * @return false when the ring is full (or the pipeline not yet built): nothing was published
     */
    public boolean publish(final CommandType type, final int principal, final int source, final RequestBody body,
        final Object replyTo, final Object attachment, final boolean mayRunStages)
    {
        final Pipeline running = pipeline;
        if (running == null)
        {
            return false;
        }
        final Submission submission = submissions.get().set(type, principal, source, replyTo, attachment);
        try
        {
            return mayRunStages ? running.tryPublishAndRun(FILL, submission, body) : running.tryPublish(FILL, submission, body);
        }
        finally
        {
            submission.clear();
        }
    }

    /**
     * Made in a static context so it holds no publisher: a thread that outlives the gateway (the thread that started
     * it, a test runner's main thread) keeps every FastThreadLocal it used in its map, and an anonymous class made
     * here would keep this publisher, its pipeline and the whole engine with it.
     */
    private static FastThreadLocal<Submission> submissionPerThread()
    {
        return new FastThreadLocal<>()
        {
            @Override
            protected Submission initialValue()
            {
                return new Submission();
            }
        };
    }

    private static void fill(final CommandEvent event, final long sequence, final Submission submission, final RequestBody body)
    {
        event.reset(submission.type);
        event.header(submission.principal, System.currentTimeMillis() * 1000L, sequence, submission.source);
        event.ingressNanos = System.nanoTime();
        event.replyTo = submission.replyTo;
        event.attachment = submission.attachment;
        try
        {
            body.encode(submission.writer.wrap(event.frame, CommandFrame.BODY_OFFSET));
            event.bodyLength(submission.writer.length());
        }
        catch (final RuntimeException | Error ex)
        {
            skip(event, ex);
            if (ex instanceof Error)
            {
                throw (Error)ex;  // marked skipped above; Disruptor's tryPublishEvent publishes the slot in its finally
            }
        }
    }

    private static void skip(final CommandEvent event, final Throwable cause)
    {
        final CommandType type = event.type;
        LOG.warning(() -> "a " + type + " command could not be encoded (" + cause.getClass().getSimpleName() + "); it was skipped");
        event.type = null;
        event.bodyLength(0);
        event.reject(ResultCode.JOURNAL_FAILED, "the command could not be encoded", null);
    }

    /** The header fields and who waits, of the command the current thread is publishing. */
    private static final class Submission
    {
        final BodyWriter writer = new BodyWriter();
        CommandType type;
        int principal;
        int source;
        Object replyTo;
        Object attachment;

        Submission set(final CommandType type, final int principal, final int source, final Object replyTo, final Object attachment)
        {
            this.type = type;
            this.principal = principal;
            this.source = source;
            this.replyTo = replyTo;
            this.attachment = attachment;
            return this;
        }

        void clear()
        {
            this.replyTo = null;
            this.attachment = null;
        }
    }
}
