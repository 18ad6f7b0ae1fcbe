package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.journal.JournalAppender;

/**
 * Stage 1: appends every state-changing command's frame to the journal before the engine may apply it.
 * <b>Not thread safe</b>: owned by the journal thread (og-journal, or og-pipeline with one stage thread).
 */
final class JournalStage implements EventHandler<CommandEvent>
{
    private final Appender appender;
    private final PipelineCounters counters;

    /** Where frames go: {@link JournalAppender#append}, or a test's stand-in. */
    @FunctionalInterface
    interface Appender
    {
        long append(org.agrona.DirectBuffer buffer, int offset, int length);
    }

    JournalStage(final Appender appender, final PipelineCounters counters)
    {
        this.appender = appender;
        this.counters = counters;
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == null || event.result != null || event.stageFailed || !event.type.journaled())
        {
            return;
        }
        try
        {
            event.journalIndex = appender.append(event.frame, 0, event.frameLength());
            event.journaledNanos = System.nanoTime();
            counters.journaled();
        }
        catch (final RuntimeException ex)
        {
            // The command never happened: the engine skips it and the client hears 500, not "accepted".
            event.reject(ResultCode.JOURNAL_FAILED, "journal append failed: " + ex.getClass().getSimpleName(), null);
            counters.journalFailed();
        }
        catch (final Error ex)
        {
            // An Error too (a full or failing disk under the mapped file surfaces as InternalError): never "accepted".
            // Rethrown so the stage's exception handler logs it; the handler keeps this result and marks the event.
            event.reject(ResultCode.JOURNAL_FAILED, "journal append failed: " + ex.getClass().getSimpleName(), null);
            counters.journalFailed();
            throw ex;
        }
    }
}
