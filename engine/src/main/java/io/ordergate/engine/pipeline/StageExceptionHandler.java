package io.ordergate.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.lmax.disruptor.ExceptionHandler;

import io.ordergate.engine.command.CommandEvent;

/**
 * What a stage does when a command throws: the command is marked failed ({@link CommandEvent#stageFailed}: no later
 * stage acts on it) and keeps a failure result a stage already gave it (JOURNAL_FAILED) or gets none (its client hears
 * 500 INTERNAL_ERROR), the failure is counted and logged, and the stage goes on with the next command. Disruptor's default handler would
 * stop the stage thread, and with it every client after. Thread safe.
 */
final class StageExceptionHandler implements ExceptionHandler<CommandEvent>
{
    private static final Logger LOG = Logger.getLogger(StageExceptionHandler.class.getName());

    private final AtomicLong failures = new AtomicLong();

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final CommandEvent event)
    {
        final long count = failures.incrementAndGet();
        if (event != null)
        {
            event.stageFailed = true;  // the later stages (the engine's above all) must not act on it
            if (event.result == null || event.result.isSuccess())
            {
                failedInside(event);
            }
        }
        // The first failures in full, then one line per thousand: a bug must not flood the log on the hot path.
        if (count <= 10 || count % 1000 == 0)
        {
            LOG.log(Level.SEVERE, "stage failure #" + count + " on " + (event == null ? "?" : event.type) + " at sequence " + sequence, ex);
        }
    }

    /** The command keeps no result (its client hears 500 INTERNAL_ERROR); live here, and on replay ({@link Replayer}). */
    static void failedInside(final CommandEvent event)
    {
        event.clearResult();
        event.resultMessage = "the command failed inside the gateway";
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        LOG.log(Level.SEVERE, "a pipeline stage failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        LOG.log(Level.WARNING, "a pipeline stage failed to shut down", ex);
    }

    long failures()
    {
        return failures.get();
    }
}
