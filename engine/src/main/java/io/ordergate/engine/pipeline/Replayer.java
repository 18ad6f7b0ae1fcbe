package io.ordergate.engine.pipeline;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.journal.Journal;

/**
 * Rebuilds state at start-up: feeds every journaled command to a fresh engine on the calling thread, in journal
 * order, with venue side effects off. Runs before {@link Pipeline#start}, so the engine is owned by this thread
 * until then.
 *
 * <p>A command that throws is handled as the live engine stage handles it ({@link StageExceptionHandler}): it keeps
 * what it changed before the throw, loses its result, is counted and logged, and replay goes on. Live, such a command
 * answered 500 and the gateway went on; stopping here would leave a gateway that ran yesterday unable to start, and
 * going on leaves the state exactly as the live run left it.
 */
public final class Replayer
{
    private static final Logger LOG = Logger.getLogger(Replayer.class.getName());
    /** The first failures are logged in full; the rest only counted. */
    private static final int LOGGED_FAILURES = 10;

    private Replayer()
    {
    }

    /**
     * Outcome of a replay, for the start-up log.
     *
     * @param failed commands that threw while applied (each also did live)
     */
    public record Result(long records, long skipped, long failed)
    {
    }

    public static Result replay(final Journal journal, final Engine engine, final ResultHandler replies)
    {
        final CommandEvent event = new CommandEvent();
        final long[] skipped = {0};
        final long[] failed = {0};
        final long records = journal.replay((buffer, offset, length, index) ->
        {
            // the length first: a record too short for a header has no type to read (its bytes end before it)
            final CommandType type = length < CommandFrame.HEADER_LENGTH ? null
                : CommandType.fromCode(buffer.getInt(offset + CommandFrame.TYPE_OFFSET));
            if (type == null || !type.journaled())
            {
                skipped[0]++;
                return;
            }
            event.reset(type);
            event.frame.putBytes(0, buffer, offset, length);
            event.journalIndex = index;
            try
            {
                engine.apply(event);
            }
            catch (final RuntimeException ex)
            {
                failed[0]++;
                StageExceptionHandler.failedInside(event);
                if (failed[0] <= LOGGED_FAILURES)
                {
                    LOG.log(Level.SEVERE, "replay: a " + type + " command failed at journal index " + index + "; going on as the live run did", ex);
                }
            }
            replies.onReplayed(event);
        });
        return new Result(records, skipped[0], failed[0]);
    }
}
